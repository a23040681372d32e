import { and, asc, count, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvent } from '../../db/schema/index.js';

export type AuditRow = typeof auditEvent.$inferSelect;
export type NewAuditRow = Omit<typeof auditEvent.$inferInsert, 'id' | 'seq' | 'prevHash' | 'hash'>;
export interface SealedLink {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Writes an unsealed entry: one INSERT, no lock; the sealer chains it after the commit. */
export async function insertAuditEvent(tx: DbOrTx, row: NewAuditRow): Promise<void> {
  await tx.insert(auditEvent).values(row);
}

/**
 * The same entry as `insertAuditEvent`, as an INSERT for a prepared data-modifying CTE that writes a row
 * and its audit entry in one atomic statement (no BEGIN/COMMIT), e.g. `with sig as (insert … returning …),
 * logged as (<this, onlyIf = select 1 from sig>) select …`. It writes only when `onlyIf` returns a row.
 * Its values are placeholders, bound at execution with `auditParams(row)`.
 */
export function auditInsertIfSql(onlyIf: SQL): SQL {
  const p = (name: keyof ReturnType<typeof auditParams>) => sql.placeholder(name);
  return sql`insert into audit_event (tenant_id, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id, before, after, request_id)
    select ${p('audit_tenant_id')}::uuid, ${p('audit_occurred_at')}::timestamptz, ${p('audit_actor_user_id')}::uuid, ${p('audit_actor_label')}::text, ${p('audit_action')}::text,
           ${p('audit_entity_type')}::text, ${p('audit_entity_id')}::text, ${p('audit_before')}::jsonb, ${p('audit_after')}::jsonb, ${p('audit_request_id')}::text
    where exists (${onlyIf})
    returning id`;
}

/** The values of `auditInsertIfSql`'s placeholders for one entry, encoded as `insertAuditEvent` would (JSON null stays SQL NULL). */
export function auditParams(row: NewAuditRow) {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return {
    audit_tenant_id: row.tenantId,
    audit_occurred_at: row.occurredAt.toISOString(),
    audit_actor_user_id: row.actorUserId ?? null,
    audit_actor_label: row.actorLabel,
    audit_action: row.action,
    audit_entity_type: row.entityType,
    audit_entity_id: row.entityId ?? null,
    audit_before: json(row.before),
    audit_after: json(row.after),
    audit_request_id: row.requestId ?? null,
  };
}

/**
 * Takes the tenant's sealing lock for the transaction. Only sealers take it, never writers.
 * With `wait: false` it gives up at once when another sealer holds it.
 */
export async function lockChainForSealing(tx: DbOrTx, tenantId: string, wait: boolean): Promise<boolean> {
  const key = 'audit:' + tenantId;
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    return true;
  }
  const res = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`);
  return Boolean(rowsOf<{ locked: boolean }>(res)[0]?.locked);
}

/** Tenants with committed entries still waiting for the sealer (a probe of a partial index). */
export async function listTenantsWithUnsealed(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: auditEvent.tenantId }).from(auditEvent).where(isNull(auditEvent.seq));
  return rows.map((r) => r.tenantId);
}

export async function findLastSealed(tx: DbOrTx, tenantId: string): Promise<Pick<AuditRow, 'seq' | 'hash'> | undefined> {
  const [row] = await tx
    .select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent)
    .where(and(eq(auditEvent.tenantId, tenantId), sql`${auditEvent.seq} is not null`))
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  return row;
}

/** The oldest unsealed entries of a tenant, in write order. */
export async function listUnsealed(tx: DbOrTx, tenantId: string, limit: number): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.tenantId, tenantId), isNull(auditEvent.seq)))
    .orderBy(asc(auditEvent.id))
    .limit(limit);
}

/** Gives each entry its place in the chain, in one statement. */
export async function sealEntries(tx: DbOrTx, tenantId: string, links: SealedLink[]): Promise<void> {
  if (links.length === 0) return;
  await tx.execute(sql`
    update audit_event a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from jsonb_to_recordset(${JSON.stringify(links.map((l) => ({ id: l.id, seq: l.seq, prev_hash: l.prevHash, hash: l.hash })))}::jsonb)
        as v(id bigint, seq bigint, prev_hash text, hash text)
     where a.tenant_id = ${tenantId} and a.id = v.id and a.seq is null`);
}

/** Reads a chain in pages of `limit` sealed entries after `afterSeq`. */
export async function listAuditEvents(tx: DbOrTx, tenantId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.tenantId, tenantId), gt(auditEvent.seq, afterSeq)))
    .orderBy(asc(auditEvent.seq))
    .limit(limit);
}

/** Newest first, in write order (an entry written a moment ago may not be sealed yet). */
export async function listRecentAuditEvents(tx: DbOrTx, tenantId: string, limit: number, offset: number): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditEvent)
    .where(eq(auditEvent.tenantId, tenantId))
    .orderBy(desc(auditEvent.id))
    .limit(limit)
    .offset(offset);
}

export async function countAuditEvents(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.tenantId, tenantId));
  return row?.n ?? 0;
}

export async function countUnsealed(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvent).where(and(eq(auditEvent.tenantId, tenantId), isNull(auditEvent.seq)));
  return row?.n ?? 0;
}

function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];
}
