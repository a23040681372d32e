import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { electionContest, electionEvent } from '../../db/schema/index.js';

export type EventRow = typeof electionEvent.$inferSelect;
export type ContestRow = typeof electionContest.$inferSelect;

export async function listEvents(db: DbOrTx, tenantId: string): Promise<EventRow[]> {
  return db.select().from(electionEvent).where(eq(electionEvent.tenantId, tenantId)).orderBy(desc(electionEvent.createdAt));
}

export async function findEvent(db: DbOrTx, tenantId: string, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(electionEvent).where(and(eq(electionEvent.tenantId, tenantId), eq(electionEvent.id, id)));
  return row;
}

export async function listContests(db: DbOrTx, tenantId: string, eventIds: string[]): Promise<ContestRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(electionContest)
    .where(and(eq(electionContest.tenantId, tenantId), inArray(electionContest.eventId, eventIds)))
    .orderBy(asc(electionContest.name));
}

/** One contest (with its penetapan calon date), or undefined. */
export async function findContest(db: DbOrTx, tenantId: string, id: string): Promise<ContestRow | undefined> {
  const [row] = await db.select().from(electionContest).where(and(eq(electionContest.tenantId, tenantId), eq(electionContest.id, id)));
  return row;
}

export async function insertEvent(tx: DbOrTx, row: typeof electionEvent.$inferInsert): Promise<EventRow> {
  const [created] = await tx.insert(electionEvent).values(row).returning();
  return created!;
}

export async function updateEvent(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof electionEvent.$inferInsert>): Promise<void> {
  await tx.update(electionEvent).set(patch).where(and(eq(electionEvent.tenantId, tenantId), eq(electionEvent.id, id)));
}

async function contestInUse(tx: DbOrTx, tenantId: string, contestId: string): Promise<boolean> {
  const result = await tx.execute(sql`
    select exists (select 1 from case_file where tenant_id = ${tenantId} and election_contest_id = ${contestId})
        or exists (select 1 from report where tenant_id = ${tenantId} and election_contest_id = ${contestId})
        or exists (select 1 from social_capture_revision where tenant_id = ${tenantId} and election_contest_id = ${contestId})
        or exists (select 1 from monitoring_watchlist where tenant_id = ${tenantId} and election_contest_id = ${contestId})
        or exists (select 1 from capture_import where tenant_id = ${tenantId} and election_contest_id = ${contestId}) as used`);
  return Boolean((result as unknown as { rows: { used: boolean }[] }).rows[0]?.used);
}

export async function replaceContests(tx: DbOrTx, tenantId: string, eventId: string, rows: (typeof electionContest.$inferInsert)[]): Promise<void> {
  const keep = rows.map((r) => r.id).filter((id): id is string => !!id);
  const existing = await listContests(tx, tenantId, [eventId]);
  for (const old of existing) {
    if (keep.includes(old.id)) continue;
    // Cases, reports, captures and watchlists date their acts against a contest's penetapan calon:
    // a contest they point at can be renamed or re-dated (same id) but never dropped.
    if (await contestInUse(tx, tenantId, old.id)) {
      throw new AppError('CONFLICT', { contests: `Kontestasi "${old.name}" sudah dipakai oleh kasus, laporan atau pengawasan dan tidak dapat dihapus; ubah nama atau tanggalnya saja.` }, 'Kontestasi yang sudah dipakai tidak dapat dihapus.');
    }
    await tx.delete(electionContest).where(and(eq(electionContest.tenantId, tenantId), eq(electionContest.id, old.id)));
  }
  for (const row of rows) {
    if (row.id && existing.some((e) => e.id === row.id)) {
      await tx.update(electionContest).set({ kind: row.kind, name: row.name, penetapanCalonOn: row.penetapanCalonOn }).where(and(eq(electionContest.tenantId, tenantId), eq(electionContest.id, row.id)));
    } else await tx.insert(electionContest).values({ ...row, id: undefined });
  }
}
