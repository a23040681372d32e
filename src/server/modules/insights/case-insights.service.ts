/**
 * The case dashboard for BKPSDM, the Satgas and the PPK (exact counts), and for the Inspektorat and
 * unit heads (their subtree only, counts below 5 suppressed): cases by state, origin and month;
 * reported persons by violation item, unit, jabatan class and category; time per step; overdue steps;
 * PPK follow-up; and pledge compliance in the same scope.
 */
import { CASE_ORIGIN_LABELS, CASE_STATE_LABELS } from '../../../shared/case-workflow.js';
import type { CaseInsightsT } from '../../../shared/contracts/insights.contract.js';
import { EMPLOYEE_CATEGORY_LABELS } from '../../../shared/enums.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatDateTimeId, localIsoDate } from '../../lib/dates.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadWorkingCalendar } from '../case-settings/case-settings.service.js';
import { computeTree, resolveCampaignScope } from '../compliance/compliance.service.js';
import { findEvent } from '../elections/elections.repository.js';
import { listCampaigns } from '../pledges/pledges.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { findRootUnit, findUnit, type UnitRow } from '../units/units.repository.js';
import { buildCaseInsights } from './case-insights.build.js';
import { buildMonitoringInsights } from './monitoring-insights.build.js';
import { monitoringCounts } from './monitoring-insights.repository.js';
import { INSIGHT_SECTIONS, renderCaseInsightsXlsx, type InsightSection } from './insights.export.js';
import { caseFacts, caseTransitions, childUnits, currentItems, type CaseFilter } from './insights.repository.js';

export interface CaseInsightsFilters {
  event?: string;
  from?: string;
  to?: string;
  unitId?: string;
}

/** Kelas jabatan as BKPSDM writes them (the web app translates its own copy). */
export const JABATAN_CLASS_LABELS: Record<string, string> = {
  jpt_utama: 'JPT Utama',
  jpt_madya: 'JPT Madya',
  jpt_pratama: 'JPT Pratama',
  administrator: 'Administrator',
  pengawas: 'Pengawas',
  fungsional: 'Fungsional',
  pelaksana: 'Pelaksana',
  kepala_wilayah: 'Kepala wilayah',
  lainnya: 'Lainnya',
};

const segments = (path: string) => path.split('/').filter(Boolean).length;

/**
 * The unit the figures are scoped to: the whole instansi (its root), a unit head's own unit, or the
 * unit asked for — refused, not silently widened, when it lies outside the actor's subtree.
 */
async function resolveUnitScope(deps: AppDeps, ctx: RequestContext, unitId: string | undefined): Promise<{ unit: UnitRow; isWholeTenant: boolean }> {
  const scope = requireScope(ctx.actor, 'dashboard.read');
  const root = (await findRootUnit(deps.db, ctx.tenantId))!;
  const own = scope === 'subtree' ? await findUnit(deps.db, ctx.tenantId, ctx.actor.scopeUnitId!) : root;
  if (!own) throw new AppError('FORBIDDEN', { unitId: ctx.actor.scopeUnitId });
  if (!unitId) return { unit: own, isWholeTenant: own.id === root.id };
  const unit = await findUnit(deps.db, ctx.tenantId, unitId);
  if (!unit) throw notFound({ unitId });
  if (!unit.path.startsWith(own.path)) throw new AppError('FORBIDDEN', { unitId });
  return { unit, isWholeTenant: unit.id === root.id };
}

/** GET /insights/cases; `exact` recomputes changed pledge counts first (the recaps: official figures). */
export async function getCaseInsights(deps: AppDeps, ctx: RequestContext, q: CaseInsightsFilters, now = new Date(), options: { exact?: boolean } = {}): Promise<CaseInsightsT> {
  const { unit, isWholeTenant } = await resolveUnitScope(deps, ctx, q.unitId);
  if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION_FAILED', { to: 'Tanggal akhir harus sesudah tanggal awal.' });
  if (q.event && !(await findEvent(deps.db, ctx.tenantId, q.event))) throw notFound({ event: q.event });
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const isSuppressed = scopeFor(ctx.actor, 'case.read') === null;
  const filter: CaseFilter = { tenantId: ctx.tenantId, eventId: q.event, from: q.from, to: q.to, unitPath: isWholeTenant ? null : unit.path, groupDepth: segments(unit.path), timeZone: tenant.timezone };
  const facts = await caseFacts(deps.db, filter);
  const transitions = await caseTransitions(deps.db, filter);
  const units = await childUnits(deps.db, ctx.tenantId, unit.id);
  const items = await currentItems(deps.db, ctx.tenantId);
  const calendar = await loadWorkingCalendar(deps.db, ctx.tenantId);
  const today = localIsoDate(now, tenant.timezone);
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: tenant.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const figures = buildCaseInsights({
    facts,
    transitions,
    isSuppressed,
    today,
    localDay: (at) => dayFormat.format(at),
    workingDaysBetween: (a, b) => calendar.workingDaysBetween(a, b),
    items: items.map((i) => ({ code: i.code, label: `${i.code} — ${i.act}` })),
    units,
    scopeUnitName: unit.name,
    labels: { state: CASE_STATE_LABELS, origin: CASE_ORIGIN_LABELS, jabatanClass: JABATAN_CLASS_LABELS, category: EMPLOYEE_CATEGORY_LABELS },
  });
  return {
    filters: { eventId: q.event ?? null, from: q.from ?? null, to: q.to ?? null, unitId: q.unitId ?? null, unitName: unit.name },
    isSuppressed,
    today,
    ...figures,
    monitoring: scopeFor(ctx.actor, 'monitoring.read')
      ? buildMonitoringInsights(await monitoringCounts(deps.db, { tenantId: ctx.tenantId, eventId: q.event, from: q.from, to: q.to, unitPath: isWholeTenant ? null : unit.path, timeZone: tenant.timezone }), now)
      : null,
    compliance: await complianceSummary(deps, ctx, q.event, q.unitId, now, options.exact ?? false),
  };
}

/** Signing and apel roll-ups of the election's campaigns (or of every open campaign), via the compliance tree. */
async function complianceSummary(deps: AppDeps, ctx: RequestContext, eventId: string | undefined, unitId: string | undefined, now: Date, exact: boolean): Promise<CaseInsightsT['compliance']> {
  if (!scopeFor(ctx.actor, 'compliance.read')) return [];
  const campaigns = (await listCampaigns(deps.db, ctx.tenantId)).map((r) => r.campaign).filter((c) => (eventId ? c.eventId === eventId : c.status === 'open'));
  // One tree per campaign (pre-aggregated per-unit counts, modules/unit-stats), side by side on PostgreSQL.
  return Promise.all(campaigns.map(async (c) => {
    const scope = await resolveCampaignScope(deps.db, ctx, 'compliance.read', c.id, unitId);
    const tree = await computeTree(deps.db, scope, now, { exact });
    const top = tree.units.filter((u) => u.depth === 0);
    const sum = (f: (u: (typeof top)[number]) => number) => top.reduce((s, u) => s + f(u), 0);
    const target = sum((u) => u.targetSubtree);
    const signed = sum((u) => u.signedSubtree);
    return {
      campaignId: c.id,
      campaignName: c.name,
      status: c.status,
      target,
      signed,
      signedPct: target ? Math.round((signed * 1000) / target) / 10 : null,
      apelRequired: sum((u) => u.rollup.apelRequired),
      apelReported: sum((u) => u.rollup.apelReported),
      apelAccepted: sum((u) => u.rollup.apelAccepted),
      overdueUnits: sum((u) => u.rollup.overdue),
      computedAt: tree.computedAt.toISOString(),
    };
  }));
}

/** GET /insights/cases.xlsx: the same figures as a workbook; a download of official figures is audited. */
export async function exportCaseInsights(deps: AppDeps, ctx: RequestContext, q: CaseInsightsFilters, section: string | undefined, now = new Date()) {
  if (section !== undefined && !(INSIGHT_SECTIONS as readonly string[]).includes(section)) throw new AppError('VALIDATION_FAILED', { section: `Pilih salah satu: ${INSIGHT_SECTIONS.join(', ')}.` });
  const view = await getCaseInsights(deps, ctx, q, now, { exact: true });
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const event = q.event ? await findEvent(deps.db, ctx.tenantId, q.event) : undefined;
  const bytes = await renderCaseInsightsXlsx(view, { instansi: tenant.name, eventName: event?.name ?? null, generatedAt: formatDateTimeId(now, tenant.timezone) }, section as InsightSection | undefined);
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'insights.export', entityType: 'tenant', entityId: ctx.tenantId, after: { ...view.filters, section: section ?? null } }));
  return { bytes, fileName: `dasbor-penanganan-${section ?? 'lengkap'}-${view.today}.xlsx` };
}
