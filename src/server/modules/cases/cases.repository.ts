/** The only SQL of the case module. Every function takes `db | tx` explicitly. */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, ne, notExists, sql, type SQL } from 'drizzle-orm';
import { union, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CaseListQuery } from '../../../shared/contracts/cases.contract.js';
import { OPEN_CASE_STATES, type CaseState, type Tier } from '../../../shared/case-workflow.js';
import type { DbOrTx } from '../../db/client.js';
import { caseDocument, caseEvent, caseEvidence, caseExclusion, caseFile, caseSubject, electionContest, electionEvent, employee, report, storedFile, unit, userAccount } from '../../db/schema/index.js';

export type CaseRow = typeof caseFile.$inferSelect;
export type SubjectRow = typeof caseSubject.$inferSelect;
export type EventRow = typeof caseEvent.$inferSelect;

export async function insertCase(tx: DbOrTx, row: typeof caseFile.$inferInsert): Promise<CaseRow> {
  const [created] = await tx.insert(caseFile).values(row).returning();
  return created!;
}

export async function findCase(db: DbOrTx, tenantId: string, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(caseFile).where(and(eq(caseFile.tenantId, tenantId), eq(caseFile.id, id)));
  return row;
}

/** Open cases, as the literal the partial index `case_file_open_due_idx` is defined with (a bound parameter would not match it). */
const isOpenCase = sql`${caseFile.state} <> 'closed'`;

/** The viewer is not excluded from the case (conflict of interest): the case does not exist for them. */
const notExcluded = (db: DbOrTx, tenantId: string, viewerId: string) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(caseExclusion)
      .where(and(eq(caseExclusion.tenantId, tenantId), eq(caseExclusion.caseId, caseFile.id), eq(caseExclusion.userId, viewerId))),
  );

/** The case unless the viewer is excluded from it (one query for the existence and the exclusion check). */
export async function findCaseFor(db: DbOrTx, tenantId: string, id: string, viewerId: string | null): Promise<CaseRow | undefined> {
  const where = [eq(caseFile.tenantId, tenantId), eq(caseFile.id, id)];
  if (viewerId) where.push(notExcluded(db, tenantId, viewerId));
  const [row] = await db.select().from(caseFile).where(and(...where));
  return row;
}

/** Locks the case row until the transaction ends: one writer per case at a time. */
export async function lockCase(tx: DbOrTx, tenantId: string, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(caseFile).where(and(eq(caseFile.tenantId, tenantId), eq(caseFile.id, id))).for('update');
  return row;
}

/** Writes the new projection only if nobody changed the case since `version` (optimistic lock). */
export async function updateCaseIfVersion(tx: DbOrTx, tenantId: string, id: string, version: number, patch: Partial<typeof caseFile.$inferInsert>): Promise<CaseRow | undefined> {
  const [row] = await tx
    .update(caseFile)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(caseFile.tenantId, tenantId), eq(caseFile.id, id), eq(caseFile.version, version)))
    .returning();
  return row;
}

export async function insertSubjects(tx: DbOrTx, rows: (typeof caseSubject.$inferInsert)[]): Promise<SubjectRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(caseSubject).values(rows).returning();
}

export async function listSubjects(db: DbOrTx, tenantId: string, caseId: string): Promise<SubjectRow[]> {
  return db.select().from(caseSubject).where(and(eq(caseSubject.tenantId, tenantId), eq(caseSubject.caseId, caseId))).orderBy(asc(caseSubject.addedAt), asc(caseSubject.id));
}

export async function updateSubject(tx: DbOrTx, tenantId: string, caseId: string, id: string, patch: Partial<typeof caseSubject.$inferInsert>): Promise<void> {
  await tx.update(caseSubject).set(patch).where(and(eq(caseSubject.tenantId, tenantId), eq(caseSubject.caseId, caseId), eq(caseSubject.id, id)));
}

/** Appends an event with the next sequence number (the case row is locked by the caller). */
export async function appendEvent(tx: DbOrTx, row: Omit<typeof caseEvent.$inferInsert, 'seq'>): Promise<EventRow> {
  const [created] = await tx
    .insert(caseEvent)
    .values({ ...row, seq: sql`(select coalesce(max(${caseEvent.seq}), 0) + 1 from ${caseEvent} where ${caseEvent.tenantId} = ${row.tenantId} and ${caseEvent.caseId} = ${row.caseId})` })
    .returning();
  return created!;
}

export async function listEvents(db: DbOrTx, tenantId: string, caseId: string): Promise<EventRow[]> {
  return db.select().from(caseEvent).where(and(eq(caseEvent.tenantId, tenantId), eq(caseEvent.caseId, caseId))).orderBy(asc(caseEvent.seq));
}

export async function replaceExclusions(tx: DbOrTx, tenantId: string, caseId: string, rows: { userId: string; reason: string }[]): Promise<void> {
  await tx.delete(caseExclusion).where(and(eq(caseExclusion.tenantId, tenantId), eq(caseExclusion.caseId, caseId)));
  if (rows.length > 0) await tx.insert(caseExclusion).values(rows.map((r) => ({ tenantId, caseId, ...r })));
}

export async function listExclusions(db: DbOrTx, tenantId: string, caseId: string) {
  return db.select().from(caseExclusion).where(and(eq(caseExclusion.tenantId, tenantId), eq(caseExclusion.caseId, caseId)));
}

export async function isExcluded(db: DbOrTx, tenantId: string, caseId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: caseExclusion.userId })
    .from(caseExclusion)
    .where(and(eq(caseExclusion.tenantId, tenantId), eq(caseExclusion.caseId, caseId), eq(caseExclusion.userId, userId)));
  return Boolean(row);
}

/** A search as a word-prefix text query ("budi sant" → 'budi':* & 'sant':*); each word quoted, so input is never tsquery syntax. */
export function prefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`).join(' & ') : null;
}

/**
 * Cases a search finds: the exact case number, a subject's exact NIP/NIK, or every word as the start of
 * a word in the title or in a subject's name. One union of index lookups (GIN on the words, btree on
 * the numbers) instead of an ILIKE over every case and subject.
 */
function searchMatch(db: DbOrTx, tenantId: string, text: string): SQL {
  const words = prefixTsQuery(text);
  const inTenant = eq(caseFile.tenantId, tenantId);
  const subjectInTenant = eq(caseSubject.tenantId, tenantId);
  const byNumber = db.select({ id: caseFile.id }).from(caseFile).where(and(inTenant, eq(caseFile.number, text.toUpperCase())));
  const byIdNumber = db.select({ id: caseSubject.caseId }).from(caseSubject).where(and(subjectInTenant, eq(caseSubject.idNumber, text)));
  if (!words) return sql`${caseFile.id} in (${union(byNumber, byIdNumber)})`;
  const matches = (column: AnyPgColumn) => sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${words})`;
  const byTitle = db.select({ id: caseFile.id }).from(caseFile).where(and(inTenant, matches(caseFile.title)));
  const byName = db.select({ id: caseSubject.caseId }).from(caseSubject).where(and(subjectInTenant, matches(caseSubject.name)));
  return sql`${caseFile.id} in (${union(byNumber, byIdNumber, byTitle, byName)})`;
}

/**
 * The subjects of each listed case as a JSON array in the same row (in the order they were added), so
 * a page is one round trip rather than a second query with every case id of the page. Written with
 * explicit names: in a select list Drizzle leaves columns unqualified, which would bind to case_subject.
 */
const SUBJECT_FIELDS = { name: sql.raw(`'name', s.name`), recommendedTier: sql.raw(`'recommendedTier', s.recommended_tier`) };
function subjectsJson<K extends keyof typeof SUBJECT_FIELDS>(fields: K[]) {
  return sql<{ [F in K]: F extends 'name' ? string : Tier | null }[]>`coalesce((select json_agg(json_build_object(${sql.join(
    fields.map((f) => SUBJECT_FIELDS[f]),
    sql`, `,
  )}) order by s.added_at, s.id) from case_subject s where s.tenant_id = "case_file"."tenant_id" and s.case_id = "case_file"."id"), '[]'::json)`;
}

/** What an inbox row shows (not the summary or letters' details: a page of full rows is mostly unread text). */
const listColumns = {
  id: caseFile.id,
  number: caseFile.number,
  title: caseFile.title,
  origin: caseFile.origin,
  state: caseFile.state,
  closeReason: caseFile.closeReason,
  assigneeUserId: caseFile.assigneeUserId,
  dueOn: caseFile.dueOn,
  escalationLevel: caseFile.escalationLevel,
  updatedAt: caseFile.updatedAt,
};

/** The Satgas inbox page: never shows a case the reader is excluded from. */
export async function listCases(db: DbOrTx, tenantId: string, viewerId: string | null, today: string, q: CaseListQuery) {
  const where: SQL[] = [eq(caseFile.tenantId, tenantId)];
  if (q.state === 'open') where.push(isOpenCase);
  else if (q.state === 'overdue') where.push(isOpenCase, lt(caseFile.dueOn, today));
  else if (q.state !== 'all') where.push(eq(caseFile.state, q.state));
  if (q.assignee === 'me' && viewerId) where.push(eq(caseFile.assigneeUserId, viewerId));
  else if (q.assignee === 'none') where.push(isNull(caseFile.assigneeUserId));
  else if (q.assignee && q.assignee !== 'me') where.push(eq(caseFile.assigneeUserId, q.assignee));
  if (q.origin) where.push(eq(caseFile.origin, q.origin));
  if (q.q) where.push(searchMatch(db, tenantId, q.q));
  if (viewerId) where.push(notExcluded(db, tenantId, viewerId));
  const condition = and(...where);
  // Open work sorts by due date (most urgent first); closed and "all" by recency.
  const order = q.state === 'closed' || q.state === 'all' ? [desc(caseFile.updatedAt), desc(caseFile.id)] : [sql`${caseFile.dueOn} asc nulls last`, asc(caseFile.id)];
  // The page and its total are independent reads: together, on two pooled connections.
  const [rows, [total]] = await Promise.all([
    db
      .select({ c: listColumns, assigneeName: userAccount.displayName, subjectNames: subjectsJson(['name']) })
      .from(caseFile)
      .leftJoin(userAccount, and(eq(userAccount.tenantId, caseFile.tenantId), eq(userAccount.id, caseFile.assigneeUserId)))
      .where(condition)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(caseFile).where(condition),
  ]);
  const subjects = rows.flatMap(({ c, subjectNames }) => subjectNames.map((s) => ({ caseId: c.id, name: s.name })));
  return { rows, subjects, total: total?.n ?? 0 };
}

/** Earlier cases about the same employees (repeat offences), newest first. */
export async function earlierCasesOf(db: DbOrTx, tenantId: string, employeeIds: string[], exceptCaseId: string) {
  if (employeeIds.length === 0) return [];
  return db
    .select({ employeeId: caseSubject.employeeId, id: caseFile.id, number: caseFile.number, state: caseFile.state, closeReason: caseFile.closeReason, sanction: caseSubject.sanction, createdAt: caseFile.createdAt })
    .from(caseSubject)
    .innerJoin(caseFile, and(eq(caseFile.tenantId, caseSubject.tenantId), eq(caseFile.id, caseSubject.caseId)))
    .where(and(eq(caseSubject.tenantId, tenantId), inArray(caseSubject.employeeId, employeeIds), ne(caseSubject.caseId, exceptCaseId), sql`${caseFile.closeReason} is distinct from 'merged'`))
    .orderBy(desc(caseFile.createdAt))
    .limit(50);
}

export async function listCaseReports(db: DbOrTx, tenantId: string, caseId: string) {
  return db
    .select({ id: report.id, number: report.number, identityMode: report.identityMode, receivedOn: report.receivedOn })
    .from(report)
    .where(and(eq(report.tenantId, tenantId), eq(report.caseId, caseId)))
    .orderBy(asc(report.receivedOn));
}

export async function insertEvidence(tx: DbOrTx, rows: (typeof caseEvidence.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(caseEvidence).values(rows);
}

export async function listEvidence(db: DbOrTx, tenantId: string, caseId: string) {
  return db
    .select({ e: caseEvidence, reportNumber: report.number, storagePath: storedFile.storagePath })
    .from(caseEvidence)
    .leftJoin(report, and(eq(report.tenantId, caseEvidence.tenantId), eq(report.id, caseEvidence.reportId)))
    .leftJoin(storedFile, and(eq(storedFile.tenantId, caseEvidence.tenantId), eq(storedFile.id, caseEvidence.fileId)))
    .where(and(eq(caseEvidence.tenantId, tenantId), eq(caseEvidence.caseId, caseId)))
    .orderBy(asc(caseEvidence.addedAt), asc(caseEvidence.id));
}

export async function insertDocument(tx: DbOrTx, row: typeof caseDocument.$inferInsert) {
  const [created] = await tx.insert(caseDocument).values(row).returning();
  return created!;
}

export async function listDocuments(db: DbOrTx, tenantId: string, caseId: string) {
  return db
    .select({ d: caseDocument, storagePath: storedFile.storagePath, subjectName: caseSubject.name })
    .from(caseDocument)
    .innerJoin(storedFile, and(eq(storedFile.tenantId, caseDocument.tenantId), eq(storedFile.id, caseDocument.fileId)))
    .leftJoin(caseSubject, and(eq(caseSubject.tenantId, caseDocument.tenantId), eq(caseSubject.caseId, caseDocument.caseId), eq(caseSubject.id, caseDocument.subjectId)))
    .where(and(eq(caseDocument.tenantId, tenantId), eq(caseDocument.caseId, caseId)))
    .orderBy(asc(caseDocument.createdAt), asc(caseDocument.id));
}

/** Moves a merged case's reports, evidence and new subjects to the target case. */
export async function moveReports(tx: DbOrTx, tenantId: string, fromCaseId: string, toCaseId: string): Promise<string[]> {
  const moved = await tx.update(report).set({ caseId: toCaseId }).where(and(eq(report.tenantId, tenantId), eq(report.caseId, fromCaseId))).returning({ id: report.id });
  return moved.map((r) => r.id);
}

export async function copyEvidence(tx: DbOrTx, tenantId: string, fromCaseId: string, toCaseId: string): Promise<number> {
  const rows = await tx.select().from(caseEvidence).where(and(eq(caseEvidence.tenantId, tenantId), eq(caseEvidence.caseId, fromCaseId)));
  const existing = new Set((await tx.select({ sha: caseEvidence.sha256 }).from(caseEvidence).where(and(eq(caseEvidence.tenantId, tenantId), eq(caseEvidence.caseId, toCaseId)))).map((r) => r.sha));
  const fresh = rows.filter((r) => !existing.has(r.sha256)).map(({ id: _id, caseId: _c, ...rest }) => ({ ...rest, caseId: toCaseId }));
  await insertEvidence(tx, fresh);
  return fresh.length;
}

/** The employee facts a subject snapshot needs, with the unit chain (path) for conflict checks. */
export async function employeeForSubject(db: DbOrTx, tenantId: string, employeeId: string) {
  const [row] = await db
    .select({ e: employee, unitName: unit.name, unitPath: unit.path })
    .from(employee)
    .innerJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .where(and(eq(employee.tenantId, tenantId), eq(employee.id, employeeId)));
  return row;
}

/** Staff accounts holding a case role, with their own employee's unit path and supervisor chain inputs. */
export async function caseStaff(db: DbOrTx, tenantId: string) {
  return db
    .select({ userId: userAccount.id, name: userAccount.displayName, roles: userAccount.roles, email: userAccount.email, employeeId: userAccount.employeeId, unitPath: unit.path })
    .from(userAccount)
    .leftJoin(employee, and(eq(employee.tenantId, userAccount.tenantId), eq(employee.id, userAccount.employeeId)))
    .leftJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.isActive, true), sql`${userAccount.roles} && array['satgas','admin','ppk']::text[]`));
}

/** The supervisor chain of an employee (ids, nearest first), cycle-safe. */
export async function supervisorChain(db: DbOrTx, tenantId: string, employeeId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive chain(id, depth) as (
      select supervisor_id, 1 from employee where tenant_id = ${tenantId} and id = ${employeeId} and supervisor_id is not null
      union
      select e.supervisor_id, c.depth + 1 from employee e join chain c on e.tenant_id = ${tenantId} and e.id = c.id
      where e.supervisor_id is not null and c.depth < 20
    )
    select id from chain order by depth`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** Heads of the units on a path (the reported employee's superiors by position). */
export async function unitHeadsOnPath(db: DbOrTx, tenantId: string, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ head: unit.headEmployeeId })
    .from(unit)
    .where(and(eq(unit.tenantId, tenantId), inArray(unit.id, unitIds)));
  return rows.map((r) => r.head).filter((h): h is string => Boolean(h));
}

export async function findElection(db: DbOrTx, tenantId: string, eventId: string | null, contestId: string | null) {
  if (!eventId) return undefined;
  const [ev] = await db.select().from(electionEvent).where(and(eq(electionEvent.tenantId, tenantId), eq(electionEvent.id, eventId)));
  if (!ev) return undefined;
  const [contest] = contestId ? await db.select().from(electionContest).where(and(eq(electionContest.tenantId, tenantId), eq(electionContest.id, contestId), eq(electionContest.eventId, eventId))) : [];
  return { event: ev, contest };
}

export async function findUserNames(db: DbOrTx, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: userAccount.id, name: userAccount.displayName }).from(userAccount).where(and(eq(userAccount.tenantId, tenantId), inArray(userAccount.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Open cases whose step is overdue and whose escalation has not reached `belowLevel`, for the escalation job. */
export async function overdueCases(db: DbOrTx, tenantId: string, today: string) {
  return db
    .select()
    .from(caseFile)
    .where(and(eq(caseFile.tenantId, tenantId), inArray(caseFile.state, OPEN_CASE_STATES as CaseState[]), lt(caseFile.dueOn, today), lt(caseFile.escalationLevel, 3)));
}

/** Cases awaiting the PPK, longest waiting first (the recommendation is projected on the case row); never one the viewer is excluded from. */
export async function awaitingPpk(db: DbOrTx, tenantId: string, viewerId: string | null) {
  const where: SQL[] = [eq(caseFile.tenantId, tenantId), eq(caseFile.state, 'awaiting_ppk')];
  if (viewerId) where.push(notExcluded(db, tenantId, viewerId));
  return db
    .select({
      id: caseFile.id,
      number: caseFile.number,
      title: caseFile.title,
      dueOn: caseFile.dueOn,
      ppkName: caseFile.ppkName,
      recommendedAt: caseFile.recommendedAt,
      updatedAt: caseFile.updatedAt,
      subjects: subjectsJson(['name', 'recommendedTier']),
    })
    .from(caseFile)
    .where(and(...where))
    .orderBy(asc(caseFile.recommendedAt), asc(caseFile.id))
    .limit(500);
}

/** Per-PPK follow-up: every recommendation and whether (and how fast) the PPK decided it. */
export async function ppkFollowUp(db: DbOrTx, tenantId: string) {
  return db
    .select({
      ppkName: caseFile.ppkName,
      recommended: sql<number>`count(*)::int`,
      decided: sql<number>`count(${caseFile.decidedAt})::int`,
      // date_part is float8 arithmetic; extract() would be numeric, slower over every recommendation.
      avgDays: sql<number | null>`(avg(date_part('epoch', ${caseFile.decidedAt} - ${caseFile.recommendedAt})) / 86400.0)::float8`,
    })
    .from(caseFile)
    .where(and(eq(caseFile.tenantId, tenantId), isNotNull(caseFile.recommendedAt)))
    .groupBy(caseFile.ppkName)
    .orderBy(asc(caseFile.ppkName));
}

/** Every subject row of the tenant's cases for the BKN/Bawaslu export (bounded by the caller's filter). */
export async function exportRows(db: DbOrTx, tenantId: string, state: 'open' | 'closed' | 'all') {
  const where: SQL[] = [eq(caseFile.tenantId, tenantId)];
  if (state === 'open') where.push(ne(caseFile.state, 'closed'));
  if (state === 'closed') where.push(eq(caseFile.state, 'closed'));
  return db
    .select({ c: caseFile, s: caseSubject, eventName: electionEvent.name, contestName: electionContest.name })
    .from(caseFile)
    .innerJoin(caseSubject, and(eq(caseSubject.tenantId, caseFile.tenantId), eq(caseSubject.caseId, caseFile.id)))
    .leftJoin(electionEvent, and(eq(electionEvent.tenantId, caseFile.tenantId), eq(electionEvent.id, caseFile.electionEventId)))
    .leftJoin(electionContest, and(eq(electionContest.tenantId, caseFile.tenantId), eq(electionContest.id, caseFile.electionContestId)))
    .where(and(...where))
    .orderBy(asc(caseFile.createdAt), asc(caseSubject.addedAt));
}

/** When each case was recommended (for the export). */
export async function recommendationDates(db: DbOrTx, tenantId: string) {
  const rows = await db
    .select({ caseId: caseEvent.caseId, at: sql<Date>`max(${caseEvent.at})` })
    .from(caseEvent)
    .where(and(eq(caseEvent.tenantId, tenantId), eq(caseEvent.kind, 'recommend')))
    .groupBy(caseEvent.caseId);
  return new Map(rows.map((r) => [r.caseId, new Date(r.at)]));
}

/** Escalation does not bump the version: it is not an edit a user could lose. */
export async function setEscalationLevel(tx: DbOrTx, tenantId: string, id: string, stepStartedAt: Date, level: number): Promise<void> {
  // Only for the step it was computed for: a step that just changed starts again at zero.
  await tx.update(caseFile).set({ escalationLevel: level }).where(and(eq(caseFile.tenantId, tenantId), eq(caseFile.id, id), eq(caseFile.stepStartedAt, stepStartedAt)));
}
