/**
 * SQL for the monitoring part of the dashboard: captures counted by review status, risk band and
 * week of capture. No text, handle or name leaves this query.
 */
import { sql, type SQL } from 'drizzle-orm';
import { RISK_BANDS } from '../../../shared/contracts/monitoring.contract.js';
import type { DbOrTx } from '../../db/client.js';

export interface MonitoringFilter {
  tenantId: string;
  eventId?: string | null;
  /** Captured on or after / on or before (YYYY-MM-DD in the instansi's zone). */
  from?: string | null;
  to?: string | null;
  /** Only captures linked to an employee in this unit subtree. */
  unitPath?: string | null;
  timeZone: string;
}

export interface MonitoringCountRow {
  reviewStatus: string;
  band: 'high' | 'medium' | 'low';
  /** Monday of the capture's week, YYYY-MM-DD. */
  week: string;
  captured: number;
  casesOpened: number;
  /** Oldest capture still pending in this group (for the queue's age). */
  oldestPendingAt: Date | null;
}

export async function monitoringCounts(db: DbOrTx, f: MonitoringFilter): Promise<MonitoringCountRow[]> {
  const localDay = sql`(sc.captured_at at time zone ${f.timeZone})::date`;
  const where: SQL[] = [sql`sc.tenant_id = ${f.tenantId}`];
  if (f.eventId) where.push(sql`sc.election_event_id = ${f.eventId}`);
  if (f.from) where.push(sql`${localDay} >= ${f.from}::date`);
  if (f.to) where.push(sql`${localDay} <= ${f.to}::date`);
  if (f.unitPath) where.push(sql`u.path like ${f.unitPath + '%'}`);
  const join = f.unitPath
    ? sql`join employee e on e.tenant_id = sc.tenant_id and e.id = sc.employee_id join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id`
    : sql``;
  const result = await db.execute(sql`
    select sc.review_status as "reviewStatus",
           case when sc.score >= ${RISK_BANDS.high} then 'high' when sc.score >= ${RISK_BANDS.medium} then 'medium' else 'low' end as band,
           to_char(date_trunc('week', ${localDay}), 'YYYY-MM-DD') as week,
           count(*)::int as captured,
           count(sc.case_id)::int as "casesOpened",
           min(sc.captured_at) filter (where sc.review_status = 'pending') as "oldestPendingAt"
    from social_capture sc ${join}
    where ${sql.join(where, sql` and `)}
    group by 1, 2, 3`);
  return (result as unknown as { rows: MonitoringCountRow[] }).rows.map((r) => ({ ...r, oldestPendingAt: r.oldestPendingAt ? new Date(r.oldestPendingAt) : null }));
}
