import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { captureImport, importBatch, storedFile } from '../../db/schema/index.js';

/**
 * Which of these paths a row points at: a stored_file (evidence, clean copies, PDFs, photos), an
 * employee-master import (import_batch) or a monitoring capture import (capture_import).
 */
export async function findReferencedPaths(db: DbOrTx, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const found = [
    ...(await db.select({ path: storedFile.storagePath }).from(storedFile).where(inArray(storedFile.storagePath, paths))),
    ...(await db.select({ path: importBatch.storagePath }).from(importBatch).where(inArray(importBatch.storagePath, paths))),
    ...(await db.select({ path: captureImport.storagePath }).from(captureImport).where(inArray(captureImport.storagePath, paths))),
  ];
  return new Set(found.map((r) => r.path));
}
