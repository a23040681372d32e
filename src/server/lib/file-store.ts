/**
 * Files on disk under DATA_DIR/files/<tenant>/<purpose>/<id>. The bytes are written and fsynced
 * before the database row that points at them commits, so an acknowledged upload is never a row
 * without its file (a crash in between leaves at most an unreferenced file).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface WrittenFile {
  id: string;
  sha256: string;
  size: number;
  storagePath: string;
}

/** Directories this process has made (or found) already: `mkdir -p` once per directory, not per file. */
const madeDirs = new Set<string>();

async function openNew(dir: string, storagePath: string) {
  if (!madeDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    return await open(storagePath, 'wx', 0o640);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The directory went away after it was cached (a data dir removed and made again): make it again.
    await mkdir(dir, { recursive: true });
    return open(storagePath, 'wx', 0o640);
  }
}

export interface WriteOptions {
  /** File times (atime and mtime) to set before the fsync, e.g. the day only instead of the instant. */
  times?: Date;
}

/**
 * Writes `bytes` (one buffer, or parts written in order without joining them) to a new file and
 * fsyncs it; `sha256` and `size` are those of the whole file.
 */
export async function writeStoredFile(dataDir: string, tenantId: string, purpose: string, bytes: Buffer | readonly Buffer[], options: WriteOptions = {}): Promise<WrittenFile> {
  const id = randomUUID();
  const dir = join(dataDir, 'files', tenantId, purpose);
  const storagePath = join(dir, id);
  const parts = Buffer.isBuffer(bytes) ? [bytes] : bytes;
  const handle = await openNew(dir, storagePath);
  try {
    // One vectored write; a short write (rare on a regular file) continues where it stopped.
    let done = (await handle.writev(parts)).bytesWritten;
    for (const part of parts) {
      const skip = Math.min(done, part.length);
      done -= skip;
      for (let offset = skip; offset < part.length; ) offset += (await handle.write(part, offset, part.length - offset)).bytesWritten;
    }
    if (options.times) await handle.utimes(options.times, options.times);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const hash = createHash('sha256');
  let size = 0;
  for (const part of parts) {
    hash.update(part);
    size += part.length;
  }
  return { id, sha256: hash.digest('hex'), size, storagePath };
}

export function readStoredFile(storagePath: string): Promise<Buffer> {
  return readFile(storagePath);
}

/**
 * At start-up (before the server listens, so no write is in flight): removes the files no row points
 * at, under DATA_DIR/files/<tenant>/<purpose>/ (stored_file: evidence originals and clean copies,
 * PDFs, photos) and under DATA_DIR/files/imports/<tenant>/ (employee-master and capture-import
 * uploads, and the `.upload` temporaries of an upload cut short). They are left by a crash between
 * writing a file and committing its row; nothing can reach them, but a clean evidence copy is still a
 * reporter's photo and an import upload a list of people, so they must not linger.
 * `isReferenced` answers for any of these paths (files.repository.ts: every storage_path column).
 */
export async function sweepOrphanFiles(dataDir: string, isReferenced: (paths: string[]) => Promise<Set<string>>): Promise<number> {
  const root = join(dataDir, 'files');
  let removed = 0;
  const sweepDir = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    for (let i = 0; i < names.length; i += 500) {
      const paths = names.slice(i, i + 500).map((n) => join(dir, n));
      const known = await isReferenced(paths);
      for (const path of paths) {
        if (known.has(path)) continue;
        await rm(path, { force: true });
        removed++;
      }
    }
  };
  for (const tenantDir of await readdir(root).catch(() => [] as string[])) {
    // files/imports/<tenant>/<file> has one level less than files/<tenant>/<purpose>/<file>.
    for (const sub of await readdir(join(root, tenantDir)).catch(() => [] as string[])) await sweepDir(join(root, tenantDir, sub));
  }
  return removed;
}
