/**
 * PGlite has no lock of its own and two processes on one data dir corrupt it silently (measured in
 * the stack probe). This pidfile lock refuses a second process and takes over a lock whose owner died.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `Direktori data ${dir} sedang dipakai oleh proses Netra lain (PID ${pid}). ` +
        `Hentikan proses itu dulu, atau jalankan dengan DATA_DIR lain. ` +
        `(PGlite rusak tanpa peringatan bila dibuka dua proses sekaligus.)`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data-dir lock; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'netra.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      unlinkSync(file); // stale: its owner was killed (kill -9) or it is our own leftover
    }
  }
  throw new Error(`Tidak dapat mengunci direktori data ${dir}.`);
}
