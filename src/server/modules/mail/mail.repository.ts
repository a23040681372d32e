import { and, desc, eq, lte, ne, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { mailMessage } from '../../db/schema/index.js';

export type MailRow = typeof mailMessage.$inferSelect;

export async function insertMail(tx: DbOrTx, row: typeof mailMessage.$inferInsert): Promise<MailRow> {
  const [created] = await tx.insert(mailMessage).values(row).returning();
  return created!;
}

export async function findMail(db: DbOrTx, tenantId: string, id: string): Promise<MailRow | undefined> {
  const [row] = await db.select().from(mailMessage).where(and(eq(mailMessage.tenantId, tenantId), eq(mailMessage.id, id)));
  return row;
}

export async function updateMail(db: DbOrTx, tenantId: string, id: string, patch: Partial<typeof mailMessage.$inferInsert>): Promise<void> {
  await db.update(mailMessage).set(patch).where(and(eq(mailMessage.tenantId, tenantId), eq(mailMessage.id, id)));
}

export async function listOutbox(db: DbOrTx, tenantId: string | null, limit: number): Promise<MailRow[]> {
  return db
    .select()
    .from(mailMessage)
    .where(tenantId ? eq(mailMessage.tenantId, tenantId) : undefined)
    .orderBy(desc(mailMessage.createdAt))
    .limit(limit);
}

/**
 * Retention: erases the address of protected-reporter mail that was never delivered (dev outbox,
 * failed or still queued) and is older than `before`. Returns how many rows changed.
 */
export async function eraseUndeliveredReporterAddresses(db: DbOrTx, tenantId: string, before: Date, placeholder: string, keep: string[]): Promise<number> {
  const rows = await db
    .update(mailMessage)
    .set({ toAddress: placeholder })
    .where(and(eq(mailMessage.tenantId, tenantId), eq(mailMessage.forgetRecipient, true), ne(mailMessage.status, 'sent'), lte(mailMessage.createdAt, before), notInArray(mailMessage.toAddress, keep)))
    .returning({ id: mailMessage.id });
  return rows.length;
}
