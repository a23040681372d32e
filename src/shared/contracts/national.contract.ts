/**
 * The national/provincial roll-up: one row of aggregates per tenant (never below tenant level) for
 * the platform operator or an oversight tenant, and the oversight grants that decide who sees whom.
 * Case counts are `Cell`s (suppressed below 5, as on the public page); employee, pledge and apel
 * figures are exact (they describe compliance, not a reported person).
 */
import { z } from 'zod';
import type { CaseState } from '../case-workflow.js';
import { Cell } from './insights.contract.js';

/** Where a case stands, coarsely (the national table has no room for ten workflow states). */
export const CASE_STATUS_GROUPS = ['received', 'in_process', 'awaiting_ppk', 'follow_up', 'closed'] as const;
export type CaseStatusGroup = (typeof CASE_STATUS_GROUPS)[number];

export const CASE_STATUS_GROUP_OF: Record<CaseState, CaseStatusGroup> = {
  registered: 'received',
  verification: 'received',
  clarification: 'in_process',
  examination: 'in_process',
  conclusion: 'in_process',
  recommendation: 'in_process',
  forwarded: 'in_process',
  awaiting_ppk: 'awaiting_ppk',
  follow_up: 'follow_up',
  closed: 'closed',
};

/** Indonesian labels (the web app translates its own copy). */
export const CASE_STATUS_GROUP_LABELS: Record<CaseStatusGroup, string> = {
  received: 'Diterima/verifikasi',
  in_process: 'Dalam pemeriksaan',
  awaiting_ppk: 'Menunggu PPK',
  follow_up: 'Tindak lanjut sanksi',
  closed: 'Selesai',
};

/** "*" = every election together (campaigns: the open ones; cases: all). */
export const ALL_ELECTIONS = '*';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal YYYY-MM-DD');

export const NationalQuery = z.object({
  /** Election key (`kind:voting-day`, the same election across tenants) or "*"; default the most recent election. */
  election: z.string().min(1).max(200).optional(),
  /** Two-digit province code (Kemendagri): only the tenants of that province. */
  province: z.string().regex(/^\d{2}$/, 'Kode provinsi dua angka').optional(),
  /** The figures as they stood on this day (the latest refresh on or before it); default today. */
  asOf: isoDate.optional(),
});

const int = z.number().int();

export const NationalFigures = z.object({
  /** Active employees. */
  employees: int,
  pledge: z.object({ campaigns: int, target: int, signed: int, /** percent, one decimal; null when nobody is targeted */ signedPct: z.number().nullable() }),
  apel: z.object({ required: int, reported: int, accepted: int }),
  /** Counted per case (merged cases left out). */
  cases: z.object({
    total: Cell,
    byStatus: z.record(z.enum(CASE_STATUS_GROUPS), Cell),
    /** Proven (sanctioned or not) and, of those, sanctioned. */
    proven: Cell,
    sanctioned: Cell,
  }),
  ppk: z.object({
    recommended: Cell,
    decided: Cell,
    /** decided ÷ recommended (0–1); null when either is suppressed or nothing was recommended. */
    followUpRate: z.number().nullable(),
    /** Cases awaiting the PPK now (the status group's count). */
    waiting: Cell,
    /** Average calendar days they have waited; null when the count is suppressed or none wait. */
    avgWaitingDays: z.number().nullable(),
  }),
});
export type NationalFiguresT = z.infer<typeof NationalFigures>;

export const NationalRow = NationalFigures.extend({
  tenantId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  wilayahCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  /** Day of the figures shown; null when the tenant has not been refreshed yet. */
  statDate: z.string().nullable(),
  computedAt: z.string().nullable(),
  /** False when the tenant has not recorded the selected election (its election figures are zero). */
  hasElection: z.boolean(),
});
export type NationalRowT = z.infer<typeof NationalRow>;

export const NationalView = z.object({
  filters: z.object({ election: z.string(), province: z.string().nullable(), asOf: z.string() }),
  /** `platform`: every tenant (the operator); `granted`: the tenants granted to the viewer's tenant. */
  scope: z.enum(['platform', 'granted']),
  threshold: int,
  /** Elections recorded by the visible tenants, most recent voting day first. */
  elections: z.array(z.object({ key: z.string(), name: z.string(), votingDay: z.string().nullable(), tenants: int })),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), tenants: int })),
  rows: z.array(NationalRow),
  totals: NationalFigures.extend({ tenants: int }),
  /** Oldest and newest refresh among the rows shown (ISO); null when none. */
  computedAt: z.object({ oldest: z.string().nullable(), newest: z.string().nullable() }),
});
export type NationalViewT = z.infer<typeof NationalView>;

/** What the viewer may see (the web app shows the menu entry only when not `none`). */
export const NationalScope = z.object({ scope: z.enum(['platform', 'granted', 'none']), tenants: int });

export const OversightGrantBody = z.object({
  overseerTenantId: z.uuid(),
  /** Null: every tenant. */
  overseenTenantId: z.uuid().nullable(),
  basis: z.string().trim().max(300).optional(),
});

const TenantRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const OversightGrantView = z.object({
  id: z.uuid(),
  overseer: TenantRef,
  /** Null: every tenant. */
  overseen: TenantRef.nullable(),
  basis: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type OversightGrantViewT = z.infer<typeof OversightGrantView>;

export const OversightGrantList = z.object({ items: z.array(OversightGrantView) });

export const NationalRefreshResult = z.object({ tenants: int });
