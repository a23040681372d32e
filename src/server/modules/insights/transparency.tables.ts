/**
 * The public tables of one election, suppressed as one linked set: type × outcome and month × type
 * share the per-type totals and the grand total, and the headline "proven" is the sum of two outcome
 * totals, so no published number can be subtracted from another to uncover a count below 5.
 * Pure: rows in, the published view out.
 */
import { BROAD_TYPES, OUTCOMES, type BroadType, type CellT, type Outcome, type TransparencyViewT } from '../../../shared/contracts/insights.contract.js';
import { crossTable, linkTables, suppress } from './suppression.js';
import type { TransparencyRow } from './insights.repository.js';

/** Every month from the first to the last (YYYY-MM), so quiet months show as well. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

type Tables = Pick<TransparencyViewT, 'headline' | 'byType' | 'byMonth'>;

export function buildTransparencyTables(rows: readonly TransparencyRow[], threshold: number): Tables {
  const sorted = rows.map((r) => r.month).sort();
  const months = sorted.length ? monthRange(sorted[0]!, sorted[sorted.length - 1]!) : [];
  const count = (f: (r: TransparencyRow) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
  const byType = BROAD_TYPES.map((t) => OUTCOMES.map((o) => count((r) => r.broadType === t && r.outcome === o)));
  const byMonth = months.map((m) => BROAD_TYPES.map((t) => count((r) => r.month === m && r.broadType === t)));
  const typeTotal = (t: string) => `type:${t}`;
  const table = linkTables(
    crossTable({ id: 'o', rows: BROAD_TYPES, cols: OUTCOMES, values: byType, rowTotalId: typeTotal, colTotalId: (o) => `outcome:${o}`, totalId: 'all' }),
    crossTable({ id: 'm', rows: months, cols: BROAD_TYPES, values: byMonth, rowTotalId: (m) => `month:${m}`, colTotalId: typeTotal, totalId: 'all' }),
    { cells: { proven_all: count((r) => r.outcome === 'proven' || r.outcome === 'sanctioned') }, lines: [{ total: 'proven_all', parts: ['outcome:proven', 'outcome:sanctioned'] }] },
  );
  const out = suppress(table, threshold);
  const cell = (id: string): CellT => out[id]!;
  const proven = cell('proven_all');
  const sanctioned = cell('outcome:sanctioned');
  return {
    headline: {
      received: cell('all'),
      examining: cell('outcome:examining'),
      proven,
      sanctioned,
      // A rate of two published counts discloses nothing new; with either one hidden it would.
      followUpRate: proven.value && sanctioned.value !== null ? sanctioned.value / proven.value : null,
    },
    byType: {
      rows: BROAD_TYPES.map((t) => ({ type: t, cells: perKey(OUTCOMES, (o) => cell(`o:${t}:${o}`)), total: cell(typeTotal(t)) })),
      totals: perKey(OUTCOMES, (o) => cell(`outcome:${o}`)),
      total: cell('all'),
    },
    byMonth: {
      rows: months.map((m) => ({ month: m, cells: perKey(BROAD_TYPES, (t) => cell(`m:${m}:${t}`)), total: cell(`month:${m}`) })),
      totals: perKey(BROAD_TYPES, (t) => cell(typeTotal(t))),
      total: cell('all'),
    },
  };
}

function perKey<K extends BroadType | Outcome>(keys: readonly K[], f: (k: K) => CellT): Record<K, CellT> {
  return Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, CellT>;
}
