/**
 * The per-unit dashboard counts' refresh: every minute the scheduler queues one job without a
 * tenant, which fans out one job per tenant with pending changes (or an open campaign / a recent
 * announcement never computed). Idempotent: a refresh replaces the scope's rows; two at once for
 * one tenant are serialised by its advisory lock.
 */
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { listChangedTenantIds, listTenantsWithMissingScopes } from './unit-stats.repository.js';
import { refreshTenantUnitStats } from './unit-stats.service.js';

export const UNIT_STATS_REFRESH_JOB = 'insights.unit_stats_refresh';
const Payload = z.object({ tenantId: z.uuid().optional() });

/** How old the dashboards of a large Pemda may get during a signing morning. */
export const UNIT_STATS_REFRESH_INTERVAL_MS = 60_000;

export function registerUnitStatsJobs(deps: AppDeps): void {
  deps.jobs.register(UNIT_STATS_REFRESH_JOB, async (payload) => {
    const { tenantId } = Payload.parse(payload);
    if (tenantId) {
      await refreshTenantUnitStats(deps.db, tenantId);
      return;
    }
    const tenants = new Set([...(await listChangedTenantIds(deps.db)), ...(await listTenantsWithMissingScopes(deps.db))]);
    for (const id of tenants) await deps.jobs.enqueue(UNIT_STATS_REFRESH_JOB, { tenantId: id });
  });
}

/** Queues the refresh of every tenant with pending changes. */
export async function enqueueUnitStatsRefresh(deps: AppDeps): Promise<void> {
  await deps.jobs.enqueue(UNIT_STATS_REFRESH_JOB, {});
}
