/**
 * The secrets and in-memory state of the reports module, built once per app from its config: the
 * sealed box (identity and evidence encryption), the proof of work, receipt sessions, the
 * wrong-key limiter and the receipt-key hasher (argon2id at its own, lower cost: RECEIPT_ARGON2_*). Kept here rather than in AppDeps because nothing else needs them; the case
 * module can call `createReportKit` with the same config to open sealed values.
 */
import { loadOrCreateSecret, loadSealedBox, type SealedBox } from '../../lib/sealed-box.js';
import { createProofOfWork, type ProofOfWork } from '../../lib/proof-of-work.js';
import type { AppDeps } from '../../deps.js';
import { createArgon2Hasher, type PasswordHasher } from '../../lib/passwords.js';
import { createReceiptSessions, FailureLimiter, type ReceiptSessions } from './receipt.js';

export interface ReportKit {
  box: SealedBox;
  pow: ProofOfWork;
  sessions: ReceiptSessions;
  limiter: FailureLimiter;
  /** Hashes and checks receipt keys (100 random bits; see docs/SECURITY.md for the cost). */
  receiptHasher: PasswordHasher;
}

export function createReportKit(deps: Pick<AppDeps, 'config'>): ReportKit {
  const { config } = deps;
  const secret = config.REPORT_HMAC_KEY ? Buffer.from(config.REPORT_HMAC_KEY, 'utf8') : loadOrCreateSecret(config.DATA_DIR, 'report-hmac.key');
  return { box: loadSealedBox(config), pow: createProofOfWork(config, secret), sessions: createReceiptSessions(secret), limiter: new FailureLimiter(), receiptHasher: createArgon2Hasher(config.RECEIPT_ARGON2_MEMORY_KIB, config.RECEIPT_ARGON2_TIME_COST) };
}
