/**
 * The secrets and in-memory state of the reports module, built once per app from its config: the
 * sealed box (identity and evidence encryption), the proof of work, receipt sessions and the
 * wrong-key limiter. Kept here rather than in AppDeps because nothing else needs them; the case
 * module can call `createReportKit` with the same config to open sealed values.
 */
import { loadOrCreateSecret, loadSealedBox, type SealedBox } from '../../lib/sealed-box.js';
import { createProofOfWork, type ProofOfWork } from '../../lib/proof-of-work.js';
import type { AppDeps } from '../../deps.js';
import { createReceiptSessions, FailureLimiter, type ReceiptSessions } from './receipt.js';

export interface ReportKit {
  box: SealedBox;
  pow: ProofOfWork;
  sessions: ReceiptSessions;
  limiter: FailureLimiter;
}

export function createReportKit(deps: Pick<AppDeps, 'config'>): ReportKit {
  const { config } = deps;
  const secret = config.REPORT_HMAC_KEY ? Buffer.from(config.REPORT_HMAC_KEY, 'utf8') : loadOrCreateSecret(config.DATA_DIR, 'report-hmac.key');
  return { box: loadSealedBox(config), pow: createProofOfWork(config, secret), sessions: createReceiptSessions(secret), limiter: new FailureLimiter() };
}
