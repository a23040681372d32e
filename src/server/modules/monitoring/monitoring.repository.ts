/** The only SQL of the monitoring module: watchlists, captures and their revisions and files, imports, declared accounts. */
import { and, asc, desc, eq, gte, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { CaptureQueryT, Platform } from '../../../shared/contracts/monitoring.contract.js';
import type { DbOrTx } from '../../db/client.js';
import { caseFile, captureImport, declaredAccount, electionContest, electionEvent, employee, monitoringWatchlist, socialCapture, socialCaptureFile, socialCaptureRevision, storedFile, unit, userAccount as user } from '../../db/schema/index.js';

export type WatchlistRow = typeof monitoringWatchlist.$inferSelect;
export type CaptureRow = typeof socialCapture.$inferSelect;
export type RevisionRow = typeof socialCaptureRevision.$inferSelect;
export type CaptureFileRow = typeof socialCaptureFile.$inferSelect;
export type CaptureImportRow = typeof captureImport.$inferSelect;
export type DeclaredAccountRow = typeof declaredAccount.$inferSelect;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/* Watchlists */

export const watchlistScopeKey = (eventId: string, contestId: string | null | undefined) => `${eventId}:${contestId ?? '-'}`;

const watchlistColumns = {
  w: monitoringWatchlist,
  electionName: electionEvent.name,
  contestName: electionContest.name,
  createdByName: user.displayName,
};

function watchlistQuery(db: DbOrTx) {
  return db
    .select(watchlistColumns)
    .from(monitoringWatchlist)
    .innerJoin(electionEvent, and(eq(electionEvent.tenantId, monitoringWatchlist.tenantId), eq(electionEvent.id, monitoringWatchlist.electionEventId)))
    .leftJoin(electionContest, and(eq(electionContest.tenantId, monitoringWatchlist.tenantId), eq(electionContest.id, monitoringWatchlist.electionContestId)))
    .leftJoin(user, and(eq(user.tenantId, monitoringWatchlist.tenantId), eq(user.id, monitoringWatchlist.createdBy)))
    .$dynamic();
}
export type WatchlistWithNames = Awaited<ReturnType<typeof findWatchlist>> & object;

export async function findWatchlist(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await watchlistQuery(db).where(and(eq(monitoringWatchlist.tenantId, tenantId), eq(monitoringWatchlist.id, id)));
  return row;
}

export async function findCurrentWatchlist(db: DbOrTx, tenantId: string, scopeKey: string) {
  const [row] = await watchlistQuery(db).where(and(eq(monitoringWatchlist.tenantId, tenantId), eq(monitoringWatchlist.scopeKey, scopeKey), eq(monitoringWatchlist.isCurrent, true)));
  return row;
}

/** Current versions (history: every version) of the tenant's watchlists, newest first. */
export async function listWatchlists(db: DbOrTx, tenantId: string, opts: { scopeKey?: string; history?: boolean } = {}) {
  const where = [eq(monitoringWatchlist.tenantId, tenantId)];
  if (opts.scopeKey) where.push(eq(monitoringWatchlist.scopeKey, opts.scopeKey));
  if (!opts.history) where.push(eq(monitoringWatchlist.isCurrent, true));
  return watchlistQuery(db).where(and(...where)).orderBy(desc(monitoringWatchlist.createdAt), desc(monitoringWatchlist.version));
}

export async function maxWatchlistVersion(tx: DbOrTx, tenantId: string, scopeKey: string): Promise<number> {
  const [row] = await tx.select({ v: sql<number>`coalesce(max(${monitoringWatchlist.version}), 0)::int` }).from(monitoringWatchlist).where(and(eq(monitoringWatchlist.tenantId, tenantId), eq(monitoringWatchlist.scopeKey, scopeKey)));
  return row?.v ?? 0;
}

export async function clearCurrentWatchlist(tx: DbOrTx, tenantId: string, scopeKey: string): Promise<void> {
  await tx.update(monitoringWatchlist).set({ isCurrent: false }).where(and(eq(monitoringWatchlist.tenantId, tenantId), eq(monitoringWatchlist.scopeKey, scopeKey), eq(monitoringWatchlist.isCurrent, true)));
}

export async function insertWatchlist(tx: DbOrTx, row: typeof monitoringWatchlist.$inferInsert): Promise<WatchlistRow> {
  const [created] = await tx.insert(monitoringWatchlist).values(row).returning();
  return created!;
}

/** Serialises watchlist saves of one scope (the version number is max + 1). */
export async function lockWatchlistScope(tx: DbOrTx, tenantId: string, scopeKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`watchlist:${tenantId}:${scopeKey}`}))`);
}

/* Captures */

export async function insertCaptures(tx: DbOrTx, rows: (typeof socialCapture.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(socialCapture).values(rows.slice(i, i + 500));
}

export async function insertRevisions(tx: DbOrTx, rows: (typeof socialCaptureRevision.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(socialCaptureRevision).values(rows.slice(i, i + 500));
}

export async function updateCapture(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof socialCapture.$inferInsert>): Promise<void> {
  await tx.update(socialCapture).set(patch).where(and(eq(socialCapture.tenantId, tenantId), eq(socialCapture.id, id)));
}

/** The capture row, locked for the rest of the transaction (edits, reviews and "Buka kasus" serialise on it). */
export async function lockCapture(tx: DbOrTx, tenantId: string, id: string): Promise<CaptureRow | undefined> {
  const [row] = await tx.select().from(socialCapture).where(and(eq(socialCapture.tenantId, tenantId), eq(socialCapture.id, id))).for('update');
  return row;
}

const currentRevisionJoin = and(
  eq(socialCaptureRevision.tenantId, socialCapture.tenantId),
  eq(socialCaptureRevision.captureId, socialCapture.id),
  eq(socialCaptureRevision.revision, socialCapture.currentRevision),
);
const employeeJoin = and(eq(employee.tenantId, socialCaptureRevision.tenantId), eq(employee.id, socialCaptureRevision.employeeId));
const unitJoin = and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId));
const fileCount = sql<number>`(select count(*)::int from social_capture_file f where f.tenant_id = ${socialCapture.tenantId} and f.capture_id = ${socialCapture.id})`;

const captureColumns = {
  c: socialCapture,
  r: socialCaptureRevision,
  employeeName: employee.name,
  employeeIdNumber: employee.idNumber,
  employeePosition: employee.jabatanName,
  unitName: unit.name,
  fileCount,
};

function captureQuery(db: DbOrTx) {
  return db
    .select(captureColumns)
    .from(socialCapture)
    .innerJoin(socialCaptureRevision, currentRevisionJoin)
    .leftJoin(employee, employeeJoin)
    .leftJoin(unit, unitJoin)
    .$dynamic();
}
export type CaptureWithRevision = Awaited<ReturnType<typeof findCapture>> & object;

/** A capture with its current revision and the matched employee. */
export async function findCapture(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await captureQuery(db).where(and(eq(socialCapture.tenantId, tenantId), eq(socialCapture.id, id)));
  return row;
}

export async function findCaptures(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return captureQuery(db).where(and(eq(socialCapture.tenantId, tenantId), inArray(socialCapture.id, ids)));
}

function queueWhere(tenantId: string, q: CaptureQueryT): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(socialCapture.tenantId, tenantId)];
  if (q.status !== 'all') where.push(eq(socialCapture.reviewStatus, q.status));
  if (q.electionEventId) where.push(eq(socialCapture.electionEventId, q.electionEventId));
  if (q.platform) where.push(eq(socialCapture.platform, q.platform));
  if (q.minScore !== undefined) where.push(gte(socialCapture.score, q.minScore));
  if (q.q) {
    const like = `%${escapeLike(q.q.toLowerCase().replace(/^@/, ''))}%`;
    where.push(or(sql`lower(${socialCaptureRevision.accountHandle}) like ${like}`, sql`lower(${socialCaptureRevision.accountName}) like ${like}`, sql`lower(${employee.name}) like ${like}`));
  }
  return and(...where);
}

/** One page of the review queue: riskiest first (or latest first), with the total. */
export async function listQueue(db: DbOrTx, tenantId: string, q: CaptureQueryT) {
  const where = queueWhere(tenantId, q);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(socialCapture)
    .innerJoin(socialCaptureRevision, currentRevisionJoin)
    .leftJoin(employee, employeeJoin)
    .where(where);
  const order = q.sort === 'recent' ? [desc(socialCapture.capturedAt), desc(socialCapture.id)] : [desc(socialCapture.score), desc(socialCapture.capturedAt), desc(socialCapture.id)];
  const rows = await captureQuery(db)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows, total: count?.n ?? 0 };
}

export async function listRevisions(db: DbOrTx, tenantId: string, captureId: string) {
  return db
    .select({ r: socialCaptureRevision, editedByName: user.displayName })
    .from(socialCaptureRevision)
    .leftJoin(user, and(eq(user.tenantId, socialCaptureRevision.tenantId), eq(user.id, socialCaptureRevision.editedBy)))
    .where(and(eq(socialCaptureRevision.tenantId, tenantId), eq(socialCaptureRevision.captureId, captureId)))
    .orderBy(asc(socialCaptureRevision.revision));
}

export async function insertCaptureFiles(tx: DbOrTx, rows: (typeof socialCaptureFile.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(socialCaptureFile).values(rows);
}

/** Files of a capture with where their original and clean copy are stored. */
export async function listCaptureFiles(db: DbOrTx, tenantId: string, captureId: string) {
  return db
    .select({ f: socialCaptureFile, storagePath: storedFile.storagePath })
    .from(socialCaptureFile)
    .innerJoin(storedFile, and(eq(storedFile.tenantId, socialCaptureFile.tenantId), eq(storedFile.id, socialCaptureFile.fileId)))
    .where(and(eq(socialCaptureFile.tenantId, tenantId), eq(socialCaptureFile.captureId, captureId)))
    .orderBy(asc(socialCaptureFile.addedAt), asc(socialCaptureFile.fileId));
}

export async function findStoredPath(db: DbOrTx, tenantId: string, fileId: string): Promise<{ path: string; mimeType: string } | undefined> {
  const [row] = await db.select({ path: storedFile.storagePath, mimeType: storedFile.mimeType }).from(storedFile).where(and(eq(storedFile.tenantId, tenantId), eq(storedFile.id, fileId)));
  return row;
}

/** Other captures whose current text or URL is the same as this one's. */
export async function listPossibleDuplicates(db: DbOrTx, tenantId: string, captureId: string, textSha256: string, url: string) {
  return db
    .select({ id: socialCapture.id, accountHandle: socialCaptureRevision.accountHandle, score: socialCapture.score, reviewStatus: socialCapture.reviewStatus, capturedAt: socialCapture.capturedAt })
    .from(socialCapture)
    .innerJoin(socialCaptureRevision, currentRevisionJoin)
    .where(and(eq(socialCapture.tenantId, tenantId), ne(socialCapture.id, captureId), or(eq(socialCaptureRevision.textSha256, textSha256), eq(socialCaptureRevision.url, url))))
    .orderBy(asc(socialCapture.capturedAt))
    .limit(10);
}

/** Which (platform, url, text hash) triples are already captured: an import does not capture them twice. */
export async function findCapturedKeys(db: DbOrTx, tenantId: string, textHashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < textHashes.length; i += 1000) {
    const rows = await db
      .select({ platform: socialCaptureRevision.platform, url: socialCaptureRevision.url, sha: socialCaptureRevision.textSha256 })
      .from(socialCaptureRevision)
      .where(and(eq(socialCaptureRevision.tenantId, tenantId), inArray(socialCaptureRevision.textSha256, textHashes.slice(i, i + 1000))));
    for (const r of rows) found.add(`${r.platform}|${r.url}|${r.sha}`);
  }
  return found;
}

export async function findCaseNumber(db: DbOrTx, tenantId: string, caseId: string): Promise<string | undefined> {
  const [row] = await db.select({ n: caseFile.number }).from(caseFile).where(and(eq(caseFile.tenantId, tenantId), eq(caseFile.id, caseId)));
  return row?.n;
}

export async function findUserName(db: DbOrTx, tenantId: string, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ n: user.displayName }).from(user).where(and(eq(user.tenantId, tenantId), eq(user.id, userId)));
  return row?.n ?? null;
}

/** Reviewed captures (not duplicates) with the text of the revision that was reviewed, a page at a time. */
export async function* iterateLabelled(db: DbOrTx, tenantId: string, electionEventId: string | undefined, pageSize = 1000) {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const where = [eq(socialCapture.tenantId, tenantId), inArray(socialCapture.reviewStatus, ['relevant', 'not_relevant']), isNotNull(socialCapture.reviewedAt)];
    if (electionEventId) where.push(eq(socialCapture.electionEventId, electionEventId));
    if (after) where.push(sql`(${socialCapture.reviewedAt}, ${socialCapture.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
    const rows = await db
      .select({ id: socialCapture.id, status: socialCapture.reviewStatus, reason: socialCapture.reviewReason, reviewedAt: socialCapture.reviewedAt, text: socialCaptureRevision.text, modelVersion: socialCaptureRevision.modelVersion, score: socialCaptureRevision.score })
      .from(socialCapture)
      .innerJoin(socialCaptureRevision, currentRevisionJoin)
      .where(and(...where))
      .orderBy(asc(socialCapture.reviewedAt), asc(socialCapture.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1)!;
    after = { at: last.reviewedAt!, id: last.id };
  }
}

/* Imports */

export async function insertCaptureImport(tx: DbOrTx, row: typeof captureImport.$inferInsert): Promise<CaptureImportRow> {
  const [created] = await tx.insert(captureImport).values(row).returning();
  return created!;
}

export async function updateCaptureImport(db: DbOrTx, tenantId: string, id: string, patch: Partial<typeof captureImport.$inferInsert>): Promise<void> {
  await db.update(captureImport).set(patch).where(and(eq(captureImport.tenantId, tenantId), eq(captureImport.id, id)));
}

export async function findCaptureImport(db: DbOrTx, tenantId: string, id: string): Promise<CaptureImportRow | undefined> {
  const [row] = await db.select().from(captureImport).where(and(eq(captureImport.tenantId, tenantId), eq(captureImport.id, id)));
  return row;
}

export async function listCaptureImports(db: DbOrTx, tenantId: string, limit: number): Promise<CaptureImportRow[]> {
  return db.select().from(captureImport).where(eq(captureImport.tenantId, tenantId)).orderBy(desc(captureImport.createdAt)).limit(limit);
}

/* Employees and declared accounts */

const employeeRefColumns = { id: employee.id, name: employee.name, idNumber: employee.idNumber, position: employee.jabatanName, unitName: unit.name, isActive: employee.isActive };
export type EmployeeRefRow = { id: string; name: string; idNumber: string; position: string | null; unitName: string | null; isActive: boolean };

export async function findEmployeeRefs(db: DbOrTx, tenantId: string, ids: string[]): Promise<EmployeeRefRow[]> {
  if (ids.length === 0) return [];
  return db.select(employeeRefColumns).from(employee).leftJoin(unit, unitJoin).where(and(eq(employee.tenantId, tenantId), inArray(employee.id, ids)));
}

/** Employees by identity number (NIP / NI PPPK / NIK), for import rows naming one. */
export async function findEmployeesByIdNumbers(db: DbOrTx, tenantId: string, idNumbers: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < idNumbers.length; i += 1000) {
    const rows = await db.select({ id: employee.id, idNumber: employee.idNumber }).from(employee).where(and(eq(employee.tenantId, tenantId), inArray(employee.idNumber, idNumbers.slice(i, i + 1000))));
    for (const r of rows) out.set(r.idNumber, r.id);
  }
  return out;
}

/** Active employees whose name contains every given word (a weak suggestion from a display name). */
export async function findEmployeesByNameWords(db: DbOrTx, tenantId: string, words: string[], limit: number): Promise<EmployeeRefRow[]> {
  if (words.length === 0) return [];
  const conditions = words.map((w) => sql`lower(${employee.name}) like ${`%${escapeLike(w)}%`}`);
  return db
    .select(employeeRefColumns)
    .from(employee)
    .leftJoin(unit, unitJoin)
    .where(and(eq(employee.tenantId, tenantId), eq(employee.isActive, true), ...conditions))
    .orderBy(asc(employee.name))
    .limit(limit);
}

const declaredColumns = { a: declaredAccount, ...employeeRefColumns };
function declaredQuery(db: DbOrTx) {
  return db
    .select(declaredColumns)
    .from(declaredAccount)
    .innerJoin(employee, and(eq(employee.tenantId, declaredAccount.tenantId), eq(employee.id, declaredAccount.employeeId)))
    .leftJoin(unit, unitJoin)
    .$dynamic();
}
export type DeclaredAccountWithEmployee = Awaited<ReturnType<typeof findDeclaredAccount>> & object;

export async function findDeclaredAccount(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await declaredQuery(db).where(and(eq(declaredAccount.tenantId, tenantId), eq(declaredAccount.id, id)));
  return row;
}

/** Declared accounts with this handle (any platform unless given). */
export async function findDeclaredByHandle(db: DbOrTx, tenantId: string, handleKey: string, platform?: Platform) {
  const where = [eq(declaredAccount.tenantId, tenantId), eq(declaredAccount.handleKey, handleKey)];
  if (platform) where.push(eq(declaredAccount.platform, platform));
  return declaredQuery(db).where(and(...where)).limit(10);
}

/** Declared handle → employee id for a platform, for matching import rows in one go. */
export async function mapDeclaredHandles(db: DbOrTx, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.select({ platform: declaredAccount.platform, key: declaredAccount.handleKey, employeeId: declaredAccount.employeeId }).from(declaredAccount).where(eq(declaredAccount.tenantId, tenantId));
  return new Map(rows.map((r) => [`${r.platform}|${r.key}`, r.employeeId]));
}

export async function listDeclaredAccounts(db: DbOrTx, tenantId: string, f: { q?: string; platform?: Platform; employeeId?: string }, page: { limit: number; offset: number }) {
  const where: (SQL | undefined)[] = [eq(declaredAccount.tenantId, tenantId)];
  if (f.platform) where.push(eq(declaredAccount.platform, f.platform));
  if (f.employeeId) where.push(eq(declaredAccount.employeeId, f.employeeId));
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase().replace(/^@/, ''))}%`;
    where.push(or(sql`${declaredAccount.handleKey} like ${like}`, sql`lower(${employee.name}) like ${like}`, sql`${employee.idNumber} like ${like}`));
  }
  const cond = and(...where);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(declaredAccount)
    .innerJoin(employee, and(eq(employee.tenantId, declaredAccount.tenantId), eq(employee.id, declaredAccount.employeeId)))
    .where(cond);
  const rows = await declaredQuery(db).where(cond).orderBy(asc(employee.name), asc(declaredAccount.platform), asc(declaredAccount.handleKey)).limit(page.limit).offset(page.offset);
  return { rows, total: count?.n ?? 0 };
}

export async function insertDeclaredAccount(tx: DbOrTx, row: typeof declaredAccount.$inferInsert): Promise<DeclaredAccountRow> {
  const [created] = await tx.insert(declaredAccount).values(row).returning();
  return created!;
}

export async function updateDeclaredAccount(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof declaredAccount.$inferInsert>): Promise<void> {
  await tx.update(declaredAccount).set(patch).where(and(eq(declaredAccount.tenantId, tenantId), eq(declaredAccount.id, id)));
}

export async function deleteDeclaredAccount(tx: DbOrTx, tenantId: string, id: string): Promise<void> {
  await tx.delete(declaredAccount).where(and(eq(declaredAccount.tenantId, tenantId), eq(declaredAccount.id, id)));
}

/** The tenant's election events with their contests (names and penetapan dates), for labels and checks. */
export async function findElectionNames(db: DbOrTx, tenantId: string, eventId: string | null) {
  if (!eventId) return null;
  const [row] = await db.select({ name: electionEvent.name }).from(electionEvent).where(and(eq(electionEvent.tenantId, tenantId), eq(electionEvent.id, eventId)));
  return row?.name ?? null;
}

