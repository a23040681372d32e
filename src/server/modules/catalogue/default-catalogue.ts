/**
 * The built-in catalogue version 1: SKB 2/2022 (MenPANRB, Mendagri, BKN, KASN, Bawaslu) as circulated
 * for 2024, with PP 94/2021 Pasal 5 huruf n. Source notes are domain.md §1.2–1.4 ([S n] = its sources).
 *
 * Stages: kode etik items concern a *bakal calon* (before penetapan calon); disiplin items a *calon*
 * (on/after), except those the SKB words for any time. Where sources disagree on a tier, the item
 * follows the SKB table as reported and `tierSource` says what the other source says; the Satgas can
 * depart from the proposal with a reason, and an admin can publish a corrected version.
 */
import type { z } from 'zod';
import type { CatalogueItemInput } from '../../../shared/contracts/catalogue.contract.js';

export type DefaultItem = z.input<typeof CatalogueItemInput>;

export const DEFAULT_CATALOGUE_TITLE = 'SKB 2022';
export const DEFAULT_CATALOGUE_NOTE =
  'Keputusan Bersama MenPANRB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu Nomor 2 Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN, sebagaimana diedarkan untuk 2024, beserta PP 94/2021 Pasal 5 huruf n. Dimuat otomatis oleh Netra.';

const KE_TIER = 'SKB 2/2022 lampiran, daftar kode etik: sanksi moral (PP 42/2004 Pasal 15) [S1, S2, S14, S15]';
const KE_BASIS = (n: number) => `SKB 2/2022 lampiran, daftar pelanggaran kode etik angka ${n}; PP 42/2004 Pasal 11 huruf c dan Pasal 15`;
const D_TIER = (tier: string) => `SKB 2/2022 lampiran, kolom sanksi: ${tier} (Tribun/SKB, S15/S16)`;
const D_BASIS = (n: number, more: string) => `SKB 2/2022 lampiran, daftar pelanggaran disiplin angka ${n}; ${more}`;

const KODE_ETIK: DefaultItem[] = [
  {
    code: 'KE-1', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(1),
    act: 'Memasang spanduk, baliho, billboard atau alat peraga lainnya terkait bakal calon peserta pemilu/pemilihan.',
    examples: 'Foto pemasangan, lokasi.', actKinds: ['atribut_peserta'],
  },
  {
    code: 'KE-2', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(2),
    act: 'Melakukan sosialisasi atau kampanye bakal calon melalui media sosial atau media daring.',
    examples: 'Tautan (URL), tangkapan layar, nama akun.', actKinds: ['kampanye_media_sosial'],
  },
  {
    code: 'KE-3', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(3),
    act: 'Menghadiri deklarasi atau kampanye bakal pasangan calon dan memberikan tindakan atau dukungan secara aktif.',
    examples: 'Nama acara, tanggal, tempat, foto atau video.', actKinds: ['ikut_kampanye'],
  },
  {
    code: 'KE-4', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(4),
    act: 'Membuat unggahan (posting), komentar, membagikan (share), menyukai (like), atau bergabung/mengikuti (follow) grup atau akun pemenangan bakal calon.',
    examples: 'Platform, nama akun, tautan unggahan, tangkapan layar.', actKinds: ['kampanye_media_sosial'],
  },
  {
    code: 'KE-5', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(5),
    act: 'Mengunggah pada media sosial atau media lain yang dapat diakses publik foto bersama bakal calon, atau bersama tim pemenangan dengan menunjukkan simbol keberpihakan (mis. gestur jari menunjukkan nomor urut), memakai atribut partai politik, atau berlatar gambar partai politik/bakal calon, atau bersama alat peraga kampanye.',
    examples: 'Gambar, jenis gestur atau atribut, tautan.', actKinds: ['foto_gestur'],
  },
  {
    code: 'KE-6', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(6),
    act: 'Mengikuti kegiatan kampanye, sosialisasi atau pengenalan bakal calon.',
    examples: 'Nama kegiatan, tanggal, tempat.', actKinds: ['ikut_kampanye'],
  },
  {
    code: 'KE-7', list: 'kode_etik', stage: 'bakal_calon', tier: 'moral', tierSource: KE_TIER, legalBasis: KE_BASIS(7),
    act: 'Mengikuti deklarasi atau kampanye suami/istri yang menjadi bakal calon tanpa mengambil cuti di luar tanggungan negara (CLTN).',
    examples: 'Hubungan dengan bakal calon, status cuti.', actKinds: [],
  },
];

const DISIPLIN: DefaultItem[] = [
  {
    code: 'D-1', list: 'disiplin', stage: 'calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(1, 'PP 94/2021 Pasal 5 huruf n, Pasal 14 huruf i'),
    act: 'Memasang spanduk, baliho, billboard atau alat peraga lainnya terkait calon peserta pemilu/pemilihan.',
    examples: 'Foto pemasangan, lokasi.', actKinds: ['atribut_peserta'],
  },
  {
    code: 'D-2', list: 'disiplin', stage: 'calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(2, 'PP 94/2021 Pasal 5 huruf n, Pasal 14 huruf i'),
    act: 'Melakukan sosialisasi atau kampanye calon melalui media sosial atau media daring.',
    examples: 'Tautan (URL), tangkapan layar, nama akun.', actKinds: ['kampanye_media_sosial'],
  },
  {
    // The act is the ASN's own candidacy, which by nature comes before any penetapan: it applies at any stage.
    code: 'D-3', list: 'disiplin', stage: 'any', tier: 'sedang', tierSource: D_TIER('sedang'),
    legalBasis: D_BASIS(3, 'UU 20/2023 tentang ASN (asas netralitas); PP 94/2021 Pasal 13'),
    act: 'Melakukan pendekatan kepada partai politik sebagai bakal calon, atau kepada masyarakat sebagai bakal calon perseorangan, tanpa mengundurkan diri atau mengambil cuti di luar tanggungan negara.',
    examples: 'Surat pendaftaran/penjaringan, pemberitaan, status cuti.', actKinds: ['mencalonkan_diri'],
  },
  {
    code: 'D-4', list: 'disiplin', stage: 'calon', tier: 'berat',
    tierSource: `${D_TIER('berat')}. Berbeda: PP 94/2021 Pasal 13 menggolongkan ikut kampanye saja (Pasal 5 huruf n angka 1) sebagai hukuman sedang; berat bila disertai kegiatan keberpihakan (angka 6, Pasal 14 huruf i).`,
    legalBasis: D_BASIS(4, 'PP 94/2021 Pasal 5 huruf n angka 1 dan angka 6, Pasal 14 huruf i'),
    act: 'Menghadiri deklarasi atau kampanye pasangan calon dan memberikan tindakan atau dukungan keberpihakan secara aktif.',
    examples: 'Nama acara, tanggal, tempat, foto atau video.', actKinds: ['ikut_kampanye'],
  },
  {
    code: 'D-5', list: 'disiplin', stage: 'any', tier: 'ptdh',
    tierSource: 'SKB 2/2022 lampiran: pemberhentian tidak dengan hormat (Tribun/SKB, S15/S16); UU ASN: anggota/pengurus partai politik diberhentikan tidak dengan hormat.',
    legalBasis: D_BASIS(5, 'UU 20/2023 tentang ASN (pemberhentian karena menjadi anggota/pengurus partai politik); PP 49/2018 bagi PPPK'),
    act: 'Menjadi anggota atau pengurus partai politik.',
    examples: 'Kartu tanda anggota, SK kepengurusan, data Sipol KPU.', actKinds: [],
  },
  {
    code: 'D-6', list: 'disiplin', stage: 'calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(6, 'PP 94/2021 Pasal 5 huruf n angka 5, Pasal 14 huruf i'),
    act: 'Membuat unggahan (posting), komentar, membagikan (share), menyukai (like), atau bergabung/mengikuti (follow) grup atau akun pemenangan calon.',
    examples: 'Platform, nama akun, tautan unggahan, tangkapan layar.', actKinds: ['kampanye_media_sosial'],
  },
  {
    code: 'D-7', list: 'disiplin', stage: 'calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(7, 'PP 94/2021 Pasal 5 huruf n, Pasal 14 huruf i'),
    act: 'Mengunggah foto bersama calon atau tim pemenangan dengan menunjukkan simbol keberpihakan, memakai atribut partai politik, atau berlatar gambar partai politik/calon.',
    examples: 'Gambar, jenis gestur atau atribut, tautan.', actKinds: ['foto_gestur'],
  },
  {
    code: 'D-8', list: 'disiplin', stage: 'any', tier: 'sedang',
    tierSource: 'SKB 2/2022 lampiran sebagaimana diberitakan (Tribun, S15/S16): sedang. Berbeda: PP 94/2021 Pasal 14 huruf i menggolongkan kegiatan keberpihakan (Pasal 5 huruf n angka 6) sebagai hukuman berat [S7]; lihat item PP94-n.6.',
    legalBasis: D_BASIS(8, 'PP 94/2021 Pasal 5 huruf n angka 6, Pasal 14 huruf i'),
    act: 'Mengadakan kegiatan yang mengarah pada keberpihakan kepada calon (pertemuan, ajakan, imbauan, seruan, atau pemberian barang kepada ASN di lingkungan unit kerjanya, anggota keluarga, atau masyarakat), sebelum, selama atau sesudah masa kampanye.',
    examples: 'Undangan, daftar hadir, pesan ajakan, barang yang dibagikan.', actKinds: ['mobilisasi_asn', 'politik_uang'],
  },
  {
    code: 'D-9', list: 'disiplin', stage: 'bakal_calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(9, 'UU 7/2017 Pasal 280 ayat (3); UU 10/2016 Pasal 70 ayat (1)'),
    act: 'Menjadi tim ahli, tim pemenangan, konsultan atau sebutan lainnya bagi bakal calon sebelum penetapan calon.',
    examples: 'SK tim, pemberitaan, daftar tim yang didaftarkan.', actKinds: [],
  },
  {
    code: 'D-10', list: 'disiplin', stage: 'calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(10, 'UU 7/2017 Pasal 280 ayat (3); UU 10/2016 Pasal 70 ayat (1)'),
    act: 'Menjadi tim ahli, tim pemenangan, konsultan atau sebutan lainnya bagi partai politik atau calon setelah penetapan calon.',
    examples: 'SK tim, pemberitaan, daftar tim kampanye yang didaftarkan ke KPU.', actKinds: [],
  },
  {
    code: 'D-11', list: 'disiplin', stage: 'calon', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(11, 'PP 94/2021 Pasal 5 huruf n angka 7, Pasal 14 huruf i'),
    act: 'Memberikan dukungan kepada calon perseorangan (anggota DPD atau kepala daerah) dengan surat dukungan atau dengan mengumpulkan fotokopi KTP/Surat Keterangan Tanda Penduduk.',
    examples: 'Surat dukungan, fotokopi KTP yang dikumpulkan, data dukungan di Silon KPU.', actKinds: ['dukungan_ktp'],
  },
  {
    code: 'D-12', list: 'disiplin', stage: 'any', tier: 'berat', tierSource: D_TIER('berat'),
    legalBasis: D_BASIS(12, 'PP 94/2021 Pasal 5 huruf n angka 5, Pasal 14 huruf i; UU 10/2016 Pasal 71 ayat (1)'),
    act: 'Membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan partai politik atau calon, sebelum, selama atau sesudah masa kampanye.',
    examples: 'Surat keputusan, disposisi, program atau bantuan yang diarahkan.', actKinds: ['keputusan_menguntungkan'],
  },
  {
    code: 'D-13', list: 'disiplin', stage: 'calon', tier: 'sedang',
    tierSource: 'SKB 2/2022 lampiran: sesuai peraturan yang dilanggar. Katalog mencatat sedang sebagai bawaan; Satgas menyesuaikan tingkatnya dengan peraturan yang bersangkutan.',
    legalBasis: D_BASIS(13, 'peraturan perundang-undangan yang dilanggar'),
    act: 'Pelanggaran lain terkait netralitas yang diatur dalam peraturan perundang-undangan.',
    examples: 'Sebutkan peraturan dan pasal yang dilanggar.', actKinds: [],
  },
];

const PP94_TIER_SEDANG = 'PP 94/2021 Pasal 13: hukuman disiplin sedang [S7, S8]';
const PP94_TIER_BERAT = 'PP 94/2021 Pasal 14 huruf i: hukuman disiplin berat [S7]';
const PP94_BASIS = (n: number, tierArticle: string) => `PP 94/2021 Pasal 5 huruf n angka ${n}, ${tierArticle}`;

const PP94: DefaultItem[] = [
  {
    code: 'PP94-n.1', list: 'pp94', stage: 'any', tier: 'sedang', tierSource: PP94_TIER_SEDANG, legalBasis: PP94_BASIS(1, 'Pasal 13'),
    act: 'Ikut kampanye untuk mendukung calon Presiden/Wakil Presiden, kepala daerah/wakil kepala daerah, anggota DPR, DPD atau DPRD.',
    examples: 'Nama kegiatan kampanye, tanggal, tempat, foto atau video.', actKinds: ['ikut_kampanye'],
  },
  {
    code: 'PP94-n.2', list: 'pp94', stage: 'any', tier: 'sedang', tierSource: 'PP 94/2021 Pasal 13: hukuman disiplin sedang [S8, S29]', legalBasis: PP94_BASIS(2, 'Pasal 13'),
    act: 'Menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS.',
    examples: 'Foto atau video, jenis atribut.', actKinds: ['atribut_peserta'],
  },
  {
    code: 'PP94-n.3', list: 'pp94', stage: 'any', tier: 'berat', tierSource: PP94_TIER_BERAT, legalBasis: PP94_BASIS(3, 'Pasal 14 huruf i'),
    act: 'Menjadi peserta kampanye dengan mengerahkan PNS lain.',
    examples: 'Pesan atau perintah pengerahan, daftar PNS yang dikerahkan.', actKinds: ['mobilisasi_asn'],
  },
  {
    code: 'PP94-n.4', list: 'pp94', stage: 'any', tier: 'berat', tierSource: PP94_TIER_BERAT, legalBasis: PP94_BASIS(4, 'Pasal 14 huruf i'),
    act: 'Menjadi peserta kampanye dengan menggunakan fasilitas negara (mis. kendaraan dinas, gedung kantor).',
    examples: 'Foto kendaraan dinas (nomor polisi), ruang atau gedung yang dipakai.', actKinds: ['penggunaan_fasilitas'],
  },
  {
    code: 'PP94-n.5', list: 'pp94', stage: 'any', tier: 'berat', tierSource: PP94_TIER_BERAT, legalBasis: PP94_BASIS(5, 'Pasal 14 huruf i'),
    act: 'Membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan salah satu pasangan calon sebelum, selama, dan sesudah masa kampanye.',
    examples: 'Surat keputusan, disposisi, program atau bantuan yang diarahkan.', actKinds: ['keputusan_menguntungkan'],
  },
  {
    code: 'PP94-n.6', list: 'pp94', stage: 'any', tier: 'berat', tierSource: PP94_TIER_BERAT, legalBasis: PP94_BASIS(6, 'Pasal 14 huruf i'),
    act: 'Mengadakan kegiatan yang mengarah kepada keberpihakan terhadap pasangan calon (pertemuan, ajakan, imbauan, seruan, atau pemberian barang kepada PNS dalam lingkungan unit kerjanya, anggota keluarga, dan masyarakat) sebelum, selama, dan sesudah masa kampanye.',
    examples: 'Undangan, daftar hadir, pesan ajakan, barang yang dibagikan.', actKinds: ['mobilisasi_asn', 'politik_uang'],
  },
  {
    code: 'PP94-n.7', list: 'pp94', stage: 'any', tier: 'berat', tierSource: PP94_TIER_BERAT, legalBasis: PP94_BASIS(7, 'Pasal 14 huruf i'),
    act: 'Memberikan surat dukungan disertai fotokopi KTP atau Surat Keterangan Tanda Penduduk kepada calon anggota DPD atau calon kepala daerah.',
    examples: 'Surat dukungan, fotokopi KTP, data dukungan di Silon KPU.', actKinds: ['dukungan_ktp'],
  },
];

/** Every item of version 1, in list order (kode etik, disiplin, PP 94). */
export const DEFAULT_CATALOGUE_ITEMS: readonly DefaultItem[] = [...KODE_ETIK, ...DISIPLIN, ...PP94];
