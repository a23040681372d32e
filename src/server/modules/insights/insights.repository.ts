/**
 * The only SQL of the insights module: aggregates over cases, their subjects and events, and reports.
 * Nothing here returns a name: rows are counts grouped by coarse keys.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BroadType, Outcome } from '../../../shared/contracts/insights.contract.js';
import type { DbOrTx } from '../../db/client.js';

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Where a subject stands (mutually exclusive; see OUTCOMES). */
const SUBJECT_OUTCOME = sql`case when s.sanction is not null then 'sanctioned'
                                 when s.finding = 'proven' then 'proven'
                                 when s.finding = 'not_proven' or c.state = 'closed' then 'stopped'
                                 else 'examining' end`;

/** The catalogue list of a subject's item, as a broad type (PP 94 items are discipline). */
const SUBJECT_BROAD_TYPE = sql`case vi.list when 'kode_etik' then 'kode_etik' when 'disiplin' then 'disiplin' when 'pp94' then 'disiplin' else 'lainnya' end`;

export interface CaseFilter {
  tenantId: string;
  eventId?: string | null;
  /** Received on or after (YYYY-MM-DD). */
  from?: string | null;
  /** Received on or before (YYYY-MM-DD). */
  to?: string | null;
  /** Only subjects in units whose path starts with this (a unit subtree). */
  unitPath?: string | null;
  /** Number of segments of the path the unit breakdown groups under (its children are the groups). */
  groupDepth?: number;
  timeZone: string;
}

/**
 * One row per reported person in a case (a case without subjects yet counts as one unknown person),
 * with the day the matter came in: the first linked report's receipt day, else the day the case was
 * registered. Merged cases are left out (their reports and subjects live on in the target case).
 */
export function casePersonsSql(f: CaseFilter): SQL {
  const where: SQL[] = [sql`c.tenant_id = ${f.tenantId}`, sql`c.merged_into is null`];
  if (f.eventId) where.push(sql`c.election_event_id = ${f.eventId}`);
  if (f.unitPath) where.push(sql`u.path like ${f.unitPath + '%'}`);
  const filtered = sql`select * from persons p where true${f.from ? sql` and p.received_on >= ${f.from}::date` : sql``}${f.to ? sql` and p.received_on <= ${f.to}::date` : sql``}`;
  return sql`
    with current_catalogue as (select id from violation_catalogue where tenant_id = ${f.tenantId} and is_current limit 1),
    persons as (
      select c.id as case_id, c.state, c.origin, c.due_on, c.ppk_name, c.recommended_at, c.decided_at,
             s.id as subject_id, s.item_code, s.unit_id, s.jabatan_class, s.category,
             ${f.groupDepth ? sql`nullif(split_part(u.path, '/', ${f.groupDepth + 2}), '')` : sql`null`} as group_unit_id,
             ${SUBJECT_OUTCOME} as outcome, ${SUBJECT_BROAD_TYPE} as broad_type,
             coalesce((select min(r.received_on) from report r where r.tenant_id = c.tenant_id and r.case_id = c.id),
                      (c.created_at at time zone ${f.timeZone})::date) as received_on
      from case_file c
      left join case_subject s on s.tenant_id = c.tenant_id and s.case_id = c.id
      left join violation_item vi on vi.tenant_id = c.tenant_id and vi.code = s.item_code
                                 and vi.catalogue_id = coalesce(c.catalogue_id, (select id from current_catalogue))
      left join unit u on u.tenant_id = s.tenant_id and u.id = s.unit_id
      where ${sql.join(where, sql` and `)})
    ${filtered}`;
}

export interface TransparencyRow {
  broadType: BroadType;
  outcome: Outcome;
  /** YYYY-MM of receipt. */
  month: string;
  n: number;
}

/**
 * The public figures of one election: persons in cases plus reports not (yet) turned into a case
 * (one reported person each, not yet classified), grouped by broad type, outcome and month.
 * Duplicate reports are left out; a report rejected or closed at triage counts as stopped.
 */
export async function transparencyRows(db: DbOrTx, tenantId: string, eventId: string, timeZone: string): Promise<TransparencyRow[]> {
  const result = await db.execute(sql`
    with case_persons as (${casePersonsSql({ tenantId, eventId, timeZone })}),
    all_persons as (
      select broad_type, outcome, received_on from case_persons
      union all
      select 'lainnya', case when r.status in ('ditolak', 'selesai') then 'stopped' else 'examining' end, r.received_on
      from report r
      where r.tenant_id = ${tenantId} and r.election_event_id = ${eventId} and r.case_id is null and r.status <> 'duplikat')
    select broad_type as "broadType", outcome, to_char(received_on, 'YYYY-MM') as month, count(*)::int as n
    from all_persons group by 1, 2, 3 order by 3, 1, 2`);
  return rowsOf<TransparencyRow>(result).map((r) => ({ ...r, n: Number(r.n) }));
}

/** One reported person of a case: coarse keys only (no name, no case number). */
export interface CaseFactRow {
  caseId: string;
  state: string;
  origin: string;
  dueOn: string | null;
  ppkName: string | null;
  recommendedAt: Date | null;
  decidedAt: Date | null;
  /** Null for a case without subjects yet. */
  subjectId: string | null;
  itemCode: string | null;
  broadType: BroadType;
  /** The child of the scope unit the subject's unit lies under; null when placed in the scope unit itself or unknown. */
  groupUnitId: string | null;
  hasUnit: boolean;
  jabatanClass: string | null;
  category: string | null;
  /** YYYY-MM-DD the matter came in. */
  receivedOn: string;
}

/** Every reported person of the cases matching the dashboard filters (a few thousand rows per Pemda at most). */
export async function caseFacts(db: DbOrTx, f: CaseFilter): Promise<CaseFactRow[]> {
  const result = await db.execute(sql`
    select case_id as "caseId", state, origin, to_char(due_on, 'YYYY-MM-DD') as "dueOn", ppk_name as "ppkName",
           recommended_at as "recommendedAt", decided_at as "decidedAt", subject_id as "subjectId", item_code as "itemCode",
           broad_type as "broadType", group_unit_id as "groupUnitId", unit_id is not null as "hasUnit",
           jabatan_class as "jabatanClass", category, to_char(received_on, 'YYYY-MM-DD') as "receivedOn"
    from (${casePersonsSql(f)}) p`);
  return rowsOf<CaseFactRow>(result).map((r) => ({
    ...r,
    recommendedAt: r.recommendedAt ? new Date(r.recommendedAt) : null,
    decidedAt: r.decidedAt ? new Date(r.decidedAt) : null,
  }));
}

export interface TransitionRow {
  caseId: string;
  toState: string;
  at: Date;
}

/** The state changes of the matching cases in order (created → registered, then every step). */
export async function caseTransitions(db: DbOrTx, f: CaseFilter): Promise<TransitionRow[]> {
  const result = await db.execute(sql`
    select e.case_id as "caseId", e.to_state as "toState", e.at
    from case_event e
    where e.tenant_id = ${f.tenantId} and e.to_state is not null
      and e.case_id in (select case_id from (${casePersonsSql(f)}) p)
    order by e.case_id, e.seq`);
  return rowsOf<TransitionRow>(result).map((r) => ({ ...r, at: new Date(r.at) }));
}

/** Names of the units directly below `parentId` (the groups of the unit breakdown). */
export async function childUnits(db: DbOrTx, tenantId: string, parentId: string): Promise<{ id: string; name: string }[]> {
  const result = await db.execute(sql`select id, name from unit where tenant_id = ${tenantId} and parent_id = ${parentId} order by name`);
  return rowsOf<{ id: string; name: string }>(result);
}

/** The current catalogue's items (code, list, act) in catalogue order. */
export async function currentItems(db: DbOrTx, tenantId: string): Promise<{ code: string; list: string; act: string }[]> {
  const result = await db.execute(sql`
    select i.code, i.list, i.act from violation_item i
    join violation_catalogue c on c.tenant_id = i.tenant_id and c.id = i.catalogue_id and c.is_current
    where i.tenant_id = ${tenantId}
    order by case i.list when 'kode_etik' then 1 when 'disiplin' then 2 else 3 end, i.ordinal`);
  return rowsOf<{ code: string; list: string; act: string }>(result);
}
