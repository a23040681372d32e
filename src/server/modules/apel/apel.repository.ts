/** The only SQL of apel reports: reports, attendance, photos and the berita acara sequence. */
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apelAttendance, apelPhoto, apelReport, employee, storedFile, unit } from '../../db/schema/index.js';

export type ApelReportRow = typeof apelReport.$inferSelect;
export type ApelReportWithUnit = ApelReportRow & { unitName: string; unitPath: string; unitType: string };

const joinUnit = and(eq(unit.tenantId, apelReport.tenantId), eq(unit.id, apelReport.unitId));
const reportColumns = { report: apelReport, unitName: unit.name, unitPath: unit.path, unitType: unit.unitType };
const flatten = (r: { report: ApelReportRow; unitName: string; unitPath: string; unitType: string }): ApelReportWithUnit => ({ ...r.report, unitName: r.unitName, unitPath: r.unitPath, unitType: r.unitType });

export async function findApelReport(db: DbOrTx, tenantId: string, id: string): Promise<ApelReportWithUnit | undefined> {
  const [row] = await db.select(reportColumns).from(apelReport).innerJoin(unit, joinUnit).where(and(eq(apelReport.tenantId, tenantId), eq(apelReport.id, id)));
  return row ? flatten(row) : undefined;
}

/**
 * Locks the report row for the rest of the transaction, so two concurrent workflow steps (submit and
 * a photo upload, or two submits) see each other's result instead of both passing the status check.
 */
export async function lockApelReport(tx: DbOrTx, tenantId: string, id: string): Promise<ApelReportRow | undefined> {
  const [row] = await tx.select().from(apelReport).where(and(eq(apelReport.tenantId, tenantId), eq(apelReport.id, id))).for('update');
  return row;
}

/** Reports of a campaign, optionally only for units under `pathPrefix` (a pimpinan's subtree). */
export async function listApelReports(db: DbOrTx, tenantId: string, campaignId: string, pathPrefix: string | null): Promise<ApelReportWithUnit[]> {
  const rows = await db
    .select(reportColumns)
    .from(apelReport)
    .innerJoin(unit, joinUnit)
    .where(and(eq(apelReport.tenantId, tenantId), eq(apelReport.campaignId, campaignId), pathPrefix ? like(unit.path, `${pathPrefix}%`) : undefined))
    .orderBy(asc(unit.path));
  return rows.map(flatten);
}

/** Inserts the report unless the unit already has one for the campaign (undefined then). */
export async function insertApelReportOnce(tx: DbOrTx, row: typeof apelReport.$inferInsert): Promise<ApelReportRow | undefined> {
  const [created] = await tx.insert(apelReport).values(row).onConflictDoNothing({ target: [apelReport.tenantId, apelReport.campaignId, apelReport.unitId] }).returning();
  return created;
}

export async function findApelReportOfUnit(db: DbOrTx, tenantId: string, campaignId: string, unitId: string): Promise<ApelReportRow | undefined> {
  const [row] = await db.select().from(apelReport).where(and(eq(apelReport.tenantId, tenantId), eq(apelReport.campaignId, campaignId), eq(apelReport.unitId, unitId)));
  return row;
}

export async function updateApelReportRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof apelReport.$inferInsert>): Promise<void> {
  await tx
    .update(apelReport)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(apelReport.tenantId, tenantId), eq(apelReport.id, id)));
}

const rosterColumns = { id: employee.id, name: employee.name, idNumber: employee.idNumber, idType: employee.idType, jabatanName: employee.jabatanName };
export type RosterMember = { id: string; name: string; idNumber: string; idType: string; jabatanName: string | null };

/** The unit roster: active employees whose unit is exactly `unitId` (sub-units hold their own apel). */
export async function listUnitRoster(db: DbOrTx, tenantId: string, unitId: string): Promise<RosterMember[]> {
  return db
    .select(rosterColumns)
    .from(employee)
    .where(and(eq(employee.tenantId, tenantId), eq(employee.unitId, unitId), eq(employee.isActive, true)))
    .orderBy(asc(employee.name), asc(employee.idNumber));
}

/** Employees by id with their unit, to name the ones refused from a daftar hadir. */
export async function findEmployeesWithUnit(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: employee.id, name: employee.name, isActive: employee.isActive, unitName: unit.name })
    .from(employee)
    .innerJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .where(and(eq(employee.tenantId, tenantId), inArray(employee.id, ids)));
}

export type AttendanceRow = RosterMember & { status: string };

/** The daftar hadir of a report, by name. */
export async function listAttendance(db: DbOrTx, tenantId: string, reportId: string): Promise<AttendanceRow[]> {
  return db
    .select({ ...rosterColumns, status: apelAttendance.status })
    .from(apelAttendance)
    .innerJoin(employee, and(eq(employee.tenantId, apelAttendance.tenantId), eq(employee.id, apelAttendance.employeeId)))
    .where(and(eq(apelAttendance.tenantId, tenantId), eq(apelAttendance.reportId, reportId)))
    .orderBy(asc(employee.name), asc(employee.idNumber));
}

/** Replaces the whole daftar hadir of a report. */
export async function replaceAttendance(tx: DbOrTx, tenantId: string, reportId: string, entries: { employeeId: string; status: string }[]): Promise<void> {
  await tx.delete(apelAttendance).where(and(eq(apelAttendance.tenantId, tenantId), eq(apelAttendance.reportId, reportId)));
  for (let i = 0; i < entries.length; i += 1000) {
    await tx.insert(apelAttendance).values(entries.slice(i, i + 1000).map((e) => ({ tenantId, reportId, employeeId: e.employeeId, status: e.status })));
  }
}

/** Attendance counts per status, for lists (one query for many reports). */
export async function countAttendanceByStatus(db: DbOrTx, tenantId: string, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select({ reportId: apelAttendance.reportId, status: apelAttendance.status, n: sql<number>`count(*)::int` })
    .from(apelAttendance)
    .where(and(eq(apelAttendance.tenantId, tenantId), inArray(apelAttendance.reportId, reportIds)))
    .groupBy(apelAttendance.reportId, apelAttendance.status);
}

export type PhotoRow = { fileId: string; capturedAt: Date | null; mimeType: string; size: number; storagePath: string; sha256: string };

export async function listPhotos(db: DbOrTx, tenantId: string, reportIds: string[]): Promise<(PhotoRow & { reportId: string })[]> {
  if (reportIds.length === 0) return [];
  return db
    .select({ reportId: apelPhoto.reportId, fileId: apelPhoto.fileId, capturedAt: apelPhoto.capturedAt, mimeType: storedFile.mimeType, size: storedFile.size, storagePath: storedFile.storagePath, sha256: storedFile.sha256 })
    .from(apelPhoto)
    .innerJoin(storedFile, and(eq(storedFile.tenantId, apelPhoto.tenantId), eq(storedFile.id, apelPhoto.fileId)))
    .where(and(eq(apelPhoto.tenantId, tenantId), inArray(apelPhoto.reportId, reportIds)))
    .orderBy(asc(storedFile.createdAt));
}

export async function insertPhoto(tx: DbOrTx, row: typeof apelPhoto.$inferInsert): Promise<void> {
  await tx.insert(apelPhoto).values(row);
}

/** Unlinks a photo from its report and drops its file row; returns false when it was not there. */
export async function deletePhoto(tx: DbOrTx, tenantId: string, reportId: string, fileId: string): Promise<boolean> {
  const removed = await tx
    .delete(apelPhoto)
    .where(and(eq(apelPhoto.tenantId, tenantId), eq(apelPhoto.reportId, reportId), eq(apelPhoto.fileId, fileId)))
    .returning({ fileId: apelPhoto.fileId });
  if (removed.length === 0) return false;
  await tx.delete(storedFile).where(and(eq(storedFile.tenantId, tenantId), eq(storedFile.id, fileId)));
  return true;
}

/**
 * The next berita acara sequence of the tenant for `year`. Takes a transaction-scoped advisory
 * lock first, so concurrent submissions are numbered one after the other and never share a number.
 */
export async function nextBeritaAcaraSeq(tx: DbOrTx, tenantId: string, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`apel-ba:${tenantId}:${year}`}, 0))`);
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(split_part(${apelReport.number}, '/', 2)::int), 0)::int` })
    .from(apelReport)
    .where(and(eq(apelReport.tenantId, tenantId), like(apelReport.number, `800/%/BA-NETRA/${year}`)));
  return Number(row?.max ?? 0) + 1;
}
