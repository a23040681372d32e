/**
 * Identity numbers of employees: NIP (PNS), NI PPPK and NIK, validated as far as each format allows.
 * Pure functions shared by the import, the forms and the tests. Messages are in Indonesian because they
 * go straight to the import preview.
 */
import type { IdType, Sex } from './enums.js';

export type IdCheck =
  | { ok: true; value: string; birthDate?: string; sex?: Sex }
  | { ok: false; reason: string };

const SCIENTIFIC = /^[0-9](?:[.,][0-9]+)?e\+?[0-9]+$/i;

/**
 * Cleans what spreadsheets and people do to identity numbers: BOM, spaces inside the number
 * ("19700512 199503 1 002"), a leading apostrophe that forces Excel's text mode, dots and dashes.
 * It never repairs a number that Excel already rounded: that is detected by `checkIdentityNumber`.
 */
export function normalizeIdentityNumber(raw: string): string {
  let value = raw.replace(/^\uFEFF/, '').trim();
  if (value.startsWith("'")) value = value.slice(1).trim();
  if (SCIENTIFIC.test(value) || /^[0-9]+[.,]0+$/.test(value)) return value; // keep for a clear error
  return value.replace(/[\s.\-]/g, '');
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reason when a value was converted to a number by a spreadsheet, else null. */
export function spreadsheetNumberReason(value: string, label: string): string | null {
  if (SCIENTIFIC.test(value)) {
    return `${label} berubah menjadi notasi ilmiah oleh Excel (${value}); digit terakhir sudah hilang. Format kolom sebagai Teks lalu ekspor ulang.`;
  }
  if (/^[0-9]+[.,]0+$/.test(value)) {
    return `${label} tersimpan sebagai angka (${value}). Format kolom sebagai Teks lalu ekspor ulang.`;
  }
  return null;
}

function checkBirthDate(digits: string, label: string, now: Date): { iso: string } | { reason: string } {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  if (!isValidDate(y, m, d)) return { reason: `Tanggal lahir pada ${label} (${digits.slice(0, 8)}) bukan tanggal yang mungkin.` };
  if (y < 1930 || y > now.getUTCFullYear() - 15) return { reason: `Tahun lahir pada ${label} (${y}) tidak masuk akal.` };
  return { iso: `${y}-${pad(m)}-${pad(d)}` };
}

/** NIP PNS: YYYYMMDD (lahir) YYYYMM (TMT CPNS) G (1/2) NNN (≠ 000). Perka BKN 22/2007. */
export function checkNip(value: string, now = new Date()): IdCheck {
  const number = spreadsheetNumberReason(value, 'NIP');
  if (number) return { ok: false, reason: number };
  if (!/^[0-9]+$/.test(value)) return { ok: false, reason: 'NIP hanya boleh berisi angka.' };
  if (value.length !== 18) return { ok: false, reason: `NIP harus 18 digit (tertulis ${value.length} digit).` };
  const birth = checkBirthDate(value, 'NIP', now);
  if ('reason' in birth) return { ok: false, reason: birth.reason };
  const tmtYear = Number(value.slice(8, 12));
  const tmtMonth = Number(value.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12) return { ok: false, reason: `Bulan TMT CPNS pada NIP (${value.slice(12, 14)}) tidak valid.` };
  const birthYear = Number(value.slice(0, 4));
  if (tmtYear < birthYear + 15 || tmtYear > now.getUTCFullYear() + 1) {
    return { ok: false, reason: `Tahun TMT CPNS pada NIP (${tmtYear}) tidak masuk akal untuk tahun lahir ${birthYear}.` };
  }
  const sexDigit = value[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, reason: `Digit jenis kelamin pada NIP harus 1 atau 2 (tertulis ${sexDigit}).` };
  if (value.slice(15) === '000') return { ok: false, reason: 'Nomor urut NIP tidak boleh 000.' };
  return { ok: true, value, birthDate: birth.iso, sex: sexDigit === '1' ? 'L' : 'P' };
}

/**
 * NI PPPK: 18 digits with birth date, appointment year, a contract code (often "21", not a month),
 * sex digit and serial. Only the parts whose meaning is certain are checked.
 */
export function checkNiPppk(value: string, now = new Date()): IdCheck {
  const number = spreadsheetNumberReason(value, 'NI PPPK');
  if (number) return { ok: false, reason: number };
  if (!/^[0-9]+$/.test(value)) return { ok: false, reason: 'NI PPPK hanya boleh berisi angka.' };
  if (value.length !== 18) return { ok: false, reason: `NI PPPK harus 18 digit (tertulis ${value.length} digit).` };
  const birth = checkBirthDate(value, 'NI PPPK', now);
  if ('reason' in birth) return { ok: false, reason: birth.reason };
  const year = Number(value.slice(8, 12));
  if (year < 2005 || year > now.getUTCFullYear() + 1) return { ok: false, reason: `Tahun pengangkatan pada NI PPPK (${year}) tidak masuk akal.` };
  const sexDigit = value[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, reason: `Digit jenis kelamin pada NI PPPK harus 1 atau 2 (tertulis ${sexDigit}).` };
  if (value.slice(15) === '000') return { ok: false, reason: 'Nomor urut NI PPPK tidak boleh 000.' };
  return { ok: true, value, birthDate: birth.iso, sex: sexDigit === '1' ? 'L' : 'P' };
}

/** NIK (16 digits): wilayah code, DDMMYY (day + 40 for women), serial ≠ 0000. */
export function checkNik(value: string): IdCheck {
  const number = spreadsheetNumberReason(value, 'NIK');
  if (number) return { ok: false, reason: number };
  if (!/^[0-9]+$/.test(value)) return { ok: false, reason: 'NIK hanya boleh berisi angka.' };
  if (value.length !== 16) return { ok: false, reason: `NIK harus 16 digit (tertulis ${value.length} digit).` };
  let day = Number(value.slice(6, 8));
  const sex: Sex = day > 40 ? 'P' : 'L';
  if (day > 40) day -= 40;
  const month = Number(value.slice(8, 10));
  if (!isValidDate(2000, month, day)) return { ok: false, reason: `Tanggal lahir pada NIK (${value.slice(6, 12)}) tidak valid.` };
  if (value.slice(12) === '0000') return { ok: false, reason: 'Nomor urut NIK tidak boleh 0000.' };
  return { ok: true, value, sex };
}

/** Internal numbers for non-ASN staff without a NIK. */
export function checkInternalNumber(value: string): IdCheck {
  if (!/^[A-Za-z0-9/_-]{3,30}$/.test(value)) {
    return { ok: false, reason: 'Nomor internal harus 3–30 karakter huruf, angka, "/", "-" atau "_".' };
  }
  return { ok: true, value: value.toUpperCase() };
}

/** Validates a normalised identity number of the given type. */
export function checkIdentityNumber(type: IdType, value: string, now = new Date()): IdCheck {
  if (value === '') return { ok: false, reason: 'Nomor identitas (NIP/NI PPPK/NIK) kosong.' };
  switch (type) {
    case 'nip':
      return checkNip(value, now);
    case 'ni_pppk':
      return checkNiPppk(value, now);
    case 'nik':
      return checkNik(value);
    case 'internal':
      return checkInternalNumber(value);
  }
}

/**
 * Mismatches between recorded data and what the identity number encodes. Domain §4.1: never infer
 * data silently from a NIP; report the difference and let a person decide.
 */
export function identityMismatches(encoded: { birthDate?: string; sex?: Sex }, recorded: { birthDate?: string | null; sex?: Sex | null }): string[] {
  const out: string[] = [];
  if (recorded.sex && encoded.sex && recorded.sex !== encoded.sex) out.push(`Jenis kelamin ${recorded.sex} tidak cocok dengan nomor identitas (menunjukkan ${encoded.sex}).`);
  if (recorded.birthDate && encoded.birthDate && recorded.birthDate !== encoded.birthDate) out.push(`Tanggal lahir ${recorded.birthDate} tidak cocok dengan nomor identitas (${encoded.birthDate}).`);
  return out;
}
