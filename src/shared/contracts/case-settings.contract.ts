/** Case-handling settings: step deadlines in working days, escalation gap, letter numbering, the PPK, days off. */
import { z } from 'zod';
import { DEADLINE_STEPS, REQUIRED_EXAMINATION_TIERS, TIERS } from '../case-workflow.js';

const IsoDate = z.iso.date();
const StepDayCount = z.number().int().min(1, 'Minimal 1 hari kerja').max(365, 'Maksimal 365 hari kerja');

/** Working days per step, one entry for every step in DEADLINE_STEPS. */
export const StepDays = z.record(z.enum(DEADLINE_STEPS), StepDayCount);

export const CaseSettingsView = z.object({
  /** Working days allowed per step (the tenant's value or the default). */
  stepDays: StepDays,
  /** The defaults from the domain notes, for comparison in the UI. */
  defaultStepDays: StepDays,
  /** Working days between escalation levels (assignee → Satgas chair → PPK). */
  escalationGapDays: z.number().int(),
  /** Tiers whose cases go through a Tim Pemeriksa and a BAP after clarification. */
  examinationTiers: z.array(z.enum(TIERS)),
  /** The legal minimum (PP 94/2021: sedang, berat, PTDH); always part of examinationTiers. */
  requiredExaminationTiers: z.array(z.enum(TIERS)),
  /** Classification code in letter numbers, e.g. "800.1.6.4". */
  letterCode: z.string(),
  /** Place printed before the date of letters, e.g. "Contoh". */
  letterPlace: z.string().nullable(),
  /** Title of the PPK as printed on letters, e.g. "Bupati Contoh". */
  ppkTitle: z.string(),
  /** Name of the PPK as printed on letters. */
  ppkName: z.string().nullable(),
  /** When an admin last saved the settings; null while the defaults apply. */
  updatedAt: z.string().nullable(),
  /** Who saved them last (display name). */
  updatedByName: z.string().nullable(),
});

export const CaseSettingsBody = z.object({
  stepDays: StepDays,
  escalationGapDays: z.number().int().min(1, 'Minimal 1 hari kerja').max(30, 'Maksimal 30 hari kerja'),
  /** Omitted = unchanged. Must keep the legal minimum; a change needs a reason like a deadline change. */
  examinationTiers: z
    .array(z.enum(TIERS))
    .max(TIERS.length)
    .refine((tiers) => REQUIRED_EXAMINATION_TIERS.every((t) => tiers.includes(t)), 'Hukuman sedang, berat dan PTDH wajib melalui Tim Pemeriksa (PP 94/2021); tingkat itu tidak dapat dilepas.')
    .optional(),
  letterCode: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[0-9A-Za-z./-]+$/, 'Hanya angka, huruf, titik, garis miring dan tanda hubung, mis. 800.1.6.4'),
  letterPlace: z.string().trim().max(100).nullable(),
  ppkTitle: z.string().trim().min(2).max(200),
  ppkName: z.string().trim().max(200).nullable(),
  /** Required when any step's working days change (audited with the before/after values). */
  reason: z.string().trim().max(1000).nullable().optional(),
});

/** cuti_bersama and libur_daerah are added by the tenant; nasional comes from the national calendar. */
export const TENANT_HOLIDAY_KINDS = ['cuti_bersama', 'libur_daerah'] as const;
export const HOLIDAY_KINDS = ['nasional', ...TENANT_HOLIDAY_KINDS] as const;

export const HolidayView = z.object({
  day: IsoDate,
  name: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
  /** Only the tenant's own days can be removed. */
  removable: z.boolean(),
});

export const HolidayList = z.object({ year: z.number().int(), items: z.array(HolidayView) });

export const HolidayQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const HolidayBody = z.object({
  day: IsoDate,
  name: z.string().trim().min(3).max(200),
  kind: z.enum(TENANT_HOLIDAY_KINDS),
});

export const HolidayParams = z.object({ day: IsoDate });
