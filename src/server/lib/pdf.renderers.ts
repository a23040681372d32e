/**
 * The documents the PDF pool renders off the event loop: each renderer takes plain, cloneable data
 * (strings, numbers, arrays, plain objects) and builds its pdfmake definition — which holds functions
 * (footers, table layouts) — inside the worker. Add a document here when its input is plain data.
 * The case letters (cases/documents) are not here: they are merged with pdf-lib after rendering.
 */
import { renderBeritaAcaraPdf, type BeritaAcaraInput } from '../modules/apel/berita-acara.pdf.js';
import { renderRecapPdf, type RecapInput } from '../modules/compliance/recap.pdf.js';
import { renderPledgePdf, type PledgePdfInput } from '../modules/pledges/pledge.pdf.js';
import { renderCaseRecapPdf, type CaseRecapInput } from '../modules/recaps/case-recap.pdf.js';
import { renderReceiptPdf, type ReceiptPdfInput } from '../modules/reports/receipt.pdf.js';

export const PDF_RENDERERS = {
  pledge: renderPledgePdf,
  beritaAcara: renderBeritaAcaraPdf,
  complianceRecap: renderRecapPdf,
  caseRecap: renderCaseRecapPdf,
  receipt: renderReceiptPdf,
} satisfies Record<string, (input: never) => Promise<Buffer>>;

export type PdfKind = keyof typeof PDF_RENDERERS;
export type PdfInput<K extends PdfKind> = {
  pledge: PledgePdfInput;
  beritaAcara: BeritaAcaraInput;
  complianceRecap: RecapInput;
  caseRecap: CaseRecapInput;
  receipt: ReceiptPdfInput;
}[K];
