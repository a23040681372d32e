/**
 * What the load clients were told: every acknowledged write (a complete 2xx answer with its id or
 * number). After a crash each of these must be in the database exactly once; anything else in the
 * database was in flight and may be there or not, but only whole.
 */

export interface AckedSignature {
  round: number;
  id: string;
  campaignId: string;
  idNumber: string;
}

export interface AckedReport {
  round: number;
  number: string;
  receiptKey: string;
  /** SHA-256 of each evidence file as sent (report_file.sha256 keeps the original's hash). */
  fileSha256: string[];
}

export interface AckedCaseStep {
  /** `created` or a workflow action. */
  kind: string;
  /** The case version the answer reported (event `seq` = version for these steps). */
  version: number;
}

export interface AckedCase {
  round: number;
  id: string;
  number: string;
  steps: AckedCaseStep[];
}

export interface AckedImport {
  round: number;
  id: string;
  fileSha256: string;
  idNumbers: string[];
  validateAcked: boolean;
  commitAcked: boolean;
  /** The client saw `committed` before the crash. */
  committedSeen: boolean;
}

export interface Ledger {
  signatures: AckedSignature[];
  reports: AckedReport[];
  cases: AckedCase[];
  imports: AckedImport[];
  /** Problems the clients saw themselves (e.g. a double submit answered with two signatures). */
  clientViolations: { check: string; detail: string }[];
}

export const emptyLedger = (): Ledger => ({ signatures: [], reports: [], cases: [], imports: [], clientViolations: [] });

export type LoadKind = 'signature' | 'report' | 'case' | 'import';

/** Per round: requests sent, acknowledged, cut by the kill (no answer), and answered otherwise. */
export interface RoundLoad {
  sent: Record<LoadKind, number>;
  acked: Record<LoadKind, number>;
  lost: Record<LoadKind, number>;
  unexpected: string[];
}

export const emptyRoundLoad = (): RoundLoad => ({
  sent: { signature: 0, report: 0, case: 0, import: 0 },
  acked: { signature: 0, report: 0, case: 0, import: 0 },
  lost: { signature: 0, report: 0, case: 0, import: 0 },
  unexpected: [],
});
