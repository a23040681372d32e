/**
 * Indonesian slang and abbreviation lexicon used by the normaliser. Written for Netra (project
 * licence); it deliberately does not copy the dataset's `new_kamusalay.csv` (CC BY-NC-SA 4.0), so
 * the code stays under the project licence. Keys are lower-case single tokens; values may be
 * several words. Negations are mapped TO "tidak"/"jangan"/"belum"/"bukan", never removed.
 */
export const SLANG: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // negations: keep them, only spell them out
    gk: 'tidak', ga: 'tidak', gak: 'tidak', gak2: 'tidak', nggak: 'tidak', ngga: 'tidak', engga: 'tidak',
    enggak: 'tidak', kagak: 'tidak', kaga: 'tidak', tdk: 'tidak', tak: 'tidak', ndak: 'tidak', nda: 'tidak',
    g: 'tidak', gx: 'tidak', gak2nya: 'tidak', jgn: 'jangan', jngn: 'jangan', blm: 'belum',
    blum: 'belum', lom: 'belum', bkn: 'bukan', bukn: 'bukan',
    // function words
    yg: 'yang', yng: 'yang', dg: 'dengan', dgn: 'dengan', dng: 'dengan', sm: 'sama', ama: 'sama',
    utk: 'untuk', untk: 'untuk', krn: 'karena', karna: 'karena', krna: 'karena', coz: 'karena',
    tp: 'tapi', tpi: 'tapi', klo: 'kalau', kalo: 'kalau', kl: 'kalau', klw: 'kalau', kalu: 'kalau',
    jd: 'jadi', jdi: 'jadi', sdh: 'sudah', udh: 'sudah', udah: 'sudah', dah: 'sudah', sudh: 'sudah',
    blh: 'boleh', bs: 'bisa', bsa: 'bisa', aja: 'saja', aj: 'saja', sj: 'saja', doang: 'saja',
    lg: 'lagi', lgi: 'lagi', dr: 'dari', dri: 'dari', pd: 'pada', kpd: 'kepada', ke2: 'kedua',
    dlm: 'dalam', org: 'orang', orng: 'orang', tsb: 'tersebut', dll: 'dan lain lain', dsb: 'dan sebagainya',
    spt: 'seperti', kyk: 'kayak', kek: 'kayak', kayaknya: 'sepertinya', gmn: 'bagaimana', gimana: 'bagaimana',
    gmna: 'bagaimana', knp: 'kenapa', napa: 'kenapa', npa: 'kenapa', sy: 'saya', sya: 'saya',
    aq: 'aku', ak: 'aku', gue: 'aku', gw: 'aku', gua: 'aku', w: 'aku', lu: 'kamu', lo: 'kamu', loe: 'kamu',
    elo: 'kamu', lw: 'kamu', km: 'kamu', kmu: 'kamu', u: 'kamu', kalian2: 'kalian', kt: 'kita', kta: 'kita',
    dy: 'dia', doi: 'dia', bgt: 'banget', bngt: 'banget', bgd: 'banget', bener: 'benar', bnr: 'benar',
    emg: 'memang', emang: 'memang', mmg: 'memang', skrg: 'sekarang', skrng: 'sekarang', skg: 'sekarang',
    sekrg: 'sekarang', bsk: 'besok', besuk: 'besok', kmrn: 'kemarin', kemaren: 'kemarin', nti: 'nanti',
    ntar: 'nanti', ntr: 'nanti', td: 'tadi', tdi: 'tadi', trs: 'terus', trus: 'terus', sll: 'selalu',
    slalu: 'selalu', smua: 'semua', smw: 'semua', sma: 'sama', msh: 'masih', masi: 'masih', mo: 'mau',
    mw: 'mau', pengen: 'ingin', pgn: 'ingin', pingin: 'ingin', tau: 'tahu', tw: 'tahu', thu: 'tahu',
    liat: 'lihat', lht: 'lihat', ngeliat: 'melihat', bikin: 'buat', bkin: 'buat', dpt: 'dapat', dapet: 'dapat',
    hrs: 'harus', hrus: 'harus', msti: 'mesti', kpn: 'kapan', dmn: 'di mana', dimana: 'di mana',
    sdkt: 'sedikit', dikit: 'sedikit', byk: 'banyak', bnyk: 'banyak', bnyak: 'banyak', bbrp: 'beberapa',
    tgl: 'tanggal', thn: 'tahun', bln: 'bulan', hr: 'hari', mgg: 'minggu', jam2: 'jam',
    ok: 'oke', okey: 'oke', okay: 'oke', sip: 'oke', mksh: 'terima kasih', makasih: 'terima kasih',
    makasi: 'terima kasih', trims: 'terima kasih', thx: 'terima kasih', tq: 'terima kasih', ty: 'terima kasih',
    slmt: 'selamat', pls: 'tolong', plis: 'tolong', tlg: 'tolong', tolongin: 'tolong',
    // people and places
    bpk: 'bapak', pak: 'bapak', bp: 'bapak', ibu2: 'ibu ibu', bu: 'ibu', mba: 'mbak', mb: 'mbak',
    sdr: 'saudara', temen: 'teman', tmn: 'teman', tman: 'teman', kawan2: 'kawan', warga2: 'warga',
    kab: 'kabupaten', kec: 'kecamatan', kel: 'kelurahan', ds: 'desa', pemkab: 'pemerintah kabupaten',
    pemda: 'pemerintah daerah',
    // election vocabulary (spelled-out forms help both rules and classifiers)
    nyoblos: 'coblos', nyoblosnya: 'coblos', dicoblos: 'coblos', coblosan: 'coblos', cblos: 'coblos',
    milih: 'pilih', mlh: 'pilih', plh: 'pilih', dipilih: 'pilih', pilihlah: 'pilih', dukungan: 'dukung',
    ndukung: 'dukung', dkg: 'dukung', dukungg: 'dukung', menangin: 'menangkan', menangkeun: 'menangkan',
    no: 'nomor', nmr: 'nomor', nomer: 'nomor', nmor: 'nomor', nourut: 'nomor urut', nomerurut: 'nomor urut',
    cabup: 'calon bupati', cawabup: 'calon wakil bupati', cagub: 'calon gubernur',
    cawagub: 'calon wakil gubernur', cawalkot: 'calon wali kota', capres: 'calon presiden',
    cawapres: 'calon wakil presiden', caleg: 'calon legislatif', timses: 'tim sukses', tps: 'tps',
    // intensifiers and fillers
    bgtt: 'banget', pol: 'banget', bener2: 'benar benar', bnr2: 'benar benar', mantul: 'mantap',
    mantab: 'mantap', mntp: 'mantap', keren: 'keren', gokil: 'hebat', wkwk: 'wkwk', wkwkwk: 'wkwk',
    wk: 'wkwk', haha: 'haha', hahaha: 'haha', hehe: 'hehe', anjir: 'anjir', njir: 'anjir',
  }),
);

/**
 * Words whose double letters are real spelling ("maaf", "saat"): letter-run repair collapses runs of
 * three or more to one letter, except where the two-letter form is one of these.
 */
export const DOUBLE_LETTER_WORDS: ReadonlySet<string> = new Set([
  'maaf', 'saat', 'taat', 'jaat', 'sukses', 'allah', 'assalamualaikum', 'sunnah', 'jannah', 'alhamdulillah',
  'innalillahi', 'insyaallah', 'masyaallah', 'subhanallah', 'mall', 'good', 'cool', 'keep', 'free', 'follow',
  'wassalam', 'mutiara', 'tiap', 'tweet', 'need', 'feed', 'book', 'look', 'miss', 'boss', 'pass', 'class',
  'kaabah', 'manfaat', 'saatnya', 'keadaan', 'perdagangan', 'pengganti', 'bersaing', 'diisi', 'siir', 'aamiin',
  'amiin', 'sehat', 'pemilihan', 'jakarta',
]);

/**
 * Gesture emoji that stand for a pair number in Indonesian campaign talk ("salam satu/dua/tiga jari").
 * Keys are the base code points; variation selectors and skin tones are dropped by the normaliser.
 */
export const GESTURE_EMOJI: ReadonlyMap<string, number> = new Map([
  ['\u261D', 1], // ☝ index pointing up: one finger
  ['\u{1F446}', 1], // 👆
  ['\u270C', 2], // ✌ victory hand: two fingers
  ['\u{1F91E}', 2], // 🤞 crossed fingers, sometimes used as two
  ['\u{1F44C}', 3], // 👌 OK hand: three fingers up
  ['\u{1F91F}', 3], // 🤟 love-you gesture: three fingers
]);

/** Number words that can name a pair ("salam dua jari", "paslon tiga"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['satu', 1], ['kesatu', 1], ['pertama', 1], ['dua', 2], ['kedua', 2], ['tiga', 3], ['ketiga', 3],
  ['empat', 4], ['keempat', 4], ['lima', 5], ['kelima', 5], ['enam', 6], ['tujuh', 7], ['delapan', 8],
  ['sembilan', 9],
]);
