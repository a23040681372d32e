/**
 * The national/provincial roll-up for a multi-tenant deployment: per-tenant aggregates for the
 * platform operator (every tenant) or an oversight tenant (the tenants granted to it), read from the
 * daily rows the refresh job writes (`tenant_daily_stats`), never from 514 tenants' raw rows; and the
 * oversight grants themselves (created and revoked by the platform operator, audited).
 */
import type { z } from 'zod';
import { ALL_ELECTIONS, type NationalViewT, type OversightGrantBody, type OversightGrantViewT } from '../../../shared/contracts/national.contract.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatDateTimeId, localIsoDate } from '../../lib/dates.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadRegions } from '../tenants/regions.js';
import { findTenantById, listAllTenants } from '../tenants/tenants.repository.js';
import { buildNationalTable } from './national.build.js';
import { renderNationalXlsx } from './national.export.js';
import {
  activeTenantIds,
  campaignFigures,
  campaignsWithKeys,
  caseFiguresByKey,
  countActiveEmployees,
  findGrant,
  insertGrant,
  latestStats,
  listElectionKeys,
  listGrants,
  listRollupTenants,
  liveGrantsOf,
  replaceDayStats,
  revokeGrantRow,
  tenantElectionKeys,
  type CaseKeyFigures,
  type GrantRow,
  type StatsRow,
} from './national.repository.js';
import { DEFAULT_THRESHOLD } from './suppression.js';

/**
 * "Today" for a national view: the date in the easternmost zone (WIT), so a refresh written today in
 * any tenant's own zone is never after it.
 */
const NATIONAL_DAY_ZONE = 'Asia/Jayapura';

export interface NationalFilters {
  election?: string;
  province?: string;
  asOf?: string;
}

/**
 * Whose aggregates the viewer may read: every tenant for the platform operator (who holds
 * tenant.manage), else the tenants granted to the viewer's own tenant ("all" or a list), else none.
 */
export async function resolveNationalScope(db: Db, ctx: RequestContext): Promise<{ scope: 'platform' | 'granted' | 'none'; tenantIds: string[] | null }> {
  requireScope(ctx.actor, 'dashboard.national');
  if (scopeFor(ctx.actor, 'tenant.manage')) return { scope: 'platform', tenantIds: null };
  const grants = await liveGrantsOf(db, ctx.tenantId);
  if (grants.all) return { scope: 'granted', tenantIds: null };
  return { scope: grants.tenantIds.length ? 'granted' : 'none', tenantIds: grants.tenantIds };
}

/** GET /insights/national/scope: what the menu needs to know. */
export async function getNationalScope(deps: AppDeps, ctx: RequestContext): Promise<{ scope: 'platform' | 'granted' | 'none'; tenants: number }> {
  const s = await resolveNationalScope(deps.db, ctx);
  if (s.scope === 'none') return { scope: 'none', tenants: 0 };
  return { scope: s.scope, tenants: (await listRollupTenants(deps.db, s.tenantIds)).length };
}

/** GET /insights/national: one row per visible tenant and the totals, case counts suppressed below 5. */
export async function getNational(deps: AppDeps, ctx: RequestContext, q: NationalFilters, now = new Date()): Promise<NationalViewT> {
  const s = await resolveNationalScope(deps.db, ctx);
  if (s.scope === 'none') throw new AppError('FORBIDDEN', { permission: 'dashboard.national', reason: 'no_oversight_grant' }, 'Instansi Anda belum diberi akses pengawasan atas instansi lain.');
  const visible = await listRollupTenants(deps.db, s.tenantIds);
  const regions = await loadRegions();
  const provinceName = new Map(regions.filter((r) => !r.code.includes('.')).map((r) => [r.code, r.name]));
  const provinceOf = (code: string | null) => (code ? code.slice(0, 2) : null);
  const perProvince = new Map<string, number>();
  for (const t of visible) if (t.wilayahCode) perProvince.set(provinceOf(t.wilayahCode)!, (perProvince.get(provinceOf(t.wilayahCode)!) ?? 0) + 1);
  const provinces = [...perProvince].map(([code, n]) => ({ code, name: provinceName.get(code) ?? code, tenants: n })).sort((a, b) => a.code.localeCompare(b.code));
  if (q.province && !provinces.some((p) => p.code === q.province)) throw notFound({ province: q.province });
  const tenants = q.province ? visible.filter((t) => provinceOf(t.wilayahCode) === q.province) : visible;

  const elections = await listElectionKeys(deps.db, visible.map((t) => t.id));
  const election = q.election ?? elections[0]?.key ?? ALL_ELECTIONS;
  if (election !== ALL_ELECTIONS && !elections.some((e) => e.key === election)) throw notFound({ election });
  const asOf = q.asOf ?? localIsoDate(now, NATIONAL_DAY_ZONE);

  const ids = tenants.map((t) => t.id);
  const stats = await latestStats(deps.db, ids, election === ALL_ELECTIONS ? [ALL_ELECTIONS] : [ALL_ELECTIONS, election], asOf);
  const all = new Map<string, StatsRow>();
  const chosen = new Map<string, StatsRow>();
  for (const r of stats) {
    if (r.electionKey === ALL_ELECTIONS) all.set(r.tenantId, r);
    if (r.electionKey === election) chosen.set(r.tenantId, r);
  }
  const { rows, totals } = buildNationalTable({ tenants, all, election: chosen, threshold: DEFAULT_THRESHOLD });
  const computed = stats.map((r) => r.computedAt.toISOString()).sort();
  return {
    filters: { election, province: q.province ?? null, asOf },
    scope: s.scope,
    threshold: DEFAULT_THRESHOLD,
    elections,
    provinces,
    rows: tenants.map((t, i) => {
      const shown = all.get(t.id);
      return {
        tenantId: t.id,
        slug: t.slug,
        name: t.name,
        kind: t.kind,
        wilayahCode: t.wilayahCode,
        provinceCode: provinceOf(t.wilayahCode),
        statDate: shown?.statDate ?? null,
        computedAt: shown?.computedAt.toISOString() ?? null,
        hasElection: chosen.has(t.id),
        ...rows[i]!,
      };
    }),
    totals,
    computedAt: { oldest: computed[0] ?? null, newest: computed.at(-1) ?? null },
  };
}

/** GET /insights/national.xlsx: the same table as a workbook; a download of official figures is audited. */
export async function exportNational(deps: AppDeps, ctx: RequestContext, q: NationalFilters, now = new Date()) {
  const view = await getNational(deps, ctx, q, now);
  const viewer = (await findTenantById(deps.db, ctx.tenantId))!;
  const electionName = view.filters.election === ALL_ELECTIONS ? null : (view.elections.find((e) => e.key === view.filters.election)?.name ?? view.filters.election);
  const provinceName = view.filters.province ? (view.provinces.find((p) => p.code === view.filters.province)?.name ?? view.filters.province) : null;
  const bytes = await renderNationalXlsx(view, { viewer: viewer.name, electionName, provinceName, generatedAt: formatDateTimeId(now, viewer.timezone) });
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'insights.national.export', entityType: 'tenant', entityId: ctx.tenantId, after: { ...view.filters, tenants: view.rows.length } }));
  return { bytes, fileName: `rekap-nasional-${view.filters.province ? `prov-${view.filters.province}-` : ''}${view.filters.asOf}.xlsx` };
}

// ---------------------------------------------------------------------------------------------------
// The refresh: one tenant's figures of today, per election key

/**
 * Computes one tenant's figures from its raw rows and replaces its rows of today (its own zone).
 * Cost grows with the tenant (targeting, signatures, cases), a few tens of milliseconds for a large
 * Pemda; the roll-up never pays it. Returns the number of rows written.
 */
export async function refreshTenantStats(db: Db, tenantId: string, now = new Date()): Promise<number> {
  const t = await findTenantById(db, tenantId);
  if (!t) throw notFound({ tenantId });
  const today = localIsoDate(now, t.timezone);
  const employees = await countActiveEmployees(db, tenantId);
  const keys = await tenantElectionKeys(db, tenantId);
  const names = new Map<string, string>();
  for (const k of keys) if (!names.has(k.key)) names.set(k.key, k.name);
  const pledge = new Map<string, { campaigns: number; target: number; signed: number; required: number; reported: number; accepted: number }>();
  const add = (key: string, f: { target: number; signed: number; required: number; reported: number; accepted: number }) => {
    const p = pledge.get(key) ?? { campaigns: 0, target: 0, signed: 0, required: 0, reported: 0, accepted: 0 };
    pledge.set(key, { campaigns: p.campaigns + 1, target: p.target + f.target, signed: p.signed + f.signed, required: p.required + f.required, reported: p.reported + f.reported, accepted: p.accepted + f.accepted });
  };
  for (const c of await campaignsWithKeys(db, tenantId)) {
    const f = await campaignFigures(db, tenantId, c.campaign);
    add(c.electionKey, f);
    // "Every election": the campaigns running now (as the case dashboard without an election filter).
    if (c.campaign.status === 'open') add(ALL_ELECTIONS, f);
  }
  const cases = new Map<string | null, CaseKeyFigures>((await caseFiguresByKey(db, tenantId, today, t.timezone)).map((c) => [c.electionKey, c]));
  const rowFor = (key: string) => {
    const p = pledge.get(key);
    const c = cases.get(key === ALL_ELECTIONS ? null : key);
    return {
      tenantId,
      electionKey: key,
      statDate: today,
      electionName: key === ALL_ELECTIONS ? null : (names.get(key) ?? null),
      employees,
      campaigns: p?.campaigns ?? 0,
      signTarget: p?.target ?? 0,
      signSigned: p?.signed ?? 0,
      apelRequired: p?.required ?? 0,
      apelReported: p?.reported ?? 0,
      apelAccepted: p?.accepted ?? 0,
      cases: c?.cases ?? 0,
      casesReceived: c?.byStatus.received ?? 0,
      casesInProcess: c?.byStatus.in_process ?? 0,
      casesAwaitingPpk: c?.byStatus.awaiting_ppk ?? 0,
      casesFollowUp: c?.byStatus.follow_up ?? 0,
      casesClosed: c?.byStatus.closed ?? 0,
      outcomeExamining: c?.examining ?? 0,
      outcomeStopped: c?.stopped ?? 0,
      outcomeProven: c?.proven ?? 0,
      outcomeSanctioned: c?.sanctioned ?? 0,
      ppkRecommended: c?.recommended ?? 0,
      ppkDecided: c?.decided ?? 0,
      ppkWaitingDays: c?.waitingDays ?? 0,
      computedAt: now,
    };
  };
  const rows = [ALL_ELECTIONS, ...names.keys()].map(rowFor);
  await db.transaction((tx) => replaceDayStats(tx, tenantId, today, rows));
  return rows.length;
}

/** Every active tenant, one after the other (the job fans out instead; this is for CLIs and the bench). */
export async function refreshAllTenantStats(db: Db, now = new Date()): Promise<number> {
  const ids = await activeTenantIds(db);
  for (const id of ids) await refreshTenantStats(db, id, now);
  return ids.length;
}

// ---------------------------------------------------------------------------------------------------
// Oversight grants (platform operator)

async function presentGrants(db: Db, rows: GrantRow[]): Promise<OversightGrantViewT[]> {
  const tenants = new Map((await listAllTenants(db)).map((t) => [t.id, { id: t.id, slug: t.slug, name: t.name }]));
  return rows.map((g) => ({
    id: g.id,
    overseer: tenants.get(g.overseerTenantId)!,
    overseen: g.overseenTenantId ? tenants.get(g.overseenTenantId)! : null,
    basis: g.basis,
    createdAt: g.createdAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
  }));
}

export async function listOversightGrants(deps: AppDeps, ctx: RequestContext): Promise<OversightGrantViewT[]> {
  requireScope(ctx.actor, 'oversight.manage');
  return presentGrants(deps.db, await listGrants(deps.db));
}

/**
 * Grants an overseer the aggregates of one tenant (or of all). Audited in the operator's chain, the
 * overseer's and the overseen tenant's, in the one transaction: each side can see who was let in.
 */
export async function createOversightGrant(deps: AppDeps, ctx: RequestContext, input: z.infer<typeof OversightGrantBody>): Promise<OversightGrantViewT> {
  requireScope(ctx.actor, 'oversight.manage');
  const overseer = await findTenantById(deps.db, input.overseerTenantId);
  if (!overseer?.isActive) throw new AppError('VALIDATION_FAILED', { overseerTenantId: 'Instansi pengawas tidak dikenal.' });
  if (input.overseenTenantId !== null) {
    const overseen = await findTenantById(deps.db, input.overseenTenantId);
    if (!overseen) throw new AppError('VALIDATION_FAILED', { overseenTenantId: 'Instansi yang diawasi tidak dikenal.' });
    if (overseen.id === overseer.id) throw new AppError('VALIDATION_FAILED', { overseenTenantId: 'Instansi tidak perlu akses pengawasan atas dirinya sendiri.' });
  }
  try {
    const row = await deps.db.transaction(async (tx) => {
      const created = await insertGrant(tx, { overseerTenantId: overseer.id, overseenTenantId: input.overseenTenantId, basis: input.basis || null, createdBy: ctx.actor.userId });
      const after = { overseerTenantId: overseer.id, overseenTenantId: created.overseenTenantId, basis: created.basis };
      for (const tenantId of new Set([ctx.tenantId, overseer.id, ...(created.overseenTenantId ? [created.overseenTenantId] : [])])) {
        await recordAudit(tx, { ...ctx, tenantId }, { action: 'oversight.grant', entityType: 'oversight_grant', entityId: created.id, after });
      }
      return created;
    });
    return (await presentGrants(deps.db, [row]))[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { overseenTenantId: 'Akses pengawasan ini sudah ada.' });
    throw error;
  }
}

/** Revokes a live grant (kept as history), audited like the grant. */
export async function revokeOversightGrant(deps: AppDeps, ctx: RequestContext, id: string): Promise<OversightGrantViewT> {
  requireScope(ctx.actor, 'oversight.manage');
  const grant = await findGrant(deps.db, id);
  if (!grant) throw notFound({ id });
  if (grant.revokedAt) throw new AppError('CONFLICT', { id: 'Akses pengawasan ini sudah dicabut.' });
  await deps.db.transaction(async (tx) => {
    if (!(await revokeGrantRow(tx, id, ctx.actor.userId, new Date()))) throw new AppError('CONFLICT', { id: 'Akses pengawasan ini sudah dicabut.' });
    for (const tenantId of new Set([ctx.tenantId, grant.overseerTenantId, ...(grant.overseenTenantId ? [grant.overseenTenantId] : [])])) {
      await recordAudit(tx, { ...ctx, tenantId }, { action: 'oversight.revoke', entityType: 'oversight_grant', entityId: id, before: { overseerTenantId: grant.overseerTenantId, overseenTenantId: grant.overseenTenantId } });
    }
  });
  return (await presentGrants(deps.db, [(await findGrant(deps.db, id))!]))[0]!;
}
