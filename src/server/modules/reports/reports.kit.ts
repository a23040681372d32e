/**
 * The secrets and in-memory state of the reports module, built once per app from its config: the
 * sealed box (identity and evidence encryption), the proof of work, receipt sessions, the
 * wrong-key limiter and the receipt-key hasher (argon2id at its own, lower cost: RECEIPT_ARGON2_*). Kept here rather than in AppDeps because nothing else needs them; the case
 * module can call `createReportKit` with the same config to open sealed values.
 */
import { availableParallelism } from 'node:os';
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

/**
 * At most `limit` argon2 computations of receipt keys at once; the others wait their turn (FIFO).
 * argon2id's working set (12–19 MiB) is bound by memory, not by arithmetic: hashes running side by side
 * on the same cores evict each other's memory from the caches. Measured on the 2-core bench machine
 * (19 MiB): one at a time 8.5 ms of CPU and 8.5 ms per hash; four at once (libuv's default pool) 13 ms
 * of CPU each and *less* throughput (12.9 ms per hash). The parameters, and so the cost to an attacker,
 * are unchanged.
 */
export function limitConcurrency(hasher: PasswordHasher, limit: number): PasswordHasher {
  let running = 0;
  const waiting: (() => void)[] = [];
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next(); // hands its slot on: `running` stays the same
      else running--;
    }
  };
  return { hash: (password) => run(() => hasher.hash(password)), verify: (stored, password) => run(() => hasher.verify(stored, password)) };
}

/** Half the cores (at least one): see limitConcurrency. */
const RECEIPT_HASH_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2));

export function createReportKit(deps: Pick<AppDeps, 'config'>): ReportKit {
  const { config } = deps;
  const secret = config.REPORT_HMAC_KEY ? Buffer.from(config.REPORT_HMAC_KEY, 'utf8') : loadOrCreateSecret(config.DATA_DIR, 'report-hmac.key');
  return { box: loadSealedBox(config), pow: createProofOfWork(config, secret), sessions: createReceiptSessions(secret), limiter: new FailureLimiter(), receiptHasher: limitConcurrency(createArgon2Hasher(config.RECEIPT_ARGON2_MEMORY_KIB, config.RECEIPT_ARGON2_TIME_COST), RECEIPT_HASH_CONCURRENCY) };
}
