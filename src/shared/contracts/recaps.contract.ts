/** Official recaps generated as tracked jobs, and the weekly recap settings. */
import { z } from 'zod';

export const RECAP_KINDS = ['bupati_weekly', 'bkn_bawaslu_periodic', 'compliance'] as const;
export type RecapKindT = (typeof RECAP_KINDS)[number];
export const RECAP_KIND_LABELS: Record<RecapKindT, string> = {
  bupati_weekly: 'Rekap mingguan untuk Bupati',
  bkn_bawaslu_periodic: 'Laporan berkala untuk BKN dan Bawaslu',
  compliance: 'Rekap kepatuhan ikrar dan apel',
};

// A real calendar day, not just the pattern: '5027-60-37' used to be stored in a recap's params and
// made GET /recaps answer 500 from then on (found by the endpoint fuzzer).
const isoDate = z.iso.date({ error: 'Format tanggal YYYY-MM-DD' });

export const CreateRecapBody = z
  .object({
    kind: z.enum(RECAP_KINDS),
    /** Election (Bupati and BKN/Bawaslu recaps); default the most recent. */
    eventId: z.uuid().nullable().optional(),
    /** Pledge campaign (compliance recap; required there). */
    campaignId: z.uuid().nullable().optional(),
    /** Period covered; the Bupati recap defaults to the last 7 days. */
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional(),
  })
  .refine((b) => b.kind !== 'compliance' || Boolean(b.campaignId), { path: ['campaignId'], message: 'Pilih kampanye ikrar.' })
  .refine((b) => !b.from || !b.to || b.from <= b.to, { path: ['to'], message: 'Tanggal akhir harus sesudah tanggal awal.' });

export const RecapView = z.object({
  id: z.uuid(),
  kind: z.enum(RECAP_KINDS),
  /** Indonesian title of the kind. */
  title: z.string(),
  params: z.object({ eventId: z.string().nullable().optional(), campaignId: z.string().nullable().optional(), from: z.string().nullable().optional(), to: z.string().nullable().optional() }),
  /** What it covers, in words (election or campaign, period). */
  subject: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  /** 0–100. */
  progress: z.number().int(),
  hasPdf: z.boolean(),
  hasXlsx: z.boolean(),
  /** Who asked; "Terjadwal" for a scheduled recap. */
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  isScheduled: z.boolean(),
});

export const RecapList = z.object({ items: z.array(RecapView) });

export const RecapSettings = z.object({
  /** Generate the Bupati's recap every week of a campaign period. */
  weeklyEnabled: z.boolean(),
  /** Told (a link, no figures) when a scheduled recap is ready. */
  recipients: z.array(z.email()).max(20),
});
