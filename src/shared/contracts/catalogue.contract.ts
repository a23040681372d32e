/** The violation catalogue (SKB 2022 and later versions) and Netra's proposal of an item for an act. */
import { z } from 'zod';
import { CATALOGUE_LISTS, TIERS } from '../case-workflow.js';
import { ACT_KINDS } from './reports.contract.js';

const IsoDate = z.iso.date();

/** When an item applies: before penetapan calon (bakal_calon), on/after it (calon), or at any time. */
export const CATALOGUE_STAGES = ['bakal_calon', 'calon', 'any'] as const;
export type CatalogueStage = (typeof CATALOGUE_STAGES)[number];

const CatalogueItemFields = z.object({
  /** Stable code within the version, e.g. KE-4, D-6, PP94-n.5. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'Kode hanya huruf, angka, titik dan tanda hubung, mis. KE-4'),
  /** kode_etik (sanksi moral, PP 42/2004) | disiplin (PP 94/2021) | pp94 (PP 94/2021 Pasal 5 huruf n). */
  list: z.enum(CATALOGUE_LISTS),
  /** The prohibited act, in Indonesian. */
  act: z.string().trim().min(10).max(2000),
  /** What to record as evidence. */
  examples: z.string().trim().max(1000).nullable().default(null),
  stage: z.enum(CATALOGUE_STAGES),
  /** The sanction tier the Satgas recommends for this item. */
  tier: z.enum(TIERS),
  /** Where the tier comes from (sources disagree on some). */
  tierSource: z.string().trim().min(3).max(500),
  /** Legal basis as printed on letters. */
  legalBasis: z.string().trim().min(3).max(1000),
  /** Report act kinds this item is proposed for; the first item naming a kind earliest wins (see proposeItem). */
  actKinds: z.array(z.enum(ACT_KINDS)).max(ACT_KINDS.length).default([]),
});

/** One item of a version to publish; the tier must fit the list. */
export const CatalogueItemInput = CatalogueItemFields.superRefine((item, ctx) => {
  // PP 42/2004 Pasal 15: a kode etik breach gets a sanksi moral; PP 94/2021: discipline gets a hukuman disiplin.
  if (item.list === 'kode_etik' && item.tier !== 'moral') ctx.addIssue({ code: 'custom', path: ['tier'], message: 'Item kode etik bersanksi moral (PP 42/2004 Pasal 15)' });
  if (item.list !== 'kode_etik' && item.tier === 'moral') ctx.addIssue({ code: 'custom', path: ['tier'], message: 'Sanksi moral hanya untuk item kode etik; item disiplin memakai hukuman disiplin' });
  // Non-ASN staff are handled under their contract, outside the catalogue.
  if ((item.tier as string) === 'kontrak') ctx.addIssue({ code: 'custom', path: ['tier'], message: 'Tingkat kontrak (non-ASN) bukan tingkat item katalog' });
  if (new Set(item.actKinds).size !== item.actKinds.length) ctx.addIssue({ code: 'custom', path: ['actKinds'], message: 'Jenis perbuatan ganda' });
});

export const CatalogueItemView = CatalogueItemFields.extend({
  examples: z.string().nullable(),
  actKinds: z.array(z.enum(ACT_KINDS)),
  /** Position within its list (1-based). */
  ordinal: z.number().int(),
});

/** A new catalogue version from a full item list; it becomes the current one. */
export const CataloguePublishBody = z.object({
  title: z.string().trim().min(3).max(200),
  /** Why this version exists, e.g. "Penyesuaian tingkat sanksi D-8 dengan PP 94/2021". */
  note: z.string().trim().max(2000).nullable().default(null),
  items: z
    .array(CatalogueItemInput)
    .min(1)
    .max(300)
    .superRefine(
      (items, ctx) => {
        const seen = new Map<string, number>();
        items.forEach((item, i) => {
          const code: unknown = (item as { code?: unknown } | null)?.code;
          if (typeof code !== 'string') return;
          const key = code.trim().toUpperCase();
          const first = seen.get(key);
          if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `Kode ${code.trim()} sudah dipakai pada baris ${first + 1}` });
          else seen.set(key, i);
        });
      },
      // Report duplicate codes together with the other rows' errors, not only once those are fixed.
      { when: (payload) => Array.isArray(payload.value) },
    ),
});

export const CatalogueVersionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  note: z.string().nullable(),
  /** The version new cases are judged under. */
  isCurrent: z.boolean(),
  publishedAt: z.string(),
  /** Display name of the publisher; null for the built-in version. */
  publishedByName: z.string().nullable(),
  itemCount: z.number().int(),
});

export const CatalogueVersionView = CatalogueVersionSummary.extend({ items: z.array(CatalogueItemView) });
export const CatalogueVersionList = z.object({ items: z.array(CatalogueVersionSummary) });

export const ProposalQuery = z.object({
  actKind: z.enum(ACT_KINDS),
  /** The day of the act (YYYY-MM-DD). */
  actDate: IsoDate.optional(),
  /** The election contest whose penetapan calon date decides kode etik vs disiplin. */
  contestId: z.uuid().optional(),
  /** A specific catalogue version; the current one when left out. */
  catalogueId: z.uuid().optional(),
});

export const ProposalItem = z.object({ code: z.string(), list: z.enum(CATALOGUE_LISTS), tier: z.enum(TIERS), act: z.string() });

/** Netra's suggestion; the Satgas confirms it or overrides it with a reason. */
export const Proposal = z.object({
  catalogueId: z.uuid(),
  catalogueVersion: z.number().int(),
  /** The proposed item, or null when the date/contest is missing or no item fits the act kind. */
  list: z.enum(CATALOGUE_LISTS).nullable(),
  itemCode: z.string().nullable(),
  tier: z.enum(TIERS).nullable(),
  /** bakal_calon (act before penetapan) | calon (on/after) | null (unknown). */
  phase: z.enum(['bakal_calon', 'calon']).nullable(),
  penetapanCalonOn: IsoDate.nullable(),
  /** Why, in Indonesian (shown to the Satgas and kept with the case). */
  reason: z.string(),
  /** Other items that also fit the act kind at this stage. */
  alternatives: z.array(ProposalItem),
});
