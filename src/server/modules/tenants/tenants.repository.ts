import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { tenant } from '../../db/schema/index.js';

export type TenantRow = typeof tenant.$inferSelect;

export async function listActiveTenants(db: DbOrTx): Promise<TenantRow[]> {
  return db.select().from(tenant).where(eq(tenant.isActive, true)).orderBy(asc(tenant.name));
}

export async function findTenantBySlug(db: DbOrTx, slug: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenant).where(eq(tenant.slug, slug));
  return row;
}

export async function findTenantById(db: DbOrTx, id: string): Promise<TenantRow | undefined> {
  const [row] = await db.select().from(tenant).where(eq(tenant.id, id));
  return row;
}

export async function insertTenant(db: DbOrTx, row: typeof tenant.$inferInsert): Promise<TenantRow> {
  const [created] = await db.insert(tenant).values(row).returning();
  return created!;
}

export async function listAllTenants(db: DbOrTx): Promise<TenantRow[]> {
  return db.select().from(tenant).orderBy(asc(tenant.slug));
}
