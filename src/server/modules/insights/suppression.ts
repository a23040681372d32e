/**
 * Small-cell suppression for published counts (the public transparency page, and the aggregates a
 * pimpinan_unit sees). A reported employee's colleagues and superiors must not be able to single
 * them out from a table, so no count below the threshold (5) is published, and no suppressed count
 * can be worked back out from the totals around it.
 *
 * A table is a set of cells linked by sums ("lines": total = Σ parts). A 2-D table with margins has
 * one line per row, one per column and one each for the two margins; linked tables (the same totals
 * published in two breakdowns) simply share the cell ids of those totals, so they are protected as a
 * whole.
 *
 * The algorithm (deterministic; pure):
 * 1. Primary suppression: every cell below the threshold, zero included, is shown as "<5". Zeros are
 *    hidden too: a visible zero next to a "<5" would narrow the range an attacker has to guess in.
 * 2. Complementary suppression, repeated until nothing changes:
 *    a. A line (its parts and its total) with exactly one suppressed cell would give that cell away
 *       by subtraction: suppress the next-smallest shown cell of the line as well, marked
 *       "complementary" (its value is ≥ the threshold). A cell that also closes another such line
 *       (e.g. the crossing of the open row and the open column) goes first, so fewer counts are
 *       hidden; ties go to a part before the total, then to the id.
 *    b. Audit by interval propagation: what a reader can deduce is bounded by [v, v] for a shown
 *       cell, [0, threshold − 1] for "<5" and [threshold, ∞) for a complementary cell; every line is
 *       used to tighten these bounds until they stop moving. A "<5" count of 1 or more whose
 *       bounds have closed to a single value is disclosed (e.g. a row of two "<5" cells whose total
 *       is 8: both must be 4). Then the smallest shown cell of the nearest line that still has one is
 *       suppressed too, and the round starts again.
 *    Each round suppresses one more cell, so the loop ends; at worst everything is suppressed.
 * Interval propagation is not a full linear-programming audit (it may miss a disclosure that only
 * combining several lines at once would reveal), but it covers row, column and margin subtraction
 * and the interval attacks on the few small tables published here.
 */

/** Cells (id → true count) and the sums that link them. */
export interface LinkedTable {
  cells: Readonly<Record<string, number>>;
  /** Each line says: cells[total] = Σ cells[parts]. */
  lines: readonly { total: string; parts: readonly string[] }[];
}

/** `small`: below the threshold ("<5"); `complementary`: hidden so a small cell cannot be computed. */
export type SuppressionMark = 'small' | 'complementary';

export interface PublishedCell {
  /** The count, or null when suppressed. */
  value: number | null;
  suppressed: SuppressionMark | null;
}

export const DEFAULT_THRESHOLD = 5;

interface Bounds {
  lo: number;
  hi: number;
}

/** Suppresses `table`; returns every cell with its published value or its suppression mark. */
export function suppress(table: LinkedTable, threshold = DEFAULT_THRESHOLD): Record<string, PublishedCell> {
  const ids = Object.keys(table.cells).sort();
  for (const line of table.lines) {
    for (const id of [line.total, ...line.parts]) if (!(id in table.cells)) throw new Error(`suppress: line names unknown cell ${id}`);
  }
  const marks = new Map<string, SuppressionMark>();
  for (const id of ids) if (table.cells[id]! < threshold) marks.set(id, 'small');

  for (;;) {
    const single = linesWithOneSuppressed(table, marks);
    if (single.length > 0) {
      marks.set(bestComplement(table, marks, single[0]!, new Set(single)), 'complementary');
      continue;
    }
    const disclosed = disclosedCells(table, marks, threshold);
    if (disclosed.length === 0) break;
    const extra = nearestShownCell(table, marks, disclosed[0]!);
    if (!extra) break; // every line around it is already fully suppressed: nothing left to hide
    marks.set(extra, 'complementary');
  }

  return Object.fromEntries(ids.map((id) => [id, marks.has(id) ? { value: null, suppressed: marks.get(id)! } : { value: table.cells[id]!, suppressed: null }]));
}

type Line = LinkedTable['lines'][number];

const membersOf = (line: Line) => [...line.parts, line.total];

function linesWithOneSuppressed(table: LinkedTable, marks: Map<string, SuppressionMark>): Line[] {
  return table.lines.filter((line) => {
    const members = membersOf(line);
    return members.filter((id) => marks.has(id)).length === 1 && members.some((id) => !marks.has(id));
  });
}

/**
 * The complement for a line with one suppressed cell: a shown cell that also sits on another such
 * line first (one cell closes both, so fewer counts are hidden), then the smallest, a part before
 * the total, then by id.
 */
function bestComplement(table: LinkedTable, marks: Map<string, SuppressionMark>, line: Line, open: Set<Line>): string {
  const closes = (id: string) => [...open].filter((l) => l !== line && membersOf(l).includes(id)).length;
  const candidates = membersOf(line).filter((id) => !marks.has(id));
  candidates.sort((a, b) => closes(b) - closes(a) || table.cells[a]! - table.cells[b]! || Number(a === line.total) - Number(b === line.total) || a.localeCompare(b));
  return candidates[0]!;
}

/** The smallest shown cell of a line: parts before the total on a tie, then by id. */
function smallestShown(table: LinkedTable, marks: Map<string, SuppressionMark>, line: Line): string | undefined {
  const candidates = membersOf(line).filter((id) => !marks.has(id));
  candidates.sort((a, b) => table.cells[a]! - table.cells[b]! || Number(a === line.total) - Number(b === line.total) || a.localeCompare(b));
  return candidates[0];
}

/** Breadth-first over lines from `start`: the smallest shown cell of the first line that has one. */
function nearestShownCell(table: LinkedTable, marks: Map<string, SuppressionMark>, start: string): string | undefined {
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const lines = table.lines.filter((line) => membersOf(line).some((id) => frontier.includes(id)));
    const withShown = lines.map((line) => smallestShown(table, marks, line)).filter((id): id is string => id !== undefined);
    if (withShown.length > 0) return withShown.sort((a, b) => table.cells[a]! - table.cells[b]! || a.localeCompare(b))[0];
    frontier = lines.flatMap(membersOf).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return undefined;
}

/**
 * "<5" cells with a count of 1 or more whose value a reader can pin down from the lines. (A pinned
 * zero identifies nobody, and a pinned complementary cell is a count of 5 or more.)
 */
export function disclosedCells(table: LinkedTable, marks: ReadonlyMap<string, SuppressionMark>, threshold = DEFAULT_THRESHOLD): string[] {
  const bounds = deducibleBounds(table, marks, threshold);
  return [...marks].filter(([id, mark]) => mark === 'small' && table.cells[id]! > 0 && bounds.get(id)!.lo === bounds.get(id)!.hi).map(([id]) => id).sort();
}

/** What a reader can deduce about every cell from the published table (interval propagation). */
export function deducibleBounds(table: LinkedTable, marks: ReadonlyMap<string, SuppressionMark>, threshold = DEFAULT_THRESHOLD): Map<string, Bounds> {
  const b = new Map<string, Bounds>();
  for (const [id, value] of Object.entries(table.cells)) {
    const mark = marks.get(id);
    b.set(id, mark === 'small' ? { lo: 0, hi: threshold - 1 } : mark === 'complementary' ? { lo: threshold, hi: Infinity } : { lo: value, hi: value });
  }
  // Bounds only ever tighten and stay sound; the cap keeps a pathological table from spinning.
  for (let round = 0, changed = true; changed && round < 1000; round++) {
    changed = false;
    for (const line of table.lines) {
      const parts = line.parts.map((id) => b.get(id)!);
      const total = b.get(line.total)!;
      const sumLo = parts.reduce((s, p) => s + p.lo, 0);
      // Upper bounds may be infinite: keep the finite sum and the number of infinite ones apart.
      const finiteHi = parts.reduce((s, p) => s + (p.hi === Infinity ? 0 : p.hi), 0);
      const infinite = parts.filter((p) => p.hi === Infinity).length;
      changed = tighten(total, sumLo, infinite > 0 ? Infinity : finiteHi) || changed;
      for (const p of parts) {
        const othersHi = infinite - (p.hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (p.hi === Infinity ? 0 : p.hi);
        changed = tighten(p, total.lo - othersHi, total.hi - (sumLo - p.lo)) || changed;
      }
    }
  }
  return b;
}

function tighten(bounds: Bounds, lo: number, hi: number): boolean {
  let changed = false;
  if (lo > bounds.lo) {
    bounds.lo = lo;
    changed = true;
  }
  if (hi < bounds.hi) {
    bounds.hi = hi;
    changed = true;
  }
  return changed;
}

/** A 2-D table: `values[r][c]` for `rows` × `cols`, with row totals, column totals and a grand total. */
export interface CrossTableInput {
  /** Prefix of the interior cell ids (`${id}:${row}:${col}`). */
  id: string;
  rows: readonly string[];
  cols: readonly string[];
  values: readonly (readonly number[])[];
  /** Id of each row's total; default `${id}:row:${row}` (share ids to link tables). */
  rowTotalId?: (row: string) => string;
  colTotalId?: (col: string) => string;
  /** Id of the grand total; default `${id}:all`. */
  totalId?: string;
}

/** The cells and lines of a 2-D table with margins; merge several with `linkTables`. */
export function crossTable(t: CrossTableInput): LinkedTable {
  const cellId = (r: string, c: string) => `${t.id}:${r}:${c}`;
  const rowTotal = t.rowTotalId ?? ((r: string) => `${t.id}:row:${r}`);
  const colTotal = t.colTotalId ?? ((c: string) => `${t.id}:col:${c}`);
  const all = t.totalId ?? `${t.id}:all`;
  const cells: Record<string, number> = {};
  t.rows.forEach((r, i) => t.cols.forEach((c, j) => (cells[cellId(r, c)] = t.values[i]![j]!)));
  t.rows.forEach((r, i) => (cells[rowTotal(r)] = t.values[i]!.reduce((s, v) => s + v, 0)));
  t.cols.forEach((c, j) => (cells[colTotal(c)] = t.values.reduce((s, row) => s + row[j]!, 0)));
  cells[all] = t.values.flat().reduce((s, v) => s + v, 0);
  const lines = [
    ...t.rows.map((r) => ({ total: rowTotal(r), parts: t.cols.map((c) => cellId(r, c)) })),
    ...t.cols.map((c) => ({ total: colTotal(c), parts: t.rows.map((r) => cellId(r, c)) })),
    { total: all, parts: t.rows.map(rowTotal) },
    { total: all, parts: t.cols.map(colTotal) },
  ];
  return { cells, lines };
}

/** Several tables as one; shared ids must carry the same count (they are the same published figure). */
export function linkTables(...tables: LinkedTable[]): LinkedTable {
  const cells: Record<string, number> = {};
  for (const t of tables) {
    for (const [id, v] of Object.entries(t.cells)) {
      if (id in cells && cells[id] !== v) throw new Error(`linkTables: ${id} is ${cells[id]} in one table and ${v} in another`);
      cells[id] = v;
    }
  }
  return { cells, lines: tables.flatMap((t) => t.lines) };
}
