import { and, arrayOverlaps, asc, desc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Role } from '../../../shared/enums.js';
import type { DbOrTx } from '../../db/client.js';
import { employee, satgasDecree, satgasMember, unit, userAccount } from '../../db/schema/index.js';

export type DecreeRow = typeof satgasDecree.$inferSelect;
export type MemberRow = typeof satgasMember.$inferSelect;
export type DecreeListRow = DecreeRow & { scopeUnitName: string | null };
export type MemberListRow = MemberRow & { employeeIdNumber: string | null; employeeUnitName: string | null; username: string | null };

function decrees(db: DbOrTx) {
  return db
    .select({ decree: satgasDecree, scopeUnitName: unit.name })
    .from(satgasDecree)
    .leftJoin(unit, and(eq(unit.tenantId, satgasDecree.tenantId), eq(unit.id, satgasDecree.scopeUnitId)));
}
const flattenDecree = (r: { decree: DecreeRow; scopeUnitName: string | null }): DecreeListRow => ({ ...r.decree, scopeUnitName: r.scopeUnitName });

/** Every decree of the tenant: active first, newest period first. */
export async function listDecrees(db: DbOrTx, tenantId: string): Promise<DecreeListRow[]> {
  const rows = await decrees(db).where(eq(satgasDecree.tenantId, tenantId)).orderBy(desc(satgasDecree.isActive), desc(satgasDecree.periodStart), desc(satgasDecree.createdAt));
  return rows.map(flattenDecree);
}

export async function findDecree(db: DbOrTx, tenantId: string, id: string): Promise<DecreeListRow | undefined> {
  const [row] = await decrees(db).where(and(eq(satgasDecree.tenantId, tenantId), eq(satgasDecree.id, id)));
  return row ? flattenDecree(row) : undefined;
}

export async function findDecreeByNumber(db: DbOrTx, tenantId: string, number: string): Promise<DecreeRow | undefined> {
  const [row] = await db.select().from(satgasDecree).where(and(eq(satgasDecree.tenantId, tenantId), eq(satgasDecree.number, number)));
  return row;
}

/** The Pemda-wide (no scope unit) active decree whose period covers the day; the latest signed when several. */
export async function findActiveTenantDecree(db: DbOrTx, tenantId: string, onDay: string): Promise<DecreeListRow | undefined> {
  const [row] = await decrees(db)
    .where(and(eq(satgasDecree.tenantId, tenantId), eq(satgasDecree.isActive, true), isNull(satgasDecree.scopeUnitId), lte(satgasDecree.periodStart, onDay), gte(satgasDecree.periodEnd, onDay)))
    .orderBy(desc(satgasDecree.signedOn), desc(satgasDecree.createdAt))
    .limit(1);
  return row ? flattenDecree(row) : undefined;
}

/** An active decree of the same scope whose period overlaps [start, end], other than `exceptId`. */
export async function findOverlappingDecree(db: DbOrTx, tenantId: string, scopeUnitId: string | null, start: string, end: string, exceptId?: string): Promise<DecreeRow | undefined> {
  const [row] = await db
    .select()
    .from(satgasDecree)
    .where(
      and(
        eq(satgasDecree.tenantId, tenantId),
        eq(satgasDecree.isActive, true),
        scopeUnitId ? eq(satgasDecree.scopeUnitId, scopeUnitId) : isNull(satgasDecree.scopeUnitId),
        lte(satgasDecree.periodStart, end),
        gte(satgasDecree.periodEnd, start),
        exceptId ? ne(satgasDecree.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function insertDecree(tx: DbOrTx, row: typeof satgasDecree.$inferInsert): Promise<DecreeRow> {
  const [created] = await tx.insert(satgasDecree).values(row).returning();
  return created!;
}

export async function updateDecreeRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof satgasDecree.$inferInsert>): Promise<void> {
  await tx.update(satgasDecree).set(patch).where(and(eq(satgasDecree.tenantId, tenantId), eq(satgasDecree.id, id)));
}

/** Members of the given decrees in decree order, with the linked employee's number and unit and the account's username. */
export async function listMembers(db: DbOrTx, tenantId: string, decreeIds: string[]): Promise<MemberListRow[]> {
  if (decreeIds.length === 0) return [];
  const rows = await db
    .select({ member: satgasMember, employeeIdNumber: employee.idNumber, employeeUnitName: unit.name, username: userAccount.username })
    .from(satgasMember)
    .leftJoin(employee, and(eq(employee.tenantId, satgasMember.tenantId), eq(employee.id, satgasMember.employeeId)))
    .leftJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .leftJoin(userAccount, and(eq(userAccount.tenantId, satgasMember.tenantId), eq(userAccount.id, satgasMember.userId)))
    .where(and(eq(satgasMember.tenantId, tenantId), inArray(satgasMember.decreeId, decreeIds)))
    .orderBy(asc(satgasMember.ordinal));
  return rows.map((r) => ({ ...r.member, employeeIdNumber: r.employeeIdNumber, employeeUnitName: r.employeeUnitName, username: r.username }));
}

/** Replaces a decree's members: keeps the ids of members sent back with their id, removes the others. */
export async function replaceMembers(tx: DbOrTx, tenantId: string, decreeId: string, rows: (typeof satgasMember.$inferInsert)[]): Promise<void> {
  const existing = await tx.select({ id: satgasMember.id }).from(satgasMember).where(and(eq(satgasMember.tenantId, tenantId), eq(satgasMember.decreeId, decreeId)));
  const existingIds = new Set(existing.map((e) => e.id));
  const keep = new Set(rows.map((r) => r.id).filter((id): id is string => !!id && existingIds.has(id)));
  const gone = [...existingIds].filter((id) => !keep.has(id));
  if (gone.length > 0) await tx.delete(satgasMember).where(and(eq(satgasMember.tenantId, tenantId), eq(satgasMember.decreeId, decreeId), inArray(satgasMember.id, gone)));
  for (const row of rows) {
    if (row.id && keep.has(row.id)) {
      const { id, tenantId: _t, decreeId: _d, ...patch } = row;
      await tx.update(satgasMember).set(patch).where(and(eq(satgasMember.tenantId, tenantId), eq(satgasMember.decreeId, decreeId), eq(satgasMember.id, id)));
    } else await tx.insert(satgasMember).values({ ...row, id: undefined });
  }
}

/** Staff accounts by id with their roles (for validating links). */
export async function findAccounts(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: userAccount.id, username: userAccount.username, displayName: userAccount.displayName, roles: userAccount.roles, isActive: userAccount.isActive })
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, tenantId), inArray(userAccount.id, ids)));
}

/** Active staff accounts holding any of `roles`, by username. */
export async function listAccountsWithRoles(db: DbOrTx, tenantId: string, roles: readonly Role[]) {
  return db
    .select({ id: userAccount.id, username: userAccount.username, displayName: userAccount.displayName, roles: userAccount.roles })
    .from(userAccount)
    .where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.isActive, true), arrayOverlaps(userAccount.roles, [...roles] as Role[])))
    .orderBy(asc(userAccount.username));
}

/** Which of the ids are employees of the tenant. */
export async function findEmployeeIds(db: DbOrTx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: employee.id }).from(employee).where(and(eq(employee.tenantId, tenantId), inArray(employee.id, ids)));
  return new Set(rows.map((r) => r.id));
}
