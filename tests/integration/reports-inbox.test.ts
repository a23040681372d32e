import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { jpegWithExif } from '../support/apel-fixtures.js';
import { loginReceipt, postForm, REPORT_TEST_ENV, reportForm, sqlRows, submitReport, tablesContaining } from '../support/report-fixtures.js';
import type { DemoResult } from '../../src/server/seed/demo.js';

describe(`pengaduan inbox, reveal and notices on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let satgas: TestClient;
  let custodian: TestClient;
  let admin: TestClient;
  let anonymous: { number: string; receiptKey: string; id: string };
  let secret: { number: string; receiptKey: string; id: string };

  const idOf = async (number: string) => (await sqlRows<{ id: string }>(t, `select id from report where number = '${number}'`))[0]!.id;

  beforeAll(async () => {
    t = await startTestApp(REPORT_TEST_ENV);
    demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 150);
    const citizen = new TestClient(t);
    const a = await submitReport(citizen, reportForm({ contactEmail: 'pelapor.kabar@example.org' }), [{ name: 'a.jpg', content: await jpegWithExif(), type: 'image/jpeg' }]);
    anonymous = { ...a.body, id: await idOf(a.body.number) };
    const r = await submitReport(citizen, reportForm({ identityMode: 'rahasia', reporter: { name: 'Rahmat Rahasiawan', nik: '3201010101010002' }, actKind: 'politik_uang', description: 'Pembagian amplop kepada guru honorer menjelang pemungutan suara.' }));
    secret = { ...r.body, id: await idOf(r.body.number) };
    satgas = new TestClient(t);
    await satgas.login('satgas');
    custodian = new TestClient(t);
    await custodian.login('kustodian');
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
  });
  afterAll(() => t.close());

  it('lists and filters the inbox; the detail never carries a sealed identity', async () => {
    const all = await satgas.get('/api/reports');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect((await satgas.get('/api/reports?identityMode=rahasia')).body.items.map((i: { number: string }) => i.number)).toEqual([secret.number]);
    expect((await satgas.get('/api/reports?actKind=politik_uang')).body.total).toBe(1);
    expect((await satgas.get(`/api/reports?q=${encodeURIComponent('amplop')}`)).body.items[0].number).toBe(secret.number);
    expect((await satgas.get('/api/reports?status=selesai')).body.total).toBe(0);
    const detail = await satgas.get(`/api/reports/${secret.id}`);
    expect(detail.body).toMatchObject({ identityMode: 'rahasia', hasSealedIdentity: true, reporterOpen: null, can: { requestReveal: true } });
    expect(JSON.stringify(detail.body)).not.toContain('Rahasiawan');
    expect(JSON.stringify(all.body)).not.toContain('Rahasiawan');
    expect(detail.headers['cache-control']).toBe('no-store');
  });

  it('serves evidence only as a download; the original download is audited', async () => {
    const detail = (await satgas.get(`/api/reports/${anonymous.id}`)).body;
    expect(detail.files).toHaveLength(1);
    const file = detail.files[0];
    expect(file).toMatchObject({ mimeType: 'image/jpeg', fromReporter: true, hasCleanCopy: true });
    const clean = await satgas.get(`/api/reports/${anonymous.id}/files/${file.fileId}`);
    expect(clean.status).toBe(200);
    expect(clean.headers['content-disposition']).toMatch(/^attachment;/);
    expect(clean.headers['x-content-type-options']).toBe('nosniff');
    expect(clean.headers['content-type']).toBe('application/octet-stream');
    expect(clean.raw.includes(Buffer.from('KameraUji'))).toBe(false);
    const original = await satgas.get(`/api/reports/${anonymous.id}/files/${file.fileId}?variant=original`);
    expect(original.raw.includes(Buffer.from('KameraUji'))).toBe(true); // byte-exact evidence
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(original.raw).digest('hex')).toBe(file.sha256);
    expect((await sqlRows(t, `select 1 from audit_event where action = 'report.evidence.original'`)).length).toBe(1);
  });

  it('denies every role without report.read', async () => {
    for (const username of ['pimpinan.disdik', 'bupati', 'inspektorat', 'kustodian']) {
      const c = new TestClient(t);
      await c.login(username);
      expect((await c.get('/api/reports')).status, username).toBe(403);
      expect((await c.get(`/api/reports/${anonymous.id}`)).status, username).toBe(403);
      expect((await c.post(`/api/reports/${anonymous.id}/notes`, { body: 'x' })).status, username).toBe(403);
    }
    const employee = new TestClient(t);
    await employee.loginEmployee(demo.employeeLogin.idNumber);
    expect((await employee.get('/api/reports')).status).toBe(403);
    expect((await new TestClient(t).get('/api/reports')).status).toBe(401);
  });

  it('reveals a rahasia identity only with a second person, and audits request, decision and reading', async () => {
    expect((await satgas.post(`/api/reports/${anonymous.id}/reveal-requests`, { reason: 'Tidak ada identitas pada laporan anonim ini.' })).status).toBe(409);
    const asked = await satgas.post(`/api/reports/${secret.id}/reveal-requests`, { reason: 'Klarifikasi langsung kepada pelapor diperlukan untuk kajian.' });
    expect(asked.status).toBe(201);
    const revealId = asked.body.id;
    expect((await satgas.get(`/api/reveal-requests/${revealId}/identity`)).status).toBe(403); // not yet approved
    expect((await satgas.post(`/api/reveal-requests/${revealId}/decision`, { approve: true })).status).toBe(403); // not a custodian
    const pending = await custodian.get('/api/reveal-requests');
    expect(pending.body.items).toEqual([expect.objectContaining({ id: revealId, reportNumber: secret.number, status: 'pending' })]);
    expect((await custodian.post(`/api/reveal-requests/${revealId}/decision`, { approve: true, note: 'Alasan memadai.' })).body.status).toBe('approved');
    expect((await custodian.post(`/api/reveal-requests/${revealId}/decision`, { approve: false })).status).toBe(409);
    expect((await custodian.get(`/api/reveal-requests/${revealId}/identity`)).status).toBe(403); // the custodian never reads it
    expect((await admin.get(`/api/reveal-requests/${revealId}/identity`)).status).toBe(403);
    const identity = await satgas.get(`/api/reveal-requests/${revealId}/identity`);
    expect(identity.body).toMatchObject({ name: 'Rahmat Rahasiawan', nik: '3201010101010002', readVia: revealId });
    expect((await satgas.get('/api/reveal-requests')).body.items.find((r: { id: string }) => r.id === revealId).isMine).toBe(true);
    expect((await custodian.get('/api/reveal-requests')).body.items.find((r: { id: string }) => r.id === revealId).isMine).toBe(false);
    const trail = await sqlRows<{ action: string; actor_label: string; after: { reason?: string } }>(t, `select action, actor_label, after from audit_event where entity_id = '${secret.id}' and action like 'report.reveal%' order by id`);
    expect(trail.map((a) => [a.action, a.actor_label])).toEqual([['report.reveal.request', 'satgas'], ['report.reveal.approve', 'kustodian'], ['report.reveal.read', 'satgas']]);
    expect(trail[2]!.after.reason).toContain('Klarifikasi');
    // The database refuses self-approval whatever the service does.
    await expect(t.deps.db.execute(`update reveal_request set decided_by = requested_by where id = '${revealId}'` as never)).rejects.toThrow();
  });

  it('messages the reporter with a content-free e-mail notice, and sees the answer', async () => {
    const sent = await satgas.post(`/api/reports/${anonymous.id}/messages`, { body: 'Mohon kirim tangkapan layar unggahan Facebook tersebut.' });
    expect(sent.status).toBe(200);
    const mails = await sqlRows<{ to_address: string; subject: string; body: string }>(t, `select to_address, subject, body from mail_message where subject like '%laporan Anda%'`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe('pelapor.kabar@example.org');
    for (const leak of ['tangkapan layar', anonymous.number, 'Budi', 'Facebook']) expect(mails[0]!.body + mails[0]!.subject).not.toContain(leak);
    expect(mails[0]!.body).toContain('Ada pembaruan pada laporan Anda');

    const reporter = new TestClient(t);
    const view = await loginReceipt(reporter, anonymous.number, anonymous.receiptKey);
    expect(view.body.messages).toEqual([expect.objectContaining({ direction: 'to_reporter', body: 'Mohon kirim tangkapan layar unggahan Facebook tersebut.' })]);
    expect(JSON.stringify(view.body)).not.toContain('satgas');
    await reporter.post('/api/public/receipt/messages', { body: 'Sudah saya lampirkan.' });
    const detail = (await satgas.get(`/api/reports/${anonymous.id}`)).body;
    expect(detail.messages.map((m: { direction: string }) => m.direction)).toEqual(['to_reporter', 'from_reporter']);
    expect(detail.reporterActivityOn).toBeUndefined(); // inbox field only
  });

  it('keeps internal notes from the reporter; changes status, marks duplicates, hands over', async () => {
    await satgas.post(`/api/reports/${anonymous.id}/notes`, { body: 'Catatan internal: cek akun terlapor.' });
    const reporter = new TestClient(t);
    expect(JSON.stringify((await loginReceipt(reporter, anonymous.number, anonymous.receiptKey)).body)).not.toContain('Catatan internal');
    const status = await satgas.post(`/api/reports/${anonymous.id}/status`, { status: 'diverifikasi' });
    expect(status.body.status).toBe('diverifikasi');
    expect((await reporter.get('/api/public/receipt')).body.statusLabel).toBe('Sedang diverifikasi');
    const handover = await satgas.post(`/api/reports/${anonymous.id}/handover`, { note: 'Masuk kajian Satgas.' });
    expect(handover.body.handover).toMatchObject({ note: 'Masuk kajian Satgas.' });
    expect(handover.body.caseId).toBeNull();
    expect((await satgas.post(`/api/reports/${anonymous.id}/handover`, {})).status).toBe(409);

    const copy = await submitReport(new TestClient(t));
    const copyId = await idOf(copy.body.number);
    expect((await satgas.post(`/api/reports/${copyId}/duplicate`, { duplicateOfNumber: copyId.slice(0, 8) })).status).toBe(400);
    const dup = await satgas.post(`/api/reports/${copyId}/duplicate`, { duplicateOfNumber: anonymous.number.toLowerCase() });
    expect(dup.body).toMatchObject({ status: 'duplikat', duplicateOf: { id: anonymous.id, number: anonymous.number } });
    expect((await satgas.post(`/api/reports/${copyId}/status`, { status: 'selesai' })).status).toBe(409);
  });

  it('records reports received elsewhere with their channel and the staff member who entered them', async () => {
    const entered = await satgas.post('/api/reports', { channel: 'surat', receivedOn: '2026-01-05', report: reportForm({ identityMode: 'terbuka', reporter: { name: 'Warga Terbuka', phone: '0812 3456 7890' } }) });
    expect(entered.status).toBe(201);
    const id = await idOf(entered.body.number);
    const [row] = await sqlRows<{ channel: string; created_by: string | null; received_on: string }>(t, `select channel, created_by, received_on::text from report where id = '${id}'`);
    expect(row).toMatchObject({ channel: 'surat', received_on: '2026-01-05' });
    expect(row!.created_by).not.toBeNull();
    const detail = (await satgas.get(`/api/reports/${id}`)).body;
    expect(detail.reporterOpen).toMatchObject({ name: 'Warga Terbuka' });
    const png = await jpegWithExif();
    expect((await postForm(satgas, `/api/reports/${id}/files`, {}, [{ name: 'surat.jpg', content: png, type: 'image/jpeg' }])).body.files[0].fromReporter).toBe(false);
    const pimpinan = new TestClient(t);
    await pimpinan.login('pimpinan.disdik');
    expect((await pimpinan.post('/api/reports', { channel: 'surat', receivedOn: '2026-01-05', report: reportForm() })).status).toBe(403);
  });

  it('lets an employee report anonymously from inside Netra without writing their account anywhere', async () => {
    const employee = new TestClient(t);
    await employee.loginEmployee(demo.employeeLogin.idNumber);
    const session = (await employee.get('/api/auth/session')).body;
    const userId: string = session.user.id;
    const res = await postForm(employee, '/api/reports/internal', { report: JSON.stringify(reportForm({ description: 'Laporan internal anonim tentang mobilisasi pegawai.' })) });
    expect(res.status).toBe(201);
    const id = await idOf(res.body.number);
    const [row] = await sqlRows<Record<string, unknown>>(t, `select * from report where id = '${id}'`);
    expect(row!.channel).toBe('web_internal');
    expect(JSON.stringify(row)).not.toContain(userId);
    const events = await sqlRows<Record<string, unknown>>(t, `select * from audit_event where entity_id = '${id}'`);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(userId);
    expect(events[0]).toMatchObject({ actor_user_id: null, actor_label: 'pelapor', request_id: 'pelapor' });
    expect(await tablesContaining(t, 'mobilisasi pegawai')).toEqual(['"public"."report"']);
  });
});
