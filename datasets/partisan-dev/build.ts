/**
 * Builds the partisanship development set `posts.jsonl` from hand-written templates and slot fillers
 * about the FICTIONAL Pilkada Kabupaten Sukamaju 2029 (see watchlist.example.json). Deterministic:
 * a fixed seed, no clock, no network; running it twice gives the same bytes.
 *
 *   node --import tsx datasets/partisan-dev/build.ts
 *
 * Every template is a "family"; a family lands wholly in train or heldout (every 4th family of each
 * kind is held out), so the held-out figures measure phrasing the model has not seen.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20291127;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const maybe = (p: number, s: string) => (rnd() < p ? s : '');

// --- the fictional contest ------------------------------------------------------------------------

interface Pair {
  n: number;
  label: string;
  full: string[];
  nick: string[];
  acr: string[];
  party: string[];
  slogan: string[];
  tags: string[];
  acc: string[];
  programs: string[];
}
const PAIRS: Pair[] = [
  {
    n: 1, label: 'Budi–Sari', full: ['Budi Santoso', 'Sari Wulandari', 'Budi Santoso–Sari Wulandari'], nick: ['Pak Budi', 'Bang Budi', 'Bu Sari', 'Mbak Sari', 'Budi-Sari'],
    acr: ['BERSAMA', 'BuSa'], party: ['PHR', 'Partai Harapan Rakyat', 'PKN'], slogan: ['Sukamaju Bersama Sejahtera', 'Bersama Membangun Desa'],
    tags: ['#BudiSari01', '#SukamajuBersama01', '#Bersama01', '#budisari01'], acc: ['@budi_sari01', '@budisantoso.official'],
    programs: ['jalan desa mulus', 'beasiswa anak petani', 'puskesmas 24 jam', 'pasar rakyat baru'],
  },
  {
    n: 2, label: 'Andi–Rina', full: ['Andi Wijaya', 'Rina Kusuma', 'Andi Wijaya–Rina Kusuma'], nick: ['Mas Andi', 'Pak Andi', 'Bu Rina', 'Mbak Rina', 'Andi-Rina'],
    acr: ['MAJU', 'AnRi'], party: ['PSB', 'Partai Suara Bangsa', 'PND'], slogan: ['Sukamaju Maju Rakyat Bahagia', 'Muda Bergerak Sukamaju Maju'],
    tags: ['#SukamajuMaju02', '#AndiRina02', '#Maju02', '#andirina02'], acc: ['@andirina02', '@andi.wijaya'],
    programs: ['internet gratis di balai desa', 'modal usaha untuk UMKM', 'lapangan kerja anak muda', 'sekolah gratis'],
  },
  {
    n: 3, label: 'Hendra–Dewi', full: ['Hendra Gunawan', 'Dewi Anggraini', 'Hendra Gunawan–Dewi Anggraini'], nick: ['Pak Hendra', 'Kang Hendra', 'Bu Dewi', 'Teh Dewi', 'Hendra-Dewi'],
    acr: ['HEBAT', 'HeDe'], party: ['PCB', 'Partai Cahaya Bangsa', 'PTM'], slogan: ['Sukamaju Hebat Desa Kuat', 'Hebat Bersama Petani'],
    tags: ['#HendraDewi03', '#SukamajuHebat03', '#Hebat03', '#hendradewi03'], acc: ['@hendradewi03', '@kang.hendra'],
    programs: ['pupuk murah untuk petani', 'irigasi sawah', 'harga gabah stabil', 'bank sampah desa'],
  },
];
const GESTURE = ['☝️', '✌️', '👌'];
const NUMWORD = ['satu', 'dua', 'tiga'];

/** A reference to pair p in one of many surface forms. */
function ref(p: Pair): string {
  const num = String(p.n);
  return pick([
    pick(p.full), pick(p.nick), pick(p.nick), pick(p.acr), `paslon ${num}`, `paslon 0${num}`, `nomor urut ${num}`, `no ${num}`,
    `0${num}`, `nomor 0${num}`, `${pick(p.nick)} nomor ${num}`, p.label, `${p.label} (0${num})`, `paslon ${NUMWORD[p.n - 1]}`,
  ]);
}
const tag = (p: Pair) => pick(p.tags);

// --- noise: how people actually type -----------------------------------------------------------------

const SLANGIFY: [RegExp, string[]][] = [
  [/\byang\b/g, ['yg', 'yang', 'yng']], [/\btidak\b/g, ['gak', 'ga', 'nggak', 'tdk', 'tidak']], [/\bsudah\b/g, ['udah', 'sdh', 'udh']],
  [/\bdengan\b/g, ['dgn', 'dg', 'sama']], [/\bbanget\b/g, ['bgt', 'banget', 'bangettt']], [/\bkarena\b/g, ['krn', 'karna']],
  [/\buntuk\b/g, ['utk', 'buat']], [/\bsaja\b/g, ['aja', 'aj']], [/\bjangan\b/g, ['jgn', 'jangan']], [/\bsekarang\b/g, ['skrg', 'skrng']],
];
const LEET: Record<string, string> = { o: '0', i: '1', e: '3', a: '4', s: '5' };
function leet(word: string): string {
  return word.replace(/[oieas]/g, (c) => (rnd() < 0.6 ? LEET[c]! : c));
}
function noisy(text: string, level: number): string {
  let t = text;
  if (rnd() < level) for (const [re, alts] of SLANGIFY) t = t.replace(re, () => pick(alts));
  if (rnd() < level * 0.5) t = t.replace(/\b(coblos|pilih|dukung|mantap|semangat|menang)\b/gi, (w) => (rnd() < 0.5 ? leet(w) : w + w.slice(-1).repeat(2)));
  if (rnd() < level * 0.3) t = t.toUpperCase();
  else if (rnd() < level * 0.5) t = t.toLowerCase();
  if (rnd() < level * 0.4) t += pick([' 🔥🔥', ' 💪', ' 🙏', '!!!', ' 😍', ' 👍👍', ' wkwk', ' gaes', ' ya guys']);
  return t.replace(/\s+/g, ' ').trim();
}

// --- fillers -------------------------------------------------------------------------------------------

const DESA = ['Sukamulya', 'Cibodas', 'Mekarsari', 'Karangsari', 'Sindangjaya', 'Tanjungsari', 'Margahayu', 'Sukaresmi', 'Cijati', 'Pasirjaya'];
const KEC = ['Kecamatan Sukamaju Utara', 'Kecamatan Cikalong', 'Kecamatan Pasirluhur', 'Kecamatan Leuwimalang'];
const TGL = ['27 November', 'Rabu 27/11', 'tanggal 27 nanti', 'hari H', 'besok di TPS'];
const JAM = ['pukul 08.00', 'jam 9 pagi', 'ba’da Ashar', 'jam 19.30', 'pukul 14.00 WIB'];
const TEMPAT = ['Lapangan Merdeka Sukamaju', 'GOR Sukamaju', 'alun-alun kecamatan', 'Balai Desa ' + 'Cibodas', 'Stadion Sukamaju'];
const FOOD = ['nasi goreng', 'mie ayam', 'bakso urat', 'soto betawi', 'es teh manis', 'seblak level 3', 'paket ayam geprek'];
const TEAM = ['timnas', 'Persib', 'Persija', 'timnas U-23', 'tim voli putri', 'atlet bulu tangkis kita'];
const ISSUE = ['jalan rusak', 'harga cabai', 'banjir di pasar', 'antrean BPJS', 'lampu jalan mati', 'sampah menumpuk'];
const ANONYM = ['pasangan calon', 'paslon', 'calon bupati', 'kandidat'];

type Make = () => string;
interface Family {
  id: string;
  label: 0 | 1;
  note: string;
  count: number;
  noise: number;
  make: Make;
}

const P = () => pick(PAIRS);
const two = (): [Pair, Pair] => {
  const a = P();
  let b = P();
  while (b === a) b = P();
  return [a, b];
};

const FAMILIES: Family[] = [
  // ---------------- partisan (1) ----------------
  { id: 'p-vote-call', label: 1, note: 'ajakan mencoblos pasangan tertentu', count: 34, noise: 0.5, make: () => { const p = P(); return `${pick(['Ayo', 'Yuk', 'Mari', 'Ayo warga Sukamaju,', 'Bismillah,'])} ${pick(['coblos', 'pilih', 'dukung', 'menangkan', 'coblos nomor'])} ${ref(p)} ${pick(TGL)}! ${maybe(0.5, tag(p))} ${maybe(0.3, GESTURE[p.n - 1]!)}`; } },
  { id: 'p-praise', label: 1, note: 'memuji calon dan mengajak melanjutkan', count: 30, noise: 0.4, make: () => { const p = P(); return `${pick(p.nick)} ${pick(['sudah terbukti', 'sudah nyata', 'paling serius soal', 'satu-satunya yang peduli'])} ${pick(p.programs)}. ${pick(['Lanjutkan!', 'Saatnya', 'Sukamaju butuh', 'Pilihan kami jelas:'])} ${ref(p)} ${maybe(0.6, tag(p))}`; } },
  { id: 'p-gesture', label: 1, note: 'salam jari / emoji gestur dengan slogan atau tagar', count: 26, noise: 0.3, make: () => { const p = P(); return pick([`Salam ${NUMWORD[p.n - 1]} jari ${GESTURE[p.n - 1]} ${pick(p.slogan)}`, `${GESTURE[p.n - 1]}${GESTURE[p.n - 1]} ${tag(p)} ${tag(p)}`, `Kompak ${GESTURE[p.n - 1]} bareng keluarga besar ${pick(DESA)} ${tag(p)}`, `Salam ${p.n} jari ya sobat! ${pick(p.slogan)}`]); } },
  { id: 'p-attack', label: 1, note: 'kampanye negatif terhadap satu pasangan (tetap partisan)', count: 28, noise: 0.5, make: () => { const [a, b] = two(); return pick([`Jangan pilih ${ref(a)}, ${pick(['cuma janji manis', 'programnya omong kosong', 'tidak pernah turun ke desa', 'didukung mafia proyek'])}. ${ref(b)} lebih layak!`, `${pick(a.nick)} itu ${pick(['boneka partai', 'tukang pencitraan', 'tidak punya pengalaman'])}, mending ${ref(b)} ${maybe(0.5, tag(b))}`, `Sudah cukup ${pick(a.nick)}! Tahun ini kita ganti, ${pick(['coblos', 'pilih'])} ${ref(b)}`]); } },
  { id: 'p-event', label: 1, note: 'ajakan menghadiri kampanye/deklarasi pasangan', count: 26, noise: 0.3, make: () => { const p = P(); return pick([`Hadiri kampanye akbar ${ref(p)} di ${pick(TEMPAT)} ${pick(TGL)} ${pick(JAM)}. ${maybe(0.5, tag(p))}`, `Ayo ramaikan deklarasi relawan ${ref(p)} ${pick(KEC)}! Ada doorprize motor 🏍️`, `Undangan: konsolidasi tim pemenangan ${ref(p)} di rumah Pak RW ${pick(JAM)}, wajib hadir ya bapak ibu`, `Yuk datang ke jalan sehat bersama ${pick(p.nick)} Minggu pagi ${pick(TEMPAT)} ${tag(p)}`]); } },
  { id: 'p-subtle', label: 1, note: 'dukungan halus: pilihan keluarga, mantap hati', count: 30, noise: 0.4, make: () => { const p = P(); return pick([`Bismillah, ${ref(p)} pilihan keluarga kami 🙏`, `Sudah mantap hati ke ${ref(p)}, insyaallah amanah`, `Kami warga ${pick(DESA)} solid untuk ${ref(p)} ${GESTURE[p.n - 1]}`, `Hati kecil sudah memilih ${ref(p)}, semoga menang ya ${pick(p.nick)}`, `Doakan ${pick(p.nick)} menang ya, orang baik ${maybe(0.5, tag(p))}`]); } },
  { id: 'p-share', label: 1, note: 'membagikan konten akun kampanye', count: 26, noise: 0.3, make: () => { const p = P(); return pick([`Repost dari ${pick(p.acc)}: program ${pick(p.programs)} untuk Sukamaju! Setuju? ${tag(p)}`, `Setuju banget sama ${pick(p.acc)} 👍 ${pick(p.slogan)}`, `RT ${pick(p.acc)}: "${pick(p.slogan)}" ${tag(p)} ${tag(p)}`, `Follow ${pick(p.acc)} biar tahu program ${pick(p.programs)} ${GESTURE[p.n - 1]}`]); } },
  { id: 'p-alay', label: 1, note: 'dukungan dengan gaya alay/leetspeak/huruf berulang', count: 28, noise: 1, make: () => { const p = P(); return pick([`pokoknya ${pick(['c0bl0s', 'coblosss', 'p1l1h', 'dukunggg'])} ${pick([`0${p.n}`, `no ${p.n}`, `nmr ${p.n}`])} aja gaes gk usah ragu ${GESTURE[p.n - 1]}`, `${pick(['MANTAPPP', 'menanggg', 'GASSS'])} ${pick(p.acr)} ${pick([`0${p.n}`, tag(p)])} !!!`, `yg laen lewat, ${pick(p.nick).toLowerCase()} di hati ${GESTURE[p.n - 1]}${GESTURE[p.n - 1]}`, `klo gk ${ref(p)} ya siapa lagi wkwk ${tag(p)}`]); } },
  { id: 'p-party', label: 1, note: 'dukungan lewat partai pengusung dan nomor', count: 22, noise: 0.4, make: () => { const p = P(); return pick([`Kader ${pick(p.party)} wajib menangkan ${ref(p)}! Satu komando`, `${pick(p.party)} solid di belakang ${pick(p.full)}, ${pick(['coblos', 'pilih'])} nomor ${p.n} ${maybe(0.5, tag(p))}`, `Keluarga besar ${pick(p.party)} ${pick(KEC)} siap memenangkan paslon ${p.n}`]); } },
  { id: 'p-asn', label: 1, note: 'dukungan ASN terselubung (ajakan ke rekan kantor)', count: 26, noise: 0.3, make: () => { const p = P(); return pick([`Teman-teman kantor, ingat ya tanggal 27 kita ${pick(['kompak', 'satu suara'])} ke ${ref(p)} 😉 jangan bilang-bilang`, `Sebagai guru saya cuma titip, pilih pemimpin yang peduli pendidikan seperti ${pick(p.nick)} ${GESTURE[p.n - 1]}`, `Bapak ibu di dinas, kalau mau tunjangan aman ya sudah tahu pilihannya: ${ref(p)}`, `Foto bareng ${pick(p.nick)} habis acara tadi ${GESTURE[p.n - 1]} semoga jadi bupati 🤲`]); } },
  { id: 'p-compare', label: 1, note: 'membandingkan dan memihak', count: 24, noise: 0.4, make: () => { const [a, b] = two(); return pick([`Debat semalam jelas ${pick(a.nick)} paling menguasai data, ${pick(b.nick)} gelagapan. ${a.n === 1 ? '#BudiSari01' : tag(a)}`, `Bandingkan saja programnya, ${ref(a)} jauh lebih masuk akal dibanding ${ref(b)}. Sudah pasti pilih ${ref(a)}`, `Yang ${pick(['kerja nyata', 'merakyat'])} ya ${ref(a)}, yang lain cuma baliho ${tag(a)}`]); } },
  { id: 'p-account', label: 1, note: 'menyebut/menandai akun kampanye dengan dukungan', count: 26, noise: 0.4, make: () => { const p = P(); return pick([`Mantap ${pick(p.acc)}, terus berjuang untuk Sukamaju! ${GESTURE[p.n - 1]}`, `Cek program lengkapnya di ${pick(p.acc)} ya, jangan salah pilih tanggal 27 😉`, `Sudah follow ${pick(p.acc)}? Ayo kawal sampai menang! ${maybe(0.5, tag(p))}`, `Kami relawan ${pick(DESA)} siap bergerak, ${pick(p.acc)}! ${pick(p.slogan)}`, `${pick(p.acc)} semangat terus pak, rakyat ${pick(DESA)} bersamamu`]); } },
  { id: 'p-slogan', label: 1, note: 'slogan kampanye dan salam jari tanpa nama calon', count: 26, noise: 0.4, make: () => { const p = P(); return pick([`${pick(p.slogan)}! Salam ${pick([NUMWORD[p.n - 1], String(p.n)])} jari 🔥`, `Pagi-pagi sudah semangat: ${pick(p.slogan)} ${GESTURE[p.n - 1]}`, `Ingat slogannya: "${pick(p.slogan)}". Tanggal 27 jangan lupa ya`, `Salam ${pick([NUMWORD[p.n - 1], String(p.n)])} jari dari emak-emak ${pick(DESA)}! ${maybe(0.5, tag(p))}`]); } },
  { id: 'p-countdown', label: 1, note: 'hitung mundur dengan tagar kampanye', count: 20, noise: 0.3, make: () => { const p = P(); return `H-${pick(['3', '7', '10', '14', '1'])} menuju kemenangan ${ref(p)}! ${tag(p)} ${maybe(0.5, pick(p.slogan))}`; } },

  // ---------------- not partisan (0) ----------------
  { id: 'n-menu', label: 0, note: 'hard negative: "pilih/nomor" untuk menu dan barang', count: 30, noise: 0.5, make: () => pick([`Hari ini pilih menu nomor ${pick(['1', '2', '3', '02'])} aja deh, ${pick(FOOD)} 😋`, `Pilih warna nomor ${pick(['1', '2', '3'])} atau ${pick(['1', '2', '3'])} ya buat gamis lebaran?`, `Paket nomor ${pick(['2', '3'])} paling laris, isinya ${pick(FOOD)} + ${pick(FOOD)}`, `Bingung pilih ${pick(FOOD)} atau ${pick(FOOD)}, dua-duanya enak`, `Yang nomor ${pick(['1', '2', '3'])} ukurannya pas, pilih yang itu aja kak`]) },
  { id: 'n-coblos-balon', label: 0, note: 'hard negative: "coblos" dalam arti melubangi', count: 26, noise: 0.5, make: () => pick([`Adik coblos balon ${pick(['2', 'dua', 'tiga'])} kali sampai nangis wkwk 🎈`, `Tutup botolnya dicoblos dulu pakai paku biar airnya keluar`, `Lomba coblos balon 17an di RT ${pick(['02', '03', '05'])}, hadiahnya sabun colek`, `Cara bikin lubang: coblos kertas pakai lidi, terus tempel di jendela`, `Kertas karton dicoblos nomor ${pick(['1', '2', '3'])} sampai ${pick(['5', '6'])} buat prakarya anak SD`]) },
  { id: 'n-dukung', label: 0, note: 'hard negative: "dukung/menangkan" untuk olahraga, UMKM, teman', count: 30, noise: 0.5, make: () => pick([`Ayo dukung ${pick(TEAM)} malam ini! Menangkan pertandingannya 💪🇮🇩`, `Dukung UMKM lokal ${pick(DESA)}, beli ${pick(FOOD)} di tetangga sendiri`, `Semangat ${pick(TEAM)}, kami dukung sampai juara ${pick(['1', 'satu'])}!`, `Menangkan hati mertua itu lebih susah dari menang lotre 😂`, `Dukung teman kita yang ikut lomba MTQ, vote nomor peserta ${pick(['12', '21', '7'])} di IG panitia`]) },
  { id: 'n-numbers', label: 0, note: 'hard negative: angka 01/02/03 dan "nomor urut" di luar pemilu', count: 28, noise: 0.5, make: () => pick([`Antrean nomor urut ${pick(['2', '3', '02'])} di puskesmas dari subuh, belum dipanggil juga`, `RT 0${pick(['1', '2', '3'])} RW 0${pick(['1', '2', '3'])} kerja bakti Minggu pagi, bawa cangkul`, `Juara ${pick(['1', '2', '3'])} lomba ${pick(['tumpeng', 'kebersihan kampung', 'voli antar desa'])} diraih ${pick(DESA)}!`, `Jadwal ronda: pos 0${pick(['1', '2', '3'])} jam 22.00, jangan telat`, `Kelas 2 SD sudah belajar perkalian ${pick(['2', '3'])}, anak sekarang hebat`]) },
  { id: 'n-gesture', label: 0, note: 'hard negative: emoji jari di luar kampanye', count: 22, noise: 0.4, make: () => pick([`Foto wisuda dulu dong ✌️ akhirnya lulus juga`, `Peace ✌️ jangan marah ya bestie`, `Rasanya 👌 pas banget ${pick(FOOD)} di sini`, `Tunggu sebentar ☝️ saya ambil dulu dokumennya`, `Liburan ke pantai sama keluarga ✌️😎`]) },
  { id: 'n-vote-generic', label: 0, note: 'ajakan memilih tanpa menyebut pilihan', count: 30, noise: 0.4, make: () => pick([`Ayo ke TPS ${pick(TGL)}, gunakan hak pilihmu! Satu suara menentukan masa depan Sukamaju`, `Jangan golput ya, pilih sesuai hati nurani masing-masing 🇮🇩`, `Pilkada damai, beda pilihan tetap saudara. Datang ke TPS ${pick(TGL)}`, `Sudah cek DPT belum? Pastikan namamu terdaftar biar bisa nyoblos`, `Apa pun pilihanmu, jaga persatuan warga ${pick(DESA)} ya`]) },
  { id: 'n-news', label: 0, note: 'berita pemilu netral, menyebut pasangan tanpa memihak', count: 30, noise: 0.1, make: () => pick([`KPU Kabupaten Sukamaju menetapkan tiga pasangan calon: Budi–Sari (01), Andi–Rina (02) dan Hendra–Dewi (03).`, `Debat publik kedua ${pick(ANONYM)} digelar di GOR Sukamaju, membahas ${pick(ISSUE)} dan pertanian.`, `Hasil pengundian nomor urut: 01 Budi Santoso–Sari Wulandari, 02 Andi Wijaya–Rina Kusuma, 03 Hendra Gunawan–Dewi Anggraini.`, `${pick(['Ketiga', 'Seluruh'])} paslon menandatangani deklarasi kampanye damai di halaman kantor KPU Sukamaju.`, `Survei lembaga X: elektabilitas ketiga pasangan masih ketat, ${pick(['18', '22', '30'])} persen pemilih belum menentukan pilihan.`, `Jadwal kampanye: paslon ${pick(['01', '02', '03'])} di ${pick(KEC)} hari ini, sesuai undian KPU.`]) },
  { id: 'n-kpu-bawaslu', label: 0, note: 'pengumuman KPU/Bawaslu', count: 28, noise: 0.1, make: () => pick([`Bawaslu Sukamaju membuka posko pengaduan pelanggaran Pilkada di setiap kecamatan. Laporkan dengan bukti!`, `KPU mengingatkan: pencoblosan ${pick(TGL)} mulai ${pick(JAM)}, bawa KTP elektronik dan surat undangan (C6).`, `Rekrutmen KPPS Pilkada Sukamaju dibuka sampai ${pick(['10', '15', '20'])} Oktober, syarat usia minimal 17 tahun.`, `Bawaslu: masa tenang dimulai H-3, alat peraga kampanye wajib diturunkan.`, `Simulasi pemungutan suara di TPS ${pick(['05', '12', '02'])} ${pick(DESA)} berjalan lancar.`]) },
  { id: 'n-netralitas', label: 0, note: 'sosialisasi netralitas ASN', count: 30, noise: 0.2, make: () => pick([`ASN wajib netral! Dilarang like, share, komentar konten kampanye ${pick(ANONYM)} mana pun. #ASNNetral`, `Apel netralitas ASN Pemkab Sukamaju pagi ini, seluruh pegawai menandatangani pakta integritas.`, `Ingat bapak ibu ASN, foto dengan gaya jari yang identik dengan nomor paslon juga termasuk pelanggaran.`, `Satgas Netralitas mengimbau ASN tidak ikut grup WA relawan ${pick(ANONYM)} mana pun.`, `Netral itu bukan golput. ASN tetap memilih di TPS, tapi tidak berkampanye. #NetralitasASN`]) },
  { id: 'n-daily', label: 0, note: 'kehidupan sehari-hari', count: 34, noise: 0.6, make: () => pick([`Hujan dari pagi, ${pick(ISSUE)} lagi di depan rumah 😩`, `Alhamdulillah panen cabai tahun ini lumayan, harga ${pick(['Rp30 ribu', 'Rp45 ribu'])} per kilo`, `Budi, teman sekelasku dulu, sekarang sudah jadi dokter di ${pick(KEC)}. Bangga!`, `Anak saya ranking ${pick(['1', '2', '3'])} di kelas, hadiahnya ${pick(FOOD)} sepuasnya`, `Macet parah di ${pick(['pasar', 'perempatan alun-alun', 'jalan provinsi'])}, ada truk mogok`, `Pengajian ibu-ibu ${pick(DESA)} Jumat ini di rumah Bu Haji, bawa snack masing-masing`, `Mohon doanya, bapak saya dirawat di RSUD Sukamaju kamar nomor ${pick(['2', '3', '12'])}`]) },
  { id: 'n-factcheck', label: 0, note: 'klarifikasi hoaks / literasi, tanpa memihak', count: 24, noise: 0.2, make: () => pick([`Hoaks! Kabar surat suara sudah dicoblos di gudang itu tidak benar, kata KPU Sukamaju. Cek faktanya dulu.`, `Jangan mudah percaya pesan berantai soal ${pick(ANONYM)}, saring sebelum sharing.`, `Klarifikasi: jadwal pencoblosan tidak diundur, tetap ${pick(TGL)}.`, `Diskominfo Sukamaju: video ${pick(ANONYM)} yang viral itu hasil suntingan.`]) },
  { id: 'n-complaint', label: 0, note: 'keluhan publik tentang pemilu tanpa memihak', count: 24, noise: 0.6, make: () => pick([`Baliho ${pick(ANONYM)} di mana-mana, nutupin rambu jalan. Tolong ditertibkan 🙏`, `Berisik banget konvoi kampanye lewat depan rumah jam 11 malam`, `Siapa pun yang menang nanti, tolong perbaiki ${pick(ISSUE)} di ${pick(DESA)}`, `Capek lihat grup keluarga ribut soal pilkada, mending bahas ${pick(FOOD)}`]) },
  { id: 'n-names', label: 0, note: 'hard negative: nama umum (Budi, Andi, Rina) di luar pilkada', count: 26, noise: 0.4, make: () => pick([`Andi ulang tahun hari ini, traktir ${pick(FOOD)} dong bro`, `Budi pergi ke pasar membeli ${pick(FOOD)} untuk ibunya`, `Selamat ya Mbak Rina atas kelahiran anak keduanya 👶`, `Pak Hendra tetangga sebelah panen jambu, dibagi ke satu RT`, `Dewi juara ${pick(['1', '2'])} lomba baca puisi tingkat kecamatan 👏`, `Bu Sari guru ngaji kami sakit, mohon doanya`]) },
  { id: 'n-menang', label: 0, note: 'hard negative: "menang/menangkan/kawal" di luar pemilu', count: 26, noise: 0.5, make: () => pick([`Menangkan hadiah ${pick(['motor', 'kulkas', 'umrah'])} di undian tabungan bank, syaratnya gampang`, `Alhamdulillah anak kami menang lomba ${pick(['adzan', 'mewarnai', 'tahfiz'])} juara ${pick(['1', '2', '3'])}`, `Kawal terus kasus ${pick(ISSUE)} ini sampai tuntas, jangan sampai hilang`, `Yang penting menang dulu, soal main bagus nanti. Ayo ${pick(TEAM)}!`, `Menangkan hati pelanggan dengan pelayanan ramah, tips usaha ${pick(FOOD)}`]) },
  { id: 'n-handles', label: 0, note: 'hard negative: menandai akun biasa atau akun resmi penyelenggara', count: 26, noise: 0.4, make: () => pick([`Setuju banget sama ${pick(['@sahabat_ku', '@infosukamaju', '@dinas.pertanian'])} 👍 jalan desa harus segera diperbaiki`, `Follow ${pick(['@kpu_sukamaju', '@bawaslu.sukamaju'])} buat info resmi jadwal pencoblosan`, `Repost dari ${pick(['@infosukamaju', '@sukamaju.update'])}: ${pick(ISSUE)} di ${pick(DESA)} sudah ditangani`, `Makasih ${pick(['@warung.bu.imah', '@kopi_senja'])}, ${pick(FOOD)}nya mantap 👌`, `Salam kenal ${pick(['@teman_baru', '@komunitas.sepeda'])}, gowes bareng Minggu ya ✌️`]) },
  { id: 'n-news-pairs', label: 0, note: 'berita netral yang menyebut beberapa pasangan sekaligus', count: 28, noise: 0.1, make: () => { const [a, b] = two(); return pick([`Pengundian nomor urut Pilkada Sukamaju: ${a.label} mendapat nomor ${a.n}, ${b.label} nomor ${b.n}.`, `Debat publik: ${pick(a.full)} dan ${pick(b.full)} adu gagasan soal ${pick(ISSUE)}.`, `KPU menetapkan ${a.label} (0${a.n}) dan ${b.label} (0${b.n}) sebagai pasangan calon, disusul pengundian nomor.`, `Jadwal kampanye hari ini: paslon 0${a.n} di ${pick(KEC)}, paslon 0${b.n} di ${pick(KEC)}.`, `Ketiga paslon, ${PAIRS.map((x) => x.label).join(', ')}, hadir dalam deklarasi kampanye damai.`, `Visi misi ${a.label} dan ${b.label} bisa dibaca di laman resmi KPU Sukamaju.`]); } },
  { id: 'n-salam', label: 0, note: 'hard negative: "salam", "slogan" dan kata "bersama/maju/hebat" sehari-hari', count: 24, noise: 0.4, make: () => pick([`Salam olahraga! Jalan pagi bersama warga ${pick(DESA)} ✌️`, `Maju terus UMKM ${pick(DESA)}, hebat bersama koperasi desa`, `Salam dari ${pick(DESA)}, hari ini gotong royong bersama bapak-bapak`, `Anak-anak hebat, maju terus pantang mundur di lomba 17an!`, `Makan bersama keluarga besar, ${pick(FOOD)} buatan ibu paling juara 👌`]) },
  { id: 'n-sport-vote', label: 0, note: 'hard negative: voting dan nomor di kompetisi', count: 22, noise: 0.5, make: () => pick([`Vote nomor ${pick(['2', '3', '02'])} di ajang duta wisata Sukamaju ya, keponakan saya 🙏`, `Pilih siapa di final: nomor ${pick(['1', '2'])} atau nomor ${pick(['2', '3'])}? Dua-duanya jago`, `Dukung kontingen ${pick(DESA)} di Porkab, semoga juara umum`, `Nomor punggung ${pick(['2', '10', '7'])} main bagus banget tadi, gol salto`]) },
];

// --- build ------------------------------------------------------------------------------------------------

interface Post {
  id: string;
  text: string;
  label: 0 | 1;
  split: 'train' | 'heldout';
  family: string;
  note: string;
}

export function buildPosts(): Post[] {
  const posts: Post[] = [];
  const seen = new Set<string>();
  const kindIndex = { 0: 0, 1: 0 };
  for (const fam of FAMILIES) {
    // Every 4th family of each label (the 3rd, 7th, …) is held out.
    const split = kindIndex[fam.label]++ % 4 === 2 ? 'heldout' : 'train';
    let made = 0;
    for (let attempt = 0; made < fam.count && attempt < fam.count * 30; attempt++) {
      const text = noisy(fam.make(), fam.noise);
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      made++;
      posts.push({ id: `${fam.id}-${String(made).padStart(3, '0')}`, text, label: fam.label, split, family: fam.id, note: fam.note });
    }
  }
  return posts;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const posts = buildPosts();
  const out = join(dirname(fileURLToPath(import.meta.url)), 'posts.jsonl');
  writeFileSync(out, posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const count = (f: (p: Post) => boolean) => posts.filter(f).length;
  console.log(`${out}: ${posts.length} posts; train ${count((p) => p.split === 'train')} (${count((p) => p.split === 'train' && p.label === 1)} partisan), heldout ${count((p) => p.split === 'heldout')} (${count((p) => p.split === 'heldout' && p.label === 1)} partisan)`);
}
