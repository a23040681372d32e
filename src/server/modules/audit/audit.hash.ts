/** The audit chain's hash: pure, shared by the writer-side helpers, the sealer and verification. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: every field of the entry, its place in the chain and the previous hash. */
export interface HashedFields {
  tenantId: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/** The hash of an entry covers every field and the previous hash (the write-order `id` is not content). */
export function hashAuditEntry(row: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        tenantId: row.tenantId,
        seq: row.seq,
        occurredAt: row.occurredAt,
        actorUserId: row.actorUserId,
        actorLabel: row.actorLabel,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
        prevHash: row.prevHash,
      }),
    )
    .digest('hex');
}

