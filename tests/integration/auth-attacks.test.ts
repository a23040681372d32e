/**
 * Attacks on sign-in and sessions (issue #8, access control): session fixation, CSRF on every
 * state-changing route, IDOR with ids mixed across tenants, units and parents, receipt-key guessing
 * through the PDF door, lock-out across tenants and through TOTP, and TOTP replay (also two sign-ins
 * racing with one code).
 *
 * Already held elsewhere, not repeated here:
 * - auth.test.ts: "locks an account after repeated failures, even with the right password, and audits
 *   both", "locks unknown usernames too …", "refuses state-changing requests without the CSRF token,
 *   with a wrong one, or with a stale pre-login one", "ends the session on logout and issues a new
 *   session token at every sign-in (no fixation)", "enrols TOTP, then requires it, and refuses a
 *   replayed code" (the enrolment code cannot sign in).
 * - otp.test.ts: "locks the number after repeated wrong codes (audited)", the one-time code is single-use.
 * - reports-intake.test.ts: "refuses wrong keys, audits them without an address, and limits them per
 *   number" (5 wrong keys per number → 429, audited without an address); receipt cookie flags.
 * - access-matrix.test.ts: IDOR on every id-bearing route (own unit / other unit / other tenant).
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, buildAccessWorld, fillPath, hasErrorShape, multipartPayload, sql, TENANT_A, TENANT_B, writeProbe, writesSince, type AccessWorld, type RequestBody } from '../support/access-matrix.js';
import { DEMO_PASSWORD, seedTenant, startTestApp, TEST_DB, TestClient, type Response, type TestApp } from '../support/harness.js';
import { postForm, reportForm, REPORT_TEST_ENV, solvePow } from '../support/report-fixtures.js';

const setCookies = (res: Response) => ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []);
const cookieValue = (res: Response, name: string) => setCookies(res).find((c) => c.startsWith(`${name}=`))?.split(';')[0]!.slice(name.length + 1);

function expectError(res: Response, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(hasErrorShape(res)).toBe(true);
}

let t: TestApp;

/** A raw request with exactly these cookies and headers (no client logic in between). */
const raw = (method: string, url: string, cookies: Record<string, string>, headers: Record<string, string> = {}, payload?: unknown) =>
  t.app.inject({ method: method as never, url, payload: payload as never, headers: { ...headers, cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } });
/** Signs in with a raw request; returns the issued cookies. */
async function rawLogin(username: string, tenant: string, csrf = 'pre-login-csrf-token-0123456789') {
  const res = await raw('POST', '/api/auth/login', { netra_csrf: csrf }, { 'x-csrf-token': csrf }, { tenant, username, password: DEMO_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  const get = (name: string) => res.cookies.find((c) => c.name === name)!.value;
  return { sid: get('netra_sid'), csrf: get('netra_csrf'), userId: res.json().user.id as string };
}
const whoAmI = async (sid: string) => (await raw('GET', '/api/auth/session', { netra_sid: sid })).json().user?.id ?? null;
async function toResponse(p: ReturnType<typeof raw>): Promise<Response> {
  const r = await p;
  const type = String(r.headers['content-type'] ?? '');
  return { status: r.statusCode, body: type.includes('json') ? r.json() : null, headers: r.headers, raw: r.rawPayload };
}

/** Signs in, enrols TOTP with the current code; returns the secret (the current step is then used up). */
async function enrolTotp(username: string, tenant: string): Promise<string> {
  const c = new TestClient(t);
  await c.login(username, undefined, tenant);
  const secret = (await c.post('/api/auth/totp/setup')).body.secret as string;
  expect((await c.post('/api/auth/totp/enable', { secret, code: await generate({ secret }) })).status).toBe(200);
  return secret;
}

describe(`attacks on sign-in and sessions on ${TEST_DB}`, () => {
  let tenantB: string;
  beforeAll(async () => {
    t = await startTestApp({ ...REPORT_TEST_ENV, LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' });
    await seedTenant(t, TENANT_A, 'Kabupaten Contoh', 60);
    tenantB = (await seedTenant(t, TENANT_B, 'Kota Lain', 60)).tenantId;
  }, 120_000);
  afterAll(() => t?.close());

  describe('session fixation', () => {
    it('ignores a session cookie planted before sign-in and issues a new one; the planted value never becomes a session', async () => {
      const planted = 'attacker-chosen-token-0123456789abcdef';
      expect(await whoAmI(planted)).toBeNull();
      const csrf = 'pre-login-csrf-token-0123456789';
      const res = await raw('POST', '/api/auth/login', { netra_sid: planted, netra_csrf: csrf }, { 'x-csrf-token': csrf }, { tenant: TENANT_A, username: 'satgas', password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
      const issued = res.cookies.find((c) => c.name === 'netra_sid')!.value;
      expect(issued).not.toBe(planted);
      expect(issued).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      // The CSRF token is rotated at sign-in as well (the pre-login one was chosen by the client).
      expect(res.cookies.find((c) => c.name === 'netra_csrf')!.value).not.toBe(csrf);
      expect(await whoAmI(planted)).toBeNull();
      expect(await whoAmI(issued)).toBe(res.json().user.id);
    });

    it('never upgrades an existing session: signing in over another account’s session leaves that token as it was', async () => {
      // An attacker logs the victim's browser into the attacker's account (login CSRF / fixation) …
      const attacker = await rawLogin('inspektorat', TENANT_A);
      // … the victim then signs in as themselves over that session.
      const victim = await raw('POST', '/api/auth/login', { netra_sid: attacker.sid, netra_csrf: attacker.csrf }, { 'x-csrf-token': attacker.csrf }, { tenant: TENANT_A, username: 'admin.bkpsdm', password: DEMO_PASSWORD });
      expect(victim.statusCode).toBe(200);
      const victimSid = victim.cookies.find((c) => c.name === 'netra_sid')!.value;
      expect(victimSid).not.toBe(attacker.sid);
      // The attacker's token still belongs to the attacker: it did not become the admin's session.
      expect(await whoAmI(attacker.sid)).toBe(attacker.userId);
      expect(await whoAmI(victimSid)).toBe(victim.json().user.id);
      expect((await raw('GET', '/api/audit', { netra_sid: attacker.sid })).statusCode).toBe(200); // inspektorat reads audit …
      expect((await raw('GET', '/api/employees/export.xlsx', { netra_sid: attacker.sid })).statusCode).toBe(200);
      expect((await raw('GET', '/api/imports', { netra_sid: attacker.sid })).statusCode).toBe(403); // … but is no admin
    });

    it('ignores forged session cookies: random, empty, overlong, another cookie’s value, a hash instead of a token', async () => {
      const real = await rawLogin('bupati', TENANT_A);
      const row = (await sql<{ token_hash: string }>(t, `select token_hash from session order by created_at desc limit 1`))[0]!;
      for (const forged of ['x', 'A'.repeat(4096), real.csrf, row.token_hash, `${real.sid}x`, real.sid.slice(0, -1), encodeURIComponent(`${real.sid}; netra_sid=x`)]) {
        expect(await whoAmI(forged)).toBeNull();
        expectError(await toResponse(raw('GET', '/api/cases', { netra_sid: forged })), 401, 'UNAUTHENTICATED');
      }
    });

    it('kills the token on the server at logout: replaying the old cookie is anonymous', async () => {
      const s = await rawLogin('bupati', TENANT_A);
      expect((await raw('POST', '/api/auth/logout', { netra_sid: s.sid, netra_csrf: s.csrf }, { 'x-csrf-token': s.csrf })).statusCode).toBe(200);
      expect(await whoAmI(s.sid)).toBeNull();
      expectError(await toResponse(raw('GET', '/api/cases', { netra_sid: s.sid })), 401, 'UNAUTHENTICATED');
    });

    it('sets SameSite on the cookies a cross-site request could carry (session Lax and httpOnly, CSRF Strict; the receipt cookie: reports-intake)', async () => {
      const c = new TestClient(t);
      const res = await c.login('satgas', undefined, TENANT_A);
      const sid = setCookies(res).find((x) => x.startsWith('netra_sid='))!;
      const csrf = setCookies(res).find((x) => x.startsWith('netra_csrf='))!;
      expect(sid).toMatch(/HttpOnly/i);
      expect(sid).toMatch(/SameSite=Lax/i);
      expect(sid).toMatch(/Path=\//);
      expect(csrf).toMatch(/SameSite=Strict/i);
      expect(csrf).not.toMatch(/HttpOnly/i); // the web app must read it to echo it
      const pre = setCookies(await new TestClient(t).get('/api/auth/session')).find((x) => x.startsWith('netra_csrf='))!;
      expect(pre).toMatch(/SameSite=Strict/i);
    });
  });

  describe('receipt-key guessing', () => {
    it('counts wrong keys sent to the receipt-PDF door against the same per-number limit as the sign-in', async () => {
      const reporter = new TestClient(t);
      const sent = await postForm(reporter, '/api/public/reports', { report: JSON.stringify(reportForm()), altcha: await solvePow(reporter), tenant: TENANT_A });
      expect(sent.status).toBe(201);
      const guesser = new TestClient(t);
      const audits = (await sql<{ n: number }>(t, `select count(*)::int as n from audit_event where action = 'report.receipt.failed'`))[0]!.n;
      for (let i = 0; i < 5; i++) expectError(await guesser.post('/api/public/reports/receipt.pdf', { tenant: TENANT_A, number: sent.body.number, key: 'AAAA-BBBB-CCCC-DDDD-EEEE' }), 401, 'RECEIPT_INVALID');
      // Now even the right key is refused, at both doors.
      expectError(await guesser.post('/api/public/reports/receipt.pdf', { tenant: TENANT_A, number: sent.body.number, key: sent.body.receiptKey }), 429, 'RATE_LIMITED');
      expectError(await guesser.request({ method: 'POST', url: '/api/public/receipt/login', payload: { tenant: TENANT_A, number: sent.body.number, key: sent.body.receiptKey, altcha: await solvePow(guesser) } }), 429, 'RATE_LIMITED');
      expect((await sql<{ n: number }>(t, `select count(*)::int as n from audit_event where action = 'report.receipt.failed'`))[0]!.n).toBe(audits + 5);
    });
  });

  describe('lock-out', () => {
    it('locks an account in its own tenant only: the same username elsewhere still signs in', async () => {
      const c = new TestClient(t);
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) codes.push((await c.post('/api/auth/login', { tenant: TENANT_B, username: 'inspektorat', password: 'tebakan-salah' })).body.error.code);
      expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
      expectError(await c.post('/api/auth/login', { tenant: TENANT_B, username: 'inspektorat', password: DEMO_PASSWORD }), 423, 'ACCOUNT_LOCKED');
      expect((await new TestClient(t).post('/api/auth/login', { tenant: TENANT_A, username: 'inspektorat', password: DEMO_PASSWORD })).status).toBe(200);
      // The lock-out is audited in the locked tenant's chain, not in the other's.
      const events = await sql<{ tenant_id: string; action: string }>(t, `select tenant_id, action from audit_event where entity_id = 'login:inspektorat'`);
      expect(events.filter((e) => e.action === 'auth.lockout').map((e) => e.tenant_id)).toEqual([tenantB]);
    });

    it('counts wrong TOTP codes (with the right password) towards the lock-out', async () => {
      const secret = await enrolTotp('pimpinan.disdik', TENANT_B);
      const c = new TestClient(t);
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) codes.push((await c.post('/api/auth/login', { tenant: TENANT_B, username: 'pimpinan.disdik', password: DEMO_PASSWORD, totp: '000000' })).body.error.code);
      expect(codes).toEqual(['TOTP_INVALID', 'TOTP_INVALID', 'ACCOUNT_LOCKED']);
      const right = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      expectError(await c.post('/api/auth/login', { tenant: TENANT_B, username: 'pimpinan.disdik', password: DEMO_PASSWORD, totp: right }), 423, 'ACCOUNT_LOCKED');
      const actions = (await sql<{ action: string }>(t, `select action from audit_event where entity_id = 'login:pimpinan.disdik'`)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['auth.totp.failed', 'auth.lockout']));
    });
  });

  describe('TOTP replay', () => {
    it('accepts a code once: the same code in its window signs in only the first time', async () => {
      const secret = await enrolTotp('bupati', TENANT_B);
      // The next time step's code: valid for the next half minute at least (30 s tolerance).
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const first = await new TestClient(t).post('/api/auth/login', { tenant: TENANT_B, username: 'bupati', password: DEMO_PASSWORD, totp: code });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expectError(await new TestClient(t).post('/api/auth/login', { tenant: TENANT_B, username: 'bupati', password: DEMO_PASSWORD, totp: code }), 401, 'TOTP_INVALID');
      // An older code (the enrolment step) is refused as well: steps only move forward.
      expectError(await new TestClient(t).post('/api/auth/login', { tenant: TENANT_B, username: 'bupati', password: DEMO_PASSWORD, totp: await generate({ secret }) }), 401, 'TOTP_INVALID');
    });

    it('accepts a code once even when two sign-ins race with it', async () => {
      const secret = await enrolTotp('superadmin', TENANT_B);
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const attempt = () => new TestClient(t).post('/api/auth/login', { tenant: TENANT_B, username: 'superadmin', password: DEMO_PASSWORD, totp: code });
      const results = await Promise.all([attempt(), attempt(), attempt()]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(results.map((r) => r.body?.error?.code ?? 'ok'))).toEqual([200, 401, 401]);
      for (const r of results.filter((x) => x.status === 401)) expect(r.body.error.code).toBe('TOTP_INVALID');
    });
  });
});

describe(`CSRF and IDOR over the access-matrix fixtures on ${TEST_DB}`, () => {
  let w: AccessWorld;
  beforeAll(async () => {
    t = await startTestApp({ ...REPORT_TEST_ENV, RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' });
    w = await buildAccessWorld(t);
  }, 300_000);
  afterAll(() => t?.close());

  describe('CSRF', () => {
    /** Every state-changing route of the matrix, with the body an allowed caller would send. */
    const writes = Object.entries(ACCESS_MATRIX).filter(([key]) => !key.startsWith('GET '));

    it('refuses every state-changing route without a token, with a wrong one, and with a cookie-injected pair; nothing is written', async () => {
      expect(writes.length).toBeGreaterThan(80);
      const admin = await rawLogin('admin.bkpsdm', TENANT_A);
      const pegawai = w.clients.pegawai;
      const probe = await writeProbe(t);
      const failures: string[] = [];
      for (const [key, entry] of writes) {
        const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
        const params = entry.targets?.(w).own ?? {};
        const query = entry.query?.(params, w);
        const url = `${fillPath(path, params)}${query ? `?${query}` : ''}`;
        const body = entry.body?.(params, w);
        const attempts: [string, Promise<Response>][] = [
          // 1. a signed-in admin's browser, no header (a cross-site form post carries the Lax cookie only on top-level GETs, but never the header)
          ['no token', sendRaw(method, url, { netra_sid: admin.sid, netra_csrf: admin.csrf }, {}, body)],
          // 2. a guessed token
          ['wrong token', sendRaw(method, url, { netra_sid: admin.sid, netra_csrf: admin.csrf }, { 'x-csrf-token': 'guessed-guessed-guessed-0000' }, body)],
          // 3. a token pair the attacker planted (cookie = header) while the session holds another: double submit alone is not enough
          ['injected pair', sendRaw(method, url, { netra_sid: admin.sid, netra_csrf: 'injected-0123456789abcdef' }, { 'x-csrf-token': 'injected-0123456789abcdef' }, body)],
          // 4. another session's valid token
          ['foreign token', sendRaw(method, url, { netra_sid: admin.sid, netra_csrf: pegawai.csrf! }, { 'x-csrf-token': pegawai.csrf! }, body)],
        ];
        for (const [what, pending] of attempts) {
          const res = await pending;
          if (res.status !== 403 || res.body?.error?.code !== 'CSRF_INVALID' || !hasErrorShape(res)) failures.push(`${key} (${what}): ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await writesSince(t, probe)).toEqual([]);
      // The same admin session with its own token works (the refusals were about the token only).
      expect((await sendRaw('PATCH', `/api/units/${w.obj.unit!.own.id}`, { netra_sid: admin.sid, netra_csrf: admin.csrf }, { 'x-csrf-token': admin.csrf }, { json: { code: 'CSRF-OK' } })).status).toBe(200);
    });

    it('refuses anonymous state changes without the pre-session token too (public form, receipt sign-in, sign-in)', async () => {
      for (const url of ['/api/auth/login', '/api/public/receipt/login', '/api/auth/otp/request']) {
        expectError(await toResponse(raw('POST', url, {}, {}, { tenant: TENANT_A, username: 'x', password: 'y', idNumber: '123456', number: 'LP-AAAA-AAAA', key: 'AAAA-AAAA-AAAA-AAAA', altcha: 'x' })), 403, 'CSRF_INVALID');
      }
    });

    async function sendRaw(method: string, url: string, cookies: Record<string, string>, headers: Record<string, string>, body: RequestBody | undefined): Promise<Response> {
      if (!body) return toResponse(raw(method, url, cookies, headers));
      if ('json' in body) return toResponse(raw(method, url, cookies, headers, body.json));
      const m = multipartPayload(body.multipart.fields, body.multipart.files);
      return toResponse(t.app.inject({ method: method as never, url, payload: m.payload, headers: { ...headers, ...m.headers, cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } }));
    }
  });

  describe('IDOR with mixed ids', () => {
    it('reports: another tenant’s report and its files are 404; a file of another report under an allowed report id is 404; a unit head gets 403', async () => {
      const { satgas, pimpinan_unit: head, ppk } = w.clients;
      const a = w.obj.reportFile!.own;
      const b = w.obj.reportFile!.otherTenant!;
      expectError(await satgas.get(`/api/reports/${b.id}`), 404, 'NOT_FOUND');
      expectError(await satgas.get(`/api/reports/${b.id}/files/${b.fileId}`), 404, 'NOT_FOUND');
      expectError(await satgas.get(`/api/reports/${a.id}/files/${b.fileId}`), 404, 'NOT_FOUND');
      const secret = (await satgas.get(`/api/reports/${w.obj.reportSecret!.own.id}`)).body;
      expectError(await satgas.get(`/api/reports/${a.id}/files/${secret.files[0].fileId}`), 404, 'NOT_FOUND');
      expect((await satgas.get(`/api/reports/${a.id}/files/${a.fileId}`)).status).toBe(200);
      expectError(await satgas.post(`/api/reports/${b.id}/notes`, { body: 'Catatan lintas instansi.' }), 404, 'NOT_FOUND');
      for (const c of [head, ppk]) {
        expectError(await c.get(`/api/reports/${a.id}`), 403, 'FORBIDDEN');
        expectError(await c.get(`/api/reports/${a.id}/files/${a.fileId}`), 403, 'FORBIDDEN');
      }
      expect((await sql<{ n: number }>(t, `select count(*)::int as n from report_note where report_id = '${b.id}'`))[0]!.n).toBe(0);
    });

    it('reveals: another tenant’s approved reveal cannot be read; a second Satgas member of the same tenant cannot read the requester’s', async () => {
      expectError(await w.clients.satgas.get(`/api/reveal-requests/${w.obj.reveal!.otherTenant!.id}/identity`), 404, 'NOT_FOUND');
      expectError(await w.b.satgas.get(`/api/reveal-requests/${w.obj.reveal!.own.id}/identity`), 404, 'NOT_FOUND');
      expectError(await w.b.custodian.post(`/api/reveal-requests/${w.obj.reveal!.own.id}/decision`, { approve: true }), 404, 'NOT_FOUND');
    });

    it('cases: another tenant’s case, evidence, document and bundle are 404; evidence or a document of another case under an allowed case id is 404', async () => {
      const { satgas, ppk, pimpinan_unit: head, inspektorat } = w.clients;
      const ev = w.obj.caseEvidence!;
      const doc = w.obj.caseDocument!;
      for (const c of [satgas, ppk]) {
        expectError(await c.get(`/api/cases/${ev.otherTenant!.id}`), 404, 'NOT_FOUND');
        expectError(await c.get(`/api/cases/${ev.otherTenant!.id}/evidence/${ev.otherTenant!.fileId}`), 404, 'NOT_FOUND');
        expectError(await c.get(`/api/cases/${ev.own.id}/evidence/${ev.otherTenant!.fileId}`), 404, 'NOT_FOUND');
        expectError(await c.get(`/api/cases/${doc.otherTenant!.id}/documents/${doc.otherTenant!.fileId}`), 404, 'NOT_FOUND');
        // The document belongs to the routed-out case; asked for under the first case it does not exist.
        expectError(await c.get(`/api/cases/${ev.own.id}/documents/${doc.own.fileId}`), 404, 'NOT_FOUND');
        expectError(await c.get(`/api/cases/${doc.otherTenant!.id}/bundle`), 404, 'NOT_FOUND');
        expect((await c.get(`/api/cases/${doc.own.id}/documents/${doc.own.fileId}`)).status).toBe(200);
      }
      for (const c of [head, inspektorat]) expectError(await c.get(`/api/cases/${ev.own.id}/evidence/${ev.own.fileId}`), 403, 'FORBIDDEN');
    });

    it('pledge PDFs: the signer gets their own, not a colleague’s (403) nor another tenant’s (404); a unit head only inside their subtree', async () => {
      const sig = w.obj.signature!;
      const { pegawai, pimpinan_unit: head } = w.clients;
      const own = await pegawai.get(`/api/pledges/signatures/${sig.own.id}/pdf`);
      expect(own.status).toBe(200);
      expect(own.raw.subarray(0, 5).toString()).toBe('%PDF-');
      expectError(await pegawai.get(`/api/pledges/signatures/${sig.otherUnit!.id}/pdf`), 403, 'FORBIDDEN');
      expectError(await pegawai.get(`/api/pledges/signatures/${sig.otherTenant!.id}/pdf`), 404, 'NOT_FOUND');
      expectError(await w.b.pegawai.get(`/api/pledges/signatures/${sig.own.id}/pdf`), 404, 'NOT_FOUND');
      expect((await head.get(`/api/pledges/signatures/${sig.own.id}/pdf`)).status).toBe(200);
      expectError(await head.get(`/api/pledges/signatures/${sig.otherUnit!.id}/pdf`), 403, 'FORBIDDEN');
    });

    it('apel: a unit head cannot reach another unit’s report, photo or berita acara, not even by naming its photo under their own report', async () => {
      const head = w.clients.pimpinan_unit;
      const apel = w.obj.apel!;
      const done = w.obj.apelSubmitted!;
      expect((await head.get(`/api/apel/${apel.own.id}/photos/${apel.own.fileId}`)).status).toBe(200);
      expectError(await head.get(`/api/apel/${apel.otherUnit!.id}`), 403, 'FORBIDDEN');
      expectError(await head.get(`/api/apel/${apel.otherUnit!.id}/photos/${apel.otherUnit!.fileId}`), 403, 'FORBIDDEN');
      expectError(await head.get(`/api/apel/${apel.own.id}/photos/${apel.otherUnit!.fileId}`), 404, 'NOT_FOUND');
      expectError(await head.request({ method: 'DELETE', url: `/api/apel/${apel.own.id}/photos/${apel.otherUnit!.fileId}` }), 404, 'NOT_FOUND');
      expectError(await head.get(`/api/apel/${done.otherUnit!.id}/berita-acara.pdf`), 403, 'FORBIDDEN');
      expectError(await w.clients.admin.get(`/api/apel/${apel.own.id}/photos/${apel.otherTenant!.fileId}`), 404, 'NOT_FOUND');
      const photos = await sql<{ n: number }>(t, `select count(*)::int as n from apel_photo where report_id = '${apel.otherUnit!.id}' and file_id = '${apel.otherUnit!.fileId}'`);
      expect(photos[0]!.n).toBe(1);
    });

    it('monitoring: the Inspektorat edits only its own capture; another tenant’s capture and files are 404; a file of another capture under an allowed id is 404', async () => {
      const { inspektorat, satgas } = w.clients;
      const cap = w.obj.captureOwned!;
      expectError(await inspektorat.post(`/api/monitoring/captures/${cap.otherUnit!.id}/revisions`, { text: 'Diubah orang lain', reason: 'Coba ubah', expectedRevision: 1 }), 403, 'FORBIDDEN');
      expectError(await inspektorat.get(`/api/monitoring/captures/${cap.own.id}`), 403, 'FORBIDDEN'); // capturing is not reading the queue
      expectError(await satgas.get(`/api/monitoring/captures/${cap.otherTenant!.id}`), 404, 'NOT_FOUND');
      expectError(await satgas.get(`/api/monitoring/captures/${cap.otherTenant!.id}/files/${cap.otherTenant!.fileId}`), 404, 'NOT_FOUND');
      expectError(await satgas.get(`/api/monitoring/captures/${cap.own.id}/files/${cap.otherUnit!.fileId}`), 404, 'NOT_FOUND');
      expectError(await satgas.post(`/api/monitoring/captures/${cap.otherTenant!.id}/review`, { decision: 'relevant', reason: 'Lintas instansi', expectedRevision: 1 }), 404, 'NOT_FOUND');
      const revisions = await sql<{ n: number }>(t, `select count(*)::int as n from social_capture_revision where capture_id = '${cap.otherUnit!.id}'`);
      expect(revisions[0]!.n).toBe(1);
    });

    it('receipts: a forged or tampered receipt cookie opens nothing', async () => {
      const reporter = new TestClient(t);
      const altcha = await solvePow(reporter);
      const sent = await postForm(reporter, '/api/public/reports', { report: JSON.stringify(reportForm()), altcha, tenant: TENANT_A });
      expect(sent.status).toBe(201);
      const login = await reporter.request({ method: 'POST', url: '/api/public/receipt/login', payload: { tenant: TENANT_A, number: sent.body.number, key: sent.body.receiptKey, altcha: await solvePow(reporter) } });
      expect(login.status).toBe(200);
      const cookie = cookieValue(login, 'netra_receipt')!;
      expect((await raw('GET', '/api/public/receipt', { netra_receipt: cookie })).statusCode).toBe(200);
      const [payload, mac] = decodeURIComponent(cookie).split('.');
      const otherReport = w.obj.report!.own.id!;
      const tampered: string[] = ['', 'x', `${payload}.`, `${payload}.${'A'.repeat(mac?.length ?? 43)}`];
      if (payload) {
        try {
          const json = JSON.parse(Buffer.from(payload, 'base64url').toString());
          tampered.push(`${Buffer.from(JSON.stringify({ ...json, reportId: otherReport })).toString('base64url')}.${mac}`);
          tampered.push(`${Buffer.from(JSON.stringify({ ...json, tenantId: w.tenantIds.b })).toString('base64url')}.${mac}`);
        } catch {
          /* an opaque format: the generic forgeries above still apply */
        }
      }
      for (const forged of tampered) expectError(await toResponse(raw('GET', '/api/public/receipt', { netra_receipt: encodeURIComponent(forged) })), 401, 'RECEIPT_SESSION_REQUIRED');
      // A staff session is no receipt session.
      expectError(await w.clients.satgas.get('/api/public/receipt'), 401, 'RECEIPT_SESSION_REQUIRED');
    });
  });
});
