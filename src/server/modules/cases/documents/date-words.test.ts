import { describe, expect, it } from 'vitest';
import { dayNameId, spellDateId, spellNumberId, todayInWordsId } from './date-words.js';

describe('date words', () => {
  it('spells numbers the Indonesian way (se- for one ten, hundred, thousand)', () => {
    expect(spellNumberId(0)).toBe('nol');
    expect(spellNumberId(11)).toBe('sebelas');
    expect(spellNumberId(17)).toBe('tujuh belas');
    expect(spellNumberId(10)).toBe('sepuluh');
    expect(spellNumberId(31)).toBe('tiga puluh satu');
    expect(spellNumberId(100)).toBe('seratus');
    expect(spellNumberId(115)).toBe('seratus lima belas');
    expect(spellNumberId(1000)).toBe('seribu');
    expect(spellNumberId(1945)).toBe('seribu sembilan ratus empat puluh lima');
    expect(spellNumberId(2026)).toBe('dua ribu dua puluh enam');
    expect(spellNumberId(1_000_000)).toBe('satu juta');
    expect(() => spellNumberId(-1)).toThrow(RangeError);
  });

  it('writes the berita acara opening for a date', () => {
    expect(dayNameId('2026-11-24')).toBe('Selasa');
    expect(spellDateId('2026-01-01')).toBe('satu bulan Januari tahun dua ribu dua puluh enam');
    expect(todayInWordsId('2026-11-24')).toBe('Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam (24-11-2026)');
  });
});
