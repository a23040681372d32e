import { asc, eq, sql } from 'drizzle-orm';
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

/** Every tenant with its active employee and unit counts (platform view). */
export async function listTenantsWithCounts(db: DbOrTx) {
  const rows = await db.execute(sql`
    select t.id, t.slug, t.name, t.kind, t.wilayah_code, t.timezone, t.is_active,
      (select count(*)::int from employee e where e.tenant_id = t.id and e.is_active) as employee_count,
      (select count(*)::int from unit u where u.tenant_id = t.id) as unit_count
    from tenant t order by t.name`);
  return (rows as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    name: String(r.name),
    kind: String(r.kind),
    wilayahCode: (r.wilayah_code as string | null) ?? null,
    timezone: String(r.timezone),
    isActive: Boolean(r.is_active),
    employeeCount: Number(r.employee_count),
    unitCount: Number(r.unit_count),
  }));
}
