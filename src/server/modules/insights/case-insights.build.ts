/**
 * The case dashboard's figures from the flat facts (one row per reported person) and the state
 * changes of the same cases. Pure: the service fetches, this counts, so every aggregate can be
 * checked against hand-computed fixtures.
 *
 * For a viewer who may not read cases (a unit head, the Inspektorat) every count goes through the
 * same linked suppression as the public page, every breakdown lists its whole domain (so a row's
 * presence does not say "at least one"), and nothing that describes one case on its own (the
 * longest overdue, an average over fewer than 5) is shown.
 */
import { CASE_ORIGINS, CASE_STATES, OPEN_CASE_STATES, type CaseState } from '../../../shared/case-workflow.js';
import type { CaseInsightsT, CellT } from '../../../shared/contracts/insights.contract.js';
import { EMPLOYEE_CATEGORIES, JABATAN_CLASSES } from '../../../shared/enums.js';
import type { CaseFactRow, TransitionRow } from './insights.repository.js';
import { DEFAULT_THRESHOLD, linkTables, suppress, type LinkedTable } from './suppression.js';
import { monthRange } from './transparency.tables.js';

export interface CaseInsightsInput {
  facts: readonly CaseFactRow[];
  transitions: readonly TransitionRow[];
  isSuppressed: boolean;
  /** YYYY-MM-DD in the instansi's zone. */
  today: string;
  /** Calendar date of an instant in the instansi's zone. */
  localDay: (at: Date) => string;
  workingDaysBetween: (fromDay: string, toDay: string) => number;
  /** Labels, and the whole domain of each breakdown. */
  items: readonly { code: string; label: string }[];
  units: readonly { id: string; name: string }[];
  scopeUnitName: string;
  labels: { state: Readonly<Record<string, string>>; origin: Readonly<Record<string, string>>; jabatanClass: Readonly<Record<string, string>>; category: Readonly<Record<string, string>> };
}

type Figures = Omit<CaseInsightsT, 'filters' | 'isSuppressed' | 'today' | 'compliance' | 'monitoring'>;

const NONE = 'none';
const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const average = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** Counts per key over a fixed list of keys (missing keys count 0). */
function tally<T>(rows: readonly T[], keyOf: (r: T) => string, keys: readonly string[]): Map<string, number> {
  const out = new Map(keys.map((k) => [k, 0]));
  for (const r of rows) {
    const k = keyOf(r);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** A breakdown as cells `${prefix}:${key}` summing to `${prefix}:all`... sharing the grand total `totalId`. */
function breakdownTable(prefix: string, counts: Map<string, number>, totalId: string, total: number): LinkedTable {
  const cells: Record<string, number> = { [totalId]: total };
  for (const [k, v] of counts) cells[`${prefix}:${k}`] = v;
  return { cells, lines: [{ total: totalId, parts: [...counts.keys()].map((k) => `${prefix}:${k}`) }] };
}

/** Time spent in each step: from the change that entered it to the next change (finished passages only). */
export function stepDurations(transitions: readonly TransitionRow[], localDay: (at: Date) => string, workingDaysBetween: (a: string, b: string) => number) {
  const perState = new Map<string, { calendar: number[]; working: number[] }>();
  for (let i = 0; i + 1 < transitions.length; i++) {
    const [cur, next] = [transitions[i]!, transitions[i + 1]!];
    if (cur.caseId !== next.caseId) continue; // the last change of a case opens a step that is still running
    const bucket = perState.get(cur.toState) ?? { calendar: [], working: [] };
    bucket.calendar.push((next.at.getTime() - cur.at.getTime()) / DAY_MS);
    bucket.working.push(Math.max(0, workingDaysBetween(localDay(cur.at), localDay(next.at))));
    perState.set(cur.toState, bucket);
  }
  return perState;
}

export function buildCaseInsights(input: CaseInsightsInput): Figures {
  const { facts, isSuppressed, today } = input;
  // One row per case (facts carry one row per subject; a case's own fields repeat on each).
  const cases = [...new Map(facts.map((f) => [f.caseId, f])).values()];
  const subjects = facts.filter((f) => f.subjectId !== null);
  const months = cases.length ? monthRange(cases.map((c) => c.receivedOn.slice(0, 7)).sort()[0]!, cases.map((c) => c.receivedOn.slice(0, 7)).sort().at(-1)!) : [];
  const itemKeys = [...input.items.map((i) => i.code), NONE];
  const unitKeys = [...input.units.map((u) => u.id), 'self', NONE];
  const open = cases.filter((c) => c.state !== 'closed');
  const overdue = open.filter((c) => c.dueOn !== null && c.dueOn < today);
  const recommended = cases.filter((c) => c.recommendedAt !== null);
  const decided = recommended.filter((c) => c.decidedAt !== null);
  const waiting = cases.filter((c) => c.state === 'awaiting_ppk');

  const byState = tally(cases, (c) => c.state, CASE_STATES);
  const overdueByState = tally(overdue, (c) => c.state, OPEN_CASE_STATES);
  const counts = {
    state: byState,
    origin: tally(cases, (c) => c.origin, CASE_ORIGINS),
    month: tally(cases, (c) => c.receivedOn.slice(0, 7), months),
    item: tally(subjects, (s) => (s.itemCode && itemKeys.includes(s.itemCode) ? s.itemCode : NONE), itemKeys),
    unit: tally(subjects, (s) => s.groupUnitId ?? (s.hasUnit ? 'self' : NONE), unitKeys),
    jabatan: tally(subjects, (s) => s.jabatanClass ?? NONE, [...JABATAN_CLASSES, NONE]),
    category: tally(subjects, (s) => s.category ?? NONE, [...EMPLOYEE_CATEGORIES, NONE]),
  };

  // Everything published, linked: each breakdown sums to its total; an open step's count splits into
  // overdue and on time; recommendations split into decided and undecided.
  const table = linkTables(
    breakdownTable('state', counts.state, 'cases', cases.length),
    breakdownTable('origin', counts.origin, 'cases', cases.length),
    breakdownTable('month', counts.month, 'cases', cases.length),
    breakdownTable('item', counts.item, 'subjects', subjects.length),
    breakdownTable('unit', counts.unit, 'subjects', subjects.length),
    breakdownTable('jabatan', counts.jabatan, 'subjects', subjects.length),
    breakdownTable('category', counts.category, 'subjects', subjects.length),
    breakdownTable('overdue', overdueByState, 'overdue:all', overdue.length),
    ...OPEN_CASE_STATES.map((s) => ({
      cells: { [`state:${s}`]: byState.get(s)!, [`overdue:${s}`]: overdueByState.get(s)!, [`ontime:${s}`]: byState.get(s)! - overdueByState.get(s)! },
      lines: [{ total: `state:${s}`, parts: [`overdue:${s}`, `ontime:${s}`] }],
    })),
    { cells: { recommended: recommended.length, decided: decided.length, undecided: recommended.length - decided.length }, lines: [{ total: 'recommended', parts: ['decided', 'undecided'] }] },
  );
  const published = isSuppressed ? suppress(table, DEFAULT_THRESHOLD) : Object.fromEntries(Object.entries(table.cells).map(([id, v]) => [id, { value: v, suppressed: null }]));
  const cell = (id: string): CellT => published[id]!;
  const rows = (prefix: string, keys: Iterable<string>, label: (k: string) => string) => [...keys].map((k) => ({ key: k, label: label(k), cell: cell(`${prefix}:${k}`) }));
  const itemLabel = new Map(input.items.map((i) => [i.code, i.label]));
  const unitLabel = new Map(input.units.map((u) => [u.id, u.name]));
  const orNone = (map: Readonly<Record<string, string>> | Map<string, string>, k: string) => (k === NONE ? 'Tidak tercatat' : ((map instanceof Map ? map.get(k) : map[k]) ?? k));
  // Averages and maxima describe single cases when few: for a suppressed viewer only over 5 or more.
  const enough = (n: number) => !isSuppressed || n >= DEFAULT_THRESHOLD;

  const durations = stepDurations(input.transitions, input.localDay, input.workingDaysBetween);
  const overdueDays = (s: string) => overdue.filter((c) => c.state === s).map((c) => input.workingDaysBetween(c.dueOn!, today));
  const waitingDays = waiting.map((c) => input.workingDaysBetween(input.localDay(c.recommendedAt ?? new Date()), today)).map((d) => Math.max(0, d));
  const decideDays = decided.map((c) => (c.decidedAt!.getTime() - c.recommendedAt!.getTime()) / DAY_MS);
  const recommendedCell = cell('recommended');
  const decidedCell = cell('decided');

  return {
    cases: {
      total: cell('cases'),
      byState: rows('state', CASE_STATES, (k) => orNone(input.labels.state, k)),
      byOrigin: rows('origin', CASE_ORIGINS, (k) => orNone(input.labels.origin, k)),
      byMonth: rows('month', months, (k) => k),
    },
    subjects: {
      total: cell('subjects'),
      byItem: rows('item', itemKeys, (k) => orNone(itemLabel, k)),
      byUnit: rows('unit', unitKeys, (k) => (k === 'self' ? `${input.scopeUnitName} (langsung)` : orNone(unitLabel, k))),
      byJabatanClass: rows('jabatan', [...JABATAN_CLASSES, NONE], (k) => orNone(input.labels.jabatanClass, k)),
      byCategory: rows('category', [...EMPLOYEE_CATEGORIES, NONE], (k) => orNone(input.labels.category, k)),
    },
    steps: (OPEN_CASE_STATES as CaseState[]).map((s) => {
      const d = durations.get(s) ?? { calendar: [], working: [] };
      const late = overdueDays(s);
      return {
        state: s,
        completed: d.calendar.length,
        avgCalendarDays: enough(d.calendar.length) && d.calendar.length ? round1(average(d.calendar)!) : null,
        avgWorkingDays: enough(d.working.length) && d.working.length ? round1(average(d.working)!) : null,
        open: cell(`state:${s}`),
        overdue: cell(`overdue:${s}`),
        maxOverdueWorkingDays: !isSuppressed && late.length ? Math.max(...late) : null,
      };
    }),
    ppk: {
      recommended: recommendedCell,
      decided: decidedCell,
      followUpRate: recommendedCell.value && decidedCell.value !== null ? decidedCell.value / recommendedCell.value : null,
      avgDaysToDecide: enough(decideDays.length) && decideDays.length ? round1(average(decideDays)!) : null,
      waiting: cell('state:awaiting_ppk'),
      avgWaitingWorkingDays: enough(waitingDays.length) && waitingDays.length ? round1(average(waitingDays)!) : null,
      maxWaitingWorkingDays: !isSuppressed && waitingDays.length ? Math.max(...waitingDays) : null,
      byPpk: isSuppressed ? [] : perPpk(recommended),
    },
  };
}

/** The PPK board's per-PPK rates over these cases. */
function perPpk(recommended: readonly CaseFactRow[]) {
  const groups = new Map<string, CaseFactRow[]>();
  for (const c of recommended) groups.set(c.ppkName ?? 'PPK', [...(groups.get(c.ppkName ?? 'PPK') ?? []), c]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'id'))
    .map(([ppkName, rows]) => {
      const done = rows.filter((r) => r.decidedAt !== null);
      const avg = average(done.map((r) => (r.decidedAt!.getTime() - r.recommendedAt!.getTime()) / DAY_MS));
      return { ppkName, recommended: rows.length, decided: done.length, followUpRate: done.length / rows.length, avgDaysToDecide: avg === null ? null : round1(avg) };
    });
}
