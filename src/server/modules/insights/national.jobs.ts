/**
 * The refresh of the national roll-up's daily rows: a job per tenant (idempotent: it replaces the
 * tenant's rows of today), fanned out from a job without a tenant. Queued every hour by the
 * scheduler, after an employee import (a bulk change), and by hand by the platform operator.
 */
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { activeTenantIds } from './national.repository.js';
import { refreshTenantStats } from './national.service.js';

export const NATIONAL_REFRESH_JOB = 'insights.national_refresh';
const Payload = z.object({ tenantId: z.uuid().optional() });

/** How often the scheduler refreshes every tenant (the figures are at most this old, or a bulk change younger). */
export const NATIONAL_REFRESH_INTERVAL_MS = 60 * 60_000;

export function registerNationalJobs(deps: AppDeps): void {
  deps.jobs.register(NATIONAL_REFRESH_JOB, async (payload) => {
    const { tenantId } = Payload.parse(payload);
    if (tenantId) {
      await refreshTenantStats(deps.db, tenantId);
      return;
    }
    for (const id of await activeTenantIds(deps.db)) await deps.jobs.enqueue(NATIONAL_REFRESH_JOB, { tenantId: id });
  });
}

/** Queues the refresh of one tenant, or of every active tenant. */
export async function enqueueNationalRefresh(deps: AppDeps, tenantId?: string): Promise<void> {
  await deps.jobs.enqueue(NATIONAL_REFRESH_JOB, tenantId ? { tenantId } : {});
}

/** POST /insights/national/refresh: the platform operator refreshes every tenant now (audited). */
export async function refreshNationalByHand(deps: AppDeps, ctx: RequestContext): Promise<{ tenants: number }> {
  requireScope(ctx.actor, 'oversight.manage');
  const tenants = (await activeTenantIds(deps.db)).length;
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'insights.national.refresh', entityType: 'tenant', entityId: ctx.tenantId, after: { tenants } }));
  await enqueueNationalRefresh(deps);
  return { tenants };
}
