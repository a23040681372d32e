/**
 * Intake benchmark (issue 4): anonymous reports with one ~1 MB evidence photo through the real public
 * endpoint `POST /api/public/reports` (multipart: `report` JSON, `altcha`, one `file`) of the real app
 * (buildApp, rate limits on), on PostgreSQL and PGlite, C concurrent clients. Every submission carries
 * its own proof of work, fetched from `GET /api/public/pow` and solved before the timed phase (client
 * CPU is not measured). In the same run, the limit: a bare Fastify route (same @fastify/multipart) that
 * receives the same body, writes the same bytes to disk with fsync (lib/file-store) and inserts one row
 * into a copy of `stored_file` (same database, same pool, same client, same number of requests).
 *
 * The server runs with the configuration a production server gets without overrides (argon2id
 * 12 MiB / t=3 for the receipt-key hash, evidence limits, REPORT_SUBMIT_PER_HOUR=20), except the
 * proof-of-work difficulty: POW_COST 20 instead of 5000 and POW_MAX_NUMBER 1,000 instead of 10,000
 * (BENCH_POW_COST, BENCH_POW_MAX_NUMBER) so that solving some 500 challenges takes seconds rather than
 * hours. The server's check is the same HMAC work whatever the difficulty (printed for both costs),
 * and the client's solve time at the production difficulty is printed too.
 *
 * The measured loads come in ROUNDS (BENCH_INTAKE_ROUNDS, default 3) adjacent pairs of the real route
 * and the limit, alternating which goes first; the ratio reported is the median of the rounds' ratios,
 * so a drift of the shared machine's speed between two loads does not decide it.
 *
 * Client: a child process (own event loop, same 2 cores); each request on its own TCP connection from
 * its own loopback address (127.x.y.z): the per-IP limit REPORT_SUBMIT_PER_HOUR stays at its default
 * (20/h) and is never hit. The limit route is driven the same way.
 *
 * The clean copy of the photo is made by the `report.clean_copies` job after the commit, as in
 * production (where pg-boss runs it beside the requests). Here the jobs are held during the load and
 * run afterwards, one at a time, so the job's own cost is printed apart: clean copies/s and CPU per
 * copy on one core. Sustained over hours, a server must pay both (request + job CPU per report).
 *
 * Also printed, to locate the cost: each step of a submission on its own, sequentially on one core
 * (argon2id hash of the receipt key, type check, photo re-encode with sharp, sealing, PoW verify).
 *
 *   npm run bench -- intake     BENCH_BACKENDS=postgres BENCH_INTAKE_REPORTS=150 BENCH_INTAKE_CLIENTS=10 BENCH_INTAKE_ROUNDS=3
 */
import { fork } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import multipart from '@fastify/multipart';
import { createChallenge, solveChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import Fastify from 'fastify';
import pino from 'pino';
import sharp from 'sharp';
import { buildApp } from '../src/server/app.js';
import { createDeps, openDatabase } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { InlineJobQueue } from '../src/server/jobs/queue.js';
import { createArgon2Hasher } from '../src/server/lib/passwords.js';
import { writeStoredFile } from '../src/server/lib/file-store.js';
import { POW_ALGORITHM } from '../src/server/lib/proof-of-work.js';
import { checkUpload } from '../src/server/lib/uploads.js';
import { cleanPhoto } from '../src/server/modules/apel/photos.js';
import { EVIDENCE_TYPES, evidenceContext } from '../src/server/modules/reports/evidence.js';
import { newReceiptKey, normaliseCode } from '../src/server/modules/reports/receipt.js';
import { createReportKit } from '../src/server/modules/reports/reports.kit.js';
import { seedDemo } from '../src/server/seed/demo.js';
import { dropPgDatabase, fmtInt, header, interleaved, median, queryRows, type Round, recreatePgDatabase, secs, table, type Backend, type Summary, f1, rate,
  BENCH_PRODUCTION_ENV,
} from './lib.js';

const REPORTS = Number(process.env.BENCH_INTAKE_REPORTS ?? 150);
const CLIENTS = Number(process.env.BENCH_INTAKE_CLIENTS ?? 10);
const WARMUP = Number(process.env.BENCH_INTAKE_WARMUP ?? 50);
const POW_COST = process.env.BENCH_POW_COST ?? '20';
/** Lower than production's 10,000 so hundreds of solves take seconds; the server's check is the same HMAC work. */
const POW_MAX_NUMBER = process.env.BENCH_POW_MAX_NUMBER ?? '1000';
const ROUNDS = Number(process.env.BENCH_INTAKE_ROUNDS ?? 3);
const FILE_BYTES = Number(process.env.BENCH_INTAKE_FILE_BYTES ?? 1024 * 1024);
/** Production default of POW_COST (config.ts / .env.example), for the client solve estimate. */
const DEFAULT_POW_COST = 5000;
const DEFAULT_POW_MAX_NUMBER = 10_000;

// ---------------------------------------------------------------------------------------------------
// Load generator (child process)

interface Item {
  altcha: string;
  report: string;
}
interface LoadMsg {
  port: number;
  path: string;
  jpegPath: string;
  items: Item[];
  concurrency: number;
  ipBlock: number;
}
interface LoadOut {
  elapsedMs: number;
  statuses: Record<string, number>;
  errors: number;
  latencies: { p50: number; p90: number; p99: number; max: number; mean: number };
  samples: string[];
  bodyBytes: number;
}

const ipOf = (block: number, i: number) => `127.${block + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;
const CSRF = 'intake-bench-pre-session-csrf-token';

function multipartBody(fields: Record<string, string>, file: Buffer): { boundary: string; body: Buffer } {
  const boundary = `----netrabench${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { boundary, body: Buffer.concat(parts) };
}

function post(port: number, path: string, boundary: string, body: Buffer, localAddress: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, cookie: `netra_csrf=${CSRF}`, 'x-csrf-token': CSRF },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runLoad(m: LoadMsg): Promise<LoadOut> {
  const jpeg = readFileSync(m.jpegPath);
  // Bodies built before the clock starts.
  const bodies = m.items.map((it) => multipartBody({ report: it.report, altcha: it.altcha }, jpeg));
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  const samples: string[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: m.concurrency }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const s = performance.now();
        try {
          const res = await post(m.port, m.path, bodies[i]!.boundary, bodies[i]!.body, ipOf(m.ipBlock, i));
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
  return { elapsedMs, statuses, errors, samples, bodyBytes: bodies[0]?.body.length ?? 0, latencies: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: lat.at(-1) ?? NaN, mean: lat.reduce((a, b) => a + b, 0) / lat.length } };
}

if (process.argv[2] === '--intake-client' && process.send) {
  process.once('message', async (m: LoadMsg) => {
    const out = await runLoad(m);
    process.send!(out, () => process.exit(0));
  });
}

type Load = LoadOut & { serverCpuMs: number };

/** One load in a child process; adds this process's CPU time (server, sharp and argon2 threads; on PGlite also the database). */
function load(m: LoadMsg): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--intake-client'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadOut | undefined;
    let cpu0 = process.cpuUsage();
    child.once('message', (r) => {
      const cpu = process.cpuUsage(cpu0);
      result = r as LoadOut;
      resolve({ ...result, serverCpuMs: (cpu.user + cpu.system) / 1000 });
    });
    child.once('error', reject);
    child.once('exit', (code) => (result ? undefined : reject(new Error(`intake client exited with ${code} and no result`))));
    child.once('spawn', () => {
      child.send(m);
      cpu0 = process.cpuUsage();
    });
  });
}

function check(label: string, r: LoadOut, expectedStatus: number, n: number): void {
  if (r.errors || (r.statuses[expectedStatus] ?? 0) !== n) {
    throw new Error(`${label}: expected ${n} × ${expectedStatus}, got ${JSON.stringify(r.statuses)} and ${r.errors} socket errors — ${r.samples.join(' | ')}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Benchmark (parent)

/** A JPEG of random noise (does not compress away) of about `target` bytes, at quality 80. */
export async function noiseJpeg(target: number): Promise<{ bytes: Buffer; width: number; height: number }> {
  const make = async (w: number, h: number) => sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
  const sample = await make(400, 300);
  const perPixel = sample.length / (400 * 300);
  const width = Math.round(Math.sqrt((target / perPixel) * (4 / 3)));
  const height = Math.round((width * 3) / 4);
  return { bytes: await make(width, height), width, height };
}

async function timeEach(n: number, f: () => Promise<unknown> | unknown): Promise<number> {
  await f(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Holds the jobs enqueued during the load; `drain()` runs them one at a time, as one worker would. */
class HeldJobQueue extends InlineJobQueue {
  private held: { name: string; payload: Record<string, unknown> }[] = [];
  override async enqueue(name: string, payload: Record<string, unknown>): Promise<void> {
    this.held.push({ name, payload });
  }
  async drain(): Promise<number> {
    const jobs = this.held;
    this.held = [];
    for (const j of jobs) await super.enqueue(j.name, j.payload);
    return jobs.length;
  }
}

interface Steps {
  argon2Ms: number;
  argon2OldMs: number;
  argon2Owasp19Ms: number;
  checkMs: number;
  cleanMs: number;
  sealMs: number;
  writeMs: number;
  powVerifyMs: number;
  powVerifyDefaultMs: number;
  solveAttemptMsDefault: number;
  solveExpectedMsDefault: number;
}

/** PoW costs: verification (server) at the run's cost and at the production default; client solve at the default. */
async function powCosts(cost: number, maxNumber: number): Promise<{ verifyMs: number; verifyDefaultMs: number; attemptMsDefault: number; expectedMsDefault: number }> {
  const secret = randomBytes(32);
  const hmacSignatureSecret = createHmac('sha256', secret).update('altcha-challenge').digest('hex');
  const hmacKeySignatureSecret = createHmac('sha256', secret).update('altcha-key').digest('hex');
  const solved = async (c: number, counter: number) => {
    const challenge = await createChallenge({ algorithm: POW_ALGORITHM, cost: c, counter, deriveKey, expiresAt: new Date(Date.now() + 600_000), hmacSignatureSecret, hmacKeySignatureSecret });
    const t = performance.now();
    const solution = await solveChallenge({ challenge, deriveKey });
    return { challenge, solution: solution!, solveMs: performance.now() - t };
  };
  const verifyLoop = async (c: number) => {
    const s = await solved(c, 10);
    return timeEach(50, async () => {
      const r = await verifySolution({ challenge: s.challenge, solution: s.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret });
      if (!r.verified) throw new Error('PoW verification failed');
    });
  };
  // Client: the time per attempt at the default cost, from a solve with a small known counter, times
  // the expected counter of the default difficulty (uniform in [max/2, max) → 0.75 × max).
  const COUNTER = 60;
  const probe = await solved(DEFAULT_POW_COST, COUNTER);
  const attemptMsDefault = probe.solveMs / (COUNTER + 1);
  return { verifyMs: await verifyLoop(cost), verifyDefaultMs: await verifyLoop(DEFAULT_POW_COST), attemptMsDefault, expectedMsDefault: attemptMsDefault * 0.75 * maxNumber };
}

interface IntakeRun {
  backend: Backend;
  powCost: number;
  powMaxNumber: number;
  argon2: string;
  solve: { n: number; ms: number; perSolveCpuMs: number };
  jpeg: { bytes: number; width: number; height: number };
  /** The measured loads: the real route and the limit, back to back, ROUNDS times. */
  rounds: Round<Load>[];
  serial: Load;
  limitPhoto: Load;
  limitArgon: Load;
  stored: { reports: number; reportFiles: number; storedFiles: number; limitRows: number };
  /** The held clean-copy jobs run after the load: copies made, wall time, process CPU. */
  cleanJob: { jobs: number; copies: number; ms: number; cpuMs: number };
  steps: Steps;
}

async function runBackend(backend: Backend, jpeg: { bytes: Buffer; width: number; height: number }, jpegPath: string): Promise<IntakeRun> {
  const dataDir = mkdtempSync(join(tmpdir(), `netra-bench-intake-${backend}-`));
  const url = backend === 'postgres' ? await recreatePgDatabase() : undefined;
  // Production defaults (receipt argon2id 12 MiB / t=3, REPORT_SUBMIT_PER_HOUR 20, file limits) except POW_COST.
  const config = loadConfig({ ...BENCH_PRODUCTION_ENV, DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent', SEED_DEMO: 'false', POW_COST: POW_COST, POW_MAX_NUMBER });
  const { database, release } = await openDatabase(config);
  const log = pino({ level: 'silent' });
  const queue = new HeldJobQueue(log);
  const deps = createDeps(config, database, log, queue);
  const app = await buildApp(deps, { logger: false });
  const bare = Fastify({ logger: false });
  try {
    const demo = await seedDemo(deps, { employees: 50 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;

    // The limit: same multipart plugin, same body; the file written and fsynced, one row inserted.
    await queryRows(database, `create table bench_file (like stored_file including defaults including indexes)`);
    await bare.register(multipart, { limits: { fileSize: config.REPORT_FILE_MAX_BYTES, files: config.REPORT_MAX_FILES + 1, fields: 10 } });
    bare.post('/limit', async (request) => {
      let bytes: Buffer | undefined;
      for await (const part of request.parts()) if (part.type === 'file') bytes = await part.toBuffer();
      if (!bytes) throw new Error('no file');
      const f = await writeStoredFile(dataDir, demo.tenantId, 'bench_limit', bytes);
      await queryRows(database, `insert into bench_file (tenant_id, id, purpose, file_name, mime_type, size, sha256, storage_path) values ($1, $2, 'bench_limit', $3, 'image/jpeg', $4, $5, $6)`, [
        demo.tenantId,
        f.id,
        `bukti-${f.id}`,
        f.size,
        f.sha256,
        f.storagePath,
      ]);
      return { ok: true };
    });
    // Two steps from the limit towards the real thing, to locate the cost under the same concurrency:
    // + the metadata-stripping re-encode, the sealing and the second file (clean copy); + the argon2id hash.
    const kit = createReportKit(deps);
    const heavier = (argon2: boolean) => async (request: import('fastify').FastifyRequest) => {
      let bytes: Buffer | undefined;
      for await (const part of request.parts()) if (part.type === 'file') bytes = await part.toBuffer();
      if (!bytes) throw new Error('no file');
      if (argon2) await kit.receiptHasher.hash(normaliseCode(newReceiptKey()));
      await checkUpload(bytes, EVIDENCE_TYPES, config.REPORT_FILE_MAX_BYTES, 'bukti');
      const clean = await cleanPhoto(bytes, 'image/jpeg', 'Asia/Jakarta');
      const sha = createHash('sha256').update(bytes).digest('hex');
      const f = await writeStoredFile(dataDir, demo.tenantId, 'bench_limit', kit.box.sealBytes(bytes, evidenceContext(demo.tenantId, sha)));
      const c = await writeStoredFile(dataDir, demo.tenantId, 'bench_limit', clean.bytes);
      await queryRows(database, `insert into bench_file (tenant_id, id, purpose, file_name, mime_type, size, sha256, storage_path) values ($1, $2, 'bench_limit', $3, 'image/jpeg', $4, $5, $6), ($1, $7, 'bench_limit', $8, 'image/jpeg', $9, $10, $11)`, [
        demo.tenantId, f.id, `bukti-${f.id}`, f.size, f.sha256, f.storagePath, c.id, `bukti-${c.id}`, c.size, c.sha256, c.storagePath,
      ]);
      return { ok: true };
    };
    bare.post('/limit-photo', heavier(false));
    bare.post('/limit-photo-argon2', heavier(true));
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const barePort = (bare.server.address() as AddressInfo).port;

    // Challenges from the real endpoint, solved now (not timed as part of the load).
    const total = WARMUP + 10 + ROUNDS * REPORTS; // warm-up, serial (10), measured rounds
    const challenges: Challenge[] = [];
    for (let i = 0; i < total; i++) challenges.push((await (await fetch(`${base}/api/public/pow`)).json()) as Challenge);
    const cpuSolve0 = process.cpuUsage();
    const t = performance.now();
    const altchas: string[] = [];
    for (let i = 0; i < challenges.length; i += 4) {
      const batch = await Promise.all(challenges.slice(i, i + 4).map(async (challenge) => ({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })));
      for (const b of batch) {
        if (!b.solution) throw new Error('proof of work not solved');
        altchas.push(Buffer.from(JSON.stringify(b)).toString('base64'));
      }
    }
    const solveMs = performance.now() - t;
    const cpuSolve = process.cpuUsage(cpuSolve0);
    const report = (i: number) =>
      JSON.stringify({
        identityMode: 'anonim',
        reported: { name: `Pegawai Terlapor ${i}`, agency: 'Dinas Pendidikan', position: 'Kepala Seksi' },
        actKind: 'kampanye_media_sosial',
        actDate: new Date().toISOString().slice(0, 10),
        discoveredOn: null,
        place: 'Facebook',
        description: `Yang bersangkutan membagikan poster calon bupati di akun media sosial pribadinya (laporan uji ${i}).`,
        links: ['https://facebook.com/contoh/posts/1'],
      });
    const items = altchas.map((altcha, i) => ({ altcha, report: report(i) }));
    const warm = items.slice(0, WARMUP);
    const serialItems = items.slice(WARMUP, WARMUP + 10);
    const roundItems = (r: number) => items.slice(WARMUP + 10 + r * REPORTS, WARMUP + 10 + (r + 1) * REPORTS);

    const w = await load({ port, path: '/api/public/reports', jpegPath, items: warm, concurrency: CLIENTS, ipBlock: 10 });
    check('warm-up intake', w, 201, warm.length);
    const serial = await load({ port, path: '/api/public/reports', jpegPath, items: serialItems, concurrency: 1, ipBlock: 15 });
    check('serial intake', serial, 201, serialItems.length);
    const lw = await load({ port: barePort, path: '/limit', jpegPath, items: warm, concurrency: CLIENTS, ipBlock: 30 });
    check('warm-up limit', lw, 200, warm.length);
    // The measured rounds: the real route and the limit back to back, alternating which goes first.
    const rounds = await interleaved(
      ROUNDS,
      async (r) => {
        const out = await load({ port, path: '/api/public/reports', jpegPath, items: roundItems(r), concurrency: CLIENTS, ipBlock: 20 + r });
        check(`intake round ${r + 1}`, out, 201, REPORTS);
        return out;
      },
      async (r) => {
        const out = await load({ port: barePort, path: '/limit', jpegPath, items: roundItems(r), concurrency: CLIENTS, ipBlock: 40 + r });
        check(`limit round ${r + 1}`, out, 200, REPORTS);
        return out;
      },
    );
    const limitPhoto = await load({ port: barePort, path: '/limit-photo', jpegPath, items: roundItems(0), concurrency: CLIENTS, ipBlock: 70 });
    check('limit + photo', limitPhoto, 200, REPORTS);
    const limitArgon = await load({ port: barePort, path: '/limit-photo-argon2', jpegPath, items: roundItems(0), concurrency: CLIENTS, ipBlock: 80 });
    check('limit + photo + argon2', limitArgon, 200, REPORTS);
    await bare.close();
    await app.close();
    const n = total;
    // The clean copies, by the jobs the submissions queued (one worker, one job at a time).
    const copiesBefore = (await queryRows<{ n: number }>(database, `select count(*)::int as n from report_file where view_file_id is not null`))[0]!.n;
    const cpuJob0 = process.cpuUsage();
    const tJob = performance.now();
    const jobs = await queue.drain();
    const jobMs = performance.now() - tJob;
    const cpuJob = process.cpuUsage(cpuJob0);
    const copies = (await queryRows<{ n: number }>(database, `select count(*)::int as n from report_file where view_file_id is not null`))[0]!.n - copiesBefore;
    if (copies !== n) throw new Error(`clean-copy jobs made ${copies} copies for ${n} submissions`);
    const cleanJob = { jobs, copies, ms: jobMs, cpuMs: (cpuJob.user + cpuJob.system) / 1000 };
    const [stored] = await queryRows<{ reports: number; report_files: number; stored_files: number }>(
      database,
      `select (select count(*)::int from report) as reports, (select count(*)::int from report_file) as report_files, (select count(*)::int from stored_file where purpose like 'report%') as stored_files`,
    );
    if (stored!.reports !== n || stored!.report_files !== n || stored!.stored_files !== 2 * n) throw new Error(`stored ${JSON.stringify(stored)} for ${n} submissions`);
    const limitRows = (await queryRows<{ n: number }>(database, `select count(*)::int as n from bench_file`))[0]!.n;

    // The steps of one submission, each on its own, sequentially (median of 5; one core).
    const sha = createHash('sha256').update(jpeg.bytes).digest('hex');
    const pow = await powCosts(config.POW_COST, DEFAULT_POW_MAX_NUMBER);
    const steps: Steps = {
      argon2Ms: await timeEach(5, () => kit.receiptHasher.hash(normaliseCode(newReceiptKey()))),
      argon2OldMs: await timeEach(5, () => createArgon2Hasher(65_536, 3).hash(normaliseCode(newReceiptKey()))),
      argon2Owasp19Ms: await timeEach(5, () => createArgon2Hasher(19_456, 2).hash(normaliseCode(newReceiptKey()))),
      checkMs: await timeEach(5, () => checkUpload(jpeg.bytes, EVIDENCE_TYPES, config.REPORT_FILE_MAX_BYTES, 'bukti')),
      cleanMs: await timeEach(5, () => cleanPhoto(jpeg.bytes, 'image/jpeg', 'Asia/Jakarta')),
      sealMs: await timeEach(5, () => kit.box.sealBytes(jpeg.bytes, evidenceContext(demo.tenantId, sha))),
      writeMs: await timeEach(5, () => writeStoredFile(dataDir, demo.tenantId, 'bench_step', jpeg.bytes)),
      powVerifyMs: pow.verifyMs,
      powVerifyDefaultMs: pow.verifyDefaultMs,
      solveAttemptMsDefault: pow.attemptMsDefault,
      solveExpectedMsDefault: pow.expectedMsDefault,
    };
    return {
      backend,
      powCost: config.POW_COST,
      powMaxNumber: config.POW_MAX_NUMBER,
      argon2: `argon2id ${config.RECEIPT_ARGON2_MEMORY_KIB / 1024} MiB, t=${config.RECEIPT_ARGON2_TIME_COST}, p=1`,
      solve: { n: challenges.length, ms: solveMs, perSolveCpuMs: (cpuSolve.user + cpuSolve.system) / 1000 / challenges.length },
      jpeg: { bytes: jpeg.bytes.length, width: jpeg.width, height: jpeg.height },
      rounds,
      serial,
      limitPhoto,
      limitArgon,
      stored: { reports: stored!.reports, reportFiles: stored!.report_files, storedFiles: stored!.stored_files, limitRows },
      cleanJob,
      steps,
    };
  } finally {
    await app.close();
    await bare.close();
    deps.mailer.close();
    await database.close();
    release();
    rmSync(dataDir, { recursive: true, force: true });
    if (backend === 'postgres') await dropPgDatabase();
  }
}


function report(r: IntakeRun): Summary[] {
  header(`intake — ${r.backend}`);
  const measured = r.rounds.map((x) => x.subject);
  console.log(
    `evidence: one JPEG of noise ${r.jpeg.width}×${r.jpeg.height}, ${fmtInt(r.jpeg.bytes)} bytes (multipart body ${fmtInt(measured[0]!.bodyBytes)} bytes); ${WARMUP} warm-up, 10 by 1 client, then ${ROUNDS} rounds of ${REPORTS} measured with ${CLIENTS} concurrent clients, each round next to a load of the limit (alternating which goes first); one report per request (own connection, own source address 127.x.y.z; REPORT_SUBMIT_PER_HOUR left at ${20}/h per address)`,
  );
  console.log(`server config: POW_COST=${r.powCost} (production default ${DEFAULT_POW_COST}), POW_MAX_NUMBER=${r.powMaxNumber} (production default ${DEFAULT_POW_MAX_NUMBER}; the server's check does not depend on either, below); receipt key hashed with ${r.argon2} (production default)`);
  console.log(`proof of work solved before the load: ${r.solve.n} challenges in ${secs(r.solve.ms)} (${f1(r.solve.perSolveCpuMs)} ms CPU per solve at POW_COST=${r.powCost})`);
  const row = (label: string, o: Load, n: number) => [label, f1(rate(n, o.elapsedMs)), f1(o.latencies.p50), f1(o.latencies.p90), f1(o.latencies.p99), f1(o.latencies.max), secs(o.elapsedMs), f1(o.serverCpuMs / n)];
  table([
    ['route', 'per s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'elapsed', 'server CPU ms/req'],
    ...r.rounds.flatMap((x, i) => {
      const rows = [row(`POST /api/public/reports (201, 1 file), round ${i + 1}`, x.subject, REPORTS), row(`LIMIT bare Fastify: multipart + write/fsync + 1 INSERT, round ${i + 1}`, x.limit, REPORTS)];
      return x.limitFirst ? rows.reverse() : rows;
    }),
    row('  context: the real route, 1 client (10 reports)', r.serial, 10),
    row('  step: limit + re-encode (sharp) + seal + 2nd file, 2 rows', r.limitPhoto, REPORTS),
    row('  step: + argon2id hash of a receipt key', r.limitArgon, REPORTS),
  ]);
  const ratios = r.rounds.map((x) => rate(REPORTS, x.subject.elapsedMs) / rate(REPORTS, x.limit.elapsedMs));
  const ratio = median(ratios);
  const mid = r.rounds[ratios.indexOf(ratio)]!;
  const intakeRate = rate(REPORTS, mid.subject.elapsedMs);
  const limitRate = rate(REPORTS, mid.limit.elapsedMs);
  console.log(`stored: ${r.stored.reports} reports, ${r.stored.reportFiles} report_file rows, ${r.stored.storedFiles} stored_file rows (sealed original + clean copy each, the copies made by the job); limit table ${r.stored.limitRows} rows`);
  console.log(`intake / limit per round: ${ratios.map((x) => `${(x * 100).toFixed(1)}%`).join(', ')}; median ${(ratio * 100).toFixed(1)}% (round ${r.rounds.indexOf(mid) + 1}: p99 ${f1(mid.subject.latencies.p99)} ms vs ${f1(mid.limit.latencies.p99)} ms)`);
  const cpuPer = (xs: Load[]) => xs.reduce((a, x) => a + x.serverCpuMs, 0) / (xs.length * REPORTS);
  console.log(`server CPU per request over the rounds: intake ${f1(cpuPer(measured))} ms, limit ${f1(cpuPer(r.rounds.map((x) => x.limit)))} ms`);
  const j = r.cleanJob;
  console.log(
    `clean-copy job (after the load, ${j.jobs} jobs queued, one worker): ${j.copies} clean copies in ${secs(j.ms)} = ${f1((j.copies * 1000) / j.ms)} copies/s on one core; ${f1(j.cpuMs / j.copies)} ms process CPU per copy (open + verify the sealed original, re-encode, write + fsync, one transaction)`,
  );
  const perReportCpu = cpuPer(measured) + j.cpuMs / j.copies;
  console.log(`request + job CPU per report: ${f1(perReportCpu)} ms ⇒ CPU ceiling for a sustained stream ≈ ${f1(2000 / perReportCpu)} reports/s on 2 cores, before the database and the clients (the limit costs ${f1(cpuPer(r.rounds.map((x) => x.limit)))} ms)`);
  console.log(`median round's intake / (limit + re-encode + argon2) = ${((intakeRate / rate(REPORTS, r.limitArgon.elapsedMs)) * 100).toFixed(1)}%; (limit + re-encode) / median round's limit = ${((rate(REPORTS, r.limitPhoto.elapsedMs) / limitRate) * 100).toFixed(1)}%`);
  const s = r.steps;
  table([
    ['step of one submission (sequential, one core, median of 5)', 'ms'],
    [`argon2id hash of the receipt key (${r.argon2})`, f1(s.argon2Ms)],
    ['argon2id hash at the earlier cost (64 MiB, t=3, p=1), for comparison', f1(s.argon2OldMs)],
    ['argon2id hash at OWASP\'s 19 MiB, t=2, p=1 (equal strength to 12 MiB, t=3), for comparison', f1(s.argon2Owasp19Ms)],
    ['type check by content (checkUpload)', f1(s.checkMs)],
    ['photo re-encode without metadata (cleanPhoto, sharp)', f1(s.cleanMs)],
    ['seal the original (sealBytes)', f1(s.sealMs)],
    ['write + fsync one file of this size (writeStoredFile)', f1(s.writeMs)],
    [`PoW verification on the server (verifySolution, POW_COST=${r.powCost})`, s.powVerifyMs.toFixed(2)],
    [`PoW verification on the server (verifySolution, POW_COST=${DEFAULT_POW_COST})`, s.powVerifyDefaultMs.toFixed(2)],
  ]);
  console.log(
    `client solve at the production default (POW_COST=${DEFAULT_POW_COST}, POW_MAX_NUMBER=${DEFAULT_POW_MAX_NUMBER}): ${s.solveAttemptMsDefault.toFixed(2)} ms per attempt × expected ${fmtInt(0.75 * DEFAULT_POW_MAX_NUMBER)} attempts ≈ ${secs(s.solveExpectedMsDefault)} per submission on this CPU (Node webcrypto; a phone browser is slower)`,
  );
  return [
    {
      bench: 'intake',
      backend: r.backend,
      metric: `reports/s (p99) @${CLIENTS}, 1 MB`,
      value: `${f1(intakeRate)} (${f1(mid.subject.latencies.p99)} ms)`,
      limit: `${f1(limitRate)} (${f1(mid.limit.latencies.p99)} ms) write+INSERT`,
      ratio: `${(ratio * 100).toFixed(1)}% (median of ${ROUNDS})`,
      target: r.backend === 'postgres' ? '≥ 50%' : '—',
      met: r.backend === 'postgres' ? ratio >= 0.5 : null,
    },
    { bench: 'intake', backend: r.backend, metric: 'PoW verify ms/submission', value: `${s.powVerifyMs.toFixed(2)} (cost ${r.powCost}); ${s.powVerifyDefaultMs.toFixed(2)} (cost ${DEFAULT_POW_COST})`, limit: '—', ratio: '—', target: 'printed', met: null },
  ];
}

export async function runIntakeBench(): Promise<Summary[]> {
  const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((x) => x.trim()) as Backend[];
  header(`intake benchmark: back ends ${backends.join(', ')}`);
  console.log('note: server (this process, with its sharp/argon2 threads), the load generator (child process) and PostgreSQL share the same 2 cores.');
  const dir = mkdtempSync(join(tmpdir(), 'netra-bench-intake-jpeg-'));
  const jpegPath = join(dir, 'evidence.jpg');
  const jpeg = await noiseJpeg(FILE_BYTES);
  writeFileSync(jpegPath, jpeg.bytes);
  const out: Summary[] = [];
  try {
    for (const backend of backends) out.push(...report(await runBackend(backend, jpeg, jpegPath)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] !== '--intake-client') {
  runIntakeBench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
