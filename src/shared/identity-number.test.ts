import { describe, expect, it } from 'vitest';
import { checkIdentityNumber, checkInternalNumber, checkNik, checkNiPppk, checkNip, normalizeIdentityNumber, spreadsheetNumberReason } from './identity-number.js';

const now = new Date(Date.UTC(2026, 0, 1));
const reasonOf = (r: { ok: boolean; reason?: string }) => (r.ok ? null : r.reason);

describe('normalizeIdentityNumber', () => {
  it.each([
    ['197005122000031002', '197005122000031002'],
    ['  197005122000031002  ', '197005122000031002'],
    ["'197005122000031002", '197005122000031002'],
    ["' 197005122000031002", '197005122000031002'],
    ['19700512 200003 1 002', '197005122000031002'],
    ['19700512.200003.1.002', '197005122000031002'],
    ['19700512-200003-1-002', '197005122000031002'],
    ['\uFEFF3301011205700001', '3301011205700001'],
  ])('%j → %s', (raw, clean) => expect(normalizeIdentityNumber(raw)).toBe(clean));

  it('keeps numbers damaged by a spreadsheet as they are, for a clear error', () => {
    expect(normalizeIdentityNumber('1.97005E+17')).toBe('1.97005E+17');
    expect(normalizeIdentityNumber('1,97005E+17')).toBe('1,97005E+17');
    expect(normalizeIdentityNumber('197005122000031000.0')).toBe('197005122000031000.0');
  });
});

describe('spreadsheetNumberReason', () => {
  it('names scientific notation and numbers with decimals', () => {
    expect(spreadsheetNumberReason('1.97005E+17', 'NIP')).toMatch(/^NIP berubah menjadi notasi ilmiah oleh Excel \(1\.97005E\+17\)/);
    expect(spreadsheetNumberReason('3.30101E15', 'NIK')).toMatch(/^NIK berubah menjadi notasi ilmiah/);
    expect(spreadsheetNumberReason('197005122000031000,00', 'NIP')).toMatch(/^NIP tersimpan sebagai angka/);
    expect(spreadsheetNumberReason('197005122000031002', 'NIP')).toBeNull();
  });
});

describe('checkNip', () => {
  it('accepts a valid NIP and reads birth date and sex from it', () => {
    expect(checkNip('197005122000031002', now)).toEqual({ ok: true, value: '197005122000031002', birthDate: '1970-05-12', sex: 'L' });
    expect(checkNip('198002292005012001', now)).toEqual({ ok: true, value: '198002292005012001', birthDate: '1980-02-29', sex: 'P' });
  });

  it.each([
    ['1.97005E+17', /notasi ilmiah/],
    ['19700512200003100A', /^NIP hanya boleh berisi angka\.$/],
    ['19700512200003100', /^NIP harus 18 digit \(tertulis 17 digit\)\.$/],
    ['1970051220000310021', /^NIP harus 18 digit \(tertulis 19 digit\)\.$/],
    ['197002302000031002', /^Tanggal lahir pada NIP \(19700230\) bukan tanggal yang mungkin\.$/],
    ['197013012000031002', /bukan tanggal yang mungkin/],
    ['197000012000031002', /bukan tanggal yang mungkin/],
    ['190002292000031002', /bukan tanggal yang mungkin/], // 1900 is not a leap year
    ['192905122000031002', /^Tahun lahir pada NIP \(1929\) tidak masuk akal\.$/],
    ['201505122030031002', /^Tahun lahir pada NIP \(2015\) tidak masuk akal\.$/],
    ['197005122000001002', /^Bulan TMT CPNS pada NIP \(00\) tidak valid\.$/],
    ['197005122000131002', /^Bulan TMT CPNS pada NIP \(13\) tidak valid\.$/],
    ['197005121980031002', /^Tahun TMT CPNS pada NIP \(1980\) tidak masuk akal untuk tahun lahir 1970\.$/],
    ['197005122028031002', /^Tahun TMT CPNS pada NIP \(2028\)/],
    ['197005122000033002', /^Digit jenis kelamin pada NIP harus 1 atau 2 \(tertulis 3\)\.$/],
    ['197005122000030002', /tertulis 0/],
    ['197005122000031000', /^Nomor urut NIP tidak boleh 000\.$/],
  ])('refuses %s', (value, reason) => expect(reasonOf(checkNip(value, now))).toMatch(reason));

  it('accepts the boundaries of the plausibility rules', () => {
    expect(checkNip('193001012000031001', now).ok).toBe(true); // oldest birth year
    expect(checkNip('201101012026011001', now).ok).toBe(true); // youngest birth year (now − 15), TMT birth + 15
    expect(checkNip('197005121985031001', now).ok).toBe(true); // TMT exactly birth year + 15
    expect(checkNip('200001012027011001', now).ok).toBe(true); // TMT = now + 1
  });
});

describe('checkNiPppk', () => {
  it('accepts a valid NI PPPK with the "21" contract code in place of a month', () => {
    expect(checkNiPppk('198801012022211003', now)).toEqual({ ok: true, value: '198801012022211003', birthDate: '1988-01-01', sex: 'L' });
    expect(checkNiPppk('199107152023212008', now)).toMatchObject({ ok: true, sex: 'P' });
  });

  it.each([
    ['1.98801E+17', /^NI PPPK berubah menjadi notasi ilmiah/],
    ['19880101202221100', /^NI PPPK harus 18 digit \(tertulis 17 digit\)\.$/],
    ['1988O1012022211003', /^NI PPPK hanya boleh berisi angka\.$/],
    ['198802302022211003', /^Tanggal lahir pada NI PPPK \(19880230\) bukan tanggal yang mungkin\.$/],
    ['198801012004211003', /^Tahun pengangkatan pada NI PPPK \(2004\) tidak masuk akal\.$/],
    ['198801012028211003', /^Tahun pengangkatan pada NI PPPK \(2028\)/],
    ['198801012022213003', /^Digit jenis kelamin pada NI PPPK harus 1 atau 2 \(tertulis 3\)\.$/],
    ['198801012022211000', /^Nomor urut NI PPPK tidak boleh 000\.$/],
  ])('refuses %s', (value, reason) => expect(reasonOf(checkNiPppk(value, now))).toMatch(reason));
});

describe('checkNik', () => {
  it('accepts a valid NIK and reads sex from the day (+40 for women)', () => {
    expect(checkNik('3301011205700001')).toEqual({ ok: true, value: '3301011205700001', sex: 'L' });
    expect(checkNik('3301015205700001')).toEqual({ ok: true, value: '3301015205700001', sex: 'P' });
    expect(checkNik('3301012902000001')).toMatchObject({ ok: true, sex: 'L' }); // 29 Feb is allowed (the century is unknown)
    expect(checkNik('3301017101000001')).toMatchObject({ ok: true, sex: 'P' }); // 71 = 31 + 40
  });

  it.each([
    ['3.30101E+15', /^NIK berubah menjadi notasi ilmiah/],
    ['330101120570000', /^NIK harus 16 digit \(tertulis 15 digit\)\.$/],
    ['33010112057000012', /^NIK harus 16 digit \(tertulis 17 digit\)\.$/],
    ['33010112O5700001', /^NIK hanya boleh berisi angka\.$/],
    ['3301013205700001', /^Tanggal lahir pada NIK \(320570\) tidak valid\.$/], // day 32
    ['3301010005700001', /tidak valid/], // day 00
    ['3301014005700001', /tidak valid/], // day 40 (women start at 41)
    ['3301011213700001', /tidak valid/], // month 13
    ['3301013102700001', /tidak valid/], // 31 February
    ['3301011205700000', /^Nomor urut NIK tidak boleh 0000\.$/],
  ])('refuses %s', (value, reason) => expect(reasonOf(checkNik(value))).toMatch(reason));
});

describe('checkIdentityNumber', () => {
  it('dispatches by type and refuses an empty number', () => {
    expect(checkIdentityNumber('nip', '', now)).toEqual({ ok: false, reason: 'Nomor identitas (NIP/NI PPPK/NIK) kosong.' });
    expect(checkIdentityNumber('nip', '197005122000031002', now).ok).toBe(true);
    expect(checkIdentityNumber('ni_pppk', '198801012022211003', now).ok).toBe(true);
    expect(checkIdentityNumber('nip', '198801012022211003', now).ok).toBe(false); // a NI PPPK is not a NIP (month 21)
    expect(checkIdentityNumber('nik', '3301011205700001', now).ok).toBe(true);
    expect(checkIdentityNumber('internal', 'thl-2024/001', now)).toEqual({ ok: true, value: 'THL-2024/001' });
  });

  it('internal numbers are 3–30 safe characters', () => {
    expect(checkInternalNumber('AB').ok).toBe(false);
    expect(checkInternalNumber('A'.repeat(31)).ok).toBe(false);
    expect(checkInternalNumber('THL 01').ok).toBe(false);
    expect(checkInternalNumber('OS_2024-7').ok).toBe(true);
  });
});
