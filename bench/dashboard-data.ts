/**
 * The national-scale dataset of bench/dashboard.ts (issue 7): every kabupaten/kota of the Kemendagri
 * list (514, idn-area-data) as a tenant with its unit tree and employees (4.7 million in all, sizes
 * spread like real Pemda: a few very large, most 5–12 thousand), two elections, three pledge campaigns
 * with their signatures and apel reports with attendance, and 100,000 cases with subjects, state
 * changes and reports. Plus two oversight tenants without data of their own: BKN (the platform
 * superadmin) and Provinsi Jawa Tengah (an admin who oversees its 35 kabupaten/kota).
 *
 * Generated set-based on one connection: the tenant plan (a few kB) goes in by COPY from Node, every
 * row after that is `insert … select` over generate_series in PostgreSQL, which is an order of
 * magnitude faster than streaming tens of millions of rows from Node. Non-constraint indexes of the
 * big tables are dropped for the load and rebuilt after (a sorted build beats 30 million random
 * B-tree inserts), foreign-key triggers are off for the session (`session_replication_role =
 * replica`: the rows are consistent by construction), then VACUUM ANALYZE, as autovacuum would have
 * done on a live system. The rows keep the shapes the app writes; not generated: audit entries of
 * these past writes, PDFs and photos (file ids stay null).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getProvinces, getRegencies } from 'idn-area-data';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { toCsv } from '../src/server/db/copy.js';
import { prng } from '../src/server/lib/prng.js';
import { FIRST_FEMALE, FIRST_MALE, LAST } from '../src/server/seed/demo-names.js';

export interface DashboardDataParams {
  /** Total employees over the 514 tenants (4.7 million at full scale). */
  employees: number;
  /** Total cases (100,000 at full scale). */
  cases: number;
  /** Password hash for the bench accounts. */
  passwordHash: string;
  /** Progress lines. */
  log: (line: string) => void;
  /** Publishes the built-in catalogue for one tenant the way the app does (copied to the others in SQL). */
  seedCatalogue: (tenantId: string) => Promise<void>;
}

export interface DashboardPlan {
  /** The tenant measured for the per-tenant dashboards (the largest). */
  measuredTenantId: string;
  measuredSlug: string;
  bknTenantId: string;
  provinceTenantId: string;
  /** Kabupaten/kota the province oversees (wilayah 33.xx). */
  provinceTenantIds: string[];
  tenants: number;
}

/** Province code → IANA zone (WIB, WITA, WIT). */
function zoneOf(provinceCode: string): string {
  const p = Number(provinceCode);
  if ([51, 52, 53, 63, 64, 65, 71, 72, 73, 74, 75, 76].includes(p)) return 'Asia/Makassar';
  if (p >= 81) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}

const titleCase = (s: string) => s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
const slugOf = (s: string) => s.toLowerCase().replace(/^kabupaten /, 'kab-').replace(/^kota /, 'kota-').replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '');

/** OPD (level 1 under the Pemda): type and name; past the list, kecamatan. */
const OPDS: [string, string][] = [
  ['sekretariat_daerah', 'Sekretariat Daerah'],
  ['sekretariat_dprd', 'Sekretariat DPRD'],
  ['inspektorat', 'Inspektorat Daerah'],
  ['dinas', 'Dinas Pendidikan dan Kebudayaan'],
  ['dinas', 'Dinas Kesehatan'],
  ['rsud', 'Rumah Sakit Umum Daerah'],
  ['dinas', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
  ['badan', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'],
  ['badan', 'Badan Perencanaan Pembangunan Daerah'],
  ['badan', 'Badan Keuangan dan Aset Daerah'],
  ['satpol_pp', 'Satuan Polisi Pamong Praja'],
  ['dinas', 'Dinas Sosial'],
  ['dinas', 'Dinas Perhubungan'],
  ['dinas', 'Dinas Pertanian dan Pangan'],
  ['dinas', 'Dinas Kependudukan dan Pencatatan Sipil'],
  ['badan', 'Badan Penanggulangan Bencana Daerah'],
];
const APEL_TYPES = ['dinas', 'badan', 'inspektorat', 'sekretariat_daerah', 'sekretariat_dprd', 'satpol_pp', 'kecamatan', 'kelurahan', 'uptd', 'rsud'];

/** Case paths: state, close reason, share, workflow steps (kind, state entered). */
type Step = [string, string | null];
const V: Step[] = [['created', 'registered'], ['start_verification', 'verification']];
const CL: Step[] = [...V, ['verify', 'clarification'], ['summon', null], ['record_clarification', null]];
const CO: Step[] = [...CL, ['finish_clarification', 'conclusion']];
const RE: Step[] = [...CO, ['conclude', 'recommendation']];
const AW: Step[] = [...RE, ['recommend', 'awaiting_ppk']];
const FU: Step[] = [...AW, ['decide', 'follow_up']];
const CASE_BUCKETS: { state: string; closeReason: string | null; share: number; steps: Step[] }[] = [
  { state: 'registered', closeReason: null, share: 0.03, steps: V.slice(0, 1) },
  { state: 'verification', closeReason: null, share: 0.04, steps: V },
  { state: 'clarification', closeReason: null, share: 0.06, steps: CL },
  { state: 'examination', closeReason: null, share: 0.02, steps: [...CL, ['finish_clarification', 'examination']] },
  { state: 'conclusion', closeReason: null, share: 0.02, steps: CO },
  { state: 'recommendation', closeReason: null, share: 0.02, steps: RE },
  { state: 'awaiting_ppk', closeReason: null, share: 0.03, steps: AW },
  { state: 'follow_up', closeReason: null, share: 0.02, steps: FU },
  { state: 'forwarded', closeReason: null, share: 0.01, steps: [...V, ['forward', 'forwarded']] },
  { state: 'closed', closeReason: 'executed', share: 0.38, steps: [...FU, ['record_follow_up', 'closed']] },
  { state: 'closed', closeReason: 'not_proven', share: 0.2, steps: [...CO, ['conclude', 'closed']] },
  { state: 'closed', closeReason: 'rejected', share: 0.1, steps: [...V, ['reject', 'closed']] },
  { state: 'closed', closeReason: 'decided_no_sanction', share: 0.03, steps: [...AW, ['decide', 'closed']] },
  { state: 'closed', closeReason: 'merged', share: 0.02, steps: [...V, ['merge', 'closed']] },
  { state: 'closed', closeReason: 'routed_out', share: 0.01, steps: [['created', 'registered'], ['route_out', 'closed']] },
  { state: 'closed', closeReason: 'forwarded', share: 0.01, steps: [...V, ['forward', 'forwarded'], ['receive_external', 'closed']] },
];

/** Per-thousand thresholds of the buckets (a case's bucket from a hash of its number). */
function bucketTable() {
  let acc = 0;
  return CASE_BUCKETS.map((b, i) => {
    const lo = acc;
    acc = i === CASE_BUCKETS.length - 1 ? 1000 : acc + Math.round(b.share * 1000);
    return { lo, hi: acc, state: b.state, close_reason: b.closeReason, kinds: b.steps.map((s) => s[0]), tos: b.steps.map((s) => s[1] ?? ''), len: b.steps.length };
  });
}

async function copyInto(client: pg.PoolClient, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from([toCsv(rows)]), stream);
}

/**
 * Indexes of the big tables, dropped for the load and rebuilt after: plain indexes, and primary-key or
 * unique constraints that no foreign key depends on. Returns the statements that put them back.
 */
async function dropLoadIndexes(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const restore: string[] = [];
  const constraints = await client.query<{ table: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
     where c.contype in ('p', 'u') and c.conrelid::regclass::text = any($1)
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)`,
    [tables],
  );
  for (const c of constraints.rows) {
    await client.query(`alter table ${c.table} drop constraint "${c.name}"`);
    restore.push(`alter table ${c.table} add constraint "${c.name}" ${c.def}`);
  }
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const r of rows) {
    await client.query(`drop index "${r.name}"`);
    restore.push(r.def);
  }
  return restore;
}

/** Generates everything; returns the plan (which tenant to measure, the oversight tenants). */
export async function generateDashboardData(client: pg.PoolClient, p: DashboardDataParams): Promise<DashboardPlan> {
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  // The backend's own CPU time per step (/proc): the work, which other load on the machine does not stretch.
  const pid = Number((await q('select pg_backend_pid() as pid')).rows[0].pid);
  const clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const backendCpuS = () => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / clockTicks;
    } catch {
      return NaN; // PostgreSQL on another machine
    }
  };
  const step = async (label: string, run: () => Promise<unknown>) => {
    const t = performance.now();
    const cpu = backendCpuS();
    await run();
    p.log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s (PostgreSQL CPU ${(backendCpuS() - cpu).toFixed(1)} s)`);
  };
  await q(`set session_replication_role = replica`);
  await q(`set synchronous_commit = off`);
  await q(`set maintenance_work_mem = '1GB'`);
  await q(`set work_mem = '256MB'`);
  await q(`select setseed(0.2026)`);

  // --- the tenant plan (Node, COPY) -------------------------------------------------------------
  const random = prng(2026_11_25);
  const provinces = new Map((await getProvinces()).map((r) => [r.code, titleCase(r.name)]));
  const regencies = (await getRegencies()).sort((a, b) => a.code.localeCompare(b.code));
  // Log-normal sizes, clamped to 1,500 – 45,000 before scaling to the total.
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const weights = regencies.map(() => Math.min(45_000, Math.max(1_500, 8_000 * Math.exp(0.55 * normal()))));
  const sum = weights.reduce((s, w) => s + w, 0);
  const scale = p.employees / sum;
  // Cases follow size with their own spread, so some tenants have fewer than 5 (suppressed for overseers).
  const caseWeights = weights.map((w) => w * Math.exp(1.1 * normal()));
  const caseSum = caseWeights.reduce((s, w) => s + w, 0);
  let caseLeft = p.cases;
  const plan = regencies.map((r, i) => {
    const employees = Math.max(20, Math.round(weights[i]! * scale));
    const units = Math.max(25, Math.round(employees / 25));
    const cases = i === regencies.length - 1 ? Math.max(0, caseLeft) : Math.min(caseLeft, Math.round((caseWeights[i]! / caseSum) * p.cases));
    caseLeft -= cases;
    const name = titleCase(r.name);
    return {
      idx: i + 1,
      tenant_id: randomUUID(),
      slug: slugOf(name),
      name,
      kind: name.startsWith('Kota ') ? 'kota' : 'kabupaten',
      wilayah_code: r.code,
      timezone: zoneOf(r.province_code),
      province: provinces.get(r.province_code) ?? '',
      employees,
      units,
      n_opd: Math.min(OPDS.length + 60, 12 + Math.round(units / 30)),
      cases,
      // Signing rate of this Pemda (campaign 1 a little higher, the running campaign 3 lower).
      sign_rate: Math.round((0.55 + 0.43 * random()) * 1000) / 1000,
      apel_rate: Math.round((0.7 + 0.3 * random()) * 1000) / 1000,
    };
  });
  await q(`drop schema if exists bench cascade`);
  await q(`create schema bench`);
  await q(`create table bench.plan (idx int primary key, tenant_id uuid, slug text, name text, kind text, wilayah_code text, timezone text, province text,
                                   employees int, units int, n_opd int, cases int, sign_rate numeric, apel_rate numeric, emp_offset bigint, case_offset bigint)`);
  await copyInto(client, 'bench.plan', ['idx', 'tenant_id', 'slug', 'name', 'kind', 'wilayah_code', 'timezone', 'province', 'employees', 'units', 'n_opd', 'cases', 'sign_rate', 'apel_rate'],
    plan.map((t) => [t.idx, t.tenant_id, t.slug, t.name, t.kind, t.wilayah_code, t.timezone, t.province, t.employees, t.units, t.n_opd, t.cases, t.sign_rate, t.apel_rate]));
  await q(`update bench.plan p set case_offset = x.off from (select idx, coalesce(sum(cases) over (order by idx rows between unbounded preceding and 1 preceding), 0) as off from bench.plan) x where x.idx = p.idx`);
  const measured = plan.reduce((a, b) => (b.employees > a.employees ? b : a));
  const bkn = { id: randomUUID(), slug: 'bkn', name: 'Badan Kepegawaian Negara' };
  const province = { id: randomUUID(), slug: 'prov-jateng', name: 'Provinsi Jawa Tengah' };
  p.log(`  plan: ${plan.length} tenants, ${plan.reduce((s, t) => s + t.employees, 0).toLocaleString('en-US')} employees (largest ${measured.name} ${measured.employees.toLocaleString('en-US')}, smallest ${Math.min(...plan.map((t) => t.employees)).toLocaleString('en-US')}), ${plan.reduce((s, t) => s + t.units, 0).toLocaleString('en-US')} units, ${plan.reduce((s, t) => s + t.cases, 0).toLocaleString('en-US')} cases (${plan.filter((t) => t.cases < 5).length} tenants with fewer than 5)`);

  await step('tenants', async () => {
    await q(`insert into tenant (id, slug, name, kind, wilayah_code, timezone, address, created_at)
             select tenant_id, slug, name, kind, wilayah_code, timezone, 'Jl. Pemuda No. ' || idx || ', ' || name, now() - interval '500 days' from bench.plan`);
    await q(`insert into tenant (id, slug, name, kind, wilayah_code, timezone, created_at) values ($1, $2, $3, 'instansi', null, 'Asia/Jakarta', now() - interval '600 days'), ($4, $5, $6, 'provinsi', '33', 'Asia/Jakarta', now() - interval '600 days')`,
      [bkn.id, bkn.slug, bkn.name, province.id, province.slug, province.name]);
  });

  await step('units', async () => {
    const types = OPDS.map((o) => o[0]);
    const names = OPDS.map((o) => o[1]);
    await q(`create table bench.unit as
      select p.tenant_id, g.k, gen_random_uuid() as id,
             case when g.k = 0 then 0 when g.k <= p.n_opd then 1 else 2 end as level,
             case when g.k > p.n_opd then 1 + (g.k - p.n_opd - 1) % p.n_opd end as parent_k, p.n_opd, p.name as tenant_name
      from bench.plan p cross join lateral generate_series(0, p.units - 1) g(k)`);
    await q(`alter table bench.unit add column unit_type text, add column name text`);
    const opdType = (k: string) => `case when ${k} <= ${OPDS.length} then ($1::text[])[${k}] else 'kecamatan' end`;
    const opdName = (k: string) => `case when ${k} <= ${OPDS.length} then ($2::text[])[${k}] else 'Kecamatan ' || (${k} - ${OPDS.length}) end`;
    await q(`update bench.unit set
      unit_type = case level when 0 then 'pemda' when 1 then ${opdType('k')}
                  else case ${opdType('parent_k')} when 'kecamatan' then 'kelurahan' when 'dinas' then case when parent_k = 4 then 'sekolah' else 'uptd' end when 'rsud' then 'uptd' else 'bagian' end end,
      name = case level when 0 then tenant_name when 1 then ${opdName('k')}
             else case ${opdType('parent_k')} when 'kecamatan' then 'Kelurahan ' when 'dinas' then case when parent_k = 4 then 'SD Negeri ' else 'UPTD ' end when 'rsud' then 'Instalasi ' else 'Bagian ' end || k end`,
      [types, names]);
    await q(`create index on bench.unit (tenant_id, k)`);
    await q(`insert into unit (tenant_id, id, parent_id, name, name_key, unit_type, path, created_at, updated_at)
      select u.tenant_id, u.id, par.id, u.name, lower(u.name), u.unit_type,
             case u.level when 0 then '/' || u.id || '/' when 1 then '/' || r.id || '/' || u.id || '/' else '/' || r.id || '/' || par.id || '/' || u.id || '/' end,
             now() - interval '500 days', now() - interval '500 days'
      from bench.unit u
      join bench.unit r on r.tenant_id = u.tenant_id and r.k = 0
      left join bench.unit par on par.tenant_id = u.tenant_id and par.k = case u.level when 1 then 0 else u.parent_k end`);
  });

  await step('catalogue (built-in, copied to every tenant)', async () => {
    await p.seedCatalogue(measured.tenant_id);
    await q(`insert into violation_catalogue (tenant_id, id, version, title, note, is_current, published_at)
      select t.id, gen_random_uuid(), c.version, c.title, c.note, c.is_current, c.published_at from tenant t cross join violation_catalogue c where c.tenant_id = $1 and t.id <> $1`, [measured.tenant_id]);
    await q(`insert into violation_item (tenant_id, catalogue_id, code, list, ordinal, act, examples, stage, tier, tier_source, legal_basis, act_kinds)
      select vc.tenant_id, vc.id, i.code, i.list, i.ordinal, i.act, i.examples, i.stage, i.tier, i.tier_source, i.legal_basis, i.act_kinds
      from violation_catalogue vc join violation_item i on i.tenant_id = $1 and i.catalogue_id = (select id from violation_catalogue where tenant_id = $1 and is_current)
      where vc.tenant_id <> $1`, [measured.tenant_id]);
    await q(`create table bench.item as select row_number() over (order by code) as rn, code, tier from violation_item
             where tenant_id = $1 and tier in ('moral', 'ringan', 'sedang', 'berat') and catalogue_id = (select id from violation_catalogue where tenant_id = $1 and is_current)`, [measured.tenant_id]);
  });

  let dropped = await dropLoadIndexes(client, ['employee']);
  await step('employees', async () => {
    const first = [...FIRST_MALE, ...FIRST_FEMALE];
    // n-th employee of a tenant: unit 1 + (n·7919 mod (units−1)) (the Pemda root has nobody); NIP-like number ends in n.
    await q(`insert into employee (tenant_id, id, id_type, id_number, name, sex, birth_date, category, golongan_scheme, golongan, jabatan_name, jabatan_class, unit_id, is_active, created_at, updated_at)
      select p.tenant_id, gen_random_uuid(),
             case when c.cat in ('pns', 'cpns') then 'nip' when c.cat like 'pppk%' then 'ni_pppk' else 'nik' end,
             '19' || lpad(p.idx::text, 4, '0') || '20' || lpad(g.n::text, 10, '0'),
             ($1::text[])[1 + (g.n * 31 + p.idx) % ${first.length}] || ' ' || ($2::text[])[1 + (g.n * 17 + p.idx * 7) % ${LAST.length}],
             case when (g.n * 31 + p.idx) % ${first.length} < ${FIRST_MALE.length} then 'L' else 'P' end,
             date '1966-01-01' + ((g.n * 7) % 13000),
             c.cat,
             case when c.cat in ('pns', 'cpns') then 'pns' when c.cat like 'pppk%' then 'pppk' end,
             case when c.cat = 'pns' then (array['II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a'])[1 + g.n % 6] when c.cat = 'cpns' then 'III/a' end,
             case when g.n % 50 = 0 then 'Kepala Seksi' when g.n % 10 < 3 then 'Guru Ahli Pertama' else 'Pengadministrasi Umum' end,
             case when c.cat not in ('pns', 'cpns', 'pppk', 'pppk_paruh_waktu') then 'lainnya' when g.n % 50 = 0 then 'pengawas' when g.n % 10 < 3 then 'fungsional' else 'pelaksana' end,
             u.id, g.n % 97 <> 0, now() - interval '400 days', now() - interval '400 days'
      from bench.plan p
      cross join lateral generate_series(1, p.employees) g(n)
      cross join lateral (select case when g.n % 20 < 13 then 'pns' when g.n % 20 < 17 then 'pppk' when g.n % 20 = 17 then 'cpns' when g.n % 20 = 18 then 'honorer' else 'pppk_paruh_waktu' end as cat) c
      join bench.unit u on u.tenant_id = p.tenant_id and u.k = 1 + (g.n::bigint * 7919) % (p.units - 1)`,
      [first, LAST]);
  });
  await step(`employee indexes (${dropped.length} rebuilt)`, async () => {
    for (const def of dropped) await q(def);
  });

  await step('elections, campaigns, templates, catalogue', async () => {
    // Two elections per tenant: Pemilu 2024 (done) and the Pilkada now running; three campaigns.
    await q(`create table bench.event as
      select p.tenant_id, e.ord, gen_random_uuid() as id, e.kind, e.name, e.stages::jsonb as stages
      from bench.plan p cross join (values
        (1, 'pemilu', 'Pemilihan Umum Tahun 2024',
         '[{"kind":"tahapan_mulai","startsOn":"2022-06-14","endsOn":null},{"kind":"kampanye","startsOn":"2023-11-28","endsOn":"2024-02-10"},{"kind":"pemungutan_suara","startsOn":"2024-02-14","endsOn":null},{"kind":"selesai","startsOn":"2024-10-20","endsOn":null}]'),
        (2, 'pilkada', 'Pemilihan Kepala Daerah Serentak Tahun 2026',
         '[{"kind":"tahapan_mulai","startsOn":"2026-02-01","endsOn":null},{"kind":"pendaftaran_calon","startsOn":"2026-08-27","endsOn":"2026-08-29"},{"kind":"penetapan_calon","startsOn":"2026-09-22","endsOn":null},{"kind":"kampanye","startsOn":"2026-09-25","endsOn":"2026-12-05"},{"kind":"pemungutan_suara","startsOn":"2026-12-09","endsOn":null},{"kind":"selesai","startsOn":"2027-02-01","endsOn":null}]')
      ) e(ord, kind, name, stages)`);
    await q(`insert into election_event (tenant_id, id, kind, name, stages, created_at) select tenant_id, id, kind, name, stages, now() - interval '300 days' * (3 - ord) from bench.event`);
    await q(`create table bench.campaign as
      select p.tenant_id, c.ord, gen_random_uuid() as id, gen_random_uuid() as ikrar_id, gen_random_uuid() as pakta_id, ev.id as event_id, c.name, c.status,
             c.sign_deadline::date as sign_deadline, c.apel_deadline::date as apel_deadline, c.starts::timestamptz as starts, c.span_days,
             least(0.99, greatest(0.2, p.sign_rate + c.rate_delta)) as rate, p.apel_rate, split_part(p.name, ' ', 2) as place
      from bench.plan p cross join (values
        (1, 1, 'Ikrar Netralitas ASN Pemilu 2024', 'closed', '2023-12-15', '2023-12-22', '2023-11-20 08:00+07', 30, 0.05),
        (2, 2, 'Ikrar Netralitas ASN Pilkada 2026 — tahap pencalonan', 'closed', '2026-09-30', '2026-10-07', '2026-09-01 08:00+07', 30, 0.0),
        (3, 2, 'Pakta Integritas Netralitas ASN masa kampanye Pilkada 2026', 'open', '2026-12-05', '2026-11-20', '2026-10-25 08:00+07', 30, -0.12)
      ) c(ord, event_ord, name, status, sign_deadline, apel_deadline, starts, span_days, rate_delta)
      join bench.event ev on ev.tenant_id = p.tenant_id and ev.ord = c.event_ord`);
    await q(`insert into pledge_campaign (tenant_id, id, event_id, name, status, target_categories, target_unit_ids, sign_deadline, apel_unit_types, apel_report_deadline, signing_place, created_at)
      select tenant_id, id, event_id, name, status, '{}', '{}', sign_deadline, $1::text[], apel_deadline, place, starts - interval '7 days' from bench.campaign`, [APEL_TYPES]);
    await q(`insert into pledge_template (tenant_id, id, campaign_id, kind, version, title, body, is_current, created_at)
      select tenant_id, ikrar_id, id, 'ikrar', 1, 'Ikrar Netralitas Aparatur Sipil Negara', 'Kami Aparatur Sipil Negara berikrar: menjaga netralitas dalam pemilihan.', true, starts - interval '7 days' from bench.campaign
      union all
      select tenant_id, pakta_id, id, 'pakta', 1, 'Pakta Integritas Netralitas', 'Saya yang bertanda tangan di bawah ini menyatakan bersedia menjaga netralitas.', true, starts - interval '7 days' from bench.campaign`);
    await q(`create index on bench.campaign (tenant_id, ord)`);
  });

  dropped = await dropLoadIndexes(client, ['pledge_signature']);
  await step('pledge signatures (3 campaigns)', async () => {
    // Employee n signs campaign c when (n·7 + c·389) mod 1000 falls under the campaign's rate.
    await q(`insert into pledge_signature (tenant_id, id, campaign_id, employee_id, ikrar_template_id, pakta_template_id, method, identity, typed_name, text_sha256, signed_at, server_signature, key_id, paper_signed_on)
      select e.tenant_id, gen_random_uuid(), c.id, e.id, c.ikrar_id, c.pakta_id, case when x.n % 20 = 0 then 'paper' else 'online' end,
             jsonb_build_object('nama', e.name, 'nip', e.id_number, 'jabatan', e.jabatan_name),
             e.name, repeat(h.h, 2), c.starts + interval '1 minute' * ((x.n * 37) % (c.span_days * 1440)),
             encode(decode(repeat(h.h, 4), 'hex'), 'base64'), 'bench-2026',
             case when x.n % 20 = 0 then (c.starts + interval '1 minute' * ((x.n * 37) % (c.span_days * 1440)))::date end
      from employee e
      cross join lateral (select right(e.id_number, 10)::bigint as n) x
      join bench.campaign c on c.tenant_id = e.tenant_id
      cross join lateral (select md5(e.id_number || c.id::text) as h) h
      where e.is_active and (x.n * 7 + c.ord * 389) % 1000 < c.rate * 1000`);
  });
  await step(`signature indexes (${dropped.length} rebuilt)`, async () => {
    for (const def of dropped) await q(def);
  });

  dropped = await dropLoadIndexes(client, ['apel_attendance']);
  await step('apel reports and attendance', async () => {
    await q(`insert into apel_report (tenant_id, id, campaign_id, unit_id, status, held_on, place, leader_name, reader_name, witnesses, number, submitted_at, reviewed_at, created_at, updated_at)
      select u.tenant_id, gen_random_uuid(), c.id, u.id, s.status, (c.starts + interval '3 days')::date, 'Halaman kantor ' || u.name, 'Kepala ' || u.name, 'Sekretaris ' || u.name, '["Saksi Satu","Saksi Dua"]'::jsonb,
             case when s.status <> 'draft' then '800.1.6/' || (u.k * 3 + c.ord) || '/BA-Apel/' || extract(year from c.starts) end,
             case when s.status <> 'draft' then c.starts + interval '4 days' end, case when s.status in ('accepted', 'returned') then c.starts + interval '6 days' end,
             c.starts + interval '3 days', c.starts + interval '6 days'
      from bench.unit u
      join bench.campaign c on c.tenant_id = u.tenant_id
      cross join lateral (select (u.k * 613 + c.ord * 211) % 1000 as h) x
      cross join lateral (select case when c.ord < 3 then case when x.h % 10 < 8 then 'accepted' when x.h % 10 = 8 then 'submitted' else 'returned' end
                                      else case when x.h % 10 < 5 then 'accepted' when x.h % 10 < 8 then 'submitted' else 'draft' end end as status) s
      where u.unit_type = any($1::text[]) and x.h < c.apel_rate * 1000`, [APEL_TYPES]);
    await q(`insert into apel_attendance (tenant_id, report_id, employee_id, status)
      select r.tenant_id, r.id, e.id,
             case when right(e.id_number, 2)::int < 88 then 'hadir' when right(e.id_number, 2)::int < 92 then 'cuti' when right(e.id_number, 2)::int < 95 then 'dinas_luar' when right(e.id_number, 2)::int < 98 then 'sakit' else 'tanpa_keterangan' end
      from apel_report r join employee e on e.tenant_id = r.tenant_id and e.unit_id = r.unit_id and e.is_active`);
  });
  await step(`attendance indexes (${dropped.length} rebuilt)`, async () => {
    for (const def of dropped) await q(def);
  });

  await step('cases, subjects, events, reports', async () => {
    await q(`create table bench.bucket as select * from jsonb_to_recordset($1::jsonb) as x(lo int, hi int, state text, close_reason text, kinds text[], tos text[], len int)`, [JSON.stringify(bucketTable())]);
    // Case i of a tenant: bucket from a hash of i; 30 % under Pemilu 2024 (mostly old), 70 % under the Pilkada now running.
    await q(`create table bench.case as
      select p.tenant_id, p.idx, p.employees, g.i, gen_random_uuid() as id, b.state, b.close_reason, b.kinds, b.tos, b.len,
             case when (g.i * 13 + p.idx) % 10 < 3 then 1 else 2 end as event_ord,
             (case when (g.i * 13 + p.idx) % 10 < 3 then timestamptz '2023-11-01 09:00+07' + random() * interval '240 days'
                   else timestamptz '2026-08-01 09:00+07' + random() * interval '100 days' end) as created_at,
             interval '1 day' * (1 + random() * 5) as gap,
             (case when random() < 0.45 then 'laporan' when random() < 0.4 then 'temuan_patroli' when random() < 0.5 then 'temuan_medsos' when random() < 0.6 then 'rekomendasi_bawaslu' else 'temuan_atasan' end) as origin
      from bench.plan p
      cross join lateral generate_series(1, p.cases) g(i)
      join bench.bucket b on ((g.i * 7919 + p.idx * 31) % 1000) >= b.lo and ((g.i * 7919 + p.idx * 31) % 1000) < b.hi`);
    // Open cases are recent: their history ends within the last weeks, whatever the election.
    await q(`update bench.case set created_at = least(created_at, now() - gap * len - interval '1 day' * (i % 20))`);
    await q(`update bench.case set created_at = now() - gap * len - interval '1 day' * (i % 30) where state <> 'closed'`);
    await q(`create index on bench.case (tenant_id, i)`);
    await q(`insert into case_file (tenant_id, id, number, origin, title, summary, state, close_reason, election_event_id, catalogue_id, due_on, step_started_at, merged_into,
                                    ppk_name, recommended_at, decided_at, version, created_at, updated_at, closed_at)
      select c.tenant_id, c.id, 'KS-' || extract(year from c.created_at) || '-' || lpad(c.i::text, 5, '0'), c.origin,
             'Dugaan pelanggaran netralitas ' || c.i, 'Ringkasan kasus ' || c.i || ' (data bench).', c.state, c.close_reason, ev.id,
             (select id from violation_catalogue vc where vc.tenant_id = c.tenant_id and vc.is_current limit 1),
             case when c.state <> 'closed' then (c.created_at + c.gap * c.len)::date + 10 - (c.i % 25) end,
             c.created_at + c.gap * (c.len - 1),
             case when c.close_reason = 'merged' then m.id end,
             case when 'recommend' = any(c.kinds) then 'Bupati ' || split_part(p.name, ' ', 2) end,
             case when 'recommend' = any(c.kinds) then c.created_at + c.gap * (array_position(c.kinds, 'recommend') - 1) end,
             case when 'decide' = any(c.kinds) then c.created_at + c.gap * (array_position(c.kinds, 'decide') - 1) end,
             c.len + 1, c.created_at, c.created_at + c.gap * (c.len - 1), case when c.state = 'closed' then c.created_at + c.gap * (c.len - 1) end
      from bench.case c
      join bench.plan p on p.tenant_id = c.tenant_id
      join bench.event ev on ev.tenant_id = c.tenant_id and ev.ord = c.event_ord
      left join bench.case m on m.tenant_id = c.tenant_id and m.i = greatest(1, c.i - 1) and c.close_reason = 'merged' and m.id <> c.id`);
    // One subject per case (every fifth case two): employees picked by number, item from the tenant's catalogue.
    await q(`insert into case_subject (tenant_id, case_id, id, employee_id, name, id_number, position, unit_id, unit_name, category, jabatan_class, track, proposed_item_code, item_code, tier,
                                       finding, recommended_tier, sanction, added_at)
      select c.tenant_id, c.id, gen_random_uuid(), e.id, e.name, e.id_number, e.jabatan_name, e.unit_id, u.name, e.category, e.jabatan_class,
             case when e.category in ('pns', 'cpns', 'pppk', 'pppk_paruh_waktu') then 'asn' else 'non_asn' end,
             it.code, case when 'verify' = any(c.kinds) then it.code end, case when 'verify' = any(c.kinds) then it.tier end,
             case when 'conclude' = any(c.kinds) then case when c.close_reason = 'not_proven' then 'not_proven' else 'proven' end end,
             case when 'recommend' = any(c.kinds) then it.tier end,
             case when 'decide' = any(c.kinds) and c.close_reason is distinct from 'decided_no_sanction' then 'teguran_tertulis' end,
             c.created_at
      from bench.case c
      cross join (values (1), (2)) k(ord)
      join bench.plan p on p.tenant_id = c.tenant_id
      join employee e on e.tenant_id = c.tenant_id and e.id_number = '19' || lpad(p.idx::text, 4, '0') || '20' || lpad((1 + (c.i::bigint * 104729 + k.ord * 7907) % p.employees)::text, 10, '0')
      join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
      join bench.item it on it.rn = 1 + c.i % (select count(*) from bench.item)
      where k.ord = 1 or c.i % 5 = 0`);
    await q(`insert into case_event (tenant_id, case_id, seq, kind, from_state, to_state, actor_label, at, data)
      select c.tenant_id, c.id, g.seq, c.kinds[g.seq],
             case when g.seq > 1 then (select t from unnest(c.tos[1:g.seq - 1]) with ordinality u(t, o) where t <> '' order by o desc limit 1) end,
             nullif(c.tos[g.seq], ''), 'satgas', c.created_at + c.gap * (g.seq - 1), '{}'::jsonb
      from bench.case c cross join lateral generate_series(1, c.len) g(seq)`);
    await q(`insert into report (tenant_id, id, number, identity_mode, channel, status, reported, description, warnings, received_on, receipt_hash, election_event_id, case_id, handover_at)
      select c.tenant_id, gen_random_uuid(), 'LP-' || upper(substr(md5(c.id::text), 1, 4)) || '-' || upper(substr(md5(c.id::text), 5, 4)), 'anonim', 'web_publik',
             case when c.state = 'closed' then 'selesai' else 'ditindaklanjuti' end,
             '{"name":"Terlapor","agency":null,"position":null,"idNumber":null}'::jsonb, 'Uraian laporan (data bench).', '[]'::jsonb,
             (c.created_at - interval '2 days')::date, 'bench', ev.id, c.id, c.created_at
      from bench.case c join bench.event ev on ev.tenant_id = c.tenant_id and ev.ord = c.event_ord
      where c.origin = 'laporan'`);
  });

  await step('accounts and an announcement for the measured tenant', async () => {
    await q(`insert into user_account (tenant_id, username, display_name, password_hash, roles) values
      ($1, 'admin.bkpsdm', 'Admin BKPSDM', $4, '{admin}'), ($1, 'satgas', 'Anggota Satgas', $4, '{satgas}'),
      ($2, 'superadmin', 'Pengelola platform', $4, '{superadmin}'),
      ($3, 'admin.provinsi', 'Admin BKD Provinsi', $4, '{admin}')`, [measured.tenant_id, bkn.id, province.id, p.passwordHash]);
    const ann = randomUUID();
    await q(`insert into announcement (tenant_id, id, title, body, reference, has_quiz, published_at) values ($1, $2, 'Surat Edaran Bupati tentang Netralitas ASN', 'ASN wajib menjaga netralitas.', 'SE Bupati Nomor 800.1/1/2026', true, now() - interval '20 days')`, [measured.tenant_id, ann]);
    await q(`insert into announcement_receipt (tenant_id, announcement_id, employee_id, read_at, acknowledged_at)
      select e.tenant_id, $2, e.id, now() - interval '1 minute' * (right(e.id_number, 10)::int % 20000), case when right(e.id_number, 10)::int % 10 < 6 then now() - interval '1 minute' * (right(e.id_number, 10)::int % 10000) end
      from employee e where e.tenant_id = $1 and e.is_active and right(e.id_number, 10)::int % 10 < 8`, [measured.tenant_id, ann]);
  });

  await q(`set session_replication_role = origin`);
  await step('vacuum analyze', () => q('vacuum (analyze)'));
  const provinceTenantIds = plan.filter((t) => t.wilayah_code.startsWith('33.')).map((t) => t.tenant_id);
  const out: DashboardPlan = { measuredTenantId: measured.tenant_id, measuredSlug: measured.slug, bknTenantId: bkn.id, provinceTenantId: province.id, provinceTenantIds, tenants: plan.length };
  await q(`create table bench.meta (plan jsonb not null, generated_at timestamptz not null default now(), params jsonb not null)`);
  await q(`insert into bench.meta (plan, params) values ($1, $2)`, [JSON.stringify(out), JSON.stringify({ employees: p.employees, cases: p.cases })]);
  return out;
}

/** The plan of a dataset generated earlier (--reuse), or null when the database has none. */
export async function readDashboardPlan(client: pg.PoolClient): Promise<{ plan: DashboardPlan; params: { employees: number; cases: number }; generatedAt: Date } | null> {
  const exists = await client.query(`select 1 from information_schema.tables where table_schema = 'bench' and table_name = 'meta'`);
  if (!exists.rowCount) return null;
  const { rows } = await client.query<{ plan: DashboardPlan; params: { employees: number; cases: number }; generated_at: Date }>(`select plan, params, generated_at from bench.meta limit 1`);
  return rows[0] ? { plan: rows[0].plan, params: rows[0].params, generatedAt: rows[0].generated_at } : null;
}
