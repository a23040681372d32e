import { describe, expect, it } from 'vitest';
import { prng } from '../../lib/prng.js';
import { crossTable, deducibleBounds, linkTables, suppress, type LinkedTable, type PublishedCell, type SuppressionMark } from './suppression.js';

/** The published grid of a cross table: numbers, "<5" or "x", margins last. */
function grid(t: LinkedTable, out: Record<string, PublishedCell>, id: string, rows: string[], cols: string[]): string[][] {
  const show = (cell: string) => {
    const c = out[cell]!;
    return c.value !== null ? String(c.value) : c.suppressed === 'small' ? '<5' : 'x';
  };
  expect(Object.keys(out).sort()).toEqual(Object.keys(t.cells).sort());
  return [
    ...rows.map((r) => [...cols.map((c) => show(`${id}:${r}:${c}`)), show(`${id}:row:${r}`)]),
    [...cols.map((c) => show(`${id}:col:${c}`)), show(`${id}:all`)],
  ];
}

const table2d = (values: number[][]) => {
  const rows = values.map((_, i) => `r${i}`);
  const cols = values[0]!.map((_, j) => `c${j}`);
  const t = crossTable({ id: 't', rows, cols, values });
  return { t, rows, cols, show: (out = suppress(t)) => grid(t, out, 't', rows, cols) };
};

const marksOf = (out: Record<string, PublishedCell>) => new Map(Object.entries(out).flatMap(([id, c]) => (c.suppressed ? [[id, c.suppressed] as [string, SuppressionMark]] : [])));

/**
 * Exact audit by enumeration (small tables only): every assignment of the suppressed cells that a
 * reader cannot rule out — "<5" cells 0–4, "x" cells 5 or more, all lines adding up — and, per
 * suppressed cell, the set of values it can take. Independent of the propagation in the code.
 */
function feasibleValues(t: LinkedTable, out: Record<string, PublishedCell>, cap: number): Map<string, Set<number>> {
  const hidden = Object.keys(out).filter((id) => out[id]!.suppressed).sort();
  const domain = (id: string) => (out[id]!.suppressed === 'small' ? [0, 1, 2, 3, 4] : Array.from({ length: cap - 4 }, (_, i) => i + 5));
  const seen = new Map(hidden.map((id) => [id, new Set<number>()]));
  const value = new Map<string, number>(Object.entries(out).flatMap(([id, c]) => (c.value !== null ? [[id, c.value] as [string, number]] : [])));
  // Lines checked as soon as all their cells have a value, so the search stays small.
  const ready = (line: LinkedTable['lines'][number]) => [line.total, ...line.parts].every((id) => value.has(id));
  const holds = (line: LinkedTable['lines'][number]) => value.get(line.total) === line.parts.reduce((s, id) => s + value.get(id)!, 0);
  const visit = (i: number) => {
    if (!t.lines.every((l) => !ready(l) || holds(l))) return;
    if (i === hidden.length) {
      for (const id of hidden) seen.get(id)!.add(value.get(id)!);
      return;
    }
    for (const v of domain(hidden[i]!)) {
      value.set(hidden[i]!, v);
      visit(i + 1);
    }
    value.delete(hidden[i]!);
  };
  visit(0);
  return seen;
}

describe('suppress: primary suppression', () => {
  it('publishes a table with no count below 5 unchanged', () => {
    const { show } = table2d([
      [5, 12],
      [9, 30],
    ]);
    expect(show()).toEqual([
      ['5', '12', '17'],
      ['9', '30', '39'],
      ['14', '42', '56'],
    ]);
  });

  it('shows every count below 5 as "<5", zero included', () => {
    const t = { cells: { a: 0, b: 4, c: 5 }, lines: [] };
    expect(suppress(t)).toEqual({ a: { value: null, suppressed: 'small' }, b: { value: null, suppressed: 'small' }, c: { value: 5, suppressed: null } });
  });

  it('takes another threshold when asked', () => {
    expect(suppress({ cells: { a: 9, b: 10 }, lines: [] }, 10)).toEqual({ a: { value: null, suppressed: 'small' }, b: { value: 10, suppressed: null } });
  });
});

describe('suppress: complementary suppression', () => {
  it('hides a second cell in the row and column of a lone small cell, and repeats until closed', () => {
    // Without the x cells, row r0 would give 12 − 10 = 2 and column c0 9 − 7 = 2.
    const { show } = table2d([
      [2, 10],
      [7, 12],
    ]);
    expect(show()).toEqual([
      ['<5', 'x', '12'],
      ['x', 'x', '19'],
      ['9', '22', '31'],
    ]);
  });

  it('picks the next-smallest shown cell of the line as the complement', () => {
    const out = suppress({ cells: { a: 2, b: 9, c: 7, d: 30, total: 48 }, lines: [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }] });
    expect(Object.entries(out).filter(([, v]) => v.suppressed).map(([k, v]) => [k, v.suppressed])).toEqual([
      ['a', 'small'],
      ['c', 'complementary'],
    ]);
  });

  it('prefers a part over the total on a tie', () => {
    const out = suppress({ cells: { a: 0, b: 5, total: 5 }, lines: [{ total: 'total', parts: ['a', 'b'] }] });
    expect(out.b!.suppressed).toBe('complementary');
    expect(out.total!.suppressed).toBeNull();
  });

  it('picks a complement that closes the open row and the open column at once', () => {
    // After c2 hides the 3 of row r0, column c0 and column c2 are open; row r1 closes both with 20 and 50.
    const { show } = table2d([
      [3, 40, 6, 25],
      [20, 30, 50, 60],
    ]);
    expect(show()).toEqual([
      ['<5', '40', 'x', '25', '74'],
      ['x', '30', 'x', '60', '160'],
      ['23', '70', '56', '85', '234'],
    ]);
  });

  it('suppresses a small margin like any cell, and protects it in the margin line', () => {
    const { show } = table2d([
      [1, 2],
      [20, 30],
    ]);
    // Row r0 total is 3 (<5); the column totals then need a complement so the grand total does not give it away.
    const out = show();
    expect(out[0]).toEqual(['<5', '<5', '<5']);
    expect(out[1]!.filter((c) => c === 'x').length).toBeGreaterThanOrEqual(1);
    expect(out[2]![2]).not.toBe('<5');
  });

  it('defeats the interval attack: two "<5" cells whose row adds up to 8 must both be 4', () => {
    const line = { cells: { a: 4, b: 4, c: 20, total: 28 }, lines: [{ total: 'total', parts: ['a', 'b', 'c'] }] };
    const naive = new Map<string, SuppressionMark>([
      ['a', 'small'],
      ['b', 'small'],
    ]);
    const b = deducibleBounds(line, naive);
    expect(b.get('a')).toEqual({ lo: 4, hi: 4 }); // the naive rule alone discloses both
    const out = suppress(line);
    expect(out.c).toEqual({ value: null, suppressed: 'complementary' });
    const feasible = feasibleValues(line, out, 40);
    expect(feasible.get('a')!.size).toBeGreaterThan(1);
    expect(feasible.get('b')!.size).toBeGreaterThan(1);
  });

  it('leaves cells that are provably zero alone (a zero identifies nobody)', () => {
    const { show } = table2d([[0, 0, 7]]);
    expect(show()).toEqual([
      ['<5', '<5', '7', '7'],
      ['<5', '<5', '7', '7'],
    ]);
  });

  it('suppresses everything rather than disclose when a table is all small', () => {
    const { show } = table2d([
      [1, 1],
      [1, 1],
    ]);
    expect(show()).toEqual([
      ['<5', '<5', '<5'],
      ['<5', '<5', '<5'],
      ['<5', '<5', '<5'],
    ]);
  });

  it('protects linked tables as one: a total shared by two breakdowns is suppressed in both', () => {
    const types = ['ke', 'd'];
    const byOutcome = crossTable({ id: 'o', rows: types, cols: ['open', 'done'], values: [[6, 6], [2, 20]], rowTotalId: (r) => `type:${r}`, totalId: 'all' });
    const byMonth = crossTable({ id: 'm', rows: ['jan', 'feb'], cols: types, values: [[12, 1], [0, 21]], colTotalId: (c) => `type:${c}`, totalId: 'all' });
    const out = suppress(linkTables(byOutcome, byMonth));
    expect(out['o:d:open']!.suppressed).toBe('small');
    expect(out['m:jan:d']!.suppressed).toBe('small');
    // No suppressed count of one or more can be pinned down, across both tables.
    const all = linkTables(byOutcome, byMonth);
    const feasible = feasibleValues(all, out, 50);
    for (const [id, values] of feasible) if (out[id]!.suppressed === 'small' && all.cells[id]! > 0) expect(values.size, id).toBeGreaterThan(1);
  });

  it('refuses linked tables that disagree on a shared total', () => {
    const a = crossTable({ id: 'a', rows: ['x'], cols: ['p'], values: [[5]], totalId: 'all' });
    const b = crossTable({ id: 'b', rows: ['x'], cols: ['p'], values: [[6]], totalId: 'all' });
    expect(() => linkTables(a, b)).toThrow(/all/);
  });

  it('refuses a line that names a cell the table does not have', () => {
    expect(() => suppress({ cells: { a: 1 }, lines: [{ total: 'a', parts: ['nope'] }] })).toThrow(/nope/);
  });

  it('is deterministic', () => {
    const { t } = table2d([
      [3, 9, 9, 12],
      [9, 3, 12, 9],
      [12, 9, 3, 9],
    ]);
    expect(suppress(t)).toEqual(suppress(t));
  });
});

describe('suppress: no suppressed count can be worked out (exact audit of random tables)', () => {
  const random = prng(20261124);
  const cases = Array.from({ length: 60 }, (_, n) => {
    const rows = 2 + (n % 2);
    const cols = 2 + ((n >> 1) % 2);
    // Mostly small counts, as in a regency: 1–10 proven cases per election (domain §6.4).
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random() < 0.5 ? Math.floor(random() * 5) : 5 + Math.floor(random() * 8))));
  });

  it.each(cases.map((values, i) => [i, values] as const))('table %i', (_i, values) => {
    const { t } = table2d(values);
    const out = suppress(t);
    const feasible = feasibleValues(t, out, t.cells['t:all']! + 1);
    for (const [id, seen] of feasible) {
      expect(seen.has(t.cells[id]!), `${id} true value must stay feasible`).toBe(true);
      if (out[id]!.suppressed === 'small' && t.cells[id]! > 0) expect(seen.size, `${id} = ${t.cells[id]} is disclosed in ${JSON.stringify(values)}`).toBeGreaterThan(1);
    }
    // The published cells are exactly the true counts; only counts of 5 or more are published.
    for (const [id, c] of Object.entries(out)) {
      if (c.value === null) continue;
      expect(c.value).toBe(t.cells[id]);
      expect(c.value).toBeGreaterThanOrEqual(5);
    }
    // Every line has zero or at least two suppressed cells.
    for (const line of t.lines) expect([line.total, ...line.parts].filter((id) => out[id]!.suppressed).length).not.toBe(1);
    expect(marksOf(out).size).toBeGreaterThanOrEqual(Object.values(t.cells).filter((v) => v < 5).length);
  });
});
