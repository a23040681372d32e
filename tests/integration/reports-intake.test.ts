import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { jpegWithExif } from '../support/apel-fixtures.js';
import { loginReceipt, postForm, REPORT_TEST_ENV, reportForm, solvePow, sqlRows, submitReport, tablesContaining } from '../support/report-fixtures.js';

const PROBE_IP = '203.0.113.77';
const PROBE_UA = 'Mozilla/5.0 (Linux; Android 14) NetraPrivacyProbe/7.7';
const probe = { remoteAddress: PROBE_IP, headers: { 'user-agent': PROBE_UA, 'x-forwarded-for': PROBE_IP } };

describe(`pengaduan intake and receipt portal on ${TEST_DB}`, () => {
  let t: TestApp;
  let tenantId: string;
  let citizen: TestClient;

  beforeAll(async () => {
    t = await startTestApp(REPORT_TEST_ENV);
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 30)).tenantId;
    citizen = new TestClient(t);
    await citizen.get('/api/auth/session'); // the page's CSRF cookie, fetched before the form is shown
  });
  afterAll(() => t.close());

  const filesOnDisk = () => ['report_evidence', 'report_view'].reduce((n, p) => {
    try {
      return n + readdirSync(join(t.dataDir, 'files', tenantId, p)).length;
    } catch {
      return n;
    }
  }, 0);
  const counts = async () => ({
    reports: (await sqlRows<{ n: number }>(t, 'select count(*)::int as n from report'))[0]!.n,
    files: (await sqlRows<{ n: number }>(t, `select count(*)::int as n from stored_file where purpose like 'report%'`))[0]!.n,
    disk: filesOnDisk(),
  });

  it('takes an anonymous report with a photo and keeps no address, user agent or time of the reporter', async () => {
    const photo = await jpegWithExif();
    const res = await submitReport(citizen, reportForm({ discoveredOn: '2026-01-11' }), [{ name: 'IMG_20260110_foto-pemilik.jpg', content: photo, type: 'image/jpeg' }], probe);
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^LP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(res.body.receiptKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['late_for_bawaslu']);
    expect(res.headers['cache-control']).toBe('no-store');

    // Nothing identifying anywhere in the database, nor in the log.
    expect(await tablesContaining(t, PROBE_IP)).toEqual([]);
    expect(await tablesContaining(t, 'NetraPrivacyProbe')).toEqual([]);
    expect(await tablesContaining(t, 'foto-pemilik')).toEqual([]);
    expect(await tablesContaining(t, res.body.receiptKey)).toEqual([]);
    const logText = t.logs.join('\n');
    expect(logText).toContain('/api/auth/session'); // the log is captured: other routes do appear in it
    for (const secret of [PROBE_IP, 'NetraPrivacyProbe', res.body.receiptKey, '/api/public/reports', '/api/public/pow']) expect(logText).not.toContain(secret);

    // Only days: the audit event, the file rows and the files on disk carry midnight, not the instant.
    const [report] = await sqlRows<{ id: string; received_on: string; created_by: string | null }>(t, `select id, received_on::text, created_by from report where number = '${res.body.number}'`);
    const [audit] = await sqlRows<{ occurred_at: string; actor_user_id: string | null; actor_label: string; request_id: string; after: string }>(t, `select occurred_at::text, actor_user_id, actor_label, request_id, after::text from audit_event where entity_id = '${report!.id}'`);
    expect(audit!.occurred_at).toMatch(/ 00:00:00\+00$|T00:00:00/);
    expect(audit).toMatchObject({ actor_user_id: null, actor_label: 'pelapor', request_id: 'pelapor' });
    expect(audit!.after).not.toContain('Budi'); // the audit log is read by people who may not read reports
    const stored = await sqlRows<{ created_at: string; purpose: string; storage_path: string }>(t, `select created_at::text, purpose, storage_path from stored_file where purpose like 'report%'`);
    expect(stored).toHaveLength(2);
    for (const f of stored) expect(f.created_at).toMatch(/ 00:00:00\+00$/);
    const original = readFileSync(stored.find((f) => f.purpose === 'report_evidence')!.storage_path);
    expect(original.includes(Buffer.from('KameraUji'))).toBe(false); // sealed on disk: EXIF unreadable without the key
    const clean = readFileSync(stored.find((f) => f.purpose === 'report_view')!.storage_path);
    expect((await sharp(clean).metadata()).exif).toBeUndefined();
  });

  it('seals a rahasia identity and contact: the raw database holds neither', async () => {
    const res = await submitReport(citizen, reportForm({ identityMode: 'rahasia', reporter: { name: 'Siti Uniknamawati', nik: '3201010101010001', phone: '081234567890', email: 'siti.unik@example.org' }, contactEmail: 'kabar.unik@example.org' }));
    expect(res.status).toBe(201);
    for (const plain of ['Uniknamawati', '3201010101010001', '081234567890', 'siti.unik', 'kabar.unik']) expect(await tablesContaining(t, plain)).toEqual([]);
    const [row] = await sqlRows<{ reporter_sealed: string; reporter_open: unknown }>(t, `select reporter_sealed, reporter_open from report where number = '${res.body.number}'`);
    expect(row!.reporter_open).toBeNull();
    expect(JSON.parse(row!.reporter_sealed)).toMatchObject({ v: 1, kid: expect.any(String), dek: expect.any(String) });
  });

  it('opens the receipt portal with number + key: status, messages, reply, more evidence, PDF', async () => {
    const sent = await submitReport(citizen);
    const reporter = new TestClient(t);
    const login = await loginReceipt(reporter, sent.body.number.toLowerCase().replace(/-/g, ' '), sent.body.receiptKey.toLowerCase(), probe);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ number: sent.body.number, status: 'baru', messages: [], evidenceCount: 0 });
    const cookie = (login.headers['set-cookie'] as string).toString();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const reply = await reporter.post('/api/public/receipt/messages', { body: 'Tambahan: kejadian juga terekam video.' });
    expect(reply.body.messages).toEqual([expect.objectContaining({ seq: 1, direction: 'from_reporter', body: 'Tambahan: kejadian juga terekam video.' })]);
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#aa0000' } }).png().toBuffer();
    const more = await postForm(reporter, '/api/public/receipt/files', {}, [{ name: 'layar.png', content: png, type: 'image/png' }]);
    expect(more.status).toBe(200);
    expect(more.body.evidenceCount).toBe(1);

    const pdf = await citizen.post('/api/public/reports/receipt.pdf', { number: sent.body.number, key: sent.body.receiptKey });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment/);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');

    await reporter.post('/api/public/receipt/logout', {});
    expect((await reporter.get('/api/public/receipt')).status).toBe(401);
    expect(t.logs.join('\n')).not.toContain(sent.body.receiptKey);
  });

  it('refuses wrong keys, audits them without an address, and limits them per number', async () => {
    const sent = await submitReport(citizen);
    const guesser = new TestClient(t);
    for (let i = 0; i < 5; i++) {
      const wrong = await loginReceipt(guesser, sent.body.number, 'AAAA-BBBB-CCCC-DDDD-EEEE', probe);
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('RECEIPT_INVALID');
    }
    const blocked = await loginReceipt(guesser, sent.body.number, sent.body.receiptKey, probe);
    expect(blocked.status).toBe(429);
    const audited = await sqlRows<{ actor_label: string; request_id: string; after: string }>(t, `select actor_label, request_id, after::text from audit_event where action = 'report.receipt.failed'`);
    expect(audited.length).toBeGreaterThanOrEqual(5);
    expect(audited.every((a) => a.actor_label === 'pelapor' && !a.after.includes(PROBE_IP))).toBe(true);
    expect(await tablesContaining(t, PROBE_IP)).toEqual([]);
  });

  it('refuses a missing or replayed proof of work', async () => {
    const none = await postForm(citizen, '/api/public/reports', { report: JSON.stringify(reportForm()) });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('POW_INVALID');
    const altcha = await solvePow(citizen);
    expect((await postForm(citizen, '/api/public/reports', { report: JSON.stringify(reportForm()), altcha })).status).toBe(201);
    const replay = await postForm(citizen, '/api/public/reports', { report: JSON.stringify(reportForm()), altcha });
    expect(replay.body.error.code).toBe('POW_INVALID');
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const before = await counts();
    const jpeg = await jpegWithExif();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200), Buffer.from('PE\0\0'), Buffer.alloc(300)]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.alloc(100)]);
    const cases: [string, () => Promise<{ status: number; body: any }>, number][] = [
      ['executable renamed .jpg', () => submitReport(citizen, reportForm(), [{ name: 'bukti.jpg', content: exe, type: 'image/jpeg' }]), 415],
      ['svg with script', () => submitReport(citizen, reportForm(), [{ name: 'bukti.svg', content: svg, type: 'image/svg+xml' }]), 415],
      ['zip archive', () => submitReport(citizen, reportForm(), [{ name: 'bukti.zip', content: zip, type: 'application/zip' }]), 415],
      ['valid photo + disguised file', () => submitReport(citizen, reportForm(), [{ name: 'a.jpg', content: jpeg, type: 'image/jpeg' }, { name: 'b.jpg', content: exe, type: 'image/jpeg' }]), 415],
      ['oversized file', () => submitReport(citizen, reportForm(), [{ name: 'besar.jpg', content: Buffer.concat([jpeg, Buffer.alloc(310 * 1024)]), type: 'image/jpeg' }]), 413],
      ['too many files', () => submitReport(citizen, reportForm(), Array.from({ length: 4 }, (_, i) => ({ name: `${i}.jpg`, content: jpeg, type: 'image/jpeg' }))), 400],
      ['malformed JSON form', async () => postForm(citizen, '/api/public/reports', { report: '{"identityMode":"anonim",', altcha: await solvePow(citizen) }), 400],
      ['missing minimum facts', () => submitReport(citizen, reportForm({ reported: {}, actKind: null })), 400],
      ['identity on an anonymous report', () => submitReport(citizen, reportForm({ reporter: { name: 'Tidak Boleh' } })), 400],
      ['link that is not http(s)', () => submitReport(citizen, reportForm({ links: ['javascript:alert(1)'] })), 400],
      ['huge JSON body', () => citizen.post('/api/public/receipt/messages', { body: 'x'.repeat(1_200_000) }), 413],
      ['malformed JSON body', () => citizen.request({ method: 'POST', url: '/api/public/receipt/login', payload: '{"number":', headers: { 'content-type': 'application/json' } }), 400],
    ];
    for (const [name, run, status] of cases) {
      const res = await run();
      expect(res.status, name).toBe(status);
      expect(res.body.error.message, name).toMatch(/\w/);
    }
    expect(await counts()).toEqual(before);
  });

  it('stores HTML typed into the form as plain text, unchanged', async () => {
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)> & "kutip"';
    const res = await submitReport(citizen, reportForm({ description: `Uraian ${html}`, place: html }));
    expect(res.status).toBe(201);
    const [row] = await sqlRows<{ description: string; place: string }>(t, `select description, place from report where number = '${res.body.number}'`);
    expect(row).toEqual({ description: `Uraian ${html}`, place: html });
  });
  it('warns, without refusing, when the act is dated after the day it became known', async () => {
    const res = await submitReport(citizen, reportForm({ actDate: '2026-01-10', discoveredOn: '2026-01-09' }));
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['late_for_bawaslu', 'dates_out_of_order']);
    expect(res.body.warnings[1].message).toMatch(/Tanggal diketahui lebih awal dari tanggal kejadian/);
  });

  it('offers the public form its elections and file limits without signing in', async () => {
    const res = await new TestClient(t).get('/api/public/reports/options');
    expect(res.status).toBe(200);
    expect(res.body.limits).toMatchObject({ maxFiles: expect.any(Number), types: expect.arrayContaining(['image/jpeg', 'application/pdf']) });
    expect(Array.isArray(res.body.elections)).toBe(true);
  });
});
