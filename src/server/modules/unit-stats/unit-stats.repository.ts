/**
 * The only SQL of the per-unit dashboard counts (`unit_campaign_stats`, `unit_announcement_stats`,
 * their state and the change rows the triggers of migration 0016 write).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { announcement, pledgeCampaign, unitStatsChange, unitStatsState } from '../../db/schema/index.js';
import { targetEmployeesSql } from '../pledges/pledges.repository.js';
import { recipientsSql } from '../sosialisasi/sosialisasi.repository.js';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Serialises refreshes of one tenant (a job and a reader at the same time): the second waits, then
 * finds the first one's work done. Writers never take it.
 */
export async function lockTenantStats(tx: DbOrTx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`unit_stats:${tenantId}`}, 0))`);
}

/** Consumes the tenant's pending change rows; returns their distinct scopes. */
export async function takeChanges(tx: DbOrTx, tenantId: string): Promise<Set<string>> {
  const rows = await tx.delete(unitStatsChange).where(eq(unitStatsChange.tenantId, tenantId)).returning({ scope: unitStatsChange.scope });
  return new Set(rows.map((r) => r.scope));
}

/** Scopes computed at least once (the ones dashboards have asked for), with their state. */
export async function listKnownScopes(db: DbOrTx, tenantId: string): Promise<string[]> {
  const rows = await db.select({ scope: unitStatsState.scope }).from(unitStatsState).where(eq(unitStatsState.tenantId, tenantId));
  return rows.map((r) => r.scope);
}

/** Open campaigns and announcements of the last 100 days without computed rows (computed ahead by the job). */
export async function listMissingLiveScopes(db: DbOrTx, tenantId: string): Promise<string[]> {
  return rowsOf<{ scope: string }>(
    await db.execute(sql`
      select 'campaign:' || c.id as scope from pledge_campaign c
      where c.tenant_id = ${tenantId} and c.status = 'open'
        and not exists (select 1 from unit_stats_state s where s.tenant_id = c.tenant_id and s.scope = 'campaign:' || c.id)
      union all
      select 'announcement:' || a.id from announcement a
      where a.tenant_id = ${tenantId} and a.published_at > now() - interval '100 days'
        and not exists (select 1 from unit_stats_state s where s.tenant_id = a.tenant_id and s.scope = 'announcement:' || a.id)`),
  ).map((r) => r.scope);
}

/** Replaces one campaign's per-unit rows (targeted active employees ⋈ live signatures); returns the targeted total, or null when the campaign does not exist. */
export async function replaceCampaignStats(tx: DbOrTx, tenantId: string, campaignId: string): Promise<number | null> {
  const [campaign] = await tx
    .select({ id: pledgeCampaign.id, targetCategories: pledgeCampaign.targetCategories, targetUnitIds: pledgeCampaign.targetUnitIds })
    .from(pledgeCampaign)
    .where(and(eq(pledgeCampaign.tenantId, tenantId), eq(pledgeCampaign.id, campaignId)));
  await tx.execute(sql`delete from unit_campaign_stats where tenant_id = ${tenantId} and campaign_id = ${campaignId}`);
  if (!campaign) return null;
  const rows = rowsOf<{ target: number }>(
    await tx.execute(sql`
      insert into unit_campaign_stats (tenant_id, campaign_id, unit_id, target, signed)
      select ${tenantId}, ${campaignId}, t.unit_id, count(*)::int, count(s.employee_id)::int
      from (${targetEmployeesSql(tenantId, campaign)}) t
      left join pledge_signature s
        on s.tenant_id = ${tenantId} and s.campaign_id = ${campaignId} and s.employee_id = t.id and s.revoked_at is null
      group by t.unit_id
      returning target`),
  );
  return rows.reduce((n, r) => n + Number(r.target), 0);
}

/** Replaces one announcement's per-unit rows (recipients ⋈ receipts); returns the recipients total, or null when it does not exist. */
export async function replaceAnnouncementStats(tx: DbOrTx, tenantId: string, announcementId: string): Promise<number | null> {
  const [a] = await tx.select({ targetUnitIds: announcement.targetUnitIds }).from(announcement).where(and(eq(announcement.tenantId, tenantId), eq(announcement.id, announcementId)));
  await tx.execute(sql`delete from unit_announcement_stats where tenant_id = ${tenantId} and announcement_id = ${announcementId}`);
  if (!a) return null;
  const rows = rowsOf<{ target: number }>(
    await tx.execute(sql`
      insert into unit_announcement_stats (tenant_id, announcement_id, unit_id, target, read, acknowledged)
      select ${tenantId}, ${announcementId}, p.unit_id, count(*)::int, count(r.employee_id)::int, count(r.acknowledged_at)::int
      from (${recipientsSql(tenantId, a, '/')}) p
      left join announcement_receipt r on r.tenant_id = ${tenantId} and r.announcement_id = ${announcementId} and r.employee_id = p.id
      group by p.unit_id
      returning target`),
  );
  return rows.reduce((n, r) => n + Number(r.target), 0);
}

/** Records that a scope was computed in this transaction (computed_at = the transaction's start). */
export async function saveScopeState(tx: DbOrTx, tenantId: string, scope: string, targetTotal: number, durationMs: number): Promise<void> {
  await tx.execute(sql`
    insert into unit_stats_state (tenant_id, scope, computed_at, target_total, duration_ms)
    values (${tenantId}, ${scope}, now(), ${targetTotal}, ${durationMs})
    on conflict (tenant_id, scope) do update set computed_at = excluded.computed_at, target_total = excluded.target_total, duration_ms = excluded.duration_ms`);
}

export async function deleteScopeState(tx: DbOrTx, tenantId: string, scope: string): Promise<void> {
  await tx.delete(unitStatsState).where(and(eq(unitStatsState.tenantId, tenantId), eq(unitStatsState.scope, scope)));
}

export interface ScopeFreshness {
  /** Null: never computed. */
  computedAt: Date | null;
  targetTotal: number;
  /** A write since the last refresh touched this scope (or every scope of the tenant). */
  hasChanges: boolean;
}

/** One primary-key probe and one index probe: what a reader checks before using the rows. */
export async function readFreshness(db: DbOrTx, tenantId: string, scope: string): Promise<ScopeFreshness> {
  const [row] = rowsOf<{ computedAt: string | Date | null; targetTotal: number | null; hasChanges: boolean }>(
    await db.execute(sql`
      select (select computed_at from unit_stats_state where tenant_id = ${tenantId} and scope = ${scope}) as "computedAt",
             (select target_total from unit_stats_state where tenant_id = ${tenantId} and scope = ${scope}) as "targetTotal",
             exists (select 1 from unit_stats_change where tenant_id = ${tenantId} and scope in ('*', ${scope})) as "hasChanges"`),
  );
  return { computedAt: row!.computedAt ? new Date(row!.computedAt) : null, targetTotal: Number(row!.targetTotal ?? 0), hasChanges: Boolean(row!.hasChanges) };
}

/** Tenants with pending changes (the job's work list). */
export async function listChangedTenantIds(db: DbOrTx): Promise<string[]> {
  return rowsOf<{ tenantId: string }>(await db.execute(sql`select distinct tenant_id as "tenantId" from unit_stats_change`)).map((r) => r.tenantId);
}

/** Tenants with an open campaign or a recent announcement not computed yet. */
export async function listTenantsWithMissingScopes(db: DbOrTx): Promise<string[]> {
  return rowsOf<{ tenantId: string }>(
    await db.execute(sql`
      select distinct c.tenant_id as "tenantId" from pledge_campaign c
      where c.status = 'open' and not exists (select 1 from unit_stats_state s where s.tenant_id = c.tenant_id and s.scope = 'campaign:' || c.id)
      union
      select distinct a.tenant_id from announcement a
      where a.published_at > now() - interval '100 days' and not exists (select 1 from unit_stats_state s where s.tenant_id = a.tenant_id and s.scope = 'announcement:' || a.id)`),
  ).map((r) => r.tenantId);
}
