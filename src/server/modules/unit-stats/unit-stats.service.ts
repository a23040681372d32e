/**
 * Per-unit dashboard counts, pre-aggregated: the compliance tree, the case dashboard's pledge
 * section and the sosialisasi rates read `unit_campaign_stats` / `unit_announcement_stats` (a few
 * rows per unit) instead of joining every employee to every signature or receipt on each request.
 *
 * Freshness: triggers note every write to employees, units, campaigns, signatures, announcements and
 * receipts (`unit_stats_change`); the job refreshes the changed scopes of each changed tenant every
 * minute. A reader whose scope has pending changes refreshes it at once when that is cheap (the
 * scope targets at most LIVE_REFRESH_MAX_TARGETED employees: a small Pemda, every test) or when the
 * caller needs exact figures (exports, recaps); otherwise it shows the rows with their time
 * ("Data per 10:32 WIB"), at most a minute old. Drill-down lists (who has not signed) stay live.
 */
import type { Db } from '../../db/client.js';
import {
  deleteScopeState,
  listKnownScopes,
  listMissingLiveScopes,
  lockTenantStats,
  readFreshness,
  replaceAnnouncementStats,
  replaceCampaignStats,
  saveScopeState,
  takeChanges,
} from './unit-stats.repository.js';

/**
 * Up to this many targeted employees a reader refreshes a changed scope itself (~10–20 ms of
 * database work): the numbers are live to the second. Above it the minute job does the work.
 */
export const LIVE_REFRESH_MAX_TARGETED = 2_000;

export const campaignScope = (campaignId: string) => `campaign:${campaignId}`;
export const announcementScope = (announcementId: string) => `announcement:${announcementId}`;

/**
 * Recomputes, in one transaction, every known scope a pending change touches plus `alsoScopes`
 * (asked for but never computed, or ahead of use by the job). Returns the scopes recomputed.
 */
export async function refreshUnitStats(db: Db, tenantId: string, alsoScopes: readonly string[] = []): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lockTenantStats(tx, tenantId);
    // Delete first: a write committing after this statement keeps its change row for the next refresh,
    // and every later statement here sees at least what this one saw.
    const changes = await takeChanges(tx, tenantId);
    const known = await listKnownScopes(tx, tenantId);
    const scopes = new Set(alsoScopes);
    for (const s of known) if (changes.has('*') || changes.has(s)) scopes.add(s);
    for (const scope of scopes) {
      const started = performance.now();
      const [kind, id] = scope.split(':') as [string, string];
      const total = kind === 'campaign' ? await replaceCampaignStats(tx, tenantId, id) : await replaceAnnouncementStats(tx, tenantId, id);
      if (total === null) await deleteScopeState(tx, tenantId, scope);
      else await saveScopeState(tx, tenantId, scope, total, Math.round(performance.now() - started));
    }
    return [...scopes];
  });
}

/** The job's work for one tenant: changed scopes, and open campaigns / recent announcements not computed yet. */
export async function refreshTenantUnitStats(db: Db, tenantId: string): Promise<string[]> {
  return refreshUnitStats(db, tenantId, await listMissingLiveScopes(db, tenantId));
}

/**
 * Makes a scope's rows usable and says when they were computed: computed now when they never were,
 * or when changed and cheap (or `exact` is asked); otherwise as they stand (the job catches up).
 */
export async function freshUnitStats(db: Db, tenantId: string, scope: string, options: { exact?: boolean } = {}): Promise<Date> {
  const f = await readFreshness(db, tenantId, scope);
  const mustRefresh = f.computedAt === null || (f.hasChanges && (options.exact || f.targetTotal <= LIVE_REFRESH_MAX_TARGETED));
  if (!mustRefresh) return f.computedAt!;
  await refreshUnitStats(db, tenantId, f.computedAt === null ? [scope] : []);
  return (await readFreshness(db, tenantId, scope)).computedAt ?? new Date();
}
