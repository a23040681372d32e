import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'netra.mjs');
const watchlist = join(root, 'datasets', 'partisan-dev', 'watchlist.example.json');
const run = (args: string[], input: string | Buffer) => spawnSync(process.execPath, [bin, ...args], { input, cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('netra screen (end to end)', { timeout: 60_000 }, () => {
  it('screens a JSONL file and reports bad lines without stopping', () => {
    const input = [
      JSON.stringify({ id: 'p1', text: 'Ayo coblos paslon 02! #SukamajuMaju02 ✌️', posted_at: '2029-09-01T10:00:00+07:00' }),
      'ini bukan json',
      JSON.stringify({ id: 'p2', text: '' }),
      '',
      JSON.stringify({ id: 3, text: 'pilih menu nomor 2 aja' }),
      JSON.stringify({ id: 'p4', text: 'a\u0000\u0001\u0002' }),
      JSON.stringify({ text: 'tanpa id' }),
      JSON.stringify({ id: 'p6', text: 'x'.repeat(30_000) }),
    ].join('\n');
    const res = run(['screen', '--watchlist', watchlist], input);
    expect(res.status).toBe(0);
    const out = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ id: 'p1', pair: 2, item: { code: 'KE-4' } });
    expect(out[0].score).toBeGreaterThan(80);
    expect(out[1]).toEqual({ line: 2, error: { code: 'LINE_NOT_JSON', message: 'Baris bukan JSON yang valid' } });
    expect(out[2]).toMatchObject({ id: 'p2', line: 3, error: { code: 'TEXT_EMPTY' } });
    expect(out[3]).toMatchObject({ id: '3' });
    expect(out[3].score).toBeLessThan(35);
    expect(out[4]).toMatchObject({ id: 'p4', line: 6, error: { code: 'TEXT_BINARY' } });
    expect(out[5]).toMatchObject({ line: 7, error: { code: 'POST_INVALID' } });
    expect(out[6]).toMatchObject({ id: 'p6', truncated: true });
  });

  it('refuses an over-long line without reading it into memory, then goes on', () => {
    const input = Buffer.concat([Buffer.from('{"id":"big","text":"'), Buffer.alloc(5 * 1024 * 1024, 97), Buffer.from('"}\n{"id":"ok","text":"halo"}\n')]);
    const res = run(['screen', '--watchlist', watchlist], input);
    expect(res.status).toBe(0);
    const out = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toMatchObject({ line: 1, error: { code: 'LINE_TOO_LONG' } });
    expect(out[1]).toMatchObject({ id: 'ok' });
  });

  it('exits non-zero with an Indonesian message when the watchlist is missing or invalid', () => {
    const missing = run(['screen', '--watchlist', join(root, 'tidak-ada.json')], '');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/tidak dapat dibaca/);
    const none = run(['screen'], '');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--watchlist wajib/);
    const invalid = run(['screen', '--watchlist', join(root, 'package.json')], '');
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/Format watchlist tidak valid/);
  });
});
