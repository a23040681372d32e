/**
 * Laporan hasil pemeriksaan: the Satgas's conclusion per reported employee (proven or not, under which
 * catalogue item), with the chronology and the evidence index the recommendation to the PPK rests on.
 */
import type { Content } from 'pdfmake/interfaces';
import { formatIsoDateId } from '../../../lib/dates.js';
import type { CaseDocumentInputOf } from './case-document.types.js';
import { caseSummaryRows, centredTitle, evidenceTable, gridTable, heading, identityRows, itemRows, kop, labelledRows, LAWS, numberedList, paragraph, paragraphs, renderCaseDocumentPdf, SATGAS_NAME, satgasMandate, satgasSignature, signatureRight } from './letter-parts.js';

type FindingsInput = CaseDocumentInputOf<'laporan_hasil_pemeriksaan'>;

const FINDING_LABELS = { proven: 'TERBUKTI', not_proven: 'TIDAK TERBUKTI' } as const;

/** "Laporan Hasil Pemeriksaan — <nomor kasus>". */
export function findingsTitle(p: FindingsInput): string {
  return `Laporan Hasil Pemeriksaan — ${p.case.number}`;
}

function legalBases(p: FindingsInput): string[] {
  const mandate = satgasMandate(p.satgas);
  return [`${LAWS.pp42};`, `${LAWS.pp94};`, `${LAWS.skb2022};`, ...(mandate ? [`${mandate}.`] : [])];
}

function findingBlock(f: FindingsInput['findings'][number], index: number): Content {
  return {
    stack: [
      { text: `${index + 1}. ${f.subject.name}`, bold: true, margin: [0, 4, 0, 2] },
      labelledRows([...identityRows(f.subject), ...itemRows(f.subject), ['Kesimpulan', FINDING_LABELS[f.finding]], ['Alasan', f.reason]], [12, 0, 0, 6]),
    ],
  };
}

/** Renders the report: basis, case summary, chronology, findings per subject, evidence, signature. */
export function renderFindingsPdf(p: FindingsInput): Promise<Buffer> {
  const chronology = p.chronology.map((c) => [formatIsoDateId(c.on), c.text]);
  return renderCaseDocumentPdf({
    head: p.head,
    title: findingsTitle(p),
    content: [
      ...kop(p.head, SATGAS_NAME),
      ...centredTitle(['LAPORAN HASIL PEMERIKSAAN', 'DUGAAN PELANGGARAN NETRALITAS APARATUR SIPIL NEGARA'], p.head.number),
      heading('I. Dasar'),
      numberedList(legalBases(p)),
      heading('II. Ringkasan Kasus'),
      labelledRows(caseSummaryRows(p.case), [12, 0, 0, 6]),
      ...paragraphs(p.case.summary),
      heading('III. Kronologi'),
      chronology.length ? gridTable(['Tanggal', 'Uraian'], [100, '*'], chronology, 9) : paragraph('-'),
      heading('IV. Hasil Pemeriksaan per Terlapor'),
      ...p.findings.map(findingBlock),
      heading('V. Daftar Bukti'),
      evidenceTable(p.evidence),
      heading('VI. Penutup'),
      paragraph('Demikian laporan hasil pemeriksaan ini dibuat dengan sebenarnya sebagai dasar penyusunan rekomendasi kepada Pejabat Pembina Kepegawaian.'),
      signatureRight(satgasSignature(p.satgas), p.head),
    ],
  });
}
