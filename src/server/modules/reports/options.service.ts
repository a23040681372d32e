/** Public form options: the instansi's elections (names only) and the evidence limits. */
import type { AppDeps } from '../../deps.js';
import { listContests, listEvents } from '../elections/elections.repository.js';
import { resolveTenantForSignIn } from '../tenants/tenants.service.js';
import { EVIDENCE_TYPES } from './evidence.js';

export async function getPublicReportOptions(deps: AppDeps, tenantSlug: string | undefined) {
  const tenant = await resolveTenantForSignIn(deps.db, tenantSlug);
  const events = await listEvents(deps.db, tenant.id);
  const contests = await listContests(deps.db, tenant.id, events.map((e) => e.id));
  return {
    elections: events.map((e) => ({ id: e.id, name: e.name, contests: contests.filter((c) => c.eventId === e.id).map((c) => ({ id: c.id, name: c.name })) })),
    limits: { maxFiles: deps.config.REPORT_MAX_FILES, maxFileBytes: deps.config.REPORT_FILE_MAX_BYTES, maxTotalBytes: deps.config.REPORT_TOTAL_MAX_BYTES, types: [...EVIDENCE_TYPES] },
  };
}
