import { bigint, index, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from './columns.js';
import { tenant } from './tenants.js';

/**
 * Append-only, hash-chained audit log, one chain per tenant. `hash` covers every field and the
 * previous entry's hash, so editing or deleting any row breaks the chain from there on.
 * UPDATE and DELETE are refused by a trigger (migration 0001).
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);
