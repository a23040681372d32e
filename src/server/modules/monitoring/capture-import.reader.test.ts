import { describe, expect, it } from 'vitest';
import { checkRow, decodeText, ImportFileError, parsePostedAt, readRows, sniffFormat } from './capture-import.reader.js';

const TZ = 'Asia/Jakarta';
const NOW = new Date('2026-11-24T12:00:00Z');

describe('capture import reader', () => {
  it('parses posted_at as ISO or DD/MM/YYYY, in the tenant zone when none is given', () => {
    expect(parsePostedAt('2026-11-20T09:15:00+07:00', TZ)?.toISOString()).toBe('2026-11-20T02:15:00.000Z');
    expect(parsePostedAt('2026-11-20 09:15', TZ)?.toISOString()).toBe('2026-11-20T02:15:00.000Z');
    expect(parsePostedAt('2026-11-20', TZ)?.toISOString()).toBe('2026-11-19T17:00:00.000Z');
    expect(parsePostedAt('20/11/2026 09.15', TZ)?.toISOString()).toBe('2026-11-20T02:15:00.000Z');
    expect(parsePostedAt('2026-11-20T02:15:00Z', 'Asia/Jayapura')?.toISOString()).toBe('2026-11-20T02:15:00.000Z');
    expect(parsePostedAt('2026-11-20 09:15', 'Asia/Makassar')?.toISOString()).toBe('2026-11-20T01:15:00.000Z');
    for (const bad of ['2026-02-30', '31/02/2026', '2026-13-01', 'kemarin', '1700000000', '2026-11-20T25:00']) expect(parsePostedAt(bad, TZ), bad).toBeNull();
  });

  it('tells CSV from JSONL by content and refuses binary or non-UTF-8 files', () => {
    expect(sniffFormat('\n  {"a":1}')).toBe('jsonl');
    expect(sniffFormat('platform,url')).toBe('csv');
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toThrow(ImportFileError);
    expect(() => decodeText(Buffer.from('caf\xe9', 'latin1'))).toThrow(/UTF-8/);
    expect(decodeText(Buffer.from('\ufeffplatform', 'utf8'))).toBe('platform');
  });

  it('reads CSV rows with the line each starts on, semicolons included, and refuses missing columns', () => {
    const { rows } = readRows('platform;url;handle;text;posted_at\nfacebook;https://f.com/1;a;"baris\ndua";2026-01-01\nx;https://x.com/2;b;halo;2026-01-02\n', 'csv');
    expect(rows.map((r) => [r.row, r.fields.text])).toEqual([[2, 'baris\ndua'], [4, 'halo']]);
    expect(() => readRows('platform,url,text\nfacebook,https://f.com,x\n', 'csv')).toThrow(/handle, posted_at/);
    expect(() => readRows('platform,url,handle,text,posted_at\n', 'csv')).toThrow(/tidak berisi baris/);
  });

  it('checks a row and collects every problem in Indonesian', () => {
    const ok = checkRow({ row: 2, fields: { platform: 'IG', url: 'https://instagram.com/p/1', handle: '@@sekar', text: 'Halo', posted_at: '2026-11-20', act_kind: 'Komentar' } }, TZ, NOW);
    expect(ok).toMatchObject({ candidate: { platform: 'instagram', handle: 'sekar', actKind: 'comment', employeeNip: null } });
    const bad = checkRow({ row: 7, fields: { platform: 'myspace', url: 'http://localhost', handle: '', text: 'a\u0000b', posted_at: '2027-01-01', employee_nip: '12ab' } }, TZ, NOW);
    expect('issues' in bad && bad.issues.map((i) => i.column)).toEqual(['platform', 'url', 'handle', 'text', 'posted_at', 'employee_nip']);
  });
});
