/**
 * Files on disk under DATA_DIR/files/<tenant>/<purpose>/<id>. The bytes are written and fsynced
 * before the database row that points at them commits, so an acknowledged upload is never a row
 * without its file (a crash in between leaves at most an unreferenced file).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface WrittenFile {
  id: string;
  sha256: string;
  size: number;
  storagePath: string;
}

export async function writeStoredFile(dataDir: string, tenantId: string, purpose: string, bytes: Buffer): Promise<WrittenFile> {
  const id = randomUUID();
  const dir = join(dataDir, 'files', tenantId, purpose);
  await mkdir(dir, { recursive: true });
  const storagePath = join(dir, id);
  const handle = await open(storagePath, 'wx', 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { id, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, storagePath };
}

export function readStoredFile(storagePath: string): Promise<Buffer> {
  return readFile(storagePath);
}
