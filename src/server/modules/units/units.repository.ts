import { and, eq, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { employee, unit } from '../../db/schema/index.js';

export type UnitRow = typeof unit.$inferSelect;
export type UnitListRow = UnitRow & { headName: string | null; employeeCount: number };

/** Lower-case, single-spaced name: how import rows and users name the same unit. */
export function unitNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every unit of the tenant (or under `pathPrefix`) with its head's name and active head count. */
export async function listUnits(db: DbOrTx, tenantId: string, pathPrefix?: string): Promise<UnitListRow[]> {
  const counts = db
    .select({ unitId: employee.unitId, n: sql<number>`count(*)::int`.as('n') })
    .from(employee)
    .where(and(eq(employee.tenantId, tenantId), eq(employee.isActive, true)))
    .groupBy(employee.unitId)
    .as('counts');
  const head = db.select({ id: employee.id, name: employee.name }).from(employee).where(eq(employee.tenantId, tenantId)).as('head');
  const rows = await db
    .select({ unit, headName: head.name, employeeCount: sql<number>`coalesce(${counts.n}, 0)::int` })
    .from(unit)
    .leftJoin(counts, eq(counts.unitId, unit.id))
    .leftJoin(head, eq(head.id, unit.headEmployeeId))
    .where(and(eq(unit.tenantId, tenantId), pathPrefix ? like(unit.path, `${pathPrefix}%`) : undefined))
    .orderBy(unit.path);
  return rows.map((r) => ({ ...r.unit, headName: r.headName, employeeCount: r.employeeCount }));
}

export async function findUnit(db: DbOrTx, tenantId: string, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(unit).where(and(eq(unit.tenantId, tenantId), eq(unit.id, id)));
  return row;
}

export async function findRootUnit(db: DbOrTx, tenantId: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(unit).where(and(eq(unit.tenantId, tenantId), sql`${unit.parentId} is null`)).limit(1);
  return row;
}

export async function insertUnit(tx: DbOrTx, row: typeof unit.$inferInsert): Promise<UnitRow> {
  const [created] = await tx.insert(unit).values(row).returning();
  return created!;
}

export async function updateUnitRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof unit.$inferInsert>): Promise<UnitRow> {
  const [updated] = await tx
    .update(unit)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(unit.tenantId, tenantId), eq(unit.id, id)))
    .returning();
  return updated!;
}

/** Moves a subtree: every path under `oldPath` gets `newPath` as its prefix. */
export async function rewriteSubtreePaths(tx: DbOrTx, tenantId: string, oldPath: string, newPath: string): Promise<void> {
  await tx
    .update(unit)
    .set({ path: sql`${newPath} || substr(${unit.path}, ${oldPath.length + 1})` })
    .where(and(eq(unit.tenantId, tenantId), like(unit.path, `${oldPath}%`)));
}
