/**
 * Compliance tracking: who signed, which units held and reported their apel, who is late — for the
 * whole Pemda or, for a pimpinan_unit, their own subtree only.
 */
import type { z } from 'zod';
import type { ComplianceQuery, ComplianceTree, UnsignedPage, UnsignedQuery } from '../../../shared/contracts/compliance.contract.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatDateId, formatDateTimeId, formatIsoDateId, localIsoDate } from '../../lib/dates.js';
import { requireScope, type Permission } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign, type CampaignRow } from '../pledges/pledges.repository.js';
import { findTenantById, type TenantRow } from '../tenants/tenants.repository.js';
import { findUnit } from '../units/units.repository.js';
import { listUnitAggregates, listUnsignedPage } from './compliance.repository.js';
import { exportComplianceXlsx, exportSignaturesXlsx } from './compliance.export.js';
import { buildComplianceTree } from './compliance.tree.js';
import { campaignScope, freshUnitStats } from '../unit-stats/unit-stats.service.js';

export interface CampaignScope {
  campaign: CampaignRow;
  eventName: string;
  tenant: TenantRow;
  /** Path prefix of the subtree shown: "/" for the whole tenant. */
  pathPrefix: string;
}

/**
 * Checks the permission and narrows the view: a tenant-wide actor sees everything or the unit asked
 * for; a pimpinan_unit sees their subtree, and asking for a unit outside it is refused rather than
 * silently widened or emptied.
 */
export async function resolveCampaignScope(db: Db, ctx: RequestContext, permission: Permission, campaignId: string, unitId?: string): Promise<CampaignScope> {
  const scope = requireScope(ctx.actor, permission);
  const row = await findCampaign(db, ctx.tenantId, campaignId);
  if (!row) throw notFound({ campaignId });
  const tenant = (await findTenantById(db, ctx.tenantId))!;
  const own = scope === 'subtree' ? ctx.actor.scopeUnitPath! : '/';
  let pathPrefix = own;
  if (unitId) {
    const unit = await findUnit(db, ctx.tenantId, unitId);
    if (!unit) throw notFound({ unitId });
    if (!unit.path.startsWith(own)) throw new AppError('FORBIDDEN', { unitId });
    pathPrefix = unit.path;
  }
  return { campaign: row.campaign, eventName: row.eventName, tenant, pathPrefix };
}

/**
 * The tree rows for a resolved scope, evaluated against `now` in the tenant's timezone, from the
 * pre-aggregated per-unit counts; `computedAt` says when those were computed (now, for a small
 * Pemda; at most a minute ago for a large one). `exact` recomputes changed counts first (official
 * figures: exports and the recap).
 */
export async function computeTree(db: Db, s: CampaignScope, now: Date, options: { onlyOverdue?: boolean; exact?: boolean } = {}) {
  const today = localIsoDate(now, s.tenant.timezone);
  const computedAt = await freshUnitStats(db, s.tenant.id, campaignScope(s.campaign.id), { exact: options.exact });
  const rows = await listUnitAggregates(db, s.tenant.id, s.campaign, s.pathPrefix);
  if (rows.length === 0) return { today, computedAt, units: [] };
  const units = buildComplianceTree(rows, { apelUnitTypes: s.campaign.apelUnitTypes, signDeadline: s.campaign.signDeadline, apelReportDeadline: s.campaign.apelReportDeadline, today }, options);
  return { today, computedAt, units };
}

/** GET /campaigns/:id/compliance: the unit tree with signing and apel figures and roll-ups. */
export async function getComplianceTree(deps: AppDeps, ctx: RequestContext, campaignId: string, query: z.infer<typeof ComplianceQuery>, now = new Date()): Promise<z.infer<typeof ComplianceTree>> {
  const s = await resolveCampaignScope(deps.db, ctx, 'compliance.read', campaignId, query.unitId);
  const { today, computedAt, units } = await computeTree(deps.db, s, now, { onlyOverdue: query.onlyOverdue });
  return {
    campaignId: s.campaign.id,
    campaignName: s.campaign.name,
    today,
    computedAt: computedAt.toISOString(),
    signDeadline: s.campaign.signDeadline,
    apelReportDeadline: s.campaign.apelReportDeadline,
    units,
  };
}

/** GET /campaigns/:id/compliance/unsigned: who in the subtree has not signed yet. */
export async function getUnsignedEmployees(deps: AppDeps, ctx: RequestContext, campaignId: string, query: z.infer<typeof UnsignedQuery>): Promise<z.infer<typeof UnsignedPage>> {
  const s = await resolveCampaignScope(deps.db, ctx, 'compliance.read', campaignId, query.unitId);
  const { rows, total } = await listUnsignedPage(deps.db, ctx.tenantId, s.campaign, s.pathPrefix, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, idNumber: r.idNumber, jabatanName: r.jabatanName, unitId: r.unitId, unitName: r.unitName, hasEmail: Boolean(r.email) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Exports and the recap carry personal data or official figures: each download is audited like a write. */
export async function auditDownload(deps: AppDeps, ctx: RequestContext, action: string, s: CampaignScope): Promise<void> {
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action, entityType: 'pledge_campaign', entityId: s.campaign.id, after: { pathPrefix: s.pathPrefix } }));
}

/** GET /campaigns/:id/compliance.xlsx: the tree as one row per unit. */
export async function exportCompliance(deps: AppDeps, ctx: RequestContext, campaignId: string, unitId?: string) {
  const s = await resolveCampaignScope(deps.db, ctx, 'compliance.read', campaignId, unitId);
  const { today, units } = await computeTree(deps.db, s, new Date(), { exact: true });
  await auditDownload(deps, ctx, 'compliance.export', s);
  return { stream: exportComplianceXlsx(units), fileName: `kepatuhan-${today}.xlsx` };
}

/** GET /campaigns/:id/signatures.xlsx: every signature (personal data, hence pledge.read and an audit entry). */
export async function exportSignatures(deps: AppDeps, ctx: RequestContext, campaignId: string, unitId?: string) {
  const s = await resolveCampaignScope(deps.db, ctx, 'pledge.read', campaignId, unitId);
  await auditDownload(deps, ctx, 'pledge.export', s);
  const today = localIsoDate(new Date(), s.tenant.timezone);
  return { stream: exportSignaturesXlsx(deps.db, ctx.tenantId, s.campaign.id, s.pathPrefix, s.tenant.timezone), fileName: `tanda-tangan-${today}.xlsx` };
}

/** GET /campaigns/:id/recap.pdf: the recap for the Bupati, rendered on request (a few hundred units: well under a second). */
export async function renderRecap(deps: AppDeps, ctx: RequestContext, campaignId: string, unitId?: string) {
  const s = await resolveCampaignScope(deps.db, ctx, 'compliance.read', campaignId, unitId);
  const now = new Date();
  const { today, units } = await computeTree(deps.db, s, now, { exact: true });
  const bytes = await deps.pdf.render('complianceRecap', {
    instansi: s.tenant.name,
    address: s.tenant.address,
    campaignName: s.campaign.name,
    eventName: s.eventName,
    dateText: formatDateId(now, s.tenant.timezone),
    place: s.campaign.signingPlace,
    generatedAtText: formatDateTimeId(now, s.tenant.timezone),
    signDeadlineText: formatIsoDateId(s.campaign.signDeadline),
    apelDeadlineText: s.campaign.apelReportDeadline ? formatIsoDateId(s.campaign.apelReportDeadline) : null,
    units,
  });
  await auditDownload(deps, ctx, 'compliance.recap', s);
  return { bytes, fileName: `rekap-ikrar-${today}.pdf` };
}
