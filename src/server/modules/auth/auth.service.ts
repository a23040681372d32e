import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import type { z } from 'zod';
import type { LoginBody, OtpRequestBody, OtpVerifyBody } from '../../../shared/contracts/auth.contract.js';
import { normalizeIdentityNumber } from '../../../shared/identity-number.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { randomOtp, randomToken, safeEqual, sha256Hex } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEmployeeByIdNumber } from '../employees/employees.repository.js';
import { resolveTenantForSignIn } from '../tenants/tenants.service.js';
import type { TenantRow } from '../tenants/tenants.repository.js';
import {
  claimTotpStep,
  clearThrottle,
  consumeOpenOtps,
  deleteSession,
  findActiveOtp,
  findEmployeeUser,
  findThrottle,
  findUserById,
  findUserByUsername,
  insertOtp,
  insertSession,
  insertUser,
  saveThrottle,
  updateOtp,
  updateUser,
  type UserRow,
} from './auth.repository.js';

export interface IssuedSession {
  token: string;
  csrfToken: string;
  tenant: TenantRow;
  user: UserRow;
}

const OTP_MAX_ATTEMPTS = 5;
// A real hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

function anonymousContext(tenantId: string, label: string, requestId: string): RequestContext {
  return { tenantId, requestId, actor: { userId: null, label, roles: [], scopeUnitId: null, scopeUnitPath: null, employeeId: null } };
}

/** The lock-out refusal, saying how long it lasts: "try again later" leaves a locked-out employee guessing. */
function lockedOut(lockedUntil: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', { lockedUntil: lockedUntil.toISOString(), minutes }, `Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`);
}

async function assertNotLocked(deps: AppDeps, tenantId: string, key: string): Promise<void> {
  const throttle = await findThrottle(deps.db, tenantId, key);
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) throw lockedOut(throttle.lockedUntil);
}

/** Counts a failed attempt (audited); the attempt that reaches the limit locks the key and returns until when. */
async function registerFailure(deps: AppDeps, ctx: RequestContext, key: string, action: string): Promise<Date | null> {
  return deps.db.transaction(async (tx) => {
    const current = await findThrottle(tx, ctx.tenantId, key);
    const failures = (current?.lockedUntil && current.lockedUntil > new Date() ? 0 : (current?.failures ?? 0)) + 1;
    const locks = failures >= deps.config.LOGIN_MAX_FAILURES;
    const lockedUntil = locks ? new Date(Date.now() + deps.config.LOGIN_LOCK_MINUTES * 60_000) : null;
    await saveThrottle(tx, { tenantId: ctx.tenantId, key, failures: locks ? 0 : failures, lockedUntil });
    await recordAudit(tx, ctx, { action, entityType: 'auth', entityId: key, after: { failures } });
    if (locks) await recordAudit(tx, ctx, { action: 'auth.lockout', entityType: 'auth', entityId: key, after: { lockedUntil } });
    return lockedUntil;
  });
}

async function issueSession(deps: AppDeps, tenant: TenantRow, user: UserRow, requestId: string, action: string): Promise<IssuedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const ctx: RequestContext = {
    tenantId: tenant.id,
    requestId,
    actor: { userId: user.id, label: user.username ?? user.displayName, roles: user.roles, scopeUnitId: user.scopeUnitId, scopeUnitPath: null, employeeId: user.employeeId },
  };
  await deps.db.transaction(async (tx) => {
    await insertSession(tx, {
      tenantId: tenant.id,
      tokenHash: sha256Hex(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + deps.config.SESSION_TTL_HOURS * 3_600_000),
    });
    await updateUser(tx, tenant.id, user.id, { lastLoginAt: new Date() });
    await recordAudit(tx, ctx, { action, entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, tenant, user };
}

/** Staff sign-in: username + password (argon2id), then TOTP when the account has it. */
export async function signInWithPassword(deps: AppDeps, requestId: string, input: z.infer<typeof LoginBody>): Promise<IssuedSession> {
  const tenant = await resolveTenantForSignIn(deps.db, input.tenant);
  const key = `login:${input.username.toLowerCase()}`;
  const ctx = anonymousContext(tenant.id, `percobaan masuk: ${input.username}`, requestId);
  await assertNotLocked(deps, tenant.id, key);
  const user = await findUserByUsername(deps.db, tenant.id, input.username);
  const stored = user?.isActive && user.passwordHash ? user.passwordHash : await (dummyHash ??= deps.passwords.hash(randomToken()));
  const passwordOk = (await deps.passwords.verify(stored, input.password)) && !!user?.isActive && !!user.passwordHash;
  if (!passwordOk || !user) {
    const locked = await registerFailure(deps, ctx, key, 'auth.login.failed');
    throw locked ? lockedOut(locked) : new AppError('INVALID_CREDENTIALS');
  }
  if (user.totpSecret) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED');
    const result = await verifyTotp({ secret: user.totpSecret, token: input.totp, epochTolerance: 30, afterTimeStep: user.totpLastStep ?? undefined }).catch(() => ({ valid: false as const }));
    // Replay guard: `afterTimeStep` above uses the step read before the (slow) password check, so two
    // sign-ins racing with one code both passed it (auth-attacks.test.ts, #8). The step is now claimed
    // atomically; whoever loses the race was replaying the code.
    const step = result.valid && 'timeStep' in result ? result.timeStep : null;
    if (step === null || !(await claimTotpStep(deps.db, tenant.id, user.id, step))) {
      const locked = await registerFailure(deps, ctx, key, 'auth.totp.failed');
      throw locked ? lockedOut(locked) : new AppError('TOTP_INVALID');
    }
  }
  await clearThrottle(deps.db, tenant.id, key);
  return issueSession(deps, tenant, user, requestId, 'auth.login');
}

export const OTP_SENT_MESSAGE = 'Jika nomor itu terdaftar dan memiliki alamat e-mail, kode sekali pakai telah dikirim ke e-mail tersebut.';

/** Employee sign-in, step 1: e-mails a one-time code. The answer never reveals whether the number exists. */
export async function requestOtp(deps: AppDeps, requestId: string, input: z.infer<typeof OtpRequestBody>): Promise<void> {
  const tenant = await resolveTenantForSignIn(deps.db, input.tenant);
  const idNumber = normalizeIdentityNumber(input.idNumber).toUpperCase();
  const key = `otp:${idNumber}`;
  await assertNotLocked(deps, tenant.id, key);
  const found = await findEmployeeByIdNumber(deps.db, tenant.id, idNumber);
  if (!found?.isActive || !found.email) return;
  const code = randomOtp();
  const ctx = anonymousContext(tenant.id, `pegawai ${idNumber}`, requestId);
  const afterCommit = await deps.db.transaction(async (tx) => {
    const now = new Date();
    await consumeOpenOtps(tx, tenant.id, found.id, now);
    const id = crypto.randomUUID();
    await insertOtp(tx, {
      tenantId: tenant.id,
      id,
      employeeId: found.id,
      codeHash: sha256Hex(`${id}:${code}`),
      expiresAt: new Date(now.getTime() + deps.config.OTP_TTL_MINUTES * 60_000),
    });
    await recordAudit(tx, ctx, { action: 'auth.otp.request', entityType: 'employee', entityId: found.id });
    return deps.mailer.queue(tx, tenant.id, {
      to: found.email!,
      subject: 'Kode masuk Netra',
      body: `Yth. ${found.name},\n\nKode masuk Netra Anda: ${code}\nKode berlaku ${deps.config.OTP_TTL_MINUTES} menit dan hanya dapat dipakai sekali.\nJangan berikan kode ini kepada siapa pun.\n\n${tenant.name}`,
      isSecret: true,
    });
  });
  await afterCommit();
}

/** Employee sign-in, step 2: checks the code and opens a pegawai session (creating the account on first use). */
export async function verifyOtp(deps: AppDeps, requestId: string, input: z.infer<typeof OtpVerifyBody>): Promise<IssuedSession> {
  const tenant = await resolveTenantForSignIn(deps.db, input.tenant);
  const idNumber = normalizeIdentityNumber(input.idNumber).toUpperCase();
  const key = `otp:${idNumber}`;
  const ctx = anonymousContext(tenant.id, `pegawai ${idNumber}`, requestId);
  await assertNotLocked(deps, tenant.id, key);
  const found = await findEmployeeByIdNumber(deps.db, tenant.id, idNumber);
  const otp = found?.isActive ? await findActiveOtp(deps.db, tenant.id, found.id, new Date()) : undefined;
  if (!found || !otp || !safeEqual(otp.codeHash, sha256Hex(`${otp.id}:${input.code}`))) {
    if (otp) await updateOtp(deps.db, tenant.id, otp.id, otp.attempts + 1 >= OTP_MAX_ATTEMPTS ? { attempts: otp.attempts + 1, consumedAt: new Date() } : { attempts: otp.attempts + 1 });
    const locked = await registerFailure(deps, ctx, key, 'auth.otp.failed');
    throw locked ? lockedOut(locked) : new AppError('OTP_INVALID');
  }
  const user = await deps.db.transaction(async (tx) => {
    await updateOtp(tx, tenant.id, otp.id, { consumedAt: new Date() });
    const existing = await findEmployeeUser(tx, tenant.id, found.id);
    if (existing) return existing;
    const created = await insertUser(tx, { tenantId: tenant.id, displayName: found.name, email: found.email, roles: ['pegawai'], employeeId: found.id });
    await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: created.id, after: { roles: created.roles, employeeId: found.id } });
    return created;
  });
  if (!user.isActive) throw new AppError('FORBIDDEN', null, 'Akun ini dinonaktifkan.');
  await clearThrottle(deps.db, tenant.id, key);
  return issueSession(deps, tenant, user, requestId, 'auth.otp.login');
}

/** Ends the session (the cookie is cleared by the route). */
export async function signOut(deps: AppDeps, ctx: RequestContext, tokenHash: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, ctx.tenantId, tokenHash);
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  });
}

/** Starts TOTP enrolment: a new secret the user types into an authenticator app. */
export async function startTotpSetup(deps: AppDeps, ctx: RequestContext, tenant: TenantRow) {
  const user = await findUserById(deps.db, ctx.tenantId, ctx.actor.userId ?? '');
  if (!user?.passwordHash) throw new AppError('FORBIDDEN', null, 'TOTP hanya untuk akun staf dengan kata sandi.');
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: `Netra ${tenant.name}`, label: user.username ?? user.displayName, secret }) };
}

/** Enables TOTP once the user proves the app produces valid codes for the secret. */
export async function enableTotp(deps: AppDeps, ctx: RequestContext, secret: string, code: string): Promise<void> {
  const result = await verifyTotp({ secret, token: code, epochTolerance: 30 }).catch(() => ({ valid: false as const }));
  if (!result.valid) throw new AppError('TOTP_INVALID');
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, ctx.tenantId, ctx.actor.userId!, { totpSecret: secret, totpLastStep: (result as { timeStep?: number }).timeStep ?? null });
    await recordAudit(tx, ctx, { action: 'auth.totp.enable', entityType: 'user', entityId: ctx.actor.userId });
  });
}
