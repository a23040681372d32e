import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvent } from '../../db/schema/index.js';

export type AuditRow = typeof auditEvent.$inferSelect;

/** Serialises writers of one tenant's chain until the transaction ends. */
export async function lockAuditChain(tx: DbOrTx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + tenantId}, 0))`);
}

export async function findLastAuditEvent(tx: DbOrTx, tenantId: string): Promise<Pick<AuditRow, 'seq' | 'hash'> | undefined> {
  const [row] = await tx
    .select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent)
    .where(eq(auditEvent.tenantId, tenantId))
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  return row;
}

export async function insertAuditEvent(tx: DbOrTx, row: AuditRow): Promise<void> {
  await tx.insert(auditEvent).values(row);
}

/** Reads a chain in pages of `limit` entries after `afterSeq`. */
export async function listAuditEvents(tx: DbOrTx, tenantId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.tenantId, tenantId), gt(auditEvent.seq, afterSeq)))
    .orderBy(asc(auditEvent.seq))
    .limit(limit);
}

export async function listRecentAuditEvents(tx: DbOrTx, tenantId: string, limit: number, offset: number): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditEvent)
    .where(eq(auditEvent.tenantId, tenantId))
    .orderBy(desc(auditEvent.seq))
    .limit(limit)
    .offset(offset);
}

export async function countAuditEvents(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.tenantId, tenantId));
  return row?.n ?? 0;
}
