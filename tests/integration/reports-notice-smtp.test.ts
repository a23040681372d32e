import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { REPORT_TEST_ENV, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';
import { startSmtp } from '../support/smtp.js';

describe(`reporter notices over SMTP on ${TEST_DB}`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ ...REPORT_TEST_ENV, SMTP_URL: smtp.url });
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 30);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a content-free notice and then forgets the reporter’s address', async () => {
    const citizen = new TestClient(t);
    const submitted = await submitReport(citizen, reportForm({ contactEmail: 'pelapor.rahasia@example.org' }));
    expect(submitted.status).toBe(201);
    const [row] = await sqlRows<{ id: string }>(t, `select id from report where number = '${submitted.body.number}'`);
    const satgas = new TestClient(t);
    await satgas.login('satgas');
    expect((await satgas.post(`/api/reports/${row!.id}/messages`, { body: 'Mohon lengkapi tanggal kejadian.' })).status).toBe(200);
    expect(smtp.messages.map((m) => m.to)).toEqual([['pelapor.rahasia@example.org']]);
    expect(smtp.messages[0]!.raw).not.toContain('tanggal kejadian');
    const stored = await sqlRows<{ to_address: string; body: string | null }>(t, `select to_address, body from mail_message where subject like '%laporan Anda%'`);
    expect(stored[0]!.to_address).not.toContain('pelapor.rahasia');
    expect(t.logs.join('\n')).not.toContain('pelapor.rahasia@example.org');
  });
});
