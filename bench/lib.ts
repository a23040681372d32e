/**
 * Shared helpers for the benchmarks: back-end setup (PGlite temp dir or a fresh PostgreSQL database),
 * configuration, a peak-RSS sampler that keeps sampling while the main thread is busy, and formatting.
 * Benchmarks only read from src/; nothing here changes application code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import pino from 'pino';
import { createDeps, openDatabase } from '../src/server/boot.js';
import { loadConfig, type Config } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import type { AppDeps } from '../src/server/deps.js';
import { InlineJobQueue } from '../src/server/jobs/queue.js';

export type Backend = 'pglite' | 'postgres';

/** Admin connection used to (re)create the benchmark database; override with BENCH_PG_URL. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PG_BENCH_DB = process.env.BENCH_PG_DB ?? 'netra_bench';

export interface Summary {
  bench: string;
  backend: string;
  metric: string;
  value: string;
  limit: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Drops and re-creates the benchmark database; returns its URL. */
export async function recreatePgDatabase(name = PG_BENCH_DB): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(PG_ADMIN_URL, name);
}

export async function dropPgDatabase(name = PG_BENCH_DB): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

export interface BenchEnv {
  backend: Backend;
  config: Config;
  database: Database;
  deps: AppDeps;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Opens a fresh back end exactly like the server does (boot.openDatabase: PGlite lock + migrations, or
 * PostgreSQL + migrations) with inline jobs and a silent logger.
 */
export async function openBench(backend: Backend, extraEnv: Record<string, string> = {}): Promise<BenchEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), `netra-bench-${backend}-`));
  const url = backend === 'postgres' ? await recreatePgDatabase() : undefined;
  const config = loadConfig({
    ...BENCH_PRODUCTION_ENV,
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    JOBS_INLINE: 'true',
    // Only the seed hashes a password (and the HTTP bench signs in once): use the cheapest allowed cost.
    ARGON2_MEMORY_KIB: '19456',
    ARGON2_TIME_COST: '2',
    ...extraEnv,
  });
  const { database, release } = await openDatabase(config);
  const log = pino({ level: 'silent' });
  const deps = createDeps(config, database, log, new InlineJobQueue(log));
  return {
    backend,
    config,
    database,
    deps,
    dataDir,
    async close() {
      deps.mailer.close();
      await database.close();
      release();
      rmSync(dataDir, { recursive: true, force: true });
      if (backend === 'postgres') await dropPgDatabase();
    },
  };
}

/** Runs a query on either driver and returns its rows. */
export async function queryRows<T>(database: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (database.kind === 'pglite') return (await database.lite.query<T>(text, params)).rows;
  return (await database.pool.query(text, params)).rows as T[];
}

/**
 * Samples process RSS every `intervalMs` from a worker thread, so samples keep coming while the main
 * thread is blocked (PGlite runs each statement synchronously in WASM). `stop()` returns the peak.
 */
export function startRssSampler(intervalMs = 100): { stop(): Promise<{ peakRss: number; samples: number }> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss(), samples = 1;
     const timer = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; samples++; }, ${intervalMs});
     parentPort.on('message', () => { clearInterval(timer); const r = process.memoryUsage.rss(); if (r > peak) peak = r; parentPort.postMessage({ peakRss: peak, samples }); });`,
    { eval: true, execArgv: [] },
  );
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (m: { peakRss: number; samples: number }) => {
          void worker.terminate();
          resolve(m);
        });
        worker.once('error', reject);
        worker.postMessage('stop');
      }),
  };
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const signedMib = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mib(Math.abs(bytes))}`;
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
/** Events per second from a count and milliseconds. */
export const rate = (n: number, ms: number) => (n * 1000) / ms;
export const f1 = (n: number) => n.toFixed(1);
/**
 * Production settings for a benchmark server. Production requires SMTP; no benchmark sends mail, so
 * the address points at a closed local port (nodemailer connects lazily, only when sending).
 */
export const BENCH_PRODUCTION_ENV = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' } as const;
export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Kernel high-water mark of this process's RSS (bytes), since the process started. */
export const maxRssEver = () => process.resourceUsage().maxRSS * 1024;

export function header(title: string): void {
  console.log(`\n=== ${title} ===`);
}

/** Prints an aligned table. */
export function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [n, r] of rows.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export function machineLine(): string {
  return `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}`;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU ms (utime + stime, /proc, 10 ms ticks) a process has used so far; throws if it is gone. */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** CPU ms used so far by each of these processes; one that has just exited is skipped. */
export function processesCpuMs(pids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, processCpuMs(pid));
    } catch {
      /* a backend that has just exited */
    }
  }
  return out;
}

/** CPU ms the processes of `after` used since `before` (a process new in `after` counts from zero). */
export const cpuSpentMs = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/**
 * CPU ms used so far by the PostgreSQL client backends (not autovacuum) of the database `database` is connected to (empty on
 * PGlite, whose work is this process's own CPU): the work a request costs on the database side, which
 * other load on the machine does not stretch the way it stretches latency.
 */
export async function pgBackendsCpuMs(backend: Backend, database: Database): Promise<Map<number, number>> {
  if (backend !== 'postgres') return new Map();
  const rows = await queryRows<{ pid: number }>(database, `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`);
  return processesCpuMs(rows.map((r) => r.pid));
}

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One round of an interleaved comparison: the route under test and its limit, run back to back. */
export interface Round<T> {
  limitFirst: boolean;
  subject: T;
  limit: T;
}

/**
 * Runs the route under test and its limit in `rounds` adjacent pairs, alternating which goes first
 * (subject–limit, limit–subject, …). On a machine whose speed drifts (a shared VM), each ratio then
 * compares two loads measured seconds apart under the same conditions, and the median of the per-round
 * ratios is steadier than one ratio of two loads run a minute apart.
 */
export async function interleaved<T>(rounds: number, subject: (round: number) => Promise<T>, limit: (round: number) => Promise<T>): Promise<Round<T>[]> {
  const out: Round<T>[] = [];
  // Each load starts from a collected heap, so one load's garbage (megabyte buffers) is not collected,
  // and paid for, during the next one (`npm run bench` runs node with --expose-gc).
  const clean = <R>(run: (round: number) => Promise<R>) => (round: number) => {
    (globalThis as { gc?: () => void }).gc?.();
    return run(round);
  };
  const [s, l] = [clean(subject), clean(limit)];
  for (let i = 0; i < rounds; i++) {
    const limitFirst = i % 2 === 1;
    const first = limitFirst ? await l(i) : await s(i);
    const second = limitFirst ? await s(i) : await l(i);
    out.push(limitFirst ? { limitFirst, subject: second, limit: first } : { limitFirst, subject: first, limit: second });
  }
  return out;
}
