import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOrphanFiles, writeStoredFile } from '../../src/server/lib/file-store.js';
import { findReferencedPaths } from '../../src/server/modules/files/files.repository.js';
import { insertStoredFile } from '../../src/server/modules/pledges/pledges.repository.js';
import { startTestApp, seedTenant, TEST_DB, type TestApp } from '../support/harness.js';

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
    const importDir = join(t.dataDir, 'files', 'imports', tenantId);
    mkdirSync(importDir, { recursive: true });
    writeFileSync(join(importDir, 'upload.csv'), 'NIP;Nama\n');
    const removed = await sweepOrphanFiles(t.dataDir, (paths) => findReferencedPaths(t.deps.db, paths));
    expect(removed).toBe(1);
    expect(existsSync(orphan.storagePath)).toBe(false);
    expect(existsSync(kept.storagePath)).toBe(true);
    expect(existsSync(join(importDir, 'upload.csv'))).toBe(true);
  });
});
