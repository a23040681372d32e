import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { userAccount, violationCatalogue, violationItem } from '../../db/schema/index.js';

export type CatalogueRow = typeof violationCatalogue.$inferSelect;
export type ItemRow = typeof violationItem.$inferSelect;
export type CatalogueSummaryRow = CatalogueRow & { itemCount: number; publishedByName: string | null };

const itemCount = sql<number>`(select count(*)::int from ${violationItem} i where i.tenant_id = ${violationCatalogue.tenantId} and i.catalogue_id = ${violationCatalogue.id})`;

function summaries(db: DbOrTx) {
  return db
    .select({ catalogue: violationCatalogue, itemCount, publishedByName: userAccount.displayName })
    .from(violationCatalogue)
    .leftJoin(userAccount, and(eq(userAccount.tenantId, violationCatalogue.tenantId), eq(userAccount.id, violationCatalogue.publishedBy)));
}

const flatten = (r: { catalogue: CatalogueRow; itemCount: number; publishedByName: string | null }): CatalogueSummaryRow => ({ ...r.catalogue, itemCount: r.itemCount, publishedByName: r.publishedByName });

/** Every version of the tenant's catalogue, newest first. */
export async function listCatalogues(db: DbOrTx, tenantId: string): Promise<CatalogueSummaryRow[]> {
  return (await summaries(db).where(eq(violationCatalogue.tenantId, tenantId)).orderBy(desc(violationCatalogue.version))).map(flatten);
}

export async function findCatalogue(db: DbOrTx, tenantId: string, id: string): Promise<CatalogueSummaryRow | undefined> {
  const [row] = await summaries(db).where(and(eq(violationCatalogue.tenantId, tenantId), eq(violationCatalogue.id, id)));
  return row ? flatten(row) : undefined;
}

export async function findCurrentCatalogue(db: DbOrTx, tenantId: string): Promise<CatalogueSummaryRow | undefined> {
  const [row] = await summaries(db)
    .where(and(eq(violationCatalogue.tenantId, tenantId), eq(violationCatalogue.isCurrent, true)))
    .orderBy(desc(violationCatalogue.version))
    .limit(1);
  return row ? flatten(row) : undefined;
}

export async function hasAnyCatalogue(db: DbOrTx, tenantId: string): Promise<boolean> {
  const [row] = await db.select({ id: violationCatalogue.id }).from(violationCatalogue).where(eq(violationCatalogue.tenantId, tenantId)).limit(1);
  return !!row;
}

export async function maxCatalogueVersion(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ v: sql<number>`coalesce(max(${violationCatalogue.version}), 0)::int` }).from(violationCatalogue).where(eq(violationCatalogue.tenantId, tenantId));
  return row?.v ?? 0;
}

/** Inserts a version unless the tenant already has that version number; the row, or undefined. */
export async function insertCatalogueIfAbsent(tx: DbOrTx, row: typeof violationCatalogue.$inferInsert): Promise<CatalogueRow | undefined> {
  const [created] = await tx.insert(violationCatalogue).values(row).onConflictDoNothing().returning();
  return created;
}

export async function clearCurrentCatalogue(tx: DbOrTx, tenantId: string): Promise<void> {
  await tx.update(violationCatalogue).set({ isCurrent: false }).where(and(eq(violationCatalogue.tenantId, tenantId), eq(violationCatalogue.isCurrent, true)));
}

export async function insertItems(tx: DbOrTx, rows: (typeof violationItem.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(violationItem).values(rows);
}

/** Items of a version in list order (kode etik, disiplin, PP 94), then by position. */
export async function listCatalogueItems(db: DbOrTx, tenantId: string, catalogueId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(violationItem)
    .where(and(eq(violationItem.tenantId, tenantId), eq(violationItem.catalogueId, catalogueId)))
    .orderBy(sql`array_position(array['kode_etik','disiplin','pp94']::text[], ${violationItem.list})`, asc(violationItem.ordinal), asc(violationItem.code));
}

export async function findCatalogueItem(db: DbOrTx, tenantId: string, catalogueId: string, code: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(violationItem)
    .where(and(eq(violationItem.tenantId, tenantId), eq(violationItem.catalogueId, catalogueId), eq(violationItem.code, code)));
  return row;
}
