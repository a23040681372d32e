/**
 * The only SQL of sosialisasi. Who an announcement reaches is computed, not stored per employee:
 * active employees whose unit lies under one of its target units (paths are "/root/…/id/").
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { announcement, announcementReceipt, unitAnnouncementStats } from '../../db/schema/index.js';

export type AnnouncementRow = typeof announcement.$inferSelect;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** A uuid[] literal (ids are validated uuids upstream). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Active employees an announcement reaches, inside `scopePrefix` (a viewer's subtree, or "/"). */
export function recipientsSql(tenantId: string, a: Pick<AnnouncementRow, 'targetUnitIds'>, scopePrefix: string): SQL {
  const targeted =
    a.targetUnitIds.length === 0
      ? sql`true`
      : sql`exists (select 1 from unit t where t.tenant_id = ${tenantId} and t.id = any(${uuidArray(a.targetUnitIds)}::uuid[]) and u.path like t.path || '%')`;
  return sql`select e.id, e.unit_id, u.path from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
             where e.tenant_id = ${tenantId} and e.is_active and u.path like ${scopePrefix + '%'} and ${targeted}`;
}

export async function insertAnnouncement(tx: DbOrTx, row: typeof announcement.$inferInsert): Promise<AnnouncementRow> {
  const [created] = await tx.insert(announcement).values(row).returning();
  return created!;
}

export async function findAnnouncement(db: DbOrTx, tenantId: string, id: string): Promise<AnnouncementRow | undefined> {
  const [row] = await db.select().from(announcement).where(and(eq(announcement.tenantId, tenantId), eq(announcement.id, id)));
  return row;
}

export async function listAnnouncements(db: DbOrTx, tenantId: string): Promise<AnnouncementRow[]> {
  return db.select().from(announcement).where(eq(announcement.tenantId, tenantId)).orderBy(desc(announcement.publishedAt)).limit(100);
}

/**
 * Target, read and acknowledged counts of one announcement inside a scope, summed from its
 * pre-aggregated per-unit rows (`unit_announcement_stats`; the caller makes them fresh first).
 */
export async function announcementCounts(db: DbOrTx, tenantId: string, a: AnnouncementRow, scopePrefix: string) {
  const [row] = rowsOf<{ target: number; read: number; acknowledged: number }>(
    await db.execute(sql`
      select coalesce(sum(x.target), 0)::int as target, coalesce(sum(x.read), 0)::int as read, coalesce(sum(x.acknowledged), 0)::int as acknowledged
      from unit_announcement_stats x
      ${scopePrefix === '/' ? sql`` : sql`join unit u on u.tenant_id = x.tenant_id and u.id = x.unit_id and u.path like ${scopePrefix + '%'}`}
      where x.tenant_id = ${tenantId} and x.announcement_id = ${a.id}`),
  );
  return { target: Number(row!.target), read: Number(row!.read), acknowledged: Number(row!.acknowledged) };
}

export interface UnitReceiptRow {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  target: number;
  read: number;
  acknowledged: number;
}

/**
 * Every unit of the scope with its direct counts from the per-unit rows (the caller rolls them up by
 * path). The rows are read apart and matched here rather than joined in SQL, for the reason given at
 * `listUnitAggregates` (compliance.repository.ts): a young, unanalysed stats table gets a quadratic join.
 */
export async function unitReceipts(db: DbOrTx, tenantId: string, a: AnnouncementRow, scopePrefix: string): Promise<UnitReceiptRow[]> {
  const units = rowsOf<Pick<UnitReceiptRow, 'id' | 'parentId' | 'name' | 'path'>>(
    await db.execute(sql`
      select u.id, u.parent_id as "parentId", u.name, u.path from unit u
      where u.tenant_id = ${tenantId} and u.path like ${scopePrefix + '%'}
      order by u.path`),
  );
  const counts = new Map(
    (
      await db
        .select({ unitId: unitAnnouncementStats.unitId, target: unitAnnouncementStats.target, read: unitAnnouncementStats.read, acknowledged: unitAnnouncementStats.acknowledged })
        .from(unitAnnouncementStats)
        .where(and(eq(unitAnnouncementStats.tenantId, tenantId), eq(unitAnnouncementStats.announcementId, a.id)))
    ).map((c) => [c.unitId, c]),
  );
  return units.map((u) => {
    const c = counts.get(u.id);
    return { ...u, target: c?.target ?? 0, read: c?.read ?? 0, acknowledged: c?.acknowledged ?? 0 };
  });
}

/** The announcements that reach an employee, newest first, with their receipt. */
export async function announcementsFor(db: DbOrTx, tenantId: string, employeeId: string) {
  return rowsOf<AnnouncementRow & { readAt: Date | null; acknowledgedAt: Date | null }>(
    await db.execute(sql`
      select a.id, a.title, a.body, a.reference, a.has_quiz as "hasQuiz", a.published_at as "publishedAt", r.read_at as "readAt", r.acknowledged_at as "acknowledgedAt"
      from announcement a
      join employee e on e.tenant_id = a.tenant_id and e.id = ${employeeId} and e.is_active
      join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
      left join announcement_receipt r on r.tenant_id = a.tenant_id and r.announcement_id = a.id and r.employee_id = e.id
      where a.tenant_id = ${tenantId}
        and (cardinality(a.target_unit_ids) = 0
             or exists (select 1 from unit t where t.tenant_id = a.tenant_id and t.id = any(a.target_unit_ids) and u.path like t.path || '%'))
      order by a.published_at desc
      limit 50`),
  );
}

/** Marks as read once (the first opening counts). */
export async function markRead(tx: DbOrTx, tenantId: string, announcementId: string, employeeId: string): Promise<void> {
  await tx.insert(announcementReceipt).values({ tenantId, announcementId, employeeId }).onConflictDoNothing();
}

/** Acknowledges once; false when it was already acknowledged. */
export async function markAcknowledged(tx: DbOrTx, tenantId: string, announcementId: string, employeeId: string): Promise<boolean> {
  await markRead(tx, tenantId, announcementId, employeeId);
  const rows = await tx
    .update(announcementReceipt)
    .set({ acknowledgedAt: new Date() })
    .where(and(eq(announcementReceipt.tenantId, tenantId), eq(announcementReceipt.announcementId, announcementId), eq(announcementReceipt.employeeId, employeeId), sql`${announcementReceipt.acknowledgedAt} is null`))
    .returning({ id: announcementReceipt.employeeId });
  return rows.length > 0;
}

/** Names of units by id (for the target list). */
export async function unitNames(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from unit where tenant_id = ${tenantId} and id = any(${uuidArray(ids)}::uuid[])`));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface NoticeRecipient {
  id: string;
  name: string;
  email: string | null;
}

/** The next targeted active employees after `cursor`, in id order (the notice job's batches). */
export async function nextNoticeRecipients(db: DbOrTx, tenantId: string, a: AnnouncementRow, cursor: string | null, limit: number): Promise<NoticeRecipient[]> {
  return rowsOf<NoticeRecipient>(
    await db.execute(sql`
      select e.id, e.name, nullif(trim(e.email), '') as email from employee e
      where e.tenant_id = ${tenantId} and e.id in (select r.id from (${recipientsSql(tenantId, a, '/')}) r)
        ${cursor ? sql`and e.id > ${cursor}::uuid` : sql``}
      order by e.id limit ${limit}`),
  );
}

/** Saves the notice job's progress after a batch (same transaction as the batch's queued mails). */
export async function advanceNotices(tx: DbOrTx, tenantId: string, id: string, cursor: string, sent: number, withoutEmail: number): Promise<void> {
  await tx
    .update(announcement)
    .set({ noticeCursor: cursor, noticesSent: sql`${announcement.noticesSent} + ${sent}`, noticesWithoutEmail: sql`${announcement.noticesWithoutEmail} + ${withoutEmail}` })
    .where(and(eq(announcement.tenantId, tenantId), eq(announcement.id, id)));
}

export async function finishNotices(tx: DbOrTx, tenantId: string, id: string, at: Date): Promise<void> {
  await tx.update(announcement).set({ noticesDoneAt: at }).where(and(eq(announcement.tenantId, tenantId), eq(announcement.id, id)));
}

/** Announcements whose notices were asked for and never finished (a crash between publish and the job). */
export async function unfinishedNotices(db: DbOrTx, olderThan: Date): Promise<{ tenantId: string; id: string }[]> {
  return db
    .select({ tenantId: announcement.tenantId, id: announcement.id })
    .from(announcement)
    .where(and(eq(announcement.notifyByEmail, true), sql`${announcement.noticesDoneAt} is null`, sql`${announcement.publishedAt} < ${olderThan}`));
}
