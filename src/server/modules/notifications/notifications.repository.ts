/** The only SQL of in-app notifications. */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notification, userAccount } from '../../db/schema/index.js';

/** Inserts unless the dedupe key was already used (returns whether a row was written). */
export async function insertNotification(tx: DbOrTx, row: typeof notification.$inferInsert): Promise<boolean> {
  const created = await tx.insert(notification).values(row).onConflictDoNothing({ target: [notification.tenantId, notification.dedupeKey] }).returning({ id: notification.id });
  return created.length > 0;
}

export async function listForUser(db: DbOrTx, tenantId: string, userId: string, limit = 50) {
  const items = await db.select().from(notification).where(and(eq(notification.tenantId, tenantId), eq(notification.userId, userId))).orderBy(desc(notification.createdAt)).limit(limit);
  const [unread] = await db.select({ n: count() }).from(notification).where(and(eq(notification.tenantId, tenantId), eq(notification.userId, userId), isNull(notification.readAt)));
  return { items, unread: unread?.n ?? 0 };
}

export async function markRead(tx: DbOrTx, tenantId: string, userId: string, id: string | null): Promise<void> {
  const where = [eq(notification.tenantId, tenantId), eq(notification.userId, userId), isNull(notification.readAt)];
  if (id) where.push(eq(notification.id, id));
  await tx.update(notification).set({ readAt: new Date() }).where(and(...where));
}

export async function usersWithEmail(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: userAccount.id, email: userAccount.email, name: userAccount.displayName }).from(userAccount).where(and(eq(userAccount.tenantId, tenantId), inArray(userAccount.id, ids), eq(userAccount.isActive, true)));
}
