/**
 * Resolves the session cookie into a RequestContext on every request, and enforces CSRF on every
 * state-changing request: the x-csrf-token header must equal the netra_csrf cookie (double submit,
 * SameSite=Strict) and, when signed in, the token bound to the session.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Actor, RequestContext } from '../lib/context.js';
import { randomToken, safeEqual, sha256Hex } from '../lib/tokens.js';
import { findLiveSession } from '../modules/auth/auth.repository.js';
import { AppError } from './app-error.js';

export const SESSION_COOKIE = 'netra_sid';
export const CSRF_COOKIE = 'netra_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const ANONYMOUS: Actor = { userId: null, label: 'anonim', roles: [], scopeUnitId: null, scopeUnitPath: null, employeeId: null };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when a live session cookie came with the request. */
    session: { tenantId: string; tokenHash: string; csrfToken: string } | null;
    actor: Actor;
  }
}

/** The context of a signed-in request; throws UNAUTHENTICATED otherwise. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.session || !request.actor.userId) throw new AppError('UNAUTHENTICATED');
  return { tenantId: request.session.tenantId, actor: request.actor, requestId: request.id };
}

/** Sets the session and CSRF cookies after sign-in. */
export function setSessionCookies(reply: FastifyReply, config: Config, token: string, csrfToken: string): void {
  const secure = config.COOKIE_SECURE;
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: config.SESSION_TTL_HOURS * 3600 });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.setCookie(CSRF_COOKIE, randomToken(), { path: '/', httpOnly: false, sameSite: 'strict', secure: config.COOKIE_SECURE });
}

/** The CSRF token a client must echo: the session's, else the pre-session cookie (issued here if absent). */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  if (request.session) return request.session.csrfToken;
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && existing.length >= 20) return existing;
  const token = randomToken();
  reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'strict', secure: config.COOKIE_SECURE });
  return token;
}

export function registerSession(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = sha256Hex(token);
      const found = await findLiveSession(db, tokenHash, new Date());
      if (found?.user.isActive) {
        request.session = { tenantId: found.session.tenantId, tokenHash, csrfToken: found.session.csrfToken };
        request.actor = {
          userId: found.user.id,
          label: found.user.username ?? found.user.displayName,
          roles: found.user.roles,
          scopeUnitId: found.user.scopeUnitId,
          scopeUnitPath: found.scopePath,
          employeeId: found.user.employeeId,
        };
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers['x-csrf-token'];
    const cookie = request.cookies[CSRF_COOKIE];
    const sent = typeof header === 'string' ? header : '';
    const valid = sent !== '' && cookie !== undefined && safeEqual(sent, cookie) && (!request.session || safeEqual(sent, request.session.csrfToken));
    if (!valid) throw new AppError('CSRF_INVALID');
  });
}
