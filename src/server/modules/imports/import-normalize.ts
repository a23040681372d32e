/**
 * Pure rules that turn one row of a SIMPEG/SIASN export into an employee record, or say in
 * Indonesian why not. No I/O here: the reader feeds cells, the service stages the result.
 */
import type { ImportField } from '../../../shared/contracts/imports.contract.js';
import {
  ASN_CATEGORIES,
  PNS_GOLONGAN,
  PPPK_GOLONGAN,
  type EmployeeCategory,
  type GolonganScheme,
  type IdType,
  type JabatanClass,
  type Sex,
} from '../../../shared/enums.js';
import { checkIdentityNumber, normalizeIdentityNumber, spreadsheetNumberReason } from '../../../shared/identity-number.js';

/** One cell as read from the file; `isNumber` is true when XLSX stored it as a number. */
export interface Cell {
  text: string;
  isNumber?: boolean;
  date?: Date;
}

const key = (header: string) => header.replace(/^\uFEFF/, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header spellings seen in SIMPEG/SIASN/BKPSDM exports, by field. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  idNumber: ['nip', 'nipbaru', 'nip18', 'nipbaru18digit', 'nipnipppk', 'nipnik', 'nipnipppknik', 'nippppk', 'nipppk', 'nik', 'nomorinduk', 'nomorindukpegawai', 'noinduk', 'nomoridentitas'],
  name: ['nama', 'namalengkap', 'namapegawai', 'namadengangelar', 'namalengkapdengangelar', 'namagelar'],
  category: ['jenispegawai', 'statuspegawai', 'kategori', 'kategoripegawai', 'jenisasn', 'statuskepegawaian', 'jenis'],
  unit: ['unitkerja', 'unit', 'unitorganisasi', 'satuankerja', 'satker', 'namaunitkerja', 'unor', 'namaunor', 'subunitkerja'],
  parentUnit: ['unitkerjainduk', 'unitinduk', 'opd', 'perangkatdaerah', 'skpd', 'instansiinduk', 'unorinduk', 'indukunitkerja', 'opdinduk'],
  golongan: ['golruang', 'golonganruang', 'golongan', 'gol', 'golru', 'pangkatgolongan', 'pangkatgolruang'],
  jabatanName: ['jabatan', 'namajabatan', 'jabatansaatini'],
  jabatanClass: ['jenisjabatan', 'eselon', 'kelompokjabatan'],
  sex: ['jeniskelamin', 'jk', 'kelamin', 'sex', 'gender', 'lp'],
  birthDate: ['tanggallahir', 'tgllahir', 'tgllhr', 'tanggallhr'],
  supervisorIdNumber: ['nipatasan', 'nipatasanlangsung', 'atasanlangsungnip', 'atasanlangsung'],
  email: ['email', 'surel', 'alamatemail', 'emailpegawai', 'emaildinas'],
  phone: ['nohp', 'nomorhp', 'hp', 'telepon', 'notelp', 'nomortelepon', 'nowa', 'nomorwa', 'whatsapp', 'notelepon', 'nohpwa'],
};

const ALIAS_INDEX = new Map<string, ImportField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, aliases]) => aliases.map((a) => [a, field as ImportField] as const)),
);

/** Suggests header → field for the headers it recognises; each field is used once. */
export function suggestMapping(headers: readonly string[]): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = ALIAS_INDEX.get(key(header));
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    }
  }
  return mapping;
}

const CATEGORY_ALIASES: Record<string, EmployeeCategory> = {
  pns: 'pns', pegawainegerisipil: 'pns', cpns: 'cpns', calonpns: 'cpns',
  pppk: 'pppk', p3k: 'pppk', pppkpenuhwaktu: 'pppk', pppkparuhwaktu: 'pppk_paruh_waktu', pppkpw: 'pppk_paruh_waktu', paruhwaktu: 'pppk_paruh_waktu',
  ppnpn: 'ppnpn', nonasn: 'ppnpn', nonpns: 'ppnpn', honorer: 'honorer', tenagahonorer: 'honorer', tkk: 'honorer', tenagakontrak: 'honorer', kontrak: 'honorer',
  thl: 'thl', tenagahlarianlepas: 'thl', tenagaharianlepas: 'thl', outsourcing: 'outsourcing', alihdaya: 'outsourcing',
};

export function normalizeCategory(text: string): EmployeeCategory | null {
  return CATEGORY_ALIASES[key(text)] ?? null;
}

export function idTypeFor(category: EmployeeCategory, idNumber: string): IdType {
  if (category === 'pns' || category === 'cpns') return 'nip';
  if (category === 'pppk' || category === 'pppk_paruh_waktu') return 'ni_pppk';
  return /^[0-9]{16}$/.test(idNumber) ? 'nik' : 'internal';
}

const ROMAN = ['I', 'II', 'III', 'IV'];
type GolonganResult = { ok: true; value: string | null; scheme: GolonganScheme | null } | { ok: false; reason: string };

/** "III/a", "iii a", "3a", "Penata Muda (III/a)" → "III/a"; PPPK "IX" or "9" → "IX". */
export function normalizeGolongan(text: string, category: EmployeeCategory): GolonganResult {
  const raw = text.trim();
  if (raw === '' || raw === '-') return { ok: true, value: null, scheme: null };
  if (category === 'pns' || category === 'cpns') {
    const m = raw.match(/\b(IV|III|II|I|[1-4])\s*[/.\- ]?\s*([a-e])\b/i);
    if (m) {
      const roman = /^[1-4]$/.test(m[1]!) ? ROMAN[Number(m[1]) - 1]! : m[1]!.toUpperCase();
      const value = `${roman}/${m[2]!.toLowerCase()}`;
      if (PNS_GOLONGAN[value]) return { ok: true, value, scheme: 'pns' };
    }
    return { ok: false, reason: `Golongan PNS "${raw}" tidak dikenal (contoh: III/a).` };
  }
  if (category === 'pppk' || category === 'pppk_paruh_waktu') {
    const upper = raw.toUpperCase().replace(/^GOL(ONGAN)?\.?\s*/, '');
    const value = /^[0-9]{1,2}$/.test(upper) ? PPPK_GOLONGAN[Number(upper) - 1] : (PPPK_GOLONGAN as readonly string[]).includes(upper) ? upper : undefined;
    if (value) return { ok: true, value, scheme: 'pppk' };
    return { ok: false, reason: `Golongan PPPK "${raw}" tidak dikenal (I sampai XVII).` };
  }
  return { ok: true, value: null, scheme: null }; // non-ASN have no golongan
}

const CLASS_ALIASES: Record<string, JabatanClass> = {
  jptutama: 'jpt_utama', jptmadya: 'jpt_madya', jptpratama: 'jpt_pratama', administrator: 'administrator', pengawas: 'pengawas',
  fungsional: 'fungsional', fungsionaltertentu: 'fungsional', jft: 'fungsional', fungsionalumum: 'pelaksana', pelaksana: 'pelaksana', jfu: 'pelaksana',
  kepalawilayah: 'kepala_wilayah', ia: 'jpt_madya', ib: 'jpt_madya', iia: 'jpt_pratama', iib: 'jpt_pratama', iiia: 'administrator', iiib: 'administrator', iva: 'pengawas', ivb: 'pengawas', va: 'pengawas',
};

/** Jabatan class from an explicit column, else derived from the jabatan name (for reporting only). */
export function jabatanClassOf(explicit: string, jabatanName: string, category: EmployeeCategory): JabatanClass | null {
  if (explicit.trim()) return CLASS_ALIASES[key(explicit)] ?? null;
  const name = jabatanName.toLowerCase().trim();
  if (!ASN_CATEGORIES.includes(category)) return 'lainnya';
  if (name === '') return 'pelaksana';
  if (/^(camat|lurah)\b/.test(name)) return 'kepala_wilayah';
  if (/^(sekretaris daerah|sekda|kepala (dinas|badan|satuan polisi)|inspektur$|inspektur daerah|asisten|staf ahli|sekretaris dprd)/.test(name)) return 'jpt_pratama';
  if (/^(sekretaris (dinas|badan|kecamatan|camat|inspektorat)|sekcam|kepala bidang|kabid|kepala bagian|kabag|inspektur pembantu|direktur)/.test(name)) return 'administrator';
  if (/^(kepala (sub ?bagian|sub ?bidang|seksi|uptd?|puskesmas|tata usaha)|kasubbag|kasubbid|kasi|sekretaris kelurahan|sekretaris lurah)/.test(name)) return 'pengawas';
  if (/(guru|kepala sekolah|dokter|perawat|bidan|analis|pranata|penyuluh|auditor|apoteker|arsiparis|pustakawan|widyaiswara|pengawas sekolah|terampil|ahli (pertama|muda|madya|utama)|penilik|nutrisionis|sanitarian|radiografer)/.test(name)) return 'fungsional';
  return 'pelaksana';
}

export function normalizeSex(text: string): Sex | null | undefined {
  const k = key(text);
  if (k === '') return null;
  if (['l', 'lakilaki', 'laki', 'pria', '1', 'm', 'male'].includes(k)) return 'L';
  if (['p', 'perempuan', 'wanita', '2', 'f', 'female'].includes(k)) return 'P';
  return undefined;
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, pebruari: 2, maret: 3, mar: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, ags: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, nopember: 11, desember: 12, des: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1900) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, "12 Mei 1970" or an XLSX date → ISO date; undefined when unreadable. */
export function normalizeDate(cell: Cell): string | null | undefined {
  if (cell.date) return isoDate(cell.date.getUTCFullYear(), cell.date.getUTCMonth() + 1, cell.date.getUTCDate()) ?? undefined;
  const t = cell.text.trim();
  if (t === '') return null;
  let m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = t.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  m = t.match(/^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/);
  if (m && MONTHS[m[2]!.toLowerCase()]) return isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])) ?? undefined;
  return undefined;
}

export function normalizePhone(text: string): string | null | undefined {
  const digits = text.replace(/[^0-9+]/g, '');
  if (digits === '') return null;
  const local = digits.replace(/^\+?62/, '0');
  return /^0[0-9]{8,13}$/.test(local) ? local : undefined;
}

export function normalizeEmail(text: string): string | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? t : undefined;
}

const clean = (text: string) => text.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim();

export interface StagedEmployee {
  idType: IdType;
  idNumber: string;
  name: string;
  sex: Sex | null;
  birthDate: string | null;
  category: EmployeeCategory;
  golonganScheme: GolonganScheme | null;
  golongan: string | null;
  jabatanName: string | null;
  jabatanClass: JabatanClass;
  unitName: string;
  parentUnitName: string | null;
  supervisorIdNumber: string | null;
  email: string | null;
  phone: string | null;
  warnings: string[];
}

export interface RowIssue {
  severity: 'error' | 'warning';
  field: ImportField | null;
  value: string | null;
  reason: string;
}

/** Validates one row; returns the staged employee (when no error) and every issue found. */
export function validateRow(
  cells: Partial<Record<ImportField, Cell>>,
  defaultCategory: EmployeeCategory | null,
  now = new Date(),
): { employee: StagedEmployee | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const text = (f: ImportField) => clean(cells[f]?.text ?? '');
  const error = (field: ImportField | null, reason: string) => issues.push({ severity: 'error', field, value: field ? text(field) || null : null, reason });
  const warn = (field: ImportField | null, reason: string) => issues.push({ severity: 'warning', field, value: field ? text(field) || null : null, reason });

  const name = text('name');
  if (!name) error('name', 'Nama kosong.');

  const categoryText = text('category');
  const category = categoryText ? normalizeCategory(categoryText) : defaultCategory;
  if (!category) error('category', categoryText ? `Jenis pegawai "${categoryText}" tidak dikenal (PNS, CPNS, PPPK, PPPK Paruh Waktu, PPNPN, Honorer, THL, Outsourcing).` : 'Jenis pegawai kosong.');

  const idCell = cells.idNumber;
  const idNumber = normalizeIdentityNumber(idCell?.text ?? '');
  let idType: IdType | null = null;
  let fromId: { birthDate?: string; sex?: Sex } = {};
  if (idCell?.isNumber && idNumber.length > 15) {
    error('idNumber', 'NIP/NIK tersimpan sebagai angka di Excel sehingga digit terakhirnya bisa berubah. Format kolom sebagai Teks lalu ekspor ulang.');
  } else if (category) {
    idType = idTypeFor(category, idNumber);
    const check = checkIdentityNumber(idType, idNumber, now);
    if (check.ok) fromId = check;
    else error('idNumber', check.reason);
  } else {
    const reason = spreadsheetNumberReason(idNumber, 'NIP');
    if (reason) error('idNumber', reason);
  }

  const unitName = text('unit');
  if (!unitName) error('unit', 'Unit kerja kosong.');

  let golongan: GolonganResult = { ok: true, value: null, scheme: null };
  if (category) {
    golongan = normalizeGolongan(text('golongan'), category);
    if (!golongan.ok) error('golongan', golongan.reason);
  }

  const jabatanName = text('jabatanName') || null;
  const jabatanClass = category ? jabatanClassOf(text('jabatanClass'), jabatanName ?? '', category) : null;
  if (category && !jabatanClass) error('jabatanClass', `Jenis jabatan "${text('jabatanClass')}" tidak dikenal.`);

  const sex = normalizeSex(text('sex'));
  if (sex === undefined) error('sex', `Jenis kelamin "${text('sex')}" tidak dikenal (L/P).`);
  const birthDate = cells.birthDate ? normalizeDate(cells.birthDate) : null;
  if (birthDate === undefined) error('birthDate', `Tanggal lahir "${text('birthDate')}" tidak dapat dibaca (gunakan 1970-05-12 atau 12-05-1970).`);

  // Domain §4.1: never infer silently from a NIP; only cross-check and report.
  if (sex && fromId.sex && sex !== fromId.sex) warn('sex', `Jenis kelamin ${sex} tidak cocok dengan nomor identitas (menunjukkan ${fromId.sex}).`);
  if (birthDate && fromId.birthDate && birthDate !== fromId.birthDate) warn('birthDate', `Tanggal lahir ${birthDate} tidak cocok dengan NIP (${fromId.birthDate}).`);

  const email = normalizeEmail(text('email'));
  if (email === undefined) warn('email', `Alamat e-mail "${text('email')}" tidak valid; dikosongkan.`);
  const phone = normalizePhone(text('phone'));
  if (phone === undefined) warn('phone', `Nomor HP "${text('phone')}" tidak valid; dikosongkan.`);
  // An 18-digit number on a non-ASN row is usually a PNS/PPPK with the wrong category: say so.
  if (idType === 'internal' && /^[0-9]{18}$/.test(idNumber)) warn('category', `Nomor 18 digit seperti NIP/NI PPPK, tetapi jenis pegawai "${categoryText || defaultCategory}" adalah non-ASN. Periksa jenis pegawainya.`);
  const supervisorRaw = normalizeIdentityNumber(cells.supervisorIdNumber?.text ?? '');

  if (issues.some((i) => i.severity === 'error') || !category || !idType || !jabatanClass || !golongan.ok) return { employee: null, issues };
  return {
    employee: {
      idType,
      idNumber: idType === 'internal' ? idNumber.toUpperCase() : idNumber,
      name,
      sex: sex ?? null,
      birthDate: birthDate ?? null,
      category,
      golonganScheme: golongan.scheme,
      golongan: golongan.value,
      jabatanName,
      jabatanClass,
      unitName,
      parentUnitName: text('parentUnit') || null,
      supervisorIdNumber: supervisorRaw || null,
      email: email ?? null,
      phone: phone ?? null,
      warnings: issues.map((i) => i.reason),
    },
    issues,
  };
}
