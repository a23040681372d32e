/** Pengaduan limits and the paths the main suites do not walk: rejection of a reveal, portal file caps, submission rate. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { loginReceipt, postForm, REPORT_TEST_ENV, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';

describe(`pengaduan limits on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...REPORT_TEST_ENV, REPORT_SUBMIT_PER_HOUR: '4' });
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 20);
  });
  afterAll(() => t.close());

  const png = (shade: string) => sharp({ create: { width: 16, height: 16, channels: 3, background: shade } }).png().toBuffer();

  it('lets a custodian reject a reveal; the requester then cannot read the identity', async () => {
    const sent = await submitReport(new TestClient(t), reportForm({ identityMode: 'rahasia', reporter: { name: 'Sari Tersembunyi', nik: '3201014101900003' } }), [], { remoteAddress: '192.0.2.10' });
    expect(sent.status).toBe(201);
    const [row] = await sqlRows<{ id: string }>(t, `select id from report where number = '${sent.body.number}'`);
    const satgas = new TestClient(t);
    await satgas.login('satgas');
    const custodian = new TestClient(t);
    await custodian.login('kustodian');
    const asked = await satgas.post(`/api/reports/${row!.id}/reveal-requests`, { reason: 'Ingin tahu saja siapa pelapornya.' });
    const decided = await custodian.post(`/api/reveal-requests/${asked.body.id}/decision`, { approve: false, note: 'Alasan tidak memadai.' });
    expect(decided.body.status).toBe('rejected');
    expect((await satgas.get(`/api/reveal-requests/${asked.body.id}/identity`)).status).toBe(403);
    const actions = await sqlRows<{ action: string }>(t, `select action from audit_event where entity_id = '${row!.id}' and action like 'report.reveal%' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['report.reveal.request', 'report.reveal.reject']);
  });

  it('caps the evidence a reporter adds later through the portal at the same file limit', async () => {
    const sent = await submitReport(new TestClient(t), reportForm(), [{ name: 'a.png', content: await png('#111111'), type: 'image/png' }], { remoteAddress: '192.0.2.11' });
    const reporter = new TestClient(t);
    expect((await loginReceipt(reporter, sent.body.number, sent.body.receiptKey, { remoteAddress: '192.0.2.11' })).status).toBe(200);
    const two = await postForm(reporter, '/api/public/receipt/files', {}, [
      { name: 'b.png', content: await png('#222222'), type: 'image/png' },
      { name: 'c.png', content: await png('#333333'), type: 'image/png' },
    ]);
    expect(two.status).toBe(200);
    expect(two.body.evidenceCount).toBe(3);
    const fourth = await postForm(reporter, '/api/public/receipt/files', {}, [{ name: 'd.png', content: await png('#444444'), type: 'image/png' }]);
    expect(fourth.status).toBeGreaterThanOrEqual(400);
    expect(fourth.status).toBeLessThan(500);
    expect(fourth.body.error.message).toMatch(/[a-z]/);
    expect((await reporter.get('/api/public/receipt')).body.evidenceCount).toBe(3);
  });

  it('limits submissions per client address in memory, without storing the address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await submitReport(new TestClient(t), reportForm(), [], { remoteAddress: '192.0.2.99' })).status);
    expect(statuses.slice(0, 4).every((s) => s === 201)).toBe(true);
    expect(statuses[4]).toBe(429);
    expect((await submitReport(new TestClient(t), reportForm(), [], { remoteAddress: '192.0.2.100' })).status).toBe(201);
    const tables = await sqlRows<{ hit: string }>(t, `select 'audit' as hit from audit_event where (coalesce(before::text,'') || coalesce(after::text,'') || actor_label) like '%192.0.2.99%'`);
    expect(tables).toHaveLength(0);
  });
  it('refuses a decompression bomb dressed as a small PNG and stores nothing', async () => {
    // 9000×9000 pixels (81 MP) compress to ~80 kB: under the byte limit, far over the pixel cap.
    const bomb = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: '#000' } }).png({ compressionLevel: 9, palette: true }).toBuffer();
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = await sqlRows<{ n: number }>(t, 'select count(*)::int as n from report');
    const res = await submitReport(new TestClient(t), reportForm(), [{ name: 'bukti.png', content: bomb, type: 'image/png' }], { remoteAddress: '192.0.2.12' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.message).toMatch(/\w/);
    expect(await sqlRows<{ n: number }>(t, 'select count(*)::int as n from report')).toEqual(before);
  });
});
