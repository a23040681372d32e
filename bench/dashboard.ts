/**
 * Dashboard benchmark (issue 7): a national-scale dataset on PostgreSQL — 514 tenants (every
 * kabupaten/kota), 4.7 million employees, three pledge campaigns per tenant with their signatures and
 * apel reports with attendance, 100,000 cases (bench/dashboard-data.ts) — then, through the real app
 * on a socket (buildApp, production settings), p50/p95/p99 of each dashboard API for one tenant (the
 * largest) and of the national roll-up, one client at a time. The limit, in the same run: a bare
 * indexed count (one campaign's live signatures in that tenant, an index-only scan) through the same
 * pool, in-process and behind a bare Fastify route. Targets: tenant dashboards p95 < 100 ms; national
 * roll-up p95 < 1 s.
 *
 * The dataset database is kept after the run: `--reuse` measures it again without regenerating;
 * `--drop` drops it and exits. Before measuring, the refresh job computes every tenant's daily row
 * (timed: it is what makes the roll-up cheap).
 *
 *   npm run bench -- dashboard                     generate (~15 min at full scale), measure
 *   npm run bench -- dashboard --reuse             measure the kept dataset again
 *   npm run bench -- dashboard --drop              drop the dataset database
 *   BENCH_DASHBOARD_SCALE=0.05 npm run bench -- dashboard   5 % of the employees and cases (514 tenants still)
 *   BENCH_DASHBOARD_REQUESTS=60 BENCH_DASHBOARD_ROUNDS=2 BENCH_DASHBOARD_DB=netra_bench_dashboard
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/server/app.js';
import { createDeps, openDatabase } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { InlineJobQueue } from '../src/server/jobs/queue.js';
import { systemContext } from '../src/server/lib/context.js';
import { ensureCatalogue } from '../src/server/modules/catalogue/catalogue.service.js';
import { forgetRememberedSuppression } from '../src/server/modules/insights/national.build.js';
import { refreshAllTenantStats, refreshTenantStats } from '../src/server/modules/insights/national.service.js';
import { refreshUnitStats } from '../src/server/modules/unit-stats/unit-stats.service.js';
import { DEMO_PASSWORD } from '../src/server/seed/demo.js';
import { generateDashboardData, readDashboardPlan, type DashboardPlan } from './dashboard-data.js';
import { BENCH_PRODUCTION_ENV, f1, fmtInt, header, PG_ADMIN_URL, secs, processesCpuMs, table, type Summary } from './lib.js';

const SCALE = Number(process.env.BENCH_DASHBOARD_SCALE ?? 1);
const EMPLOYEES = Math.round(4_700_000 * SCALE);
const CASES = Math.round(100_000 * SCALE);
const DB = process.env.BENCH_DASHBOARD_DB ?? 'netra_bench_dashboard';
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 60);
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 2);
const WARMUP = 5;
const TENANT_TARGET_MS = 100;
const NATIONAL_TARGET_MS = 1000;
const argv = process.argv.slice(2);
const REUSE = argv.includes('--reuse') || process.env.BENCH_DASHBOARD_REUSE === '1';
const DROP = argv.includes('--drop');

const urlFor = (database: string) => {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? NaN };
}

/** CPU ms used so far by this process and by the PostgreSQL backends of the dataset database (/proc). */
async function cpuNow(pool: pg.Pool): Promise<{ node: number; pg: Map<number, number> }> {
  const pids = (await pool.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database()`)).rows;
  const backends = processesCpuMs(pids.map((r) => r.pid));
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1000, pg: backends };
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

/** Signs in like the web app; returns a caller that keeps the session (keep-alive connections). */
async function signIn(base: string, tenant: string, username: string) {
  const pre = cookiesOf(await fetch(`${base}/api/auth/session`));
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': pre.netra_csrf!, cookie: `netra_csrf=${pre.netra_csrf}` },
    body: JSON.stringify({ tenant, username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`${username}@${tenant} login: ${res.status} ${await res.text()}`);
  const jar = { ...pre, ...cookiesOf(res) };
  const cookie = Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': jar.netra_csrf!, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text, bytes: text.length };
  };
  return { cookie, call };
}

interface Endpoint {
  label: string;
  path: string;
  call: (method: string, path: string) => Promise<{ status: number; body: any; bytes: number }>;
  target: number;
  /** Run before each request, untimed. */
  before?: () => void;
}

/** N requests one after the other; fails unless each answers 200. */
async function measure(pool: pg.Pool, e: Endpoint, n: number): Promise<{ lat: Percentiles; cpu: { node: number; pg: number }; bytes: number }> {
  for (let i = 0; i < WARMUP; i++) {
    const r = await e.call('GET', e.path);
    if (r.status !== 200) throw new Error(`${e.label}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  const before = await cpuNow(pool);
  const lat: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    e.before?.();
    const t = performance.now();
    const r = await e.call('GET', e.path);
    lat.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`${e.label}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    bytes = r.bytes;
  }
  const after = await cpuNow(pool);
  const pgMs = [...after.pg].reduce((sum, [pid, ms]) => sum + ms - (before.pg.get(pid) ?? 0), 0);
  return { lat: percentiles(lat), cpu: { node: (after.node - before.node) / n, pg: pgMs / n }, bytes };
}

export async function runDashboardBench(): Promise<Summary[]> {
  if (DROP) {
    await admin((c) => c.query(`drop database if exists "${DB}" with (force)`));
    console.log(`dashboard: dataset database ${DB} dropped`);
    return [];
  }
  header(`dashboard benchmark: PostgreSQL, 514 tenants, ${fmtInt(EMPLOYEES)} employees, ${fmtInt(CASES)} cases; ${REQUESTS} requests per endpoint × ${ROUNDS} rounds, 1 client`);
  console.log('note: server and client in this process, PostgreSQL on the same 2 cores (shared with other work: read the CPU columns too).');
  const exists = (await admin((c) => c.query(`select 1 from pg_database where datname = $1`, [DB]))).rowCount === 1;
  if (REUSE && !exists) throw new Error(`--reuse: no database ${DB}; run without --reuse first`);
  if (!REUSE) {
    await admin(async (c) => {
      await c.query(`drop database if exists "${DB}" with (force)`);
      await c.query(`create database "${DB}"`);
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-bench-dashboard-'));
  const config = loadConfig({
    ...BENCH_PRODUCTION_ENV,
    DATA_DIR: dataDir,
    DATABASE_URL: urlFor(DB),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    JOBS_INLINE: 'true',
    ARGON2_MEMORY_KIB: '19456',
    ARGON2_TIME_COST: '2',
    // The bench signs in three accounts from one address.
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
  });
  const { database, release } = await openDatabase(config); // migrates a kept dataset to the current schema too
  if (database.kind !== 'postgres') throw new Error('unreachable');
  const pool = database.pool;
  const log = pino({ level: 'silent' });
  const deps = createDeps(config, database, log, new InlineJobQueue(log));
  const app = await buildApp(deps, { logger: false });
  const bare = Fastify({ logger: false });
  try {
    let plan: DashboardPlan;
    let generationMs: number | null = null;
    const client = await pool.connect();
    try {
      const kept = await readDashboardPlan(client);
      if (REUSE) {
        if (!kept) throw new Error(`--reuse: ${DB} holds no complete dataset (interrupted generation?); run without --reuse`);
        plan = kept.plan;
        console.log(`reusing ${DB}: generated ${kept.generatedAt.toISOString()} with ${fmtInt(kept.params.employees)} employees, ${fmtInt(kept.params.cases)} cases`);
      } else {
        console.log('generating:');
        const t = performance.now();
        plan = await generateDashboardData(client, {
          employees: EMPLOYEES,
          cases: CASES,
          passwordHash: await deps.passwords.hash(DEMO_PASSWORD),
          log: (line) => console.log(line),
          seedCatalogue: (tenantId) => deps.db.transaction((tx) => ensureCatalogue(tx, tenantId, systemContext(tenantId, 'sistem (bench)'))).then(() => undefined),
        });
        generationMs = performance.now() - t;
        console.log(`generated in ${secs(generationMs)}`);
      }
    } finally {
      client.release();
    }
    const one = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as Record<string, any>;
    const sizes = await one(`select pg_size_pretty(pg_database_size(current_database())) as db,
      (select count(*) from tenant) as tenants, (select reltuples::bigint from pg_class where relname = 'employee') as employees,
      (select reltuples::bigint from pg_class where relname = 'pledge_signature') as signatures, (select reltuples::bigint from pg_class where relname = 'apel_attendance') as attendance,
      (select count(*) from apel_report) as apel_reports, (select count(*) from case_file) as cases, (select count(*) from unit) as units`);
    console.log(`dataset: ${sizes.db}; ${fmtInt(Number(sizes.tenants))} tenants, ~${fmtInt(Number(sizes.employees))} employees, ${fmtInt(Number(sizes.units))} units, ~${fmtInt(Number(sizes.signatures))} signatures, ${fmtInt(Number(sizes.apel_reports))} apel reports, ~${fmtInt(Number(sizes.attendance))} attendance rows, ${fmtInt(Number(sizes.cases))} cases`);

    // The refresh job's work: every tenant's daily rows (what the roll-up reads).
    let t = performance.now();
    const refreshed = await refreshAllTenantStats(deps.db);
    const refreshAllMs = performance.now() - t;
    t = performance.now();
    await refreshTenantStats(deps.db, plan.measuredTenantId);
    const refreshOneMs = performance.now() - t;
    const statRows = Number((await one(`select count(*) as n from tenant_daily_stats`)).n);
    console.log(`refresh job: ${fmtInt(refreshed)} tenants in ${secs(refreshAllMs)} (${f1(refreshAllMs / refreshed)} ms per tenant on average), the largest tenant alone ${f1(refreshOneMs)} ms; tenant_daily_stats holds ${fmtInt(statRows)} rows`);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const tenantSlug = (id: string) => one(`select slug from tenant where id = $1`, [id]).then((r) => String(r.slug));
    const superadmin = await signIn(base, await tenantSlug(plan.bknTenantId), 'superadmin');
    const province = await signIn(base, await tenantSlug(plan.provinceTenantId), 'admin.provinsi');
    // The province oversees its kabupaten/kota (granted by the operator through the API; kept on --reuse).
    const live = await superadmin.call('GET', '/api/insights/oversight-grants');
    const have = new Set((live.body.items as { overseer: { id: string }; overseen: { id: string } | null; revokedAt: string | null }[]).filter((g) => g.overseer.id === plan.provinceTenantId && !g.revokedAt).map((g) => g.overseen?.id));
    for (const id of plan.provinceTenantIds.filter((x) => !have.has(x))) {
      const r = await superadmin.call('POST', '/api/insights/oversight-grants', { overseerTenantId: plan.provinceTenantId, overseenTenantId: id, basis: 'Pembinaan dan pengawasan oleh gubernur (bench)' });
      if (r.status !== 201) throw new Error(`grant: ${r.status} ${JSON.stringify(r.body)}`);
    }

    // Two tenants: the largest (the worst case) and the median one (a typical Pemda), each with an admin
    // account and an announcement with its receipts (added here for the median one when missing).
    const median = await one(`select tenant_id as id from bench.plan order by employees, idx offset (select count(*) / 2 from bench.plan) limit 1`);
    const passwordHash = String((await one(`select password_hash from user_account where tenant_id = $1 and username = 'admin.bkpsdm'`, [plan.measuredTenantId])).password_hash);
    await pool.query(`insert into user_account (tenant_id, username, display_name, password_hash, roles) values ($1, 'admin.bkpsdm', 'Admin BKPSDM', $2, '{admin}') on conflict do nothing`, [median.id, passwordHash]);
    if (!(await one(`select count(*)::int as n from announcement where tenant_id = $1`, [median.id])).n) {
      const ann = (await one(`insert into announcement (tenant_id, title, body, has_quiz, published_at) values ($1, 'Surat Edaran Bupati tentang Netralitas ASN', 'ASN wajib menjaga netralitas.', true, now() - interval '20 days') returning id`, [median.id])).id;
      await pool.query(`insert into announcement_receipt (tenant_id, announcement_id, employee_id, read_at, acknowledged_at)
        select e.tenant_id, $2, e.id, now() - interval '1 minute' * (right(e.id_number, 10)::int % 20000), case when right(e.id_number, 10)::int % 10 < 6 then now() - interval '1 minute' * (right(e.id_number, 10)::int % 10000) end
        from employee e where e.tenant_id = $1 and e.is_active and right(e.id_number, 10)::int % 10 < 8`, [median.id, ann]);
      await pool.query(`vacuum analyze announcement_receipt`);
    }
    const tenantsMeasured: { role: string; id: string }[] = [
      { role: 'largest', id: plan.measuredTenantId },
      { role: 'median', id: String(median.id) },
    ];
    const endpoints: Endpoint[] = [];
    let limitIds: { tenant: string; campaign: string } | null = null;
    for (const m of tenantsMeasured) {
      const info = await one(`select t.name, t.slug, (select count(*) from employee e where e.tenant_id = t.id and e.is_active) as employees, (select count(*) from unit u where u.tenant_id = t.id) as units,
        (select count(*) from case_file c where c.tenant_id = t.id) as cases from tenant t where t.id = $1`, [m.id]);
      const ids = await one(`select (select id from election_event where tenant_id = $1 and kind = 'pilkada') as event,
          (select id from pledge_campaign where tenant_id = $1 and status = 'open' limit 1) as campaign,
          (select id from unit where tenant_id = $1 and name = 'Dinas Pendidikan dan Kebudayaan') as disdik,
          (select id from announcement where tenant_id = $1 limit 1) as announcement`, [m.id]);
      limitIds ??= { tenant: m.id, campaign: String(ids.campaign) };
      const admin = await signIn(base, String(info.slug), 'admin.bkpsdm');
      const tree = await admin.call('GET', `/api/campaigns/${ids.campaign}/compliance`);
      const dash = await admin.call('GET', `/api/insights/cases?event=${ids.event}`);
      if (tree.status !== 200 || dash.status !== 200) throw new Error(`sanity (${m.role}): tree ${tree.status}, dashboard ${dash.status} ${JSON.stringify(dash.body).slice(0, 200)}`);
      console.log(`${m.role} tenant: ${info.name} — ${fmtInt(Number(info.employees))} active employees, ${fmtInt(Number(info.units))} units, ${fmtInt(Number(info.cases))} cases; compliance tree ${tree.body.units.length} units, case dashboard ${dash.body.cases.total.value} cases of the Pilkada / ${dash.body.compliance.length} campaigns`);
      // The per-unit dashboard counts (modules/unit-stats): what the minute job pays when every scope of this tenant changed.
      const scopes = (await pool.query<{ scope: string }>(`select 'campaign:' || id as scope from pledge_campaign where tenant_id = $1 union all select 'announcement:' || id from announcement where tenant_id = $1`, [m.id])).rows.map((r) => r.scope);
      const tStats = performance.now();
      await refreshUnitStats(deps.db, m.id, scopes);
      console.log(`${m.role} tenant: per-unit counts of ${scopes.length} campaigns/announcements recomputed in ${f1(performance.now() - tStats)} ms (the minute job's cost when all of them changed)`);
      const tag = `${m.role} (${fmtInt(Number(info.employees))} empl.)`;
      endpoints.push(
        { label: `${tag} case dashboard, current election: GET /api/insights/cases?event=`, path: `/api/insights/cases?event=${ids.event}`, call: admin.call, target: TENANT_TARGET_MS },
        { label: `${tag} case dashboard, all elections: GET /api/insights/cases`, path: '/api/insights/cases', call: admin.call, target: TENANT_TARGET_MS },
        { label: `${tag} compliance tree, running campaign: GET /api/campaigns/:id/compliance`, path: `/api/campaigns/${ids.campaign}/compliance`, call: admin.call, target: TENANT_TARGET_MS },
        { label: `${tag} compliance tree, one OPD: …/compliance?unitId=`, path: `/api/campaigns/${ids.campaign}/compliance?unitId=${ids.disdik}`, call: admin.call, target: TENANT_TARGET_MS },
        { label: `${tag} sosialisasi rates: GET /api/sosialisasi/announcements/:id/units`, path: `/api/sosialisasi/announcements/${ids.announcement}/units`, call: admin.call, target: TENANT_TARGET_MS },
      );
    }
    // Sanity: the roll-ups say what the data says.
    const national = await superadmin.call('GET', '/api/insights/national');
    const prov = await province.call('GET', '/api/insights/national');
    const suppressedTenants = (national.body.rows as { cases: { total: { value: number | null } } }[]).filter((r) => r.cases.total.value === null).length;
    if (national.status !== 200 || national.body.rows.length !== plan.tenants + 2 || prov.status !== 200 || prov.body.rows.length !== plan.provinceTenantIds.length) {
      throw new Error(`sanity: national ${national.status} ${national.body.rows?.length} rows, province ${prov.status} ${prov.body.rows?.length} rows`);
    }
    console.log(`national view: election ${national.body.filters.election}, ${national.body.rows.length} rows (${suppressedTenants} with the case total suppressed), ${(national.bytes / 1024).toFixed(0)} KiB JSON; totals: ${fmtInt(national.body.totals.employees)} employees, ${national.body.totals.pledge.signedPct} % signed, ${national.body.totals.cases.total.value} cases`);
    endpoints.push(
      { label: 'national roll-up, superadmin (516 tenants): GET /api/insights/national', path: '/api/insights/national', call: superadmin.call, target: NATIONAL_TARGET_MS },
      { label: 'national roll-up, superadmin, cold (suppression not remembered)', path: '/api/insights/national', call: superadmin.call, target: NATIONAL_TARGET_MS, before: forgetRememberedSuppression },
      { label: 'national roll-up, superadmin, one province: ?province=33', path: '/api/insights/national?province=33', call: superadmin.call, target: NATIONAL_TARGET_MS },
      { label: 'provincial roll-up, province admin (35 granted)', path: '/api/insights/national', call: province.call, target: NATIONAL_TARGET_MS },
    );
    const ids = { campaign: limitIds!.campaign };

    // The limit: a bare indexed count through the same pool (index-only scan of one campaign's live signatures).
    const limitSql = `select count(*)::int as n from pledge_signature where tenant_id = $1 and campaign_id = $2 and revoked_at is null`;
    bare.get('/limit', async () => (await pool.query(limitSql, [plan.measuredTenantId, ids.campaign])).rows[0]);
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
    const bareCall = async (_m: string, path: string) => {
      const r = await fetch(`${bareBase}${path}`);
      const text = await r.text();
      return { status: r.status, body: text, bytes: text.length };
    };
    const limitCount = Number((await pool.query(limitSql, [plan.measuredTenantId, ids.campaign])).rows[0].n);

    const rounds: { label: string; lat: Percentiles; cpu: { node: number; pg: number }; bytes: number; target: number }[][] = [];
    const limits: { http: Percentiles; direct: Percentiles }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const results = [];
      for (const e of endpoints) results.push({ label: e.label, target: e.target, ...(await measure(pool, e, e.target === NATIONAL_TARGET_MS ? Math.max(20, Math.round(REQUESTS / 2)) : REQUESTS)) });
      const http = await measure(pool, { label: 'limit', path: '/limit', call: bareCall, target: 0 }, REQUESTS);
      const direct: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        await pool.query(limitSql, [plan.measuredTenantId, ids.campaign]);
        direct.push(performance.now() - t0);
      }
      rounds.push(results);
      limits.push({ http: http.lat, direct: percentiles(direct) });
      header(`dashboard — round ${round} of ${ROUNDS} (load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')})`);
      table([
        ['endpoint (1 client)', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU node', 'CPU pg', 'KiB', 'target'],
        ...results.map((r) => [r.label, f1(r.lat.p50), f1(r.lat.p95), f1(r.lat.p99), f1(r.lat.max), f1(r.cpu.node), f1(r.cpu.pg), (r.bytes / 1024).toFixed(0), `< ${r.target}`]),
        ['LIMIT bare Fastify GET /limit (indexed count)', f1(http.lat.p50), f1(http.lat.p95), f1(http.lat.p99), f1(http.lat.max), f1(http.cpu.node), f1(http.cpu.pg), '', ''],
        ['LIMIT the count through the pool, in-process', f1(percentiles(direct).p50), f1(percentiles(direct).p95), f1(percentiles(direct).p99), f1(percentiles(direct).max), '', '', '', ''],
      ]);
    }
    console.log(`limit query: ${limitSql.replace(/\s+/g, ' ')} → ${fmtInt(limitCount)} signatures`);
    console.log('CPU node / pg: CPU ms per request of this process (server and client) and of the PostgreSQL backends (/proc, 10 ms ticks summed over the run).');
    if (generationMs !== null) console.log(`data generation: ${secs(generationMs)}`);

    const xlsx = await superadmin.call('GET', '/api/insights/national.xlsx');
    if (xlsx.status !== 200) throw new Error(`national.xlsx: ${xlsx.status}`);

    return endpoints.map((e, i) => {
      const p95s = rounds.map((r) => r[i]!.lat.p95);
      return {
        bench: 'dashboard',
        backend: 'postgres',
        metric: `p95 ms (rounds): ${e.label.split(':')[0]!.trim()}`,
        value: p95s.map(f1).join(' / '),
        limit: `${limits.map((l) => f1(l.http.p95)).join(' / ')} count`,
        ratio: `${(Math.max(...p95s) / Math.max(...limits.map((l) => l.http.p95))).toFixed(0)}×`,
        target: `p95 < ${e.target} ms`,
        met: p95s.every((p) => p < e.target),
      };
    });
  } finally {
    await app.close();
    await bare.close();
    deps.mailer.close();
    await database.close();
    release();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDashboardBench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
