/**
 * The documents the PDF pool can render off the event loop: each takes plain, cloneable data. Add a
 * document here when its renderer's input is plain data and it is rendered often.
 */
import { renderPledgePdf, type PledgePdfInput } from '../modules/pledges/pledge.pdf.js';

export const PDF_RENDERERS = {
  pledge: renderPledgePdf,
} satisfies Record<string, (input: never) => Promise<Buffer>>;

export type PdfKind = keyof typeof PDF_RENDERERS;
export type PdfInput<K extends PdfKind> = { pledge: PledgePdfInput }[K];
