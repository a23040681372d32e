import { and, asc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { EmployeeCategory, JabatanClass } from '../../../shared/enums.js';
import type { DbOrTx } from '../../db/client.js';
import { dataCorrection, employee, unit } from '../../db/schema/index.js';

export type EmployeeRow = typeof employee.$inferSelect;
export type EmployeeWithUnit = EmployeeRow & { unitName: string };

export interface EmployeeFilter {
  q?: string;
  /** Path prefix of a unit subtree, or an exact unit id. */
  unitPath?: string;
  unitId?: string;
  category?: EmployeeCategory;
  jabatanClass?: JabatanClass;
  isActive?: boolean;
  employeeId?: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereOf(tenantId: string, f: EmployeeFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(employee.tenantId, tenantId)];
  if (f.q) {
    const digits = f.q.replace(/[\s.]/g, '');
    conditions.push(
      /^[0-9]{3,}$/.test(digits)
        ? like(employee.idNumber, `${escapeLike(digits)}%`)
        : or(sql`lower(${employee.name}) like ${'%' + escapeLike(f.q.toLowerCase()) + '%'}`, like(employee.idNumber, `${escapeLike(f.q.toUpperCase())}%`)),
    );
  }
  if (f.unitPath) conditions.push(like(unit.path, `${escapeLike(f.unitPath)}%`));
  if (f.unitId) conditions.push(eq(employee.unitId, f.unitId));
  if (f.category) conditions.push(eq(employee.category, f.category));
  if (f.jabatanClass) conditions.push(eq(employee.jabatanClass, f.jabatanClass));
  if (f.isActive !== undefined) conditions.push(eq(employee.isActive, f.isActive));
  if (f.employeeId) conditions.push(eq(employee.id, f.employeeId));
  return and(...conditions);
}

const joinUnit = and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId));

/** One page of employees matching the filter, ordered by name, with the total count. */
export async function listEmployees(
  db: DbOrTx,
  tenantId: string,
  filter: EmployeeFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: EmployeeWithUnit[]; total: number }> {
  const where = whereOf(tenantId, filter);
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(employee).innerJoin(unit, joinUnit).where(where);
  const rows = await db
    .select({ employee, unitName: unit.name })
    .from(employee)
    .innerJoin(unit, joinUnit)
    .where(where)
    .orderBy(asc(employee.name), asc(employee.idNumber))
    .limit(page.limit)
    .offset(page.offset);
  return { rows: rows.map((r) => ({ ...r.employee, unitName: r.unitName })), total: countRow?.n ?? 0 };
}

/** Streams every matching employee in id-number order, a page at a time (for exports). */
export async function* iterateEmployees(db: DbOrTx, tenantId: string, filter: EmployeeFilter, pageSize = 2000): AsyncGenerator<EmployeeWithUnit[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select({ employee, unitName: unit.name })
      .from(employee)
      .innerJoin(unit, joinUnit)
      .where(and(whereOf(tenantId, filter), sql`${employee.idNumber} > ${after}`))
      .orderBy(asc(employee.idNumber))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r.employee, unitName: r.unitName }));
    after = rows[rows.length - 1]!.employee.idNumber;
  }
}

export async function findEmployeeById(db: DbOrTx, tenantId: string, id: string): Promise<EmployeeWithUnit | undefined> {
  const [row] = await db
    .select({ employee, unitName: unit.name, unitPath: unit.path })
    .from(employee)
    .innerJoin(unit, joinUnit)
    .where(and(eq(employee.tenantId, tenantId), eq(employee.id, id)));
  return row ? { ...row.employee, unitName: row.unitName } : undefined;
}

/** The unit path of an employee, for subtree checks. */
export async function findEmployeeUnitPath(db: DbOrTx, tenantId: string, id: string): Promise<string | undefined> {
  const [row] = await db.select({ path: unit.path }).from(employee).innerJoin(unit, joinUnit).where(and(eq(employee.tenantId, tenantId), eq(employee.id, id)));
  return row?.path;
}

export async function findEmployeeByIdNumber(db: DbOrTx, tenantId: string, idNumber: string): Promise<EmployeeRow | undefined> {
  const [row] = await db.select().from(employee).where(and(eq(employee.tenantId, tenantId), eq(employee.idNumber, idNumber)));
  return row;
}

export async function updateEmployeeRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof employee.$inferInsert>): Promise<EmployeeRow> {
  const [row] = await tx
    .update(employee)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(employee.tenantId, tenantId), eq(employee.id, id)))
    .returning();
  return row!;
}

export async function countEmployees(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(employee).where(eq(employee.tenantId, tenantId));
  return row?.n ?? 0;
}

export async function insertEmployee(tx: DbOrTx, row: typeof employee.$inferInsert): Promise<EmployeeRow> {
  const [created] = await tx.insert(employee).values(row).returning();
  return created!;
}

/** Active employees counted by category, jabatan class and child unit of `under` (path prefix). */
export async function employeeStats(db: DbOrTx, tenantId: string, under: { path: string; depth: number } | null, employeeId?: string) {
  const where = and(
    eq(employee.tenantId, tenantId),
    eq(employee.isActive, true),
    under ? like(unit.path, `${escapeLike(under.path)}%`) : undefined,
    employeeId ? eq(employee.id, employeeId) : undefined,
  );
  const countBy = (column: typeof employee.category | typeof employee.jabatanClass) =>
    db.select({ key: column, count: sql<number>`count(*)::int` }).from(employee).innerJoin(unit, joinUnit).where(where).groupBy(column).orderBy(sql`count(*) desc`);
  const byCategory = await countBy(employee.category);
  const byJabatanClass = await countBy(employee.jabatanClass);
  // The child unit an employee belongs to is the path segment just below `under` (ids are 36 chars).
  const depth = under?.depth ?? 0;
  const childId = sql<string>`split_part(${unit.path}, '/', ${sql.raw(String(Math.trunc(depth) + 2))})`;
  const byChild = await db
    .select({ unitId: childId, count: sql<number>`count(*)::int` })
    .from(employee)
    .innerJoin(unit, joinUnit)
    .where(where)
    .groupBy(childId);
  return { byCategory, byJabatanClass, byChild: byChild.filter((r) => r.unitId !== '') };
}

/** Open (or all) data-correction reports with the employee's name and unit. */
export async function listCorrections(db: DbOrTx, tenantId: string, status: 'open' | 'resolved' | 'all') {
  return db
    .select({ correction: dataCorrection, employeeName: employee.name, idNumber: employee.idNumber, unitName: unit.name })
    .from(dataCorrection)
    .innerJoin(employee, and(eq(employee.tenantId, dataCorrection.tenantId), eq(employee.id, dataCorrection.employeeId)))
    .innerJoin(unit, joinUnit)
    .where(and(eq(dataCorrection.tenantId, tenantId), status === 'all' ? undefined : eq(dataCorrection.status, status)))
    .orderBy(asc(dataCorrection.createdAt))
    .limit(500);
}

export async function resolveCorrectionRow(tx: DbOrTx, tenantId: string, id: string) {
  const [row] = await tx
    .update(dataCorrection)
    .set({ status: 'resolved', resolvedAt: new Date() })
    .where(and(eq(dataCorrection.tenantId, tenantId), eq(dataCorrection.id, id), eq(dataCorrection.status, 'open')))
    .returning();
  return row;
}
