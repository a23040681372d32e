/**
 * The violation catalogue as versioned reference data (issue 5): every tenant starts with the built-in
 * SKB 2022 version; an admin publishes a corrected version from a full item list, which becomes the
 * current one while older versions stay (a case keeps the version it was judged under).
 */
import type { z } from 'zod';
import { CATALOGUE_LISTS, type CatalogueList } from '../../../shared/case-workflow.js';
import type { CatalogueItemView, CataloguePublishBody, CatalogueVersionSummary, CatalogueVersionView, Proposal, ProposalQuery } from '../../../shared/contracts/catalogue.contract.js';
import { CataloguePublishBody as PublishSchema } from '../../../shared/contracts/catalogue.contract.js';
import type { ActKind } from '../../../shared/contracts/reports.contract.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import { systemContext, type RequestContext } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findContest } from '../elections/elections.repository.js';
import { listAllTenants } from '../tenants/tenants.repository.js';
import { chooseItem } from './catalogue.proposal.js';
import { presentItem, presentSummary } from './catalogue.presenter.js';
import {
  clearCurrentCatalogue,
  findCatalogue as findCatalogueRow,
  findCatalogueItem,
  findCurrentCatalogue,
  hasAnyCatalogue,
  insertCatalogueIfAbsent,
  insertItems,
  listCatalogueItems,
  listCatalogues,
  maxCatalogueVersion,
  type CatalogueSummaryRow,
} from './catalogue.repository.js';
import { DEFAULT_CATALOGUE_ITEMS, DEFAULT_CATALOGUE_NOTE, DEFAULT_CATALOGUE_TITLE } from './default-catalogue.js';

type ItemView = z.infer<typeof CatalogueItemView>;
type VersionView = z.infer<typeof CatalogueVersionView>;
type ItemInput = z.output<typeof CataloguePublishBody>['items'][number];

/** Item rows for a version; `ordinal` is the 1-based position within its list, in the order given. */
function itemRows(tenantId: string, catalogueId: string, items: readonly ItemInput[]) {
  const positions = new Map<CatalogueList, number>(CATALOGUE_LISTS.map((l) => [l, 0]));
  return items.map((item) => {
    const ordinal = positions.get(item.list)! + 1;
    positions.set(item.list, ordinal);
    return { tenantId, catalogueId, code: item.code, list: item.list, ordinal, act: item.act, examples: item.examples ?? null, stage: item.stage, tier: item.tier, tierSource: item.tierSource, legalBasis: item.legalBasis, actKinds: [...item.actKinds] };
  });
}

/**
 * Gives the tenant the built-in catalogue (version 1 "SKB 2022", current) when it has none; a no-op
 * otherwise. Run inside the caller's transaction (tenant registration, demo seed, start-up).
 */
export async function ensureCatalogue(tx: DbOrTx, tenantId: string, ctx: RequestContext = systemContext(tenantId)): Promise<boolean> {
  if (await hasAnyCatalogue(tx, tenantId)) return false;
  const created = await insertCatalogueIfAbsent(tx, { tenantId, version: 1, title: DEFAULT_CATALOGUE_TITLE, note: DEFAULT_CATALOGUE_NOTE, isCurrent: true, publishedBy: null });
  if (!created) return false;
  const items = PublishSchema.parse({ title: DEFAULT_CATALOGUE_TITLE, items: DEFAULT_CATALOGUE_ITEMS }).items;
  await insertItems(tx, itemRows(tenantId, created.id, items));
  await recordAudit(tx, { ...ctx, tenantId }, { action: 'catalogue.publish', entityType: 'violation_catalogue', entityId: created.id, after: { version: 1, title: DEFAULT_CATALOGUE_TITLE, builtIn: true, codes: items.map((i) => i.code) } });
  return true;
}

/** Start-up: every tenant registered before the catalogue existed gets the built-in version. */
export async function ensureCataloguesForAllTenants(db: Db): Promise<number> {
  let created = 0;
  for (const tenant of await listAllTenants(db)) {
    if (await db.transaction((tx) => ensureCatalogue(tx, tenant.id, systemContext(tenant.id, 'sistem (katalog bawaan)')))) created++;
  }
  return created;
}

async function versionView(db: DbOrTx, tenantId: string, row: CatalogueSummaryRow): Promise<VersionView> {
  return { ...presentSummary(row), items: (await listCatalogueItems(db, tenantId, row.id)).map(presentItem) };
}

/** The current version with its items. */
export async function getCurrentCatalogue(db: Db, ctx: RequestContext): Promise<VersionView> {
  requireScope(ctx.actor, 'catalogue.read');
  const current = await findCurrentCatalogue(db, ctx.tenantId);
  if (!current) throw notFound({ catalogue: 'current' });
  return versionView(db, ctx.tenantId, current);
}

export async function listCatalogueVersions(db: Db, ctx: RequestContext): Promise<z.infer<typeof CatalogueVersionSummary>[]> {
  requireScope(ctx.actor, 'catalogue.read');
  return (await listCatalogues(db, ctx.tenantId)).map(presentSummary);
}

export async function getCatalogueVersion(db: Db, ctx: RequestContext, id: string): Promise<VersionView> {
  requireScope(ctx.actor, 'catalogue.read');
  const row = await findCatalogueRow(db, ctx.tenantId, id);
  if (!row) throw notFound({ catalogueId: id });
  return versionView(db, ctx.tenantId, row);
}

/** Publishes a new version from a full item list (validated by the contract); it becomes current. */
export async function publishCatalogue(db: Db, ctx: RequestContext, input: z.output<typeof CataloguePublishBody>): Promise<VersionView> {
  requireScope(ctx.actor, 'catalogue.publish');
  try {
    const id = await db.transaction(async (tx) => {
      const previous = await findCurrentCatalogue(tx, ctx.tenantId);
      const version = (await maxCatalogueVersion(tx, ctx.tenantId)) + 1;
      await clearCurrentCatalogue(tx, ctx.tenantId);
      const created = await insertCatalogueIfAbsent(tx, { tenantId: ctx.tenantId, version, title: input.title, note: input.note ?? null, isCurrent: true, publishedBy: ctx.actor.userId });
      if (!created) throw new AppError('CONFLICT', { version: 'Versi katalog ini baru saja diterbitkan oleh pengguna lain. Muat ulang lalu ulangi.' });
      await insertItems(tx, itemRows(ctx.tenantId, created.id, input.items));
      await recordAudit(tx, ctx, {
        action: 'catalogue.publish',
        entityType: 'violation_catalogue',
        entityId: created.id,
        before: previous ? { id: previous.id, version: previous.version, title: previous.title } : null,
        after: { version, title: input.title, note: input.note ?? null, items: input.items },
      });
      return created.id;
    });
    return getCatalogueVersion(db, ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { version: 'Versi katalog ini baru saja diterbitkan oleh pengguna lain. Muat ulang lalu ulangi.' });
    throw error;
  }
}

/** Items of a version (for the case core), in list order. */
export async function listItems(db: DbOrTx, tenantId: string, catalogueId: string): Promise<ItemView[]> {
  return (await listCatalogueItems(db, tenantId, catalogueId)).map(presentItem);
}

/** One item of a version, or null. */
export async function getItem(db: DbOrTx, tenantId: string, catalogueId: string, code: string): Promise<ItemView | null> {
  const row = await findCatalogueItem(db, tenantId, catalogueId, code);
  return row ? presentItem(row) : null;
}

/** A version's id, number and title (for case pages and letters), or null. */
export async function findCatalogue(db: DbOrTx, tenantId: string, id: string): Promise<{ id: string; version: number; title: string; isCurrent: boolean } | null> {
  const row = await findCatalogueRow(db, tenantId, id);
  return row ? { id: row.id, version: row.version, title: row.title, isCurrent: row.isCurrent } : null;
}

/** The current version's id (a case is judged under the version current when it is fixed), or null. */
export async function currentCatalogueId(db: DbOrTx, tenantId: string): Promise<string | null> {
  return (await findCurrentCatalogue(db, tenantId))?.id ?? null;
}

export interface ProposeInput {
  actKind: ActKind;
  actDate?: string | null;
  contestId?: string | null;
  /** The version to judge under; the current one when left out. */
  catalogueId?: string | null;
}

/**
 * Netra's proposal of a catalogue item for an act: kode etik before the contest's penetapan calon,
 * disiplin on or after it; items for any stage apply regardless. No permission check (the case core
 * calls it inside its own); the route checks catalogue.read.
 */
export async function proposeItem(db: DbOrTx, tenantId: string, input: ProposeInput): Promise<z.infer<typeof Proposal>> {
  const catalogue = input.catalogueId ? await findCatalogueRow(db, tenantId, input.catalogueId) : await findCurrentCatalogue(db, tenantId);
  if (!catalogue) throw new AppError('VALIDATION_FAILED', { catalogueId: 'Katalog pelanggaran tidak ditemukan.' });
  let contest: { name: string; penetapanCalonOn: string } | null = null;
  if (input.contestId) {
    const row = await findContest(db, tenantId, input.contestId);
    if (!row) throw new AppError('VALIDATION_FAILED', { contestId: 'Kontestasi pemilihan tidak ditemukan.' });
    contest = { name: row.name, penetapanCalonOn: row.penetapanCalonOn };
  }
  const items = (await listCatalogueItems(db, tenantId, catalogue.id)).map(presentItem);
  const choice = chooseItem(items, { actKind: input.actKind, actDate: input.actDate ?? null, contest });
  return {
    catalogueId: catalogue.id,
    catalogueVersion: catalogue.version,
    list: choice.item?.list ?? null,
    itemCode: choice.item?.code ?? null,
    tier: choice.item?.tier ?? null,
    phase: choice.phase,
    penetapanCalonOn: contest?.penetapanCalonOn ?? null,
    reason: choice.reason,
    alternatives: choice.alternatives.map((a) => ({ code: a.code, list: a.list, tier: a.tier, act: a.act })),
  };
}

/** GET /api/catalogue/propose. */
export async function getProposal(db: Db, ctx: RequestContext, query: z.infer<typeof ProposalQuery>): Promise<z.infer<typeof Proposal>> {
  requireScope(ctx.actor, 'catalogue.read');
  return proposeItem(db, ctx.tenantId, query);
}
