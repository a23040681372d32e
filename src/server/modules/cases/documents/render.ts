/** One entry point for every case document: the service passes the input, gets the title and the PDF. */
import { bapTitle, renderBapPdf } from './bap.pdf.js';
import type { CaseDocumentInput } from './case-document.types.js';
import { clarificationTitle, renderClarificationPdf } from './clarification.pdf.js';
import { decreeTitle, renderDecreePdf } from './decree.pdf.js';
import { findingsTitle, renderFindingsPdf } from './findings.pdf.js';
import { forwardingTitle, renderForwardingPdf } from './forwarding.pdf.js';
import { recommendationTitle, renderRecommendationPdf } from './recommendation.pdf.js';
import { renderSummonsPdf, summonsTitle } from './summons.pdf.js';

interface BoundRenderer {
  title: () => string;
  render: () => Promise<Buffer>;
}

// A switch (not a lookup table) so TypeScript narrows the input for each renderer and flags a missing kind.
function bind(input: CaseDocumentInput): BoundRenderer {
  switch (input.kind) {
    case 'surat_panggilan':
      return { title: () => summonsTitle(input), render: () => renderSummonsPdf(input) };
    case 'ba_klarifikasi':
      return { title: () => clarificationTitle(input), render: () => renderClarificationPdf(input) };
    case 'bap':
      return { title: () => bapTitle(input), render: () => renderBapPdf(input) };
    case 'laporan_hasil_pemeriksaan':
      return { title: () => findingsTitle(input), render: () => renderFindingsPdf(input) };
    case 'surat_rekomendasi':
      return { title: () => recommendationTitle(input), render: () => renderRecommendationPdf(input) };
    case 'draft_sk':
      return { title: () => decreeTitle(input), render: () => renderDecreePdf(input) };
    case 'surat_penerusan':
      return { title: () => forwardingTitle(input), render: () => renderForwardingPdf(input) };
    default: {
      const unknown: never = input;
      throw new Error(`unknown case document kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** Renders a case document of any kind to PDF bytes. */
export function renderCaseDocument(input: CaseDocumentInput): Promise<Buffer> {
  return bind(input).render();
}

/** The document's title as listed in the case and the bundle, e.g. "Surat Panggilan II — Budi Santoso". */
export function documentTitle(input: CaseDocumentInput): string {
  return bind(input).title();
}
