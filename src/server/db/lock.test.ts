import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

describe('lockDataDir', () => {
  it('writes our pid and removes the lock on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'netra.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'netra.lock'))).toBe(false);
  });

  it('refuses while another live process holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const other = spawn('sleep', ['5']);
    writeFileSync(join(dir, 'netra.lock'), String(other.pid));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a killed process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const dead = spawn('true');
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(join(dir, 'netra.lock'), String(dead.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'netra.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
