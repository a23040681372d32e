/**
 * Indonesian text of the public transparency page /transparansi. Kept apart from id.ts: the page is
 * its own small entry (no Mantine, no i18next) so it loads fast on a slow phone.
 */
export const transparencyId = {
  lang: 'id',
  switchTo: 'EN',
  switchLabel: 'Switch to English',
  brand: 'Netra',
  brandSub: 'Netralitas ASN',
  title: 'Transparansi penanganan netralitas ASN',
  intro: 'Berapa orang Aparatur Sipil Negara (ASN) yang dilaporkan atau ditemukan diduga tidak netral, berapa yang masih ditangani, yang terbukti, dan yang sudah dijatuhi sanksi. Tanpa nama dan tanpa unit kerja.',
  tenant: 'Instansi',
  chooseTenant: 'Pilih instansi…',
  election: 'Pemilihan',
  asOf: 'Keadaan per {date}',
  loading: 'Memuat angka…',
  retry: 'Coba lagi',
  noElection: 'Belum ada pemilihan yang tercatat untuk instansi ini.',
  headline: {
    received: 'Dilaporkan atau ditemukan',
    receivedHint: 'orang, dari laporan masyarakat dan temuan Satgas',
    examining: 'Masih ditangani',
    examiningHint: 'belum ada kesimpulan',
    proven: 'Terbukti melanggar',
    provenHint: 'orang',
    sanctioned: 'Dijatuhi sanksi',
    sanctionedHint: 'oleh Pejabat Pembina Kepegawaian (PPK)',
    followUp: 'Tindak lanjut PPK',
    followUpHint: 'dari ASN yang terbukti melanggar sudah dijatuhi sanksi.',
    followUpHidden: 'Persentase tindak lanjut tidak ditampilkan karena angkanya terlalu kecil dan dapat mengungkap orang.',
    followUpNone: 'Belum ada ASN yang terbukti melanggar.',
  },
  types: { kode_etik: 'Kode etik', disiplin: 'Disiplin', lainnya: 'Lainnya / belum diklasifikasi' },
  typesShort: { kode_etik: 'Kode etik', disiplin: 'Disiplin', lainnya: 'Lainnya' },
  outcomes: {
    examining: 'Masih ditangani',
    stopped: 'Tidak terbukti atau dihentikan',
    proven: 'Terbukti, belum/tidak disanksi',
    sanctioned: 'Terbukti dan disanksi',
  },
  total: 'Jumlah',
  byType: {
    title: 'Menurut jenis pelanggaran',
    intro: 'Kode etik: pelanggaran sebelum penetapan calon (sanksi moral). Disiplin: pelanggaran menurut PP 94/2021 (hukuman disiplin). Lainnya: belum diklasifikasi, atau bukan ASN.',
    outcome: 'Keadaan',
  },
  byMonth: { title: 'Menurut bulan diterima', month: 'Bulan', showTable: 'Lihat tabel angka' },
  legend: {
    small: 'kurang dari 5 — disamarkan agar orangnya tidak dapat dikenali',
    complementary: 'disamarkan agar angka "<5" tidak dapat dihitung dari jumlahnya',
  },
  report: {
    title: 'Cara melapor',
    body: 'Siapa pun dapat melapor tanpa membuat akun, dan boleh tanpa menyebut nama. Ceritakan siapa, berbuat apa, kapan dan di mana, lalu lampirkan bukti (tangkapan layar, foto, tautan). Anda akan menerima nomor laporan dan kunci tanda terima.',
    cta: 'Buat laporan',
  },
  next: {
    title: 'Apa yang terjadi setelah Anda melapor',
    steps: [
      'Satgas Netralitas ASN memverifikasi laporan (paling lama 7 hari kerja) dan dapat meminta keterangan tambahan melalui kotak pesan tanda terima.',
      'Bila lengkap, Satgas meminta klarifikasi dari pegawai yang dilaporkan dan saksi; untuk pelanggaran disiplin sedang atau berat dibentuk Tim Pemeriksa.',
      'Satgas menyimpulkan terbukti atau tidak terbukti, lalu menyampaikan rekomendasi sanksi kepada Pejabat Pembina Kepegawaian (PPK).',
      'PPK menetapkan keputusan sanksi, dan pelaksanaannya dicatat serta dilaporkan kepada BKN.',
    ],
    note: 'Identitas pelapor dilindungi: hanya dapat dibuka atas persetujuan kustodian, dan tidak pernah diberitahukan kepada pegawai yang dilaporkan.',
  },
  check: {
    title: 'Cek status laporan',
    body: 'Masuk dengan nomor laporan dan kunci tanda terima untuk melihat perkembangan, membaca pesan Satgas, menjawab, atau menambah bukti.',
    cta: 'Cek laporan',
  },
  rules: {
    title: 'Aturan singkat',
    intro: 'ASN wajib netral: tidak berpihak dan tidak terpengaruh kepentingan politik mana pun (UU 20/2023 tentang ASN, SKB Netralitas ASN 2022, PP 94/2021 tentang Disiplin PNS). Yang tidak boleh, di dunia nyata maupun di media sosial:',
    dont: [
      'mengunggah, membagikan, mengomentari, atau menyukai (like) unggahan kampanye calon atau partai;',
      'ikut berkampanye, menghadiri deklarasi, atau ikut kegiatan partai politik dan calon;',
      'berfoto dengan gaya yang menunjukkan dukungan (misalnya jari nomor urut) dan menyebarkannya;',
      'memasang spanduk, baliho, atau alat peraga kampanye;',
      'menjadi anggota atau pengurus partai politik;',
      'memakai jabatan atau fasilitas negara, atau membuat keputusan, yang menguntungkan calon tertentu.',
    ],
    may: 'Yang boleh: memberikan suara di TPS secara rahasia, dan mengikuti berita serta debat calon tanpa menunjukkan dukungan.',
    sanctions: 'Sanksinya: pelanggaran kode etik dikenai sanksi moral (pernyataan tertutup atau terbuka); pelanggaran disiplin dikenai hukuman disiplin, dari pemotongan tunjangan 25% selama 6–12 bulan, penurunan jabatan, sampai pemberhentian.',
    more: 'Baca aturan lengkap dan tanya-jawab',
  },
  method: {
    title: 'Cara menghitung',
    body: 'Setiap orang yang dilaporkan atau ditemukan dihitung sekali untuk setiap perkara; laporan ganda tidak dihitung. Bulan adalah bulan laporan atau temuan diterima. Angka di bawah 5 disamarkan sebagai "<5", dan bila perlu angka lain di baris atau kolom yang sama juga disamarkan ("×"), supaya angka kecil tidak dapat dihitung dari jumlahnya.',
  },
  footer: 'Data diperbarui setiap kali halaman dibuka (paling lambat 5 menit).',
};
export type TransparencyTexts = typeof transparencyId;
