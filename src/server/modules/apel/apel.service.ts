/**
 * Apel reports (domain §3.3): every unit whose type the campaign names holds its own apel and reports
 * it to BKPSDM. Drafting rules live here; the review workflow is in apel-workflow.service.ts.
 */
import type { z } from 'zod';
import type { ApelCreateBody, ApelUpdateBody, ApelView, AttendanceBody, RosterView } from '../../../shared/contracts/apel.contract.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatIsoDateId, localIsoDate } from '../../lib/dates.js';
import { requireScope, scopeFor, type Scope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign } from '../pledges/pledges.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { findUnit } from '../units/units.repository.js';
import { countAttendanceByStatus, findApelReport, findApelReportOfUnit, findEmployeesWithUnit, insertApelReportOnce, listApelReports, listAttendance, listPhotos, listUnitRoster, lockApelReport, replaceAttendance, updateApelReportRow, type ApelReportWithUnit } from './apel.repository.js';
import { countsFrom, presentApelSummary, presentApelView } from './apel.presenter.js';

export const STATUS_LABEL: Record<string, string> = { draft: 'draf', submitted: 'diajukan', accepted: 'diterima', returned: 'dikembalikan' };
/** Only a draft or a report BKPSDM returned may change; a submitted report is frozen for review. */
export const isEditable = (status: string) => status === 'draft' || status === 'returned';

export function assertEditable(status: string, action: string): void {
  if (!isEditable(status)) {
    throw new AppError('APEL_STATE', { status }, `Laporan berstatus ${STATUS_LABEL[status] ?? status} tidak dapat ${action}; hanya draf atau laporan yang dikembalikan BKPSDM yang dapat diubah.`);
  }
}

function assertUnitInScope(ctx: RequestContext, scope: Scope, unitPath: string): void {
  // pimpinan_unit: their own unit and every unit below it, nothing else.
  if (scope === 'subtree' && !unitPath.startsWith(ctx.actor.scopeUnitPath!)) throw new AppError('FORBIDDEN', null, 'Unit ini berada di luar unit yang Anda pimpin.');
}

/** A report the actor may see and edit: admin the whole tenant, pimpinan_unit only their subtree. */
export async function loadReportForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<ApelReportWithUnit> {
  const scope = requireScope(ctx.actor, 'apel.report');
  const report = await findApelReport(db, ctx.tenantId, id);
  if (!report) throw notFound({ reportId: id });
  assertUnitInScope(ctx, scope, report.unitPath);
  return report;
}

/** The campaign with the window an apel date must fall in: its creation day … the report deadline. */
export async function loadCampaignWindow(db: DbOrTx, tenantId: string, campaignId: string) {
  const row = await findCampaign(db, tenantId, campaignId);
  if (!row) throw notFound({ campaignId });
  const tenant = (await findTenantById(db, tenantId))!;
  const from = localIsoDate(row.campaign.createdAt, tenant.timezone);
  const until = row.campaign.apelReportDeadline ?? row.campaign.signDeadline;
  return { campaign: row.campaign, eventName: row.eventName, tenant, from, until };
}

export function checkHeldOn(heldOn: string, window: { from: string; until: string }): void {
  if (heldOn < window.from) {
    throw new AppError('APEL_DATE_OUTSIDE_CAMPAIGN', { heldOn, from: window.from }, `Tanggal apel ${formatIsoDateId(heldOn)} lebih awal dari dibuatnya kampanye (${formatIsoDateId(window.from)}); apel ikrar untuk kampanye ini tidak mungkin diadakan sebelum itu.`);
  }
  if (heldOn > window.until) {
    throw new AppError('APEL_DATE_OUTSIDE_CAMPAIGN', { heldOn, until: window.until }, `Tanggal apel ${formatIsoDateId(heldOn)} melewati batas pelaksanaan apel kampanye ini (${formatIsoDateId(window.until)}).`);
  }
}

/** Apel reports of a campaign the actor may see. */
export async function listReports(db: Db, ctx: RequestContext, campaignId: string) {
  const scope = requireScope(ctx.actor, 'apel.report');
  if (!(await findCampaign(db, ctx.tenantId, campaignId))) throw notFound({ campaignId });
  const rows = await listApelReports(db, ctx.tenantId, campaignId, scope === 'subtree' ? ctx.actor.scopeUnitPath : null);
  const ids = rows.map((r) => r.id);
  const tallies = await countAttendanceByStatus(db, ctx.tenantId, ids);
  const photos = await listPhotos(db, ctx.tenantId, ids);
  return rows.map((r) => presentApelSummary(r, countsFrom(tallies.filter((t) => t.reportId === r.id)), photos.filter((p) => p.reportId === r.id).length));
}

/** One report with its daftar hadir, photos and what the actor may do next. */
export async function getReport(db: Db, ctx: RequestContext, id: string): Promise<z.infer<typeof ApelView>> {
  const report = await loadReportForActor(db, ctx, id);
  const attendance = await listAttendance(db, ctx.tenantId, id);
  const photos = await listPhotos(db, ctx.tenantId, [id]);
  const canReview = scopeFor(ctx.actor, 'apel.review') !== null && report.status === 'submitted';
  const editable = isEditable(report.status);
  return presentApelView(report, attendance, photos, { edit: editable, submit: editable, accept: canReview, return: canReview });
}

/** The roster to fill attendance from: active employees whose unit is exactly `unitId`. */
export async function getRoster(db: Db, ctx: RequestContext, campaignId: string, unitId: string): Promise<z.infer<typeof RosterView>> {
  const scope = requireScope(ctx.actor, 'apel.report');
  const { campaign } = await loadCampaignWindow(db, ctx.tenantId, campaignId);
  const target = await findUnit(db, ctx.tenantId, unitId);
  if (!target) throw notFound({ unitId });
  assertUnitInScope(ctx, scope, target.path);
  const roster = await listUnitRoster(db, ctx.tenantId, unitId);
  return {
    unit: { id: target.id, name: target.name, unitType: target.unitType, mustHoldApel: campaign.apelUnitTypes.includes(target.unitType) },
    employees: roster.map((e) => ({ id: e.id, name: e.name, idNumber: e.idNumber, jabatanName: e.jabatanName })),
  };
}

/** Opens a draft report for a unit that must hold its apel (one report per unit and campaign). */
export async function createReport(deps: AppDeps, ctx: RequestContext, campaignId: string, input: z.infer<typeof ApelCreateBody>) {
  const scope = requireScope(ctx.actor, 'apel.report');
  const window = await loadCampaignWindow(deps.db, ctx.tenantId, campaignId);
  // The ikrar read at the apel is the campaign's text, fixed only once the campaign is opened.
  if (window.campaign.status === 'draft') throw new AppError('APEL_STATE', { campaignStatus: 'draft' }, 'Kampanye masih berupa draf; laporan apel dapat dibuat setelah kampanye dibuka.');
  const target = await findUnit(deps.db, ctx.tenantId, input.unitId);
  if (!target) throw new AppError('VALIDATION_FAILED', { unitId: 'Unit tidak ditemukan.' });
  assertUnitInScope(ctx, scope, target.path);
  if (!window.campaign.apelUnitTypes.includes(target.unitType)) {
    throw new AppError('APEL_UNIT_NOT_REQUIRED', { unitType: target.unitType, apelUnitTypes: window.campaign.apelUnitTypes }, `${target.name} (jenis ${target.unitType}) tidak termasuk unit yang wajib melaksanakan apel pada kampanye ini.`);
  }
  checkHeldOn(input.heldOn, window);
  const id = await deps.db.transaction(async (tx) => {
    const created = await insertApelReportOnce(tx, { ...input, tenantId: ctx.tenantId, campaignId, status: 'draft' });
    if (!created) {
      const existing = await findApelReportOfUnit(tx, ctx.tenantId, campaignId, input.unitId);
      throw new AppError('CONFLICT', { reportId: existing?.id ?? null }, `Laporan apel ${target.name} untuk kampanye ini sudah ada; ubah laporan tersebut.`);
    }
    await recordAudit(tx, ctx, { action: 'apel.create', entityType: 'apel_report', entityId: created.id, after: { campaignId, ...input } });
    return created.id;
  });
  return getReport(deps.db, ctx, id);
}

/** Edits the details of a draft or returned report. */
export async function updateReport(deps: AppDeps, ctx: RequestContext, id: string, input: z.infer<typeof ApelUpdateBody>) {
  const before = await loadReportForActor(deps.db, ctx, id);
  if (input.heldOn) checkHeldOn(input.heldOn, await loadCampaignWindow(deps.db, ctx.tenantId, before.campaignId));
  await deps.db.transaction(async (tx) => {
    const locked = (await lockApelReport(tx, ctx.tenantId, id))!;
    assertEditable(locked.status, 'diubah');
    await updateApelReportRow(tx, ctx.tenantId, id, input);
    const changed = Object.fromEntries(Object.keys(input).map((k) => [k, locked[k as keyof typeof locked]]));
    await recordAudit(tx, ctx, { action: 'apel.update', entityType: 'apel_report', entityId: id, before: changed, after: input });
  });
  return getReport(deps.db, ctx, id);
}

const listNames = (names: string[]) => (names.length <= 10 ? names.join(', ') : `${names.slice(0, 10).join(', ')} dan ${names.length - 10} lainnya`);

/**
 * Checks a daftar hadir against the unit roster. Every roster member must be listed: a member left
 * out would otherwise vanish from the berita acara, and "absent without reason" must be a
 * deliberate entry, not a default.
 */
async function checkAgainstRoster(tx: DbOrTx, ctx: RequestContext, report: ApelReportWithUnit, entries: z.infer<typeof AttendanceBody>['entries']) {
  const seen = new Set<string>();
  const duplicates = entries.filter((e) => (seen.has(e.employeeId) ? true : (seen.add(e.employeeId), false))).map((e) => e.employeeId);
  if (duplicates.length) throw new AppError('APEL_ATTENDANCE_INVALID', { duplicates }, 'Setiap pegawai hanya boleh dicatat satu kali dalam daftar hadir.');
  const roster = await listUnitRoster(tx, ctx.tenantId, report.unitId);
  const rosterIds = new Set(roster.map((r) => r.id));
  const outsiderIds = entries.filter((e) => !rosterIds.has(e.employeeId)).map((e) => e.employeeId);
  if (outsiderIds.length) {
    const known = await findEmployeesWithUnit(tx, ctx.tenantId, outsiderIds);
    const notInRoster = outsiderIds.map((employeeId) => {
      const e = known.find((k) => k.id === employeeId);
      return { employeeId, name: e?.name ?? null, unitName: e?.unitName ?? null, isActive: e?.isActive ?? null };
    });
    const described = notInRoster.map((e) => (e.name ? `${e.name} (${e.isActive ? e.unitName : 'tidak aktif'})` : `ID ${e.employeeId} (tidak dikenal)`));
    throw new AppError('APEL_ATTENDANCE_INVALID', { notInRoster }, `Pegawai berikut bukan pegawai aktif ${report.unitName}: ${listNames(described)}. Daftar hadir hanya memuat pegawai aktif yang unit kerjanya ${report.unitName}.`);
  }
  const missing = roster.filter((r) => !seen.has(r.id));
  if (missing.length) {
    throw new AppError(
      'APEL_ATTENDANCE_INVALID',
      { missing: missing.map((m) => ({ employeeId: m.id, name: m.name })) },
      `Daftar hadir harus memuat seluruh ${roster.length} pegawai ${report.unitName}; belum dicatat: ${listNames(missing.map((m) => m.name))}. Catat pegawai yang tidak hadir beserta alasannya (cuti, sakit, dinas luar, tanpa keterangan).`,
    );
  }
}

/** Replaces the daftar hadir of a draft or returned report. */
export async function setAttendance(deps: AppDeps, ctx: RequestContext, id: string, entries: z.infer<typeof AttendanceBody>['entries']) {
  const report = await loadReportForActor(deps.db, ctx, id);
  await deps.db.transaction(async (tx) => {
    assertEditable((await lockApelReport(tx, ctx.tenantId, id))!.status, 'diubah');
    await checkAgainstRoster(tx, ctx, report, entries);
    await replaceAttendance(tx, ctx.tenantId, id, entries);
    await updateApelReportRow(tx, ctx.tenantId, id, {});
    const counts = countsFrom(entries.map((e) => ({ status: e.status, n: 1 })));
    await recordAudit(tx, ctx, { action: 'apel.attendance', entityType: 'apel_report', entityId: id, after: { counts, absent: entries.filter((e) => e.status !== 'hadir') } });
  });
  return getReport(deps.db, ctx, id);
}
