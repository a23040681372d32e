/**
 * The national/provincial roll-up against crafted tenants whose figures were worked out by hand:
 * three kabupaten (A: 12 cases of the Pilkada, B: 3, C: 8), a province that oversees A and B, and
 * the demo tenant where the platform superadmin lives. Covered: the per-tenant aggregates and totals
 * (employees, pledge signing, apel, cases by status group, proven, sanctioned, PPK follow-up and days
 * waiting), small-cell suppression and its links to the totals, the grant (an overseer sees only its
 * granted tenants; an admin without a grant gets 403; the superadmin sees all), the refresh job
 * (daily rows, replaced on a second run, history by `asOf`), and the XLSX.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/server/lib/dates.js';
import { enqueueNationalRefresh } from '../../src/server/modules/insights/national.jobs.js';
import { refreshTenantStats } from '../../src/server/modules/insights/national.service.js';
import { deducibleBounds, type SuppressionMark } from '../../src/server/modules/insights/suppression.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { exec, insertCase } from '../support/insights-fixtures.js';
import { isoDay } from '../support/pledge-fixtures.js';

const PASSWORD = 'Sandi-Awal-Yang-Panjang-1';
const PILKADA = 'pilkada:2026-12-09';
const PEMILU = 'pemilu:2024-02-14';
const STAGES = {
  pilkada: '[{"kind":"tahapan_mulai","startsOn":"2026-02-01","endsOn":null},{"kind":"pemungutan_suara","startsOn":"2026-12-09","endsOn":null}]',
  pemilu: '[{"kind":"tahapan_mulai","startsOn":"2022-06-14","endsOn":null},{"kind":"pemungutan_suara","startsOn":"2024-02-14","endsOn":null}]',
};
const q = (v: string | null) => (v === null ? 'null' : `'${v.replace(/'/g, "''")}'`);
/** 09:00 WIB `days` days ago. */
const daysAgo = (days: number) => `${isoDay(-days)}T02:00:00Z`;

type Cell = { value: number | null; suppressed: 'small' | 'complementary' | null };
const shown = (value: number): Cell => ({ value, suppressed: null });
const SMALL: Cell = { value: null, suppressed: 'small' };

interface Built {
  tenantId: string;
  units: Record<string, string>;
  employees: string[];
  events: Record<string, string>;
}

/** Units under the tenant's root, `active` + `inactive` employees in the first unit, and elections. */
async function build(t: TestApp, tenantId: string, units: [string, string][], active: number, inactive: number, events: [string, 'pilkada' | 'pemilu', string][]): Promise<Built> {
  const root = (await exec(t, `select id from unit where tenant_id = '${tenantId}' and parent_id is null`)).rows[0]!.id as string;
  const out: Built = { tenantId, units: {}, employees: [], events: {} };
  for (const [name, type] of units) {
    const id = randomUUID();
    out.units[name] = id;
    await exec(t, `insert into unit (tenant_id, id, parent_id, name, name_key, unit_type, path) values ('${tenantId}', '${id}', '${root}', ${q(name)}, ${q(name.toLowerCase())}, '${type}', '/${root}/${id}/')`);
  }
  const first = Object.values(out.units)[0]!;
  for (let i = 0; i < active + inactive; i++) {
    const id = randomUUID();
    out.employees.push(id);
    await exec(t, `insert into employee (tenant_id, id, id_type, id_number, name, category, jabatan_class, unit_id, is_active)
                   values ('${tenantId}', '${id}', 'nik', '${tenantId.slice(0, 8)}${String(i).padStart(4, '0')}', 'Pegawai ${i}', 'pns', 'pelaksana', '${first}', ${i < active})`);
  }
  for (const [key, kind, name] of events) {
    const id = randomUUID();
    out.events[key] = id;
    await exec(t, `insert into election_event (tenant_id, id, kind, name, stages) values ('${tenantId}', '${id}', '${kind}', ${q(name)}, '${STAGES[kind]}'::jsonb)`);
  }
  return out;
}

/** A campaign with `signed` live signatures (the first employees) plus one revoked, and apel reports per unit name. */
async function campaign(t: TestApp, b: Built, event: string, status: string, apelTypes: string[], signed: number, apel: Record<string, string> = {}): Promise<string> {
  const id = randomUUID();
  const [ikrar, pakta] = [randomUUID(), randomUUID()];
  await exec(t, `insert into pledge_campaign (tenant_id, id, event_id, name, status, sign_deadline, apel_unit_types, apel_report_deadline, signing_place)
                 values ('${b.tenantId}', '${id}', '${b.events[event]}', 'Ikrar ${event}', '${status}', '2026-12-05', '{${apelTypes.join(',')}}', '2026-11-20', 'Kota')`);
  for (const [tid, kind] of [[ikrar, 'ikrar'], [pakta, 'pakta']] as const) {
    await exec(t, `insert into pledge_template (tenant_id, id, campaign_id, kind, version, title, body) values ('${b.tenantId}', '${tid}', '${id}', '${kind}', 1, 'Judul', 'Isi')`);
  }
  const sign = async (employeeId: string, revoked: boolean) =>
    exec(t, `insert into pledge_signature (tenant_id, campaign_id, employee_id, ikrar_template_id, pakta_template_id, method, identity, typed_name, text_sha256, signed_at, server_signature, key_id, revoked_at)
             values ('${b.tenantId}', '${id}', '${employeeId}', '${ikrar}', '${pakta}', 'online', '{}'::jsonb, 'x', 'x', now(), 'x', 'k', ${revoked ? 'now()' : 'null'})`);
  for (const e of b.employees.slice(0, signed)) await sign(e, false);
  if (signed < b.employees.length) await sign(b.employees[signed]!, true);
  for (const [unit, apelStatus] of Object.entries(apel)) {
    await exec(t, `insert into apel_report (tenant_id, campaign_id, unit_id, status, held_on, place, leader_name, reader_name)
                   values ('${b.tenantId}', '${id}', '${b.units[unit]}', '${apelStatus}', '2026-11-01', 'Halaman', 'Pemimpin', 'Pembaca')`);
  }
  return id;
}

const PROVEN = { finding: 'proven' as const };
const SANCTIONED = { finding: 'proven' as const, sanction: 'teguran_tertulis' };
const PPK = { ppkName: 'Bupati', recommendedAt: daysAgo(20) };

describe(`national roll-up on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let A: Built;
  let B: Built;
  let C: Built;
  let provinceId: string;
  const ids: Record<string, string> = {};
  const superadmin = () => clients.superadmin!;
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 20);
    clients.superadmin = new TestClient(t);
    await clients.superadmin.login('superadmin', undefined, 'kab-contoh');
    const tenant = async (slug: string, name: string, kind: string, wilayahCode: string) => {
      const res = await superadmin().post('/api/tenants', { slug, name, kind, wilayahCode, timezone: 'Asia/Jakarta', admin: { username: 'admin.bkd', displayName: `Admin ${name}`, password: PASSWORD } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[slug] = res.body.id;
      return res.body.id as string;
    };
    const a = await tenant('kab-banyumas', 'Kabupaten Banyumas', 'kabupaten', '33.02');
    const b = await tenant('kab-purbalingga', 'Kabupaten Purbalingga', 'kabupaten', '33.03');
    const c = await tenant('kab-pacitan', 'Kabupaten Pacitan', 'kabupaten', '35.01');
    provinceId = await tenant('prov-jateng', 'Provinsi Jawa Tengah', 'provinsi', '33');
    ids['kab-contoh'] = demo.tenantId;

    // A: 10 active employees (+1 inactive); the Pilkada (campaign open, 7 signed, apel 2 required: 1 accepted, 1 submitted)
    // and Pemilu 2024 (closed campaign, all signed); a draft campaign that counts nowhere.
    A = await build(t, a, [['Dinas Pendidikan', 'dinas'], ['Kecamatan Ajibarang', 'kecamatan'], ['Bagian Umum', 'bagian']], 10, 1, [['pilkada', 'pilkada', 'Pilkada Banyumas 2026'], ['pemilu', 'pemilu', 'Pemilu 2024']]);
    await campaign(t, A, 'pilkada', 'open', ['dinas', 'kecamatan'], 7, { 'Dinas Pendidikan': 'accepted', 'Kecamatan Ajibarang': 'submitted', 'Bagian Umum': 'accepted' });
    await campaign(t, A, 'pemilu', 'closed', [], 10);
    await campaign(t, A, 'pilkada', 'draft', ['dinas'], 0);
    const caseA = (c: Omit<Parameters<typeof insertCase>[2], 'eventId'> & { eventId?: string | null }) => insertCase(t, a, { eventId: A.events.pilkada!, ...c });
    for (let i = 0; i < 2; i++) await caseA({ state: 'registered', createdAt: daysAgo(3), subjects: [] });
    await caseA({ state: 'verification', createdAt: daysAgo(4), subjects: [{}] });
    for (let i = 0; i < 2; i++) await caseA({ state: 'clarification', createdAt: daysAgo(6), subjects: [{}] });
    // Waiting for the PPK: in that step since 10 days ago (step_started_at = created_at in the fixture).
    for (let i = 0; i < 2; i++) await caseA({ state: 'awaiting_ppk', createdAt: daysAgo(10), subjects: [PROVEN], ...PPK });
    await caseA({ state: 'follow_up', createdAt: daysAgo(30), subjects: [SANCTIONED], ...PPK, decidedAt: daysAgo(15) });
    let target = '';
    for (let i = 0; i < 3; i++) target = await caseA({ state: 'closed', closeReason: 'executed', createdAt: daysAgo(40), subjects: [SANCTIONED, PROVEN], ...PPK, decidedAt: daysAgo(15) });
    await caseA({ state: 'closed', closeReason: 'not_proven', createdAt: daysAgo(40), subjects: [{ finding: 'not_proven' }] });
    await caseA({ state: 'closed', closeReason: 'merged', createdAt: daysAgo(40), subjects: [PROVEN], mergedInto: target }); // never counted
    await caseA({ eventId: null, state: 'registered', createdAt: daysAgo(2), subjects: [] }); // no election: only under "all"
    for (let i = 0; i < 5; i++) await caseA({ eventId: A.events.pemilu!, state: 'closed', closeReason: 'executed', createdAt: '2024-01-20T02:00:00Z', subjects: [SANCTIONED], ppkName: 'Bupati', recommendedAt: '2024-02-01T02:00:00Z', decidedAt: '2024-02-05T02:00:00Z' });

    // B: 6 employees, Pilkada campaign with 3 signed and its one dinas not reported; 3 cases.
    B = await build(t, b, [['Dinas Kesehatan', 'dinas']], 6, 0, [['pilkada', 'pilkada', 'Pilkada Purbalingga 2026']]);
    await campaign(t, B, 'pilkada', 'open', ['dinas'], 3);
    await insertCase(t, b, { eventId: B.events.pilkada!, state: 'registered', createdAt: daysAgo(1), subjects: [] });
    await insertCase(t, b, { eventId: B.events.pilkada!, state: 'clarification', createdAt: daysAgo(5), subjects: [{}] });
    await insertCase(t, b, { eventId: B.events.pilkada!, state: 'closed', closeReason: 'executed', createdAt: daysAgo(30), subjects: [SANCTIONED], ...PPK, decidedAt: daysAgo(10) });

    // C (another province): 4 employees all signed, its kecamatan's apel accepted; 8 executed cases.
    C = await build(t, c, [['Kecamatan Arjosari', 'kecamatan']], 4, 0, [['pilkada', 'pilkada', 'Pemilihan Bupati Pacitan 2026']]);
    await campaign(t, C, 'pilkada', 'open', ['kecamatan'], 4, { 'Kecamatan Arjosari': 'accepted' });
    for (let i = 0; i < 8; i++) await insertCase(t, c, { eventId: C.events.pilkada!, state: 'closed', closeReason: 'executed', createdAt: daysAgo(30), subjects: [SANCTIONED], ...PPK, decidedAt: daysAgo(12) });

    // The refresh job over every tenant (inline queue: runs now).
    await enqueueNationalRefresh(t.deps);

    for (const [name, slug, username] of [['adminContoh', 'kab-contoh', 'admin.bkpsdm'], ['pimpinan', 'kab-contoh', 'pimpinan.disdik'], ['inspektorat', 'kab-contoh', 'inspektorat']] as const) {
      clients[name] = new TestClient(t);
      await clients[name].login(username, undefined, slug);
    }
    for (const slug of ['prov-jateng', 'kab-banyumas']) {
      clients[slug] = new TestClient(t);
      await clients[slug].login('admin.bkd', PASSWORD, slug);
    }
  });
  afterAll(() => t.close());

  const rowOf = (view: { rows: { slug: string }[] }, slug: string) => view.rows.find((r) => r.slug === slug) as any;

  it('refresh job: one daily row per tenant and election (plus "all"), replaced by a second run the same day', async () => {
    const count = async () => Number((await exec(t, `select count(*)::int as n from tenant_daily_stats`)).rows[0]!.n);
    // demo: * ; A: *, pilkada, pemilu ; B: *, pilkada ; C: *, pilkada ; province: *.
    expect(await count()).toBe(9);
    const keys = (await exec(t, `select election_key as k from tenant_daily_stats where tenant_id = '${A.tenantId}' order by 1`)).rows.map((r) => r.k);
    expect(keys).toEqual(['*', PEMILU, PILKADA]);
    await enqueueNationalRefresh(t.deps);
    expect(await count()).toBe(9);
  });

  it('superadmin: every tenant, figures and totals as worked out by hand', async () => {
    const res = await superadmin().get('/api/insights/national');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const v = res.body;
    expect(v.scope).toBe('platform');
    expect(v.filters.election).toBe(PILKADA); // the most recent voting day by default
    expect(v.elections.map((e: { key: string; tenants: number }) => [e.key, e.tenants])).toEqual([[PILKADA, 3], [PEMILU, 1]]);
    expect(v.rows.map((r: { slug: string }) => r.slug)).toEqual(['prov-jateng', 'kab-contoh', 'kab-banyumas', 'kab-purbalingga', 'kab-pacitan']); // by wilayah code
    expect(v.provinces).toEqual([{ code: '33', name: 'Provinsi Jawa Tengah', tenants: 4 }, { code: '35', name: 'Provinsi Jawa Timur', tenants: 1 }]);

    const show = (c: Cell) => (c.value ?? (c.suppressed === 'small' ? '<5' : 'x'));
    if (process.env.DEBUG_NATIONAL) for (const r of [...v.rows, { slug: 'TOTAL', ...v.totals }]) console.log(r.slug, show(r.cases.total), Object.values(r.cases.byStatus).map((c) => show(c as Cell)).join(' '), 'proven', show(r.cases.proven), 'sanct', show(r.cases.sanctioned), 'rec', show(r.ppk.recommended), 'dec', show(r.ppk.decided));
    const a = rowOf(v, 'kab-banyumas');
    expect(a.employees).toBe(10);
    expect(a.pledge).toEqual({ campaigns: 1, target: 10, signed: 7, signedPct: 70 }); // the draft and the revoked signature do not count
    expect(a.apel).toEqual({ required: 2, reported: 2, accepted: 1 }); // Bagian Umum is not an apel unit type
    expect(a.cases.total).toEqual(shown(12)); // the merged case and the cases of other elections are left out
    expect(a.cases.byStatus.received).toEqual(SMALL); // 3
    expect(a.cases.byStatus.in_process).toEqual(SMALL); // 2
    expect(a.cases.byStatus.awaiting_ppk).toEqual(SMALL); // 2
    expect(a.cases.byStatus.follow_up).toEqual(SMALL); // 1
    expect(a.cases.byStatus.closed).toEqual(SMALL); // 4
    expect(a.cases.proven).toEqual(shown(6)); // 2 waiting + 1 follow-up + 3 executed
    expect(a.cases.sanctioned).toEqual(SMALL); // 4
    expect(a.ppk.recommended).toEqual(shown(6));
    expect(a.ppk.decided).toEqual(SMALL); // 4
    expect(a.ppk.followUpRate).toBeNull(); // decided is hidden, so the rate is too
    expect(a.ppk.waiting).toEqual(SMALL);
    expect(a.ppk.avgWaitingDays).toBeNull(); // an average over fewer than 5 cases is not shown

    const b = rowOf(v, 'kab-purbalingga');
    expect(b.pledge).toEqual({ campaigns: 1, target: 6, signed: 3, signedPct: 50 });
    expect(b.apel).toEqual({ required: 1, reported: 0, accepted: 0 });
    expect(b.cases.total).toEqual(SMALL); // 3: a tenant total below 5 is suppressed for overseers too

    const c = rowOf(v, 'kab-pacitan');
    expect(c.pledge).toEqual({ campaigns: 1, target: 4, signed: 4, signedPct: 100 });
    expect(c.apel).toEqual({ required: 1, reported: 1, accepted: 1 });
    expect(c.cases.byStatus.closed).toEqual(shown(8));
    expect(c.cases.sanctioned).toEqual(shown(8));
    expect(c.ppk.recommended).toEqual(shown(8));
    // proven = sanctioned + proven-not-sanctioned (0, "<5"), recommended = decided + undecided (0, "<5"): a
    // line with one hidden cell gets a second one, so proven and decided are hidden as well ("×").
    expect(c.cases.proven).toEqual({ value: null, suppressed: 'complementary' });
    expect(c.ppk).toMatchObject({ decided: { value: null, suppressed: 'complementary' }, followUpRate: null });

    for (const slug of ['kab-contoh', 'prov-jateng']) expect(rowOf(v, slug)).toMatchObject({ pledge: { campaigns: 0, target: 0, signed: 0, signedPct: null }, cases: { total: SMALL }, hasElection: false });
    expect(rowOf(v, 'kab-contoh').employees).toBe(20);

    expect(v.totals).toMatchObject({ tenants: 5, employees: 40, pledge: { campaigns: 3, target: 20, signed: 14, signedPct: 70 }, apel: { required: 4, reported: 3, accepted: 2 } });
    expect(v.totals.cases.total).toEqual(shown(23)); // 12 + 3 + 8
    expect(v.totals.cases.byStatus.closed).toEqual(shown(13)); // 4 + 1 + 8
    expect(v.totals.cases.proven).toEqual(shown(15)); // 6 + 1 + 8
    expect(v.totals.ppk.recommended).toEqual(shown(15)); // 6 + 1 + 8
    // Nationally 2 cases are proven and not sanctioned (A's two waiting for the PPK): 15 − 13 would give it away.
    expect(v.totals.cases.sanctioned).toEqual({ value: null, suppressed: 'complementary' });
  });

  it('suppression: nothing below 5 is published, and no hidden count can be worked out from the rest', async () => {
    const v = (await superadmin().get('/api/insights/national')).body;
    // The true counts (the refresh's rows) and what was published, per tenant and in the totals.
    const truth = new Map(
      (await exec(t, `select tenant_id, cases, cases_received, cases_in_process, cases_awaiting_ppk, cases_follow_up, cases_closed, outcome_proven + outcome_sanctioned as proven,
                              outcome_sanctioned as sanctioned, ppk_recommended as recommended, ppk_decided as decided from tenant_daily_stats where election_key = '${PILKADA}'`)).rows.map((r) => [r.tenant_id as string, r]),
    );
    const groups = ['received', 'in_process', 'awaiting_ppk', 'follow_up', 'closed'];
    const fields: [string, (f: any) => Cell, string][] = [
      ['cases', (f) => f.cases.total, 'cases'],
      ...groups.map((g) => [g, (f: any) => f.cases.byStatus[g], `cases_${g}`] as [string, (f: any) => Cell, string]),
      ['proven', (f) => f.cases.proven, 'proven'],
      ['sanctioned', (f) => f.cases.sanctioned, 'sanctioned'],
      ['recommended', (f) => f.ppk.recommended, 'recommended'],
      ['decided', (f) => f.ppk.decided, 'decided'],
    ];
    const cells: Record<string, number> = {};
    const marks = new Map<string, SuppressionMark>();
    const lines: { total: string; parts: string[] }[] = [];
    const put = (prefix: string, f: any, value: (column: string) => number) => {
      for (const [key, cell, column] of fields) {
        const c = cell(f);
        cells[`${prefix}:${key}`] = value(column);
        if (c.suppressed) marks.set(`${prefix}:${key}`, c.suppressed);
        else {
          expect(c.value, `${prefix}:${key}`).toBe(value(column));
          expect(c.value!).toBeGreaterThanOrEqual(5);
        }
      }
      lines.push({ total: `${prefix}:cases`, parts: groups.map((g) => `${prefix}:${g}`) });
    };
    v.rows.forEach((r: any, i: number) => put(String(i), r, (column) => Number(truth.get(r.tenantId)?.[column] ?? 0)));
    put('T', v.totals, (column) => v.rows.reduce((s: number, r: any) => s + Number(truth.get(r.tenantId)?.[column] ?? 0), 0));
    for (const [key] of fields) lines.push({ total: `T:${key}`, parts: v.rows.map((_: unknown, i: number) => `${i}:${key}`) });
    // Every "<5" holding someone stays a range for a reader who adds and subtracts along every line.
    const bounds = deducibleBounds({ cells, lines }, marks);
    for (const [id, mark] of marks) if (mark === 'small' && cells[id]! > 0) expect(bounds.get(id)!.lo < bounds.get(id)!.hi, `${id} can be worked out`).toBe(true);
    for (const [id, mark] of marks) if (mark === 'small') expect(cells[id]!).toBeLessThan(5);
  });

  it('an admin without a grant, a unit head and anonymous are refused', async () => {
    const admin = await clients.adminContoh!.get('/api/insights/national');
    expect(admin.status).toBe(403);
    expect(admin.body.error.code).toBe('FORBIDDEN');
    expect((await clients.adminContoh!.get('/api/insights/national/scope')).body).toEqual({ scope: 'none', tenants: 0 });
    expect((await clients.adminContoh!.get('/api/insights/national.xlsx')).status).toBe(403);
    expect((await clients.pimpinan!.get('/api/insights/national')).status).toBe(403);
    expect((await clients.inspektorat!.get('/api/insights/national')).status).toBe(403);
    expect((await new TestClient(t).get('/api/insights/national')).status).toBe(401);
    expect((await clients['prov-jateng']!.get('/api/insights/national')).status).toBe(403);
  });

  it('grants: the operator lets the province oversee A and B (audited on every side); the province sees only those', async () => {
    // Only the platform operator grants.
    expect((await clients['prov-jateng']!.post('/api/insights/oversight-grants', { overseerTenantId: provinceId, overseenTenantId: A.tenantId })).status).toBe(403);
    expect((await clients.adminContoh!.get('/api/insights/oversight-grants')).status).toBe(403);
    const g1 = await superadmin().post('/api/insights/oversight-grants', { overseerTenantId: provinceId, overseenTenantId: A.tenantId, basis: 'Pembinaan oleh gubernur' });
    expect(g1.status, JSON.stringify(g1.body)).toBe(201);
    expect(g1.body).toMatchObject({ overseer: { slug: 'prov-jateng' }, overseen: { slug: 'kab-banyumas' }, basis: 'Pembinaan oleh gubernur', revokedAt: null });
    const g2 = await superadmin().post('/api/insights/oversight-grants', { overseerTenantId: provinceId, overseenTenantId: B.tenantId });
    expect(g2.status).toBe(201);
    expect((await superadmin().post('/api/insights/oversight-grants', { overseerTenantId: provinceId, overseenTenantId: A.tenantId })).status).toBe(409);
    expect((await superadmin().post('/api/insights/oversight-grants', { overseerTenantId: provinceId, overseenTenantId: provinceId })).status).toBe(400);
    for (const tenantId of [demo.tenantId, provinceId, A.tenantId]) {
      const n = (await exec(t, `select count(*)::int as n from audit_event where tenant_id = '${tenantId}' and action = 'oversight.grant' and entity_id = '${g1.body.id}'`)).rows[0]!.n;
      expect(Number(n), tenantId).toBe(1);
    }
    expect((await clients['kab-banyumas']!.get('/api/audit/verify')).body.ok).toBe(true);

    const province = clients['prov-jateng']!;
    expect((await province.get('/api/insights/national/scope')).body).toEqual({ scope: 'granted', tenants: 2 });
    const v = (await province.get('/api/insights/national')).body;
    expect(v.scope).toBe('granted');
    expect(v.rows.map((r: { slug: string }) => r.slug)).toEqual(['kab-banyumas', 'kab-purbalingga']);
    expect(v.totals).toMatchObject({ tenants: 2, employees: 16, pledge: { target: 16, signed: 10, signedPct: 62.5 }, apel: { required: 3, reported: 2, accepted: 1 } });
    // With two tenants, B's hidden total would be the column's total minus A's: one more is hidden.
    expect(rowOf(v, 'kab-purbalingga').cases.total).toEqual(SMALL);
    expect([rowOf(v, 'kab-banyumas').cases.total.suppressed, v.totals.cases.total.suppressed]).toContain('complementary');
    expect(v.elections.map((e: { key: string }) => e.key)).toEqual([PILKADA, PEMILU]);
    expect((await province.get('/api/insights/national?province=35')).status).toBe(404); // C's province is not visible
    // A tenant it was not granted is simply not there; the overseen tenant's own admin has no national view.
    expect((await clients['kab-banyumas']!.get('/api/insights/national')).status).toBe(403);

    // Revoked: B drops out (the grant stays as history).
    const revoked = await superadmin().post(`/api/insights/oversight-grants/${g2.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await superadmin().post(`/api/insights/oversight-grants/${g2.body.id}/revoke`)).status).toBe(409);
    expect((await province.get('/api/insights/national')).body.rows.map((r: { slug: string }) => r.slug)).toEqual(['kab-banyumas']);
    const list = (await superadmin().get('/api/insights/oversight-grants')).body.items;
    expect(list.map((g: { overseen: { slug: string }; revokedAt: string | null }) => [g.overseen.slug, g.revokedAt === null])).toEqual([['kab-banyumas', true], ['kab-purbalingga', false]]);
  });

  it('filters: another election, one province, and the figures as they stood on an earlier day', async () => {
    const pemilu = (await superadmin().get(`/api/insights/national?election=${encodeURIComponent(PEMILU)}`)).body;
    const a = rowOf(pemilu, 'kab-banyumas');
    expect(a.pledge).toEqual({ campaigns: 1, target: 10, signed: 10, signedPct: 100 });
    expect(a.cases.total).toEqual(shown(5));
    expect(a.cases.byStatus.closed).toEqual(shown(5));
    expect(rowOf(pemilu, 'kab-pacitan').hasElection).toBe(false);

    const all = (await superadmin().get('/api/insights/national?election=*')).body;
    expect(rowOf(all, 'kab-banyumas').cases.total).toEqual(shown(18)); // 12 + 5 + 1 without an election
    expect(rowOf(all, 'kab-banyumas').pledge).toMatchObject({ campaigns: 1, target: 10, signed: 7 }); // the open campaign only

    const jatim = (await superadmin().get('/api/insights/national?province=35')).body;
    expect(jatim.rows.map((r: { slug: string }) => r.slug)).toEqual(['kab-pacitan']);
    expect(jatim.totals.cases.total).toEqual(shown(8));

    expect((await superadmin().get('/api/insights/national?election=pilkada:2099-01-01')).status).toBe(404);
    expect((await superadmin().get('/api/insights/national?asOf=kemarin')).status).toBe(400);

    // A refresh dated three days ago is history: it is what `asOf` of that day reads; before it there is nothing.
    const then = new Date(Date.now() - 3 * 86_400_000);
    await refreshTenantStats(t.deps.db, C.tenantId, then);
    const past = (await superadmin().get(`/api/insights/national?asOf=${localIsoDate(then, 'Asia/Jakarta')}`)).body;
    expect(rowOf(past, 'kab-pacitan')).toMatchObject({ statDate: localIsoDate(then, 'Asia/Jakarta'), pledge: { signed: 4 } });
    expect(rowOf(past, 'kab-banyumas')).toMatchObject({ statDate: null, employees: 0, hasElection: false });
  });

  it('a change shows after the next refresh of that tenant, not before', async () => {
    await insertCase(t, C.tenantId, { eventId: C.events.pilkada!, state: 'closed', closeReason: 'executed', createdAt: daysAgo(5), subjects: [SANCTIONED], ...PPK, decidedAt: daysAgo(2) });
    expect(rowOf((await superadmin().get('/api/insights/national')).body, 'kab-pacitan').cases.total).toEqual(shown(8));
    await enqueueNationalRefresh(t.deps, C.tenantId);
    expect(rowOf((await superadmin().get('/api/insights/national')).body, 'kab-pacitan').cases.total).toEqual(shown(9));
    // The operator can refresh every tenant by hand; nobody else can.
    expect((await clients.adminContoh!.post('/api/insights/national/refresh')).status).toBe(403);
    const res = await superadmin().post('/api/insights/national/refresh');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ tenants: 5 });
  });

  it('exports the same table as XLSX, "<5" where suppressed, and audits the download', async () => {
    const res = await superadmin().get('/api/insights/national.xlsx');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/rekap-nasional-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Rekap per instansi')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toMatch(/Rekap nasional .* 5 instansi/);
    const header = values(5) as string[];
    expect(header.slice(0, 3)).toEqual(['Kode wilayah', 'Instansi', 'Pegawai aktif']);
    const col = (name: string) => header.indexOf(name);
    const rows = [6, 7, 8, 9, 10].map(values);
    expect(rows.map((r) => r[col('Instansi')])).toEqual(['Provinsi Jawa Tengah', 'Pemerintah Kabupaten Contoh', 'Kabupaten Banyumas', 'Kabupaten Purbalingga', 'Kabupaten Pacitan']);
    const banyumas = rows[2]!;
    expect([banyumas[col('Pegawai aktif')], banyumas[col('Sasaran ikrar')], banyumas[col('Sudah tanda tangan')], banyumas[col('% tanda tangan')], banyumas[col('Kasus')], banyumas[col('Terbukti')], banyumas[col('Disanksi')]]).toEqual([10, 10, 7, 70, 12, 6, '<5']);
    expect(rows[3]![col('Kasus')]).toBe('<5');
    const total = values(11);
    expect(total[col('Instansi')]).toBe('Jumlah (5 instansi)');
    expect([total[col('Pegawai aktif')], total[col('Sasaran ikrar')], total[col('Sudah tanda tangan')], total[col('Kasus')]]).toEqual([40, 20, 14, 24]);
    const audit = await exec(t, `select count(*)::int as n from audit_event where tenant_id = '${demo.tenantId}' and action = 'insights.national.export'`);
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });
});
