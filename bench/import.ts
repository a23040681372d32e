/**
 * Import benchmark. Acceptance: import 100,000 generated employees from CSV through the real import
 * path (uploadImport → startValidation → startCommit, jobs inline) on PostgreSQL and on PGlite; print
 * rows/s and, in the same run, the rows/s of a bare COPY of the same rows into a plain table (the limit).
 * Targets: import ≥ 50% of bare COPY on PostgreSQL; 100,000 rows in < 10 s on PGlite. Peak RSS printed.
 *
 *   npm run bench -- import            BENCH_ROWS=20000 npm run bench -- import
 *   BENCH_BACKENDS=pglite npm run bench -- import
 */
import { prng } from '../src/server/lib/prng.js';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { ImportField } from '../src/shared/contracts/imports.contract.js';
import { PNS_GOLONGAN } from '../src/shared/enums.js';
import { copyRows } from '../src/server/db/copy.js';
import { userAccount } from '../src/server/db/schema/index.js';
import type { RequestContext } from '../src/server/lib/context.js';
import { readRows } from '../src/server/modules/imports/import-reader.js';
import { getImport, startCommit, startValidation, uploadImport } from '../src/server/modules/imports/imports.service.js';
import { FIRST_FEMALE, FIRST_MALE, GELAR_BELAKANG, LAST } from '../src/server/seed/demo-names.js';
import { seedDemo } from '../src/server/seed/demo.js';
import {
  fmtInt,
  header,
  maxRssEver,
  mib,
  openBench,
  queryRows,
  secs,
  signedMib,
  startRssSampler,
  table,
  type Backend,
  type BenchEnv,
  type Summary,
} from './lib.js';

export const CSV_HEADERS = ['NIP', 'Nama', 'Jenis Pegawai', 'Unit Kerja', 'Gol/Ruang', 'Jabatan', 'Email'];
const BATCH = 5000; // same flush size as the import job
const PG_TARGET_RATIO = 0.5;
const PGLITE_TARGET_SECONDS = 10;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const JABATAN = [
  'Analis Kebijakan Ahli Pertama', 'Pengadministrasi Umum', 'Pranata Komputer Ahli Pertama', 'Pengelola Keuangan', 'Arsiparis Terampil',
  'Guru Ahli Pertama', 'Guru Ahli Muda', 'Perawat Terampil', 'Bidan Ahli Pertama', 'Dokter Ahli Pertama', 'Auditor Ahli Muda', '',
];

/**
 * Writes a deterministic CSV of `rows` PNS/CPNS employees with valid, unique NIPs
 * (YYYYMMDD birth, YYYYMM TMT, sex 1/2, serial ≠ 000) spread over `units`. Streams to disk.
 */
export async function generateCsv(path: string, rows: number, units: readonly string[]): Promise<number> {
  const random = prng(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const golongans = Object.keys(PNS_GOLONGAN).slice(4, 13); // II/a … IV/a
  const used = new Set<string>();
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = `${CSV_HEADERS.join(';')}\r\n`;
  for (let i = 0; i < rows; i++) {
    const cpns = random() < 0.1;
    const male = random() < 0.5;
    const year = cpns ? 1995 + Math.floor(random() * 6) : 1966 + Math.floor(random() * 34);
    const birth = `${year}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}`;
    let nip: string;
    do {
      const tmtYear = cpns ? 2024 : Math.min(2023, year + 20 + Math.floor(random() * 12));
      nip = `${birth}${tmtYear}${pad(1 + Math.floor(random() * 12))}${male ? 1 : 2}${pad(1 + Math.floor(random() * 999), 3)}`;
    } while (used.has(nip));
    used.add(nip);
    const first = pick(male ? FIRST_MALE : FIRST_FEMALE);
    const name = `${first} ${pick(LAST)}${random() < 0.7 ? `, ${pick(GELAR_BELAKANG)}` : ''}`;
    const email = random() < 0.8 ? `${first.toLowerCase()}.${nip.slice(-10)}@contoh.go.id` : '';
    chunk += `${nip};${name};${cpns ? 'CPNS' : 'PNS'};${pick(units)};${cpns ? 'III/a' : pick(golongans)};${pick(JABATAN)};${email}\r\n`;
    if (chunk.length > 64 * 1024) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}

/** Names of the seeded units that a file can name without ambiguity (unique name key, not the Pemda root). */
async function unambiguousUnitNames(env: BenchEnv, tenantId: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    env.database,
    `select min(name) as name from unit where tenant_id = $1 and parent_id is not null group by name_key having count(*) = 1 order by 1`,
    [tenantId],
  );
  return rows.map((r) => r.name);
}

async function adminContext(env: BenchEnv, tenantId: string): Promise<RequestContext> {
  const [user] = await env.deps.db
    .select()
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.username, 'admin.bkpsdm')));
  if (!user) throw new Error('seeded admin.bkpsdm not found');
  return {
    tenantId,
    requestId: 'bench-import',
    actor: { userId: user.id, label: user.username!, roles: user.roles, scopeUnitId: null, scopeUnitPath: null, employeeId: null },
  };
}

export interface ImportResult {
  backend: Backend;
  rows: number;
  seedMs: number;
  uploadMs: number;
  validateMs: number;
  commitMs: number;
  totalMs: number;
  rssBefore: number;
  peakRss: number;
  rssSamples: number;
  copyRuns: number[];
  streamCopyMs: number;
  parseOnlyMs: number;
  insertSelectMs: number;
}

async function runBackend(backend: Backend, rows: number, csv: { path: string | null; dir: string }): Promise<ImportResult> {
  const env = await openBench(backend);
  try {
    const t0 = performance.now();
    const demo = await seedDemo(env.deps, { employees: 0 });
    const seedMs = performance.now() - t0;
    const units = await unambiguousUnitNames(env, demo.tenantId);
    if (!csv.path) {
      csv.path = join(csv.dir, 'pegawai.csv');
      const g0 = performance.now();
      const bytes = await generateCsv(csv.path, rows, units);
      console.log(`generated ${fmtInt(rows)} rows over ${units.length} units → ${mib(bytes)} CSV in ${secs(performance.now() - g0)} (${csv.path})`);
    }
    const ctx = await adminContext(env, demo.tenantId);

    // ---- the real import path, timed -------------------------------------------------------------
    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    const sampler = startRssSampler(100);
    const a = performance.now();
    const uploaded = await uploadImport(env.deps, ctx, { filename: 'pegawai.csv', stream: createReadStream(csv.path), truncated: () => false });
    const b = performance.now();
    await startValidation(env.deps, ctx, uploaded.id, { mapping: (uploaded.mapping ?? {}) as Record<string, ImportField>, defaultCategory: null });
    const c = performance.now();
    const validated = await getImport(env.deps, ctx, uploaded.id);
    const unknownUnits = (validated.summary?.unknownUnits as string[] | undefined) ?? [];
    if (validated.status !== 'validated' || validated.validRows !== rows || validated.errorRows !== 0 || unknownUnits.length) {
      throw new Error(
        `[${backend}] validation did not accept every row: status=${validated.status} valid=${validated.validRows} errors=${validated.errorRows} ` +
          `unknownUnits=${unknownUnits.slice(0, 3).join(', ')} failure=${validated.failureMessage ?? ''}`,
      );
    }
    const d = performance.now();
    await startCommit(env.deps, ctx, uploaded.id, { createMissingUnits: false, skipInvalidRows: false, deactivateMissing: false });
    const e = performance.now();
    const { peakRss, samples } = await sampler.stop();
    const committed = await getImport(env.deps, ctx, uploaded.id);
    if (committed.status !== 'committed') throw new Error(`[${backend}] commit failed: status=${committed.status} ${committed.failureMessage ?? ''}`);
    const [count] = await queryRows<{ n: number }>(env.database, 'select count(*)::int as n from employee where tenant_id = $1', [demo.tenantId]);
    if (Number(count?.n) !== rows) throw new Error(`[${backend}] expected ${rows} employees after import, found ${count?.n}`);
    const inserted = (committed.summary as { inserted?: number } | null)?.inserted;
    if (inserted !== rows) throw new Error(`[${backend}] commit summary says inserted=${inserted}, expected ${rows}`);

    // ---- the limit: bare COPY of the same rows (same 7 columns, as text) into a plain table ------
    const parsed: string[][] = [];
    let isHeader = true;
    for await (const { cells } of readRows(csv.path, 'csv')) {
      if (isHeader) isHeader = false;
      else parsed.push(cells.map((x) => x.text));
    }
    const cols = ['nip', 'nama', 'jenis_pegawai', 'unit_kerja', 'gol_ruang', 'jabatan', 'email'];
    await queryRows(env.database, `create table bench_copy_limit (${cols.map((c) => `${c} text`).join(', ')})`);
    const copyRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      await queryRows(env.database, 'truncate bench_copy_limit');
      const s = performance.now();
      await copyRows(env.database, 'bench_copy_limit', cols, parsed);
      copyRuns.push(performance.now() - s);
    }
    parsed.length = 0;
    // Context figure: the same COPY fed by the real streaming CSV reader in 5,000-row batches.
    await queryRows(env.database, 'truncate bench_copy_limit');
    const s = performance.now();
    let batch: string[][] = [];
    isHeader = true;
    for await (const { cells } of readRows(csv.path, 'csv')) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      batch.push(cells.map((x) => x.text));
      if (batch.length >= BATCH) {
        await copyRows(env.database, 'bench_copy_limit', cols, batch);
        batch = [];
      }
    }
    await copyRows(env.database, 'bench_copy_limit', cols, batch);
    const streamCopyMs = performance.now() - s;
    const [copied] = await queryRows<{ n: number }>(env.database, 'select count(*)::int as n from bench_copy_limit');
    if (Number(copied?.n) !== rows) throw new Error(`[${backend}] bare COPY table has ${copied?.n} rows, expected ${rows}`);
    await queryRows(env.database, 'drop table bench_copy_limit');

    // Context figure: the real CSV reader alone, no database (a floor for the validate step).
    let p = performance.now();
    let n = 0;
    for await (const _ of readRows(csv.path, 'csv')) n++;
    const parseOnlyMs = performance.now() - p;
    if (n !== rows + 1) throw new Error(`[${backend}] reader returned ${n} rows`);

    // Context figure: server-side floor of the commit step — the same 100k employees INSERT…SELECTed
    // into an empty table with employee's columns and indexes (LIKE … INCLUDING ALL: no FKs, no ON CONFLICT).
    await queryRows(env.database, 'create table bench_employee_like (like employee including all)');
    p = performance.now();
    await queryRows(env.database, 'insert into bench_employee_like select * from employee where tenant_id = $1', [demo.tenantId]);
    const insertSelectMs = performance.now() - p;
    await queryRows(env.database, 'drop table bench_employee_like');

    return {
      backend, rows, seedMs, uploadMs: b - a, validateMs: c - b, commitMs: e - d, totalMs: b - a + (c - b) + (e - d),
      rssBefore, peakRss, rssSamples: samples, copyRuns, streamCopyMs, parseOnlyMs, insertSelectMs,
    };
  } finally {
    await env.close();
  }
}

function report(r: ImportResult): Summary[] {
  const rate = (ms: number) => (r.rows / ms) * 1000;
  const bestCopy = Math.min(...r.copyRuns);
  const ratio = rate(r.totalMs) / rate(bestCopy);
  header(`import — ${r.backend} — ${fmtInt(r.rows)} rows`);
  console.log(`seed (demo tenant, 0 employees): ${secs(r.seedMs)}`);
  table([
    ['step', 'time', 'rows/s'],
    ['upload (store + hash + headers)', secs(r.uploadMs), '—'],
    ['validate (parse, check, stage by COPY)', secs(r.validateMs), fmtInt(rate(r.validateMs))],
    ['commit (upsert from staging)', secs(r.commitMs), fmtInt(rate(r.commitMs))],
    ['TOTAL import', secs(r.totalMs), fmtInt(rate(r.totalMs))],
    ['LIMIT bare COPY (best of 3, rows pre-parsed)', secs(bestCopy), fmtInt(rate(bestCopy))],
    ['  (runs: ' + r.copyRuns.map((x) => secs(x)).join(', ') + ')', '', ''],
    ['context: real CSV reader alone (no DB)', secs(r.parseOnlyMs), fmtInt(rate(r.parseOnlyMs))],
    ['context: real reader + COPY, 5k batches', secs(r.streamCopyMs), fmtInt(rate(r.streamCopyMs))],
    ['context: INSERT…SELECT into table LIKE employee', secs(r.insertSelectMs), fmtInt(rate(r.insertSelectMs))],
  ]);
  console.log(`import / bare COPY = ${(ratio * 100).toFixed(1)}%`);
  console.log(
    `RSS: ${mib(r.rssBefore)} before import, peak ${mib(r.peakRss)} during import (${signedMib(r.peakRss - r.rssBefore)}; ${r.rssSamples} samples @100 ms, ` +
      `from a worker thread), process high-water mark so far ${mib(maxRssEver())}`,
  );
  const out: Summary[] = [];
  if (r.backend === 'postgres') {
    const met = ratio >= PG_TARGET_RATIO;
    console.log(`target: import ≥ ${PG_TARGET_RATIO * 100}% of bare COPY on PostgreSQL → ${met ? 'MET' : 'NOT MET'} (${(ratio * 100).toFixed(1)}%)`);
    out.push({ bench: 'import', backend: r.backend, metric: 'rows/s', value: fmtInt(rate(r.totalMs)), limit: `${fmtInt(rate(bestCopy))} (COPY)`, ratio: `${(ratio * 100).toFixed(1)}%`, target: '≥ 50% of COPY', met });
  } else {
    const seconds = r.totalMs / 1000;
    // The target is stated for 100,000 rows; other sizes are reported but not judged (fixed costs do not scale).
    const judged = r.rows === 100_000;
    const met = judged ? seconds < PGLITE_TARGET_SECONDS : null;
    console.log(
      `target: 100,000 rows in < ${PGLITE_TARGET_SECONDS} s on PGlite → ` +
        (judged ? `${met ? 'MET' : 'NOT MET'} (${seconds.toFixed(2)} s)` : `not judged: ${fmtInt(r.rows)} rows took ${seconds.toFixed(2)} s (run with BENCH_ROWS=100000)`),
    );
    out.push({ bench: 'import', backend: r.backend, metric: 'rows/s', value: fmtInt(rate(r.totalMs)), limit: `${fmtInt(rate(bestCopy))} (COPY)`, ratio: `${(ratio * 100).toFixed(1)}%`, target: judged ? `100k < ${PGLITE_TARGET_SECONDS} s (${seconds.toFixed(1)} s)` : `n/a at ${fmtInt(r.rows)} rows`, met });
  }
  out.push({ bench: 'import', backend: r.backend, metric: 'peak RSS (growth)', value: `${mib(r.peakRss)} (${signedMib(r.peakRss - r.rssBefore)})`, limit: '—', ratio: '', target: 'streamed', met: null });
  return out;
}

export async function runImportBench(): Promise<Summary[]> {
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`BENCH_ROWS must be a positive integer (got ${process.env.BENCH_ROWS})`);
  const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((s) => s.trim()) as Backend[];
  header(`import benchmark: ${fmtInt(rows)} rows, back ends ${backends.join(', ')}`);
  // PostgreSQL first: PGlite's WASM heap never shrinks once grown, so running it first would inflate
  // the RSS figures of the PostgreSQL run in the same process.
  const dir = mkdtempSync(join(tmpdir(), 'netra-bench-csv-'));
  const csv = { path: null as string | null, dir };
  const summaries: Summary[] = [];
  try {
    for (const backend of backends) summaries.push(...report(await runBackend(backend, rows, csv)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return summaries;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runImportBench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
