import { describe, expect, it } from 'vitest';
import type { TransparencyRow } from './insights.repository.js';
import { buildTransparencyTables, monthRange } from './transparency.tables.js';

const row = (broadType: TransparencyRow['broadType'], outcome: TransparencyRow['outcome'], month: string, n: number): TransparencyRow => ({ broadType, outcome, month, n });

describe('transparency tables', () => {
  it('lists every month from the first to the last, across a year end', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-03', '2026-03')).toEqual(['2026-03']);
  });

  it('shows the follow-up rate when proven and sanctioned are both published', () => {
    const t = buildTransparencyTables(
      [row('disiplin', 'sanctioned', '2026-01', 12), row('disiplin', 'proven', '2026-01', 6), row('kode_etik', 'sanctioned', '2026-01', 8), row('kode_etik', 'proven', '2026-02', 5), row('kode_etik', 'examining', '2026-02', 9), row('disiplin', 'examining', '2026-02', 9)],
      5,
    );
    expect(t.headline.proven).toEqual({ value: 31, suppressed: null });
    expect(t.headline.sanctioned).toEqual({ value: 20, suppressed: null });
    expect(t.headline.followUpRate).toBeCloseTo(20 / 31);
    expect(t.headline.received).toEqual({ value: 49, suppressed: null });
    // The two breakdowns publish the same per-type totals.
    expect(t.byType.rows.map((r) => r.total)).toEqual(['kode_etik', 'disiplin', 'lainnya'].map((k) => t.byMonth.totals[k as 'kode_etik']));
  });

  it('hides the rate with the count it would give away', () => {
    const t = buildTransparencyTables([row('disiplin', 'sanctioned', '2026-01', 12), row('disiplin', 'proven', '2026-01', 2)], 5);
    expect(t.headline.followUpRate).toBeNull();
    expect([t.headline.proven.suppressed, t.headline.sanctioned.suppressed]).toContain('complementary');
  });

  it('gives an empty election empty month rows and "<5" everywhere else', () => {
    const t = buildTransparencyTables([], 5);
    expect(t.byMonth.rows).toEqual([]);
    expect(t.headline.received).toEqual({ value: null, suppressed: 'small' });
    expect(t.headline.followUpRate).toBeNull();
  });
});
