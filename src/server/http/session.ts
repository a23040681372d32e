/**
 * Resolves the session cookie into a RequestContext on every request, and enforces CSRF on every
 * state-changing request: the x-csrf-token header must equal the netra_csrf cookie (double submit,
 * SameSite=Strict) and, when signed in, the token bound to the session.
 *
 * A hot route may read the session itself, in the same statement as its own data (one database round
 * trip less): it sets `config: { sessionInHandler: true }`, reads with `liveSessionFields` and friends
 * (auth.repository.ts) and hands the result to `adoptSession`, which applies exactly the rules of this
 * hook (live, active user; CSRF token bound to the session) before the handler does anything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Actor, RequestContext } from '../lib/context.js';
import { randomToken, safeEqual, sha256Hex } from '../lib/tokens.js';
import { findLiveSession, type LiveSession } from '../modules/auth/auth.repository.js';
import { AppError } from './app-error.js';

export const SESSION_COOKIE = 'netra_sid';
export const CSRF_COOKIE = 'netra_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const ANONYMOUS: Actor = { userId: null, label: 'anonim', roles: [], scopeUnitId: null, scopeUnitPath: null, employeeId: null };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler reads the session in its own statement and calls `adoptSession` first. */
    sessionInHandler?: boolean;
  }
  interface FastifyRequest {
    /** SHA-256 of the session cookie sent, whether or not it names a live session (null: no cookie). */
    sessionTokenHash: string | null;
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

/** Binds a live session read for this request to it: sets `session` and `actor`. */
function bindSession(request: FastifyRequest, tokenHash: string, found: LiveSession | undefined): void {
  if (!found?.user.isActive) return;
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

/** The CSRF token sent with a state-changing request must match the session's (the cookie was checked by the hook). */
function assertCsrfBoundToSession(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || !request.session) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !safeEqual(header, request.session.csrfToken)) throw new AppError('CSRF_INVALID');
}

/**
 * For a `sessionInHandler` route: the session its handler read (undefined when the cookie names no live
 * session), checked as the hook checks every other route's. Returns the context; throws UNAUTHENTICATED
 * or CSRF_INVALID.
 */
export function adoptSession(request: FastifyRequest, found: LiveSession | undefined): RequestContext {
  if (request.sessionTokenHash) bindSession(request, request.sessionTokenHash, found);
  assertCsrfBoundToSession(request);
  return contextOf(request);
}

export function registerSession(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    const tokenHash = token ? sha256Hex(token) : null;
    request.sessionTokenHash = tokenHash;
    const inHandler = request.routeOptions.config.sessionInHandler === true;
    if (tokenHash && !inHandler) bindSession(request, tokenHash, await findLiveSession(db, tokenHash, new Date()));
    if (SAFE_METHODS.has(request.method)) return;
    const header = request.headers['x-csrf-token'];
    const cookie = request.cookies[CSRF_COOKIE];
    const sent = typeof header === 'string' ? header : '';
    if (sent === '' || cookie === undefined || !safeEqual(sent, cookie)) throw new AppError('CSRF_INVALID');
    assertCsrfBoundToSession(request);
  });
}
