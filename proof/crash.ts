/**
 * `npm run proof:crash`: the crash proof. A real server process (src/server/main.ts) on a scratch
 * data dir / database takes a mixed load (pledge signatures, public reports with evidence files, case
 * transitions with PDF letters, employee-master imports) and is killed with SIGKILL at a random moment,
 * round after round. After each kill the stored state is checked (proof/crash-checks.ts: every
 * acknowledged write present exactly once, nothing half-present, the audit chains verify), the server
 * is restarted on the same data and must start cleanly (PGlite: the dead owner's lock taken over), and
 * a few acknowledged writes are read back through the API. Exit status 1 on any violation.
 *
 *   npm run proof:crash -- [--rounds 20] [--backend pglite|postgres|both] [--seed N]
 *                          [--kill-after-acks 24] [--kill-jitter-ms 1000] [--keep]
 *
 * The kill comes once a random 1–24 writes of the round were acknowledged, plus a random 0–1000 ms.
 *
 * PostgreSQL: a scratch database next to TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { prng } from '../src/server/lib/prng.js';
import { checkCrashState, checkSettledState, pendingCleanCopies, stalledImports, summarise, type Violation } from './crash-checks.js';
import { LOAD_SERVER_ENV, runRoundLoad, setupWorld, type World } from './crash-load.js';
import { snapshotAfterCrash } from './crash-snapshot.js';
import { emptyLedger, emptyRoundLoad, type Ledger, type RoundLoad } from './ledger.js';
import { Client, freePort, sleep, startServer, waitReady, type ServerProcess } from './server.js';

type Backend = 'pglite' | 'postgres';

export interface CrashOptions {
  rounds: number;
  backends: Backend[];
  seed: number;
  /** The kill comes after 1…killAfterAcks acknowledged writes of the round (random), plus 0…killJitterMs. */
  killAfterAcks: number;
  killJitterMs: number;
  keep: boolean;
  /** Employees signing per round. */
  signersPerRound: number;
}

interface RoundResult {
  round: number;
  killedAfterMs: number;
  load: RoundLoad;
  restartMs: number;
  violations: Violation[];
}

export interface BackendResult {
  backend: Backend;
  rounds: RoundResult[];
  final: Violation[];
  totals: { kills: number; acked: number; checks: number; violations: number };
  error?: string;
}

const PG_ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const START_TIMEOUT_MS = 300_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `netra_proof_crash_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(`create database "${name}"`);
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => adminQuery(`drop database if exists "${name}" with (force)`) };
}

const lockPid = (dataDir: string): number | null => {
  try {
    return Number(readFileSync(join(dataDir, 'netra.lock'), 'utf8').trim());
  } catch {
    return null;
  }
};

/** Checks the running (restarted) server through its API: the audit chain, and a few acknowledged writes read back. */
async function apiChecks(world: World, ledger: Ledger, round: number): Promise<Violation[]> {
  const out: Violation[] = [];
  const verify = await world.admin.call('GET', '/api/audit/verify');
  if (verify.status !== 200 || verify.body?.ok !== true) out.push({ check: 'api.audit.verify', detail: `GET /api/audit/verify: ${verify.status} ${JSON.stringify(verify.body).slice(0, 200)}` });
  const visitor = new Client(world.admin.port);
  for (const s of ledger.signatures.filter((x) => x.round === round).slice(-2)) {
    const v = await visitor.call('GET', `/api/public/verify/${s.id}`);
    if (v.status !== 200 || v.body?.status !== 'valid') out.push({ check: 'api.signature', detail: `public verification of acknowledged signature ${s.id}: ${v.status} ${JSON.stringify(v.body).slice(0, 200)}` });
  }
  const report = ledger.reports.filter((x) => x.round === round).at(-1);
  if (report) {
    const pow = await visitor.call('GET', '/api/public/pow');
    const solution = await solveChallenge({ challenge: pow.body as Challenge, deriveKey });
    const altcha = Buffer.from(JSON.stringify({ challenge: pow.body, solution })).toString('base64');
    const login = await visitor.call('POST', '/api/public/receipt/login', { number: report.number, key: report.receiptKey, altcha });
    if (login.status !== 200 || login.body?.evidenceCount !== report.fileSha256.length) out.push({ check: 'api.receipt', detail: `receipt ${report.number}: ${login.status} ${JSON.stringify(login.body).slice(0, 200)}` });
  }
  return out;
}

/** Polls the Satgas inbox until no evidence image is `processing` (or the time is up). */
async function waitForCleanCopies(world: World, timeoutMs: number): Promise<{ ok: boolean; processing: number; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const inbox = await world.satgas.call('GET', '/api/reports?pageSize=100');
    const pages = Math.ceil(Number(inbox.body?.total ?? 0) / 100);
    let processing = 0;
    for (let page = 1; page <= pages; page++) {
      const list = page === 1 ? inbox : await world.satgas.call('GET', `/api/reports?pageSize=100&page=${page}`);
      for (const r of (list.body?.items ?? []) as { id: string }[]) {
        const detail = await world.satgas.call('GET', `/api/reports/${r.id}`);
        processing += ((detail.body?.files ?? []) as { cleanCopy: string }[]).filter((f) => f.cleanCopy === 'processing').length;
      }
    }
    const waitedMs = Date.now() - started;
    if (processing === 0) return { ok: true, processing, waitedMs };
    if (waitedMs > timeoutMs) return { ok: false, processing, waitedMs };
    await sleep(500);
  }
}

const fmtLoad = (l: RoundLoad) => {
  const kinds = ['signature', 'report', 'case', 'import'] as const;
  return kinds.map((k) => `${k} ${l.acked[k]}/${l.sent[k]}${l.lost[k] ? ` (${l.lost[k]} cut)` : ''}`).join(', ');
};

export async function runBackend(backend: Backend, opts: CrashOptions, log: (line: string) => void): Promise<BackendResult> {
  const rand = prng(opts.seed + (backend === 'postgres' ? 1 : 0));
  const dataDir = mkdtempSync(join(tmpdir(), `netra-proof-crash-${backend}-`));
  const scratch = backend === 'postgres' ? await scratchDatabase() : null;
  const port = await freePort();
  const signerCount = opts.signersPerRound * opts.rounds + 2;
  const env: Record<string, string> = {
    ...LOAD_SERVER_ENV,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: '',
    DATA_DIR: dataDir,
    DATABASE_URL: scratch?.url ?? '',
    SMTP_URL: '',
    JOBS_INLINE: 'false',
    SEED_DEMO: 'true',
    // Demo employees: about a third have an e-mail address (needed to sign in by one-time code).
    DEMO_EMPLOYEES: String(Math.max(150, signerCount * 4)),
  };
  const ledger = emptyLedger();
  const result: BackendResult = { backend, rounds: [], final: [], totals: { kills: 0, acked: 0, checks: 0, violations: 0 } };
  const target = backend === 'postgres' ? { kind: 'postgres' as const, dataDir, url: scratch!.url } : { kind: 'pglite' as const, dataDir };
  const idNumbers = () => ledger.imports.flatMap((i) => i.idNumbers);
  let server: ServerProcess | null = null;
  try {
    server = track(startServer(env));
    const firstMs = await waitReady(server, START_TIMEOUT_MS);
    log(`[${backend}] server started in ${(firstMs / 1000).toFixed(1)} s (demo seeded, ${env.DEMO_EMPLOYEES} employees); data dir ${dataDir}${scratch ? `, database ${new URL(scratch.url).pathname.slice(1)}` : ''}`);
    const world = await setupWorld(port, signerCount);
    log(`[${backend}] ${world.signers.length} employees signed in; kill after 1–${opts.killAfterAcks} acknowledged writes + 0–${opts.killJitterMs} ms, seed ${opts.seed}`);

    for (let round = 1; round <= opts.rounds; round++) {
      const load = emptyRoundLoad();
      let stopped = false;
      const running = runRoundLoad(world, { round, signers: opts.signersPerRound, reportWorkers: 2, caseWorkers: 2, importRows: 12, rand }, ledger, load, () => stopped);
      // The kill moment: once a random number of writes (1…killAfterAcks) has been acknowledged in this
      // round, plus a random delay; so a slow machine still cuts a running load, and a fast one is cut
      // at any point of it. Requests of every kind are in flight at that moment.
      const ackTarget = 1 + Math.floor(rand() * opts.killAfterAcks);
      const jitter = Math.round(rand() * opts.killJitterMs);
      const loadStart = Date.now();
      const ackedNow = () => Object.values(load.acked).reduce((a, b) => a + b, 0);
      while (ackedNow() < ackTarget && Date.now() - loadStart < 120_000) await sleep(5);
      await sleep(jitter);
      const killAfter = Date.now() - loadStart;
      const victim: ServerProcess = server;
      stopped = true;
      victim.child.kill('SIGKILL');
      const exit = await victim.exited;
      await running;
      result.totals.kills++;
      const violations: Violation[] = [];
      if (exit.signal !== 'SIGKILL') violations.push({ check: 'kill', detail: `server ended by ${exit.signal ?? `exit ${exit.code}`} before the kill` });
      for (const u of load.unexpected) violations.push({ check: 'load.unexpected', detail: u });

      // The state as the crash left it.
      let lockNote = '';
      if (backend === 'pglite') {
        const stale = lockPid(dataDir);
        if (stale !== victim.pid) violations.push({ check: 'lock.stale', detail: `expected the killed server's lock (PID ${victim.pid}), found ${stale ?? 'none'}` });
        else if (isAlive(stale)) violations.push({ check: 'lock.stale', detail: `PID ${stale} still alive after SIGKILL` });
      }
      const snapshot = await snapshotAfterCrash(target, idNumbers());
      violations.push(...checkCrashState(snapshot, ledger));
      const figures = summarise(snapshot, ledger);
      const stalled = stalledImports(snapshot);
      const waitingForClean = pendingCleanCopies(snapshot);
      let resumeNote = '';

      // Restart on the same data: must start cleanly, take over the dead owner's lock, not seed again.
      server = track(startServer(env));
      let restartMs = -1;
      try {
        restartMs = await waitReady(server, START_TIMEOUT_MS);
      } catch (error) {
        violations.push({ check: 'restart', detail: (error as Error).message.slice(0, 2000) });
      }
      if (restartMs >= 0) {
        if (server.output().includes('Data demo')) violations.push({ check: 'restart', detail: 'the demo was seeded again on restart' });
        // The start-up sweep removes exactly the files the crash left without a row (a clean evidence
        // copy is still a reporter's photo: it must not linger where nobody can reach it).
        // Import uploads whose row never committed (a list of people) are swept the same way.
        const swept = Number(server.output().match(/"removed":(\d+)[^\n]*berkas tanpa catatan/)?.[1] ?? 0);
        const leftovers = figures.unreferencedFiles + figures.unreferencedImportFiles;
        if (swept !== leftovers) violations.push({ check: 'restart.sweep', detail: `${figures.unreferencedFiles} unreferenced files and ${figures.unreferencedImportFiles} unreferenced import uploads after the crash, the start-up sweep removed ${swept}` });
        // Evidence images committed without their clean copy (the job died with the process, or never
        // ran): the restarted server queues their tenants again.
        const cleanTenants = new Set(waitingForClean.map((f) => f.tenantId)).size;
        const requeued = Number(server.output().match(/"tenants":(\d+)[^\n]*salinan bersih bukti yang tertunda/)?.[1] ?? 0);
        if (requeued !== cleanTenants) violations.push({ check: 'restart.clean_copies', detail: `${waitingForClean.length} evidence images of ${cleanTenants} tenant(s) without a clean copy after the crash, the restart queued ${requeued} tenant(s)` });
        else if (requeued > 0) resumeNote += `, clean copies of ${waitingForClean.length} image(s) queued again`;
        // Imports the crash left waiting for a job that was never enqueued must be resumed at start.
        const resumed = Number(server.output().match(/"imports":(\d+)[^\n]*impor yang terhenti dilanjutkan/)?.[1] ?? 0);
        if (resumed !== stalled.length) violations.push({ check: 'restart.resume', detail: `${stalled.length} imports waiting for a missing job after the crash (${stalled.map((i) => i.id).join(', ')}), the restart resumed ${resumed}` });
        else if (resumed > 0) resumeNote = `, ${resumed} stalled import(s) resumed`;
        if (backend === 'pglite') {
          const now = lockPid(dataDir);
          if (now !== server.pid) violations.push({ check: 'restart.lock', detail: `lock holds ${now}, server is ${server.pid}` });
          else lockNote = `, lock of dead PID ${victim.pid} taken over`;
        }
        violations.push(...(await apiChecks(world, ledger, round)));
      }
      const acked = ledger.signatures.length + ledger.reports.length + ledger.cases.reduce((n, c) => n + c.steps.length, 0) + ledger.imports.length;
      result.totals.checks += acked;
      result.totals.violations += violations.length;
      result.rounds.push({ round, killedAfterMs: killAfter, load, restartMs, violations });
      log(
        `[${backend}] round ${round}/${opts.rounds}: SIGKILL ${killAfter} ms into the load (after ${ackTarget} acks + ${jitter} ms); acked ${fmtLoad(load)}; ` +
          `stored ${figures.signatures} signatures (${figures.signaturesUnacked} unacked, ${figures.signaturesWithPdf} with PDF), ${figures.reports} reports (${figures.reportsUnacked} unacked), ` +
          `${figures.cases} cases/${figures.caseEvents} events, imports ${JSON.stringify(figures.importsByStatus)}, ${figures.filesHashed} files hashed (${figures.unreferencedFiles} unreferenced, ${figures.unreferencedImportFiles} unreferenced import uploads, ${figures.pendingCleanCopies} images awaiting their clean copy), ${figures.auditEntries} audit entries, jobs held by the killed process: ${figures.orphanedJobs}; ` +
          `restart ${restartMs >= 0 ? `${(restartMs / 1000).toFixed(1)} s${lockNote}${resumeNote}` : 'FAILED'}; ${violations.length ? `${violations.length} VIOLATIONS` : 'all checks hold'}`,
      );
      for (const v of violations.slice(0, 20)) log(`    ✘ ${v.check}: ${v.detail}`);
      if (restartMs < 0) throw new Error('server did not restart');
    }

    // Let the queue drain (the clean copies queued again by the restarts), then a clean stop, then the
    // same checks on the data dir itself, plus: every evidence image has its clean copy.
    const drained = await waitForCleanCopies(world, 120_000);
    if (!drained.ok) result.final.push({ check: 'clean_copies.drain', detail: `${drained.processing} evidence images still without a clean copy ${drained.waitedMs} ms after the last restart` });
    else log(`[${backend}] every evidence image has its clean copy (${drained.waitedMs} ms after the last restart)`);
    server.child.kill('SIGTERM');
    const stop = await server.exited;
    if (stop.code !== 0) result.final.push({ check: 'stop', detail: `SIGTERM stop ended with ${stop.signal ?? `exit ${stop.code}`}` });
    if (backend === 'pglite' && lockPid(dataDir) !== null) result.final.push({ check: 'stop.lock', detail: 'the lock was not released on a clean stop' });
    const last = await snapshotAfterCrash(target, idNumbers());
    result.final.push(...checkSettledState(last, ledger));
    result.totals.acked = ledger.signatures.length + ledger.reports.length + ledger.cases.reduce((n, c) => n + c.steps.length, 0) + ledger.imports.length;
    result.totals.violations += result.final.length;
    const f = summarise(last, ledger);
    log(
      `[${backend}] final (clean stop): ${ledger.signatures.length} acked signatures, ${ledger.reports.length} acked reports, ${ledger.cases.length} acked cases with ` +
        `${ledger.cases.reduce((n, c) => n + c.steps.length, 0)} steps, ${ledger.imports.length} acked imports; stored ${f.storedFiles} files, ${f.auditEntries} audit entries; ` +
        `${result.final.length ? `${result.final.length} VIOLATIONS` : 'all checks hold'}`,
    );
    for (const v of result.final.slice(0, 20)) log(`    ✘ ${v.check}: ${v.detail}`);
  } catch (error) {
    result.error = (error as Error).stack ?? String(error);
    result.totals.violations++;
    log(`[${backend}] ERROR: ${result.error}`);
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    if (opts.keep) log(`[${backend}] kept: ${dataDir}${scratch ? ` and ${scratch.url}` : ''}`);
    else {
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  }
  return result;
}

function parseOptions(argv: string[]): CrashOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '20' },
      backend: { type: 'string', default: 'both' },
      seed: { type: 'string' },
      'kill-after-acks': { type: 'string', default: '24' },
      'kill-jitter-ms': { type: 'string', default: '1000' },
      'signers-per-round': { type: 'string', default: '4' },
      keep: { type: 'boolean', default: false },
    },
  });
  const backend = values.backend!;
  if (!['pglite', 'postgres', 'both'].includes(backend)) throw new Error(`--backend harus pglite, postgres atau both (bukan ${backend})`);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds harus bilangan bulat ≥ 1');
  const killAfterAcks = Number(values['kill-after-acks']);
  const killJitterMs = Number(values['kill-jitter-ms']);
  if (!(Number.isInteger(killAfterAcks) && killAfterAcks >= 1 && killJitterMs >= 0)) throw new Error('--kill-after-acks harus ≥ 1 dan --kill-jitter-ms ≥ 0');
  return {
    rounds,
    backends: backend === 'both' ? ['pglite', 'postgres'] : [backend as Backend],
    seed: values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31),
    killAfterAcks,
    killJitterMs,
    keep: values.keep!,
    signersPerRound: Number(values['signers-per-round']),
  };
}

/** Servers started and not yet ended: killed if the proof itself is interrupted (Ctrl-C). */
const live = new Set<ServerProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const s of live) s.child.kill('SIGKILL');
    process.exit(130);
  });
}
const track = (s: ServerProcess): ServerProcess => {
  live.add(s);
  void s.exited.then(() => live.delete(s));
  return s;
};

async function main(): Promise<void> {
  let opts: CrashOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(64);
  }
  const started = Date.now();
  const log = (line: string) => console.log(line);
  log(`Bukti ketahanan crash: ${opts.rounds} putaran SIGKILL per basis data (${opts.backends.join(', ')}), seed ${opts.seed}`);
  const results: BackendResult[] = [];
  for (const backend of opts.backends) results.push(await runBackend(backend, opts, log));
  log('');
  log('Ringkasan:');
  for (const r of results) {
    const ok = r.totals.violations === 0 && !r.error;
    log(`  ${ok ? '✔' : '✘'} ${r.backend}: ${r.totals.kills} SIGKILL dilalui, ${r.totals.acked} tulis yang diakui, ${r.totals.checks} pemeriksaan tulis (kumulatif per putaran), ${r.totals.violations} pelanggaran`);
  }
  log(`  waktu ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(results.every((r) => r.totals.violations === 0 && !r.error) ? 0 : 1);
}

await main();
