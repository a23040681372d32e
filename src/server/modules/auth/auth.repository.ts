import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { alias } from 'drizzle-orm/pg-core';
import { preparedPerDb } from '../../db/prepared.js';
import { authThrottle, otpCode, session, unit, userAccount } from '../../db/schema/index.js';

export type UserRow = typeof userAccount.$inferSelect;
export type ThrottleRow = typeof authThrottle.$inferSelect;

export async function findUserByUsername(db: DbOrTx, tenantId: string, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(userAccount).where(and(eq(userAccount.tenantId, tenantId), sql`lower(${userAccount.username}) = ${username.toLowerCase()}`));
  return row;
}

export async function findUserById(db: DbOrTx, tenantId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(userAccount).where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.id, id)));
  return row;
}

export async function findEmployeeUser(db: DbOrTx, tenantId: string, employeeId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(userAccount).where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.employeeId, employeeId)));
  return row;
}

export async function insertUser(db: DbOrTx, row: typeof userAccount.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(userAccount).values(row).returning();
  return created!;
}

export async function updateUser(db: DbOrTx, tenantId: string, id: string, patch: Partial<typeof userAccount.$inferInsert>): Promise<void> {
  await db.update(userAccount).set(patch).where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.id, id)));
}

/**
 * Records `step` as the account's last used TOTP time step, only if it is later than the one stored.
 * One statement, so of several sign-ins racing with the same code exactly one claims it (false: replayed).
 */
export async function claimTotpStep(db: DbOrTx, tenantId: string, id: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(userAccount)
    .set({ totpLastStep: step })
    .where(and(eq(userAccount.tenantId, tenantId), eq(userAccount.id, id), or(isNull(userAccount.totpLastStep), lt(userAccount.totpLastStep, step))))
    .returning({ id: userAccount.id });
  return claimed.length === 1;
}

export async function insertSession(db: DbOrTx, row: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(row);
}

/**
 * The live session for a token hash, with what the request's actor needs of its user and the user's
 * scope unit path. Runs on every API request: one read by `session_token_idx`, and only the columns
 * needed (never the password hash or TOTP secret); nothing is written per request.
 */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const [row] = await liveSessionQuery(db).execute({ tokenHash, now: now.toISOString() });
  return row;
}

/** The user's scope unit (a unit alias, so a query that also joins an employee's unit can hold both). */
const scopeUnit = alias(unit, 'scope_unit');

/**
 * The live-session read as parts a route's own query can start from (`from(session)` + these joins +
 * `liveSessionWhere`), so a hot route reads the session and its data in one statement. Its
 * placeholders: `tokenHash`, `now` (ISO time).
 */
export const liveSessionFields = {
  session: { tenantId: session.tenantId, csrfToken: session.csrfToken },
  user: { id: userAccount.id, isActive: userAccount.isActive, username: userAccount.username, displayName: userAccount.displayName, roles: userAccount.roles, scopeUnitId: userAccount.scopeUnitId, employeeId: userAccount.employeeId },
  scopePath: scopeUnit.path,
};
export const liveSessionJoins = {
  user: [userAccount, and(eq(userAccount.tenantId, session.tenantId), eq(userAccount.id, session.userId))!] as const,
  scopeUnit: [scopeUnit, and(eq(scopeUnit.tenantId, userAccount.tenantId), eq(scopeUnit.id, userAccount.scopeUnitId))!] as const,
};
export const liveSessionWhere = and(eq(session.tokenHash, sql.placeholder('tokenHash')), gt(session.expiresAt, sql`${sql.placeholder('now')}::timestamptz`))!;

export interface LiveSession {
  session: { tenantId: string; csrfToken: string };
  user: Pick<UserRow, 'id' | 'isActive' | 'username' | 'displayName' | 'roles' | 'scopeUnitId' | 'employeeId'>;
  scopePath: string | null;
}

const liveSessionQuery = preparedPerDb((db) =>
  db
    .select(liveSessionFields)
    .from(session)
    .innerJoin(...liveSessionJoins.user)
    .leftJoin(...liveSessionJoins.scopeUnit)
    .where(liveSessionWhere)
    .prepare('find_live_session'),
);

export async function deleteSession(db: DbOrTx, tenantId: string, tokenHash: string): Promise<void> {
  await db.delete(session).where(and(eq(session.tenantId, tenantId), eq(session.tokenHash, tokenHash)));
}

export async function findThrottle(db: DbOrTx, tenantId: string, key: string): Promise<ThrottleRow | undefined> {
  const [row] = await db.select().from(authThrottle).where(and(eq(authThrottle.tenantId, tenantId), eq(authThrottle.key, key)));
  return row;
}

export async function saveThrottle(db: DbOrTx, row: typeof authThrottle.$inferInsert): Promise<void> {
  await db
    .insert(authThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: [authThrottle.tenantId, authThrottle.key],
      set: { failures: row.failures, lockedUntil: row.lockedUntil, updatedAt: new Date() },
    });
}

export async function clearThrottle(db: DbOrTx, tenantId: string, key: string): Promise<void> {
  await db.delete(authThrottle).where(and(eq(authThrottle.tenantId, tenantId), eq(authThrottle.key, key)));
}

export async function insertOtp(db: DbOrTx, row: typeof otpCode.$inferInsert): Promise<void> {
  await db.insert(otpCode).values(row);
}

/** The newest unused, unexpired code of an employee. */
export async function findActiveOtp(db: DbOrTx, tenantId: string, employeeId: string, now: Date) {
  const [row] = await db
    .select()
    .from(otpCode)
    .where(and(eq(otpCode.tenantId, tenantId), eq(otpCode.employeeId, employeeId), isNull(otpCode.consumedAt), gt(otpCode.expiresAt, now)))
    .orderBy(desc(otpCode.createdAt))
    .limit(1);
  return row;
}

export async function updateOtp(db: DbOrTx, tenantId: string, id: string, patch: Partial<typeof otpCode.$inferInsert>): Promise<void> {
  await db.update(otpCode).set(patch).where(and(eq(otpCode.tenantId, tenantId), eq(otpCode.id, id)));
}

/** Invalidates every open code of an employee when a new one is issued. */
export async function consumeOpenOtps(db: DbOrTx, tenantId: string, employeeId: string, now: Date): Promise<void> {
  await db
    .update(otpCode)
    .set({ consumedAt: now })
    .where(and(eq(otpCode.tenantId, tenantId), eq(otpCode.employeeId, employeeId), isNull(otpCode.consumedAt)));
}
