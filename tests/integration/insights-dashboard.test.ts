/**
 * The case dashboard against crafted cases whose figures were worked out by hand: the breakdowns,
 * time per step from the event history, overdue steps, PPK follow-up, the filters (election,
 * period, unit subtree), the unit head's suppressed subtree view, refusals, and the XLSX.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../src/server/modules/case-settings/case-settings.service.js';
import { seedDemoCampaign } from '../../src/server/seed/demo-campaign.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { exec, insertCase, insertEvent, unitIdByName } from '../support/insights-fixtures.js';
import { isoDay } from '../support/pledge-fixtures.js';

type Row = { key: string; label: string; cell: { value: number | null; suppressed: string | null } };
const values = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.cell.value !== 0).map((r) => [r.key, r.cell.value]));
/** 09:00 WIB on a day of 2026. */
const wib = (day: string) => `2026-${day}T02:00:00Z`;
const transitions = (steps: [string, string][]) => steps.map(([state, day], i) => [i === 0 ? 'created' : 'step', wib(day), i === 0 ? null : steps[i - 1]![0], state] as [string, string, string | null, string]);

describe(`case dashboard on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let event: string;
  let disdik: { id: string; name: string; path: string };
  let dinkes: { id: string; name: string; path: string };
  let school: { id: string; name: string; path: string };
  const clients: Record<string, TestClient> = {};
  const url = (q: Record<string, string> = {}) => `/api/insights/cases?${new URLSearchParams({ event, ...q })}`;

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 80);
    const tenantId = demo.tenantId;
    for (const u of ['admin.bkpsdm', 'satgas', 'bupati', 'inspektorat', 'pimpinan.disdik']) {
      clients[u] = new TestClient(t);
      await clients[u].login(u);
    }
    disdik = await unitIdByName(t, tenantId, 'Dinas Pendidikan%');
    dinkes = await unitIdByName(t, tenantId, 'Dinas Kesehatan%');
    school = (await exec(t, `select id, name, path from unit where tenant_id = '${tenantId}' and parent_id = '${disdik.id}' order by name limit 1`)).rows[0] as typeof school;
    event = await insertEvent(t, tenantId, 'Pilkada Contoh 2026', '2026-01-01T00:00:00Z');
    const other = await insertEvent(t, tenantId, 'Pemilu lain', '2025-01-01T00:00:00Z');
    const A = (c: Parameters<typeof insertCase>[2]) => insertCase(t, tenantId, c);
    // C1: a report through to the executed sanction (school under Disdik).
    await A({
      eventId: event, state: 'closed', closeReason: 'executed', origin: 'laporan', createdAt: wib('03-02'), ppkName: 'Bupati Contoh', recommendedAt: wib('03-16'), decidedAt: wib('03-20'),
      subjects: [{ unitId: school.id, itemCode: 'D-6', finding: 'proven', sanction: 'potong_tpp_25_6_bulan', category: 'pns', jabatanClass: 'fungsional' }],
      events: transitions([['registered', '03-02'], ['verification', '03-03'], ['clarification', '03-05'], ['conclusion', '03-12'], ['recommendation', '03-13'], ['awaiting_ppk', '03-16'], ['follow_up', '03-20'], ['closed', '03-30']]),
    });
    // C2: two Dinkes employees, waiting for the PPK, overdue.
    await A({
      eventId: event, state: 'awaiting_ppk', origin: 'temuan_medsos', createdAt: wib('03-10'), dueOn: isoDay(-3), ppkName: 'Bupati Contoh', recommendedAt: wib('04-01'),
      subjects: [{ unitId: dinkes.id, itemCode: 'KE-4', finding: 'proven', category: 'pppk', jabatanClass: 'pelaksana' }, { unitId: dinkes.id, itemCode: 'KE-4', finding: 'proven', category: 'pns', jabatanClass: 'pelaksana' }],
      events: transitions([['registered', '03-10'], ['verification', '03-11'], ['clarification', '03-18'], ['conclusion', '03-25'], ['recommendation', '03-30'], ['awaiting_ppk', '04-01']]),
    });
    // C3: someone placed in Disdik itself, in clarification, on time.
    await A({
      eventId: event, state: 'clarification', origin: 'temuan_patroli', createdAt: wib('04-05'), dueOn: isoDay(5),
      subjects: [{ unitId: disdik.id, category: 'cpns', jabatanClass: 'administrator' }],
      events: transitions([['registered', '04-05'], ['verification', '04-06'], ['clarification', '04-08']]),
    });
    // C4: a Bawaslu recommendation without subjects yet, overdue in verification.
    await A({ eventId: event, state: 'verification', origin: 'rekomendasi_bawaslu', createdAt: wib('04-20'), dueOn: isoDay(-3), subjects: [], events: transitions([['registered', '04-20'], ['verification', '04-21']]) });
    // C6: May, just registered.
    await A({ eventId: event, state: 'registered', origin: 'laporan', createdAt: wib('05-15'), dueOn: isoDay(2), subjects: [{ unitId: dinkes.id, category: 'pns', jabatanClass: 'pelaksana' }], events: transitions([['registered', '05-15']]) });
    // Another election: never counted under `event`.
    await A({ eventId: other, state: 'closed', closeReason: 'executed', createdAt: wib('02-01'), repeat: 6, subjects: [{ unitId: dinkes.id, itemCode: 'D-1', finding: 'proven', sanction: 'teguran_tertulis' }] });
  });
  afterAll(() => t.close());

  it('counts cases and reported persons as worked out by hand', async () => {
    const res = await clients['admin.bkpsdm']!.get(url());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const v = res.body;
    expect(v.isSuppressed).toBe(false);
    expect(v.cases.total).toEqual({ value: 5, suppressed: null });
    expect(values(v.cases.byState)).toEqual({ registered: 1, verification: 1, clarification: 1, awaiting_ppk: 1, closed: 1 });
    expect(values(v.cases.byOrigin)).toEqual({ laporan: 2, temuan_medsos: 1, temuan_patroli: 1, rekomendasi_bawaslu: 1 });
    expect(values(v.cases.byMonth)).toEqual({ '2026-03': 2, '2026-04': 2, '2026-05': 1 });
    expect(v.subjects.total.value).toBe(5);
    expect(values(v.subjects.byItem)).toEqual({ 'D-6': 1, 'KE-4': 2, none: 2 });
    expect(v.subjects.byItem.find((r: Row) => r.key === 'D-6').label).toMatch(/^D-6 — /);
    expect(values(v.subjects.byUnit)).toEqual({ [disdik.id]: 2, [dinkes.id]: 3 });
    expect(v.subjects.byUnit.find((r: Row) => r.key === disdik.id).label).toBe(disdik.name);
    expect(values(v.subjects.byJabatanClass)).toEqual({ fungsional: 1, pelaksana: 3, administrator: 1 });
    expect(values(v.subjects.byCategory)).toEqual({ pns: 3, pppk: 1, cpns: 1 });
    expect(res.raw.toString()).not.toMatch(/Terlapor Rahasia/);
  });

  it('measures each step from the change that entered it to the next, in calendar and working days', async () => {
    const v = (await clients.satgas!.get(url())).body;
    const step = (s: string) => v.steps.find((x: { state: string }) => x.state === s);
    expect(v.steps.map((s: { state: string }) => s.state)).toEqual(['registered', 'verification', 'clarification', 'examination', 'conclusion', 'recommendation', 'awaiting_ppk', 'follow_up', 'forwarded']);
    expect([step('registered').completed, step('registered').avgCalendarDays]).toEqual([4, 1]);
    expect([step('verification').completed, step('verification').avgCalendarDays]).toEqual([3, 3.7]); // (2 + 7 + 2) / 3
    expect([step('clarification').completed, step('clarification').avgCalendarDays]).toEqual([2, 7]);
    expect([step('conclusion').avgCalendarDays, step('recommendation').avgCalendarDays, step('awaiting_ppk').avgCalendarDays, step('follow_up').avgCalendarDays]).toEqual([3, 2.5, 4, 10]);
    expect(step('examination')).toMatchObject({ completed: 0, avgCalendarDays: null, open: { value: 0, suppressed: null } });
    const calendar = await loadWorkingCalendar(t.deps.db, demo.tenantId);
    const wd = (a: string, b: string) => calendar.workingDaysBetween(`2026-${a}`, `2026-${b}`);
    expect(step('verification').avgWorkingDays).toBe(Math.round(((wd('03-03', '03-05') + wd('03-11', '03-18') + wd('04-06', '04-08')) / 3) * 10) / 10);
    // Open and overdue now: C2 waits for the PPK and C4 sits in verification, both 3 days late.
    expect(step('verification')).toMatchObject({ open: { value: 1 }, overdue: { value: 1 } });
    expect(step('awaiting_ppk')).toMatchObject({ open: { value: 1 }, overdue: { value: 1 } });
    expect(step('clarification').overdue.value).toBe(0);
    expect(step('verification').maxOverdueWorkingDays).toBe(calendar.workingDaysBetween(isoDay(-3), v.today));
  });

  it('reports PPK follow-up like the PPK board: 2 recommended, 1 decided after 4 days, 1 waiting', async () => {
    const v = (await clients.bupati!.get(url())).body;
    expect(v.ppk).toMatchObject({ recommended: { value: 2 }, decided: { value: 1 }, followUpRate: 0.5, avgDaysToDecide: 4, waiting: { value: 1 } });
    expect(v.ppk.byPpk).toEqual([{ ppkName: 'Bupati Contoh', recommended: 2, decided: 1, followUpRate: 0.5, avgDaysToDecide: 4 }]);
    const calendar = await loadWorkingCalendar(t.deps.db, demo.tenantId);
    expect(v.ppk.maxWaitingWorkingDays).toBe(calendar.workingDaysBetween('2026-04-01', v.today));
  });

  it('narrows by period and by unit subtree', async () => {
    const april = (await clients.satgas!.get(url({ from: '2026-04-01', to: '2026-05-31' }))).body;
    expect(april.cases.total.value).toBe(3);
    expect(april.subjects.total.value).toBe(2);
    const onlyApril = (await clients.satgas!.get(url({ from: '2026-04-01', to: '2026-04-30' }))).body;
    expect(values(onlyApril.cases.byMonth)).toEqual({ '2026-04': 2 });
    const health = (await clients.satgas!.get(url({ unitId: dinkes.id }))).body;
    expect(health.filters.unitName).toBe(dinkes.name);
    expect(health.cases.total.value).toBe(2); // C2 and C6
    expect(health.subjects.total.value).toBe(3);
    expect(values(health.subjects.byUnit)).toEqual({ self: 3 });
    const bad = await clients.satgas!.get(url({ from: '2026-05-01', to: '2026-04-01' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { to: expect.any(String) } });
  });

  it('gives a unit head their subtree only, with every count below 5 suppressed and nothing about one case', async () => {
    const res = await clients['pimpinan.disdik']!.get(url());
    expect(res.status).toBe(200);
    const v = res.body;
    expect(v.isSuppressed).toBe(true);
    expect(v.filters.unitName).toBe(disdik.name);
    // C1 (the school) and C3 (Disdik itself): two cases, two persons — all "<5".
    expect(v.cases.total).toEqual({ value: null, suppressed: 'small' });
    expect(v.subjects.total).toEqual({ value: null, suppressed: 'small' });
    const all = JSON.stringify(v);
    const numbers: number[] = [];
    JSON.parse(all, (k, x) => (k === 'value' && typeof x === 'number' ? numbers.push(x) : undefined, x));
    expect(numbers.every((n) => n >= 5)).toBe(true);
    expect(v.steps.every((s: { maxOverdueWorkingDays: number | null; avgCalendarDays: number | null }) => s.maxOverdueWorkingDays === null && s.avgCalendarDays === null)).toBe(true);
    expect(v.ppk).toMatchObject({ followUpRate: null, avgDaysToDecide: null, maxWaitingWorkingDays: null, byPpk: [] });
    // The whole domain is listed, so a row does not betray "at least one".
    expect(v.subjects.byUnit.map((r: Row) => r.key)).toContain(school.id);
    expect(v.subjects.byItem.length).toBeGreaterThan(20);
    expect(all).not.toContain(dinkes.name);

    const outside = await clients['pimpinan.disdik']!.get(url({ unitId: dinkes.id }));
    expect(outside.status).toBe(403);
    expect(outside.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: expect.anything() } });
    const xlsx = await clients['pimpinan.disdik']!.get(`/api/insights/cases.xlsx?event=${event}&section=byState`);
    expect(xlsx.status).toBe(200);
  });

  it('suppresses for the Inspektorat too (no right to read cases), tenant-wide', async () => {
    const v = (await clients.inspektorat!.get(url())).body;
    expect(v.isSuppressed).toBe(true);
    expect(v.cases.total).toEqual({ value: 5, suppressed: null });
    expect(v.cases.byState.find((r: Row) => r.key === 'closed').cell.value).toBeNull();
  });

  it('refuses the anonymous, an employee, unknown elections and units, with the error shape', async () => {
    const anon = await new TestClient(t).get(url());
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('UNAUTHENTICATED');
    const employee = new TestClient(t);
    await employee.loginEmployee(demo.employeeLogin.idNumber);
    const refused = await employee.get(url());
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: { permission: 'dashboard.read' } } });
    const unknownEvent = await clients.satgas!.get('/api/insights/cases?event=00000000-0000-4000-8000-000000000000');
    expect(unknownEvent.status).toBe(404);
    expect(unknownEvent.body.error.code).toBe('NOT_FOUND');
    const unknownUnit = await clients.satgas!.get(url({ unitId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownUnit.status).toBe(404);
    const badSection = await clients.satgas!.get(`/api/insights/cases.xlsx?section=nope`);
    expect(badSection.status).toBe(400);
    expect(badSection.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('exports the same numbers as XLSX, one sheet per breakdown, and audits the download', async () => {
    const res = await clients['admin.bkpsdm']!.get(`/api/insights/cases.xlsx?event=${event}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/dasbor-penanganan-lengkap-.*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kasus per tahap', 'Kasus per asal', 'Kasus per bulan', 'Terlapor per pelanggaran', 'Terlapor per unit', 'Terlapor per kelas jabatan', 'Terlapor per kategori', 'Waktu per tahap', 'Tindak lanjut PPK', 'Pengawasan medsos', 'Kepatuhan ikrar']);
    const rowsOf = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(6).map((r) => (r as unknown[]).slice(1, 3));
    expect(rowsOf('Kasus per bulan')).toEqual([['2026-03', 2], ['2026-04', 2], ['2026-05', 1], ['Jumlah', 5]]);
    expect(rowsOf('Terlapor per unit')).toEqual(expect.arrayContaining([[disdik.name, 2], [dinkes.name, 3], ['Jumlah', 5]]));
    const audit = await exec(t, `select count(*)::int as n from audit_event where tenant_id = '${demo.tenantId}' and action = 'insights.export'`);
    expect(Number(audit.rows[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it('sums pledge compliance of the open campaigns like the compliance tree does', async () => {
    await seedDemoCampaign(t.deps, demo.tenantId);
    const v = (await clients['admin.bkpsdm']!.get('/api/insights/cases')).body;
    expect(v.compliance).toHaveLength(1);
    const c = v.compliance[0];
    const tree = (await clients['admin.bkpsdm']!.get(`/api/campaigns/${c.campaignId}/compliance`)).body;
    const top = tree.units.filter((u: { depth: number }) => u.depth === 0);
    expect(c.target).toBe(top.reduce((s: number, u: { targetSubtree: number }) => s + u.targetSubtree, 0));
    expect(c.target).toBeGreaterThan(0);
    expect(c).toMatchObject({ signed: 0, signedPct: 0, status: 'open' });
    const head = (await clients['pimpinan.disdik']!.get('/api/insights/cases')).body;
    expect(head.compliance[0].target).toBeLessThan(c.target);
  });

  it('counts the monitoring queue and its hit rate per risk band, for the Satgas and BKPSDM only', async () => {
    const tenantId = demo.tenantId;
    const employeeIn = async (unitId: string) => String((await exec(t, `select id from employee where tenant_id = '${tenantId}' and unit_id = '${unitId}' limit 1`)).rows[0]!.id);
    const inSchool = await employeeIn(school.id);
    const inDinkes = await employeeIn(dinkes.id);
    const other = String((await exec(t, `select id from election_event where tenant_id = '${tenantId}' and name = 'Pemilu lain'`)).rows[0]!.id);
    const capture = (eventId: string, employeeId: string | null, day: string, score: number, status: string, caseLinked = false) =>
      exec(t, `insert into social_capture (tenant_id, source, captured_at, platform, election_event_id, employee_id, posted_at, score, review_status, case_id)
               values ('${tenantId}', 'form', '${wib(day)}', 'facebook', '${eventId}', ${employeeId ? `'${employeeId}'` : 'null'}, '${wib(day)}', ${score}, '${status}', ${caseLinked ? 'gen_random_uuid()' : 'null'})`);
    // Week of Monday 6 April: two captures; 13 April: none; 20 April: three.
    await capture(event, inSchool, '04-06', 85, 'relevant', true);
    await capture(event, inSchool, '04-08', 75, 'not_relevant');
    await capture(event, inSchool, '04-20', 50, 'pending');
    await capture(event, inDinkes, '04-21', 10, 'not_relevant');
    await capture(event, null, '04-22', 20, 'duplicate');
    await capture(other, inSchool, '04-22', 90, 'relevant'); // another election: not counted

    const m = (await clients.satgas!.get(url())).body.monitoring;
    expect(m).toMatchObject({ captured: 5, pending: 1, reviewed: 4, relevant: 1, notRelevant: 2, duplicate: 1, casesOpened: 1, hitRatePct: 33.3 });
    expect(m.oldestPendingDays).toBeGreaterThan(0);
    expect(m.byBand).toEqual([
      { band: 'high', captured: 2, pending: 0, relevant: 1, notRelevant: 1, hitRatePct: 50 },
      { band: 'medium', captured: 1, pending: 1, relevant: 0, notRelevant: 0, hitRatePct: null },
      { band: 'low', captured: 2, pending: 0, relevant: 0, notRelevant: 1, hitRatePct: 0 },
    ]);
    expect(m.byWeek.slice(0, 3)).toEqual([
      { week: '2026-04-06', captured: 2, reviewed: 2, relevant: 1 },
      { week: '2026-04-13', captured: 0, reviewed: 0, relevant: 0 },
      { week: '2026-04-20', captured: 3, reviewed: 2, relevant: 0 },
    ]);
    // A unit subtree keeps the captures linked to its employees; a period narrows by capture day.
    const sub = (await clients.satgas!.get(url({ unitId: disdik.id }))).body.monitoring;
    expect(sub).toMatchObject({ captured: 3, relevant: 1, notRelevant: 1, pending: 1, hitRatePct: 50 });
    expect((await clients.satgas!.get(url({ from: '2026-04-20' }))).body.monitoring.captured).toBe(3);
    // Need-to-know like the queue itself: no monitoring figures for the PPK, the Inspektorat or a unit head.
    for (const u of ['bupati', 'inspektorat', 'pimpinan.disdik']) expect((await clients[u]!.get(url())).body.monitoring).toBeNull();

    const xlsx = await clients['admin.bkpsdm']!.get(`/api/insights/cases.xlsx?event=${event}&section=monitoring`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Pengawasan medsos')!.getSheetValues().slice(6).map((r) => (r as unknown[]).slice(1, 7));
    expect(rows[0]).toEqual(['Semua', 5, 1, 1, 2, '33.3%']);
    expect(rows[1]).toEqual(['Risiko tinggi (≥ 70)', 2, 0, 1, 1, '50%']);
  });
});
