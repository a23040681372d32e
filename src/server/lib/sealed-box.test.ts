import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealedBox, loadSealedBox } from './sealed-box.js';

describe('sealed box', () => {
  it('round-trips strings and bytes, with a fresh data key per value', () => {
    const box = createSealedBox(randomBytes(32));
    const a = box.seal('Siti Rahmawati', 'reporter:t:r1');
    expect(a).not.toContain('Siti');
    expect(box.seal('Siti Rahmawati', 'reporter:t:r1')).not.toBe(a);
    expect(box.open(a, 'reporter:t:r1')).toBe('Siti Rahmawati');
    const bytes = randomBytes(1000);
    expect(box.openBytes(box.sealBytes(bytes, 'evidence:x'), 'evidence:x').equals(bytes)).toBe(true);
  });

  it('refuses a value moved to another row, a tampered value and another key', () => {
    const box = createSealedBox(randomBytes(32));
    const sealed = box.seal('rahasia', 'reporter:t:r1');
    expect(() => box.open(sealed, 'reporter:t:r2')).toThrow();
    const env = JSON.parse(sealed);
    env.ct = Buffer.from('x' + Buffer.from(env.ct, 'base64').toString('latin1').slice(1), 'latin1').toString('base64');
    expect(() => box.open(JSON.stringify(env), 'reporter:t:r1')).toThrow();
    expect(() => createSealedBox(randomBytes(32)).open(sealed, 'reporter:t:r1')).toThrow(/unknown key/);
  });

  it('keeps the generated key in DATA_DIR/keys, so sealed values survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netra-keys-'));
    try {
      const sealed = loadSealedBox({ DATA_DIR: dir, REPORT_SEALING_KEY: undefined }).seal('tetap', 'c');
      expect(loadSealedBox({ DATA_DIR: dir, REPORT_SEALING_KEY: undefined }).open(sealed, 'c')).toBe('tetap');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
