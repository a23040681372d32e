import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

describe(`staff sign-in, sessions and CSRF on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', RATE_LIMIT_SIGN_IN_PER_MINUTE: '20' });
    await seedTenant(t);
  });
  afterAll(() => t.close());

  it('signs in, returns permissions for the role, and sets an httpOnly SameSite session cookie', async () => {
    const client = new TestClient(t);
    const res = await client.login('admin.bkpsdm');
    expect(res.body.user.roles).toEqual(['admin']);
    expect(res.body.permissions['employee.import']).toBe(true);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const sid = setCookie.find((c) => c.startsWith('netra_sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/employees?pageSize=1')).status).toBe(200);
  });

  it('refuses a wrong password with the error shape and an Indonesian message', async () => {
    const res = await new TestClient(t).post('/api/auth/login', { username: 'satgas', password: 'salah' });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.', details: null });
  });

  it('locks an account after repeated failures, even with the right password, and audits both', async () => {
    const client = new TestClient(t);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await client.post('/api/auth/login', { username: 'inspektorat', password: 'tebakan' })).body.error.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    const locked = await client.post('/api/auth/login', { username: 'inspektorat', password: 'Netra-Demo-2026!' });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    // Says how long: the lock of the test config, in whole minutes, and until when.
    expect(locked.body.error.message).toMatch(/Coba lagi dalam \d+ menit\.$/);
    expect(locked.body.error.details).toMatchObject({ lockedUntil: expect.any(String), minutes: expect.any(Number) });
    expect(locked.body.error.message).toContain(`${locked.body.error.details.minutes} menit`);
    const admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    const audit = await admin.get('/api/audit?pageSize=50');
    const actions = audit.body.items.filter((e: { entityId: string }) => e.entityId === 'login:inspektorat').map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login.failed', 'auth.lockout']));
  });

  it('locks unknown usernames too, so lock-out does not reveal which accounts exist', async () => {
    const client = new TestClient(t);
    let last = '';
    for (let i = 0; i < 4; i++) last = (await client.post('/api/auth/login', { username: 'tidak.ada', password: 'x' })).body.error.code;
    expect(last).toBe('ACCOUNT_LOCKED');
  });

  it('refuses state-changing requests without the CSRF token, with a wrong one, or with a stale pre-login one', async () => {
    const client = new TestClient(t);
    await client.get('/api/auth/session');
    const preLogin = client.csrf!;
    expect((await client.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'satgas', password: 'x' }, csrf: false })).body.error.code).toBe('CSRF_INVALID');
    expect((await client.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'satgas', password: 'x' }, csrf: 'palsu-palsu-palsu-palsu' })).body.error.code).toBe('CSRF_INVALID');
    await client.login('admin.bkpsdm');
    expect(client.csrf).not.toBe(preLogin); // rotated at sign-in
    const stale = await client.request({ method: 'PATCH', url: '/api/units/00000000-0000-4000-8000-000000000000', payload: { name: 'X Y' }, csrf: preLogin });
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('CSRF_INVALID');
  });

  it('ends the session on logout and issues a new session token at every sign-in (no fixation)', async () => {
    const client = new TestClient(t);
    const first = await client.login('bupati');
    const firstSid = ([] as string[]).concat(first.headers['set-cookie'] as string[]).find((c) => c.startsWith('netra_sid='));
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/employees')).status).toBe(401);
    const second = await client.login('bupati');
    const secondSid = ([] as string[]).concat(second.headers['set-cookie'] as string[]).find((c) => c.startsWith('netra_sid='));
    expect(secondSid).not.toBe(firstSid);
  });

  it('enrols TOTP, then requires it, and refuses a replayed code', async () => {
    const client = new TestClient(t);
    await client.login('satgas');
    const setup = await client.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    const secret = setup.body.secret as string;
    expect((await client.post('/api/auth/totp/enable', { secret, code: '000000' })).body.error.code).toBe('TOTP_INVALID');
    const code = await generate({ secret });
    expect((await client.post('/api/auth/totp/enable', { secret, code })).status).toBe(200);

    const next = new TestClient(t);
    const needs = await next.post('/api/auth/login', { username: 'satgas', password: 'Netra-Demo-2026!' });
    expect(needs.body.error.code).toBe('TOTP_REQUIRED');
    // The code used to enable TOTP was recorded: the same time step cannot sign in again.
    const replay = await next.post('/api/auth/login', { username: 'satgas', password: 'Netra-Demo-2026!', totp: code });
    expect(replay.body.error.code).toBe('TOTP_INVALID');
  });

  it('rate-limits sign-in attempts per client in memory', async () => {
    const client = new TestClient(t);
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) status = (await client.post('/api/auth/otp/request', { idNumber: `99999${i}` })).status;
    expect(status).toBe(429);
  });
});
