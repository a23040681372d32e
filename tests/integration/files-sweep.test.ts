import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOrphanFiles, writeStoredFile } from '../../src/server/lib/file-store.js';
import { findReferencedPaths } from '../../src/server/modules/files/files.repository.js';
import { insertStoredFile } from '../../src/server/modules/pledges/pledges.repository.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { postForm, sqlRows } from '../support/report-fixtures.js';

describe(`start-up sweep of files left by a crash on ${TEST_DB}`, () => {
  let t: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 5)).tenantId;
  });
  afterAll(() => t.close());

  it('removes files no row points at and keeps the rest, import uploads included', async () => {
    const kept = await writeStoredFile(t.dataDir, tenantId, 'report_evidence', Buffer.from('bukti yang tercatat'));
    await insertStoredFile(t.deps.db, { tenantId, id: kept.id, purpose: 'report_evidence', fileName: 'a.jpg', mimeType: 'image/jpeg', size: kept.size, sha256: kept.sha256, storagePath: kept.storagePath });
    const orphan = await writeStoredFile(t.dataDir, tenantId, 'report_evidence', Buffer.from('foto pelapor tanpa catatan'));
    const orphanClean = await writeStoredFile(t.dataDir, tenantId, 'report_view', Buffer.from('salinan bersih tanpa catatan'));
    // Import uploads: one with its import_batch row (kept), one whose row never committed and the
    // temporary of an upload cut short (both removed: a list of people nobody can reach).
    const importDir = join(t.dataDir, 'files', 'imports', tenantId);
    mkdirSync(importDir, { recursive: true });
    const admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    const upload = await postForm(admin, '/api/imports', {}, [{ name: 'pegawai.csv', content: Buffer.from('NIP;Nama;Unit Kerja;Jenis\n198501012010011001;Ani;Dinas Pendidikan;PNS\n'), type: 'text/csv' }]);
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const [imported] = await sqlRows<{ storage_path: string }>(t, `select storage_path from import_batch where id = '${upload.body.id}'`);
    writeFileSync(join(importDir, 'upload.csv'), 'NIP;Nama\n');
    writeFileSync(join(importDir, `${randomUUID()}.upload`), 'NIP;Nama\n198501');
    writeFileSync(join(importDir, `capture-${randomUUID()}.upload`), '{"url":"https://x"}\n');
    const removed = await sweepOrphanFiles(t.dataDir, (paths) => findReferencedPaths(t.deps.db, paths));
    expect(removed).toBe(5);
    expect(existsSync(orphan.storagePath)).toBe(false);
    expect(existsSync(orphanClean.storagePath)).toBe(false);
    expect(existsSync(kept.storagePath)).toBe(true);
    expect(existsSync(imported!.storage_path)).toBe(true);
    expect(readdirSync(importDir)).toEqual([basename(imported!.storage_path)]);
    // A second sweep finds nothing more.
    expect(await sweepOrphanFiles(t.dataDir, (paths) => findReferencedPaths(t.deps.db, paths))).toBe(0);
  });
});
