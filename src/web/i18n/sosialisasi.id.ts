/** Indonesian text of sosialisasi: announcements, acknowledgement and quiz, the public rules page (merged into id.ts). */
export const sosialisasiId = {
  sosialisasi: {
    nav: 'Sosialisasi', title: 'Sosialisasi dan pengumuman',
    intro: 'Kirim surat edaran atau materi netralitas ke pegawai per unit, lalu pantau siapa yang sudah membaca dan menyatakan memahami, di samping kepatuhan ikrar.',
    create: 'Terbitkan pengumuman', titleField: 'Judul', reference: 'Nomor surat (opsional)', referencePlaceholder: 'SE Bupati Contoh Nomor 800.1/123/2026',
    body: 'Isi', bodyHint: 'Pisahkan paragraf dengan baris kosong.', targets: 'Unit penerima', targetsHint: 'Unit beserta seluruh unit di bawahnya. Kosongkan untuk semua pegawai.',
    hasQuiz: 'Minta pegawai menjawab kuis 3 pertanyaan sebelum menyatakan memahami', publish: 'Terbitkan', published: 'Pengumuman diterbitkan.',
    notifyByEmail: 'Kirim pemberitahuan e-mail ke pegawai penerima', notifyHint: 'Dikirim bertahap ke setiap pegawai yang punya alamat e-mail; isinya judul dan tautan untuk membaca.',
    noticesDone: 'Pemberitahuan e-mail: {{sent}} terkirim, {{without}} pegawai tanpa alamat e-mail.', noticesSending: 'Pemberitahuan e-mail sedang dikirim: {{sent}} terkirim sejauh ini.',
    list: 'Pengumuman', empty: 'Belum ada pengumuman.', everyone: 'Semua pegawai', quiz: 'Dengan kuis',
    cols: { unit: 'Unit', target: 'Penerima', read: 'Membaca', acknowledged: 'Menyatakan', ackPct: '% menyatakan', signedPct: '% ikrar' },
    counts: '{{read}} membaca · {{ack}} menyatakan dari {{target}} pegawai', detail: 'Rincian per unit', back: 'Kembali ke daftar',
    campaignNote: '% ikrar: kampanye "{{name}}".', noCampaign: 'Tidak ada kampanye ikrar yang sedang berjalan.', allUnits: 'Tampilkan semua unit', topUnits: 'Tampilkan perangkat daerah saja',
    mine: { title: 'Pengumuman untuk Anda', empty: 'Tidak ada pengumuman.', unread: 'Belum dibaca', read: 'Sudah dibaca', acknowledged: 'Sudah menyatakan', open: 'Baca' },
    read: {
      back: 'Kembali ke beranda', acknowledge: 'Saya telah membaca dan memahami isi pengumuman ini', acknowledgeButton: 'Nyatakan memahami',
      acknowledged: 'Anda telah menyatakan memahami pada {{date}}.', quizTitle: 'Kuis singkat', quizIntro: 'Jawab tiga pertanyaan berikut sebelum menyatakan memahami.',
      wrong: 'Jawaban belum tepat', done: 'Terima kasih. Pernyataan Anda tercatat.',
    },
  },
  rules: {
    title: 'Aturan netralitas ASN', intro: 'Yang tidak boleh dilakukan Aparatur Sipil Negara (ASN) selama Pemilu dan Pilkada, di dunia nyata maupun di media sosial, menurut {{catalogue}}.',
    online: 'Di media sosial dan media daring', offline: 'Di dunia nyata', stage: { bakal_calon: 'Sebelum penetapan calon (kode etik)', calon: 'Sejak penetapan calon (disiplin)', any: 'Kapan pun' },
    evidence: 'Bukti yang membantu', sanctions: 'Sanksi', sanctionsIntro: 'Pelanggaran kode etik dikenai sanksi moral; pelanggaran disiplin dikenai hukuman disiplin menurut PP 94/2021.',
    may: 'Yang boleh', mayList: ['Memberikan suara di TPS secara rahasia.', 'Mengikuti berita, debat, dan informasi pemilihan tanpa menunjukkan dukungan.', 'Melaporkan dugaan pelanggaran netralitas.'],
    faqTitle: 'Pertanyaan yang sering diajukan',
    faq: [
      { q: 'Apakah menyukai (like) unggahan calon di akun pribadi termasuk pelanggaran?', a: 'Ya. Membuat unggahan, berkomentar, membagikan, menyukai, atau mengikuti akun pemenangan calon termasuk pelanggaran, dari akun pribadi sekalipun dan di luar jam kerja.' },
      { q: 'Bolehkah ASN datang ke kampanye?', a: 'Tidak boleh ikut serta atau memberi dukungan. ASN yang hadir karena tugas kedinasan tidak boleh memakai atribut atau menunjukkan keberpihakan.' },
      { q: 'Bagaimana jika pasangan saya mencalonkan diri?', a: 'ASN yang ingin mendampingi suami/istri yang menjadi calon dalam kampanye wajib mengambil cuti di luar tanggungan negara.' },
      { q: 'Apakah pegawai non-ASN (PPNPN, honorer) juga wajib netral?', a: 'Ya, sesuai perjanjian kerja dan pakta integritas masing-masing; pelanggarannya ditangani menurut perjanjian kerja.' },
      { q: 'Apakah identitas pelapor aman?', a: 'Anda dapat melapor tanpa nama. Identitas pelapor yang memilih dirahasiakan hanya dapat dibuka atas persetujuan kustodian dan tidak pernah diberitahukan kepada terlapor.' },
    ],
    report: 'Laporkan dugaan pelanggaran', transparency: 'Lihat angka penanganan',
  },
};
