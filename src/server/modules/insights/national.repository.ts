/**
 * The only SQL of the national roll-up: oversight grants, the per-tenant figures the refresh job
 * computes (from one tenant's raw rows at a time), and the daily rows the roll-up reads (at most one
 * per tenant and election key: ≤ 2 × 514 small rows, whatever the size of the tenants).
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { CASE_STATUS_GROUP_OF, CASE_STATUS_GROUPS, type CaseStatusGroup } from '../../../shared/contracts/national.contract.js';
import type { DbOrTx } from '../../db/client.js';
import { oversightGrant, pledgeCampaign, tenant, tenantDailyStats } from '../../db/schema/index.js';
import { targetEmployeesSql, type CampaignRow } from '../pledges/pledges.repository.js';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

// ---------------------------------------------------------------------------------------------------
// Oversight grants

export type GrantRow = typeof oversightGrant.$inferSelect;

export async function insertGrant(tx: DbOrTx, row: typeof oversightGrant.$inferInsert): Promise<GrantRow> {
  const [created] = await tx.insert(oversightGrant).values(row).returning();
  return created!;
}

export async function findGrant(db: DbOrTx, id: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(oversightGrant).where(eq(oversightGrant.id, id));
  return row;
}

/** Marks a live grant revoked; false when it was not live (already revoked, or raced). */
export async function revokeGrantRow(tx: DbOrTx, id: string, by: string | null, at: Date): Promise<boolean> {
  const rows = await tx
    .update(oversightGrant)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(eq(oversightGrant.id, id), isNull(oversightGrant.revokedAt)))
    .returning({ id: oversightGrant.id });
  return rows.length > 0;
}

/** Every grant (live first, then by overseer), for the platform operator. */
export async function listGrants(db: DbOrTx): Promise<GrantRow[]> {
  return db.select().from(oversightGrant).orderBy(sql`${oversightGrant.revokedAt} is not null`, asc(oversightGrant.overseerTenantId), asc(oversightGrant.createdAt));
}

/** The live grants of an overseer: "all tenants", or the list of tenants it may see. */
export async function liveGrantsOf(db: DbOrTx, overseerTenantId: string): Promise<{ all: boolean; tenantIds: string[] }> {
  const rows = await db
    .select({ overseen: oversightGrant.overseenTenantId })
    .from(oversightGrant)
    .where(and(eq(oversightGrant.overseerTenantId, overseerTenantId), isNull(oversightGrant.revokedAt)));
  return { all: rows.some((r) => r.overseen === null), tenantIds: rows.flatMap((r) => (r.overseen ? [r.overseen] : [])) };
}

// ---------------------------------------------------------------------------------------------------
// Tenants and elections seen by the roll-up

export interface RollupTenant {
  id: string;
  slug: string;
  name: string;
  kind: string;
  wilayahCode: string | null;
  timezone: string;
}

/** Active tenants (all, or the ids given), by wilayah code then name. */
export async function listRollupTenants(db: DbOrTx, ids: readonly string[] | null): Promise<RollupTenant[]> {
  const where = ids ? and(eq(tenant.isActive, true), ids.length ? sql`${tenant.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`) : eq(tenant.isActive, true);
  return db
    .select({ id: tenant.id, slug: tenant.slug, name: tenant.name, kind: tenant.kind, wilayahCode: tenant.wilayahCode, timezone: tenant.timezone })
    .from(tenant)
    .where(where)
    .orderBy(sql`${tenant.wilayahCode} nulls last`, asc(tenant.name));
}

/**
 * The same election across tenants (each tenant records its own event): its kind and voting day
 * ("pilkada:2026-12-09"); an event without a voting day falls back to its kind and name.
 */
const ELECTION_KEY = sql.raw(`(e.kind || ':' || coalesce((select min(s->>'startsOn') from jsonb_array_elements(e.stages) s where s->>'kind' = 'pemungutan_suara'), lower(trim(e.name))))`);
const VOTING_DAY = sql.raw(`(select min(s->>'startsOn') from jsonb_array_elements(e.stages) s where s->>'kind' = 'pemungutan_suara')`);

const idList = (ids: readonly string[]) => sql`(${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;

/** Elections recorded by these tenants: key, the most common name, voting day, how many tenants. */
export async function listElectionKeys(db: DbOrTx, tenantIds: readonly string[]): Promise<{ key: string; name: string; votingDay: string | null; tenants: number }[]> {
  if (tenantIds.length === 0) return [];
  const result = await db.execute(sql`
    with k as (select e.tenant_id, ${ELECTION_KEY} as key, e.name, ${VOTING_DAY} as voting_day from election_event e where e.tenant_id in ${idList(tenantIds)})
    select key, mode() within group (order by name) as name, min(voting_day) as "votingDay", count(distinct tenant_id)::int as tenants
    from k group by key order by min(voting_day) desc nulls last, key`);
  return rowsOf<{ key: string; name: string; votingDay: string | null; tenants: number }>(result).map((r) => ({ ...r, tenants: Number(r.tenants) }));
}

export type StatsRow = typeof tenantDailyStats.$inferSelect;

/**
 * The latest figures on or before `asOf` of each tenant for each of `keys`: one index probe per
 * tenant and key on the primary key (tenant, key, day), so 514 tenants cost 514 × 2 small rows.
 */
export async function latestStats(db: DbOrTx, tenantIds: readonly string[], keys: readonly string[], asOf: string): Promise<StatsRow[]> {
  if (tenantIds.length === 0 || keys.length === 0) return [];
  const result = await db.execute(sql`
    select s.* from unnest(array[${sql.join(tenantIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]) t(id)
    cross join unnest(array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]) k(key)
    cross join lateral (select * from tenant_daily_stats d where d.tenant_id = t.id and d.election_key = k.key and d.stat_date <= ${asOf}::date
                        order by d.stat_date desc limit 1) s`);
  return rowsOf<Record<string, unknown>>(result).map(statsFromSql);
}

/** Raw SQL rows (snake_case, dates as strings or Dates) to the Drizzle row type. */
function statsFromSql(r: Record<string, unknown>): StatsRow {
  const n = (k: string) => Number(r[k]);
  return {
    tenantId: String(r.tenant_id),
    electionKey: String(r.election_key),
    statDate: String(r.stat_date).slice(0, 10),
    electionName: (r.election_name as string | null) ?? null,
    employees: n('employees'),
    campaigns: n('campaigns'),
    signTarget: n('sign_target'),
    signSigned: n('sign_signed'),
    apelRequired: n('apel_required'),
    apelReported: n('apel_reported'),
    apelAccepted: n('apel_accepted'),
    cases: n('cases'),
    casesReceived: n('cases_received'),
    casesInProcess: n('cases_in_process'),
    casesAwaitingPpk: n('cases_awaiting_ppk'),
    casesFollowUp: n('cases_follow_up'),
    casesClosed: n('cases_closed'),
    outcomeExamining: n('outcome_examining'),
    outcomeStopped: n('outcome_stopped'),
    outcomeProven: n('outcome_proven'),
    outcomeSanctioned: n('outcome_sanctioned'),
    ppkRecommended: n('ppk_recommended'),
    ppkDecided: n('ppk_decided'),
    ppkWaitingDays: n('ppk_waiting_days'),
    computedAt: new Date(r.computed_at as string | Date),
  };
}

// ---------------------------------------------------------------------------------------------------
// The refresh: one tenant's figures from its raw rows

export async function countActiveEmployees(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from employee where tenant_id = ${tenantId} and is_active`));
  return Number(row?.n ?? 0);
}

export interface CampaignKeyRow {
  campaign: CampaignRow;
  electionKey: string;
  electionName: string;
}

/** The tenant's campaigns that are not drafts, with their election's key. */
export async function campaignsWithKeys(db: DbOrTx, tenantId: string): Promise<CampaignKeyRow[]> {
  const result = await db.execute(sql`
    select c.id, ${ELECTION_KEY} as key, e.name as event_name
    from pledge_campaign c join election_event e on e.tenant_id = c.tenant_id and e.id = c.event_id
    where c.tenant_id = ${tenantId} and c.status <> 'draft' order by c.created_at`);
  const keyed = rowsOf<{ id: string; key: string; event_name: string }>(result);
  if (keyed.length === 0) return [];
  const campaigns = await db.select().from(pledgeCampaign).where(eq(pledgeCampaign.tenantId, tenantId));
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return keyed.map((k) => ({ campaign: byId.get(k.id)!, electionKey: k.key, electionName: k.event_name }));
}

/** Targeted and signed employees, and the apel units required / reported / accepted, of one campaign. */
export async function campaignFigures(db: DbOrTx, tenantId: string, campaign: CampaignRow) {
  const types = campaign.apelUnitTypes.length ? sql`u.unit_type in (${sql.join(campaign.apelUnitTypes.map((t) => sql`${t}`), sql`, `)})` : sql`false`;
  const result = await db.execute(sql`
    with target as (${targetEmployeesSql(tenantId, campaign)})
    select (select count(*)::int from target) as target,
           (select count(*)::int from target t join pledge_signature s
              on s.tenant_id = ${tenantId} and s.campaign_id = ${campaign.id} and s.employee_id = t.id and s.revoked_at is null) as signed,
           a.required, a.reported, a.accepted
    from (select count(*)::int as required,
                 count(*) filter (where r.status in ('submitted', 'accepted'))::int as reported,
                 count(*) filter (where r.status = 'accepted')::int as accepted
          from unit u left join apel_report r on r.tenant_id = u.tenant_id and r.campaign_id = ${campaign.id} and r.unit_id = u.id
          where u.tenant_id = ${tenantId} and ${types}) a`);
  const [r] = rowsOf<{ target: number; signed: number; required: number; reported: number; accepted: number }>(result);
  return { target: Number(r!.target), signed: Number(r!.signed), required: Number(r!.required), reported: Number(r!.reported), accepted: Number(r!.accepted) };
}

export interface CaseKeyFigures {
  /** Election key, or null for the row over every case. */
  electionKey: string | null;
  cases: number;
  byStatus: Record<CaseStatusGroup, number>;
  examining: number;
  stopped: number;
  /** Proven without a sanction (yet). */
  proven: number;
  sanctioned: number;
  recommended: number;
  decided: number;
  waitingDays: number;
}

const STATUS_GROUP_SQL: SQL = sql.raw(
  `case c.state ${Object.entries(CASE_STATUS_GROUP_OF)
    .map(([state, group]) => `when '${state}' then '${group}'`)
    .join(' ')} else 'closed' end`,
);

/**
 * The tenant's cases (merged ones left out) per election key and over all: by status group, by
 * outcome (a case is sanctioned when a subject is, else proven when one is, else stopped when closed
 * or every subject was found not proven, else still being examined), PPK recommendations and
 * decisions, and the calendar days the cases now awaiting the PPK have waited (from `today`).
 */
export async function caseFiguresByKey(db: DbOrTx, tenantId: string, today: string, timeZone: string): Promise<CaseKeyFigures[]> {
  const result = await db.execute(sql`
    with k as (select e.id, ${ELECTION_KEY} as key from election_event e where e.tenant_id = ${tenantId}),
    c as (
      select c.id, k.key, ${STATUS_GROUP_SQL} as status_group, c.state, c.recommended_at, c.decided_at, c.step_started_at,
             bool_or(s.sanction is not null) as any_sanction, bool_or(s.finding = 'proven') as any_proven, bool_and(s.finding = 'not_proven') as all_not_proven
      from case_file c
      left join k on k.id = c.election_event_id
      left join case_subject s on s.tenant_id = c.tenant_id and s.case_id = c.id
      where c.tenant_id = ${tenantId} and c.merged_into is null
      group by c.tenant_id, c.id, k.key),
    o as (select *, case when any_sanction then 'sanctioned' when any_proven then 'proven' when state = 'closed' or all_not_proven then 'stopped' else 'examining' end as outcome from c)
    select case when grouping(key) = 1 then '*' else coalesce(key, '') end as key, count(*)::int as cases,
           ${sql.join(CASE_STATUS_GROUPS.map((g) => sql`count(*) filter (where status_group = ${g})::int as ${sql.identifier(`s_${g}`)}`), sql`, `)},
           count(*) filter (where outcome = 'examining')::int as examining, count(*) filter (where outcome = 'stopped')::int as stopped,
           count(*) filter (where outcome = 'proven')::int as proven, count(*) filter (where outcome = 'sanctioned')::int as sanctioned,
           count(*) filter (where recommended_at is not null)::int as recommended,
           count(*) filter (where recommended_at is not null and decided_at is not null)::int as decided,
           coalesce(sum(${today}::date - (step_started_at at time zone ${timeZone})::date) filter (where state = 'awaiting_ppk'), 0)::int as waiting_days
    from o group by grouping sets ((key), ())`);
  return rowsOf<Record<string, unknown>>(result)
    .filter((r) => r.key !== '') // cases without an election count only in the row over all
    .map((r) => ({
      electionKey: r.key === '*' ? null : String(r.key),
      cases: Number(r.cases),
      byStatus: Object.fromEntries(CASE_STATUS_GROUPS.map((g) => [g, Number(r[`s_${g}`])])) as Record<CaseStatusGroup, number>,
      examining: Number(r.examining),
      stopped: Number(r.stopped),
      proven: Number(r.proven),
      sanctioned: Number(r.sanctioned),
      recommended: Number(r.recommended),
      decided: Number(r.decided),
      waitingDays: Number(r.waiting_days),
    }));
}

/** Election keys and names of the tenant's events (so an election without campaigns or cases still gets its row). */
export async function tenantElectionKeys(db: DbOrTx, tenantId: string): Promise<{ key: string; name: string }[]> {
  const result = await db.execute(sql`select ${ELECTION_KEY} as key, e.name from election_event e where e.tenant_id = ${tenantId} order by e.created_at`);
  return rowsOf<{ key: string; name: string }>(result);
}

/** Replaces the tenant's rows of `statDate` (a second refresh the same day overwrites the first). */
export async function replaceDayStats(tx: DbOrTx, tenantId: string, statDate: string, rows: (typeof tenantDailyStats.$inferInsert)[]): Promise<void> {
  await tx.delete(tenantDailyStats).where(and(eq(tenantDailyStats.tenantId, tenantId), eq(tenantDailyStats.statDate, statDate)));
  if (rows.length) await tx.insert(tenantDailyStats).values(rows);
}

/** Active tenants' ids (the refresh fans out over them). */
export async function activeTenantIds(db: DbOrTx): Promise<string[]> {
  return (await db.select({ id: tenant.id }).from(tenant).where(eq(tenant.isActive, true)).orderBy(asc(tenant.slug))).map((r) => r.id);
}
