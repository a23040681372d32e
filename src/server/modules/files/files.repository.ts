import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storedFile } from '../../db/schema/index.js';

/** Which of these paths a stored_file row points at. */
export async function findReferencedPaths(db: DbOrTx, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const rows = await db.select({ path: storedFile.storagePath }).from(storedFile).where(inArray(storedFile.storagePath, paths));
  return new Set(rows.map((r) => r.path));
}
