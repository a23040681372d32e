/**
 * The only SQL of the retention module. Every function takes `db | tx` explicitly.
 *
 * When a report "closed": a report handed to a case closes with its case (`case_file.closed_at`; a
 * closed case is never reopened, and a merged case moves its reports to the target); a report that
 * never became a case closes when the Satgas set it to ditolak/selesai or marked it a duplicate, the
 * time of which is its latest `report.status` / `report.duplicate` audit event (closed reports accept
 * no further status change). A closed report without such an event is never erased automatically.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { caseEvidence, report, reportFile, revealRequest, storedFile, tenant } from '../../db/schema/index.js';

export interface RetentionTenant {
  id: string;
  timezone: string;
}

/** Every tenant, active or not: a deactivated Pemda's reporters are owed the same erasure. */
export async function listTenantsForRetention(db: DbOrTx): Promise<RetentionTenant[]> {
  return db.select({ id: tenant.id, timezone: tenant.timezone }).from(tenant).orderBy(tenant.id);
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The instant a report without a case was closed: its latest closing audit event. */
const reportClosedAt = sql<Date | null>`(
  select max(a.occurred_at) from audit_event a
  where a.tenant_id = ${report.tenantId} and a.entity_type = 'report' and a.entity_id = ${report.id}::text
    and a.action in ('report.status', 'report.duplicate')
)`;

/** The instant the report, or the case it belongs to, closed (null while open). */
const closedAt = sql<Date | null>`case
  when ${report.caseId} is not null then (select c.closed_at from case_file c where c.tenant_id = ${report.tenantId} and c.id = ${report.caseId} and c.state = 'closed')
  when ${report.status} in ('ditolak', 'selesai', 'duplikat') then ${reportClosedAt}
  else null end`;

/**
 * Reports whose reporter data (sealed identity or sealed contact) is still kept although the report
 * or its case closed on or before `cutoff`, and that have no approved reveal still readable at `now`.
 */
export async function reportsDueForReporterErasure(db: DbOrTx, tenantId: string, cutoff: Date, revealValidFrom: Date, onlyId?: string) {
  const rows = await db
    .select({ id: report.id, closedAt })
    .from(report)
    .where(
      and(
        eq(report.tenantId, tenantId),
        onlyId ? eq(report.id, onlyId) : undefined,
        sql`${report.reporterErasedOn} is null`,
        sql`(${report.reporterSealed} is not null or ${report.contactSealed} is not null)`,
        sql`${closedAt} <= ${ts(cutoff)}`,
        sql`not exists (select 1 from reveal_request v where v.tenant_id = ${report.tenantId} and v.report_id = ${report.id} and v.status = 'approved' and v.decided_at > ${ts(revealValidFrom)})`,
      ),
    )
    .orderBy(report.id);
  return rows.map((r) => ({ id: r.id, closedAt: r.closedAt === null ? null : new Date(r.closedAt) }));
}

/** Rejected reports (never a case) rejected on or before `cutoff` that still have evidence files. */
export async function rejectedReportsWithEvidence(db: DbOrTx, tenantId: string, cutoff: Date, onlyId?: string) {
  const rows = await db
    .select({ id: report.id })
    .from(report)
    .where(
      and(
        eq(report.tenantId, tenantId),
        onlyId ? eq(report.id, onlyId) : undefined,
        eq(report.status, 'ditolak'),
        sql`${report.caseId} is null`,
        sql`${report.evidenceErasedOn} is null`,
        sql`exists (select 1 from report_file f where f.tenant_id = ${report.tenantId} and f.report_id = ${report.id})`,
        sql`${reportClosedAt} <= ${ts(cutoff)}`,
      ),
    )
    .orderBy(report.id);
  return rows.map((r) => r.id);
}

/** Locks the report row and re-reads what the retention rules look at (the candidate may have changed). */
export async function lockReportForRetention(tx: DbOrTx, tenantId: string, id: string) {
  const [row] = await tx
    .select({
      id: report.id,
      number: report.number,
      status: report.status,
      caseId: report.caseId,
      identityMode: report.identityMode,
      hasIdentity: sql<boolean>`${report.reporterSealed} is not null`,
      hasContact: sql<boolean>`${report.contactSealed} is not null`,
      reporterErasedOn: report.reporterErasedOn,
      evidenceErasedOn: report.evidenceErasedOn,
    })
    .from(report)
    .where(and(eq(report.tenantId, tenantId), eq(report.id, id)))
    .for('update');
  return row;
}

/** Erases the sealed identity and contact and leaves the tombstone. */
export async function eraseReporterData(tx: DbOrTx, tenantId: string, id: string, day: string): Promise<void> {
  await tx.update(report).set({ reporterSealed: null, contactSealed: null, reporterErasedOn: day }).where(and(eq(report.tenantId, tenantId), eq(report.id, id)));
}

/** Pending reveal requests of a report can no longer be granted: they are closed as refused, by no one. */
export async function closePendingReveals(tx: DbOrTx, tenantId: string, reportId: string, at: Date, note: string): Promise<string[]> {
  const rows = await tx
    .update(revealRequest)
    .set({ status: 'rejected', decidedAt: at, decidedBy: null, decisionNote: note })
    .where(and(eq(revealRequest.tenantId, tenantId), eq(revealRequest.reportId, reportId), eq(revealRequest.status, 'pending')))
    .returning({ id: revealRequest.id });
  return rows.map((r) => r.id);
}

/** The evidence of a report: its report_file rows with the stored files (original and clean copy). */
export async function listEvidenceFiles(tx: DbOrTx, tenantId: string, reportId: string) {
  const files = await tx.select({ fileId: reportFile.fileId, viewFileId: reportFile.viewFileId, sha256: reportFile.sha256 }).from(reportFile).where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.reportId, reportId)));
  const ids = files.flatMap((f) => [f.fileId, ...(f.viewFileId ? [f.viewFileId] : [])]);
  const stored = ids.length ? await tx.select({ id: storedFile.id, storagePath: storedFile.storagePath }).from(storedFile).where(and(eq(storedFile.tenantId, tenantId), inArray(storedFile.id, ids))) : [];
  return { files, stored };
}

/** True when any case evidence still points at one of these files or at the report. */
export async function evidenceInUse(tx: DbOrTx, tenantId: string, reportId: string, fileIds: string[]): Promise<boolean> {
  const byReport = await tx.select({ id: caseEvidence.id }).from(caseEvidence).where(and(eq(caseEvidence.tenantId, tenantId), eq(caseEvidence.reportId, reportId))).limit(1);
  if (byReport.length) return true;
  if (fileIds.length === 0) return false;
  const byFile = await tx.select({ id: caseEvidence.id }).from(caseEvidence).where(and(eq(caseEvidence.tenantId, tenantId), inArray(caseEvidence.fileId, fileIds))).limit(1);
  return byFile.length > 0;
}

/** Deletes the report_file rows and their stored_file rows; leaves the evidence tombstone. */
export async function deleteEvidenceRows(tx: DbOrTx, tenantId: string, reportId: string, storedIds: string[], day: string): Promise<void> {
  await tx.delete(reportFile).where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.reportId, reportId)));
  if (storedIds.length) await tx.delete(storedFile).where(and(eq(storedFile.tenantId, tenantId), inArray(storedFile.id, storedIds)));
  await tx.update(report).set({ evidenceErasedOn: day }).where(and(eq(report.tenantId, tenantId), eq(report.id, reportId)));
}
