/**
 * Case-handling settings per tenant: step deadlines (working days), escalation gap, letter numbering,
 * the PPK on letters, and the tenant's days off. The case core reads them through `getCaseSettings`
 * and `loadWorkingCalendar`; admins change them here, every change audited.
 */
import type { z } from 'zod';
import { DEADLINE_STEPS, DEFAULT_EXAMINATION_TIERS, DEFAULT_STEP_DAYS, REQUIRED_EXAMINATION_TIERS, TIERS, type DeadlineStep, type Tier } from '../../../shared/case-workflow.js';
import type { CaseSettingsBody, CaseSettingsView, HolidayBody, HolidayList, HolidayView } from '../../../shared/contracts/case-settings.contract.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { Actor, RequestContext } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { createWorkingCalendar, nationalHolidays, type WorkingCalendar } from '../../lib/working-days.js';
import { recordAudit } from '../audit/audit.service.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { deleteTenantHoliday, findCaseSettings, findTenantHoliday, insertTenantHoliday, listTenantHolidays, upsertCaseSettings } from './case-settings.repository.js';

/** The settings the case core works with (defaults merged). */
export interface CaseSettings {
  stepDays: Record<DeadlineStep, number>;
  escalationGapDays: number;
  /** Tiers examined by a Tim Pemeriksa: the legal minimum plus whatever the tenant added. */
  examinationTiers: Tier[];
  letterCode: string;
  letterPlace: string | null;
  ppkTitle: string;
  ppkName: string | null;
  updatedAt: Date | null;
  updatedByName: string | null;
}

const PPK_TITLE_BY_KIND: Record<string, string> = { kabupaten: 'Bupati', kota: 'Wali Kota', provinsi: 'Gubernur' };

/** "Pemerintah Kabupaten Contoh" → "Contoh": the place printed before the date of a letter. */
function placeFromTenantName(name: string): string {
  return name.replace(/^Pemerintah\s+/i, '').replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '').trim();
}

/** The tenant's settings with defaults for anything never saved (missing steps use DEFAULT_STEP_DAYS). */
export async function getCaseSettings(db: DbOrTx, tenantId: string): Promise<CaseSettings> {
  const row = await findCaseSettings(db, tenantId);
  const stepDays = { ...DEFAULT_STEP_DAYS };
  for (const step of DEADLINE_STEPS) {
    const saved = row?.stepDays[step];
    if (typeof saved === 'number' && Number.isInteger(saved) && saved > 0) stepDays[step] = saved;
  }
  if (row) {
    return { stepDays, escalationGapDays: row.escalationGapDays, examinationTiers: examinationTiersOf(row.examinationTiers), letterCode: row.letterCode, letterPlace: row.letterPlace, ppkTitle: row.ppkTitle, ppkName: row.ppkName, updatedAt: row.updatedAt, updatedByName: row.updatedByName };
  }
  const tenant = await findTenantById(db, tenantId);
  return {
    stepDays,
    escalationGapDays: 2,
    examinationTiers: [...DEFAULT_EXAMINATION_TIERS],
    letterCode: '800.1.6.4',
    letterPlace: tenant ? placeFromTenantName(tenant.name) : null,
    ppkTitle: (tenant && PPK_TITLE_BY_KIND[tenant.kind]) ?? 'Bupati',
    ppkName: null,
    updatedAt: null,
    updatedByName: null,
  };
}

/** Saved tiers in catalogue order, never below the legal minimum (a hand-edited row cannot drop it). */
function examinationTiersOf(saved: string[] | null): Tier[] {
  const chosen = new Set<string>([...(saved ?? DEFAULT_EXAMINATION_TIERS), ...REQUIRED_EXAMINATION_TIERS]);
  return TIERS.filter((t) => chosen.has(t));
}

/** The tenant's working calendar: weekends, national holidays and its own days off. */
export async function loadWorkingCalendar(db: DbOrTx, tenantId: string): Promise<WorkingCalendar> {
  const days = await listTenantHolidays(db, tenantId);
  return createWorkingCalendar({ extraDaysOff: days.map((d) => ({ day: d.day, name: d.name })) });
}

/** Reading the settings: whoever may change them, and everyone who handles or decides cases. */
function requireSettingsRead(actor: Actor): void {
  if (!scopeFor(actor, 'case.settings')) requireScope(actor, 'case.read');
}

function present(s: CaseSettings): z.infer<typeof CaseSettingsView> {
  return {
    stepDays: s.stepDays,
    defaultStepDays: { ...DEFAULT_STEP_DAYS },
    escalationGapDays: s.escalationGapDays,
    examinationTiers: s.examinationTiers,
    requiredExaminationTiers: [...REQUIRED_EXAMINATION_TIERS],
    letterCode: s.letterCode,
    letterPlace: s.letterPlace,
    ppkTitle: s.ppkTitle,
    ppkName: s.ppkName,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    updatedByName: s.updatedByName,
  };
}

export async function getCaseSettingsView(db: Db, ctx: RequestContext): Promise<z.infer<typeof CaseSettingsView>> {
  requireSettingsRead(ctx.actor);
  return present(await getCaseSettings(db, ctx.tenantId));
}

/** Saves the settings. A change of any step's working days needs a reason, kept in the audit log with before/after. */
export async function updateCaseSettings(db: Db, ctx: RequestContext, input: z.infer<typeof CaseSettingsBody>): Promise<z.infer<typeof CaseSettingsView>> {
  requireScope(ctx.actor, 'case.settings');
  await db.transaction(async (tx) => {
    const before = await getCaseSettings(tx, ctx.tenantId);
    const changedSteps = DEADLINE_STEPS.filter((s) => before.stepDays[s] !== input.stepDays[s]);
    const examinationTiers = input.examinationTiers ? examinationTiersOf(input.examinationTiers) : before.examinationTiers;
    const examinationChanged = examinationTiers.join() !== before.examinationTiers.join();
    const reason = input.reason?.trim() || null;
    if ((changedSteps.length > 0 || examinationChanged) && (!reason || reason.length < 5)) {
      throw new AppError(
        'REASON_REQUIRED',
        { reason: 'Tulis alasan perubahan alur atau tenggat (minimal 5 karakter).', changedSteps, examinationChanged },
        'Perubahan tenggat atau alur penanganan wajib disertai alasan.',
      );
    }
    const row = {
      tenantId: ctx.tenantId,
      stepDays: input.stepDays,
      escalationGapDays: input.escalationGapDays,
      examinationTiers,
      letterCode: input.letterCode,
      letterPlace: input.letterPlace || null,
      ppkTitle: input.ppkTitle,
      ppkName: input.ppkName || null,
      updatedBy: ctx.actor.userId,
      updatedAt: new Date(),
    };
    await upsertCaseSettings(tx, row);
    const { updatedAt: _a, updatedByName: _b, ...beforeValues } = before;
    const { tenantId: _t, updatedBy: _u, updatedAt: _c, ...afterValues } = row;
    await recordAudit(tx, ctx, { action: 'case_settings.update', entityType: 'case_settings', entityId: ctx.tenantId, before: beforeValues, after: { ...afterValues, changedSteps, reason } });
  });
  return present(await getCaseSettings(db, ctx.tenantId));
}

/** A year's days off: national holidays (read-only) and the tenant's cuti bersama / libur daerah. */
export async function listHolidays(db: Db, ctx: RequestContext, year: number): Promise<z.infer<typeof HolidayList>> {
  requireSettingsRead(ctx.actor);
  const items: z.infer<typeof HolidayView>[] = [...nationalHolidays(year)].map(([day, name]) => ({ day, name, kind: 'nasional', removable: false }));
  for (const d of await listTenantHolidays(db, ctx.tenantId, `${year}-01-01`, `${year}-12-31`)) {
    items.push({ day: d.day, name: d.name, kind: d.kind === 'libur_daerah' ? 'libur_daerah' : 'cuti_bersama', removable: true });
  }
  items.sort((a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind));
  return { year, items };
}

/** Adds a cuti bersama or libur daerah; a day already off (weekend, national holiday) is refused as pointless. */
export async function addHoliday(db: Db, ctx: RequestContext, input: z.infer<typeof HolidayBody>): Promise<z.infer<typeof HolidayView>> {
  requireScope(ctx.actor, 'case.settings');
  const national = nationalHolidays(Number(input.day.slice(0, 4))).get(input.day);
  if (national) throw new AppError('VALIDATION_FAILED', { day: `Tanggal ini sudah hari libur nasional (${national}).` });
  const weekday = new Date(`${input.day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) throw new AppError('VALIDATION_FAILED', { day: `Tanggal ini hari ${weekday === 0 ? 'Minggu' : 'Sabtu'}; sudah bukan hari kerja.` });
  try {
    const created = await db.transaction(async (tx) => {
      const row = await insertTenantHoliday(tx, { tenantId: ctx.tenantId, day: input.day, name: input.name, kind: input.kind, createdBy: ctx.actor.userId });
      await recordAudit(tx, ctx, { action: 'case_holiday.add', entityType: 'tenant_holiday', entityId: input.day, after: { day: row.day, name: row.name, kind: row.kind } });
      return row;
    });
    return { day: created.day, name: created.name, kind: input.kind, removable: true };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { day: 'Tanggal ini sudah tercatat sebagai hari libur instansi.' });
    throw error;
  }
}

/** Removes one of the tenant's own days off; national holidays cannot be removed. */
export async function removeHoliday(db: Db, ctx: RequestContext, day: string): Promise<void> {
  requireScope(ctx.actor, 'case.settings');
  await db.transaction(async (tx) => {
    const existing = await findTenantHoliday(tx, ctx.tenantId, day);
    if (!existing) {
      const national = nationalHolidays(Number(day.slice(0, 4))).get(day);
      if (national) throw new AppError('HOLIDAY_NATIONAL', { day, name: national });
      throw notFound({ day });
    }
    await deleteTenantHoliday(tx, ctx.tenantId, day);
    await recordAudit(tx, ctx, { action: 'case_holiday.remove', entityType: 'tenant_holiday', entityId: day, before: { day: existing.day, name: existing.name, kind: existing.kind } });
  });
}
