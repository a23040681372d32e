import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, OtpRequestBody, OtpVerifyBody, SessionInfo, TotpEnableBody, TotpSetup } from '../../../shared/contracts/auth.contract.js';
import { Ok } from '../../../shared/contracts/common.js';
import type { AppDeps } from '../../deps.js';
import { clearSessionCookies, contextOf, csrfTokenFor, setSessionCookies } from '../../http/session.js';
import { permissionsOf } from '../../lib/policy.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { findUserById } from './auth.repository.js';
import { enableTotp, OTP_SENT_MESSAGE, requestOtp, signInWithPassword, signOut, startTotpSetup, verifyOtp, type IssuedSession } from './auth.service.js';


export function authRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // In memory, per client address, on top of the per-account lock-out kept in the database.
    const SIGN_IN_LIMIT = { rateLimit: { max: deps.config.RATE_LIMIT_SIGN_IN_PER_MINUTE, timeWindow: '1 minute' } };

    async function sessionInfo(request: FastifyRequest, reply: FastifyReply, issued?: IssuedSession): Promise<z.infer<typeof SessionInfo>> {
      const tenantId = issued?.tenant.id ?? request.session?.tenantId;
      const tenant = issued?.tenant ?? (tenantId ? await findTenantById(deps.db, tenantId) : undefined);
      const user = issued?.user ?? (request.actor.userId && tenantId ? await findUserById(deps.db, tenantId, request.actor.userId) : undefined);
      const actor = issued
        ? { ...request.actor, userId: issued.user.id, roles: issued.user.roles, employeeId: issued.user.employeeId, scopeUnitId: issued.user.scopeUnitId, scopeUnitPath: issued.user.scopeUnitId ? 'pending' : null }
        : request.actor;
      return {
        user: user
          ? { id: user.id, displayName: user.displayName, username: user.username, roles: user.roles, scopeUnitId: user.scopeUnitId, employeeId: user.employeeId, hasTotp: !!user.totpSecret }
          : null,
        tenant: tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name, timezone: tenant.timezone } : null,
        csrfToken: issued?.csrfToken ?? csrfTokenFor(request, reply, deps.config),
        permissions: permissionsOf(actor),
        devOutbox: deps.config.isDevOutbox,
      };
    }

    r.get('/auth/session', { schema: { tags: ['auth'], summary: 'Sesi saat ini, token CSRF dan izin', response: { 200: SessionInfo } } }, (request, reply) =>
      sessionInfo(request, reply),
    );

    r.post('/auth/login', { config: SIGN_IN_LIMIT, schema: { tags: ['auth'], summary: 'Masuk staf (kata sandi + TOTP)', body: LoginBody, response: { 200: SessionInfo } } }, async (request, reply) => {
      const issued = await signInWithPassword(deps, request.id, request.body);
      setSessionCookies(reply, deps.config, issued.token, issued.csrfToken);
      return sessionInfo(request, reply, issued);
    });

    r.post('/auth/otp/request', { config: SIGN_IN_LIMIT, schema: { tags: ['auth'], summary: 'Kirim kode sekali pakai ke e-mail pegawai', body: OtpRequestBody, response: { 200: z.object({ ok: z.literal(true), message: z.string() }) } } }, async (request) => {
      await requestOtp(deps, request.id, request.body);
      return { ok: true as const, message: OTP_SENT_MESSAGE };
    });

    r.post('/auth/otp/verify', { config: SIGN_IN_LIMIT, schema: { tags: ['auth'], summary: 'Masuk pegawai dengan kode sekali pakai', body: OtpVerifyBody, response: { 200: SessionInfo } } }, async (request, reply) => {
      const issued = await verifyOtp(deps, request.id, request.body);
      setSessionCookies(reply, deps.config, issued.token, issued.csrfToken);
      return sessionInfo(request, reply, issued);
    });

    r.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Keluar', response: { 200: Ok } } }, async (request, reply) => {
      await signOut(deps, contextOf(request), request.session!.tokenHash);
      clearSessionCookies(reply, deps.config);
      return { ok: true as const };
    });

    r.post('/auth/totp/setup', { schema: { tags: ['auth'], summary: 'Mulai pendaftaran TOTP', response: { 200: TotpSetup } } }, async (request) => {
      const ctx = contextOf(request);
      return startTotpSetup(deps, ctx, (await findTenantById(deps.db, ctx.tenantId))!);
    });

    r.post('/auth/totp/enable', { schema: { tags: ['auth'], summary: 'Aktifkan TOTP', body: TotpEnableBody, response: { 200: Ok } } }, async (request) => {
      await enableTotp(deps, contextOf(request), request.body.secret, request.body.code);
      return { ok: true as const };
    });
  };
}
