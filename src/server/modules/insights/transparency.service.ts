/**
 * The public transparency page (no account): per election, how many people were reported, how many
 * are still being handled, proven and sanctioned, by broad violation type and by month. Never a
 * name, never a unit; counts below 5 are suppressed (suppression.ts).
 */
import type { TransparencyViewT } from '../../../shared/contracts/insights.contract.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/app-error.js';
import { localIsoDate } from '../../lib/dates.js';
import { listEvents } from '../elections/elections.repository.js';
import { resolveTenantForSignIn } from '../tenants/tenants.service.js';
import { transparencyRows } from './insights.repository.js';
import { DEFAULT_THRESHOLD } from './suppression.js';
import { buildTransparencyTables } from './transparency.tables.js';

/** GET /public/transparency: the election asked for, or the most recent one. */
export async function getTransparency(deps: AppDeps, query: { tenant?: string; event?: string }, now = new Date()): Promise<TransparencyViewT> {
  const tenant = await resolveTenantForSignIn(deps.db, query.tenant);
  const events = await listEvents(deps.db, tenant.id);
  const event = query.event ? events.find((e) => e.id === query.event) : events[0];
  if (query.event && !event) throw notFound({ event: query.event });
  const rows = event ? await transparencyRows(deps.db, tenant.id, event.id, tenant.timezone) : [];
  return {
    tenant: { slug: tenant.slug, name: tenant.name },
    events: events.map((e) => ({ id: e.id, name: e.name })),
    event: event ? { id: event.id, name: event.name } : null,
    asOf: localIsoDate(now, tenant.timezone),
    threshold: DEFAULT_THRESHOLD,
    ...buildTransparencyTables(rows, DEFAULT_THRESHOLD),
  };
}
