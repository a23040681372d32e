/** The only SQL of the recaps module. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { recapJob, recapSetting, storedFile, userAccount } from '../../db/schema/index.js';

export type RecapRow = typeof recapJob.$inferSelect;
export type RecapSettingRow = typeof recapSetting.$inferSelect;

export async function insertRecap(tx: DbOrTx, row: typeof recapJob.$inferInsert): Promise<RecapRow> {
  const [created] = await tx.insert(recapJob).values(row).returning();
  return created!;
}

/** A scheduled recap once per key: null when another server (or an earlier tick) already made it. */
export async function insertScheduledRecap(tx: DbOrTx, row: typeof recapJob.$inferInsert & { scheduleKey: string }): Promise<RecapRow | undefined> {
  const [created] = await tx.insert(recapJob).values(row).onConflictDoNothing({ target: [recapJob.tenantId, recapJob.scheduleKey] }).returning();
  return created;
}

export async function findRecap(db: DbOrTx, tenantId: string, id: string): Promise<RecapRow | undefined> {
  const [row] = await db.select().from(recapJob).where(and(eq(recapJob.tenantId, tenantId), eq(recapJob.id, id)));
  return row;
}

export async function updateRecap(db: DbOrTx, tenantId: string, id: string, patch: Partial<typeof recapJob.$inferInsert>): Promise<void> {
  await db.update(recapJob).set(patch).where(and(eq(recapJob.tenantId, tenantId), eq(recapJob.id, id)));
}

/** Marks the recipients as told, once: false when it was already done. */
export async function claimNotification(tx: DbOrTx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(recapJob)
    .set({ notifiedAt: new Date() })
    .where(and(eq(recapJob.tenantId, tenantId), eq(recapJob.id, id), isNull(recapJob.notifiedAt)))
    .returning({ id: recapJob.id });
  return rows.length > 0;
}

/** The latest recaps with the requester's name. */
export async function listRecaps(db: DbOrTx, tenantId: string, limit = 50) {
  return db
    .select({ r: recapJob, createdByName: userAccount.displayName })
    .from(recapJob)
    .leftJoin(userAccount, and(eq(userAccount.tenantId, recapJob.tenantId), eq(userAccount.id, recapJob.createdBy)))
    .where(eq(recapJob.tenantId, tenantId))
    .orderBy(desc(recapJob.createdAt), desc(recapJob.id))
    .limit(limit);
}

export async function findStoredFileRow(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db.select().from(storedFile).where(and(eq(storedFile.tenantId, tenantId), eq(storedFile.id, id)));
  return row;
}

export async function insertStoredFileRow(tx: DbOrTx, row: typeof storedFile.$inferInsert): Promise<void> {
  await tx.insert(storedFile).values(row);
}

export async function findRecapSetting(db: DbOrTx, tenantId: string): Promise<RecapSettingRow | undefined> {
  const [row] = await db.select().from(recapSetting).where(eq(recapSetting.tenantId, tenantId));
  return row;
}

export async function upsertRecapSetting(tx: DbOrTx, row: typeof recapSetting.$inferInsert): Promise<void> {
  await tx
    .insert(recapSetting)
    .values(row)
    .onConflictDoUpdate({ target: recapSetting.tenantId, set: { weeklyEnabled: row.weeklyEnabled, recipients: row.recipients, updatedBy: row.updatedBy, updatedAt: sql`now()` } });
}
