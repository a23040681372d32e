/**
 * The pieces every case document is built from, in the Tata Naskah Dinas look: kop, centred title,
 * numbered header (Nomor/Sifat/Lampiran/Hal), date line, signature blocks on the right, tembusan,
 * identity and evidence tables. Renderers only arrange these, so the look stays the same everywhere.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { SANCTION_LABELS, type Sanction } from '../../../../shared/case-workflow.js';
import { formatIsoDateId } from '../../../lib/dates.js';
import { letterhead, renderPdf } from '../../../lib/pdf.js';
import type { CaseOnLetter, EvidenceOnLetter, LetterHead, SatgasOnLetter, Signatory, SubjectOnLetter } from './case-document.types.js';

export type Margin = [number, number, number, number];

export const SATGAS_NAME = 'Satuan Tugas Netralitas Aparatur Sipil Negara';
/** Signature and date column: the right-hand side of the page, where Tata Naskah Dinas puts them. */
const SIGNATURE_WIDTH = 230;
const GRID_LINES = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 };
const BLANK_NAME = '(........................................)';

/** The instruments every case rests on, by their full titles as letters cite them. */
export const LAWS = {
  pp42: 'Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil',
  pp94: 'Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil',
  skb2022:
    'Keputusan Bersama Nomor 2 Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai Aparatur Sipil Negara dalam Penyelenggaraan Pemilihan Umum dan Pemilihan',
} as const;

/** "Unggahan di media sosial" → "unggahan di media sosial" inside a sentence; acronyms ("BKN") stay. */
export const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** "-" for an empty value, so a table never shows a hole. */
export const orDash = (value: string | null | undefined): string => (value?.trim() ? value : '-');

/** "24 November 2026", or "-" when unknown. */
export const dateOrDash = (iso: string | null | undefined): string => (iso ? formatIsoDateId(iso) : '-');

/** Sanction codes become their label; free text (already a label) passes through. */
export const sanctionLabel = (value: string): string => SANCTION_LABELS[value as Sanction] ?? value;

/** The sanction a code or a label names, or null for free text. */
export function sanctionCode(value: string): Sanction | null {
  if (value in SANCTION_LABELS) return value as Sanction;
  const found = Object.entries(SANCTION_LABELS).find(([, label]) => label.toLowerCase() === value.trim().toLowerCase());
  return found ? (found[0] as Sanction) : null;
}

/** Kop surat; Satgas documents name the Satgas under the Pemda. */
export function kop(head: LetterHead, unitName?: string): Content[] {
  return letterhead(head.instansi, head.address, unitName);
}

export function paragraph(text: string, margin: Margin = [0, 0, 0, 6]): Content {
  return { text, alignment: 'justify', margin };
}

/** Free text typed by a person: one justified paragraph per line. */
export function paragraphs(text: string): Content[] {
  return text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => paragraph(line.trim()));
}

/** A section heading; `headlineLevel` lets `keepHeadingWithNext` move it off the foot of a page. */
export function heading(text: string): Content {
  return { text, bold: true, margin: [0, 8, 0, 4], headlineLevel: 1 };
}

/** Footer nodes carry this style so the page-break hook can tell them from the content. */
const FOOTER_STYLE = 'caseDocumentFooter';

/** pdfmake's pageBreakBefore hook: a heading with no content after it on its page (the footer does not count) starts the next page. */
export const keepHeadingWithNext: NonNullable<TDocumentDefinitions['pageBreakBefore']> = (node, nodes) =>
  node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().every((n) => n.style === FOOTER_STYLE);

/** Centred bold title lines with the document number under them. */
export function centredTitle(lines: string[], number?: string): Content[] {
  return [
    ...lines.map((line): Content => ({ text: line, alignment: 'center', bold: true, fontSize: 12 })),
    ...(number ? [{ text: `Nomor: ${number}`, alignment: 'center' as const, margin: [0, 2, 0, 0] as Margin }] : []),
    { text: '', margin: [0, 0, 0, 12] },
  ];
}

/** "label : value" rows without borders (identity blocks, letter header). */
export function labelledRows(rows: [string, string][], margin: Margin = [0, 0, 0, 8], labelWidth = 120): Content {
  return { table: { widths: [labelWidth, 8, '*'], body: rows.map(([label, value]) => [{ text: label }, { text: ':' }, { text: value }]) }, layout: 'noBorders', margin };
}

/** "Contoh, 24 November 2026". */
const placeAndDate = (head: LetterHead) => `${head.place}, ${formatIsoDateId(head.issuedOn)}`;

/** The date line "<place>, <tanggal>" aligned with the signature column. */
export function dateLine(head: LetterHead): Content {
  return { columns: [{ width: '*', text: '' }, { width: SIGNATURE_WIDTH, text: placeAndDate(head) }], margin: [0, 0, 0, 8] };
}

/** Nomor / Sifat / Lampiran / Hal block of a surat dinas. */
export function letterHeader(head: LetterHead, nature: string, attachment: string, subject: string): Content {
  return labelledRows([['Nomor', head.number], ['Sifat', nature], ['Lampiran', attachment], ['Hal', subject]], [0, 0, 0, 12], 56);
}

/** "Yth. …" and "di Tempat", the addressee block under the letter header. */
export function addressee(lines: string[], where = 'Tempat'): Content {
  const [first = '', ...rest] = lines;
  return { stack: [`Yth. ${first}`, ...rest.map((line) => ({ text: line, margin: [22, 0, 0, 0] as Margin })), 'di', { text: where, margin: [22, 0, 0, 0] }], margin: [0, 0, 0, 12] };
}

/** The opening of a Satgas surat dinas: kop, date line, Nomor/Sifat/Lampiran/Hal, addressee. */
export function satgasLetterOpening(head: LetterHead, header: { nature: string; attachment: string; subject: string }, to: string[]): Content[] {
  return [...kop(head, SATGAS_NAME), dateLine(head), letterHeader(head, header.nature, header.attachment, header.subject), addressee(to)];
}

export function numberedList(items: string[], margin: Margin = [12, 0, 0, 8]): Content {
  return { ol: items.map((text) => ({ text, alignment: 'justify' as const })), margin };
}

/** A ruled table with a grey header row; a string cell is plain text. */
export function gridTable(headers: string[], widths: (number | '*')[], rows: (string | TableCell)[][], fontSize = 8.5): Content {
  const head: TableCell[] = headers.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const body: TableCell[][] = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? { text: cell } : cell)));
  return { table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...body] }, layout: GRID_LINES, fontSize, margin: [0, 0, 0, 10] };
}

export function identityRows(subject: SubjectOnLetter): [string, string][] {
  return [
    ['Nama', subject.name],
    ['NIP/NIK', orDash(subject.idNumber)],
    ...(subject.rank ? [['Pangkat/golongan', subject.rank] as [string, string]] : []),
    ['Jabatan', orDash(subject.position)],
    ['Unit kerja', orDash(subject.unitName)],
    ['Status kepegawaian', orDash(subject.categoryLabel)],
  ];
}

export function identityTable(subject: SubjectOnLetter, margin: Margin = [12, 0, 0, 8]): Content {
  return labelledRows(identityRows(subject), margin);
}

/** The catalogue item a subject is charged with: code, act and legal basis. */
export function itemRows(subject: SubjectOnLetter, withTier = true): [string, string][] {
  const item = subject.item;
  if (!item) return [['Pelanggaran', 'Belum ditetapkan']];
  const rows: [string, string][] = [
    ['Pelanggaran', `${item.code} — ${item.act}`],
    ['Dasar hukum', item.legalBasis],
  ];
  return withTier ? [...rows, ['Tingkat sanksi', item.tierLabel]] : rows;
}

/** A SHA-256 on one line, small enough to fit the column whole (a split hash cannot be compared at a glance). */
export const hashCell = (sha256: string): TableCell => ({ text: sha256, fontSize: 6.8, noWrap: true });

/** The evidence index: the SHA-256 lets the recipient check each copy is the one Netra sealed. */
export function evidenceTable(evidence: EvidenceOnLetter[]): Content {
  if (evidence.length === 0) return { text: 'Tidak ada bukti elektronik yang dilampirkan.', italics: true, margin: [0, 0, 0, 8] };
  return gridTable(['No', 'Uraian bukti', 'Nilai hash SHA-256'], [18, '*', 262], evidence.map((e, i) => [String(i + 1), e.description, hashCell(e.sha256)]));
}

export interface SignatureSpec {
  /** Office lines, the last ending with a comma ("Ketua …,"). */
  roleLines: string[];
  name: string | null;
  nip?: string | null;
  /** "NIP" unless said otherwise (a non-ASN employee signs with a NIK). */
  idLabel?: string;
  /** Printed where the wet signature goes, e.g. "(menolak menandatangani)". */
  note?: string;
}

/** A signatory's block: office, room for the wet signature, name underlined, NIP. */
export function signatureStack(spec: SignatureSpec): Content {
  return {
    stack: [
      ...spec.roleLines.map((line) => ({ text: line })),
      spec.note ? { text: spec.note, italics: true, margin: [0, 14, 0, 14] as Margin } : { text: '', margin: [0, 0, 0, 44] as Margin },
      { text: spec.name ?? BLANK_NAME, bold: Boolean(spec.name), decoration: spec.name ? ('underline' as const) : undefined },
      ...(spec.nip ? [{ text: `${spec.idLabel ?? 'NIP'}. ${spec.nip}` }] : []),
    ],
  };
}

/** The signature block on the right, optionally under the date line. */
export function signatureRight(spec: SignatureSpec, head?: LetterHead): Content {
  const dated: Content[] = head ? [{ text: placeAndDate(head) }] : [];
  return { columns: [{ width: '*', text: '' }, { width: SIGNATURE_WIDTH, stack: [...dated, signatureStack(spec)] }], margin: [0, 16, 0, 0], unbreakable: true };
}

/** Two parties side by side (the employee on the left, the official on the right), names on one line. */
export function signaturePair(left: SignatureSpec, right: SignatureSpec): Content {
  const lines = Math.max(left.roleLines.length, right.roleLines.length);
  const padded = (spec: SignatureSpec): SignatureSpec => ({ ...spec, roleLines: [...spec.roleLines, ...Array<string>(lines - spec.roleLines.length).fill(' ')] });
  return { columns: [{ width: '*', stack: [signatureStack(padded(left))] }, { width: SIGNATURE_WIDTH, stack: [signatureStack(padded(right))] }], columnGap: 16, margin: [0, 16, 0, 0], unbreakable: true };
}

/** "Sekretaris Daerah … / selaku Ketua …,": the signer's own office first when it is not the role itself. */
function roleLines(role: string, who: Signatory): string[] {
  return who.title && who.title.toLowerCase() !== role.toLowerCase() ? [who.title, `selaku ${role},`] : [`${role},`];
}

/** The employee's own signature line: a 16-digit number is a NIK (non-ASN), anything else a NIP. */
export function subjectSignature(subject: SubjectOnLetter, roleLine: string, note?: string): SignatureSpec {
  return { roleLines: [roleLine], name: subject.name, nip: subject.idNumber, idLabel: /^\d{16}$/.test(subject.idNumber ?? '') ? 'NIK' : 'NIP', note };
}

/** Satgas letters are signed by the chair; without one, the secretary signs on the chair's behalf (a.n.). */
export function satgasSignature(satgas: SatgasOnLetter | null): SignatureSpec {
  const chairRole = `Ketua ${SATGAS_NAME}`;
  if (satgas?.chair) return { roleLines: roleLines(chairRole, satgas.chair), name: satgas.chair.name, nip: satgas.chair.nip };
  if (satgas?.secretary) return { roleLines: [`a.n. ${chairRole}`, 'Sekretaris,'], name: satgas.secretary.name, nip: satgas.secretary.nip };
  return { roleLines: [`${chairRole},`], name: null };
}

/** "Keputusan Bupati Contoh Nomor … tanggal … tentang Pembentukan …": the Satgas's own mandate. */
export function satgasMandate(satgas: SatgasOnLetter | null): string | null {
  if (!satgas) return null;
  return `Keputusan ${satgas.signerTitle} Nomor ${satgas.decreeNumber} tanggal ${formatIsoDateId(satgas.decreeSignedOn)} tentang Pembentukan ${SATGAS_NAME}`;
}

/** Tembusan: the letter's own list when the case gives one, else the document's usual list. */
export function copiesBlock(head: LetterHead, usual: string[]): Content {
  const list = head.copiesTo ?? usual;
  if (list.length === 0) return { text: '' };
  return { stack: [{ text: 'Tembusan:', margin: [0, 0, 0, 2] }, { ol: list }], fontSize: 9, margin: [0, 20, 0, 0], unbreakable: true };
}

export interface CaseDocumentSpec {
  head: LetterHead;
  title: string;
  content: Content[];
  /** Big diagonal word for unsigned drafts ("RANCANGAN"). */
  watermark?: string;
}

/** Renders a case document: A4, the shared margins, and a footer with the number and page. */
export function renderCaseDocumentPdf(spec: CaseDocumentSpec): Promise<Buffer> {
  return renderPdf({
    info: { title: spec.title, author: spec.head.instansi, subject: spec.head.number, creator: 'Netra' },
    ...(spec.watermark ? { watermark: { text: spec.watermark, opacity: 0.08, bold: true } } : {}),
    content: spec.content,
    pageBreakBefore: keepHeadingWithNext,
    styles: { [FOOTER_STYLE]: { fontSize: 7, color: '#666' } },
    footer: (current: number, total: number) => ({
      margin: [56, 8, 56, 0],
      style: FOOTER_STYLE,
      columns: [
        { text: `${spec.title} · Nomor ${spec.head.number}`, style: FOOTER_STYLE },
        { text: `hal. ${current}/${total}`, alignment: 'right', width: 60, style: FOOTER_STYLE },
      ],
    }),
  });
}

/** "dugaan pelanggaran netralitas ASN "<judul>" (nomor kasus …), berupa …, pada tanggal … di …". */
export function caseAllegation(c: CaseOnLetter): string {
  const what = c.actKindLabel ? `, berupa ${lowerFirst(c.actKindLabel)}` : '';
  const when = c.actDate ? ` pada tanggal ${formatIsoDateId(c.actDate)}` : '';
  const where = c.place ? ` di ${c.place}` : '';
  return `dugaan pelanggaran netralitas Aparatur Sipil Negara "${c.title}" (nomor kasus ${c.number})${what}${when}${where}`;
}

/** The case at a glance; the penetapan date matters because it decides kode etik versus disiplin. */
export function caseSummaryRows(c: CaseOnLetter): [string, string][] {
  return [
    ['Nomor kasus', c.number],
    ['Perihal', c.title],
    ['Sumber', c.originLabel],
    ['Pemilihan', orDash(c.electionName)],
    ['Kontestasi', orDash(c.contestName)],
    ['Tanggal penetapan calon', dateOrDash(c.penetapanCalonOn)],
    ['Jenis perbuatan', orDash(c.actKindLabel)],
    ['Tanggal kejadian', dateOrDash(c.actDate)],
    ['Tempat kejadian', orDash(c.place)],
    ['Katalog pelanggaran', orDash(c.catalogueTitle)],
  ];
}
