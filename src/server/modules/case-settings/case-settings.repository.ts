import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { caseSettings, tenantHoliday, userAccount } from '../../db/schema/index.js';

export type CaseSettingsRow = typeof caseSettings.$inferSelect;
export type TenantHolidayRow = typeof tenantHoliday.$inferSelect;

/** The tenant's saved settings with the saver's display name, or undefined while the defaults apply. */
export async function findCaseSettings(db: DbOrTx, tenantId: string): Promise<(CaseSettingsRow & { updatedByName: string | null }) | undefined> {
  const [row] = await db
    .select({ settings: caseSettings, updatedByName: userAccount.displayName })
    .from(caseSettings)
    .leftJoin(userAccount, and(eq(userAccount.tenantId, caseSettings.tenantId), eq(userAccount.id, caseSettings.updatedBy)))
    .where(eq(caseSettings.tenantId, tenantId));
  return row ? { ...row.settings, updatedByName: row.updatedByName } : undefined;
}

/** Inserts or replaces the tenant's settings row. */
export async function upsertCaseSettings(tx: DbOrTx, row: typeof caseSettings.$inferInsert): Promise<void> {
  const { tenantId: _tenantId, ...patch } = row;
  await tx.insert(caseSettings).values(row).onConflictDoUpdate({ target: caseSettings.tenantId, set: patch });
}

/** The tenant's own days off between two days (inclusive), by day. */
export async function listTenantHolidays(db: DbOrTx, tenantId: string, from?: string, to?: string): Promise<TenantHolidayRow[]> {
  return db
    .select()
    .from(tenantHoliday)
    .where(and(eq(tenantHoliday.tenantId, tenantId), from ? gte(tenantHoliday.day, from) : undefined, to ? lte(tenantHoliday.day, to) : undefined))
    .orderBy(asc(tenantHoliday.day));
}

export async function findTenantHoliday(db: DbOrTx, tenantId: string, day: string): Promise<TenantHolidayRow | undefined> {
  const [row] = await db.select().from(tenantHoliday).where(and(eq(tenantHoliday.tenantId, tenantId), eq(tenantHoliday.day, day)));
  return row;
}

export async function insertTenantHoliday(tx: DbOrTx, row: typeof tenantHoliday.$inferInsert): Promise<TenantHolidayRow> {
  const [created] = await tx.insert(tenantHoliday).values(row).returning();
  return created!;
}

/** Inserts the day unless the tenant already has one on it; true when inserted. */
export async function insertTenantHolidayIfAbsent(tx: DbOrTx, row: typeof tenantHoliday.$inferInsert): Promise<boolean> {
  const created = await tx.insert(tenantHoliday).values(row).onConflictDoNothing().returning({ day: tenantHoliday.day });
  return created.length > 0;
}

export async function deleteTenantHoliday(tx: DbOrTx, tenantId: string, day: string): Promise<void> {
  await tx.delete(tenantHoliday).where(and(eq(tenantHoliday.tenantId, tenantId), eq(tenantHoliday.day, day)));
}
