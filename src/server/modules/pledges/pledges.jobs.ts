import type { AppDeps } from '../../deps.js';
import { ensureSignaturePdf } from './documents.service.js';
import { RENDER_PDF_JOB } from './signing.service.js';

/** PDFs are rendered off the signing path; a retried job finds the stored PDF and does nothing. */
export function registerPledgeJobs(deps: AppDeps): void {
  deps.jobs.register(RENDER_PDF_JOB, async (p) => {
    await ensureSignaturePdf(deps, p.tenantId as string, p.signatureId as string);
  });
}
