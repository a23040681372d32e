/** Enumerations shared by the server, the database schema and the web app. */

export const UNIT_TYPES = [
  'pemda',
  'sekretariat_daerah',
  'sekretariat_dprd',
  'inspektorat',
  'dinas',
  'badan',
  'satpol_pp',
  'kecamatan',
  'kelurahan',
  'uptd',
  'rsud',
  'sekolah',
  'bagian',
  'lainnya',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Employee categories (domain §4.2). PNS/CPNS/PPPK are ASN; the rest are non-ASN. */
export const EMPLOYEE_CATEGORIES = [
  'pns',
  'cpns',
  'pppk',
  'pppk_paruh_waktu',
  'ppnpn',
  'honorer',
  'thl',
  'outsourcing',
] as const;
export type EmployeeCategory = (typeof EMPLOYEE_CATEGORIES)[number];

export const ASN_CATEGORIES: readonly EmployeeCategory[] = ['pns', 'cpns', 'pppk', 'pppk_paruh_waktu'];

/** Which identity number a category carries. */
export const ID_TYPES = ['nip', 'ni_pppk', 'nik', 'internal'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Jabatan classes (UU 20/2023 Pasal 13–18) plus Kemendagri's "kepala wilayah". */
export const JABATAN_CLASSES = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'fungsional',
  'pelaksana',
  'kepala_wilayah',
  'lainnya',
] as const;
export type JabatanClass = (typeof JABATAN_CLASSES)[number];

export const SEXES = ['L', 'P'] as const;
export type Sex = (typeof SEXES)[number];

/** `custodian` exists only to approve (or refuse) a Satgas request to reveal a rahasia reporter's identity. */
export const ROLES = ['superadmin', 'admin', 'satgas', 'pimpinan_unit', 'ppk', 'inspektorat', 'pegawai', 'custodian'] as const;
export type Role = (typeof ROLES)[number];

export const TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TenantTimezone = (typeof TIMEZONES)[number];
/** WIB / WITA / WIT labels for the three Indonesian time zones. */
export const TIMEZONE_LABEL: Record<TenantTimezone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** PNS golongan/ruang with pangkat (domain §4.3). */
export const PNS_GOLONGAN: Record<string, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

/** PPPK golongan I–XVII (Perpres 98/2020 as amended by Perpres 11/2024). */
export const PPPK_GOLONGAN = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
] as const;

export const GOLONGAN_SCHEMES = ['pns', 'pppk'] as const;
export type GolonganScheme = (typeof GOLONGAN_SCHEMES)[number];

/** Category names as printed on letters (the web app has its own i18n copy). */
export const EMPLOYEE_CATEGORY_LABELS: Record<EmployeeCategory, string> = {
  pns: 'PNS',
  cpns: 'CPNS',
  pppk: 'PPPK',
  pppk_paruh_waktu: 'PPPK paruh waktu',
  ppnpn: 'PPNPN',
  honorer: 'Tenaga honorer',
  thl: 'Tenaga harian lepas',
  outsourcing: 'Tenaga alih daya',
};
