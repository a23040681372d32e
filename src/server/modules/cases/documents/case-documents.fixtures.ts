/**
 * A fictional Kabupaten Contoh case for the document tests: one input of every kind, plus helpers to
 * read a PDF's text (poppler's pdftotext) the way a person would check a printed letter.
 */
import { spawn } from 'node:child_process';
import type { CaseDocumentInput, CaseDocumentInputOf, CaseOnLetter, LetterHead, SatgasOnLetter, SubjectOnLetter } from './case-document.types.js';

export const HASH_A = 'a3f1c2d4e5b6978812345678900abcdefa3f1c2d4e5b6978812345678900abcd';
export const HASH_B = '0b1c2d3e4f5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0';

const head = (number: string, issuedOn = '2026-11-24'): LetterHead => ({
  instansi: 'Pemerintah Kabupaten Contoh',
  address: 'Jl. Jenderal Sudirman No. 1, Kabupaten Contoh',
  place: 'Contoh',
  issuedOn,
  number,
});

export const satgas: SatgasOnLetter = {
  decreeNumber: '100.3.3.2/412/2026',
  decreeSignedOn: '2026-08-03',
  signerTitle: 'Bupati Contoh',
  chair: { title: 'Sekretaris Daerah Kabupaten Contoh', name: 'Dr. Hendra Wijaya, S.H., M.Si.', nip: '197003121995031002' },
  secretary: { title: 'Kepala BKPSDM Kabupaten Contoh', name: 'Ratna Sari Dewi, S.Sos., M.M.', nip: '197505202000032004' },
  members: [
    { position: 'anggota', name: 'Agus Prasetyo, S.E.', title: 'Inspektur Pembantu II, Inspektorat' },
    { position: 'anggota', name: 'Lina Marlina, S.H.', title: 'Kepala Bagian Hukum, Sekretariat Daerah' },
  ],
};

export const theCase: CaseOnLetter = {
  number: 'KS-2026-0042',
  title: 'Unggahan dukungan kepada calon bupati di Facebook',
  summary: 'Terlapor mengunggah foto bersama pasangan calon nomor urut 2 dengan gestur dua jari dan keterangan ajakan memilih.\nUnggahan ditemukan oleh tim patroli media sosial Satgas dan diarsipkan sebelum dihapus.',
  originLabel: 'Temuan pengawasan media sosial',
  actKindLabel: 'Unggahan di media sosial',
  actDate: '2026-10-05',
  place: 'Akun Facebook "Budi Santoso"',
  electionName: 'Pemilihan Bupati dan Wakil Bupati Contoh Tahun 2026',
  contestName: 'Pemilihan Bupati dan Wakil Bupati Contoh',
  penetapanCalonOn: '2026-09-22',
  catalogueTitle: 'SKB 2022 (versi 1)',
};

export const subject: SubjectOnLetter = {
  name: 'Budi Santoso, S.Pd.',
  idNumber: '198503152010011003',
  position: 'Guru Ahli Muda',
  unitName: 'SMP Negeri 3 Contoh, Dinas Pendidikan',
  categoryLabel: 'PNS',
  rank: 'Penata, III/c',
  item: {
    code: 'D-7',
    act: 'Mengunggah foto bersama calon dengan gestur keberpihakan di media sosial',
    legalBasis: 'PP 94/2021 Pasal 5 huruf n angka 5 jo. Pasal 14 huruf i; SKB 2022',
    tierLabel: 'Hukuman disiplin berat',
  },
};

const secondSubject: SubjectOnLetter = {
  name: 'Siti Aminah',
  idNumber: '3301014505900002',
  position: 'Tenaga administrasi (non-ASN)',
  unitName: 'Kecamatan Contoh Utara',
  categoryLabel: 'Non-ASN',
  item: null,
};

export const summons1: CaseDocumentInputOf<'surat_panggilan'> = {
  kind: 'surat_panggilan',
  head: head('800.1.6.4/0011/Satgas-Netralitas/2026', '2026-10-20'),
  satgas,
  case: theCase,
  subject,
  summonsNo: 1,
  appearOn: '2026-10-29',
  appearTime: '09.00 WIB',
  appearPlace: 'Ruang Rapat BKPSDM Kabupaten Contoh, Jl. Jenderal Sudirman No. 1',
  previousSummonsOn: null,
};

export const summons2: CaseDocumentInputOf<'surat_panggilan'> = {
  ...summons1,
  head: head('800.1.6.4/0014/Satgas-Netralitas/2026', '2026-10-30'),
  summonsNo: 2,
  appearOn: '2026-11-10',
  previousSummonsOn: '2026-10-20',
};

export const clarification: CaseDocumentInputOf<'ba_klarifikasi'> = {
  kind: 'ba_klarifikasi',
  head: head('800.1.6.4/0015/BA-Klarifikasi/2026', '2026-11-10'),
  satgas,
  case: theCase,
  subject,
  heldOn: '2026-11-10',
  heldAt: 'Ruang Rapat BKPSDM Kabupaten Contoh',
  statement: 'Saya mengakui mengunggah foto tersebut pada tanggal 5 Oktober 2026 setelah menghadiri acara keluarga.\nSaya tidak mengetahui bahwa gestur dua jari dianggap sebagai dukungan kepada pasangan calon.',
  attendees: ['Ratna Sari Dewi, S.Sos., M.M. (Sekretaris Satgas)', 'Agus Prasetyo, S.E. (Inspektorat)', 'Drs. Joko Susilo (Kepala SMP Negeri 3 Contoh, atasan langsung)'],
  clarifier: { title: 'Kepala BKPSDM Kabupaten Contoh', name: 'Ratna Sari Dewi, S.Sos., M.M.', nip: '197505202000032004' },
};

export const bap: CaseDocumentInputOf<'bap'> = {
  kind: 'bap',
  head: head('800.1.6.4/0018/BAP/2026', '2026-11-17'),
  case: theCase,
  subject,
  heldOn: '2026-11-17',
  heldAt: 'Ruang Pemeriksaan Inspektorat Kabupaten Contoh',
  team: [
    { name: 'Drs. Joko Susilo', title: 'Kepala SMP Negeri 3 Contoh', role: 'Ketua (atasan langsung)' },
    { name: 'Agus Prasetyo, S.E.', title: 'Inspektur Pembantu II', role: 'Anggota (unsur pengawasan)' },
    { name: 'Dewi Lestari, S.H.', title: 'Analis SDM Aparatur, BKPSDM', role: 'Anggota (unsur kepegawaian)' },
  ],
  questions: [
    { q: 'Apakah Saudara dalam keadaan sehat dan bersedia diperiksa?', a: 'Ya, saya sehat dan bersedia.' },
    { q: 'Apakah benar akun Facebook "Budi Santoso" milik Saudara?', a: 'Benar, akun tersebut milik saya.' },
    { q: 'Apakah Saudara mengetahui bahwa pasangan tersebut telah ditetapkan sebagai calon?', a: 'Saya mengetahuinya dari berita.' },
  ],
  signedByExamined: false,
  refusalNote: 'Yang diperiksa menyatakan akan berkonsultasi dengan kuasa hukumnya terlebih dahulu',
};

export const findings: CaseDocumentInputOf<'laporan_hasil_pemeriksaan'> = {
  kind: 'laporan_hasil_pemeriksaan',
  head: head('800.1.6.4/0019/LHP/2026', '2026-11-19'),
  satgas,
  case: theCase,
  findings: [
    { subject, finding: 'proven', reason: 'Unggahan terverifikasi dari arsip patroli dan diakui oleh yang bersangkutan dalam klarifikasi dan BAP.' },
    { subject: secondSubject, finding: 'not_proven', reason: 'Akun yang membagikan ulang unggahan bukan milik yang bersangkutan.' },
  ],
  chronology: [
    { on: '2026-10-05', text: 'Unggahan ditemukan oleh tim patroli media sosial dan diarsipkan.' },
    { on: '2026-10-20', text: 'Surat Panggilan I diterbitkan; yang bersangkutan tidak hadir.' },
    { on: '2026-11-10', text: 'Klarifikasi setelah Surat Panggilan II.' },
    { on: '2026-11-17', text: 'Pemeriksaan oleh Tim Pemeriksa; BAP tidak ditandatangani terperiksa.' },
  ],
  evidence: [
    { description: 'Tangkapan layar unggahan Facebook 5 Oktober 2026', sha256: HASH_A },
    { description: 'Arsip HTML halaman unggahan', sha256: HASH_B },
  ],
};

export const recommendation: CaseDocumentInputOf<'surat_rekomendasi'> = {
  kind: 'surat_rekomendasi',
  head: head('800.1.6.4/0020/Satgas-Netralitas/2026', '2026-11-20'),
  satgas,
  case: theCase,
  ppk: { title: 'Bupati Contoh', name: 'H. Ahmad Fauzi, S.E.' },
  recommendations: [
    {
      subject,
      tierLabel: 'Hukuman disiplin berat',
      sanctionOptions: ['turun_jabatan_12_bulan', 'jabatan_pelaksana_12_bulan', 'pdhtaps'],
      reasoning: 'Perbuatan dilakukan setelah penetapan calon tanggal 22 September 2026 sehingga termasuk daftar disiplin (D-7); tidak ada hal yang meringankan selain pengakuan.',
    },
  ],
};

export const decreeDraft: CaseDocumentInputOf<'draft_sk'> = {
  kind: 'draft_sk',
  head: head('800.1.6.4/0021/SK-HD/2026', '2026-11-27'),
  case: theCase,
  ppk: { title: 'Bupati Contoh', name: 'H. Ahmad Fauzi, S.E.' },
  subject,
  tierLabel: 'Hukuman disiplin berat',
  tier: 'berat',
  sanctionOptions: ['turun_jabatan_12_bulan', 'jabatan_pelaksana_12_bulan', 'pdhtaps'],
  chosenSanction: null,
  legalBasis: [
    'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;',
    'Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang Nomor 1 Tahun 2015;',
    'Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil;',
  ],
};

export const decreeChosen: CaseDocumentInputOf<'draft_sk'> = { ...decreeDraft, chosenSanction: 'jabatan_pelaksana_12_bulan' };

/** A kode etik case (before penetapan): no tier given, the options alone say it is a moral sanction. */
export const decreeMoral: CaseDocumentInputOf<'draft_sk'> = {
  ...decreeDraft,
  head: head('800.1.6.4/0022/SK-SM/2026', '2026-11-27'),
  subject: { ...subject, item: { code: 'KE-4', act: 'Menyukai dan membagikan unggahan akun bakal calon', legalBasis: 'PP 42/2004 Pasal 11 huruf c; SKB 2022', tierLabel: 'Sanksi moral (PP 42/2004)' } },
  tierLabel: 'Sanksi moral (PP 42/2004)',
  tier: undefined,
  sanctionOptions: ['Pernyataan secara tertutup', 'Pernyataan secara terbuka'],
  chosenSanction: 'Pernyataan secara terbuka',
  legalBasis: [],
};

export const forwardingBawaslu: CaseDocumentInputOf<'surat_penerusan'> = {
  kind: 'surat_penerusan',
  head: head('800.1.6.4/0023/Satgas-Netralitas/2026', '2026-11-21'),
  satgas,
  case: theCase,
  target: { label: 'Ketua Bawaslu Kabupaten Contoh', kind: 'bawaslu' },
  reason: 'Unggahan terjadi pada masa kampanye dan berkaitan dengan tahapan Pemilihan Bupati.',
  subjects: [subject],
  evidence: findings.evidence,
};

export const forwardingDpmd: CaseDocumentInputOf<'surat_penerusan'> = {
  ...forwardingBawaslu,
  head: head('800.1.6.4/0024/Satgas-Netralitas/2026', '2026-11-21'),
  target: { label: 'Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Contoh', kind: 'dpmd' },
  reason: 'Terlapor kedua adalah Kepala Desa Sukamaju yang hadir dalam deklarasi pasangan calon.',
  subjects: [{ ...secondSubject, name: 'Sutrisno', position: 'Kepala Desa Sukamaju', categoryLabel: 'Kepala desa' }],
};

/** One input of every kind, keyed for file names. */
export const EVERY_KIND: Record<string, CaseDocumentInput> = {
  'surat-panggilan-1': summons1,
  'surat-panggilan-2': summons2,
  'ba-klarifikasi': clarification,
  bap,
  'laporan-hasil-pemeriksaan': findings,
  'surat-rekomendasi': recommendation,
  'draft-sk-rancangan': decreeDraft,
  'draft-sk-dipilih': decreeChosen,
  'draft-sk-moral': decreeMoral,
  'surat-penerusan-bawaslu': forwardingBawaslu,
  'surat-penerusan-dpmd': forwardingDpmd,
};

/** The PDF's text in drawing order (a wrapped table cell stays whole), runs of whitespace (line and column breaks) folded to one space. */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8').replace(/\s+/g, ' ')) : reject(new Error(`pdftotext ${code}: ${Buffer.concat(err).toString()}`))));
    child.stdin.end(pdf);
  });
}

/** Text with all whitespace removed: a long hash wrapped across lines still matches. */
export const compact = (text: string) => text.replace(/\s+/g, '');
