/**
 * `npm run backup` / `npm run restore` round trip on the current back end: an installation with a
 * report (two evidence photos: sealed originals + clean copies), a signed pledge (with its PDF) and a
 * case with a PDF letter is backed up with the real CLI; the keys part is moved to a separate place
 * (as the output tells the operator); the backup is restored into an empty install (new DATA_DIR,
 * and a new scratch database on PostgreSQL). Then: the same rows per table and the same SHA-256 for
 * every file; stored paths point into the new DATA_DIR; the audit chain verifies; the real server
 * starts on the restored data without seeding, and serves the sealed evidence original (keys and
 * paths restored) and a valid signature verification. Refusals: restore while a server runs on the
 * target (75), restore into a non-empty target without --force (64), PGlite backup while the server
 * runs (75).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createDeps, openDatabase } from '../../src/server/boot.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { InlineJobQueue } from '../../src/server/jobs/queue.js';
import { verifyAllChains } from '../../src/server/modules/audit/audit.cli.js';
import { databaseTableCounts, hashFile, listFiles } from '../../src/server/ops/backup.js';
import { seedDemoCampaign } from '../../src/server/seed/demo-campaign.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { REPORT_TEST_ENV, reportForm, submitReport } from '../support/report-fixtures.js';
import { createScratchDatabase } from '../support/template.js';
import { Client, freePort, startServer, waitReady, type ServerProcess } from '../../proof/server.js';

const cleanups: (() => Promise<void> | void)[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

const isoDay = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const BASE_ENV = { NODE_ENV: 'development', LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '2', SMTP_URL: '', ...REPORT_TEST_ENV };

/** Runs one of the npm scripts' files as `npm run` does; resolves with its status and output. */
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function noiseJpeg(seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(160 * 120 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 31 + seed * 97 + ((i * i) >>> 5)) & 0xff;
  return sharp(raw, { raw: { width: 160, height: 120, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/** The state to compare: rows per table, SHA-256 per file under files/ and keys/ (relative paths). */
async function fingerprint(database: Database, dataDir: string) {
  const files: Record<string, string> = {};
  for (const part of ['files', 'keys']) for (const rel of await listFiles(join(dataDir, part))) files[`${part}/${rel}`] = (await hashFile(join(dataDir, part, rel))).sha256;
  return { tables: await databaseTableCounts(database), files };
}

async function scenario(source: { dataDir: string; databaseUrl?: string }, target: { dataDir: string; databaseUrl?: string }) {
  const backend = source.databaseUrl ? 'postgres' : 'pglite';
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - mark;
    mark = Date.now();
  };
  // ---- an installation with data, written through the API ----
  const config = loadConfig({ ...BASE_ENV, NODE_ENV: 'test', DATA_DIR: source.dataDir, DATABASE_URL: source.databaseUrl, SEED_DEMO: 'false', JOBS_INLINE: 'true' });
  const { database, release } = await openDatabase(config);
  const log = pino({ level: 'silent' });
  const deps = createDeps(config, database, log, new InlineJobQueue(log));
  const app = await buildApp(deps);
  await app.ready();
  const t: TestApp = { app, deps, dataDir: source.dataDir, logs: [], close: async () => {} };
  const demo = await seedDemo(deps, { employees: 150 });
  await seedDemoCampaign(deps, demo.tenantId);

  const photos = [await noiseJpeg(1), await noiseJpeg(2)];
  const submitted = await submitReport(new TestClient(t), reportForm(), photos.map((content, i) => ({ name: `IMG_${i}.jpg`, content, type: 'image/jpeg' })));
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

  const employee = new TestClient(t);
  await employee.loginEmployee(demo.employeeLogin.idNumber);
  const admin = new TestClient(t);
  await admin.login('admin.bkpsdm');
  const campaign = ((await admin.get('/api/campaigns')).body.items as { id: string; status: string }[]).find((c) => c.status === 'open')!;
  const view = await employee.get(`/api/campaigns/${campaign.id}/signing`);
  expect(view.status).toBe(200);
  const signed = await employee.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: view.body.ikrar.id, paktaTemplateId: view.body.pakta.id, typedName: demo.employeeLogin.name, undertakings: view.body.undertakings.map(() => true) });
  expect(signed.status, JSON.stringify(signed.body)).toBe(201);
  // The signed PDF is rendered on first download (or by the sweep), not at signing.
  expect((await employee.get(`/api/pledges/signatures/${signed.body.id}/pdf`)).status).toBe(200);

  const satgas = new TestClient(t);
  await satgas.login('satgas');
  const created = await satgas.post('/api/cases', { origin: 'temuan_patroli', title: 'Poster calon di Facebook', summary: 'Temuan patroli siber Satgas.', subjects: [], actKind: 'kampanye_media_sosial', actDate: isoDay(-10), discoveredOn: isoDay(-1), place: 'Facebook' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let version = created.body.version as number;
  for (const body of [{ action: 'start_verification' }, { action: 'forward', target: 'bawaslu', mode: 'handover', reason: 'Dugaan pelanggaran pemilihan.' }]) {
    const res = await satgas.post(`/api/cases/${created.body.id}/actions`, { ...body, expectedVersion: version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    version = res.body.version;
  }
  const inbox = await satgas.get('/api/reports?pageSize=10');
  const reportId = (inbox.body.items as { id: string; number: string }[]).find((r) => r.number === submitted.body.number)!.id;
  const files = (await satgas.get(`/api/reports/${reportId}`)).body.files as { fileId: string }[];
  expect(files).toHaveLength(2);

  lap('seed');
  const before = await fingerprint(database, source.dataDir);
  expect(before.tables['public.report']).toBe(1);
  expect(before.tables['public.pledge_signature']).toBe(1);
  expect(before.tables['public.case_document']).toBe(1);
  const storedFiles = Object.keys(before.files).filter((p) => p.startsWith('files/'));
  expect(storedFiles.length).toBeGreaterThanOrEqual(6); // 2 originals + 2 clean copies + pledge PDF + letter
  expect(Object.keys(before.files).some((p) => p.startsWith('keys/'))).toBe(true);
  await app.close();
  deps.mailer.close();
  await database.close();
  release();

  // ---- backup with the CLI; the keys go to a separate place ----
  const backupDir = join(mkdtempSync(join(tmpdir(), 'netra-backup-')), 'cadangan');
  const keysVault = mkdtempSync(join(tmpdir(), 'netra-keys-'));
  cleanups.push(() => rmSync(join(backupDir, '..'), { recursive: true, force: true }), () => rmSync(keysVault, { recursive: true, force: true }));
  const sourceEnv = { ...BASE_ENV, DATA_DIR: source.dataDir, DATABASE_URL: source.databaseUrl ?? '' };
  const backup = await cli('backup', ['--out', backupDir], sourceEnv);
  lap('backup');
  expect(backup.code, backup.output).toBe(0);
  expect(backup.output).toMatch(/Cadangan selesai/);
  expect(backup.output).toMatch(/TERPISAH/); // the keys warning
  expect(backup.output).not.toMatch(/dirujuk basis data tidak ada/);
  const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
  expect(manifest).toMatchObject({ format: 'netra-backup', backend, netraVersion: expect.any(String), createdAt: expect.any(String), migrations: { fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) } });
  expect(manifest.tables).toEqual(before.tables);
  expect(Object.fromEntries(manifest.files.map((f: { path: string; sha256: string }) => [f.path, f.sha256]))).toEqual(Object.fromEntries(storedFiles.map((p) => [p, before.files[p]])));
  renameSync(join(backupDir, 'keys'), join(keysVault, 'keys'));

  // ---- restore into an empty install ----
  const targetEnv = { ...BASE_ENV, DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '' };
  const restored = await cli('restore', ['--from', backupDir, '--keys', keysVault], targetEnv);
  expect(restored.code, restored.output).toBe(0);
  expect(restored.output).toMatch(/cocok dengan manifest/);
  lap('restore');

  const reopened = target.databaseUrl ? openPostgres(target.databaseUrl, 2) : await openPglite(join(target.dataDir, 'pglite'));
  try {
    const after = await fingerprint(reopened, target.dataDir);
    expect(after.tables).toEqual(before.tables);
    expect(after.files).toEqual(before.files);
    const chains = await verifyAllChains(reopened.db);
    expect(chains.ok).toBe(true);
    expect(chains.results[0]!.checked).toBeGreaterThan(10);
    const paths = ((await reopened.db.execute('select storage_path from stored_file' as never)) as unknown as { rows: { storage_path: string }[] }).rows.map((r) => r.storage_path);
    expect(paths.length).toBe(storedFiles.length);
    for (const p of paths) expect(p.startsWith(join(target.dataDir, 'files'))).toBe(true);
  } finally {
    await reopened.close();
  }

  // ---- the server starts on the restored data and can read what needs the keys ----
  const port = await freePort();
  const server = startServer({ ...targetEnv, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: '', JOBS_INLINE: 'false', SEED_DEMO: 'true' });
  servers.push(server);
  await waitReady(server, 180_000);
  lap('compare+start');
  expect(server.output()).not.toContain('Data demo'); // the restored tenant is there: no seeding
  expect(server.output()).not.toMatch(/berkas tanpa catatan/); // the start-up sweep found every file referenced
  const staff = new Client(port);
  await staff.login('satgas');
  const original = await staff.call('GET', `/api/reports/${reportId}/files/${files[0]!.fileId}?variant=original`);
  expect(original.status).toBe(200); // unsealed with the restored key, checked against its SHA-256
  const visitor = new Client(port);
  const verified = await visitor.call('GET', `/api/public/verify/${signed.body.id}`);
  expect(verified.body).toMatchObject({ status: 'valid' });

  // ---- refusals ----
  const busy = await cli('restore', ['--from', backupDir, '--keys', keysVault, '--force'], targetEnv);
  expect(busy.code, busy.output).toBe(75);
  if (backend === 'pglite') {
    const liveBackup = await cli('backup', ['--out', join(backupDir, '..', 'kedua')], targetEnv);
    expect(liveBackup.code, liveBackup.output).toBe(75);
    expect(liveBackup.output).toMatch(/hentikan Netra dulu/);
  }
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
  const notEmpty = await cli('restore', ['--from', backupDir, '--keys', keysVault], targetEnv);
  expect(notEmpty.code, notEmpty.output).toBe(64);
  expect(notEmpty.output).toMatch(/Tujuan tidak kosong/);
  lap('refusals');
  return { timings, tables: Object.keys(before.tables).length, rows: Object.values(before.tables).reduce((a, b) => a + b, 0), files: Object.keys(before.files).length };
}

describe.runIf(TEST_DB === 'pglite')('backup and restore on embedded PGlite', () => {
  it('restores into an empty DATA_DIR with the same rows and file hashes, and the server starts on it', async () => {
    const [source, target] = [mkdtempSync(join(tmpdir(), 'netra-src-')), mkdtempSync(join(tmpdir(), 'netra-dst-'))];
    cleanups.push(() => rmSync(source, { recursive: true, force: true }), () => rmSync(target, { recursive: true, force: true }));
    console.log(`pglite backup round trip: ${JSON.stringify(await scenario({ dataDir: source }, { dataDir: target }))}`);
  }, 600_000);
});

describe.runIf(TEST_DB === 'postgres')('backup and restore on PostgreSQL', () => {
  it('restores into an empty database and DATA_DIR with the same rows and file hashes, and the server starts on it', async () => {
    const [source, target] = [mkdtempSync(join(tmpdir(), 'netra-src-')), mkdtempSync(join(tmpdir(), 'netra-dst-'))];
    cleanups.push(() => rmSync(source, { recursive: true, force: true }), () => rmSync(target, { recursive: true, force: true }));
    const [a, b] = [await createScratchDatabase('netra_backup_src'), await createScratchDatabase('netra_backup_dst')];
    cleanups.push(a.drop, b.drop);
    console.log(`postgres backup round trip: ${JSON.stringify(await scenario({ dataDir: source, databaseUrl: a.url }, { dataDir: target, databaseUrl: b.url }))}`);
  }, 600_000);
});
