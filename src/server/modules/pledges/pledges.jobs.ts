/**
 * The PDF sweep: signed PDFs are rendered off the signing path, never queued per signature (a signing
 * surge of thousands would otherwise write thousands of queue rows on the path it slows). A signature
 * gets its PDF on first download (`ensureSignaturePdf`) or from this sweep, which the scheduler runs
 * every few seconds: it renders live signatures without a PDF, a few at a time, until its time budget
 * is spent. The state is the rows themselves (`pdf_sha256 is null`), so the sweep is resumable after a
 * crash and idempotent (`ensureSignaturePdf` keeps the first PDF if a download renders concurrently).
 */
import type { AppDeps } from '../../deps.js';
import { ensureSignaturePdf } from './documents.service.js';
import { findSignaturesWithoutPdf } from './pledges.repository.js';

/** How often the scheduler starts a sweep. */
export const PDF_SWEEP_INTERVAL_MS = 10_000;
/** Rendering time per sweep (~60 ms of CPU per PDF): at most 40 % of one core, so signing keeps the rest. */
export const PDF_SWEEP_BUDGET_MS = 4_000;
/** Signatures fetched per query. */
const BATCH = 10;

export interface PdfSweepOptions {
  /** Stop after this many milliseconds (checked between PDFs). */
  budgetMs?: number;
  /** Stop after this many PDFs. */
  maxPdfs?: number;
}

/** Renders pending signed PDFs until none is left, the budget is spent or `maxPdfs` were rendered; returns how many. */
export async function renderPendingSignaturePdfs(deps: AppDeps, opts: PdfSweepOptions = {}): Promise<number> {
  const deadline = performance.now() + (opts.budgetMs ?? Infinity);
  const maxPdfs = opts.maxPdfs ?? Infinity;
  const failed: string[] = []; // skipped for the rest of this sweep, retried by the next one
  let rendered = 0;
  for (;;) {
    const batch = await findSignaturesWithoutPdf(deps.db, BATCH, failed);
    if (batch.length === 0) return rendered;
    for (const { tenantId, id } of batch) {
      if (rendered >= maxPdfs || performance.now() >= deadline) return rendered;
      try {
        await ensureSignaturePdf(deps, tenantId, id);
        rendered++;
      } catch (error) {
        failed.push(id);
        deps.log.error({ err: error, tenantId, signatureId: id }, 'PDF pakta gagal dibuat');
      }
    }
  }
}
