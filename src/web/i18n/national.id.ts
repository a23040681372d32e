/** Indonesian text of the national/provincial roll-up (merged into id.ts). */
export const nationalId = {
  national: {
    nav: 'Rekap nasional',
    title: 'Rekap nasional dan provinsi',
    intro: 'Angka agregat per instansi: pegawai aktif, penandatanganan ikrar untuk kampanye pemilihan yang dipilih, laporan apel, kasus per tahap, terbukti, disanksi, dan tindak lanjut PPK. Tidak ada nama, unit, atau kasus perorangan.',
    scopePlatform: 'Anda melihat semua instansi sebagai pengelola platform.',
    scopeGranted: 'Anda melihat {{count}} instansi yang diberikan kepada instansi Anda (akses pengawasan).',
    suppressed: 'Jumlah kasus di bawah {{threshold}} per instansi disamarkan ("<{{threshold}}"), dan bila perlu angka lain juga ("×"), agar tidak ada kasus perorangan yang dapat dikenali; jumlah nasional dihitung sehingga angka yang disamarkan tidak dapat dihitung balik.',
    freshness: 'Angka harian, dihitung ulang setiap jam dan setelah impor data pegawai. Terakhir dihitung: {{oldest}} – {{newest}}.',
    notRefreshed: 'belum dihitung',
    filters: { election: 'Pemilihan', allElections: 'Semua pemilihan (kampanye yang berjalan)', province: 'Provinsi', allProvinces: 'Semua provinsi', asOf: 'Data per tanggal', search: 'Cari instansi', reset: 'Hapus filter', xlsx: 'Unduh XLSX' },
    electionOption: '{{name}} — {{count}} instansi',
    tiles: { tenants: 'Instansi', employees: 'Pegawai aktif', signed: 'Sudah tanda tangan', cases: 'Kasus', followUp: 'Tindak lanjut PPK' },
    charts: {
      signedByProvince: 'Persentase tanda tangan per provinsi', signedByTenant: 'Persentase tanda tangan per instansi (terendah)',
      allHidden: 'Semua jumlah per tahap di bawah 5 atau disamarkan — lihat tabel.', casesByStatus: 'Kasus per tahap (jumlah seluruh instansi)', hint: 'Dihitung dari jumlah sasaran dan tanda tangan instansi yang tampil.',
    },
    cols: {
      code: 'Kode', tenant: 'Instansi', employees: 'Pegawai', signed: 'Tanda tangan', signedPct: '%', apel: 'Apel lapor / wajib',
      cases: 'Kasus', proven: 'Terbukti', sanctioned: 'Disanksi', followUp: 'Tindak lanjut PPK', waiting: 'Menunggu PPK', waitingDays: 'Rata-rata hari menunggu', asOf: 'Data per',
    },
    status: { received: 'Diterima/verifikasi', in_process: 'Dalam pemeriksaan', awaiting_ppk: 'Menunggu PPK', follow_up: 'Tindak lanjut sanksi', closed: 'Selesai' },
    total: 'Jumlah ({{count}} instansi)',
    noElection: 'Instansi ini belum mencatat pemilihan ini.',
    empty: 'Tidak ada instansi untuk filter ini.',
    shown: '{{shown}} dari {{total}} instansi',
    grants: {
      title: 'Akses pengawasan antar-instansi', intro: 'Instansi pengawas (provinsi, BKN, KASN) dapat melihat angka agregat instansi lain. Setiap pemberian dan pencabutan tercatat di log audit semua instansi yang bersangkutan.',
      overseer: 'Instansi pengawas', overseen: 'Instansi yang diawasi', allTenants: 'Semua instansi', basis: 'Dasar (mis. peraturan)', add: 'Beri akses', added: 'Akses pengawasan diberikan.',
      revoke: 'Cabut', revoked: 'Akses dicabut.', revokedAt: 'dicabut {{date}}', empty: 'Belum ada akses pengawasan.', refresh: 'Hitung ulang semua instansi sekarang', refreshed: 'Penghitungan ulang {{count}} instansi dijadwalkan.',
    },
  },
};
