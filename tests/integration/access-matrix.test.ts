/**
 * The access matrix (issue #8, access control): every route Fastify registers × every role × own
 * unit / other unit / other tenant, against the expectations in tests/support/access-matrix.ts, which
 * derive from the POLICY table. A route without an entry fails the first test, by name.
 *
 * Denials must carry the error shape and leave nothing behind: while a route's denied calls run, no
 * row of any table (audit_event included) is inserted, updated or deleted (`writeProbe`: row counts
 * and row versions newer than the probe's transaction id). Allowed calls may end in any non-access 4xx (validation, state,
 * conflict): the point is access, not the business rule.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The route table as Fastify registers it: an onRoute hook on the real app, added as the instance is created.
const REGISTERED = vi.hoisted(() => [] as { method: string; url: string }[]);
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const original = mod.default as unknown as (...args: unknown[]) => import('fastify').FastifyInstance;
  const withCollector = (...args: unknown[]) => {
    const app = original(...args);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) REGISTERED.push({ method: String(method), url: route.url });
    });
    return app;
  };
  Object.assign(withCollector, original);
  return { ...mod, default: withCollector };
});

import {
  ACCESS_DENIAL_CODES,
  ACCESS_MATRIX,
  buildAccessWorld,
  CONTEXTS,
  expectationFor,
  fillPath,
  hasErrorShape,
  isIgnoredRoute,
  MATRIX_ROLES,
  ROLE_ACCOUNT,
  send,
  sql,
  TENANT_A,
  writeProbe,
  writesSince,
  type AccessWorld,
  type Context,
  type MatrixRole,
  type Params,
  type RouteEntry,
} from '../support/access-matrix.js';
import { startTestApp, TEST_DB, TestClient, type Response, type TestApp } from '../support/harness.js';
import { REPORT_TEST_ENV } from '../support/report-fixtures.js';

const routeKey = (method: string, url: string) => `${method} ${url}`;

const tally = { routes: 0, cells: 0, allowed: 0, denied: 0 };
/** Every cell's answer; written to $ACCESS_MATRIX_LOG when set (for reviewing what "allowed" ended in). */
const log: string[] = [];

describe(`access matrix on ${TEST_DB}`, () => {
  let t: TestApp;
  let w: AccessWorld;

  beforeAll(async () => {
    t = await startTestApp({ ...REPORT_TEST_ENV, RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000', LOGIN_MAX_FAILURES: '100' });
  }, 120_000);
  afterAll(async () => {
    if (process.env.ACCESS_MATRIX_LOG) writeFileSync(process.env.ACCESS_MATRIX_LOG, `${log.join('\n')}\n`);
    console.info(`access matrix on ${TEST_DB}: ${tally.routes} routes, ${tally.cells} role × context cells (${tally.allowed} allowed, ${tally.denied} denied)`);
    await t?.close();
  });

  it('has an entry for every registered route, and no entry for a route that does not exist', () => {
    const registered = REGISTERED.filter((r) => !isIgnoredRoute(r.method, r.url)).map((r) => routeKey(r.method, r.url));
    expect(registered.length).toBeGreaterThan(100);
    const missing = [...new Set(registered)].filter((k) => !(k in ACCESS_MATRIX)).sort();
    const stale = Object.keys(ACCESS_MATRIX).filter((k) => !registered.includes(k)).sort();
    expect({ missing, stale }, 'add an entry to ACCESS_MATRIX in tests/support/access-matrix.ts for every new route').toEqual({ missing: [], stale: [] });
    // Every HEAD route is Fastify's automatic twin of a GET (same handler, same checks).
    const gets = new Set(REGISTERED.filter((r) => r.method === 'GET').map((r) => r.url));
    const lonelyHeads = REGISTERED.filter((r) => r.method === 'HEAD' && !gets.has(r.url) && !isIgnoredRoute('GET', r.url));
    expect(lonelyHeads).toEqual([]);
  });

  // The route table is checked before the fixtures are built, so a failing fixture never hides a missing entry.
  describe('every route × role × context', () => {
    beforeAll(async () => {
      w = await buildAccessWorld(t);
    }, 300_000);

    it('has a write probe that sees an insert, an update and a delete (so "nothing written" means something)', async () => {
      const admin = w.clients.admin;
      let probe = await writeProbe(t);
      expect(await writesSince(t, probe)).toEqual([]);
      expect((await admin.patch(`/api/units/${w.obj.unit!.own.id}`, { code: 'PROBE-1' })).status).toBe(200);
      expect((await writesSince(t, probe)).join()).toMatch(/"unit".*"audit_event"|"audit_event".*"unit"/);
      const { day } = await w.fresh.holiday();
      probe = await writeProbe(t);
      expect((await admin.request({ method: 'DELETE', url: `/api/case-settings/holidays/${day}` })).status).toBe(200);
      expect((await writesSince(t, probe)).join()).toMatch(/tenant_holiday|holiday/);
    });

    /** A client for `role`; a throwaway session of the same account when the call ends its session. */
    async function clientFor(role: MatrixRole, entry: RouteEntry): Promise<TestClient> {
      if (!entry.throwawaySession || role === 'anonymous') return w.clients[role];
      const c = new TestClient(t);
      if (role === 'pegawai') {
        const emp = (await sql<{ id_number: string }>(t, `select e.id_number from employee e where e.id = '${w.actors.pegawai!.employeeId}'`))[0]!;
        await c.loginEmployee(emp.id_number, TENANT_A);
      } else await c.login(ROLE_ACCOUNT[role], undefined, TENANT_A);
      return c;
    }

    for (const [key, entry] of Object.entries(ACCESS_MATRIX)) {
      it(key, async () => {
        const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
        const targets = entry.targets?.(w) ?? { own: {} };
        const contexts = CONTEXTS.filter((c) => targets[c]);
        const cells = MATRIX_ROLES.flatMap((role) => contexts.map((context) => ({ role, context, expected: expectationFor(entry, role, w.actors[role], context) })));
        const failures: string[] = [];

        const call = async (role: MatrixRole, context: Context, params: Params): Promise<Response> => {
          const url = fillPath(path, params);
          const query = entry.query?.(params, w);
          return send(await clientFor(role, entry), method, query ? `${url}?${query}` : url, entry.body?.(params, w));
        };
        const describeRes = (res: Response) => `${res.status} ${res.body?.error?.code ?? ''}`.trim();

        // Denied calls first, all of them, then check that none of them wrote anything.
        const denied = cells.filter((c) => !c.expected.allow);
        const probe = await writeProbe(t);
        for (const { role, context, expected } of denied) {
          if (expected.allow) continue;
          const res = await call(role, context, targets[context]!);
          const code = res.body?.error?.code;
          log.push(`${key}\t${role}\t${context}\tdeny\t${describeRes(res)}`);
          if (!expected.statuses.includes(res.status) || !expected.codes.includes(code)) failures.push(`${role}/${context}: expected deny ${expected.statuses.join('|')} ${expected.codes.join('|')}, got ${describeRes(res)}`);
          else if (!hasErrorShape(res)) failures.push(`${role}/${context}: denial without the {error:{code,message,details}} shape: ${JSON.stringify(res.body)}`);
        }
        if (denied.length) for (const table of await writesSince(t, probe)) failures.push(`denied calls wrote to ${table}`);

        for (const { role, context, expected } of cells) {
          if (!expected.allow) continue;
          const params = entry.fresh ? { ...targets[context]!, ...(await entry.fresh(w)) } : targets[context]!;
          const res = await call(role, context, params);
          const code: string | undefined = res.body?.error?.code;
          log.push(`${key}\t${role}\t${context}\tallow\t${describeRes(res)}\t${code ? JSON.stringify(res.body.error).slice(0, 300) : ''}`);
          if (res.status >= 500) failures.push(`${role}/${context}: expected allow, got a server error ${describeRes(res)}`);
          else if (code && ACCESS_DENIAL_CODES.has(code)) failures.push(`${role}/${context}: expected allow, got ${describeRes(res)}`);
          else if (res.status >= 400 && res.body !== null && !hasErrorShape(res)) failures.push(`${role}/${context}: error without the shape: ${JSON.stringify(res.body)}`);
        }

        tally.routes++;
        tally.cells += cells.length;
        tally.denied += denied.length;
        tally.allowed += cells.length - denied.length;
        expect(failures, entry.note).toEqual([]);
      });
    }
  });
});
