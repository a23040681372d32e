/**
 * Retention: what Netra stops keeping about reporters once it is no longer needed.
 *
 * 1. RETENTION_REPORTER_CONTACT_MONTHS after a report's case closed (or the report itself, when it
 *    never became a case and was rejected, finished or marked a duplicate), the sealed rahasia
 *    identity and the sealed contact e-mail are set to null and `report.reporter_erased_on` marks the
 *    day (the tombstone). Pending reveal requests are closed as refused; an approved reveal that can
 *    still be read (7 days) postpones the erasure until it expires.
 * 2. RETENTION_REJECTED_REPORT_MONTHS after a report was rejected (ditolak, never a case), its
 *    evidence files (sealed originals and clean copies) are deleted, rows and bytes, and
 *    `report.evidence_erased_on` marks the day. The SHA-256 fingerprints stay in the audit log.
 * 3. Reporter notices that were never delivered (dev outbox, failed, stuck) lose their address after
 *    UNDELIVERED_NOTICE_DAYS (a delivered one loses it at delivery, in the mail module).
 *
 * Receipt sessions are stateless cookies and reveal grants expire by time at reading: neither leaves
 * anything to delete. Each erasure is one transaction with its audit event (actor "retensi data"),
 * re-checked under the report's row lock, so running it twice, or on two servers at once, erases
 * nothing twice.
 */
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../deps.js';
import { systemContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { recordAudit } from '../audit/audit.service.js';
import { eraseUndeliveredReporterAddresses } from '../mail/mail.repository.js';
import { ERASED_RECIPIENT, FORGOTTEN_RECIPIENT } from '../mail/mail.service.js';
import { REVEAL_VALID_DAYS } from '../reports/reveal.service.js';
import {
  closePendingReveals,
  deleteEvidenceRows,
  eraseReporterData,
  evidenceInUse,
  listEvidenceFiles,
  lockReportForRetention,
  rejectedReportsWithEvidence,
  reportsDueForReporterErasure,
  type RetentionTenant,
} from './retention.repository.js';

/** The actor label of every retention audit event. */
export const RETENTION_ACTOR = 'retensi data';
const RETENTION_REQUEST_ID = 'retention';
/** Days after which an undelivered reporter notice loses its address (retries end long before). */
export const UNDELIVERED_NOTICE_DAYS = 7;
export const REVEAL_CLOSED_NOTE = 'Ditutup otomatis: identitas pelapor telah dihapus karena masa simpan berakhir.';

export interface RetentionResult {
  reportersErased: number;
  revealsClosed: number;
  evidenceErased: number;
  filesDeleted: number;
  noticesErased: number;
}

export const emptyResult = (): RetentionResult => ({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });

/** `now` minus whole calendar months (UTC), the day clamped to the target month's length. */
export function monthsBefore(now: Date, months: number): Date {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

const context = (tenantId: string) => systemContext(tenantId, RETENTION_ACTOR, RETENTION_REQUEST_ID);

/** Rule 1 for one report, re-checked under its lock. Returns the reveal requests it closed, or null if nothing was due. */
async function eraseReporter(deps: AppDeps, t: RetentionTenant, reportId: string, now: Date, cutoff: Date, revealValidFrom: Date): Promise<string[] | null> {
  const months = deps.config.RETENTION_REPORTER_CONTACT_MONTHS;
  return deps.db.transaction(async (tx) => {
    const row = await lockReportForRetention(tx, t.id, reportId);
    if (!row || row.reporterErasedOn) return null;
    const [due] = await reportsDueForReporterErasure(tx, t.id, cutoff, revealValidFrom, reportId);
    if (!due) return null;
    const day = localIsoDate(now, t.timezone);
    await eraseReporterData(tx, t.id, reportId, day);
    const reveals = await closePendingReveals(tx, t.id, reportId, now, REVEAL_CLOSED_NOTE);
    await recordAudit(tx, context(t.id), {
      action: 'report.retention.reporter_erased',
      entityType: 'report',
      entityId: reportId,
      before: { identity: row.hasIdentity, contact: row.hasContact },
      after: { number: row.number, identity: false, contact: false, erasedOn: day, closedOn: due.closedAt ? localIsoDate(due.closedAt, t.timezone) : null, months, revealsClosed: reveals },
    });
    return reveals;
  });
}

/** Rule 2 for one report: deletes the rows in one transaction, then the bytes. Returns the files deleted, or null. */
async function eraseRejectedEvidence(deps: AppDeps, t: RetentionTenant, reportId: string, now: Date, cutoff: Date): Promise<number | null> {
  const months = deps.config.RETENTION_REJECTED_REPORT_MONTHS;
  const paths = await deps.db.transaction(async (tx) => {
    const row = await lockReportForRetention(tx, t.id, reportId);
    if (!row || row.evidenceErasedOn || row.status !== 'ditolak' || row.caseId) return null;
    if (!(await rejectedReportsWithEvidence(tx, t.id, cutoff, reportId)).length) return null;
    const { files, stored } = await listEvidenceFiles(tx, t.id, reportId);
    if (await evidenceInUse(tx, t.id, reportId, stored.map((s) => s.id))) return null; // a case relies on it: keep
    const day = localIsoDate(now, t.timezone);
    await deleteEvidenceRows(tx, t.id, reportId, stored.map((s) => s.id), day);
    await recordAudit(tx, context(t.id), {
      action: 'report.retention.evidence_deleted',
      entityType: 'report',
      entityId: reportId,
      before: { files: files.map((f) => ({ sha256: f.sha256 })) },
      after: { number: row.number, files: 0, deletedOn: day, months },
    });
    return stored.map((s) => s.storagePath);
  });
  if (!paths) return null;
  // After commit: a crash here leaves unreferenced files, which the start-up sweep removes.
  for (const path of paths) {
    await rm(path, { force: true }).catch((error: unknown) => deps.log.warn({ err: error }, 'retensi: berkas bukti tidak terhapus; disapu saat start berikutnya'));
  }
  return paths.length;
}

/** Rule 3: the addresses of undelivered reporter notices, with one audit event per run that changed any. */
async function eraseUndeliveredNotices(deps: AppDeps, t: RetentionTenant, now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNDELIVERED_NOTICE_DAYS * 86_400_000);
  return deps.db.transaction(async (tx) => {
    const n = await eraseUndeliveredReporterAddresses(tx, t.id, before, ERASED_RECIPIENT, [ERASED_RECIPIENT, FORGOTTEN_RECIPIENT]);
    if (n > 0) await recordAudit(tx, context(t.id), { action: 'mail.retention.address_erased', entityType: 'mail', entityId: null, after: { messages: n, olderThanDays: UNDELIVERED_NOTICE_DAYS } });
    return n;
  });
}

/** Applies every rule to one tenant at `now`. */
export async function applyRetention(deps: AppDeps, t: RetentionTenant, now: Date): Promise<RetentionResult> {
  const result = emptyResult();
  const contactCutoff = monthsBefore(now, deps.config.RETENTION_REPORTER_CONTACT_MONTHS);
  const revealValidFrom = new Date(now.getTime() - REVEAL_VALID_DAYS * 86_400_000);
  for (const due of await reportsDueForReporterErasure(deps.db, t.id, contactCutoff, revealValidFrom)) {
    const closed = await eraseReporter(deps, t, due.id, now, contactCutoff, revealValidFrom);
    if (closed === null) continue;
    result.reportersErased++;
    result.revealsClosed += closed.length;
  }
  const rejectedCutoff = monthsBefore(now, deps.config.RETENTION_REJECTED_REPORT_MONTHS);
  for (const reportId of await rejectedReportsWithEvidence(deps.db, t.id, rejectedCutoff)) {
    const files = await eraseRejectedEvidence(deps, t, reportId, now, rejectedCutoff);
    if (files === null) continue;
    result.evidenceErased++;
    result.filesDeleted += files;
  }
  result.noticesErased = await eraseUndeliveredNotices(deps, t, now);
  return result;
}
