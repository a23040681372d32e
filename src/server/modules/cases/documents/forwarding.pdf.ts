/**
 * Surat penerusan: the Satgas hands a case (or part of it) to the body that has the authority —
 * Bawaslu for election-linked acts, Sentra Gakkumdu for criminal elements, BKN for the national record,
 * the DPMD for a kepala/perangkat desa, who is outside ASN discipline.
 */
import type { CaseDocumentInputOf } from './case-document.types.js';
import { caseAllegation, caseSummaryRows, copiesBlock, evidenceTable, gridTable, heading, labelledRows, orDash, paragraph, paragraphs, renderCaseDocumentPdf, SATGAS_NAME, satgasLetterOpening, satgasSignature, signatureRight } from './letter-parts.js';

type ForwardingInput = CaseDocumentInputOf<'surat_penerusan'>;
type TargetKind = ForwardingInput['target']['kind'];

const USUAL_COPIES = ['Inspektur Daerah', 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Arsip'];

/** Why this body is the right one, in the words each expects to read. */
const AUTHORITY: Record<TargetKind, string> = {
  bawaslu: 'Mengingat perbuatan tersebut berkaitan dengan tahapan pemilihan, dan sesuai kewenangan Badan Pengawas Pemilihan Umum dalam mengawasi netralitas Aparatur Sipil Negara, kami mohon dugaan ini dapat dikaji dan ditindaklanjuti sesuai kewenangan Bawaslu.',
  gakkumdu: 'Mengingat perbuatan tersebut diduga mengandung unsur tindak pidana pemilihan, kami mohon dugaan ini dapat dibahas dan ditindaklanjuti oleh Sentra Penegakan Hukum Terpadu sesuai kewenangannya. Penanganan pelanggaran disiplin oleh Pejabat Pembina Kepegawaian tetap berjalan terpisah.',
  bkn: 'Sesuai fungsi Badan Kepegawaian Negara dalam pengawasan netralitas Aparatur Sipil Negara, kami sampaikan dugaan ini untuk dicatat dan ditindaklanjuti melalui Sistem Berbagi Terintegrasi (SBT) dan aplikasi I\'DIS.',
  dpmd: 'Terlapor adalah kepala desa/perangkat desa yang bukan Aparatur Sipil Negara, sehingga perbuatan tersebut berada di luar lingkup penegakan disiplin ASN dan kode etik Pegawai Negeri Sipil yang ditangani Satuan Tugas. Pembinaan dan penindakannya menjadi kewenangan pemerintah daerah melalui Dinas Pemberdayaan Masyarakat dan Desa sesuai peraturan perundang-undangan tentang desa; dalam hal berkaitan dengan tahapan pemilihan, dugaan ini juga dapat dilaporkan kepada Bawaslu.',
};

const subjectKind = (kind: TargetKind) => (kind === 'dpmd' ? 'kepala desa/perangkat desa' : 'Aparatur Sipil Negara');

/** "Surat Penerusan kepada <instansi> — <nomor kasus>". */
export function forwardingTitle(p: ForwardingInput): string {
  return `Surat Penerusan kepada ${p.target.label} — ${p.case.number}`;
}

/** Renders the letter: header, addressee, why this body, the case, the subjects, the evidence with hashes. */
export function renderForwardingPdf(p: ForwardingInput): Promise<Buffer> {
  const subjects = p.subjects.map((s, i) => [String(i + 1), s.name, orDash(s.idNumber), orDash(s.position), orDash(s.unitName)]);
  return renderCaseDocumentPdf({
    head: p.head,
    title: forwardingTitle(p),
    content: [
      ...satgasLetterOpening(p.head, { nature: 'Rahasia', attachment: '1 (satu) berkas', subject: `Penerusan dugaan pelanggaran netralitas ${subjectKind(p.target.kind)}` }, [p.target.label]),
      paragraph(`Dengan hormat, bersama ini ${SATGAS_NAME} meneruskan ${caseAllegation(p.case)}.`),
      paragraph(AUTHORITY[p.target.kind]),
      { text: [{ text: 'Alasan penerusan: ', bold: true }, p.reason], alignment: 'justify', margin: [0, 0, 0, 6] },
      heading('A. Ringkasan Kasus'),
      labelledRows(caseSummaryRows(p.case), [12, 0, 0, 6]),
      ...paragraphs(p.case.summary),
      heading('B. Terlapor'),
      gridTable(['No', 'Nama', 'NIP/NIK', 'Jabatan', 'Unit kerja'], [18, '*', 100, '*', '*'], subjects, 9),
      heading('C. Daftar Bukti'),
      evidenceTable(p.evidence),
      paragraph('Salinan bukti elektronik kami sampaikan terlampir. Keaslian setiap salinan dapat diperiksa dengan mencocokkan nilai hash SHA-256-nya dengan daftar di atas. Kami mohon hasil penanganannya dapat disampaikan kembali kepada kami.'),
      paragraph('Demikian kami sampaikan. Atas perhatian dan kerja samanya diucapkan terima kasih.'),
      signatureRight(satgasSignature(p.satgas)),
      copiesBlock(p.head, USUAL_COPIES),
    ],
  });
}
