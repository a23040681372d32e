/**
 * The retention run: every tenant, every rule (retention.service.ts). Called by the scheduler on each
 * tick (jobs/scheduler.ts) and by tests with a chosen clock, like `runEscalations`. Idempotent: what
 * was erased carries a tombstone and is not looked at again.
 */
import type { AppDeps } from '../../deps.js';
import { applyRetention, emptyResult, type RetentionResult } from './retention.service.js';
import { listTenantsForRetention } from './retention.repository.js';

export async function runRetention(deps: AppDeps, now = new Date()): Promise<RetentionResult> {
  const total = emptyResult();
  for (const t of await listTenantsForRetention(deps.db)) {
    const r = await applyRetention(deps, t, now);
    for (const key of Object.keys(total) as (keyof RetentionResult)[]) total[key] += r[key];
  }
  return total;
}

/** True when a run changed anything (the scheduler logs only then). */
export const changedAnything = (r: RetentionResult) => Object.values(r).some((n) => n > 0);
