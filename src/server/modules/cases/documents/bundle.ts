/**
 * The case bundle handed to BKN (SBT/I'DIS) or Bawaslu: a front part rendered by pdfmake (cover, table of
 * contents, evidence index, timeline) followed by every case document's own pages, merged with pdf-lib.
 * Each document and each piece of evidence is listed with its SHA-256, so the recipient can check that
 * what was handed over is what Netra holds.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { Content } from 'pdfmake/interfaces';
import { letterhead, renderPdf } from '../../../lib/pdf.js';
import { centredTitle, gridTable, hashCell, heading, keepHeadingWithNext, labelledRows, paragraph, SATGAS_NAME } from './letter-parts.js';

export interface CaseBundleInput {
  head: { instansi: string; address: string | null };
  caseNumber: string;
  caseTitle: string;
  /** When the bundle was put together, already formatted ("24 November 2026 pukul 09.15 WIB"). */
  generatedAt: string;
  /** The case documents in the order they are bound. */
  documents: { title: string; number: string; bytes: Buffer }[];
  evidenceIndex: { description: string; sha256: string; size: number | null; mimeType: string | null; source: string }[];
  /** Handling history, `at` already formatted. */
  timeline: { at: string; actor: string; text: string }[];
}

interface BoundDocument {
  title: string;
  number: string;
  sha256: string;
  pdf: PDFDocument;
  firstPage: number;
  pageCount: number;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function sizeText(size: number | null): string {
  if (size === null) return '-';
  if (size < 1024) return `${size} B`;
  const [value, unit] = size < 1024 * 1024 ? [size / 1024, 'KB'] : [size / (1024 * 1024), 'MB'];
  return `${value.toLocaleString('id-ID', { maximumFractionDigits: 1 })} ${unit}`;
}

function pageRange(d: BoundDocument): string {
  return d.pageCount > 1 ? `${d.firstPage}–${d.firstPage + d.pageCount - 1}` : String(d.firstPage);
}

function cover(p: CaseBundleInput, docs: BoundDocument[], totalPages: number): Content[] {
  return [
    ...letterhead(p.head.instansi, p.head.address, SATGAS_NAME),
    { text: '', margin: [0, 60, 0, 0] },
    ...centredTitle(['BERKAS PENANGANAN KASUS', 'DUGAAN PELANGGARAN NETRALITAS APARATUR SIPIL NEGARA']),
    { text: 'RAHASIA', alignment: 'center', bold: true, color: '#b71c1c', margin: [0, 0, 0, 30] },
    labelledRows([
      ['Nomor kasus', p.caseNumber],
      ['Perihal', p.caseTitle],
      ['Jumlah dokumen', String(docs.length)],
      ['Jumlah bukti', String(p.evidenceIndex.length)],
      ['Jumlah halaman', String(totalPages)],
      ['Disusun pada', p.generatedAt],
    ]),
    paragraph(
      'Berkas ini memuat seluruh dokumen penanganan kasus beserta daftar bukti dan kronologi penanganannya. Setiap dokumen dan bukti disertai nilai hash SHA-256 sehingga keaslian salinannya dapat diperiksa oleh penerima.',
      [0, 20, 0, 0],
    ),
  ];
}

function tableOfContents(docs: BoundDocument[]): Content[] {
  const rows = docs.map((d, i) => [
    String(i + 1),
    { stack: [{ text: d.title }, { text: `SHA-256: ${d.sha256}`, fontSize: 6.8, color: '#444', noWrap: true }] },
    d.number,
    { text: pageRange(d), alignment: 'center' as const },
  ]);
  return [
    { text: 'DAFTAR ISI', alignment: 'center', bold: true, fontSize: 12, margin: [0, 0, 0, 12], pageBreak: 'before' },
    docs.length ? gridTable(['No', 'Dokumen', 'Nomor', 'Hal.'], [18, '*', 130, 40], rows) : paragraph('Belum ada dokumen.'),
  ];
}

function evidenceIndex(p: CaseBundleInput): Content[] {
  const rows = p.evidenceIndex.map((e, i) => [
    String(i + 1),
    { stack: [{ text: e.description }, { text: `${e.source} · ${e.mimeType ?? '-'} · ${sizeText(e.size)}`, fontSize: 7, color: '#444' }] },
    hashCell(e.sha256),
  ]);
  return [
    { text: 'DAFTAR BUKTI', alignment: 'center', bold: true, fontSize: 12, margin: [0, 0, 0, 12], pageBreak: 'before' },
    rows.length ? gridTable(['No', 'Uraian bukti', 'Nilai hash SHA-256'], [18, '*', 262], rows) : paragraph('Tidak ada bukti elektronik.'),
  ];
}

function timeline(p: CaseBundleInput): Content[] {
  const rows = p.timeline.map((t) => [t.at, t.actor, t.text]);
  return [heading('KRONOLOGI PENANGANAN'), rows.length ? gridTable(['Waktu', 'Pelaku', 'Uraian'], [100, 110, '*'], rows) : paragraph('-')];
}

/** The front part with the page numbers the documents will have once bound behind it. */
async function renderFront(p: CaseBundleInput, docs: BoundDocument[], frontPages: number): Promise<Buffer> {
  let next = frontPages + 1;
  for (const d of docs) {
    d.firstPage = next;
    next += d.pageCount;
  }
  return renderPdf({
    info: { title: `Berkas kasus ${p.caseNumber}`, author: p.head.instansi, creator: 'Netra' },
    content: [...cover(p, docs, next - 1), ...tableOfContents(docs), ...evidenceIndex(p), ...timeline(p)],
    pageBreakBefore: keepHeadingWithNext,
  });
}

// The bundle stamp uses a standard PDF font, which only knows WinAnsi: anything else would throw.
const winAnsi = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

/** "KS-2026-0042 · berkas hal. 7/15" at the foot of every page, so a loose sheet finds its place. */
async function stampPages(out: PDFDocument, caseNumber: string): Promise<void> {
  const font = await out.embedFont(StandardFonts.Helvetica);
  const pages = out.getPages();
  pages.forEach((page, i) => {
    const text = winAnsi(`${caseNumber} - berkas hal. ${i + 1}/${pages.length}`);
    const width = font.widthOfTextAtSize(text, 7);
    page.drawText(text, { x: page.getWidth() - 56 - width, y: 16, size: 7, font, color: rgb(0.4, 0.4, 0.4) });
  });
}

/** Renders the bundle: front part, then every document's pages in order, each page stamped. */
export async function renderCaseBundle(p: CaseBundleInput): Promise<Buffer> {
  const docs: BoundDocument[] = [];
  for (const d of p.documents) {
    const pdf = await PDFDocument.load(d.bytes);
    docs.push({ title: d.title, number: d.number, sha256: sha256(d.bytes), pdf, firstPage: 0, pageCount: pdf.getPageCount() });
  }
  // The table of contents names page numbers that depend on the front part's own length: render until
  // the length it assumed is the length it has (twice in practice; the page numbers barely change it).
  let frontPages = 1;
  let front = await renderFront(p, docs, frontPages);
  for (let attempt = 0; attempt < 4; attempt++) {
    const counted = (await PDFDocument.load(front)).getPageCount();
    if (counted === frontPages) break;
    frontPages = counted;
    front = await renderFront(p, docs, frontPages);
  }
  const out = await PDFDocument.create();
  out.setTitle(`Berkas kasus ${p.caseNumber}`);
  out.setAuthor(p.head.instansi);
  out.setCreator('Netra');
  for (const source of [await PDFDocument.load(front), ...docs.map((d) => d.pdf)]) {
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  await stampPages(out, p.caseNumber);
  return Buffer.from(await out.save());
}
