/**
 * Berita Acara Pemeriksaan (PP 94/2021): the Tim Pemeriksa, the questions and answers, and the
 * signatures of the examined employee and of every team member. An employee may refuse to sign; the
 * BAP then records the refusal and stays valid on the team's signatures.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { CaseDocumentInputOf } from './case-document.types.js';
import { todayInWordsId } from './date-words.js';
import { caseAllegation, centredTitle, gridTable, heading, identityTable, itemRows, kop, labelledRows, LAWS, paragraph, renderCaseDocumentPdf, signatureStack, subjectSignature } from './letter-parts.js';

type BapInput = CaseDocumentInputOf<'bap'>;

/** "Berita Acara Pemeriksaan — <nama>". */
export function bapTitle(p: BapInput): string {
  return `Berita Acara Pemeriksaan — ${p.subject.name}`;
}

function questionTable(p: BapInput): Content {
  if (p.questions.length === 0) return paragraph('Tidak ada pertanyaan yang dicatat.');
  const rows: TableCell[][] = p.questions.map((qa, i) => [
    { text: String(i + 1), alignment: 'right' },
    { text: qa.q },
    { text: qa.a },
  ]);
  return gridTable(['No', 'Pertanyaan', 'Jawaban'], [20, '*', '*'], rows, 9.5);
}

function closing(p: BapInput): string {
  const base = 'Demikian berita acara pemeriksaan ini dibuat dengan sebenarnya dan dibacakan kembali kepada yang diperiksa.';
  if (p.signedByExamined) return `${base} Yang diperiksa membenarkan seluruh keterangannya dan turut menandatangani berita acara ini.`;
  const note = p.refusalNote?.trim() ? ` dengan catatan: "${p.refusalNote.trim()}"` : '';
  return `${base} Yang diperiksa menolak menandatangani berita acara ini${note}. Penolakan tersebut dicatat dalam berita acara ini dan tidak mengurangi keabsahannya, yang ditandatangani oleh seluruh anggota Tim Pemeriksa.`;
}

/** Examined employee on the left; the team on the right, one signature line each. */
function signatures(p: BapInput): Content {
  const examined = subjectSignature(p.subject, 'Yang diperiksa,', p.signedByExamined ? undefined : '(menolak menandatangani)');
  const team: Content[] = p.team.map((m, i) => ({
    columns: [{ width: 14, text: `${i + 1}.` }, { width: '*', stack: [{ text: m.name, bold: true }, { text: `${m.role}`, fontSize: 8.5 }] }, { width: 90, text: '(.....................)', alignment: 'right', margin: [0, 8, 0, 0] }],
    margin: [0, 0, 0, 12],
  }));
  return {
    columns: [
      { width: '*', stack: [signatureStack(examined)] },
      { width: 240, stack: [{ text: 'Tim Pemeriksa:', margin: [0, 0, 0, 8] }, ...team] },
    ],
    columnGap: 16,
    margin: [0, 16, 0, 0],
    unbreakable: true,
  };
}

/** Renders the BAP. */
export function renderBapPdf(p: BapInput): Promise<Buffer> {
  const where = p.heldAt ? `, bertempat di ${p.heldAt}` : '';
  const teamRows = p.team.map((m, i) => [String(i + 1), m.name, m.title, m.role]);
  return renderCaseDocumentPdf({
    head: p.head,
    title: bapTitle(p),
    content: [
      ...kop(p.head),
      ...centredTitle(['BERITA ACARA PEMERIKSAAN'], p.head.number),
      paragraph(
        `${todayInWordsId(p.heldOn)}${where}, kami Tim Pemeriksa yang dibentuk untuk memeriksa dugaan pelanggaran disiplin sebagaimana diatur dalam ${LAWS.pp94}, masing-masing:`,
      ),
      gridTable(['No', 'Nama', 'Jabatan', 'Kedudukan dalam tim'], [20, '*', '*', 100], teamRows, 9),
      paragraph('telah melakukan pemeriksaan terhadap:'),
      identityTable(p.subject),
      paragraph(`karena yang bersangkutan diduga melakukan pelanggaran sehubungan dengan ${caseAllegation(p.case)}, yaitu:`),
      labelledRows(itemRows(p.subject), [12, 0, 0, 8]),
      heading('Hasil pemeriksaan:'),
      questionTable(p),
      paragraph(closing(p), [0, 6, 0, 6]),
      signatures(p),
    ],
  });
}
