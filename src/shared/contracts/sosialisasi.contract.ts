/** Sosialisasi: announcements to employees by unit with read and acknowledgement tracking, and the public rules page. */
import { z } from 'zod';
import { CATALOGUE_LISTS, TIERS } from '../case-workflow.js';

export const CreateAnnouncementBody = z.object({
  title: z.string().trim().min(3).max(200),
  /** Plain text; blank lines separate paragraphs. */
  body: z.string().trim().min(10).max(20_000),
  /** e.g. "SE Bupati Contoh Nomor 800.1/123/2026". */
  reference: z.string().trim().max(200).nullable().optional(),
  /** Units whose whole subtree receives it; empty = every employee. */
  targetUnitIds: z.array(z.uuid()).max(200).default([]),
  /** Ask the three-question quiz before acknowledging. */
  hasQuiz: z.boolean().default(false),
  /** E-mail a notice to every targeted employee with an address. */
  notifyByEmail: z.boolean().default(true),
});

/** Counts in the viewer's scope (a unit head: their subtree). */
export const AnnouncementSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  reference: z.string().nullable(),
  publishedAt: z.string(),
  hasQuiz: z.boolean(),
  /** Names of the target units; empty = everyone. */
  targetUnitNames: z.array(z.string()),
  /** Active employees it was sent to. */
  target: z.number().int(),
  read: z.number().int(),
  acknowledged: z.number().int(),
  /** When target, read and acknowledged were computed (ISO instant; pre-aggregated per unit, at most about a minute old). */
  computedAt: z.string(),
  /** E-mail notices: null when none were asked for. */
  notices: z.object({ sent: z.number().int(), withoutEmail: z.number().int(), done: z.boolean() }).nullable(),
});
export const AnnouncementList = z.object({ items: z.array(AnnouncementSummary) });

export const AnnouncementUnitRow = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  depth: z.number().int(),
  /** Over the unit and everything below it. */
  target: z.number().int(),
  read: z.number().int(),
  acknowledged: z.number().int(),
  /** Percent with one decimal; null when nobody is targeted. */
  acknowledgedPct: z.number().nullable(),
  /** Pledge signing % of the same unit in the latest open campaign (compliance tree); null without one. */
  signedPct: z.number().nullable(),
});
export const AnnouncementUnits = z.object({
  announcement: AnnouncementSummary,
  body: z.string(),
  /** The campaign `signedPct` comes from. */
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  units: z.array(AnnouncementUnitRow),
});

export const MyAnnouncement = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  reference: z.string().nullable(),
  publishedAt: z.string(),
  hasQuiz: z.boolean(),
  readAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export const MyAnnouncements = z.object({ items: z.array(MyAnnouncement) });

export const AcknowledgeBody = z.object({
  /** Chosen option per quiz question, in order (required when the announcement has a quiz). */
  answers: z.array(z.number().int().min(0).max(9)).max(10).optional(),
});

export const RulesQuery = z.object({ tenant: z.string().min(1).max(64).optional() });

/** The public rules explainer, generated from the instansi's current catalogue. */
export const RulesView = z.object({
  tenant: z.object({ slug: z.string(), name: z.string() }),
  catalogueTitle: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      list: z.enum(CATALOGUE_LISTS),
      act: z.string(),
      /** What evidence shows it (from the catalogue). */
      examples: z.string().nullable(),
      /** online: on social media or other media; offline: everything else. */
      setting: z.enum(['online', 'offline']),
      /** bakal_calon | calon | any. */
      stage: z.string(),
      tier: z.enum(TIERS),
      tierLabel: z.string(),
      legalBasis: z.string(),
    }),
  ),
  /** The sanctions of each tier used by the items, mildest first. */
  sanctions: z.array(z.object({ tier: z.enum(TIERS), label: z.string(), ladder: z.array(z.string()) })),
});
