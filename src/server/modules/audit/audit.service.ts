import type { Db, DbOrTx } from '../../db/client.js';
import { toJsonValue } from '../../lib/canonical-json.js';
import { GENESIS_HASH, hashAuditEntry } from './audit.hash.js';
import type { RequestContext } from '../../lib/context.js';
import { insertAuditEvent, listAuditEvents, type NewAuditRow } from './audit.repository.js';
import { sealAuditChain } from './audit.sealer.js';

export { GENESIS_HASH, hashAuditEntry, type HashedFields } from './audit.hash.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit event in the caller's transaction, so the write and its audit entry commit or
 * roll back together. Call it with the `tx` of the write being audited. The entry is chained by the
 * sealer after the commit (`audit.sealer.ts`), so concurrent writers never wait for each other here.
 */
export async function recordAudit(tx: DbOrTx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await insertAuditEvent(tx, auditRowOf(ctx, input));
}

/** The row `recordAudit` writes, for a repository that writes it in the same statement as the audited write. */
export function auditRowOf(ctx: RequestContext, input: AuditInput): NewAuditRow {
  return {
    tenantId: ctx.tenantId,
    occurredAt: new Date(),
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before ?? null),
    after: toJsonValue(input.after ?? null),
    requestId: ctx.requestId,
  };
}

export interface ChainVerification {
  tenantId: string;
  checked: number;
  ok: boolean;
  /** The first entry whose link is broken, with why. */
  brokenAt?: { seq: number; reason: string };
}

/**
 * Seals what is waiting, then walks the tenant's chain in order and reports the first broken link.
 * Entries committed while the walk runs are left for the next check.
 */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<ChainVerification> {
  await sealAuditChain(db, tenantId, { wait: true });
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await listAuditEvents(db, tenantId, expectedSeq - 1, 1000);
    if (page.length === 0) return { tenantId, checked, ok: true };
    for (const row of page) {
      if (row.seq !== expectedSeq) return { tenantId, checked, ok: false, brokenAt: { seq: expectedSeq, reason: `entri #${expectedSeq} hilang` } };
      if (row.prevHash !== prevHash) return { tenantId, checked, ok: false, brokenAt: { seq: row.seq, reason: 'prev_hash tidak cocok dengan entri sebelumnya' } };
      if (hashAuditEntry({ ...row, seq: row.seq, prevHash: row.prevHash }) !== row.hash) return { tenantId, checked, ok: false, brokenAt: { seq: row.seq, reason: 'isi entri telah diubah (hash tidak cocok)' } };
      prevHash = row.hash!;
      expectedSeq++;
      checked++;
    }
  }
}
