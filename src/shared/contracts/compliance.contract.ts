import { z } from 'zod';
import { UNIT_TYPES } from '../enums.js';
import { pageOf, PageQuery } from './common.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `belum` = no report filed yet; the rest mirror apel_report.status. */
export const APEL_STATUSES = ['belum', 'draft', 'submitted', 'accepted', 'returned'] as const;
export type ApelStatus = (typeof APEL_STATUSES)[number];

export const ComplianceQuery = z.object({
  /** Root of the subtree to show; default the actor's whole scope. */
  unitId: z.uuid().optional(),
  /** Only overdue units and their ancestors (so the tree stays navigable). */
  onlyOverdue: bool.optional(),
});

/** Counts over the unit and every unit below it. */
export const ComplianceRollup = z.object({
  /** Units that must hold their own apel (type listed in the campaign's apelUnitTypes). */
  apelRequired: z.number().int(),
  /** Of those, units whose report is submitted or accepted. */
  apelReported: z.number().int(),
  /** Of those, units whose report BKPSDM accepted. */
  apelAccepted: z.number().int(),
  /** Units flagged overdue (apel report or signing). */
  overdue: z.number().int(),
});

export const ComplianceUnit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  unitType: z.enum(UNIT_TYPES),
  /** 0 for the first unit shown; the client nests the flat list by parentId. */
  depth: z.number().int(),
  /** Targeted active employees placed directly in this unit. */
  targetDirect: z.number().int(),
  /** Targeted active employees in this unit and every unit below it. */
  targetSubtree: z.number().int(),
  /** Non-revoked signatures among targetDirect. */
  signedDirect: z.number().int(),
  /** Non-revoked signatures among targetSubtree. */
  signedSubtree: z.number().int(),
  /** signedSubtree / targetSubtree in percent (one decimal), null when nobody is targeted. */
  signedPct: z.number().nullable(),
  /** The unit must hold its own apel. */
  apelRequired: z.boolean(),
  apelStatus: z.enum(APEL_STATUSES),
  /** Berita acara number, once submitted. */
  reportNumber: z.string().nullable(),
  /** Apel required, report deadline passed, report not submitted or accepted. */
  apelOverdue: z.boolean(),
  /** Signing deadline passed while employees directly in this unit have not signed. */
  signingOverdue: z.boolean(),
  overdue: z.boolean(),
  rollup: ComplianceRollup,
});
export type ComplianceUnitView = z.infer<typeof ComplianceUnit>;

export const ComplianceTree = z.object({
  campaignId: z.uuid(),
  campaignName: z.string(),
  /** Today in the tenant's timezone, the day deadlines are compared with. */
  today: z.string(),
  /** When the per-unit counts were computed (ISO instant): now for a small Pemda, at most about a minute ago for a large one. */
  computedAt: z.string(),
  signDeadline: z.string(),
  apelReportDeadline: z.string().nullable(),
  /** Units in path order (parents before children). */
  units: z.array(ComplianceUnit),
});

export const UnsignedQuery = PageQuery.extend({ unitId: z.uuid().optional() });

export const UnsignedEmployee = z.object({
  id: z.uuid(),
  name: z.string(),
  /** NIP, NI PPPK, NIK or internal number. */
  idNumber: z.string(),
  jabatanName: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** Whether an e-mail reminder can reach the employee. */
  hasEmail: z.boolean(),
});
export const UnsignedPage = pageOf(UnsignedEmployee);

export const ReminderRunResult = z.object({
  /** The tenant-local day the reminders count against (one per person per kind per day). */
  sentOn: z.string(),
  /** Unit heads e-mailed about an overdue apel report. */
  apelSent: z.number().int(),
  /** Employees e-mailed because they have not signed. */
  signSent: z.number().int(),
  /** Recipients skipped because they were already reminded today. */
  alreadyReminded: z.number().int(),
  /** Unsigned employees without an e-mail address, plus late units whose head is unset or has no e-mail. */
  withoutEmail: z.number().int(),
});
