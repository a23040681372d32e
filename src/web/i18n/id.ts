/** Indonesian (default) UI text. `en.ts` must have the same shape. */
import { pledgesId } from './pledges.id';
import { apelId } from './apel.id';
import { reportsId } from './reports.id';
import { receiptId } from './receipt.id';
import { casesId } from './cases.id';
import { handlingId } from './handling.id';
import { monitoringId } from './monitoring.id';
import { insightsId } from './insights.id';
import { nationalId } from './national.id';
import { sosialisasiId } from './sosialisasi.id';

export const id = {
  app: { name: 'Netra', subtitle: 'Netralitas ASN', loading: 'Memuat…' },
  common: {
    save: 'Simpan', cancel: 'Batal', close: 'Tutup', refresh: 'Muat ulang', back: 'Kembali',
    yes: 'Ya', no: 'Tidak', copy: 'Salin', copied: 'Tersalin', togglePassword: 'Tampilkan/sembunyikan kata sandi', none: '—', all: 'Semua', saved: 'Perubahan tersimpan.',
    total: 'Total: {{formatted}}', page: 'Halaman', errorTitle: 'Terjadi kesalahan', active: 'Aktif', inactive: 'Nonaktif',
    dataAsOf: 'Data per {{time}}', dataAsOfHint: 'Angka per unit dihitung ulang setiap menit bila ada perubahan (seketika untuk instansi kecil); daftar pegawai yang belum menandatangani selalu terkini.',
  },
  errors: {
    network: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
    http: 'Permintaan gagal (HTTP {{status}}).',
    unknown: 'Terjadi kesalahan yang tidak diketahui.',
    notFound: 'Halaman tidak ditemukan.',
    forbidden: 'Anda tidak berwenang membuka halaman ini.',
  },
  nav: {
    groups: { data: 'Data induk', neutrality: 'Netralitas', reports: 'Pengaduan', monitoring: 'Pengawasan media sosial', handling: 'Penanganan', system: 'Sistem' },
    home: 'Beranda', units: 'Unit kerja', employees: 'Pegawai', import: 'Impor data pegawai',
    audit: 'Log audit', outbox: 'Kotak keluar (dev)', security: 'Keamanan akun', logout: 'Keluar',
    language: 'Ganti bahasa', menu: 'Buka/tutup menu', tenants: 'Instansi',
    campaigns: 'Ikrar & pakta', elections: 'Pemilihan', corrections: 'Laporan data salah',
  },
  login: {
    title: 'Masuk ke Netra', tenant: 'Instansi (Pemda)', staffTab: 'Staf', employeeTab: 'Pegawai (NIP)',
    username: 'Nama pengguna', password: 'Kata sandi', totp: 'Kode autentikator (TOTP)',
    totpHint: 'Buka aplikasi autentikator dan masukkan 6 digit kode.', submit: 'Masuk',
    idNumber: 'NIP / NI PPPK / NIK', sendCode: 'Kirim kode', code: 'Kode sekali pakai',
    codeHint: 'Masukkan 6 digit kode yang dikirim ke e-mail Anda.', changeId: 'Ganti nomor',
    resend: 'Kirim ulang kode', devOutboxHint: 'Mode demo: kode dapat dibaca di Kotak keluar (dev).',
  },
  home: {
    campaigns: 'Kampanye ikrar & pakta yang berjalan', campaignProgress: 'Kemajuan tanda tangan {{name}}', signDeadline: 'Batas penandatanganan: {{date}}',
    welcome: 'Selamat datang, {{name}}', tenant: 'Instansi', roles: 'Peran', units: 'Unit kerja',
    employees: 'Pegawai aktif', quickLinks: 'Pintasan',
  },
  dashboard: {
    title: 'Ringkasan pegawai aktif', byCategory: 'Menurut kategori', byJabatanClass: 'Menurut kelas jabatan',
    byUnit: 'Unit dengan pegawai terbanyak', byUnitHint: 'Pilih batang atau baris untuk melihat pegawai unit tersebut.',
    chart: 'Grafik', table: 'Tabel', view: 'Tampilan', count: 'Jumlah', share: 'Persentase',
    empty: 'Belum ada pegawai aktif.'
  },
  tenants: {
    title: 'Instansi', intro: 'Pemerintah daerah dan instansi yang memakai Netra di instalasi ini.',
    register: 'Daftarkan instansi', slug: 'Kode instansi (slug)', slugHint: 'Huruf kecil, angka dan tanda hubung, mis. kab-banyumas.',
    name: 'Nama instansi', kind: 'Jenis instansi', region: 'Wilayah (kode Kemendagri)',
    regionPlaceholder: 'Ketik nama provinsi atau kabupaten/kota', regionEmpty: 'Wilayah tidak ditemukan.',
    timezone: 'Zona waktu', address: 'Alamat', admin: 'Admin pertama (BKPSDM)', username: 'Nama pengguna admin',
    usernameHint: 'Huruf kecil, angka, titik, garis bawah atau tanda hubung (3–40).', displayName: 'Nama tampilan',
    email: 'Email admin', password: 'Kata sandi awal', passwordHint: 'Minimal 12 karakter.',
    colSlug: 'Kode', colKind: 'Jenis', colRegion: 'Wilayah', employees: 'Pegawai', units: 'Unit', status: 'Status', empty: 'Belum ada instansi.',
    created: 'Instansi {{name}} didaftarkan.'
  },
  employeeHome: {
    title: 'Beranda pegawai', intro: 'Berikut data kepegawaian Anda. Hubungi admin kepegawaian bila ada yang keliru.',
    noEmployee: 'Akun ini tidak terhubung dengan data pegawai.',
  },
  units: {
    title: 'Unit kerja', empty: 'Belum ada unit.', select: 'Pilih unit pada pohon untuk melihat rinciannya.',
    employeeCount: '{{count}} pegawai', addChild: 'Tambah sub-unit', newUnitTitle: 'Sub-unit baru di {{parent}}',
    detail: 'Rincian unit', name: 'Nama unit', code: 'Kode unit', type: 'Jenis unit', parent: 'Unit induk',
    head: 'Kepala unit', noHead: 'Belum ditetapkan', created: 'Unit dibuat.', expandAll: 'Buka semua',
    collapseAll: 'Tutup semua', filter: 'Saring unit', viewEmployees: 'Lihat pegawai unit ini',
  },
  employees: {
    title: 'Pegawai', search: 'Cari pegawai', searchPlaceholder: 'NIP atau nama', unit: 'Unit kerja',
    includeSubunits: 'Termasuk sub-unit', category: 'Kategori', jabatanClass: 'Kelas jabatan', status: 'Status',
    export: 'Ekspor XLSX', empty: 'Tidak ada pegawai yang cocok.', idNumber: 'Nomor identitas', idType: 'Jenis nomor',
    name: 'Nama', sex: 'Jenis kelamin', birthDate: 'Tanggal lahir', golongan: 'Golongan', pangkat: 'Pangkat',
    jabatanName: 'Jabatan', email: 'Email', phone: 'Telepon', supervisor: 'Atasan langsung',
    isActive: 'Pegawai aktif', warnings: 'Peringatan data', detail: 'Rincian pegawai', edit: 'Ubah data',
    pageSize: 'Baris per halaman', resetFilters: 'Hapus saringan', filterToggle: 'Saring',
    add: 'Tambah pegawai', addTitle: 'Tambah pegawai', addAnother: 'Tambah pegawai lain',
    created: 'Pegawai {{name}} ditambahkan.', createdWithWarnings: 'Tersimpan dengan {{count}} peringatan data; periksa rinciannya.',
    idNumberHint: 'NIP 18 digit untuk PNS/CPNS, NI PPPK untuk PPPK, NIK untuk non-ASN.',
    jabatanHint: 'Kelas jabatan ditentukan otomatis dari nama jabatan.',
  },
  imports: {
    title: 'Impor data pegawai', stepUpload: 'Unggah', stepMapping: 'Pemetaan', stepPreview: 'Pemeriksaan',
    stepDone: 'Selesai', dropTitle: 'Seret berkas CSV atau XLSX ke sini, atau klik untuk memilih',
    dropHint: 'Ekspor SIMPEG/SIASN atau templat Netra. Satu berkas, maksimal 100 MB.', fileInput: 'Berkas data pegawai',
    rejected: 'Berkas ditolak. Gunakan CSV atau XLSX.', uploading: 'Mengunggah… {{percent}}%',
    mappingIntro: 'Cocokkan setiap kolom berkas dengan isian Netra. Kolom yang tidak diperlukan dapat diabaikan.',
    ignore: '(abaikan)', columnDescription: 'Kolom berkas', defaultCategory: 'Kategori bawaan',
    defaultCategoryHint: 'Dipakai bila berkas tidak memiliki kolom kategori.', missing: 'Isian wajib belum dipetakan: {{fields}}',
    duplicate: 'Isian dipetakan lebih dari sekali: {{fields}}', validate: 'Periksa data',
    processing: 'Memproses {{processed}} dari {{total}} baris…', totalRows: 'Jumlah baris', validRows: 'Baris benar',
    errorRows: 'Baris salah', warningRows: 'Baris dengan peringatan', issues: 'Temuan', row: 'Baris', column: 'Kolom',
    value: 'Nilai', reason: 'Alasan', severity: 'Tingkat', error: 'Salah', warning: 'Peringatan', noIssues: 'Tidak ada temuan.',
    unknownUnits: 'Unit yang belum ada ({{count}})', createMissingUnits: 'Buat unit yang belum ada',
    skipInvalidRows: 'Lewati baris yang salah',
    deactivateMissing: 'Nonaktifkan pegawai yang tidak ada di berkas (impor penuh)', commit: 'Simpan ke data induk',
    editMapping: 'Ubah pemetaan', summary: 'Ringkasan impor', inserted: 'Pegawai baru', updated: 'Diperbarui',
    unchanged: 'Tidak berubah', deactivated: 'Dinonaktifkan', unitsCreated: 'Unit baru', toEmployees: 'Lihat daftar pegawai',
    again: 'Impor berkas lain', failed: 'Impor gagal', file: 'Berkas: {{name}}', severityFilter: 'Tampilkan',
  },
  audit: {
    title: 'Log audit', seq: 'No.', time: 'Waktu', actor: 'Pelaku', action: 'Tindakan', entity: 'Objek',
    requestId: 'ID permintaan', verify: 'Periksa keutuhan rantai', verifyOk: 'Rantai audit utuh ({{checked}} entri diperiksa).',
    verifyBroken: 'Rantai audit rusak pada entri {{seq}}: {{reason}}', empty: 'Belum ada entri.',
  },
  outbox: {
    title: 'Kotak keluar (dev)', intro: 'Surel yang dikirim dalam mode pengembangan/demo ditampilkan di sini, bukan dikirim ke SMTP.',
    empty: 'Kotak keluar kosong.', to: 'Kepada', toLogin: 'Kembali ke halaman masuk',
  },
  security: {
    title: 'Keamanan akun', totpOn: 'Autentikasi dua langkah (TOTP) aktif.', totpOff: 'Autentikasi dua langkah belum aktif.',
    setup: 'Siapkan autentikator', secret: 'Kunci rahasia', uri: 'URI otpauth',
    setupHint: 'Tambahkan akun di aplikasi autentikator (mis. Google Authenticator) dengan kunci ini, lalu masukkan kodenya.',
    code: 'Kode autentikator', enable: 'Aktifkan', enabled: 'Autentikasi dua langkah diaktifkan.',
  },
  ...pledgesId,
  ...apelId,
  ...reportsId,
  ...receiptId,
  ...casesId,
  ...handlingId,
  ...monitoringId,
  ...insightsId,
  ...nationalId,
  ...sosialisasiId,
  enums: {
    unitType: {
      pemda: 'Pemerintah daerah', sekretariat_daerah: 'Sekretariat Daerah', sekretariat_dprd: 'Sekretariat DPRD',
      inspektorat: 'Inspektorat', dinas: 'Dinas', badan: 'Badan', satpol_pp: 'Satpol PP', kecamatan: 'Kecamatan',
      kelurahan: 'Kelurahan', uptd: 'UPTD', rsud: 'RSUD', sekolah: 'Sekolah', bagian: 'Bagian', lainnya: 'Lainnya',
    },
    category: {
      pns: 'PNS', cpns: 'CPNS', pppk: 'PPPK', pppk_paruh_waktu: 'PPPK paruh waktu', ppnpn: 'PPNPN',
      honorer: 'Honorer', thl: 'THL', outsourcing: 'Alih daya (outsourcing)',
    },
    jabatanClass: {
      jpt_utama: 'JPT Utama', jpt_madya: 'JPT Madya', jpt_pratama: 'JPT Pratama', administrator: 'Administrator',
      pengawas: 'Pengawas', fungsional: 'Fungsional', pelaksana: 'Pelaksana', kepala_wilayah: 'Kepala wilayah',
      lainnya: 'Lainnya',
    },
    idType: { nip: 'NIP', ni_pppk: 'NI PPPK', nik: 'NIK', internal: 'Nomor internal' },
    sex: { L: 'Laki-laki', P: 'Perempuan' },
    campaignStatus: { draft: 'Draf', open: 'Dibuka', closed: 'Ditutup' },
    electionKind: { pemilu: 'Pemilu', pilkada: 'Pilkada' },
    stageKind: {
      tahapan_mulai: 'Dimulainya tahapan', pendaftaran_calon: 'Pendaftaran calon', penetapan_calon: 'Penetapan calon',
      kampanye: 'Masa kampanye', pemungutan_suara: 'Pemungutan suara', selesai: 'Selesai',
    },
    contestKind: {
      presiden: 'Presiden dan Wakil Presiden', dpr: 'DPR', dpd: 'DPD', dprd_provinsi: 'DPRD Provinsi',
      dprd_kabkota: 'DPRD Kabupaten/Kota', gubernur: 'Gubernur dan Wakil Gubernur', bupati_walikota: 'Bupati/Wali Kota dan Wakilnya',
    },
    tenantKind: { kabupaten: 'Kabupaten', kota: 'Kota', provinsi: 'Provinsi', instansi: 'Instansi lain' },
    status: { active: 'Aktif', inactive: 'Nonaktif', all: 'Semua' },
    role: {
      superadmin: 'Superadmin', admin: 'Admin', satgas: 'Satgas', pimpinan_unit: 'Pimpinan unit', ppk: 'PPK',
      inspektorat: 'Inspektorat', pegawai: 'Pegawai',
    },
    importField: {
      idNumber: 'NIP / NI PPPK / NIK', name: 'Nama', category: 'Kategori pegawai', unit: 'Unit kerja',
      parentUnit: 'Unit induk', golongan: 'Golongan', jabatanName: 'Nama jabatan', jabatanClass: 'Kelas jabatan',
      sex: 'Jenis kelamin', birthDate: 'Tanggal lahir', supervisorIdNumber: 'NIP atasan', email: 'Email',
      phone: 'Nomor telepon',
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof id>;
