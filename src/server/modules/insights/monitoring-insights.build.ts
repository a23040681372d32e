/**
 * Monitoring queue volume and hit rate from grouped capture counts. Pure, so the figures can be
 * checked against hand-computed fixtures.
 *
 * Hit rate = captures reviewed as relevant ÷ captures reviewed relevant or not relevant (duplicates
 * say nothing about the screener and are left out). Per risk band it shows whether the ranking
 * works: a useful screener has a much higher hit rate in the high band than in the low one.
 */
import type { MonitoringInsightsT } from '../../../shared/contracts/insights.contract.js';
import type { MonitoringCountRow } from './monitoring-insights.repository.js';

const BANDS = ['high', 'medium', 'low'] as const;
const DAY_MS = 86_400_000;

interface Tally {
  captured: number;
  pending: number;
  relevant: number;
  notRelevant: number;
  duplicate: number;
  casesOpened: number;
}

const empty = (): Tally => ({ captured: 0, pending: 0, relevant: 0, notRelevant: 0, duplicate: 0, casesOpened: 0 });

function add(t: Tally, r: MonitoringCountRow): void {
  t.captured += r.captured;
  t.casesOpened += r.casesOpened;
  if (r.reviewStatus === 'pending') t.pending += r.captured;
  if (r.reviewStatus === 'relevant') t.relevant += r.captured;
  if (r.reviewStatus === 'not_relevant') t.notRelevant += r.captured;
  if (r.reviewStatus === 'duplicate') t.duplicate += r.captured;
}

/** Percent with one decimal; null when nothing was judged. */
export function hitRatePct(relevant: number, notRelevant: number): number | null {
  const judged = relevant + notRelevant;
  return judged ? Math.round((relevant * 1000) / judged) / 10 : null;
}

/** Mondays from the first week with a capture to the week of `today`, so quiet weeks show as zero. */
function weeksBetween(first: string, today: string): string[] {
  const out: string[] = [];
  const t = Date.parse(`${today}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
  for (let d = Date.parse(`${first}T00:00:00Z`); d <= monday && out.length < 260; d += 7 * DAY_MS) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

export function buildMonitoringInsights(rows: readonly MonitoringCountRow[], now: Date): MonitoringInsightsT {
  const total = empty();
  const bands = new Map(BANDS.map((b) => [b, empty()]));
  const weeks = new Map<string, Tally>();
  let oldest: Date | null = null;
  for (const r of rows) {
    add(total, r);
    add(bands.get(r.band)!, r);
    if (!weeks.has(r.week)) weeks.set(r.week, empty());
    add(weeks.get(r.week)!, r);
    if (r.oldestPendingAt && (!oldest || r.oldestPendingAt < oldest)) oldest = r.oldestPendingAt;
  }
  const keys = [...weeks.keys()].sort();
  const today = now.toISOString().slice(0, 10);
  const weekKeys = keys.length ? weeksBetween(keys[0]!, today > keys.at(-1)! ? today : keys.at(-1)!) : [];
  return {
    ...total,
    reviewed: total.relevant + total.notRelevant + total.duplicate,
    hitRatePct: hitRatePct(total.relevant, total.notRelevant),
    oldestPendingDays: oldest ? Math.floor((now.getTime() - oldest.getTime()) / DAY_MS) : null,
    byBand: BANDS.map((band) => {
      const t = bands.get(band)!;
      return { band, captured: t.captured, pending: t.pending, relevant: t.relevant, notRelevant: t.notRelevant, hitRatePct: hitRatePct(t.relevant, t.notRelevant) };
    }),
    byWeek: weekKeys.map((week) => {
      const t = weeks.get(week) ?? empty();
      return { week, captured: t.captured, reviewed: t.relevant + t.notRelevant + t.duplicate, relevant: t.relevant };
    }),
  };
}
