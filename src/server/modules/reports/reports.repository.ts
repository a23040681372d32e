/** The only SQL of the reports module. Every function takes `db | tx` explicitly. */
import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNull, lte, max, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { InboxQuery } from '../../../shared/contracts/reports.contract.js';
import type { DbOrTx } from '../../db/client.js';
import { report, reportFile, reportMessage, reportNote, revealRequest, storedFile, userAccount } from '../../db/schema/index.js';
import { auditInsertIfSql, auditParams, type NewAuditRow } from '../audit/audit.repository.js';

export type ReportRow = typeof report.$inferSelect;
export type ReportFileRow = typeof reportFile.$inferSelect;

/** The SQLSTATE and constraint/column of a PostgreSQL or PGlite error (drizzle wraps it in `cause`). */
function pgError(error: unknown): { code?: string; constraint?: string; column?: string; message?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return current as { code: string };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether `error` is the unique violation of the per-tenant report number. */
function isReportNumberTaken(error: unknown): boolean {
  const e = pgError(error);
  return e?.code === '23505' && (e.constraint === 'report_tenant_number_key' || !!e.message?.includes('report_tenant_number_key'));
}

/** Whether `error` is the NOT NULL violation of report.tenant_id that an inactive tenant causes (below). */
function isTenantInactive(error: unknown): boolean {
  const e = pgError(error);
  return e?.code === '23502' && (e.column === 'tenant_id' || !!e.message?.includes('"tenant_id"'));
}

/**
 * A new report, its evidence rows (stored_file before report_file) and its audit entry in ONE
 * statement: data-modifying CTEs, atomic on their own (no BEGIN/COMMIT round trips), so either all of
 * it is written or none. Foreign keys are checked at the end of the statement, when every row exists.
 * The report's tenant_id is taken from the tenant row only while that tenant is active, so a tenant
 * deactivated after the caller resolved it refuses the whole statement ('tenant_inactive').
 * 'number_taken' (nothing written) when the report number is taken: the caller draws another. Call it
 * on the database, not inside a transaction (a failed statement would abort the caller's transaction).
 */
export async function insertReportWithEvidence(db: DbOrTx, row: NewReport, evidence: { stored: NewStoredFile[]; reportFiles: NewReportFile[] }, audit: NewAuditRow): Promise<'created' | 'number_taken' | 'tenant_inactive'> {
  const params: Record<string, unknown> = auditParams(audit);
  for (const column of REPORT_COLUMNS) params[`r_${column}`] = row[column];
  evidence.stored.forEach((file, i) => STORED_FILE_COLUMNS.forEach((column) => (params[`s${i}_${column}`] = file[column])));
  evidence.reportFiles.forEach((file, i) => REPORT_FILE_COLUMNS.forEach((column) => (params[`f${i}_${column}`] = file[column])));
  try {
    // Every CTE runs to completion whether or not the outer query reads it (PostgreSQL semantics).
    const rows = await reportStatement(db, evidence.stored.length, evidence.reportFiles.length).execute(params);
    if (rows.length !== 1) throw new Error('report insert returned no row');
    return 'created';
  } catch (error) {
    if (isReportNumberTaken(error)) return 'number_taken';
    if (isTenantInactive(error)) return 'tenant_inactive';
    throw error;
  }
}

// The columns a new report and its evidence rows are written with (every one given: none is left to a
// column default, so a placeholder's NULL never replaces a default).
const REPORT_COLUMNS = ['tenantId', 'id', 'number', 'identityMode', 'channel', 'status', 'reporterOpen', 'reporterSealed', 'contactSealed', 'reported', 'actKind', 'actKindOther', 'electionEventId', 'electionContestId', 'actDate', 'discoveredOn', 'place', 'description', 'links', 'warnings', 'receivedOn', 'receiptHash', 'createdBy'] as const;
const STORED_FILE_COLUMNS = ['tenantId', 'id', 'purpose', 'fileName', 'mimeType', 'size', 'sha256', 'storagePath', 'createdBy', 'createdAt'] as const;
const REPORT_FILE_COLUMNS = ['tenantId', 'reportId', 'fileId', 'viewFileId', 'sha256', 'mimeType', 'size', 'fromReporter', 'addedOn'] as const;
type Given<T, K extends keyof T> = { [P in K]-?: T[P] };
export type NewReport = Given<typeof report.$inferInsert, (typeof REPORT_COLUMNS)[number]>;
export type NewStoredFile = Given<typeof storedFile.$inferInsert, (typeof STORED_FILE_COLUMNS)[number]>;
export type NewReportFile = Given<typeof reportFile.$inferInsert, (typeof REPORT_FILE_COLUMNS)[number]>;

const placeholders = <C extends string>(columns: readonly C[], prefix: string) => Object.fromEntries(columns.map((column) => [column, sql.placeholder(`${prefix}${column}`)])) as Record<C, never>;

/**
 * The intake statement as a **prepared statement**, one per evidence shape (number of stored_file and
 * report_file rows) and database object: built by Drizzle once instead of per report, and parsed and
 * planned by PostgreSQL once per connection. A few shapes exist (REPORT_MAX_FILES bounds them).
 */
const reportStatements = new WeakMap<DbOrTx, Map<string, ReturnType<typeof buildReportStatement>>>();
function reportStatement(db: DbOrTx, stored: number, files: number) {
  let byShape = reportStatements.get(db);
  if (!byShape) reportStatements.set(db, (byShape = new Map()));
  const key = `${stored}_${files}`;
  let statement = byShape.get(key);
  if (!statement) byShape.set(key, (statement = buildReportStatement(db, stored, files, `insert_report_${key}`)));
  return statement;
}

function buildReportStatement(db: DbOrTx, stored: number, files: number, name: string) {
  const values = { ...placeholders(REPORT_COLUMNS, 'r_'), tenantId: sql`(select t.id from tenant t where t.id = ${sql.placeholder('r_tenantId')}::uuid and t.is_active)` };
  const created = db.$with('created_report').as(db.insert(report).values(values).returning({ id: report.id }));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const ctes = [
    created,
    ...(stored ? [db.$with('created_files').as(db.insert(storedFile).values(range(stored).map((i) => placeholders(STORED_FILE_COLUMNS, `s${i}_`))).returning({ id: storedFile.id }))] : []),
    ...(files ? [db.$with('created_evidence').as(db.insert(reportFile).values(range(files).map((i) => placeholders(REPORT_FILE_COLUMNS, `f${i}_`))).returning({ id: reportFile.fileId }))] : []),
    db.$with('logged', { id: sql<number>`id` }).as(auditInsertIfSql(sql`select 1 from created_report`)),
  ];
  return db.with(...ctes).select({ id: created.id }).from(created).prepare(name);
}

export async function findReport(db: DbOrTx, tenantId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(report).where(and(eq(report.tenantId, tenantId), eq(report.id, id)));
  return row;
}

export async function findReportByNumber(db: DbOrTx, tenantId: string, number: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(report).where(and(eq(report.tenantId, tenantId), eq(report.number, number)));
  return row;
}

/** Locks the report row until the transaction ends (serialises messages, files, status changes). */
export async function lockReport(tx: DbOrTx, tenantId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(report).where(and(eq(report.tenantId, tenantId), eq(report.id, id))).for('update');
  return row;
}

export async function updateReportRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof report.$inferInsert>): Promise<void> {
  await tx.update(report).set(patch).where(and(eq(report.tenantId, tenantId), eq(report.id, id)));
}

/** The inbox page with its filters; the description search is a plain ILIKE (reports are few). */
export async function listInbox(db: DbOrTx, tenantId: string, q: z.infer<typeof InboxQuery>) {
  const where: SQL[] = [eq(report.tenantId, tenantId)];
  if (q.status) where.push(eq(report.status, q.status));
  if (q.channel) where.push(eq(report.channel, q.channel));
  if (q.identityMode) where.push(eq(report.identityMode, q.identityMode));
  if (q.actKind) where.push(eq(report.actKind, q.actKind));
  if (q.from) where.push(gte(report.receivedOn, q.from));
  if (q.to) where.push(lte(report.receivedOn, q.to));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(report.description, like), sql`${report.reported}->>'name' ilike ${like}`, eq(report.number, q.q.toUpperCase()))!);
  }
  const condition = and(...where);
  const rows = await db
    .select()
    .from(report)
    .where(condition)
    .orderBy(desc(report.receivedOn), asc(report.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(report).where(condition);
  return { rows, total: total?.n ?? 0 };
}

export async function insertReportFile(tx: DbOrTx, row: typeof reportFile.$inferInsert): Promise<void> {
  await tx.insert(reportFile).values(row);
}

const original = alias(storedFile, 'original_file');
const clean = alias(storedFile, 'clean_file');

/** Evidence of a report with where the original (sealed) and the clean copy lie on disk. */
export async function listReportFiles(db: DbOrTx, tenantId: string, reportId: string) {
  return db
    .select({ file: reportFile, originalPath: original.storagePath, cleanPath: clean.storagePath, cleanMime: clean.mimeType })
    .from(reportFile)
    .innerJoin(original, and(eq(original.tenantId, reportFile.tenantId), eq(original.id, reportFile.fileId)))
    .leftJoin(clean, and(eq(clean.tenantId, reportFile.tenantId), eq(clean.id, reportFile.viewFileId)))
    .where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.reportId, reportId)))
    .orderBy(asc(reportFile.addedOn), asc(reportFile.fileId));
}

/**
 * Evidence waiting for its clean copy: images (`mimes`) without one, oldest first, with where the
 * sealed original lies. An image the job gave up on (`clean_failed_on`, undecodable) is not listed;
 * one whose copy failed otherwise (I/O, database) stays in this list (see reports.jobs.ts).
 */
export async function listPendingCleanCopies(db: DbOrTx, tenantId: string, mimes: string[], limit: number, afterFileId: string | null) {
  const where: SQL[] = [eq(reportFile.tenantId, tenantId), isNull(reportFile.viewFileId), isNull(reportFile.cleanFailedOn), inArray(reportFile.mimeType, mimes)];
  if (afterFileId) where.push(gt(reportFile.fileId, afterFileId));
  return db
    .select({ reportId: reportFile.reportId, fileId: reportFile.fileId, sha256: reportFile.sha256, mimeType: reportFile.mimeType, addedOn: reportFile.addedOn, originalPath: original.storagePath })
    .from(reportFile)
    .innerJoin(original, and(eq(original.tenantId, reportFile.tenantId), eq(original.id, reportFile.fileId)))
    .where(and(...where))
    .orderBy(asc(reportFile.fileId))
    .limit(limit);
}

/** Tenants with at least one image still waiting for its clean copy (the sweep after a crash); never for an image marked failed. */
export async function listTenantsWithPendingCleanCopies(db: DbOrTx, mimes: string[]): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: reportFile.tenantId }).from(reportFile).where(and(isNull(reportFile.viewFileId), isNull(reportFile.cleanFailedOn), inArray(reportFile.mimeType, mimes)));
  return rows.map((r) => r.tenantId);
}

/** Locks one evidence row until the transaction ends (the clean-copy job against a second worker or retention). */
export async function lockReportFile(tx: DbOrTx, tenantId: string, fileId: string): Promise<ReportFileRow | undefined> {
  const [row] = await tx.select().from(reportFile).where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.fileId, fileId))).for('update');
  return row;
}

export async function setCleanCopy(tx: DbOrTx, tenantId: string, fileId: string, viewFileId: string): Promise<void> {
  await tx.update(reportFile).set({ viewFileId }).where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.fileId, fileId)));
}

/** Marks an image whose clean copy cannot be made (call under lockReportFile). */
export async function setCleanCopyFailed(tx: DbOrTx, tenantId: string, fileId: string, day: string): Promise<void> {
  await tx.update(reportFile).set({ cleanFailedOn: day }).where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.fileId, fileId)));
}

export async function countReportFiles(db: DbOrTx, tenantId: string, reportId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reportFile).where(and(eq(reportFile.tenantId, tenantId), eq(reportFile.reportId, reportId)));
  return row?.n ?? 0;
}

/** Appends a message with the next per-report sequence number (call under lockReport). */
export async function insertMessage(tx: DbOrTx, row: Omit<typeof reportMessage.$inferInsert, 'seq'>): Promise<number> {
  const [last] = await tx.select({ seq: max(reportMessage.seq) }).from(reportMessage).where(and(eq(reportMessage.tenantId, row.tenantId), eq(reportMessage.reportId, row.reportId)));
  const seq = (last?.seq ?? 0) + 1;
  await tx.insert(reportMessage).values({ ...row, seq });
  return seq;
}

export async function listMessages(db: DbOrTx, tenantId: string, reportId: string) {
  return db.select().from(reportMessage).where(and(eq(reportMessage.tenantId, tenantId), eq(reportMessage.reportId, reportId))).orderBy(asc(reportMessage.seq));
}

export async function insertNote(tx: DbOrTx, row: typeof reportNote.$inferInsert): Promise<string> {
  const [created] = await tx.insert(reportNote).values(row).returning({ id: reportNote.id });
  return created!.id;
}

export async function listNotes(db: DbOrTx, tenantId: string, reportId: string) {
  return db
    .select({ id: reportNote.id, body: reportNote.body, createdAt: reportNote.createdAt, author: userAccount.displayName })
    .from(reportNote)
    .innerJoin(userAccount, and(eq(userAccount.tenantId, reportNote.tenantId), eq(userAccount.id, reportNote.authorUserId)))
    .where(and(eq(reportNote.tenantId, tenantId), eq(reportNote.reportId, reportId)))
    .orderBy(asc(reportNote.createdAt));
}

export async function insertReveal(tx: DbOrTx, row: typeof revealRequest.$inferInsert): Promise<string> {
  const [created] = await tx.insert(revealRequest).values(row).returning({ id: revealRequest.id });
  return created!.id;
}

export async function lockReveal(tx: DbOrTx, tenantId: string, id: string) {
  const [row] = await tx.select().from(revealRequest).where(and(eq(revealRequest.tenantId, tenantId), eq(revealRequest.id, id))).for('update');
  return row;
}

export async function updateReveal(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof revealRequest.$inferInsert>): Promise<void> {
  await tx.update(revealRequest).set(patch).where(and(eq(revealRequest.tenantId, tenantId), eq(revealRequest.id, id)));
}

const requester = alias(userAccount, 'requester');
const decider = alias(userAccount, 'decider');

/** Reveal requests with the people's labels and the report number (never the identity). */
export async function listReveals(db: DbOrTx, tenantId: string, filter: { reportId?: string; statuses?: string[] }) {
  const where: SQL[] = [eq(revealRequest.tenantId, tenantId)];
  if (filter.reportId) where.push(eq(revealRequest.reportId, filter.reportId));
  if (filter.statuses) where.push(inArray(revealRequest.status, filter.statuses));
  return db
    .select({ reveal: revealRequest, reportNumber: report.number, requestedBy: requester.displayName, decidedBy: decider.displayName })
    .from(revealRequest)
    .innerJoin(report, and(eq(report.tenantId, revealRequest.tenantId), eq(report.id, revealRequest.reportId)))
    .innerJoin(requester, and(eq(requester.tenantId, revealRequest.tenantId), eq(requester.id, revealRequest.requestedBy)))
    .leftJoin(decider, and(eq(decider.tenantId, revealRequest.tenantId), eq(decider.id, revealRequest.decidedBy)))
    .where(and(...where))
    .orderBy(desc(revealRequest.createdAt));
}

export async function listReportIdsOfCase(db: DbOrTx, tenantId: string, caseId: string): Promise<string[]> {
  const rows = await db.select({ id: report.id }).from(report).where(and(eq(report.tenantId, tenantId), eq(report.caseId, caseId))).orderBy(asc(report.receivedOn), asc(report.id));
  return rows.map((r) => r.id);
}
