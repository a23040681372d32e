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

/**
 * The table with integer ids, built once per call: cells in sorted id order, each line's members
 * (its parts then its total, duplicates kept) and, per cell, the lines it sits on. The algorithm
 * below is the one described above, step for step; the indexes only spare it from searching arrays
 * of ids (a national roll-up links 514 tenants × 14 cells through column lines of 515 members).
 */
interface Indexed {
  ids: string[];
  index: Map<string, number>;
  value: number[];
  lineTotal: number[];
  lineParts: number[][];
  /** Parts then total, as `membersOf`. */
  lineMembers: number[][];
  /** Per cell: each line it sits on, once per occurrence (for counts). */
  cellOccurrences: number[][];
  /** Per cell: each line it sits on, once, in table order. */
  cellLines: number[][];
}

function indexTable(table: LinkedTable): Indexed {
  const ids = Object.keys(table.cells).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`suppress: line names unknown cell ${id}`);
    return i;
  };
  const lineTotal: number[] = [];
  const lineParts: number[][] = [];
  const lineMembers: number[][] = [];
  const cellOccurrences: number[][] = ids.map(() => []);
  const cellLines: number[][] = ids.map(() => []);
  table.lines.forEach((line, l) => {
    const total = at(line.total);
    const parts = line.parts.map(at);
    lineTotal.push(total);
    lineParts.push(parts);
    lineMembers.push([...parts, total]);
    for (const c of [...parts, total]) {
      cellOccurrences[c]!.push(l);
      if (cellLines[c]!.at(-1) !== l) cellLines[c]!.push(l);
    }
  });
  return { ids, index, value: ids.map((id) => table.cells[id]!), lineTotal, lineParts, lineMembers, cellOccurrences, cellLines };
}

const NONE = 0;
const SMALL = 1;
const COMPLEMENTARY = 2;
const MARK_NAMES: Record<number, SuppressionMark> = { [SMALL]: 'small', [COMPLEMENTARY]: 'complementary' };

/** Suppresses `table`; returns every cell with its published value or its suppression mark. */
export function suppress(table: LinkedTable, threshold = DEFAULT_THRESHOLD): Record<string, PublishedCell> {
  const t = indexTable(table);
  const marks = new Uint8Array(t.ids.length);
  // Suppressed members per line (with multiplicity), kept up to date as cells are marked.
  const hidden = new Int32Array(t.lineMembers.length);
  const mark = (c: number, kind: number) => {
    marks[c] = kind;
    for (const l of t.cellOccurrences[c]!) hidden[l]! += 1;
  };
  for (let c = 0; c < t.ids.length; c++) if (t.value[c]! < threshold) mark(c, SMALL);
  const isOpen = (l: number) => hidden[l] === 1 && hidden[l]! < t.lineMembers[l]!.length;

  for (;;) {
    let openLine = -1;
    for (let l = 0; l < t.lineMembers.length && openLine < 0; l++) if (isOpen(l)) openLine = l;
    if (openLine >= 0) {
      mark(bestComplement(t, marks, openLine, isOpen), COMPLEMENTARY);
      continue;
    }
    const disclosed = disclosedIndexed(t, marks, threshold);
    if (disclosed.length === 0) break;
    const extra = nearestShownCell(t, marks, disclosed[0]!);
    if (extra === undefined) break; // every line around it is already fully suppressed: nothing left to hide
    mark(extra, COMPLEMENTARY);
  }

  return Object.fromEntries(t.ids.map((id, c) => [id, marks[c] ? { value: null, suppressed: MARK_NAMES[marks[c]!]! } : { value: t.value[c]!, suppressed: null }]));
}

/** Part before total on a tie, then by id (the order every choice below falls back to). */
function byPartThenId(t: Indexed, line: number) {
  const total = t.lineTotal[line]!;
  return (a: number, b: number) => Number(a === total) - Number(b === total) || t.ids[a]!.localeCompare(t.ids[b]!);
}

/**
 * The complement for a line with one suppressed cell: a shown cell that also sits on another such
 * line first (one cell closes both, so fewer counts are hidden), then the smallest, a part before
 * the total, then by id.
 */
function bestComplement(t: Indexed, marks: Uint8Array, line: number, isOpen: (l: number) => boolean): number {
  const closes = (c: number) => t.cellLines[c]!.filter((l) => l !== line && isOpen(l)).length;
  const tie = byPartThenId(t, line);
  const candidates = t.lineMembers[line]!.filter((c) => !marks[c]).map((c) => ({ c, closes: closes(c) }));
  return first(candidates, (a, b) => b.closes - a.closes || t.value[a.c]! - t.value[b.c]! || tie(a.c, b.c))!.c;
}

/** The element a sort by `order` would put first (one pass: `order` is a total order, so the result is the same). */
function first<T>(items: readonly T[], order: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const x of items) if (best === undefined || order(x, best) < 0) best = x;
  return best;
}

/** The smallest shown cell of a line: parts before the total on a tie, then by id. */
function smallestShown(t: Indexed, marks: Uint8Array, line: number): number | undefined {
  const tie = byPartThenId(t, line);
  return first(
    t.lineMembers[line]!.filter((c) => !marks[c]),
    (a, b) => t.value[a]! - t.value[b]! || tie(a, b),
  );
}

/** Breadth-first over lines from `start`: the smallest shown cell of the first line that has one. */
function nearestShownCell(t: Indexed, marks: Uint8Array, start: number): number | undefined {
  const seen = new Set([start]);
  let frontier = new Set([start]);
  while (frontier.size > 0) {
    const touched = new Set<number>();
    for (const c of frontier) for (const l of t.cellLines[c]!) touched.add(l);
    const lines = [...touched].sort((a, b) => a - b);
    const withShown = lines.map((l) => smallestShown(t, marks, l)).filter((c): c is number => c !== undefined);
    if (withShown.length > 0) return first(withShown, (a, b) => t.value[a]! - t.value[b]! || t.ids[a]!.localeCompare(t.ids[b]!));
    frontier = new Set();
    for (const l of lines) for (const c of t.lineMembers[l]!) if (!seen.has(c)) frontier.add(c);
    for (const c of frontier) seen.add(c);
  }
  return undefined;
}

/**
 * "<5" cells with a count of 1 or more whose value a reader can pin down from the lines. (A pinned
 * zero identifies nobody, and a pinned complementary cell is a count of 5 or more.)
 */
export function disclosedCells(table: LinkedTable, marks: ReadonlyMap<string, SuppressionMark>, threshold = DEFAULT_THRESHOLD): string[] {
  const t = indexTable(table);
  return disclosedIndexed(t, marksArray(t, marks), threshold).map((c) => t.ids[c]!);
}

function marksArray(t: Indexed, marks: ReadonlyMap<string, SuppressionMark>): Uint8Array {
  const out = new Uint8Array(t.ids.length);
  for (const [id, mark] of marks) {
    const c = t.index.get(id);
    if (c !== undefined) out[c] = mark === 'small' ? SMALL : COMPLEMENTARY;
  }
  return out;
}

/** Disclosed cells as indexes, in id order (indexes follow the sorted ids). */
function disclosedIndexed(t: Indexed, marks: Uint8Array, threshold: number): number[] {
  const { lo, hi } = boundsIndexed(t, marks, threshold);
  const out: number[] = [];
  for (let c = 0; c < t.ids.length; c++) if (marks[c] === SMALL && t.value[c]! > 0 && lo[c] === hi[c]) out.push(c);
  return out;
}

/** What a reader can deduce about every cell from the published table (interval propagation). */
export function deducibleBounds(table: LinkedTable, marks: ReadonlyMap<string, SuppressionMark>, threshold = DEFAULT_THRESHOLD): Map<string, Bounds> {
  const t = indexTable(table);
  const { lo, hi } = boundsIndexed(t, marksArray(t, marks), threshold);
  return new Map(t.ids.map((id, c) => [id, { lo: lo[c]!, hi: hi[c]! }]));
}

function boundsIndexed(t: Indexed, marks: Uint8Array, threshold: number): { lo: Float64Array; hi: Float64Array } {
  const n = t.ids.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const mark = marks[c];
    lo[c] = mark === SMALL ? 0 : mark === COMPLEMENTARY ? threshold : t.value[c]!;
    hi[c] = mark === SMALL ? threshold - 1 : mark === COMPLEMENTARY ? Infinity : t.value[c]!;
  }
  // A work list of lines: each once, then again whenever one of its cells was tightened, until nothing
  // moves (the same fixpoint as sweeping every line until a sweep changes nothing). Bounds only ever
  // tighten and stay sound; the cap (1000 sweeps' worth) keeps a pathological table from spinning.
  // A line whose cells are all shown cannot tighten anything (its cells are exact and add up), so only
  // lines with a suppressed cell start on the list.
  const lineCount = t.lineParts.length;
  const queue: number[] = [];
  const queued = new Uint8Array(lineCount);
  for (let l = 0; l < lineCount; l++) {
    if (t.lineMembers[l]!.some((c) => marks[c] !== NONE)) {
      queue.push(l);
      queued[l] = 1;
    }
  }
  const touch = (c: number) => {
    for (const l of t.cellLines[c]!) {
      if (!queued[l]) {
        queued[l] = 1;
        queue.push(l);
      }
    }
  };
  for (let head = 0, budget = 1000 * lineCount; head < queue.length && budget > 0; head++, budget--) {
    const l = queue[head]!;
    queued[l] = 0;
    const parts = t.lineParts[l]!;
    const total = t.lineTotal[l]!;
    let sumLo = 0;
    let finiteHi = 0;
    // Upper bounds may be infinite: keep the finite sum and the number of infinite ones apart.
    let infinite = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      sumLo += lo[p]!;
      const h = hi[p]!;
      if (h === Infinity) infinite++;
      else finiteHi += h;
    }
    const totalHi = infinite > 0 ? Infinity : finiteHi;
    let moved = false;
    if (sumLo > lo[total]!) {
      lo[total] = sumLo;
      moved = true;
    }
    if (totalHi < hi[total]!) {
      hi[total] = totalHi;
      moved = true;
    }
    if (moved) touch(total);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const pHi = hi[p]!;
      const othersHi = infinite - (pHi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (pHi === Infinity ? 0 : pHi);
      const newLo = lo[total]! - othersHi;
      const newHi = hi[total]! - (sumLo - lo[p]!);
      moved = false;
      if (newLo > lo[p]!) {
        lo[p] = newLo;
        moved = true;
      }
      if (newHi < hi[p]!) {
        hi[p] = newHi;
        moved = true;
      }
      if (moved) touch(p);
    }
    if (head > 4 * lineCount) {
      // Keep the array from growing without bound on long runs.
      queue.splice(0, head + 1);
      head = -1;
    }
  }
  return { lo, hi };
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
