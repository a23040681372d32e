import { describe, expect, it } from 'vitest';
import {
  jabatanClassOf,
  normalizeCategory,
  normalizeDate,
  normalizeEmail,
  normalizeGolongan,
  normalizePhone,
  normalizeSex,
  suggestMapping,
  validateRow,
  type Cell,
} from './import-normalize.js';

describe('suggestMapping', () => {
  it('recognises SIMPEG/SIASN/BKPSDM header spellings regardless of case, spaces and punctuation', () => {
    expect(
      suggestMapping(['\uFEFFNIP', 'Nama Lengkap', 'Jenis Pegawai', 'Unit Kerja', 'Gol/Ruang', 'Jabatan', 'Email', 'No HP', 'Unit Kerja Induk', 'Jenis Kelamin', 'Tgl. Lahir', 'NIP Atasan', 'Eselon']),
    ).toEqual({
      '\uFEFFNIP': 'idNumber',
      'Nama Lengkap': 'name',
      'Jenis Pegawai': 'category',
      'Unit Kerja': 'unit',
      'Gol/Ruang': 'golongan',
      Jabatan: 'jabatanName',
      Email: 'email',
      'No HP': 'phone',
      'Unit Kerja Induk': 'parentUnit',
      'Jenis Kelamin': 'sex',
      'Tgl. Lahir': 'birthDate',
      'NIP Atasan': 'supervisorIdNumber',
      Eselon: 'jabatanClass',
    });
    expect(suggestMapping(['NIP BARU', 'nama_pegawai', 'STATUS KEPEGAWAIAN', 'SATKER', 'PANGKAT/GOLONGAN', 'E-mail', 'No. WA'])).toEqual({
      'NIP BARU': 'idNumber',
      nama_pegawai: 'name',
      'STATUS KEPEGAWAIAN': 'category',
      SATKER: 'unit',
      'PANGKAT/GOLONGAN': 'golongan',
      'E-mail': 'email',
      'No. WA': 'phone',
    });
  });

  it('maps each field once (the first matching column wins) and leaves unknown headers out', () => {
    expect(suggestMapping(['NIP', 'NIK', 'Nama', 'Nama Pegawai', 'Keterangan', 'Nomor Pegawai'])).toEqual({ NIP: 'idNumber', Nama: 'name' });
    expect(suggestMapping([])).toEqual({});
  });
});

describe('normalizeCategory', () => {
  it.each([
    ['PNS', 'pns'], ['Pegawai Negeri Sipil', 'pns'], ['cpns', 'cpns'], ['P3K', 'pppk'], ['PPPK Paruh Waktu', 'pppk_paruh_waktu'], ['Non ASN', 'ppnpn'],
    ['Tenaga Harian Lepas', 'thl'], ['Alih Daya', 'outsourcing'], ['TKK', 'honorer'],
  ])('%s → %s', (text, expected) => expect(normalizeCategory(text)).toBe(expected));
  it('returns null for unknown categories', () => expect(normalizeCategory('Pegawai Tetap')).toBeNull());
});

describe('normalizeGolongan', () => {
  it.each([
    ['III/a', 'III/a'], ['iii/a', 'III/a'], ['iii a', 'III/a'], ['3a', 'III/a'], ['3/A', 'III/a'], ['IV-b', 'IV/b'], ['IV.e', 'IV/e'],
    ['Penata Muda (III/a)', 'III/a'], ['Pembina Utama Muda, IV/c', 'IV/c'], ['  II/d ', 'II/d'], ['I/a', 'I/a'],
  ])('PNS %s → %s', (text, value) => expect(normalizeGolongan(text, 'pns')).toEqual({ ok: true, value, scheme: 'pns' }));

  it('applies the PNS scheme to CPNS', () => expect(normalizeGolongan('iii/b', 'cpns')).toEqual({ ok: true, value: 'III/b', scheme: 'pns' }));

  it.each(['IV/f', 'V/a', '5a', 'III', 'golongan tiga', 'II/e'])('refuses PNS golongan %s in Indonesian', (text) => {
    const result = normalizeGolongan(text, 'pns');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`Golongan PNS "${text}" tidak dikenal (contoh: III/a).`);
  });

  it.each([['IX', 'IX'], ['ix', 'IX'], ['9', 'IX'], ['1', 'I'], ['17', 'XVII'], ['Gol. VII', 'VII'], ['Golongan X', 'X']])('PPPK %s → %s', (text, value) =>
    expect(normalizeGolongan(text, 'pppk')).toEqual({ ok: true, value, scheme: 'pppk' }),
  );

  it.each(['18', '0', 'XVIII', 'III/a'])('refuses PPPK golongan %s', (text) => {
    const result = normalizeGolongan(text, 'pppk_paruh_waktu');
    expect(result).toEqual({ ok: false, reason: `Golongan PPPK "${text}" tidak dikenal (I sampai XVII).` });
  });

  it('treats empty and "-" as no golongan, and ignores golongan for non-ASN', () => {
    expect(normalizeGolongan('', 'pns')).toEqual({ ok: true, value: null, scheme: null });
    expect(normalizeGolongan(' - ', 'pppk')).toEqual({ ok: true, value: null, scheme: null });
    expect(normalizeGolongan('III/a', 'honorer')).toEqual({ ok: true, value: null, scheme: null });
  });
});

describe('jabatanClassOf', () => {
  it('uses an explicit column first, including eselon codes', () => {
    expect(jabatanClassOf('JPT Pratama', 'Staf', 'pns')).toBe('jpt_pratama');
    expect(jabatanClassOf('II.b', '', 'pns')).toBe('jpt_pratama');
    expect(jabatanClassOf('III/a', '', 'pns')).toBe('administrator');
    expect(jabatanClassOf('IV.a', '', 'pns')).toBe('pengawas');
    expect(jabatanClassOf('Fungsional Umum', '', 'pns')).toBe('pelaksana');
    expect(jabatanClassOf('JFT', '', 'pppk')).toBe('fungsional');
    expect(jabatanClassOf('Tidak Ada', 'Guru', 'pns')).toBeNull();
  });

  it.each([
    ['Camat Ajibarang', 'kepala_wilayah'],
    ['Lurah Pasir', 'kepala_wilayah'],
    ['Sekretaris Daerah', 'jpt_pratama'],
    ['Kepala Dinas Kesehatan', 'jpt_pratama'],
    ['Kepala Badan Perencanaan', 'jpt_pratama'],
    ['Sekretaris Dinas Sosial', 'administrator'],
    ['Kepala Bidang Bina Marga', 'administrator'],
    ['Kepala Sub Bagian Umum', 'pengawas'],
    ['Kepala Seksi Pelayanan', 'pengawas'],
    ['Kepala Puskesmas Ajibarang', 'pengawas'],
    ['Guru Ahli Muda', 'fungsional'],
    ['Perawat Terampil', 'fungsional'],
    ['Pranata Komputer Ahli Pertama', 'fungsional'],
    ['Pengadministrasi Umum', 'pelaksana'],
    ['', 'pelaksana'],
  ])('derives %s → %s for ASN', (name, expected) => expect(jabatanClassOf('', name, 'pns')).toBe(expected));

  it('gives non-ASN "lainnya" whatever the jabatan name', () => {
    expect(jabatanClassOf('', 'Kepala Dinas Kesehatan', 'honorer')).toBe('lainnya');
    expect(jabatanClassOf('', '', 'thl')).toBe('lainnya');
  });
});

describe('normalizeDate', () => {
  const text = (t: string): Cell => ({ text: t });
  it.each([
    ['1970-05-12', '1970-05-12'], ['1970-5-2', '1970-05-02'], ['12-05-1970', '1970-05-12'], ['12/05/1970', '1970-05-12'], ['2.5.1970', '1970-05-02'],
    ['12 Mei 1970', '1970-05-12'], ['1 Agustus 1985', '1985-08-01'], ['17 Agt 1945', '1945-08-17'], ['3 Nopember 1990', '1990-11-03'], ['29-02-2000', '2000-02-29'],
  ])('reads %s as %s', (t, iso) => expect(normalizeDate(text(t))).toBe(iso));

  it('reads an XLSX date cell by its UTC date, ignoring the text', () => {
    expect(normalizeDate({ text: 'ignored', date: new Date(Date.UTC(1970, 4, 12)) })).toBe('1970-05-12');
  });

  it('is null when empty and undefined when unreadable or impossible', () => {
    expect(normalizeDate(text('  '))).toBeNull();
    for (const t of ['30-02-1970', '1970-13-01', '12 Maybe 1970', '05/12/70', '1899-12-31', 'kemarin', '29-02-1999']) expect(normalizeDate(text(t)), t).toBeUndefined();
  });
});

describe('small normalisers', () => {
  it('normalizeSex', () => {
    expect(['L', 'laki-laki', 'Pria', '1'].map(normalizeSex)).toEqual(['L', 'L', 'L', 'L']);
    expect(['P', 'Perempuan', 'wanita', '2'].map(normalizeSex)).toEqual(['P', 'P', 'P', 'P']);
    expect(normalizeSex('')).toBeNull();
    expect(normalizeSex('X')).toBeUndefined();
  });
  it('normalizePhone', () => {
    expect(normalizePhone('+62 812-3456-7890')).toBe('081234567890');
    expect(normalizePhone('0812 3456 789')).toBe('08123456789');
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone('12345')).toBeUndefined();
  });
  it('normalizeEmail', () => {
    expect(normalizeEmail(' Budi@Contoh.GO.ID ')).toBe('budi@contoh.go.id');
    expect(normalizeEmail('')).toBeNull();
    expect(normalizeEmail('budi@contoh')).toBeUndefined();
  });
});

describe('validateRow', () => {
  const now = new Date(Date.UTC(2026, 0, 1));
  const cells = (values: Record<string, string>): Record<string, Cell> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { text: v }]));

  it('stages a PNS row with the NIP normalised and no issues', () => {
    const { employee, issues } = validateRow(cells({ idNumber: "'19700512 200003 1 002", name: '  Budi   Santoso ', category: 'PNS', unit: 'Dinas Kesehatan', golongan: 'iii/a' }), null, now);
    expect(issues).toEqual([]);
    expect(employee).toMatchObject({ idType: 'nip', idNumber: '197005122000031002', name: 'Budi Santoso', category: 'pns', golongan: 'III/a', golonganScheme: 'pns', jabatanClass: 'pelaksana', warnings: [] });
  });

  it('refuses a long number stored as a number by Excel before any other NIP check', () => {
    const { employee, issues } = validateRow({ ...cells({ name: 'A', category: 'PNS', unit: 'U' }), idNumber: { text: '197005122000031000', isNumber: true } }, null, now);
    expect(employee).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', field: 'idNumber', reason: expect.stringMatching(/tersimpan sebagai angka di Excel/) })]);
  });

  it('uses the default category when the row has none, and reports an empty one otherwise', () => {
    expect(validateRow(cells({ idNumber: '197005122000031002', name: 'A', unit: 'U' }), 'pns', now).employee?.category).toBe('pns');
    const { issues } = validateRow(cells({ idNumber: '197005122000031002', name: 'A', unit: 'U' }), null, now);
    expect(issues).toEqual([expect.objectContaining({ field: 'category', reason: 'Jenis pegawai kosong.' })]);
  });

  it('collects every error of a row, not only the first', () => {
    const { employee, issues } = validateRow(cells({ idNumber: '', name: '', category: 'PNS', unit: '', golongan: 'Z', sex: 'X', birthDate: 'kemarin' }), null, now);
    expect(employee).toBeNull();
    expect(issues.map((i) => i.field)).toEqual(['name', 'idNumber', 'unit', 'golongan', 'sex', 'birthDate']);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });
});
