/**
 * The national/provincial table from the tenants' daily rows: one row of figures per tenant, the
 * totals, and the suppression of case counts. Pure, so every figure can be checked by hand.
 *
 * Why tenant-level case counts are suppressed for overseers too (and for the platform operator):
 * nobody looking at this table holds `case.read` in the tenants it shows. A province, BKN or the
 * platform operator has no need to know of an individual case in a kabupaten, and in a small Pemda a
 * figure such as "2 cases, 1 sanctioned" is, next to the local news, enough to recognise the people
 * behind it. So the tenant is treated as the public page treats a breakdown cell: every case count
 * below 5 (zero included) is shown as "<5", and the national totals are linked to the tenant cells
 * (total = Σ tenants, per column) so that no hidden count can be worked back out by subtraction.
 * Employees, pledge signatures and apel reports are not about a reported person: they stay exact.
 *
 * Cells per tenant (and the same for the totals): cases, the five status groups, proven, sanctioned,
 * recommended, decided; plus the counts a reader can derive from those by subtraction — proven but not
 * sanctioned, cases not proven, recommendations not decided — which are linked in so that they are
 * protected as well. Lines: cases = Σ status groups = proven + not proven; proven = sanctioned + proven
 * only; recommended = decided + undecided; and each column's total = Σ tenants.
 */
import { CASE_STATUS_GROUPS, type NationalFiguresT, type NationalRowT } from '../../../shared/contracts/national.contract.js';
import type { CellT } from '../../../shared/contracts/insights.contract.js';
import type { RollupTenant, StatsRow } from './national.repository.js';
import { createHash } from 'node:crypto';
import { suppress, type LinkedTable, type PublishedCell } from './suppression.js';

export interface NationalInput {
  tenants: readonly RollupTenant[];
  /** Each tenant's row over every election ("*"): employees, and everything when no election is selected. */
  all: ReadonlyMap<string, StatsRow>;
  /** Each tenant's row for the selected election (the same map as `all` for "*"). */
  election: ReadonlyMap<string, StatsRow>;
  threshold: number;
}

/** Case figures of one tenant (or of the totals) before suppression. */
interface CaseCounts {
  cases: number;
  status: Record<(typeof CASE_STATUS_GROUPS)[number], number>;
  proven: number;
  sanctioned: number;
  recommended: number;
  decided: number;
  waitingDays: number;
}

const pct = (signed: number, target: number) => (target === 0 ? null : Math.round((signed * 1000) / target) / 10);
const round1 = (n: number) => Math.round(n * 10) / 10;

function caseCounts(s: StatsRow | undefined): CaseCounts {
  return {
    cases: s?.cases ?? 0,
    status: {
      received: s?.casesReceived ?? 0,
      in_process: s?.casesInProcess ?? 0,
      awaiting_ppk: s?.casesAwaitingPpk ?? 0,
      follow_up: s?.casesFollowUp ?? 0,
      closed: s?.casesClosed ?? 0,
    },
    proven: (s?.outcomeProven ?? 0) + (s?.outcomeSanctioned ?? 0),
    sanctioned: s?.outcomeSanctioned ?? 0,
    recommended: s?.ppkRecommended ?? 0,
    decided: s?.ppkDecided ?? 0,
    waitingDays: s?.ppkWaitingDays ?? 0,
  };
}

/** The cells and lines of one block (a tenant `i`, or the totals `T`). */
function block(prefix: string, c: CaseCounts): LinkedTable {
  const id = (k: string) => `${prefix}:${k}`;
  const cells: Record<string, number> = {
    [id('cases')]: c.cases,
    [id('proven')]: c.proven,
    [id('sanctioned')]: c.sanctioned,
    [id('proven_only')]: c.proven - c.sanctioned,
    [id('not_proven')]: c.cases - c.proven,
    [id('recommended')]: c.recommended,
    [id('decided')]: c.decided,
    [id('undecided')]: c.recommended - c.decided,
  };
  for (const g of CASE_STATUS_GROUPS) cells[id(`s_${g}`)] = c.status[g];
  return {
    cells,
    lines: [
      { total: id('cases'), parts: CASE_STATUS_GROUPS.map((g) => id(`s_${g}`)) },
      { total: id('cases'), parts: [id('proven'), id('not_proven')] },
      { total: id('proven'), parts: [id('sanctioned'), id('proven_only')] },
      { total: id('recommended'), parts: [id('decided'), id('undecided')] },
    ],
  };
}

/**
 * The suppression of a national table costs ~100 ms of CPU for 516 tenants (a few hundred lines through
 * 7,000 cells, audited after each complementary cell), and its input changes only when a refresh writes
 * new daily rows: the last few results are kept, keyed by the tenants' case counts in order (the table
 * is a function of them: cell ids are positional). A pure function remembered: the same counts give the
 * same answer whoever asks.
 */
const REMEMBERED = new Map<string, Record<string, PublishedCell>>();
const REMEMBER_AT_MOST = 16;

/** Forgets the remembered results (the benchmark measures the cold path with it). */
export function forgetRememberedSuppression(): void {
  REMEMBERED.clear();
}

function suppressRemembered(counts: readonly CaseCounts[], threshold: number, table: () => LinkedTable): Record<string, PublishedCell> {
  const hash = createHash('sha256').update(`${threshold};${counts.length};`);
  for (const c of counts) hash.update(`${c.cases},${CASE_STATUS_GROUPS.map((g) => c.status[g]).join(',')},${c.proven},${c.sanctioned},${c.recommended},${c.decided};`);
  const key = hash.digest('base64');
  const known = REMEMBERED.get(key);
  if (known) {
    REMEMBERED.delete(key); // most recently used last
    REMEMBERED.set(key, known);
    return known;
  }
  const published = suppress(table(), threshold);
  REMEMBERED.set(key, published);
  if (REMEMBERED.size > REMEMBER_AT_MOST) REMEMBERED.delete(REMEMBERED.keys().next().value!);
  return published;
}

const COLUMNS = ['cases', 'proven', 'sanctioned', 'proven_only', 'not_proven', 'recommended', 'decided', 'undecided', ...CASE_STATUS_GROUPS.map((g) => `s_${g}`)];

/** Rows and totals of the visible tenants, case counts suppressed as one linked table. */
export function buildNationalTable(input: NationalInput): { rows: Omit<NationalRowT, 'tenantId' | 'slug' | 'name' | 'kind' | 'wilayahCode' | 'provinceCode' | 'statDate' | 'computedAt' | 'hasElection'>[]; totals: NationalFiguresT & { tenants: number } } {
  const counts = input.tenants.map((t) => caseCounts(input.election.get(t.id)));
  const total: CaseCounts = counts.reduce<CaseCounts>(
    (a, c) => ({
      cases: a.cases + c.cases,
      status: Object.fromEntries(CASE_STATUS_GROUPS.map((g) => [g, a.status[g] + c.status[g]])) as CaseCounts['status'],
      proven: a.proven + c.proven,
      sanctioned: a.sanctioned + c.sanctioned,
      recommended: a.recommended + c.recommended,
      decided: a.decided + c.decided,
      waitingDays: a.waitingDays + c.waitingDays,
    }),
    caseCounts(undefined),
  );
  const published = suppressRemembered(counts, input.threshold, () => {
    const blocks = [...counts.map((c, i) => block(String(i), c)), block('T', total)];
    return {
      cells: Object.assign({}, ...blocks.map((b) => b.cells)) as Record<string, number>,
      lines: [...blocks.flatMap((b) => b.lines), ...COLUMNS.map((k) => ({ total: `T:${k}`, parts: counts.map((_, i) => `${i}:${k}`) }))],
    };
  });
  const figures = (prefix: string, c: CaseCounts, employees: number, pledge: { campaigns: number; target: number; signed: number }, apel: NationalFiguresT['apel']): NationalFiguresT => {
    const cell = (k: string): CellT => published[`${prefix}:${k}`]!;
    const recommended = cell('recommended');
    const decided = cell('decided');
    const waiting = cell('s_awaiting_ppk');
    return {
      employees,
      pledge: { ...pledge, signedPct: pct(pledge.signed, pledge.target) },
      apel,
      cases: {
        total: cell('cases'),
        byStatus: Object.fromEntries(CASE_STATUS_GROUPS.map((g) => [g, cell(`s_${g}`)])) as NationalFiguresT['cases']['byStatus'],
        proven: cell('proven'),
        sanctioned: cell('sanctioned'),
      },
      ppk: {
        recommended,
        decided,
        // A ratio of two published counts discloses nothing new; with either one hidden it would.
        followUpRate: recommended.value && decided.value !== null ? Math.round((decided.value / recommended.value) * 1000) / 1000 : null,
        waiting,
        // An average over 5 or more waiting cases describes none of them alone.
        avgWaitingDays: waiting.value ? round1(c.waitingDays / waiting.value) : null,
      },
    };
  };
  const pledgeOf = (s: StatsRow | undefined) => ({ campaigns: s?.campaigns ?? 0, target: s?.signTarget ?? 0, signed: s?.signSigned ?? 0 });
  const apelOf = (s: StatsRow | undefined) => ({ required: s?.apelRequired ?? 0, reported: s?.apelReported ?? 0, accepted: s?.apelAccepted ?? 0 });
  const rows = input.tenants.map((t, i) => {
    const e = input.election.get(t.id);
    return figures(String(i), counts[i]!, input.all.get(t.id)?.employees ?? 0, pledgeOf(e), apelOf(e));
  });
  const sum = (f: (r: NationalFiguresT) => number) => rows.reduce((s, r) => s + f(r), 0);
  const totals = {
    tenants: rows.length,
    ...figures('T', total, sum((r) => r.employees), { campaigns: sum((r) => r.pledge.campaigns), target: sum((r) => r.pledge.target), signed: sum((r) => r.pledge.signed) }, {
      required: sum((r) => r.apel.required),
      reported: sum((r) => r.apel.reported),
      accepted: sum((r) => r.apel.accepted),
    }),
  };
  return { rows, totals };
}
