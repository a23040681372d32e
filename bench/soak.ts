/**
 * Soak benchmark (issue 8, "Load"): the real server (`src/server/main.ts` as a child process, what
 * `npm start` runs, with production settings) on a scratch PostgreSQL database, under a mixed load at
 * a fixed arrival rate (open loop) from load worker processes (bench/soak-worker.ts). Per endpoint:
 * count, errors (an unexpected status, a timeout, a socket error), p50/p95/p99; every 10 s the
 * server's RSS (/proc/<pid>/status VmRSS), its CPU and the number of PostgreSQL backends of the
 * database, with a flatness verdict for the RSS at the end. In the same run, the machine's limit: a
 * bare Fastify route driven by autocannon (bench/load-worker.mjs), as in bench/http.ts.
 *
 *   node --import tsx bench/soak.ts --minutes 30 --rate 10     the soak (npm run proof:soak = 30 minutes at the default 10 req/s)
 *   node --import tsx bench/soak.ts --find-max                 1-minute steps from 10 req/s (×1.5, then bisection) until p99 ≥ 200 ms or an error
 *   node --import tsx bench/soak.ts --short                    40 s at 4 req/s, 60 s timeout (CI: tests/integration/soak-short.test.ts)
 *   npm run bench -- soak --find-max                           the same through the bench runner
 *
 * Options: --rate R (HTTP requests/s), --minutes M / --seconds S, --start R0, --max-rate R, --step-seconds S,
 * --p99-ms 200, --timeout-ms 15000, --profile 20 (operations per kind in the one-client pricing run before
 * the load; 0 in short mode), --workers 2, --employees N (seed size; default from the planned signatures), --cases N
 * (bulk case data, bench/cases-data.ts; default 6000, the generator's minimum), --db NAME (scratch
 * database, default netra_soak; dropped at the end unless --keep-db), --json FILE (results as JSON).
 * Environment: BENCH_PG_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_POW_COST (the server's POW_COST, default 20 as in bench/intake.ts: the client solves every
 * challenge on these same 2 cores).
 *
 * Data: the demo tenant seeded by main.ts (units, employees, the open pledge campaign, the monitoring
 * demo), plus bulk cases generated set-based (bench/cases-data.ts) so that the work box, case pages
 * and the dashboard read a realistic case history. Employees do not sign in by OTP (an e-mail round
 * trip each); as in bench/signing.ts, a pegawai account and a live session per employee are written
 * straight into `user_account` and `session`. Staff sign in through the real login once.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import Fastify from 'fastify';
import pg from 'pg';
import sharp from 'sharp';
import { SMTPServer } from 'smtp-server';
import { randomToken, sha256Hex } from '../src/server/lib/tokens.js';
import { generateCaseData } from './cases-data.js';
import { BENCH_PRODUCTION_ENV, cpuSpentMs, dropPgDatabase, f1, fmtInt, header, machineLine, processCpuMs, processesCpuMs, recreatePgDatabase, table, type Summary } from './lib.js';
import {
  ENDPOINTS,
  HEAVY_BY_DESIGN,
  buildMix,
  pct,
  requestsPerOp,
  slope,
  type EmployeeSession,
  type EndpointName,
  type FromWorker,
  type OpSpec,
  type PhaseDoneMsg,
  type StaffSession,
  type ToWorker,
  type WindowMsg,
  type WorkerInit,
} from './soak-mix.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_PASSWORD = 'Netra-Demo-2026!'; // src/server/seed/demo.ts (not imported: the server seeds, not this process)
/**
 * Default steady rate of the soak (HTTP requests/s): about 4× a busy signing-campaign hour of one
 * Kabupaten (~8,000 requests in the hour, bench/RESULTS.md), and about a third of the CPU bound of
 * this mix on 2 free cores (~30 req/s). Pass --rate to soak at ~70 % of what --find-max found.
 */
const DEFAULT_SOAK_RATE = 10;
const SAMPLE_MS = 10_000;
/** RSS growth (MiB per 10 min, linear fit over the second half) still called flat. */
const FLAT_MIB_PER_10_MIN = 5;

// ---------------------------------------------------------------------------------------------------
// Options

type Mode = 'soak' | 'find-max' | 'short';
interface Options {
  mode: Mode;
  seconds: number;
  rate: number;
  start: number;
  maxRate: number;
  stepSeconds: number;
  p99Ms: number;
  /** Judge find-max steps on the p99 of all requests, the heavy-by-design endpoints included. */
  p99All: boolean;
  workers: number;
  employees: number | null;
  cases: number;
  db: string;
  keepDb: boolean;
  json: string | null;
  limitSeconds: number;
  timeoutMs: number;
  /** Operations per kind in the one-client pricing run before the load (0: none). */
  profile: number;
}

function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(a.slice(2), argv[++i]!);
    else flags.set(a.slice(2), 'true');
  }
  const num = (k: string, d: number) => {
    const v = flags.get(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${k} must be a positive number, got ${v}`);
    return n;
  };
  const mode: Mode = flags.has('short') ? 'short' : flags.has('find-max') ? 'find-max' : 'soak';
  const seconds = flags.has('seconds') ? num('seconds', 0) : flags.has('minutes') ? num('minutes', 0) * 60 : mode === 'short' ? 40 : 30 * 60;
  return {
    mode,
    seconds,
    rate: num('rate', mode === 'short' ? 4 : DEFAULT_SOAK_RATE),
    start: num('start', 10),
    maxRate: num('max-rate', 400),
    stepSeconds: num('step-seconds', 60),
    p99Ms: num('p99-ms', 200),
    p99All: flags.has('p99-all'),
    workers: Math.round(num('workers', 2)),
    employees: flags.has('employees') ? Math.round(num('employees', 0)) : null,
    cases: Math.round(num('cases', 6000)),
    db: flags.get('db') ?? process.env.BENCH_SOAK_DB ?? 'netra_soak',
    keepDb: flags.has('keep-db'),
    json: flags.get('json') ?? null,
    limitSeconds: num('limit-seconds', mode === 'short' ? 3 : 10),
    // A request unanswered this long is an error (a timeout). Short mode (CI, shared machine) only catches hangs.
    timeoutMs: num('timeout-ms', mode === 'short' ? 60_000 : 15_000),
    profile: flags.get('profile') === '0' ? 0 : Math.round(num('profile', mode === 'short' ? 0 : 20)),
  };
}

// ---------------------------------------------------------------------------------------------------
// The server process and its surroundings

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** An SMTP server that accepts and counts what the server sends (production requires SMTP; nothing leaves the machine). */
async function startSmtpSink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        n++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, count: () => n, close: () => new Promise((r) => server.close(() => r())) };
}

interface ServerProc {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  logPath: string;
  seedMs: number;
}

/** Starts `src/server/main.ts` as `npm start` does, with production settings, and waits until it answers. */
async function startServer(env: Record<string, string>, logPath: string): Promise<ServerProc> {
  const port = await freePort();
  const fd = openSync(logPath, 'a');
  const t0 = performance.now();
  // A clean environment: only what the server is meant to read, so no setting leaks in from the caller's shell.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 15 * 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`server exited with ${exited} before answering; log ${logPath}:\n${readFileSync(logPath, 'utf8').slice(-3000)}`);
    if (Date.now() > until) throw new Error(`server did not answer within 15 min; log ${logPath}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, pid: child.pid!, port, base, logPath, seedMs: performance.now() - t0 };
}

async function stopServer(s: ServerProc): Promise<number | null> {
  if (s.child.exitCode !== null) return s.child.exitCode;
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 20_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** CPU ms used so far by each PostgreSQL backend of the database (/proc; a backend that just exited is skipped). */
async function pgCpu(pool: pg.Pool, db: string): Promise<Map<number, number>> {
  return processesCpuMs((await pool.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [db])).rows.map((r) => r.pid));
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The server's log lines at warn (40) and above: pino JSON, one object per line. */
function logProblems(logPath: string): { warn: number; error: number; samples: string[] } {
  let warn = 0;
  let error = 0;
  const samples: string[] = [];
  for (const line of readFileSync(logPath, 'utf8').split('\n')) {
    const m = /"level":(\d+)/.exec(line);
    if (!m) continue;
    const level = Number(m[1]);
    if (level >= 50) {
      error++;
      if (samples.length < 5) samples.push(line.slice(0, 400));
    } else if (level === 40) warn++;
  }
  return { warn, error, samples };
}

// ---------------------------------------------------------------------------------------------------
// Setup through the API and the database

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

/** Signs in like the web app: GET the session for the CSRF cookie, then POST the login with it. */
async function signIn(base: string, username: string): Promise<StaffSession> {
  const pre = cookiesOf(await fetch(`${base}/api/auth/session`));
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': pre.netra_csrf!, cookie: `netra_csrf=${pre.netra_csrf}` },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`${username} login: ${res.status} ${await res.text()}`);
  const jar = { ...pre, ...cookiesOf(res) };
  return { cookie: Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; '), csrf: jar.netra_csrf! };
}

/** A JPEG of random noise (does not compress away) of about `target` bytes. */
async function noiseJpeg(target: number): Promise<Buffer> {
  const make = (w: number, h: number) => sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
  const sample = await make(200, 150);
  const perPixel = sample.length / (200 * 150);
  const width = Math.round(Math.sqrt((target / perPixel) * (4 / 3)));
  return make(width, Math.round((width * 3) / 4));
}

/** A public report through the real endpoint (proof of work solved here), for the receipt checks to start with. */
async function submitReport(base: string, slug: string, jpeg: Buffer, i: number): Promise<{ number: string; key: string }> {
  const challenge = (await (await fetch(`${base}/api/public/pow`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('proof of work not solved');
  const form = new FormData();
  form.set('report', JSON.stringify({ identityMode: 'anonim', reported: { name: `Pegawai Terlapor Awal ${i}`, agency: 'Dinas Kesehatan', position: 'Staf' }, actKind: 'kampanye_media_sosial', actDate: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), discoveredOn: null, place: 'Instagram', description: 'Yang bersangkutan mengunggah foto berpose jari mendukung salah satu pasangan calon.', links: [] }));
  form.set('altcha', Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'));
  form.set('tenant', slug);
  form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'bukti.jpg');
  const csrf = 'soak-setup-pre-session-csrf-token';
  const res = await fetch(`${base}/api/public/reports`, { method: 'POST', headers: { cookie: `netra_csrf=${csrf}`, 'x-csrf-token': csrf }, body: form });
  const body = (await res.json()) as { number: string; receiptKey: string };
  if (res.status !== 201) throw new Error(`setup report: ${res.status} ${JSON.stringify(body)}`);
  return { number: body.number, key: body.receiptKey };
}

interface World {
  server: ServerProc;
  pool: pg.Pool;
  tenantId: string;
  slug: string;
  campaignId: string;
  eventId: string;
  contestId: string;
  penetapanOn: string;
  employees: EmployeeSession[];
  staff: { satgas: StaffSession; admin: StaffSession; pimpinan: StaffSession };
  signing: { ikrarId: string; paktaId: string; undertakings: number };
  caseIds: string[];
  subjectIds: string[];
  receipts: { number: string; key: string }[];
  caseData: { ms: number; counts: Record<string, number> };
  sessionsMs: number;
  hasWeb: boolean;
}

async function prepareWorld(server: ServerProc, dbUrl: string, cases: number, reportJpeg: Buffer, hasWeb: boolean): Promise<World> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const one = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows[0] as T;
  const { id: tenantId, slug } = await one<{ id: string; slug: string }>(`select id, slug from tenant order by created_at limit 1`);
  const c = await one<{ campaign_id: string; event_id: string; contest_id: string; penetapan: string }>(
    `select pc.id as campaign_id, pc.event_id, ec.id as contest_id, ec.penetapan_calon_on::text as penetapan
       from pledge_campaign pc join election_contest ec on ec.tenant_id = pc.tenant_id and ec.event_id = pc.event_id
      where pc.tenant_id = $1 and pc.status = 'open' limit 1`,
    [tenantId],
  );
  const users = new Map((await pool.query<{ id: string; username: string }>(`select id, username from user_account where tenant_id = $1 and username is not null`, [tenantId])).rows.map((u) => [u.username, u.id]));

  // Bulk cases (set-based, one transaction), before the pegawai accounts: the generator links the
  // satgas and admin accounts to two BKPSDM employees (their conflict-of-interest exclusions).
  const client = await pool.connect();
  const caseData = await generateCaseData(client, {
    tenantId,
    cases,
    events: cases * 8,
    electionEventId: c.event_id,
    contestId: c.contest_id,
    satgasUserId: users.get('satgas')!,
    adminUserId: users.get('admin.bkpsdm')!,
    inspektoratUserId: users.get('inspektorat')!,
    ppkUserId: users.get('bupati')!,
  }).finally(() => client.release());

  // One pegawai account and one live session per active employee (as bench/signing.ts), in random order.
  let t = performance.now();
  const accounts = (
    await pool.query<{ id: string; name: string }>(
      `insert into user_account (tenant_id, display_name, roles, employee_id)
       select e.tenant_id, e.name, array['pegawai'], e.id from employee e
        where e.tenant_id = $1 and e.is_active and not exists (select 1 from user_account u where u.tenant_id = e.tenant_id and u.employee_id = e.id)
       returning id, display_name as name`,
      [tenantId],
    )
  ).rows.sort(() => Math.random() - 0.5);
  const employees: EmployeeSession[] = [];
  for (let i = 0; i < accounts.length; i += 1000) {
    const chunk = accounts.slice(i, i + 1000).map((a) => ({ ...a, token: randomToken(), csrf: randomToken() }));
    await pool.query(
      `insert into session (tenant_id, token_hash, user_id, csrf_token, expires_at)
       select $1, h, u, c, now() + interval '24 hours' from unnest($2::text[], $3::uuid[], $4::text[]) as x(h, u, c)`,
      [tenantId, chunk.map((a) => sha256Hex(a.token)), chunk.map((a) => a.id), chunk.map((a) => a.csrf)],
    );
    for (const a of chunk) employees.push({ cookie: `netra_sid=${a.token}; netra_csrf=${a.csrf}`, csrf: a.csrf, name: a.name });
  }
  const sessionsMs = performance.now() - t;

  const staff = { satgas: await signIn(server.base, 'satgas'), admin: await signIn(server.base, 'admin.bkpsdm'), pimpinan: await signIn(server.base, 'pimpinan.disdik') };
  const view = (await (await fetch(`${server.base}/api/campaigns/${c.campaign_id}/signing`, { headers: { cookie: employees[0]!.cookie } })).json()) as { ikrar?: { id: string }; pakta?: { id: string }; undertakings?: unknown[] };
  if (!view.ikrar?.id || !view.pakta?.id || !view.undertakings?.length) throw new Error(`signing view: ${JSON.stringify(view).slice(0, 300)}`);

  const satgasId = users.get('satgas')!;
  const caseIds = (
    await pool.query<{ id: string }>(
      `select id from case_file c where tenant_id = $1 and not exists (select 1 from case_exclusion x where x.tenant_id = c.tenant_id and x.case_id = c.id and x.user_id = $2) order by random() limit 3000`,
      [tenantId, satgasId],
    )
  ).rows.map((r) => r.id);
  const subjectIds = (
    await pool.query<{ id: string }>(
      `select e.id from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
        where e.tenant_id = $1 and e.category = 'pns' and e.is_active
          and not exists (select 1 from unit opd where opd.tenant_id = e.tenant_id and opd.name = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' and u.path like opd.path || '%')
        order by random() limit 500`,
      [tenantId],
    )
  ).rows.map((r) => r.id);
  t = performance.now();
  const receipts: { number: string; key: string }[] = [];
  for (let i = 0; i < 6; i++) receipts.push(await submitReport(server.base, slug, reportJpeg, i));
  return {
    server,
    pool,
    tenantId,
    slug,
    campaignId: c.campaign_id,
    eventId: c.event_id,
    contestId: c.contest_id,
    penetapanOn: c.penetapan,
    employees,
    staff,
    signing: { ikrarId: view.ikrar.id, paktaId: view.pakta.id, undertakings: view.undertakings.length },
    caseIds,
    subjectIds,
    receipts,
    caseData,
    sessionsMs,
    hasWeb,
  };
}

/**
 * Waits for the server's start-up burst: the scheduler's first compliance reminder run (60 s after
 * start) queues one e-mail per unsigned employee through pg-boss; the measurements start once that run
 * has finished. The e-mails themselves are then still being delivered (a mail.send job each, to the
 * local SMTP sink) during the load, as they would be on a server restarted in the morning: the backlog is printed.
 */
async function waitForReminderRun(pool: pg.Pool, timeoutMs: number): Promise<string> {
  const t0 = performance.now();
  for (;;) {
    const r = (
      await pool.query<{ remind_done: number; mails: number; unsent: number }>(
        `select count(*) filter (where name = 'compliance.remind' and state = 'completed')::int as remind_done,
                count(*) filter (where name = 'mail.send')::int as mails,
                count(*) filter (where name = 'mail.send' and state in ('created', 'retry', 'active'))::int as unsent
           from pgboss.job`,
      )
    ).rows[0]!;
    const waited = (performance.now() - t0) / 1000;
    if (r.remind_done > 0) return `waited ${f1(waited)} s for the start-up reminder run: ${fmtInt(r.mails)} e-mails queued, ${fmtInt(r.unsent)} still to deliver (delivered in the background during the load)`;
    if (waited * 1000 > timeoutMs) return `the start-up reminder run has not finished after ${f1(waited)} s: measuring anyway`;
    await new Promise((res) => setTimeout(res, 2000));
  }
}

/** pg-boss jobs by name and state, e.g. "mail.send completed 120". */
async function jobStates(pool: pg.Pool): Promise<string> {
  const jobs = (await pool.query<{ name: string; state: string; n: number }>(`select name, state, count(*)::int as n from pgboss.job group by 1, 2 order by 1, 2`)).rows;
  return jobs.map((j) => `${j.name} ${j.state} ${j.n}`).join(', ') || 'none';
}

// ---------------------------------------------------------------------------------------------------
// The limit: a bare Fastify route under autocannon (as bench/http.ts)

interface BareResult {
  requestsAverage: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function autocannon(url: string, duration: number): Promise<BareResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-worker.mjs', import.meta.url)), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: BareResult | undefined;
    child.once('message', (m) => (result = m as BareResult));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code} and no result`))));
    child.send({ url, headers: {}, connections: 10, duration, pipelining: 1 });
  });
}

async function measureBare(seconds: number): Promise<BareResult> {
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  try {
    const url = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/hello`;
    await autocannon(url, 2);
    const r = await autocannon(url, seconds);
    if (r.non2xx || r.errors || r.timeouts) throw new Error(`bare route: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
    return r;
  } finally {
    await bare.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Load workers, phases, sampling

interface EndpointTotal {
  lat: number[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  samples: string[];
}

class Totals {
  readonly endpoints = new Map<EndpointName, EndpointTotal>();
  lag: number[] = [];
  ops = 0;
  add(w: WindowMsg): void {
    for (const e of w.endpoints) {
      let t = this.endpoints.get(e.endpoint);
      if (!t) this.endpoints.set(e.endpoint, (t = { lat: [], statuses: {}, errors: 0, timeouts: 0, samples: [] }));
      for (const x of e.lat) t.lat.push(x);
      for (const [k, v] of Object.entries(e.statuses)) t.statuses[k] = (t.statuses[k] ?? 0) + v;
      t.errors += e.errors;
      t.timeouts += e.timeouts;
      for (const s of e.samples) if (t.samples.length < 5) t.samples.push(s);
    }
    for (const x of w.lag) this.lag.push(x);
    this.ops += w.ops;
  }
  merge(o: Totals): void {
    this.add({ type: 'window', worker: 0, phase: 0, endpoints: [...o.endpoints].map(([endpoint, v]) => ({ endpoint, ...v })), lag: o.lag, ops: o.ops });
  }
  get requests(): number {
    let n = 0;
    for (const t of this.endpoints.values()) n += t.lat.length;
    return n;
  }
  get errors(): number {
    let n = 0;
    for (const t of this.endpoints.values()) n += t.errors;
    return n;
  }
  allLatencies(): number[] {
    return [...this.endpoints.values()].flatMap((t) => t.lat).sort((a, b) => a - b);
  }
  /** Latencies of every endpoint except the ones slow by design (HEAVY_BY_DESIGN), sorted. */
  interactiveLatencies(): number[] {
    return [...this.endpoints].filter(([e]) => !HEAVY_BY_DESIGN.includes(e)).flatMap(([, t]) => t.lat).sort((a, b) => a - b);
  }
}

interface Sample {
  t: number;
  rssMiB: number;
  pgBackends: number;
  /** Of those, running a statement, and waiting for a lock (e.g. the audit chain's advisory lock), at the sample. */
  pgActive: number;
  pgLockWaits: number;
  /** pg-boss jobs due and not done (e-mails, signed-PDF renders…): background work keeping up or not. */
  jobsDue: number;
  serverCpuPct: number;
  reqPerS: number;
  p99: number;
  errors: number;
  load1: number;
}

interface PhaseResult {
  phase: number;
  rate: number;
  seconds: number;
  totals: Totals;
  done: PhaseDoneMsg[];
  serverCpuMs: number;
  /** CPU of the database's PostgreSQL backends during the phase (backends opened meanwhile count from zero). */
  pgCpuMs: number;
}

class Fleet {
  private readonly children: ChildProcess[] = [];
  private phaseTotals = new Map<number, Totals>();
  private phaseDone = new Map<number, PhaseDoneMsg[]>();
  private waiters: (() => void)[] = [];
  /** Everything received since the sampler last looked (for the 10-s lines). */
  sinceSample = new Totals();
  fatal: string | null = null;

  async start(inits: WorkerInit[]): Promise<void> {
    const ready: Promise<void>[] = [];
    for (const init of inits) {
      const child = fork(fileURLToPath(new URL('./soak-worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      this.children.push(child);
      ready.push(
        new Promise((resolve, reject) => {
          child.on('message', (m: FromWorker) => {
            if (m.type === 'ready') resolve();
            else this.onMessage(m);
          });
          child.once('exit', (code) => {
            if (code !== 0 && code !== null) {
              this.fatal = `load worker ${init.worker} exited with ${code}`;
              reject(new Error(this.fatal));
              this.wake();
            }
          });
        }),
      );
      child.send(init satisfies ToWorker);
    }
    await Promise.all(ready);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'window') {
      let t = this.phaseTotals.get(m.phase);
      if (!t) this.phaseTotals.set(m.phase, (t = new Totals()));
      t.add(m);
      this.sinceSample.add(m);
    } else if (m.type === 'phaseDone') {
      const list = this.phaseDone.get(m.phase) ?? [];
      list.push(m);
      this.phaseDone.set(m.phase, list);
      this.wake();
    } else if (m.type === 'fatal') {
      this.fatal = m.error;
      this.wake();
    }
  }

  async runPhase(phase: number, rate: number, seconds: number, perOp: number, serverPid: number, pg: { pool: pg.Pool; db: string }): Promise<PhaseResult> {
    const opRate = rate / perOp / this.children.length;
    const cpu0 = processCpuMs(serverPid);
    const pg0 = await pgCpu(pg.pool, pg.db);
    for (const c of this.children) c.send({ type: 'phase', phase, opRate, durationMs: seconds * 1000 } satisfies ToWorker);
    while ((this.phaseDone.get(phase)?.length ?? 0) < this.children.length) {
      if (this.fatal) throw new Error(this.fatal);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const serverCpuMs = processCpuMs(serverPid) - cpu0;
    const pgCpuMs = cpuSpentMs(pg0, await pgCpu(pg.pool, pg.db));
    return { phase, rate, seconds, totals: this.phaseTotals.get(phase) ?? new Totals(), done: this.phaseDone.get(phase)!, serverCpuMs, pgCpuMs };
  }

  /** One kind of operation `count` times in a row on the first worker (one client): its CPU per request, alone. */
  async runProfile(phase: number, op: OpSpec['op'], count: number, serverPid: number, pg: { pool: pg.Pool; db: string }): Promise<PhaseResult> {
    const cpu0 = processCpuMs(serverPid);
    const pg0 = await pgCpu(pg.pool, pg.db);
    const t0 = performance.now();
    this.children[0]!.send({ type: 'profile', phase, op, count } satisfies ToWorker);
    while ((this.phaseDone.get(phase)?.length ?? 0) < 1) {
      if (this.fatal) throw new Error(this.fatal);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const serverCpuMs = processCpuMs(serverPid) - cpu0;
    const pgCpuMs = cpuSpentMs(pg0, await pgCpu(pg.pool, pg.db));
    return { phase, rate: 0, seconds: (performance.now() - t0) / 1000, totals: this.phaseTotals.get(phase) ?? new Totals(), done: this.phaseDone.get(phase)!, serverCpuMs, pgCpuMs };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.send({ type: 'stop' } satisfies ToWorker);
            setTimeout(() => c.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  }
}

/** Every 10 s: the server's RSS and CPU, the database's backends, and the load completed since the last sample. */
function startSampler(fleet: Fleet, server: ServerProc, pool: pg.Pool, db: string): { samples: Sample[]; stop: () => void } {
  const samples: Sample[] = [];
  fleet.sinceSample = new Totals(); // nothing from before the load (the pricing run)
  const t0 = performance.now();
  let last = performance.now();
  let lastCpu = processCpuMs(server.pid);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const now = performance.now();
      const cpu = processCpuMs(server.pid);
      const window = fleet.sinceSample;
      fleet.sinceSample = new Totals();
      const b = (
        await pool.query<{ n: number; active: number; locked: number; kinds: string | null }>(
          `select count(*)::int as n, count(*) filter (where state = 'active')::int as active, count(*) filter (where wait_event_type = 'Lock')::int as locked,
                  string_agg(distinct wait_event, ',') filter (where wait_event_type = 'Lock') as kinds
             from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
          [db],
        )
      ).rows[0]!;
      const jobsDue = Number((await pool.query(`select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`)).rows[0].n);
      const s: Sample = {
        t: (now - t0) / 1000,
        rssMiB: rssMiB(server.pid),
        pgBackends: b.n,
        pgActive: b.active,
        pgLockWaits: b.locked,
        jobsDue,
        serverCpuPct: ((cpu - lastCpu) / (now - last)) * 100,
        reqPerS: (window.requests * 1000) / (now - last),
        p99: pct(window.allLatencies(), 0.99),
        errors: window.errors,
        load1: loadavg()[0]!,
      };
      samples.push(s);
      last = now;
      lastCpu = cpu;
      console.log(
        `  t=${String(Math.round(s.t)).padStart(5)} s  ${f1(s.reqPerS).padStart(6)} req/s  p99 ${(Number.isNaN(s.p99) ? '—' : f1(s.p99)).padStart(7)} ms  errors ${s.errors}  RSS ${f1(s.rssMiB)} MiB  pg backends ${s.pgBackends} (${s.pgActive} active, ${s.pgLockWaits} lock waits${b.kinds ? `: ${b.kinds}` : ''})  jobs due ${s.jobsDue}  server CPU ${Math.round(s.serverCpuPct)}%  load ${s.load1.toFixed(2)}`,
      );
    })().finally(() => (busy = false));
  }, SAMPLE_MS);
  return { samples, stop: () => clearInterval(timer) };
}

// ---------------------------------------------------------------------------------------------------
// Reporting

interface EndpointRow {
  endpoint: EndpointName;
  count: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  samples: string[];
}

function endpointRows(t: Totals): EndpointRow[] {
  return ENDPOINTS.filter((e) => t.endpoints.has(e)).map((endpoint) => {
    const e = t.endpoints.get(endpoint)!;
    const s = [...e.lat].sort((a, b) => a - b);
    return { endpoint, count: s.length, errors: e.errors, timeouts: e.timeouts, p50: pct(s, 0.5), p95: pct(s, 0.95), p99: pct(s, 0.99), max: s.at(-1) ?? NaN, statuses: e.statuses, samples: e.samples };
  });
}

function printEndpoints(r: PhaseResult): EndpointRow[] {
  const rows = endpointRows(r.totals);
  const all = r.totals.allLatencies();
  table([
    ['endpoint', 'count', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'statuses'],
    ...rows.map((x) => [x.endpoint, fmtInt(x.count), String(x.errors), f1(x.p50), f1(x.p95), f1(x.p99), f1(x.max), Object.entries(x.statuses).map(([k, v]) => `${k}×${v}`).join(' ')]),
    ['all requests', fmtInt(all.length), String(r.totals.errors), f1(pct(all, 0.5)), f1(pct(all, 0.95)), f1(pct(all, 0.99)), f1(all.at(-1) ?? NaN), ''],
  ]);
  for (const x of rows) for (const s of x.samples) console.log(`  error sample ${x.endpoint}: ${s}`);
  return rows;
}

/** CPU ms per request of the server process and of PostgreSQL: the work the mix costs, which other load on the machine inflates far less than latency. */
const cpuPerRequest = (r: PhaseResult) => {
  const n = Math.max(1, r.totals.requests);
  return { server: r.serverCpuMs / n, pg: r.pgCpuMs / n };
};

function phaseLine(r: PhaseResult): string {
  const all = r.totals.allLatencies();
  const lag = [...r.totals.lag].sort((a, b) => a - b);
  const genCpu = r.done.reduce((s, d) => s + d.cpuMs, 0);
  const cpu = cpuPerRequest(r);
  const core = (ms: number) => `${Math.round((ms / (r.seconds * 1000)) * 100)}% of a core`;
  return [
    `target ${f1(r.rate)} req/s for ${r.seconds} s: ${fmtInt(all.length)} requests = ${f1(all.length / r.seconds)} req/s, ${fmtInt(r.totals.ops)} operations, errors ${r.totals.errors}, p99 ${f1(pct(all, 0.99))} ms (all requests), ${f1(pct(r.totals.interactiveLatencies(), 0.99))} ms (without the ${HEAVY_BY_DESIGN.length} heavy by design)`,
    `  CPU per request: server ${f1(cpu.server)} ms + PostgreSQL ${f1(cpu.pg)} ms (server ${core(r.serverCpuMs)}, PostgreSQL ${core(r.pgCpuMs)}); load generator ${core(genCpu)}, start lag p99 ${f1(pct(lag, 0.99))} ms`,
    `  CPU bound for this mix on 2 free cores with the clients elsewhere: ≈ ${fmtInt(2000 / (cpu.server + cpu.pg))} req/s (2,000 ms of CPU per second / ${f1(cpu.server + cpu.pg)} ms per request)`,
  ].join('\n');
}

interface RssVerdict {
  firstMiB: number;
  lastMiB: number;
  minMiB: number;
  maxMiB: number;
  /** Linear fit of every 10-s sample over the second half (MiB per 10 min): moved by where the GC sawtooth happens to stand. */
  slopeSecondHalf: number;
  /** Linear fit of each minute's lowest sample (the floor after garbage collection) over the second half: the verdict's measure. */
  floorSlopeSecondHalf: number;
  /** null: fewer than 5 minutes in the second half (a run under 10 minutes), too short for a verdict. */
  flat: boolean | null;
}

function rssVerdict(samples: Sample[]): RssVerdict {
  const half = samples.slice(Math.floor(samples.length / 2));
  const perTenMin = (xs: Sample[]) => slope(xs.map((x) => x.t / 600), xs.map((x) => x.rssMiB));
  const minutes = new Map<number, Sample>();
  for (const x of half) {
    const m = Math.floor(x.t / 60);
    if (!minutes.has(m) || minutes.get(m)!.rssMiB > x.rssMiB) minutes.set(m, x);
  }
  const floor = perTenMin([...minutes.values()]);
  const rss = samples.map((x) => x.rssMiB);
  return { firstMiB: rss[0] ?? NaN, lastMiB: rss.at(-1) ?? NaN, minMiB: Math.min(...rss), maxMiB: Math.max(...rss), slopeSecondHalf: perTenMin(half), floorSlopeSecondHalf: floor, flat: minutes.size < 5 ? null : floor < FLAT_MIB_PER_10_MIN };
}

function printSeries(samples: Sample[]): void {
  // One row per minute (the last sample of each minute) for long runs, every sample for short ones.
  const rows = samples.length > 36 ? samples.filter((s, i) => i === samples.length - 1 || Math.floor(samples[i + 1]!.t / 60) !== Math.floor(s.t / 60)) : samples;
  table([['t', 'RSS MiB', 'pg backends (active, lock waits)', 'jobs due', 'req/s', 'p99 ms (10 s)', 'errors', 'server CPU', 'load 1 min'], ...rows.map((s) => [`${Math.round(s.t)} s`, f1(s.rssMiB), `${s.pgBackends} (${s.pgActive}, ${s.pgLockWaits})`, String(s.jobsDue), f1(s.reqPerS), f1(s.p99), String(s.errors), `${Math.round(s.serverCpuPct)}%`, s.load1.toFixed(2)])]);
}

// ---------------------------------------------------------------------------------------------------
// Main

export interface SoakJson {
  mode: Mode;
  rate: number;
  seconds: number;
  expectedEndpoints: EndpointName[];
  endpoints: EndpointRow[];
  totalErrors: number;
  requests: number;
  rss: RssVerdict & { samples: { t: number; mib: number; pgBackends: number; jobsDue: number }[] };
  bare: BareResult;
  maxSteadyRate: number | null;
  steps: { rate: number; achieved: number; p99: number; p99Interactive: number; errors: number; pass: boolean; serverCpuMs: number; pgCpuMs: number; load1: number }[];
  signExhausted: number;
  profile: { op: string; requests: number; serverCpuMs: number; pgCpuMs: number; p50: number; p95: number; errors: number }[];
}

export async function runSoak(opts: Options): Promise<{ summaries: Summary[]; json: SoakJson }> {
  const hasWeb = existsSync(join(ROOT, 'dist/web/transparansi.html'));
  const mix = buildMix(hasWeb);
  const perOp = requestsPerOp(mix);
  const signShare = mix.find((m) => m.op === 'sign')!.weight / mix.reduce((s, m) => s + m.weight, 0);
  // Employees: enough that every planned signature finds someone who has not signed yet.
  const plannedRequests = opts.mode === 'find-max' ? Array.from({ length: 12 }, (_, k) => Math.min(opts.maxRate, opts.start * 1.5 ** k)).reduce((a, b) => a + b, 0) * opts.stepSeconds : opts.rate * opts.seconds;
  const employees = opts.employees ?? Math.min(60_000, Math.max(opts.mode === 'short' ? 1000 : 3000, Math.ceil(((plannedRequests / perOp) * signShare * 1.2) / 100) * 100));

  header(`soak benchmark (${opts.mode}): the real server on PostgreSQL, production settings`);
  console.log(`machine: ${machineLine()}; load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')} at start`);
  console.log('note: the server, PostgreSQL and the load workers (child processes) share the same cores; other work on the machine skews every figure.');
  const dir = mkdtempSync(join(tmpdir(), 'netra-soak-'));
  const dataDir = join(dir, 'data');
  const logPath = join(dir, 'server.log');
  const reportJpeg = await noiseJpeg(500 * 1024);
  const captureJpeg = await noiseJpeg(150 * 1024);
  const reportJpegPath = join(dir, 'report.jpg');
  const captureJpegPath = join(dir, 'capture.jpg');
  writeFileSync(reportJpegPath, reportJpeg);
  writeFileSync(captureJpegPath, captureJpeg);

  const dbUrl = await recreatePgDatabase(opts.db);
  const smtp = await startSmtpSink();
  const powCost = process.env.BENCH_POW_COST ?? '20';
  let server: ServerProc | undefined;
  let world: World | undefined;
  const fleet = new Fleet();
  try {
    server = await startServer({ ...BENCH_PRODUCTION_ENV, SMTP_URL: smtp.url, DATABASE_URL: dbUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info', SEED_DEMO: 'true', DEMO_EMPLOYEES: String(employees), POW_COST: powCost }, logPath);
    console.log(`server: pid ${server.pid}, ${server.base}, NODE_ENV=production, LOG_LEVEL=info (to ${logPath}), pg-boss jobs, argon2id and rate limits at their production defaults, POW_COST=${powCost} (production 5000), SMTP to a local sink`);
    console.log(`seed (main.ts: demo tenant with ${fmtInt(employees)} employees, campaign, monitoring demo) + migrations + start: ${f1(server.seedMs / 1000)} s; RSS ${f1(rssMiB(server.pid))} MiB`);
    world = await prepareWorld(server, dbUrl, opts.cases, reportJpeg, hasWeb);
    console.log(`case data (bench/cases-data.ts): ${Object.entries(world.caseData.counts).map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')} in ${f1(world.caseData.ms / 1000)} s; ${fmtInt(world.employees.length)} employee sessions in ${f1(world.sessionsMs / 1000)} s; 6 public reports submitted for the receipt checks`);
    if (!hasWeb) console.log('web app not built (dist/web): GET /transparansi is left out and its share goes to the transparency API (npm run build:web to include it)');

    header('mix (per 100 operations; open loop, Poisson arrivals; each worker starts with one operation of every kind, then follows the weights exactly)');
    table([['operation', 'who', 'share', 'requests', 'endpoints', 'what'], ...mix.map((m) => [m.op, m.who, `${m.weight}%`, f1(m.requests), m.endpoints.join(', '), m.note])]);
    console.log(`${perOp.toFixed(3)} HTTP requests per operation on average; rates below are HTTP requests per second`);

    header('limit: bare Fastify GET /hello under autocannon (10 connections), same machine, now');
    const bare = await measureBare(opts.limitSeconds);
    console.log(`bare Fastify: ${fmtInt(bare.requestsAverage)} req/s, p50 ${bare.latencyP50} ms, p99 ${bare.latencyP99} ms (${opts.limitSeconds} s after a 2 s warm-up)`);
    console.log(await waitForReminderRun(world.pool, opts.mode === 'short' ? 120_000 : 600_000));

    const inits: WorkerInit[] = Array.from({ length: opts.workers }, (_, w) => ({
      type: 'init',
      worker: w,
      port: server!.port,
      seed: 2026 + w,
      mix,
      timeoutMs: opts.timeoutMs,
      tenantSlug: world!.slug,
      campaignId: world!.campaignId,
      eventId: world!.eventId,
      contestId: world!.contestId,
      penetapanOn: world!.penetapanOn,
      signing: world!.signing,
      staff: world!.staff,
      employees: world!.employees.filter((_, i) => i % opts.workers === w),
      caseIds: world!.caseIds,
      subjectIds: world!.subjectIds,
      receipts: world!.receipts,
      reportJpegPath,
      captureJpegPath,
      publicBlock: 20 + w * 20,
      employeeBlock: 100 + w * 10,
    }));
    await fleet.start(inits);
    let phaseNo = 0;
    const profile: SoakJson['profile'] = [];
    const profileRuns: PhaseResult[] = [];
    if (opts.profile > 0) {
      header(`what each operation costs alone: ${opts.profile} in a row by one client, CPU of the server process and of PostgreSQL per HTTP request`);
      for (const m of mix) {
        const r = await fleet.runProfile(++phaseNo, m.op, opts.profile, server.pid, { pool: world.pool, db: opts.db });
        profileRuns.push(r);
        const lat = r.totals.allLatencies();
        const cpu = cpuPerRequest(r);
        profile.push({ op: m.op, requests: lat.length, serverCpuMs: cpu.server, pgCpuMs: cpu.pg, p50: pct(lat, 0.5), p95: pct(lat, 0.95), errors: r.totals.errors });
      }
      table([
        ['operation', 'requests', 'CPU ms/req server', 'CPU ms/req pg', 'p50 ms', 'p95 ms', 'errors', 'share of the mix\'s CPU'],
        ...(() => {
          const perOpCpu = (x: (typeof profile)[number]) => ((x.serverCpuMs + x.pgCpuMs) * x.requests) / opts.profile;
          const total = profile.reduce((s, x) => s + mix.find((m) => m.op === x.op)!.weight * perOpCpu(x), 0);
          return profile.map((x) => [x.op, String(x.requests), f1(x.serverCpuMs), f1(x.pgCpuMs), f1(x.p50), f1(x.p95), String(x.errors), `${Math.round(((mix.find((m) => m.op === x.op)!.weight * perOpCpu(x)) / total) * 100)}%`]);
        })(),
      ]);
      const mixCpu = profile.reduce((s, x) => s + (mix.find((m) => m.op === x.op)!.weight * (x.serverCpuMs + x.pgCpuMs) * x.requests) / opts.profile, 0) / profile.reduce((s, x) => s + (mix.find((m) => m.op === x.op)!.weight * x.requests) / opts.profile, 0);
      console.log(`weighted by the mix: ${f1(mixCpu)} ms of CPU per request → CPU bound ≈ ${fmtInt(2000 / mixCpu)} req/s on 2 free cores (background jobs such as PDF rendering and reminders run in the same server process and are included where they fell)`);
    }
    const rss0 = rssMiB(server.pid);
    console.log(`server RSS before the load: ${f1(rss0)} MiB`);
    const sampler = startSampler(fleet, server, world.pool, opts.db);
    const phases: PhaseResult[] = [];
    const steps: SoakJson['steps'] = [];
    let maxSteadyRate: number | null = null;
    const judge = (r: PhaseResult) => {
      const p99 = pct(r.totals.allLatencies(), 0.99);
      const p99Interactive = pct(r.totals.interactiveLatencies(), 0.99);
      const pass = r.totals.errors === 0 && (opts.p99All ? p99 : p99Interactive) < opts.p99Ms;
      const cpu = cpuPerRequest(r);
      steps.push({ rate: r.rate, achieved: r.totals.requests / r.seconds, p99, p99Interactive, errors: r.totals.errors, pass, serverCpuMs: cpu.server, pgCpuMs: cpu.pg, load1: loadavg()[0]! });
      return pass;
    };
    try {
      if (opts.mode === 'find-max') {
        const scope = opts.p99All ? 'all requests' : `all requests except ${HEAVY_BY_DESIGN.join(', ')} (heavy by design, ~5 % of the requests; --p99-all to include them)`;
        header(`find-max: ${opts.stepSeconds} s steps from ${opts.start} req/s (×1.5), then 3 bisection steps; a step holds when errors = 0 and the p99 of ${scope} < ${opts.p99Ms} ms`);
        // Warm-up, not judged: the workers' first operations (one of every kind) and the first JIT compilations.
        console.log(`\n-- warm-up (not judged): ${f1(opts.start)} req/s for 20 s`);
        console.log(`  ${phaseLine(await fleet.runPhase(++phaseNo, opts.start, 20, perOp, server.pid, { pool: world.pool, db: opts.db }))}`);
        await new Promise((res) => setTimeout(res, 5_000));
        const step = async (rate: number) => {
          console.log(`\n-- step ${steps.length + 1}: ${f1(rate)} req/s`);
          const r = await fleet.runPhase(++phaseNo, rate, opts.stepSeconds, perOp, server!.pid, { pool: world!.pool, db: opts.db });
          phases.push(r);
          const pass = judge(r);
          console.log(`  ${pass ? 'HELD' : 'FAILED'}: ${phaseLine(r)}`);
          if (!pass) printEndpoints(r);
          await new Promise((res) => setTimeout(res, 10_000)); // let a backlog drain before the next step
          return pass;
        };
        let low: number | null = null;
        let high: number | null = null;
        for (let rate = opts.start; rate <= opts.maxRate; rate = Math.round(rate * 1.5 * 10) / 10) {
          if (await step(rate)) low = rate;
          else {
            high = rate;
            break;
          }
        }
        if (low !== null && high !== null) {
          let lo: number = low;
          let hi: number = high;
          for (let k = 0; k < 3; k++) {
            const mid: number = Math.round(((lo + hi) / 2) * 10) / 10;
            if (await step(mid)) lo = mid;
            else hi = mid;
          }
          low = lo;
        }
        maxSteadyRate = low;
      } else {
        header(`${opts.mode === 'short' ? 'short run' : 'soak'}: ${f1(opts.rate)} req/s for ${opts.seconds} s`);
        const r = await fleet.runPhase(++phaseNo, opts.rate, opts.seconds, perOp, server.pid, { pool: world.pool, db: opts.db });
        phases.push(r);
        judge(r);
      }
    } finally {
      sampler.stop();
    }

    // Results
    const samples = sampler.samples;
    const exhausted = phases.flatMap((p) => p.done).reduce((s, d) => s + d.signExhausted, 0);
    let endpoints: EndpointRow[] = [];
    const verdict = rssVerdict(samples);
    if (opts.mode === 'find-max') {
      header('find-max steps');
      table([
        ['step', 'target req/s', 'achieved req/s', 'p99 ms (all)', 'p99 ms (w/o heavy)', 'errors', 'held', 'CPU ms/req server + pg', 'load 1 min at end'],
        ...steps.map((s, i) => [String(i + 1), f1(s.rate), f1(s.achieved), f1(s.p99), f1(s.p99Interactive), String(s.errors), s.pass ? 'yes' : 'NO', `${f1(s.serverCpuMs)} + ${f1(s.pgCpuMs)}`, s.load1.toFixed(2)]),
      ]);
      const best = phases.filter((p) => p.rate === maxSteadyRate).at(-1);
      if (best) {
        header(`highest steady rate held: ${f1(best.rate)} req/s — per endpoint at that step`);
        console.log(phaseLine(best));
        endpoints = printEndpoints(best);
      } else console.log(`no step held (the first, ${opts.start} req/s, already failed)`);
    } else {
      header(`results: ${f1(opts.rate)} req/s for ${opts.seconds} s`);
      console.log(phaseLine(phases[0]!));
      endpoints = printEndpoints(phases[0]!);
    }
    header('server RSS, PostgreSQL backends and load over time (10-s samples)');
    printSeries(samples);
    console.log(
      `RSS: ${f1(rss0)} MiB before the load, first sample ${f1(verdict.firstMiB)}, last ${f1(verdict.lastMiB)}, min ${f1(verdict.minMiB)}, max ${f1(verdict.maxMiB)} MiB; linear fit over the second half: every sample ${f1(verdict.slopeSecondHalf)} MiB per 10 min, each minute's floor ${f1(verdict.floorSlopeSecondHalf)} MiB per 10 min → ${verdict.flat === null ? 'too short for a verdict (needs ≥ 10 min)' : verdict.flat ? 'FLAT' : 'NOT FLAT'} (threshold: floor < ${FLAT_MIB_PER_10_MIN} MiB per 10 min)`,
    );
    const backends = samples.map((s) => s.pgBackends);
    console.log(`PostgreSQL backends of the database: ${Math.min(...backends)}–${Math.max(...backends)} (server pool 10 + pg-boss 3, plus this process's 1 not counted)`);
    if (exhausted) console.log(`WARNING: ${exhausted} sign operations found no unsigned employee left (seed more with --employees)`);

    // After the load: what the database holds, the jobs, the audit chain, the server's own log.
    const q = async <T>(text: string, params: unknown[] = []) => (await world!.pool.query(text, params)).rows as T[];
    const signed201 = [...profileRuns, ...phases].reduce((s, p) => s + (p.totals.endpoints.get('POST /api/campaigns/:id/sign')?.statuses['201'] ?? 0), 0);
    const reports201 = [...profileRuns, ...phases].reduce((s, p) => s + (p.totals.endpoints.get('POST /api/public/reports')?.statuses['201'] ?? 0), 0);
    const [counts] = await q<{ signatures: number; reports: number; report_files: number }>(
      `select (select count(*)::int from pledge_signature) as signatures, (select count(*)::int from report) as reports, (select count(*)::int from report_file) as report_files`,
    );
    const audit = (await (await fetch(`${server.base}/api/audit/verify`, { headers: { cookie: world.staff.admin.cookie } })).json()) as { ok: boolean; checked: number };
    const log = logProblems(logPath);
    header('after the load');
    console.log(`signatures stored ${fmtInt(counts!.signatures)} (201 answers ${fmtInt(signed201)}, pricing run included); public reports stored ${fmtInt(counts!.reports)} (201 answers ${fmtInt(reports201)} + 6 before the load), report files ${fmtInt(counts!.report_files)}`);
    console.log(`jobs (pg-boss): ${await jobStates(world.pool)}`);
    console.log(`audit chain: ${audit.ok ? 'verifies' : 'BROKEN'} (${fmtInt(audit.checked)} entries); mails accepted by the SMTP sink: ${smtp.count()}`);
    console.log(`server log: ${log.error} lines at error or fatal, ${log.warn} at warn`);
    for (const s of log.samples) console.log(`  ${s}`);

    const totalErrors = phases.reduce((s, p) => s + p.totals.errors, 0);
    const json: SoakJson = {
      mode: opts.mode,
      rate: opts.rate,
      seconds: opts.seconds,
      expectedEndpoints: [...new Set(mix.flatMap((m) => m.endpoints))],
      // find-max: every step together (which endpoints ran, any error anywhere); otherwise the run itself.
      endpoints: opts.mode === 'find-max' ? endpointRows(phases.reduce((t, p) => (t.merge(p.totals), t), new Totals())) : endpoints,
      totalErrors,
      requests: phases.reduce((s, p) => s + p.totals.requests, 0),
      rss: { ...verdict, samples: samples.map((s) => ({ t: s.t, mib: s.rssMiB, pgBackends: s.pgBackends, jobsDue: s.jobsDue })) },
      bare,
      maxSteadyRate,
      steps,
      signExhausted: exhausted,
      profile,
    };
    const worstP99 = endpoints.reduce((m, e) => (e.p99 > m.p99 ? e : m), endpoints[0] ?? { endpoint: '—', p99: NaN });
    const summaries: Summary[] =
      opts.mode === 'find-max'
        ? [
            {
              bench: 'soak',
              backend: 'postgres',
              metric: `max steady req/s, p99${opts.p99All ? '' : ' w/o heavy'} < ${opts.p99Ms} ms, 0 errors`,
              value: maxSteadyRate === null ? 'none' : (() => {
                const best = steps.filter((s) => s.rate === maxSteadyRate).at(-1)!;
                return `${f1(maxSteadyRate)} (p99 ${f1(opts.p99All ? best.p99 : best.p99Interactive)} ms; all ${f1(best.p99)} ms)`;
              })(),
              limit: `${fmtInt(bare.requestsAverage)} req/s bare`,
              ratio: maxSteadyRate === null ? '—' : `${((maxSteadyRate / bare.requestsAverage) * 100).toFixed(2)}%`,
              target: 'printed',
              met: null,
            },
          ]
        : [
            {
              bench: 'soak',
              backend: 'postgres',
              metric: `${f1(opts.rate)} req/s × ${opts.seconds} s: errors; worst p99`,
              value: `${totalErrors}; ${worstP99.endpoint} ${f1(worstP99.p99)} ms`,
              limit: `${fmtInt(bare.requestsAverage)} req/s bare`,
              ratio: `${((opts.rate / bare.requestsAverage) * 100).toFixed(2)}%`,
              target: 'errors = 0, RSS flat',
              met: totalErrors === 0 && verdict.flat !== false,
            },
            { bench: 'soak', backend: 'postgres', metric: 'RSS floor slope, 2nd half', value: `${f1(verdict.floorSlopeSecondHalf)} MiB/10 min`, limit: '—', ratio: '—', target: `< ${FLAT_MIB_PER_10_MIN} MiB/10 min`, met: verdict.flat },
          ];
    if (opts.json) writeFileSync(opts.json, JSON.stringify(json, null, 2));
    if (totalErrors > 0 || log.error > 0) {
      const kept = join(tmpdir(), `netra-soak-server-${Date.now()}.log`);
      copyFileSync(logPath, kept);
      console.log(`server log kept at ${kept}`);
    }
    return { summaries, json };
  } finally {
    await fleet.stop();
    if (server) {
      const code = await stopServer(server);
      if (code !== 0) console.log(`server exited with ${code} after SIGTERM`);
    }
    await world?.pool.end();
    await smtp.close();
    if (!opts.keepDb) await dropPgDatabase(opts.db);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- soak [--find-max | --short | --minutes M --rate R]`. */
export async function runSoakBench(): Promise<Summary[]> {
  return (await runSoak(parseOptions(process.argv.slice(2)))).summaries;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSoak(parseOptions(process.argv.slice(2))).then(
    ({ json }) => process.exit(json.totalErrors === 0 ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
