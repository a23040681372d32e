/**
 * Insights: the public transparency figures and the case dashboards. Every count that can be shown to
 * someone who might recognise the person behind it is a `Cell`: a number, or suppressed ("<5", or
 * hidden so a "<5" cannot be worked out from the totals).
 */
import { z } from 'zod';

/** A published count. */
export const Cell = z.object({
  /** The count; null when suppressed. */
  value: z.number().int().nullable(),
  /** `small`: below 5 (shown "<5"); `complementary`: hidden so a "<5" cannot be computed from totals. */
  suppressed: z.enum(['small', 'complementary']).nullable(),
});
export type CellT = z.infer<typeof Cell>;

/** Broad violation types: from the catalogue list of the item (PP 94 items are discipline). */
export const BROAD_TYPES = ['kode_etik', 'disiplin', 'lainnya'] as const;
export type BroadType = (typeof BROAD_TYPES)[number];

/**
 * Where each reported person stands, mutually exclusive: still being handled (no finding yet),
 * stopped (not proven, not admissible, or handed over), proven without a sanction (yet), sanctioned.
 */
export const OUTCOMES = ['examining', 'stopped', 'proven', 'sanctioned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const TransparencyQuery = z.object({
  /** Instansi slug; optional on a single-instansi installation. */
  tenant: z.string().min(1).max(64).optional(),
  /** Election event; default the most recent one. */
  event: z.uuid().optional(),
});

export const TransparencyView = z.object({
  tenant: z.object({ slug: z.string(), name: z.string() }),
  /** Every election of the instansi, most recent first (for the picker). */
  events: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The election shown; null when the instansi has none yet. */
  event: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Date (YYYY-MM-DD, the instansi's time zone) the figures were computed. */
  asOf: z.string(),
  /** Counts below this are suppressed. */
  threshold: z.number().int(),
  /** Headline figures, all in persons reported (a report or finding about two ASN counts two). */
  headline: z.object({
    /** Persons reported or found (laporan and temuan), duplicates excluded. */
    received: Cell,
    /** No finding yet. */
    examining: Cell,
    /** Proven (sanctioned or not). */
    proven: Cell,
    /** Proven and sanctioned by the PPK. */
    sanctioned: Cell,
    /** Sanctioned ÷ proven, 0–1; null when either count is suppressed or nobody is proven yet. */
    followUpRate: z.number().nullable(),
  }),
  /** Rows: broad type; columns: outcome. Row totals are the persons received per type. */
  byType: z.object({
    rows: z.array(z.object({ type: z.enum(BROAD_TYPES), cells: z.record(z.enum(OUTCOMES), Cell), total: Cell })),
    totals: z.record(z.enum(OUTCOMES), Cell),
    total: Cell,
  }),
  /** Rows: month received (YYYY-MM, every month from the first to the last); columns: broad type. */
  byMonth: z.object({
    rows: z.array(z.object({ month: z.string(), cells: z.record(z.enum(BROAD_TYPES), Cell), total: Cell })),
    totals: z.record(z.enum(BROAD_TYPES), Cell),
    total: Cell,
  }),
});
export type TransparencyViewT = z.infer<typeof TransparencyView>;

// A real calendar day, not just the pattern: '3231-78-41' reached the database and answered 500
// (found by the endpoint fuzzer).
const isoDate = z.iso.date({ error: 'Format tanggal YYYY-MM-DD' });

/** Filters of the case dashboard; the web app keeps them in the URL. */
export const CaseInsightsQuery = z.object({
  /** Election event. */
  event: z.uuid().optional(),
  /** Matters received on or after this day. */
  from: isoDate.optional(),
  /** Matters received on or before this day. */
  to: isoDate.optional(),
  /** Unit subtree (a unit head: within their own subtree only). */
  unitId: z.uuid().optional(),
});

/** The XLSX takes the same filters, and optionally one breakdown only. */
export const CaseInsightsXlsxQuery = CaseInsightsQuery.extend({
  /** One section (e.g. `byItem`); all sections when absent. */
  section: z.string().max(40).optional(),
});

/** One bar of a breakdown. */
export const BreakdownRow = z.object({
  /** Stable key (state, origin, item code, unit id, YYYY-MM…); `none` for "not recorded". */
  key: z.string(),
  /** Indonesian label (the web app translates the enumerations itself). */
  label: z.string(),
  cell: Cell,
});

export const StepFigures = z.object({
  state: z.string(),
  /** Finished passages through this step that the averages are taken over. */
  completed: z.number().int(),
  /** Average calendar days a finished passage took; null when there is none (or fewer than 5 and suppressed). */
  avgCalendarDays: z.number().nullable(),
  /** The same in the instansi's working days. */
  avgWorkingDays: z.number().nullable(),
  /** Open cases in this step now. */
  open: Cell,
  /** Of those, past their due date. */
  overdue: Cell,
  /** Working days the longest-overdue case is late; null when none (or suppressed). */
  maxOverdueWorkingDays: z.number().int().nullable(),
});

/** Monitoring queue volume and hit rate (viewers holding monitoring.read only). */
export const MonitoringInsights = z.object({
  captured: z.number().int(),
  pending: z.number().int(),
  reviewed: z.number().int(),
  relevant: z.number().int(),
  notRelevant: z.number().int(),
  duplicate: z.number().int(),
  /** Captures a case was opened from ("Buka kasus"). */
  casesOpened: z.number().int(),
  /** relevant ÷ (relevant + not relevant), percent with one decimal; null when nothing was judged. */
  hitRatePct: z.number().nullable(),
  /** Age in days of the oldest capture waiting for review. */
  oldestPendingDays: z.number().int().nullable(),
  /** Per screening-risk band (high ≥ 70, medium ≥ 40, low): does the ranking find the relevant posts? */
  byBand: z.array(z.object({ band: z.enum(['high', 'medium', 'low']), captured: z.number().int(), pending: z.number().int(), relevant: z.number().int(), notRelevant: z.number().int(), hitRatePct: z.number().nullable() })),
  /** Per week of capture (Monday, YYYY-MM-DD), quiet weeks included. */
  byWeek: z.array(z.object({ week: z.string(), captured: z.number().int(), reviewed: z.number().int(), relevant: z.number().int() })),
});
export type MonitoringInsightsT = z.infer<typeof MonitoringInsights>;

export const CaseInsights = z.object({
  filters: z.object({ eventId: z.uuid().nullable(), from: z.string().nullable(), to: z.string().nullable(), unitId: z.uuid().nullable(), unitName: z.string() }),
  /** True when counts below 5 are suppressed for this viewer (no right to read cases, e.g. a unit head). */
  isSuppressed: z.boolean(),
  /** Today in the instansi's time zone. */
  today: z.string(),
  /** Counted per case. */
  cases: z.object({ total: Cell, byState: z.array(BreakdownRow), byOrigin: z.array(BreakdownRow), byMonth: z.array(BreakdownRow) }),
  /** Counted per reported person. */
  subjects: z.object({ total: Cell, byItem: z.array(BreakdownRow), byUnit: z.array(BreakdownRow), byJabatanClass: z.array(BreakdownRow), byCategory: z.array(BreakdownRow) }),
  /** Time per step and what is open or overdue now, in workflow order. */
  steps: z.array(StepFigures),
  /** PPK follow-up: recommendations sent, decided, waiting (the PPK board's figures for these cases). */
  ppk: z.object({
    recommended: Cell,
    decided: Cell,
    /** decided ÷ recommended; null when none or suppressed. */
    followUpRate: z.number().nullable(),
    /** Average calendar days from recommendation to decision. */
    avgDaysToDecide: z.number().nullable(),
    waiting: Cell,
    avgWaitingWorkingDays: z.number().nullable(),
    maxWaitingWorkingDays: z.number().int().nullable(),
    /** Per PPK (tenant-wide viewers only). */
    byPpk: z.array(z.object({ ppkName: z.string(), recommended: z.number().int(), decided: z.number().int(), followUpRate: z.number().nullable(), avgDaysToDecide: z.number().nullable() })),
  }),
  /** Monitoring queue volume and hit rate; null for viewers without monitoring.read. */
  monitoring: MonitoringInsights.nullable(),
  /** Pledge compliance of the election's campaigns (all open campaigns without an election filter), in the same unit scope. */
  compliance: z.array(
    z.object({
      campaignId: z.uuid(),
      campaignName: z.string(),
      status: z.string(),
      target: z.number().int(),
      signed: z.number().int(),
      /** Percent with one decimal; null when nobody is targeted. */
      signedPct: z.number().nullable(),
      apelRequired: z.number().int(),
      apelReported: z.number().int(),
      apelAccepted: z.number().int(),
      overdueUnits: z.number().int(),
      /** When the per-unit signing counts were computed (ISO instant; pre-aggregated, at most about a minute old). */
      computedAt: z.string(),
    }),
  ),
});
export type CaseInsightsT = z.infer<typeof CaseInsights>;
