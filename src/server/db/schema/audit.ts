import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from './columns.js';
import { tenant } from './tenants.js';

/**
 * Append-only, hash-chained audit log, one chain per tenant. A write inserts its entry in its own
 * transaction with `seq`, `prev_hash` and `hash` empty (no lock, so writers never queue on the
 * chain); the sealer (`audit.sealer.ts`) then gives the committed entries their place in the chain,
 * in the order it finds them. `hash` covers every field and the previous entry's hash, so editing
 * or deleting a sealed row breaks the chain from there on. A trigger (migrations 0001, 0015) refuses
 * DELETE, TRUNCATE and every UPDATE except sealing an unsealed entry without touching its content.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    /** Write order (one sequence for all tenants); the chain order is `seq`, given at sealing. */
    id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    seq: bigint('seq', { mode: 'number' }),
    occurredAt: timestamptz('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    // Keyed by tenant first, like every tenant-owned table, so it can be distributed by tenant (OPERATIONS.md).
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('audit_chain_idx').on(t.tenantId, t.seq),
    index('audit_unsealed_idx').on(t.tenantId, t.id).where(sql`seq is null`),
    index('audit_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);
