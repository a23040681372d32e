/**
 * Watchlists per election (event, optionally one contest) in the documented JSON format
 * `netra.watchlist/v1` (docs/MONITORING.md), validated by the screener's own schema. Every save is a
 * new version that becomes current; older versions stay, so a capture's score can be reproduced with
 * the version it was screened with. Import and export are the same JSON.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { WatchlistSaveBody, WatchlistView } from '../../../shared/contracts/monitoring.contract.js';
import { compileWatchlist, parseWatchlist, WatchlistError, type Watchlist } from '../../../screener/watchlist.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findContest, findEvent } from '../elections/elections.repository.js';
import { presentWatchlistSummary } from './monitoring.presenter.js';
import {
  clearCurrentWatchlist,
  findCurrentWatchlist,
  findWatchlist,
  insertWatchlist,
  listWatchlists,
  lockWatchlistScope,
  maxWatchlistVersion,
  watchlistScopeKey,
  type WatchlistWithNames,
} from './monitoring.repository.js';

type View = z.infer<typeof WatchlistView>;

/** Validates a watchlist document with the screener's schema; every problem is listed in Indonesian. */
export function validateWatchlist(document: unknown): Watchlist {
  try {
    return parseWatchlist(document);
  } catch (error) {
    if (error instanceof WatchlistError) throw new AppError('WATCHLIST_INVALID', { issues: error.issues }, `Format watchlist tidak valid: ${error.issues.slice(0, 3).join('; ')}${error.issues.length > 3 ? ` (dan ${error.issues.length - 3} masalah lain)` : ''}.`);
    throw error;
  }
}

async function viewOf(db: DbOrTx, tenantId: string, row: WatchlistWithNames): Promise<View> {
  const watchlist = parseWatchlist(row.w.document);
  const warnings = [...compileWatchlist(watchlist).warnings];
  if (row.w.electionContestId) {
    const contest = await findContest(db, tenantId, row.w.electionContestId);
    const inDoc = watchlist.election.penetapan_calon_on;
    if (contest && inDoc && inDoc !== contest.penetapanCalonOn) {
      warnings.push(`Tanggal penetapan calon di watchlist (${inDoc}) berbeda dengan data pemilihan (${contest.penetapanCalonOn}); usulan item katalog memakai data pemilihan.`);
    }
  }
  return { ...presentWatchlistSummary(row), warnings, document: row.w.document };
}

/** Current watchlists (or, with `history`, every version) of the tenant, optionally of one event. */
export async function listWatchlistsFor(db: Db, ctx: RequestContext, q: { electionEventId?: string; electionContestId?: string; history?: boolean }) {
  requireScope(ctx.actor, 'monitoring.read');
  const rows = await listWatchlists(db, ctx.tenantId, { scopeKey: q.electionEventId ? watchlistScopeKey(q.electionEventId, q.electionContestId) : undefined, history: q.history });
  return { items: rows.map(presentWatchlistSummary) };
}

/** The current watchlist of an event or contest (404 when there is none yet). */
export async function getCurrentWatchlist(db: Db, ctx: RequestContext, electionEventId: string, electionContestId?: string | null): Promise<View> {
  requireScope(ctx.actor, 'monitoring.read');
  const row = await findCurrentWatchlist(db, ctx.tenantId, watchlistScopeKey(electionEventId, electionContestId));
  if (!row) throw notFound({ watchlist: 'belum ada watchlist untuk pemilihan ini' });
  return viewOf(db, ctx.tenantId, row);
}

export async function getWatchlistVersion(db: Db, ctx: RequestContext, id: string): Promise<View> {
  requireScope(ctx.actor, 'monitoring.read');
  const row = await findWatchlist(db, ctx.tenantId, id);
  if (!row) throw notFound({ watchlistId: id });
  return viewOf(db, ctx.tenantId, row);
}

/** The document of a version as a JSON file (the same format the import accepts). */
export async function exportWatchlist(db: Db, ctx: RequestContext, id: string): Promise<{ fileName: string; json: string }> {
  const view = await getWatchlistVersion(db, ctx, id);
  const slug = view.electionName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'pemilihan';
  // Re-parsed so the keys come out in the documented order (jsonb stores them in its own order).
  return { fileName: `watchlist-${slug}-v${view.version}.json`, json: `${JSON.stringify(parseWatchlist(view.document), null, 2)}\n` };
}

/**
 * Saves (or imports) a watchlist: validated, stored as the next version and made current, audited.
 * A document identical to the current version changes nothing (importing an export is idempotent).
 * Without a date in the document, the contest's penetapan calon date is filled in.
 */
export async function saveWatchlist(db: Db, ctx: RequestContext, body: z.infer<typeof WatchlistSaveBody>): Promise<View> {
  requireScope(ctx.actor, 'monitoring.watchlist');
  const event = await findEvent(db, ctx.tenantId, body.electionEventId);
  if (!event) throw new AppError('VALIDATION_FAILED', { electionEventId: 'Pemilihan tidak ditemukan.' });
  const contestId = body.electionContestId ?? null;
  let penetapan: string | null = null;
  if (contestId) {
    const contest = await findContest(db, ctx.tenantId, contestId);
    if (!contest || contest.eventId !== event.id) throw new AppError('VALIDATION_FAILED', { electionContestId: 'Kontestasi tidak termasuk pemilihan ini.' });
    penetapan = contest.penetapanCalonOn;
  }
  const parsed = validateWatchlist(body.document);
  const document: Watchlist = penetapan && !parsed.election.penetapan_calon_on ? { ...parsed, election: { ...parsed.election, penetapan_calon_on: penetapan } } : parsed;
  const json = canonicalJson(document);
  const sha256 = createHash('sha256').update(json).digest('hex');
  const scopeKey = watchlistScopeKey(event.id, contestId);
  const id = await db.transaction(async (tx) => {
    await lockWatchlistScope(tx, ctx.tenantId, scopeKey);
    const previous = await findCurrentWatchlist(tx, ctx.tenantId, scopeKey);
    if (previous && previous.w.sha256 === sha256) return previous.w.id;
    const version = (await maxWatchlistVersion(tx, ctx.tenantId, scopeKey)) + 1;
    await clearCurrentWatchlist(tx, ctx.tenantId, scopeKey);
    const created = await insertWatchlist(tx, {
      tenantId: ctx.tenantId,
      electionEventId: event.id,
      electionContestId: contestId,
      scopeKey,
      version,
      isCurrent: true,
      document: JSON.parse(json) as Record<string, unknown>,
      sha256,
      note: body.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'monitoring.watchlist.save',
      entityType: 'monitoring_watchlist',
      entityId: created.id,
      before: previous ? { id: previous.w.id, version: previous.w.version, sha256: previous.w.sha256 } : null,
      after: { electionEventId: event.id, electionContestId: contestId, version, sha256, note: body.note ?? null, document },
    });
    return created.id;
  });
  return getWatchlistVersion(db, ctx, id);
}
