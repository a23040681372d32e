import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, normalise, normalisedString, repairLetterRuns } from './normalise.js';

describe('normalise', () => {
  it('splits hashtags at case and digit boundaries', () => {
    expect(normalisedString('#SukamajuMaju02')).toBe('sukamaju maju 02');
    expect(normalise('#SukamajuMaju02').hashtags[0]?.compact).toBe('sukamajumaju02');
  });

  it('repairs letter runs but keeps real double letters', () => {
    expect(normalisedString('dukunggg')).toBe('dukung');
    expect(normalisedString('MANTAPPP bangettt')).toBe('mantap banget');
    expect(repairLetterRuns('maaaaf')).toBe('maaf');
    expect(normalisedString('saat maaf')).toBe('saat maaf');
  });

  it('repairs leetspeak without destroying numbers', () => {
    expect(normalisedString('c0bl0s p1l1h 4nj1ng')).toBe('coblos pilih anjing');
    expect(normalisedString('maju02 nomor 2 tahun 2029 covid19')).toBe('maju 02 nomor 2 tahun 2029 covid 19');
    expect(normalisedString('b@ngs@t')).toBe('bangsat');
  });

  it('expands slang and keeps negations', () => {
    expect(normalisedString('yg gk dukung dg bgt')).toBe('yang tidak dukung dengan banget');
    expect(normalisedString('jgn pilih, nggak usah')).toBe('jangan pilih tidak usah');
  });

  it('applies NFKC, lower case, drops zero-width characters and diacritics', () => {
    expect(normalisedString('𝐂𝐨𝐛𝐥𝐨𝐬 ＮＯ 2')).toBe('coblos nomor 2');
    expect(normalisedString('c\u200Boblos Ćöblös')).toBe('coblos coblos');
  });

  it('masks URLs and keeps handles as tokens', () => {
    const n = normalise('lihat https://x.com/a?b=1 dan bit.ly/abc cc @budi_sari01.');
    expect(n.tokens.map((t) => t.text)).toEqual(['lihat', '⟨url⟩', 'dan', '⟨url⟩', 'cc', '@budi_sari01']);
    expect(n.tokens[5]!.kind).toBe('handle');
  });

  it('keeps emoji, without variation selectors and skin tones', () => {
    expect(normalisedString('✌️ ✌🏽 ☝️ 👌')).toBe('✌ ✌ ☝ 👌');
  });

  it('maps every token to offsets in the original text', () => {
    const text = 'Ayo 𝐂𝐨𝐛𝐥𝐨𝐬 #SukamajuMaju02 ✌️ c0bl0s';
    const n = normalise(text);
    expect(n.tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ayo', '𝐂𝐨𝐛𝐥𝐨𝐬', 'Sukamaju', 'Maju', '02', '✌', 'c0bl0s']);
  });

  it('is deterministic and safe on empty, huge and binary input', () => {
    expect(normalise('').tokens).toEqual([]);
    const huge = 'kata '.repeat(10_000);
    const n = normalise(huge);
    expect(n.truncated).toBe(true);
    expect(n.source.length).toBe(MAX_TEXT_CHARS);
    const junk = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    expect(() => normalise(junk)).not.toThrow();
    expect(normalisedString('Yg gk #BudiSari01')).toBe(normalisedString('Yg gk #BudiSari01'));
  });
});
