/** Berita acara klarifikasi: what the reported employee said to the Satgas, signed by both sides. */
import type { CaseDocumentInputOf } from './case-document.types.js';
import { todayInWordsId } from './date-words.js';
import { caseAllegation, centredTitle, heading, identityTable, kop, numberedList, paragraph, paragraphs, renderCaseDocumentPdf, SATGAS_NAME, satgasMandate, signaturePair, subjectSignature } from './letter-parts.js';

type ClarificationInput = CaseDocumentInputOf<'ba_klarifikasi'>;

/** "Berita Acara Klarifikasi — <nama>". */
export function clarificationTitle(p: ClarificationInput): string {
  return `Berita Acara Klarifikasi — ${p.subject.name}`;
}

function opening(p: ClarificationInput): string {
  const where = p.heldAt ? `, bertempat di ${p.heldAt}` : '';
  const mandate = satgasMandate(p.satgas);
  const clarifier = `${p.clarifier.name ?? 'pejabat yang ditunjuk'}, ${p.clarifier.title}`;
  return `${todayInWordsId(p.heldOn)}${where}, saya ${clarifier}, selaku pelaksana klarifikasi pada ${SATGAS_NAME}${mandate ? ` berdasarkan ${mandate}` : ''}, telah meminta klarifikasi kepada:`;
}

/** Renders the berita acara: the date in words, who was heard and by whom, the statement, two signatures. */
export function renderClarificationPdf(p: ClarificationInput): Promise<Buffer> {
  const title = clarificationTitle(p);
  return renderCaseDocumentPdf({
    head: p.head,
    title,
    content: [
      ...kop(p.head, SATGAS_NAME),
      ...centredTitle(['BERITA ACARA KLARIFIKASI', 'DUGAAN PELANGGARAN NETRALITAS APARATUR SIPIL NEGARA'], p.head.number),
      paragraph(opening(p)),
      identityTable(p.subject),
      paragraph(`sehubungan dengan ${caseAllegation(p.case)}.`),
      heading('Klarifikasi dihadiri oleh:'),
      p.attendees.length ? numberedList(p.attendees) : paragraph('-'),
      heading('Keterangan yang bersangkutan:'),
      ...paragraphs(p.statement),
      paragraph(
        'Demikian berita acara klarifikasi ini dibuat dengan sebenarnya, dibacakan kembali kepada yang memberikan klarifikasi, dan ditandatangani bersama untuk dipergunakan sebagaimana mestinya.',
        [0, 8, 0, 6],
      ),
      signaturePair(
        subjectSignature(p.subject, 'Yang memberikan klarifikasi,'),
        { roleLines: ['Yang melakukan klarifikasi,', p.clarifier.title], name: p.clarifier.name, nip: p.clarifier.nip },
      ),
    ],
  });
}
