/** Per-tenant sequence numbers (case numbers per year, letter numbers per kind and year). */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { tenantCounter } from '../../db/schema/index.js';

/**
 * The next value of the tenant's counter `scope` (1 on first use), atomically: one upsert that
 * increments and returns, so concurrent transactions never get the same number (the row lock is held
 * until the caller's transaction ends, so a rolled-back number is reused rather than skipped).
 */
export async function nextCounter(tx: DbOrTx, tenantId: string, scope: string): Promise<number> {
  const [row] = await tx
    .insert(tenantCounter)
    .values({ tenantId, scope, value: 1 })
    .onConflictDoUpdate({ target: [tenantCounter.tenantId, tenantCounter.scope], set: { value: sql`${tenantCounter.value} + 1` } })
    .returning({ value: tenantCounter.value });
  return row!.value;
}
