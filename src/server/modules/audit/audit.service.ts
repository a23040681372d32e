import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import { canonicalJson, toJsonValue } from '../../lib/canonical-json.js';
import type { RequestContext } from '../../lib/context.js';
import { findLastAuditEvent, insertAuditEvent, listAuditEvents, lockAuditChain, type AuditRow } from './audit.repository.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The hash of an entry covers every field and the previous hash. */
export function hashAuditEntry(row: Omit<AuditRow, 'hash'>): string {
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

/**
 * Appends an audit event in the caller's transaction, so the write and its audit entry commit or
 * roll back together. Call it with the `tx` of the write being audited.
 */
export async function recordAudit(tx: DbOrTx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await lockAuditChain(tx, ctx.tenantId);
  const last = await findLastAuditEvent(tx, ctx.tenantId);
  const entry: Omit<AuditRow, 'hash'> = {
    tenantId: ctx.tenantId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before ?? null),
    after: toJsonValue(input.after ?? null),
    requestId: ctx.requestId,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await insertAuditEvent(tx, { ...entry, hash: hashAuditEntry(entry) });
}

export interface ChainVerification {
  tenantId: string;
  checked: number;
  ok: boolean;
  /** The first entry whose link is broken, with why. */
  brokenAt?: { seq: number; reason: string };
}

/** Walks a tenant's chain in order and reports the first broken link. */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await listAuditEvents(db, tenantId, expectedSeq - 1, 1000);
    if (page.length === 0) return { tenantId, checked, ok: true };
    for (const row of page) {
      if (row.seq !== expectedSeq) return { tenantId, checked, ok: false, brokenAt: { seq: expectedSeq, reason: `entri #${expectedSeq} hilang` } };
      if (row.prevHash !== prevHash) return { tenantId, checked, ok: false, brokenAt: { seq: row.seq, reason: 'prev_hash tidak cocok dengan entri sebelumnya' } };
      const { hash, ...rest } = row;
      if (hashAuditEntry(rest) !== hash) return { tenantId, checked, ok: false, brokenAt: { seq: row.seq, reason: 'isi entri telah diubah (hash tidak cocok)' } };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
}
