/**
 * Screening a capture: the tenant's current watchlist for the capture's election (the contest's own,
 * else the event-wide one), the screener's score, signals, pair and reasons, and the catalogue item
 * Netra proposes (kode etik before the contest's penetapan calon, disiplin on/after it). The result
 * is stored with the model version and the watchlist version, so the score can be reproduced.
 */
import { createHash } from 'node:crypto';
import type { CaptureActKind } from '../../../shared/contracts/monitoring.contract.js';
import type { CatalogueList, Tier } from '../../../shared/case-workflow.js';
import { loadScreener, ScreenerInputError, type ActKind as ScreenerActKind, type Screener } from '../../../screener/screener.js';
import { parseWatchlist, type Watchlist } from '../../../screener/watchlist.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { localIsoDate } from '../../lib/dates.js';
import { proposeItem } from '../catalogue/catalogue.service.js';
import type { StoredReason } from '../../db/schema/monitoring.js';
import { findCurrentWatchlist, watchlistScopeKey } from './monitoring.repository.js';

let screener: Screener | null = null;

/** The screener with the committed models, loaded once per process (no download, CPU only). */
export function getScreener(): Screener {
  screener ??= loadScreener();
  return screener;
}

export const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The capture's act in the screener's and the catalogue's vocabularies. */
const SCREENER_ACT: Record<CaptureActKind, ScreenerActKind> = { post: 'post', comment: 'comment', like: 'like', share: 'share', follow_join_group: 'follow', photo_gesture: 'photo_gesture' };
/** Catalogue act kinds (the report vocabulary): a photo with a gesture is KE-5/D-7, the rest KE-4/D-6. */
export const catalogueActKind = (a: CaptureActKind) => (a === 'photo_gesture' ? 'foto_gestur' : 'kampanye_media_sosial') as 'foto_gestur' | 'kampanye_media_sosial';

/** Rules whose hit alone makes a post partisan enough to suggest a catalogue item. */
const PARTISAN_RULES = new Set(['vote_call', 'gesture', 'campaign_event', 'campaign_hashtag', 'campaign_account', 'slogan']);
/** Partisanship (0–100) from which an item is suggested (the screener explains signals from 50). */
const ITEM_FROM_PARTISAN = 50;

export interface ScoringInput {
  text: string;
  postedAt: Date;
  actKind: CaptureActKind;
  electionEventId: string | null;
  electionContestId: string | null;
}

export interface Scored {
  watchlistId: string | null;
  score: number;
  signals: { partisan: number; hate: number; abusive: number; hoax: number };
  pair: number | null;
  pairLabel: string | null;
  itemCode: string | null;
  itemList: CatalogueList | null;
  itemTier: Tier | null;
  itemReason: string | null;
  reasons: StoredReason[];
  modelVersion: string;
}

/**
 * Scores captures of one tenant; caches the watchlists and catalogue proposals it looks up, so a bulk
 * import of thousands of rows makes a handful of queries. Use one per transaction.
 */
export class CaptureScorer {
  private readonly watchlists = new Map<string, { id: string; watchlist: Watchlist } | null>();
  private readonly proposals = new Map<string, Pick<Scored, 'itemCode' | 'itemList' | 'itemTier' | 'itemReason'>>();

  constructor(
    private readonly db: DbOrTx,
    private readonly tenantId: string,
    private readonly timeZone: string,
  ) {}

  /** The watchlist that applies: the contest's own, else the event-wide one, else none. */
  async watchlistFor(eventId: string | null, contestId: string | null): Promise<{ id: string; watchlist: Watchlist } | null> {
    if (!eventId) return null;
    const key = watchlistScopeKey(eventId, contestId);
    if (!this.watchlists.has(key)) {
      const row = (contestId ? await findCurrentWatchlist(this.db, this.tenantId, key) : undefined) ?? (await findCurrentWatchlist(this.db, this.tenantId, watchlistScopeKey(eventId, null)));
      this.watchlists.set(key, row ? { id: row.w.id, watchlist: parseWatchlist(row.w.document) } : null);
    }
    return this.watchlists.get(key)!;
  }

  private async proposal(actKind: CaptureActKind, actDate: string, contestId: string | null) {
    const key = `${actKind}|${actDate}|${contestId ?? ''}`;
    let found = this.proposals.get(key);
    if (!found) {
      try {
        const p = await proposeItem(this.db, this.tenantId, { actKind: catalogueActKind(actKind), actDate, contestId });
        found = { itemCode: p.itemCode, itemList: p.list, itemTier: p.tier, itemReason: p.reason };
      } catch (error) {
        // A deleted contest or a tenant without a catalogue: no suggestion rather than no capture.
        if (!(error instanceof AppError)) throw error;
        found = { itemCode: null, itemList: null, itemTier: null, itemReason: null };
      }
      this.proposals.set(key, found);
    }
    return found;
  }

  /** Screens one text; a text the screener refuses (empty, binary, too long) throws ScreenerInputError. */
  async score(input: ScoringInput): Promise<Scored> {
    const applied = await this.watchlistFor(input.electionEventId, input.electionContestId);
    const result = getScreener().screen({ id: 'capture', text: input.text, posted_at: input.postedAt.toISOString() }, applied?.watchlist ?? null, { actKind: SCREENER_ACT[input.actKind] });
    const isPartisan = result.signals.partisan >= ITEM_FROM_PARTISAN || result.reasons.some((r) => PARTISAN_RULES.has(r.rule));
    const item = isPartisan ? await this.proposal(input.actKind, localIsoDate(input.postedAt, this.timeZone), input.electionContestId) : null;
    return {
      watchlistId: applied?.id ?? null,
      score: result.score,
      signals: { ...result.signals },
      pair: result.pair ?? null,
      pairLabel: result.pair_label ?? null,
      itemCode: item?.itemCode ?? null,
      itemList: item?.itemList ?? null,
      itemTier: item?.itemTier ?? null,
      itemReason: item?.itemReason ?? null,
      reasons: result.reasons.map((r) => ({ signal: r.signal, start: r.start, end: r.end, text: r.text, why: r.why, rule: r.rule })),
      modelVersion: result.model_version,
    };
  }
}

/** A screener refusal as a field error on `text`, with the screener's Indonesian message. */
export function textError(error: unknown): AppError | null {
  if (error instanceof ScreenerInputError) return new AppError('VALIDATION_FAILED', { text: error.message }, `Teks unggahan tidak dapat diproses: ${error.message}.`);
  return null;
}
