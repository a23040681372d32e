/**
 * Signing benchmark: N concurrent employees (sessions prepared beforehand, straight into `user_account`
 * and `session`) sign the ikrar + pakta through the real HTTP endpoint `POST /api/campaigns/:id/sign`
 * of the real app (buildApp, rate limits on), on PostgreSQL and PGlite. In the same run, the limit: a
 * bare Fastify route doing one INSERT of a similar row (same database, same pool, same client), and two
 * steps towards the real thing to locate the cost: the INSERT in a transaction, and the INSERT plus
 * `recordAudit` (the audit entry, as every audited write) in one transaction.
 * Then signed-PDF rendering: the PDF sweep (`renderPendingSignaturePdfs`) sequentially on one core.
 *
 * The measured loads come in ROUNDS (BENCH_SIGN_ROUNDS, default 3) adjacent pairs of signing and the
 * limit, alternating which goes first; the ratio reported is the median of the rounds' ratios and the
 * p99 judged is the worst round's, so a drift of the shared machine's speed does not decide either.
 *
 * Jobs: the real pg-boss queue (PgBossJobQueue, started as main.ts does). Since 2026-11-25 the sign
 * request queues nothing (PDFs come on first download or from the sweep, which the scheduler runs;
 * the scheduler is not started here, so no PDF is rendered while signing is timed); the run checks
 * that signing left no job in pg-boss.
 *
 * Client: a child process (own event loop, same 2 cores) with C concurrent virtual clients; each request
 * is one employee on its own TCP connection from its own loopback address (127.x.y.z), like phones on
 * their own IPs: the sign route's per-IP limit (30/min) stays on and never triggers. The limit routes
 * are driven the same way (new connection per request, distinct source addresses).
 *
 *   npm run bench -- signing     BENCH_BACKENDS=postgres BENCH_SIGN_EMPLOYEES=7000 BENCH_SIGN_CLIENTS=50 BENCH_SIGN_ROUNDS=3
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/server/app.js';
import { createDeps, openDatabase } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import { session, userAccount } from '../src/server/db/schema/index.js';
import { PgBossJobQueue } from '../src/server/jobs/queue.js';
import { systemContext } from '../src/server/lib/context.js';
import { randomToken, sha256Hex } from '../src/server/lib/tokens.js';
import { recordAudit } from '../src/server/modules/audit/audit.service.js';
import { ensureSignaturePdf } from '../src/server/modules/pledges/documents.service.js';
import { renderPendingSignaturePdfs } from '../src/server/modules/pledges/pledges.jobs.js';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/demo.js';
import { cpuSpentMs, dropPgDatabase, fmtInt, interleaved, median, pgBackendsCpuMs, type Round, header, queryRows, recreatePgDatabase, secs, table, type Backend, type Summary, f1, rate,
  BENCH_PRODUCTION_ENV,
} from './lib.js';

const EMPLOYEES = Number(process.env.BENCH_SIGN_EMPLOYEES ?? 7000);
const ROUNDS = Number(process.env.BENCH_SIGN_ROUNDS ?? 3);
const CLIENTS = Number(process.env.BENCH_SIGN_CLIENTS ?? 50);
/** Signatures before anything is measured: enough for V8 to optimise the signing path (it takes longer than the bare route). */
const WARMUP = 1000;
/** Signed one at a time (1 client) after the warm-up: the service time of one signature, for context. */
const SERIAL = 100;
const PDFS = Number(process.env.BENCH_SIGN_PDFS ?? 50);

// ---------------------------------------------------------------------------------------------------
// Load generator (child process)

interface Req {
  path: string;
  headers: Record<string, string>;
  body: string;
}
interface LoadMsg {
  port: number;
  requests: Req[];
  concurrency: number;
  /** First octet block of the source addresses, so runs do not reuse each other's addresses. */
  ipBlock: number;
}
export interface LoadOut {
  elapsedMs: number;
  statuses: Record<string, number>;
  errors: number;
  latencies: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Response bodies of the first few non-2xx responses, to say why. */
  samples: string[];
}

const ipOf = (block: number, i: number) => `127.${block + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;

function post(port: number, r: Req, localAddress: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: r.path, method: 'POST', localAddress, agent: false, headers: { ...r.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

async function runLoad(m: LoadMsg): Promise<LoadOut> {
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  const samples: string[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: m.concurrency }, async () => {
      while (next < m.requests.length) {
        const i = next++;
        const s = performance.now();
        try {
          const res = await post(m.port, m.requests[i]!, ipOf(m.ipBlock, i));
          lat.push(performance.now() - s);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 300 && samples.length < 3) samples.push(`${res.status} ${res.body.slice(0, 300)}`);
        } catch (error) {
          errors++;
          if (samples.length < 3) samples.push(String(error));
        }
      }
    }),
  );
  const elapsedMs = performance.now() - t0;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN;
  return { elapsedMs, statuses, errors, samples, latencies: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: lat.at(-1) ?? NaN, mean: lat.reduce((a, b) => a + b, 0) / lat.length } };
}

if (process.argv[2] === '--signing-client' && process.send) {
  process.once('message', async (m: LoadMsg) => {
    const out = await runLoad(m);
    process.send!(out, () => process.exit(0));
  });
}

/** Where a load's CPU time is read: this process, and the PostgreSQL backends of its database. */
let cpuSource: { backend: Backend; database: Database } | undefined;

/** Runs one load in a child process (tsx, like the parent), so the client has its own event loop. Adds
 * this process's CPU time during the load (the server's; on PGlite it includes the database) and that
 * of the PostgreSQL backends (/proc). */
async function load(m: LoadMsg): Promise<Load> {
  const pg0 = cpuSource ? await pgBackendsCpuMs(cpuSource.backend, cpuSource.database) : new Map<number, number>();
  let cpu0 = process.cpuUsage();
  const out = await loadChild(m, () => (cpu0 = process.cpuUsage()));
  const cpu = process.cpuUsage(cpu0);
  const pgCpuMs = cpuSource ? cpuSpentMs(pg0, await pgBackendsCpuMs(cpuSource.backend, cpuSource.database)) : 0;
  return { ...out, serverCpuMs: (cpu.user + cpu.system) / 1000, pgCpuMs };
}

function loadChild(m: LoadMsg, onReady: () => void): Promise<LoadOut> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--signing-client'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadOut | undefined;
    child.once('message', (r) => (result = r as LoadOut));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`signing client exited with ${code} and no result`))));
    child.once('spawn', () => {
      child.send(m);
      onReady();
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Benchmark (parent)

type Load = LoadOut & { serverCpuMs: number; pgCpuMs: number };

interface SignRun {
  backend: Backend;
  seedMs: number;
  prepMs: number;
  /** Signatures per measured round (and limit requests per round). */
  measured: number;
  /** The measured loads: signing and the limit, back to back, ROUNDS times. */
  rounds: Round<Load>[];
  serial: Load;
  limitTx: Load;
  limitAudit: Load;
  signedRows: number;
  auditRows: number;
  jobsQueued: number;
  pdf: { n: number; ms: number; cpuMs: number; bytes: number };
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

async function adminClient(base: string) {
  const pre = cookiesOf(await fetch(`${base}/api/auth/session`));
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': pre.netra_csrf!, cookie: `netra_csrf=${pre.netra_csrf}` },
    body: JSON.stringify({ username: 'admin.bkpsdm', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`admin login: ${login.status}`);
  const jar = { ...pre, ...cookiesOf(login) };
  const cookie = Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { cookie, 'x-csrf-token': jar.netra_csrf!, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

const isoDay = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

function check(label: string, r: LoadOut, expectedStatus: number, n: number): void {
  if (r.errors || (r.statuses[expectedStatus] ?? 0) !== n) {
    throw new Error(`${label}: expected ${n} × ${expectedStatus}, got ${JSON.stringify(r.statuses)} and ${r.errors} socket errors — ${r.samples.join(' | ')}`);
  }
}

async function runBackend(backend: Backend): Promise<SignRun> {
  const dataDir = mkdtempSync(join(tmpdir(), `netra-bench-sign-${backend}-`));
  const url = backend === 'postgres' ? await recreatePgDatabase() : undefined;
  const config = loadConfig({ ...BENCH_PRODUCTION_ENV, DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '2' });
  const { database, release } = await openDatabase(config);
  cpuSource = { backend, database };
  const log = pino({ level: 'silent' });
  const queue = new PgBossJobQueue(database, config.DATABASE_URL, log);
  const deps = createDeps(config, database, log, queue);
  await queue.start(); // as main.ts: creates the queues and their workers
  const app = await buildApp(deps, { logger: false });
  const bare = Fastify({ logger: false });
  try {
    let t = performance.now();
    const demo = await seedDemo(deps, { employees: EMPLOYEES });
    const seedMs = performance.now() - t;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;

    const admin = await adminClient(base);
    const event = await admin('POST', '/api/elections', {
      kind: 'pilkada',
      name: 'Pemilihan Bupati dan Wakil Bupati Contoh 2026',
      stages: [
        { kind: 'tahapan_mulai', startsOn: isoDay(-60), endsOn: null },
        { kind: 'penetapan_calon', startsOn: isoDay(-10), endsOn: null },
        { kind: 'kampanye', startsOn: isoDay(-5), endsOn: isoDay(40) },
        { kind: 'pemungutan_suara', startsOn: isoDay(45), endsOn: null },
      ],
      contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati Contoh', penetapanCalonOn: isoDay(-10) }],
    });
    const created = await admin('POST', '/api/campaigns', { eventId: event.id, name: 'Ikrar Netralitas ASN Pilkada 2026', signDeadline: isoDay(7), signingPlace: 'Contoh', apelReportDeadline: isoDay(7) });
    const campaign = await admin('PATCH', `/api/campaigns/${created.id}`, { status: 'open' });

    // Sessions prepared beforehand: one pegawai account + live session per active employee.
    t = performance.now();
    const employees = await queryRows<{ id: string; name: string }>(database, `select id, name from employee where tenant_id = $1 and is_active order by id_number`, [demo.tenantId]);
    const clients: { name: string; cookie: string; csrf: string }[] = [];
    for (let i = 0; i < employees.length; i += 500) {
      const chunk = employees.slice(i, i + 500);
      const users = await deps.db
        .insert(userAccount)
        .values(chunk.map((e) => ({ tenantId: demo.tenantId, displayName: e.name, roles: ['pegawai' as const], employeeId: e.id })))
        .returning({ id: userAccount.id, employeeId: userAccount.employeeId });
      const byEmployee = new Map(users.map((u) => [u.employeeId, u.id]));
      const tokens = chunk.map((e) => ({ e, token: randomToken(), csrf: randomToken() }));
      await deps.db.insert(session).values(tokens.map(({ e, token, csrf }) => ({ tenantId: demo.tenantId, tokenHash: sha256Hex(token), userId: byEmployee.get(e.id)!, csrfToken: csrf, expiresAt: new Date(Date.now() + 3_600_000) })));
      for (const { e, token, csrf } of tokens) clients.push({ name: e.name, cookie: `netra_sid=${token}; netra_csrf=${csrf}`, csrf });
    }
    const prepMs = performance.now() - t;

    // What the phone loads before signing (once): current template ids and the undertakings.
    const view = (await (await fetch(`${base}/api/campaigns/${campaign.id}/signing`, { headers: { cookie: clients[0]!.cookie } })).json()) as any;
    if (!view.ikrar?.id) throw new Error(`signing view: ${JSON.stringify(view).slice(0, 300)}`);
    const signReq = (c: (typeof clients)[number]): Req => ({
      path: `/api/campaigns/${campaign.id}/sign`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
      body: JSON.stringify({ ikrarTemplateId: view.ikrar.id, paktaTemplateId: view.pakta.id, typedName: c.name, undertakings: view.undertakings.map(() => true) }),
    });

    const warm = await load({ port, requests: clients.slice(0, WARMUP).map(signReq), concurrency: CLIENTS, ipBlock: 10 });
    check('warm-up signing', warm, 201, WARMUP);
    const serialClients = clients.slice(WARMUP, WARMUP + SERIAL);
    const serial = await load({ port, requests: serialClients.map(signReq), concurrency: 1, ipBlock: 15 });
    check('serial signing', serial, 201, SERIAL);
    const measuredClients = clients.slice(WARMUP + SERIAL);
    const perRound = Math.floor(measuredClients.length / ROUNDS);
    const roundClients = (r: number) => measuredClients.slice(r * perRound, (r + 1) * perRound);
    // The limit: the same row shape into a table LIKE pledge_signature (its indexes, no FKs), one INSERT.
    await queryRows(database, `create table bench_signature (like pledge_signature including defaults including indexes)`);
    const sample = (await queryRows<Record<string, unknown>>(database, `select * from pledge_signature limit 1`))[0]!;
    const insertSql = `insert into bench_signature (tenant_id, id, campaign_id, employee_id, ikrar_template_id, pakta_template_id, method, identity, typed_name, text_sha256, signed_at, server_signature, key_id)
                       values ($1, $2, $3, $4, $5, $6, 'online', $7, $8, $9, now(), $10, $11)`;
    const params = (b: { typedName: string }) => [demo.tenantId, randomUUID(), campaign.id, randomUUID(), sample.ikrar_template_id, sample.pakta_template_id, JSON.stringify(sample.identity), b.typedName, sample.text_sha256, sample.server_signature, sample.key_id];
    const ctx = systemContext(demo.tenantId, 'bench');
    bare.post('/limit', async (req) => {
      await queryRows(database, insertSql, params(req.body as { typedName: string }));
      return { ok: true };
    });
    const insertIn = (tx: Parameters<Parameters<typeof deps.db.transaction>[0]>[0], p: unknown[]) =>
      tx.execute(sql`insert into bench_signature (tenant_id, id, campaign_id, employee_id, ikrar_template_id, pakta_template_id, method, identity, typed_name, text_sha256, signed_at, server_signature, key_id)
                     values (${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}, ${p[4]}, ${p[5]}, 'online', ${p[6]}::jsonb, ${p[7]}, ${p[8]}, now(), ${p[9]}, ${p[10]})`);
    bare.post('/limit-tx', async (req) => {
      const p = params(req.body as { typedName: string });
      await deps.db.transaction(async (tx) => {
        await insertIn(tx, p);
      });
      return { ok: true };
    });
    bare.post('/limit-audit', async (req) => {
      const p = params(req.body as { typedName: string });
      await deps.db.transaction(async (tx) => {
        await insertIn(tx, p);
        await recordAudit(tx, ctx, { action: 'bench.sign', entityType: 'bench_signature', entityId: p[1] as string, after: { employeeId: p[3] } });
      });
      return { ok: true };
    });
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const barePort = (bare.server.address() as AddressInfo).port;
    const limitReqs = (path: string, cs = measuredClients) => cs.map((c) => ({ path, headers: {}, body: JSON.stringify({ typedName: c.name }) }));
    await load({ port: barePort, requests: limitReqs('/limit').slice(0, WARMUP), concurrency: CLIENTS, ipBlock: 30 });
    // The measured rounds: signing and the limit back to back, alternating which goes first.
    const rounds = await interleaved(
      ROUNDS,
      async (r) => {
        const out = await load({ port, requests: roundClients(r).map(signReq), concurrency: CLIENTS, ipBlock: 20 + r });
        check(`signing round ${r + 1}`, out, 201, perRound);
        return out;
      },
      async (r) => {
        const out = await load({ port: barePort, requests: limitReqs('/limit', roundClients(r)), concurrency: CLIENTS, ipBlock: 40 + r });
        check(`limit INSERT round ${r + 1}`, out, 200, perRound);
        return out;
      },
    );
    await app.close();
    const signedTotal = WARMUP + SERIAL + ROUNDS * perRound;
    const signedRows = (await queryRows<{ n: number }>(database, `select count(*)::int as n from pledge_signature where tenant_id = $1`, [demo.tenantId]))[0]!.n;
    const auditRows = (await queryRows<{ n: number }>(database, `select count(*)::int as n from audit_event where tenant_id = $1 and action = 'pledge.sign'`, [demo.tenantId]))[0]!.n;
    const jobsQueued = (await queryRows<{ n: number }>(database, `select count(*)::int as n from pgboss.job where name like 'pledge.%'`))[0]!.n;
    if (signedRows !== signedTotal || auditRows !== signedTotal) throw new Error(`stored ${signedRows} signatures / ${auditRows} audit entries for ${signedTotal} employees`);
    if (jobsQueued !== 0) throw new Error(`signing queued ${jobsQueued} pledge jobs: a signature must queue none`);

    const limitTx = await load({ port: barePort, requests: limitReqs('/limit-tx', roundClients(0)), concurrency: CLIENTS, ipBlock: 50 });
    check('limit INSERT in a transaction', limitTx, 200, perRound);
    const limitAudit = await load({ port: barePort, requests: limitReqs('/limit-audit', roundClients(0)), concurrency: CLIENTS, ipBlock: 60 });
    check('limit INSERT + recordAudit', limitAudit, 200, perRound);
    await bare.close();

    // Signed-PDF rendering by the PDF sweep, sequentially (one core): find pending, render, store the
    // file, update the row, audit entry. One PDF first as a warm-up (fonts, pdfmake); not counted.
    const [firstPending] = await queryRows<{ id: string }>(database, `select id from pledge_signature where tenant_id = $1 order by signed_at limit 1`, [demo.tenantId]);
    await ensureSignaturePdf(deps, demo.tenantId, firstPending!.id);
    const cpu0 = process.cpuUsage();
    t = performance.now();
    const swept = await renderPendingSignaturePdfs(deps, { maxPdfs: PDFS - 1 });
    const pdfMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const bytes = (await queryRows<{ n: number }>(database, `select coalesce(sum(f.size), 0)::bigint as n from pledge_signature s join stored_file f on f.tenant_id = s.tenant_id and f.id = s.pdf_file_id where s.tenant_id = $1 and s.id <> $2`, [demo.tenantId, firstPending!.id]))[0]!.n;
    return {
      backend,
      seedMs,
      prepMs,
      measured: perRound,
      rounds,
      serial,
      limitTx,
      limitAudit,
      signedRows,
      auditRows,
      jobsQueued,
      pdf: { n: swept, ms: pdfMs, cpuMs: (cpu.user + cpu.system) / 1000, bytes: Number(bytes) },
    };
  } finally {
    await app.close();
    await bare.close();
    await queue.stop();
    deps.mailer.close();
    await database.close();
    release();
    rmSync(dataDir, { recursive: true, force: true });
    if (backend === 'postgres') await dropPgDatabase();
  }
}


function report(r: SignRun): Summary[] {
  header(`signing — ${r.backend}`);
  console.log(
    `seed ${fmtInt(EMPLOYEES)} employees ${secs(r.seedMs)}; ${fmtInt(EMPLOYEES)} sessions prepared in ${secs(r.prepMs)}; ${WARMUP} warm-up signatures, ${SERIAL} signed by 1 client, then ${ROUNDS} rounds of ${fmtInt(r.measured)} measured, each next to a load of the limit (alternating which goes first); ${CLIENTS} concurrent clients, one employee per request (own connection, own source address)`,
  );
  const row = (label: string, o: Load, n = r.measured) => [label, f1(rate(n, o.elapsedMs)), f1(o.latencies.p50), f1(o.latencies.p90), f1(o.latencies.p99), f1(o.latencies.max), secs(o.elapsedMs), f1(o.serverCpuMs / n), r.backend === 'postgres' ? f1(o.pgCpuMs / n) : '—'];
  table([
    ['route', 'per s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'elapsed', 'server CPU ms/req', 'PostgreSQL CPU ms/req'],
    ...r.rounds.flatMap((x, i) => {
      const rows = [row(`POST /api/campaigns/:id/sign (201, new), round ${i + 1}`, x.subject), row(`LIMIT bare Fastify: one INSERT of a similar row, round ${i + 1}`, x.limit)];
      return x.limitFirst ? rows.reverse() : rows;
    }),
    row(`  context: the signing route, 1 client (${SERIAL} employees)`, r.serial, SERIAL),
    row('  step: INSERT in a transaction (BEGIN/INSERT/COMMIT)', r.limitTx),
    row('  step: INSERT + recordAudit in a transaction', r.limitAudit),
  ]);
  const ratios = r.rounds.map((x) => x.limit.elapsedMs / x.subject.elapsedMs);
  const ratio = median(ratios);
  const mid = r.rounds[ratios.indexOf(ratio)]!;
  const signRate = rate(r.measured, mid.subject.elapsedMs);
  const limitRate = rate(r.measured, mid.limit.elapsedMs);
  const worstP99 = Math.max(...r.rounds.map((x) => x.subject.latencies.p99));
  console.log(`stored: ${fmtInt(r.signedRows)} signatures, ${fmtInt(r.auditRows)} pledge.sign audit entries, ${fmtInt(r.jobsQueued)} pledge jobs queued in pg-boss (expected 0: no job per signature)`);
  console.log(`signing / limit per round: ${ratios.map((x) => `${(x * 100).toFixed(1)}%`).join(', ')}; median ${(ratio * 100).toFixed(1)}%; signing p99 per round ${r.rounds.map((x) => f1(x.subject.latencies.p99)).join(', ')} ms (limit ${r.rounds.map((x) => f1(x.limit.latencies.p99)).join(', ')} ms)`);
  console.log(`audit chain: INSERT+recordAudit in a tx = ${f1(rate(r.measured, r.limitAudit.elapsedMs))}/s vs the same INSERT in a tx ${f1(rate(r.measured, r.limitTx.elapsedMs))}/s (${((rate(r.measured, r.limitAudit.elapsedMs) / rate(r.measured, r.limitTx.elapsedMs)) * 100).toFixed(0)}%)`);
  const pdfRate = rate(r.pdf.n, r.pdf.ms);
  console.log(`signed PDF: ${r.pdf.n} rendered by the PDF sweep in ${secs(r.pdf.ms)} = ${f1(pdfRate)} PDFs/s on one core (CPU ${f1(r.pdf.cpuMs / r.pdf.n)} ms per PDF, ${fmtInt(r.pdf.bytes / r.pdf.n / 1024)} KiB each)`);
  const minutes = (n: number, perS: number) => `${f1(n / perS / 60)} min`;
  console.log(`20,000 employees: signing ${minutes(20_000, signRate)} at this rate; rendering their PDFs ${minutes(20_000, pdfRate)} on one core`);
  return [
    {
      bench: 'signing',
      backend: r.backend,
      metric: `sig/s (p99) @${CLIENTS}`,
      value: `${f1(signRate)} (p99 ${f1(mid.subject.latencies.p99)} ms; worst round ${f1(worstP99)} ms)`,
      limit: `${f1(limitRate)} (${f1(mid.limit.latencies.p99)} ms) INSERT`,
      ratio: `${(ratio * 100).toFixed(1)}% (median of ${ROUNDS})`,
      target: r.backend === 'postgres' ? '≥ 40%, p99 < 100 ms' : '—',
      met: r.backend === 'postgres' ? ratio >= 0.4 && worstP99 < 100 : null,
    },
    { bench: 'signing', backend: r.backend, metric: 'PDFs/s (1 core)', value: f1(pdfRate), limit: '—', ratio: '—', target: '— (off the signing path)', met: null },
  ];
}

export async function runSigningBench(): Promise<Summary[]> {
  const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((s) => s.trim()) as Backend[];
  header(`signing benchmark: back ends ${backends.join(', ')}`);
  console.log('note: server (this process), the load generator (child process) and PostgreSQL share the same 2 cores.');
  const out: Summary[] = [];
  for (const backend of backends) out.push(...report(await runBackend(backend)));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] !== '--signing-client') {
  runSigningBench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
