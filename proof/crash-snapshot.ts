/**
 * Reads the stored state after a crash into a plain Snapshot for crash-checks.ts: the rows the
 * checks need, every referenced file hashed from disk, and the audit chains verified with the same
 * code as `npm run audit:verify`. Read-only. On PGlite the data dir is copied first and the copy is
 * opened, so the restarted server still meets the data dir exactly as the crash left it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../src/server/db/client.js';
import { verifyAllChains } from '../src/server/modules/audit/audit.cli.js';
import { listFiles } from '../src/server/ops/backup.js';
import type { DiskFile, Snapshot } from './crash-checks.js';

async function rows<T>(database: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (database.kind === 'pglite') return (await database.lite.query<T>(text, params)).rows;
  return (await database.pool.query(text, params)).rows as T[];
}

async function hashFile(path: string): Promise<DiskFile | null> {
  try {
    const bytes = await readFile(path);
    return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Files under DATA_DIR/files/<tenant>/<purpose>/ (import uploads, under files/imports/, are counted apart). */
async function filesUnder(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'files');
  const out: string[] = [];
  for (const tenant of await readdir(root).catch(() => [] as string[])) {
    if (tenant === 'imports') continue;
    for (const purpose of await readdir(join(root, tenant)).catch(() => [] as string[])) {
      for (const name of await readdir(join(root, tenant, purpose)).catch(() => [] as string[])) out.push(join(root, tenant, purpose, name));
    }
  }
  return out;
}

export async function readSnapshot(database: Database, dataDir: string, idNumbers: string[]): Promise<Snapshot> {
  const signatures = await rows<Snapshot['signatures'][number]>(
    database,
    `select s.tenant_id as "tenantId", s.id, s.campaign_id as "campaignId", s.employee_id as "employeeId", e.id_number as "idNumber", s.method,
            s.revoked_at is not null as revoked, s.pdf_file_id as "pdfFileId", s.pdf_sha256 as "pdfSha256"
       from pledge_signature s join employee e on e.tenant_id = s.tenant_id and e.id = s.employee_id`,
  );
  const reports = await rows<Snapshot['reports'][number]>(database, `select tenant_id as "tenantId", id, number from report`);
  const reportFiles = await rows<Snapshot['reportFiles'][number]>(database, `select tenant_id as "tenantId", report_id as "reportId", file_id as "fileId", view_file_id as "viewFileId", sha256, mime_type as "mimeType" from report_file`);
  const storedFiles = (await rows<Snapshot['storedFiles'][number]>(database, `select tenant_id as "tenantId", id, purpose, sha256, size, storage_path as "storagePath" from stored_file`)).map((f) => ({ ...f, size: Number(f.size) }));
  const cases = await rows<Snapshot['cases'][number]>(database, `select tenant_id as "tenantId", id, number, version, state from case_file`);
  const caseEvents = await rows<Snapshot['caseEvents'][number]>(database, `select tenant_id as "tenantId", case_id as "caseId", seq, kind from case_event`);
  const caseDocuments = await rows<Snapshot['caseDocuments'][number]>(database, `select tenant_id as "tenantId", case_id as "caseId", id, event_seq as "eventSeq", file_id as "fileId", sha256 from case_document`);
  const imports = await rows<Snapshot['imports'][number]>(database, `select tenant_id as "tenantId", id, status, file_sha256 as "fileSha256", file_size as "fileSize", storage_path as "storagePath" from import_batch`);
  const hasBoss = (await rows<{ n: number }>(database, `select count(*)::int as n from information_schema.tables where table_schema = 'pgboss' and table_name = 'job'`))[0]!.n > 0;
  const pendingImportJobs = hasBoss
    ? await rows<Snapshot['pendingImportJobs'][number]>(database, `select data->>'importId' as "importId", name, state::text as state from pgboss.job where name in ('import.validate', 'import.commit') and state::text in ('created', 'retry', 'active')`)
    : [];
  const orphanedJobs = hasBoss ? (await rows<{ name: string; n: number }>(database, `select name, count(*)::int as n from pgboss.job where state::text = 'active' group by name order by name`)) : [];
  const employeesByIdNumber: Record<string, number> = {};
  if (idNumbers.length) {
    for (const r of await rows<{ idNumber: string; n: number }>(database, `select id_number as "idNumber", count(*)::int as n from employee where id_number = any($1::text[]) group by id_number`, [idNumbers])) employeesByIdNumber[r.idNumber] = r.n;
  }
  // Verifying seals the entries a killed server left unsealed, so every entry below has its place.
  const chain = await verifyAllChains(database.db);
  const audit = (
    await rows<{ tenantId: string; seq: number | string; action: string; entityId: string | null; after: Record<string, unknown> | null }>(
      database,
      `select tenant_id as "tenantId", seq, action, entity_id as "entityId", after from audit_event
        where action in ('pledge.sign', 'pledge.pdf.render', 'report.submit', 'report.enter', 'employee.import.upload', 'employee.import.commit')
           or (action like 'case.%' and action not in ('case.read', 'case.document.open', 'case.evidence.open', 'case.bundle', 'case.export'))`,
    )
  ).map((a) => ({ ...a, seq: Number(a.seq) }));

  const paths = [...new Set([...storedFiles.map((f) => f.storagePath), ...imports.map((i) => i.storagePath)])];
  const disk: Record<string, DiskFile | null> = {};
  for (let i = 0; i < paths.length; i += 32) {
    const chunk = paths.slice(i, i + 32);
    const hashed = await Promise.all(chunk.map(hashFile));
    chunk.forEach((p, j) => (disk[p] = hashed[j]!));
  }
  const referenced = new Set(storedFiles.map((f) => f.storagePath));
  const unreferencedFiles = (await filesUnder(dataDir)).filter((p) => !referenced.has(p)).length;
  // Import uploads (employee master, monitoring captures): swept at start too, counted apart.
  const captureImports = await rows<{ p: string }>(database, `select storage_path as p from capture_import`).catch(() => [] as { p: string }[]);
  const importPaths = new Set([...imports.map((i) => i.storagePath), ...captureImports.map((c) => c.p)]);
  const importRoot = join(dataDir, 'files', 'imports');
  const unreferencedImportFiles = (await listFiles(importRoot)).filter((rel) => !importPaths.has(join(importRoot, rel))).length;

  return {
    signatures,
    reports,
    reportFiles,
    storedFiles,
    cases,
    caseEvents,
    caseDocuments,
    imports,
    pendingImportJobs,
    orphanedJobs,
    employeesByIdNumber,
    audit,
    chain: { ok: chain.ok, results: chain.results.map((r) => ({ slug: r.slug, ok: r.ok, checked: r.checked, brokenAt: r.brokenAt ?? null })) },
    disk,
    unreferencedFiles,
    unreferencedImportFiles,
  };
}

/**
 * Opens the crashed state read-only: PostgreSQL directly; PGlite through a private copy of
 * DATA_DIR/pglite (the original stays untouched for the restart), then reads the snapshot.
 */
export async function snapshotAfterCrash(target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; dataDir: string; url: string }, idNumbers: string[]): Promise<Snapshot> {
  if (target.kind === 'postgres') {
    const database = openPostgres(target.url, 2);
    try {
      return await readSnapshot(database, target.dataDir, idNumbers);
    } finally {
      await database.close();
    }
  }
  const copy = mkdtempSync(join(tmpdir(), 'netra-proof-snap-'));
  try {
    cpSync(join(target.dataDir, 'pglite'), copy, { recursive: true });
    const database = await openPglite(copy);
    try {
      return await readSnapshot(database, target.dataDir, idNumbers);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
