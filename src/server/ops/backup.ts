/**
 * Backup and restore of a whole installation: the database, the file store (DATA_DIR/files) and, as
 * a separate part, the keys (DATA_DIR/keys). Used by `npm run backup` / `npm run restore`.
 *
 * Layout of a backup directory (files/ and keys/ mirror DATA_DIR, so a path is the same in both):
 *   manifest.json            what is in it: table row counts, SHA-256 of every file, Netra version,
 *                            migration fingerprint, created at; written last (its presence = complete)
 *   database/netra.dump      PostgreSQL: pg_dump custom format, taken in the snapshot the counts were read in
 *   database/pglite.tar.gz   PGlite: dumpDataDir() of DATA_DIR/pglite, taken under the data-dir lock
 *   files/<tenant>/<purpose>/<id>, files/imports/…   the file store, mtimes kept
 *   keys/…                   signing, sealing and HMAC keys: move them to a different place and custodian
 *
 * PostgreSQL can be backed up while Netra runs (a repeatable-read snapshot; files are copied after it,
 * and a row is only committed after its file is on disk, so every row in the dump has its file).
 * PGlite cannot: the data-dir lock refuses while a server runs there. Restore refuses a non-empty
 * target unless forced, then verifies what it restored against the manifest. stored_file and the
 * other `storage_path` columns hold absolute paths: restoring into another DATA_DIR rewrites their
 * prefix (otherwise the start-up sweep would take every file for a crash leftover and delete it).
 * SQL lives here (the ops module) and in the repositories only.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config.js';
import { MIGRATIONS_FOLDER, openPglite, openPostgres, type Database } from '../db/client.js';
import { lockDataDir } from '../db/lock.js';
import { verifyAllChains } from '../modules/audit/audit.cli.js';

export const MANIFEST = 'manifest.json';
/** The schemas Netra writes: its tables, Drizzle's migration journal, pg-boss's queue. */
export const APP_SCHEMAS = ['public', 'drizzle', 'pgboss'] as const;

export interface FileEntry {
  /** Relative to the backup root and to DATA_DIR alike, with forward slashes: files/… or keys/… */
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: 'netra-backup';
  formatVersion: 1;
  netraVersion: string;
  createdAt: string;
  backend: 'pglite' | 'postgres';
  source: {
    /** Absolute DATA_DIR of the source: the prefix of the stored paths in the database. */
    dataDir: string;
    /** host:port/database of a PostgreSQL source (no credentials). */
    database: string | null;
  };
  migrations: { fingerprint: string; files: number; applied: number };
  database: FileEntry & { tool: string };
  /** Rows per "schema.table" in the schemas public, drizzle and pgboss, read in the dumped snapshot. */
  tables: Record<string, number>;
  files: FileEntry[];
  keys: FileEntry[];
}

export interface OpsLog {
  info(line: string): void;
  warn(line: string): void;
}

/** A refusal or failure with the exit status the CLI should use (64 usage, 75 busy, 1 otherwise). */
export class OpsError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

const queryOf = (database: Database): Query => async <T>(text: string, params: unknown[] = []) =>
  database.kind === 'pglite' ? (await database.lite.query<T>(text, params)).rows : ((await database.pool.query(text, params)).rows as T[]);

const queryOfClient = (client: pg.PoolClient | pg.Client): Query => async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];

// ---- small pieces ----------------------------------------------------------------------------------

export function netraVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Changes whenever a migration file changes (same recipe as the test templates). */
export function migrationsFingerprint(): { fingerprint: string; files: number } {
  const hash = createHash('sha256');
  const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort();
  for (const f of files) hash.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  return { fingerprint: hash.digest('hex').slice(0, 12), files: files.length };
}

export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Every regular file under `root`, as paths relative to it (forward slashes), sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies a file (new file only), hashing it on the way, keeping its times, fsynced. */
async function copyFileHashed(src: string, dst: string, mode?: number): Promise<{ size: number; sha256: string }> {
  await mkdir(dirname(dst), { recursive: true, mode: mode ? 0o700 : undefined });
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    createReadStream(src),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(dst, { flags: 'wx', mode: mode ?? 0o640 }),
  );
  await fsyncFile(dst);
  const s = await stat(src);
  await utimes(dst, s.atime, s.mtime); // evidence files are dated to the day on purpose; keep it
  return { size, sha256: hash.digest('hex') };
}

async function writeFileDurably(path: string, data: Buffer | string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, data, { flag: 'w', mode: 0o640 });
  await fsyncFile(partial);
  await rename(partial, path);
}

/** Runs a command, returning stdout; rejects with its stderr. Never through a shell. */
function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new OpsError(`${command} tidak ditemukan. Pasang klien PostgreSQL (Debian: apt install postgresql-client) dengan versi yang sama atau lebih baru dari servernya.`) : error),
    );
    child.on('close', (code) => (code === 0 ? resolvePromise(out) : reject(new OpsError(`${command} gagal (status ${code}):\n${err.trim()}`))));
  });
}

/** A libpq connection URI without its password, plus the password for PGPASSWORD (so it is not in `ps`). */
function splitCredentials(url: string): { uri: string; env: Record<string, string | undefined>; label: string } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { uri: u.toString(), env: password ? { PGPASSWORD: password } : {}, label: `${u.hostname}:${u.port || '5432'}${u.pathname}` };
}

/** Rows per table of the app schemas. */
export async function tableCounts(q: Query): Promise<Record<string, number>> {
  const tables = await q<{ s: string; n: string }>(
    `select table_schema as s, table_name as n from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema = any($1::text[]) order by 1, 2`,
    [[...APP_SCHEMAS]],
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await q<{ n: number | string }>(`select count(*) as n from "${t.s.replace(/"/g, '""')}"."${t.n.replace(/"/g, '""')}"`);
    counts[`${t.s}.${t.n}`] = Number(row!.n);
  }
  return counts;
}

/** Rows per table of the app schemas of an open database. */
export const databaseTableCounts = (database: Database) => tableCounts(queryOf(database));

async function appliedMigrations(q: Query): Promise<number> {
  const [exists] = await q<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`);
  if (!exists!.n) return 0;
  const [row] = await q<{ n: number }>(`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row!.n;
}

// ---- backup ----------------------------------------------------------------------------------------

async function copyTree(dataDir: string, part: 'files' | 'keys', outDir: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const rel of await listFiles(join(dataDir, part))) {
    const path = `${part}/${rel}`;
    const hashed = await copyFileHashed(join(dataDir, path), join(outDir, path), part === 'keys' ? 0o600 : undefined);
    entries.push({ path, ...hashed });
  }
  return entries;
}

export interface BackupResult {
  manifest: BackupManifest;
  outDir: string;
  /** stored_file rows in the dump whose file is not in the backup (with its recorded hash). */
  missing: string[];
}

/** Writes a complete backup of the configured installation into `outDir` (new or empty). */
export async function createBackup(config: Config, outDirArg: string, log: OpsLog): Promise<BackupResult> {
  const outDir = resolve(outDirArg);
  if (!(await isEmptyDir(outDir))) throw new OpsError(`Direktori tujuan ${outDir} tidak kosong. Pilih direktori baru untuk setiap cadangan.`, 64);
  await mkdir(join(outDir, 'database'), { recursive: true, mode: 0o750 });
  const migrations = migrationsFingerprint();
  const createdAt = new Date().toISOString();
  let database: BackupManifest['database'];
  let tables: Record<string, number>;
  let applied: number;
  let files: FileEntry[];
  let referenced: { path: string; sha256: string }[];
  let sourceDb: string | null = null;

  if (config.DATABASE_URL) {
    // Counts and dump from one snapshot: export it from a repeatable-read transaction held open
    // while pg_dump runs with --snapshot.
    const { uri, env, label } = splitCredentials(config.DATABASE_URL);
    sourceDb = label;
    const client = new pg.Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const [{ snapshot }] = (await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')).rows as [{ snapshot: string }];
      const q = queryOfClient(client);
      tables = await tableCounts(q);
      applied = await appliedMigrations(q);
      referenced = await referencedFiles(q);
      const file = join(outDir, 'database', 'netra.dump');
      const version = (await run('pg_dump', ['--version'])).trim();
      log.info(`Membuat dump PostgreSQL (${label}) dengan ${version} …`);
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${uri}`], env);
      await client.query('commit');
      await fsyncFile(file);
      database = { path: 'database/netra.dump', ...(await hashFile(file)), tool: version };
    } finally {
      await client.end();
    }
    files = await copyTree(config.DATA_DIR, 'files', outDir);
  } else {
    const pgliteDir = join(config.DATA_DIR, 'pglite');
    if (await isEmptyDir(pgliteDir)) throw new OpsError(`Tidak ada basis data PGlite di ${pgliteDir}. Periksa DATA_DIR.`, 64);
    const release = lockDataDir(config.DATA_DIR); // refuses while a server runs on this DATA_DIR
    try {
      const opened = await openPglite(pgliteDir);
      try {
        const q = queryOf(opened);
        tables = await tableCounts(q);
        applied = await appliedMigrations(q);
        referenced = await referencedFiles(q);
        log.info(`Membuat salinan PGlite dari ${pgliteDir} …`);
        const dump = await (opened as Extract<Database, { kind: 'pglite' }>).lite.dumpDataDir('gzip');
        const file = join(outDir, 'database', 'pglite.tar.gz');
        await writeFileDurably(file, Buffer.from(await dump.arrayBuffer()));
        database = { path: 'database/pglite.tar.gz', ...(await hashFile(file)), tool: 'PGlite dumpDataDir (gzip)' };
      } finally {
        await opened.close();
      }
      files = await copyTree(config.DATA_DIR, 'files', outDir);
    } finally {
      release();
    }
  }
  const keys = await copyTree(config.DATA_DIR, 'keys', outDir);
  const manifest: BackupManifest = {
    format: 'netra-backup',
    formatVersion: 1,
    netraVersion: netraVersion(),
    createdAt,
    backend: config.DATABASE_URL ? 'postgres' : 'pglite',
    source: { dataDir: config.DATA_DIR, database: sourceDb },
    migrations: { ...migrations, applied },
    database,
    tables,
    files,
    keys,
  };
  await writeFileDurably(join(outDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  // Every file the dumped rows point at must be in the backup (it would be missing only if it was
  // deleted after the snapshot, e.g. by retention, or lost before the backup).
  const copied = new Map(files.map((f) => [f.path, f.sha256]));
  const missing = referenced.filter((r) => copied.get(relative(config.DATA_DIR, r.path).split(sep).join('/')) !== r.sha256).map((r) => r.path);
  return { manifest, outDir, missing };
}

/** stored_file rows as (absolute path, SHA-256). */
async function referencedFiles(q: Query): Promise<{ path: string; sha256: string }[]> {
  return q<{ path: string; sha256: string }>(`select storage_path as path, sha256 from stored_file`);
}

// ---- restore ---------------------------------------------------------------------------------------

export function readManifest(fromDir: string): BackupManifest {
  const file = join(fromDir, MANIFEST);
  if (!existsSync(file)) throw new OpsError(`${file} tidak ada: ini bukan direktori cadangan Netra, atau pencadangannya tidak selesai.`, 64);
  const m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (m.format !== 'netra-backup' || m.formatVersion !== 1) throw new OpsError(`Format cadangan tidak dikenal (${m.format} v${m.formatVersion}).`, 64);
  return m;
}

/** Checks that the backup's own files still have their recorded hashes (before anything is touched). */
async function verifyBackupFiles(fromDir: string, m: BackupManifest, keysDir: string | null): Promise<string[]> {
  const problems: string[] = [];
  const check = async (root: string, e: FileEntry) => {
    const path = join(root, e.path);
    if (!existsSync(path)) return problems.push(`${e.path}: tidak ada di cadangan`);
    const h = await hashFile(path);
    if (h.sha256 !== e.sha256 || h.size !== e.size) problems.push(`${e.path}: isi berbeda dari manifest`);
  };
  await check(fromDir, m.database);
  for (const e of m.files) await check(fromDir, e);
  if (keysDir) for (const e of m.keys) await check(keysDir, e);
  return problems;
}

export interface RestoreOptions {
  force: boolean;
  /** Where the keys/ part is (default: inside the backup). Null skips the keys. */
  keysDir?: string | null;
}

export interface RestoreResult {
  ok: boolean;
  problems: string[];
  tables: number;
  rows: number;
  files: number;
  keys: number;
  pathsRewritten: number;
  chain: { slug: string; ok: boolean; checked: number }[];
}

/** What is already in the target; empty list means empty. */
async function targetContents(config: Config, q: Query | null, restoreKeys: FileEntry[], keysRoot: string | null): Promise<string[]> {
  const found: string[] = [];
  if (q) {
    const [row] = await q<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\\_%'`,
    );
    if (row!.n > 0) found.push(`basis data berisi ${row!.n} tabel`);
  } else if (!(await isEmptyDir(join(config.DATA_DIR, 'pglite')))) found.push(`${join(config.DATA_DIR, 'pglite')} berisi basis data PGlite`);
  const files = await listFiles(join(config.DATA_DIR, 'files'));
  if (files.length) found.push(`${join(config.DATA_DIR, 'files')} berisi ${files.length} berkas`);
  if (keysRoot) {
    // Existing keys identical to the ones being restored are no conflict.
    const differing = [];
    for (const rel of await listFiles(join(config.DATA_DIR, 'keys'))) {
      const entry = restoreKeys.find((k) => k.path === `keys/${rel}`);
      if (!entry || (await hashFile(join(config.DATA_DIR, 'keys', rel))).sha256 !== entry.sha256) differing.push(rel);
    }
    if (differing.length) found.push(`${join(config.DATA_DIR, 'keys')} berisi kunci lain (${differing.join(', ')})`);
  }
  return found;
}

/** Rewrites the DATA_DIR prefix of every `storage_path` column (absolute paths into the file store). */
async function rewriteStoragePaths(q: Query, from: string, to: string): Promise<number> {
  if (from === to) return 0;
  const columns = await q<{ t: string }>(`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'storage_path' order by 1`);
  let changed = 0;
  for (const { t } of columns) {
    const rows = await q<{ n: number }>(
      `with changed as (update public."${t.replace(/"/g, '""')}" set storage_path = $2 || substr(storage_path, length($1) + 1)
                         where starts_with(storage_path, $1) returning 1)
       select count(*)::int as n from changed`,
      [`${from}${sep}`, `${to}${sep}`],
    );
    changed += rows[0]!.n;
  }
  return changed;
}

/** After the restore: the target against the manifest, references to files, and the audit chains. */
async function verifyRestored(database: Database, config: Config, m: BackupManifest, keysRestored: boolean): Promise<Omit<RestoreResult, 'pathsRewritten' | 'ok'>> {
  const q = queryOf(database);
  const problems: string[] = [];
  const counts = await tableCounts(q);
  for (const [table, n] of Object.entries(m.tables)) if (counts[table] !== n) problems.push(`tabel ${table}: ${counts[table] ?? 'tidak ada'} baris, manifest ${n}`);
  for (const table of Object.keys(counts)) if (!(table in m.tables)) problems.push(`tabel ${table} tidak ada di manifest`);
  const check = async (e: FileEntry) => {
    const path = join(config.DATA_DIR, e.path);
    if (!existsSync(path)) return problems.push(`${e.path}: tidak terpulihkan`);
    const h = await hashFile(path);
    if (h.sha256 !== e.sha256 || h.size !== e.size) problems.push(`${e.path}: SHA-256 berbeda dari manifest`);
  };
  for (const e of m.files) await check(e);
  if (keysRestored) for (const e of m.keys) await check(e);
  // Every stored file the database knows of must be there, with its recorded hash.
  const stored = await q<{ id: string; sha256: string; storage_path: string }>(`select id, sha256, storage_path from stored_file`);
  for (const s of stored) {
    if (!existsSync(s.storage_path)) problems.push(`stored_file ${s.id}: berkas ${s.storage_path} tidak ada`);
    else if ((await hashFile(s.storage_path)).sha256 !== s.sha256) problems.push(`stored_file ${s.id}: SHA-256 berkas berbeda dari catatannya`);
  }
  const chains = await verifyAllChains(database.db);
  for (const r of chains.results) if (!r.ok) problems.push(`rantai audit ${r.slug} putus di entri #${r.brokenAt?.seq}: ${r.brokenAt?.reason}`);
  return {
    problems,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    files: m.files.length,
    keys: keysRestored ? m.keys.length : 0,
    chain: chains.results.map((r) => ({ slug: r.slug, ok: r.ok, checked: r.checked })),
  };
}

async function copyPart(root: string, entries: FileEntry[], dataDir: string, mode?: number): Promise<void> {
  for (const e of entries) {
    const dst = join(dataDir, e.path);
    await rm(dst, { force: true });
    await copyFileHashed(join(root, e.path), dst, mode);
  }
}

/** Restores a backup into the configured installation (DATA_DIR, and DATABASE_URL for PostgreSQL). */
export async function restoreBackup(config: Config, fromDirArg: string, opts: RestoreOptions, log: OpsLog): Promise<RestoreResult> {
  const fromDir = resolve(fromDirArg);
  const m = readManifest(fromDir);
  const target = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (m.backend !== target) {
    throw new OpsError(
      `Cadangan ini dari ${m.backend === 'pglite' ? 'PGlite' : 'PostgreSQL'}; tujuan saat ini ${target === 'pglite' ? 'PGlite (DATABASE_URL kosong)' : 'PostgreSQL (DATABASE_URL)'}. Pulihkan ke jenis basis data yang sama.`,
      64,
    );
  }
  const code = migrationsFingerprint();
  if (m.migrations.applied > code.files) log.warn(`Cadangan memuat ${m.migrations.applied} migrasi, kode ini hanya mengenal ${code.files}: pulihkan dengan versi Netra ${m.netraVersion} atau lebih baru.`);
  const keysRoot = opts.keysDir === null ? null : resolve(opts.keysDir ?? fromDir);
  const keysAvailable = keysRoot !== null && m.keys.length > 0 && m.keys.every((k) => existsSync(join(keysRoot, k.path)));
  if (m.keys.length > 0 && !keysAvailable) log.warn(`Kunci tidak ditemukan di ${keysRoot ?? '(dilewati)'}: pulihkan DATA_DIR/keys dari penyimpanan kunci terpisah, atau atur REPORT_SEALING_KEY, PLEDGE_SIGNING_KEY dan REPORT_HMAC_KEY. Tanpa kunci, identitas rahasia dan berkas bukti asli tidak dapat dibaca.`);

  log.info(`Memeriksa isi cadangan (${m.files.length} berkas, ${Object.keys(m.tables).length} tabel) …`);
  const damaged = await verifyBackupFiles(fromDir, m, keysAvailable ? keysRoot : null);
  if (damaged.length) throw new OpsError(`Cadangan rusak, tidak ada yang diubah:\n  ${damaged.slice(0, 20).join('\n  ')}`);

  let release: () => void = () => {};
  let database: Database | null = null;
  try {
    if (target === 'postgres') {
      database = openPostgres(config.DATABASE_URL!, 2);
      const q = queryOf(database);
      const [others] = await q<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      if (others!.n > 0) throw new OpsError(`Basis data tujuan sedang dipakai (${others!.n} koneksi lain). Hentikan server Netra dulu.`, 75);
      const found = await targetContents(config, q, m.keys, keysAvailable ? keysRoot : null);
      if (found.length && !opts.force) throw new OpsError(`Tujuan tidak kosong: ${found.join('; ')}. Tambahkan --force untuk menimpanya (isi lama dihapus).`, 64);
      if (found.length) {
        log.warn(`--force: menghapus isi lama (${found.join('; ')}).`);
        for (const schema of APP_SCHEMAS) await q(`drop schema if exists "${schema}" cascade`);
        await q('create schema public');
      }
      await database.close();
      database = null;
      const { uri, env } = splitCredentials(config.DATABASE_URL!);
      log.info('Memulihkan basis data PostgreSQL dengan pg_restore …');
      await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${uri}`, join(fromDir, m.database.path)], env);
    } else {
      release = lockDataDir(config.DATA_DIR); // refuses while a server runs on this DATA_DIR
      const found = await targetContents(config, null, m.keys, keysAvailable ? keysRoot : null);
      if (found.length && !opts.force) throw new OpsError(`Tujuan tidak kosong: ${found.join('; ')}. Tambahkan --force untuk menimpanya (isi lama dihapus).`, 64);
      if (found.length) {
        log.warn(`--force: menghapus isi lama (${found.join('; ')}).`);
        await rm(join(config.DATA_DIR, 'pglite'), { recursive: true, force: true });
      }
      const pgliteDir = join(config.DATA_DIR, 'pglite');
      await mkdir(pgliteDir, { recursive: true });
      log.info(`Memulihkan basis data PGlite ke ${pgliteDir} …`);
      const lite = await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([await readFile(join(fromDir, m.database.path))]) });
      await lite.close();
    }

    if (opts.force) await rm(join(config.DATA_DIR, 'files'), { recursive: true, force: true });
    log.info(`Memulihkan ${m.files.length} berkas ke ${join(config.DATA_DIR, 'files')} …`);
    await copyPart(fromDir, m.files, config.DATA_DIR);
    if (keysAvailable) {
      await mkdir(join(config.DATA_DIR, 'keys'), { recursive: true, mode: 0o700 });
      await chmod(join(config.DATA_DIR, 'keys'), 0o700);
      await copyPart(keysRoot!, m.keys, config.DATA_DIR, 0o600);
    }

    database = target === 'postgres' ? openPostgres(config.DATABASE_URL!, 2) : await openPglite(join(config.DATA_DIR, 'pglite'));
    const pathsRewritten = await rewriteStoragePaths(queryOf(database), m.source.dataDir, config.DATA_DIR);
    if (pathsRewritten) log.info(`${pathsRewritten} lokasi berkas di basis data diubah dari ${m.source.dataDir} ke ${config.DATA_DIR}.`);
    log.info('Memverifikasi hasil pemulihan terhadap manifest …');
    const verified = await verifyRestored(database, config, m, keysAvailable);
    return { ok: verified.problems.length === 0, pathsRewritten, ...verified };
  } finally {
    await database?.close();
    release();
  }
}
