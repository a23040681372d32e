import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { startSmtp } from '../support/smtp.js';

describe(`employee sign-in with NIP and a one-time code on ${TEST_DB}`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let nip: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, LOGIN_MAX_FAILURES: '4' });
    nip = (await seedTenant(t)).employeeLogin.idNumber;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const codeIn = (raw: string) => raw.match(/Kode masuk Netra Anda: (\d{6})/)?.[1];

  it('e-mails a code through SMTP, signs the employee in as pegawai, and shows only their own record', async () => {
    const client = new TestClient(t);
    const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const req = await client.post('/api/auth/otp/request', { idNumber: spaced });
    expect(req.status).toBe(200);
    expect(smtp.messages).toHaveLength(1);
    const code = codeIn(smtp.messages[0]!.raw)!;
    expect(code).toMatch(/^\d{6}$/);
    const res = await client.post('/api/auth/otp/verify', { idNumber: nip, code });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual(['pegawai']);
    expect(res.body.permissions).toMatchObject({ 'employee.read': true, 'unit.read': false, 'employee.import': false });
    const list = await client.get('/api/employees?pageSize=50');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].idNumber).toBe(nip);
    expect((await client.get('/api/units')).status).toBe(403);
    // The code is single-use.
    expect((await new TestClient(t).post('/api/auth/otp/verify', { idNumber: nip, code })).body.error.code).toBe('OTP_INVALID');
  });

  it('answers the same for unknown numbers (no enumeration) and sends nothing', async () => {
    const before = smtp.messages.length;
    const res = await new TestClient(t).post('/api/auth/otp/request', { idNumber: '196001011990031999' });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/Jika nomor itu terdaftar/);
    expect(smtp.messages.length).toBe(before);
  });

  it('keeps no readable code in the database once the mail is delivered', async () => {
    const client = new TestClient(t);
    await client.post('/api/auth/otp/request', { idNumber: nip });
    const code = codeIn(smtp.messages.at(-1)!.raw)!;
    const rows = await t.deps.db.execute(`select body from mail_message` as never);
    const bodies = (rows as unknown as { rows: { body: string | null }[] }).rows.map((r) => r.body ?? '');
    expect(bodies.some((b) => b.includes(code))).toBe(false);
  });

  it('locks the number after repeated wrong codes (audited)', async () => {
    const client = new TestClient(t);
    await client.post('/api/auth/otp/request', { idNumber: nip });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await client.post('/api/auth/otp/verify', { idNumber: nip, code: '000000' })).body.error.code);
    // One failure was already counted in the first test (the reused code); the limit is 4.
    expect(codes).toEqual(['OTP_INVALID', 'OTP_INVALID', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    const audit = (await t.deps.db.execute(`select action from audit_event where entity_id = 'otp:${nip}'` as never)) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.otp.failed', 'auth.lockout']));
  });
});

describe(`dev outbox without SMTP on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t);
  });
  afterAll(() => t.close());

  it('shows the code on the outbox page and in the server log', async () => {
    const nip = (await t.deps.db.execute(`select id_number from employee where email is not null and category = 'pns' limit 1` as never)) as unknown as { rows: { id_number: string }[] };
    const client = new TestClient(t);
    await client.post('/api/auth/otp/request', { idNumber: nip.rows[0]!.id_number });
    const outbox = await client.get('/api/dev/outbox');
    expect(outbox.status).toBe(200);
    const code = outbox.body.items[0].body.match(/(\d{6})/)[1];
    expect(t.logs.some((l) => l.includes(code) && l.includes('dev outbox'))).toBe(true);
    expect((await client.post('/api/auth/otp/verify', { idNumber: nip.rows[0]!.id_number, code })).status).toBe(200);
  });
});
