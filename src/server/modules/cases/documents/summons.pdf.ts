/** Surat panggilan I/II: the written summons PP 94/2021 requires before an employee is examined. */
import type { Content } from 'pdfmake/interfaces';
import { formatIsoDateId } from '../../../lib/dates.js';
import type { CaseDocumentInputOf } from './case-document.types.js';
import { dayNameId } from './date-words.js';
import { caseAllegation, centredTitle, copiesBlock, identityTable, labelledRows, LAWS, paragraph, renderCaseDocumentPdf, SATGAS_NAME, satgasLetterOpening, satgasMandate, satgasSignature, signatureRight } from './letter-parts.js';

type SummonsInput = CaseDocumentInputOf<'surat_panggilan'>;

const USUAL_COPIES = ['Atasan langsung yang bersangkutan', 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Arsip'];

const roman = (n: 1 | 2) => (n === 1 ? 'I' : 'II');

/** "Surat Panggilan I — <nama>". */
export function summonsTitle(p: SummonsInput): string {
  return `Surat Panggilan ${roman(p.summonsNo)} — ${p.subject.name}`;
}

// PP 94/2021 Pasal 27–28: an employee suspected of a breach is summoned in writing before any sanction.
function opening(p: SummonsInput): string {
  const mandate = satgasMandate(p.satgas);
  const basis = `ketentuan Pasal 27 dan Pasal 28 ${LAWS.pp94}${mandate ? ` serta ${mandate}` : ''}`;
  if (p.summonsNo === 2) {
    const first = p.previousSummonsOn ? ` tanggal ${formatIsoDateId(p.previousSummonsOn)}` : '';
    return `Menindaklanjuti Surat Panggilan I${first} yang tidak Saudara penuhi, dan berdasarkan ${basis}, dengan ini Saudara dipanggil untuk kedua kalinya guna memberikan keterangan atas ${caseAllegation(p.case)}.`;
  }
  return `Berdasarkan ${basis}, pegawai yang diduga melakukan pelanggaran wajib dipanggil secara tertulis untuk dimintai keterangan sebelum dijatuhi sanksi. Sehubungan dengan itu, Saudara diminta hadir untuk memberikan keterangan atas ${caseAllegation(p.case)}.`;
}

// PP 94/2021 Pasal 30: ignoring the second summons lets the decision be taken on the evidence alone.
const SECOND_SUMMONS_WARNING =
  'Apabila Saudara kembali tidak hadir tanpa alasan yang sah, sesuai Pasal 30 Peraturan Pemerintah Nomor 94 Tahun 2021, penanganan tidak lagi menunggu keterangan Saudara dan keputusan akan diambil berdasarkan alat bukti serta keterangan lain yang telah tersedia.';

function appearance(p: SummonsInput): Content {
  const meetWith = p.meetWith ?? (p.satgas?.secretary?.name ? `${p.satgas.secretary.name}, Sekretaris ${SATGAS_NAME}` : `Sekretariat ${SATGAS_NAME}`);
  return labelledRows(
    [
      ['Hari', dayNameId(p.appearOn)],
      ['Tanggal', formatIsoDateId(p.appearOn)],
      ['Pukul', p.appearTime],
      ['Tempat', p.appearPlace],
      ['Menghadap kepada', meetWith],
    ],
    [12, 0, 0, 8],
  );
}

/** Renders the summons: numbered header, addressee, legal basis, when and where to appear, signature. */
export function renderSummonsPdf(p: SummonsInput): Promise<Buffer> {
  const title = summonsTitle(p);
  const recipient = [`Sdr. ${p.subject.name}`, ...(p.subject.position ? [p.subject.position] : []), ...(p.subject.unitName ? [p.subject.unitName] : [])];
  return renderCaseDocumentPdf({
    head: p.head,
    title,
    content: [
      ...satgasLetterOpening(p.head, { nature: 'Rahasia', attachment: '-', subject: `Surat Panggilan ${roman(p.summonsNo)}` }, recipient),
      ...centredTitle([`SURAT PANGGILAN ${roman(p.summonsNo)}`]),
      paragraph(opening(p)),
      paragraph('Identitas pegawai yang dipanggil:', [0, 0, 0, 2]),
      identityTable(p.subject),
      paragraph('Saudara diminta hadir pada:', [0, 0, 0, 2]),
      appearance(p),
      paragraph('Saudara dapat membawa dokumen atau bukti lain yang berkaitan dengan keterangan yang akan Saudara berikan. Panggilan ini bersifat rahasia dan pemeriksaan dilakukan secara tertutup.'),
      ...(p.summonsNo === 2 ? [paragraph(SECOND_SUMMONS_WARNING)] : []),
      paragraph('Demikian surat panggilan ini disampaikan untuk dilaksanakan. Atas perhatian dan kehadiran Saudara diucapkan terima kasih.'),
      signatureRight(satgasSignature(p.satgas)),
      copiesBlock(p.head, USUAL_COPIES),
    ],
  });
}
