/**
 * The public report in one atomic statement (issue 4, bench target): report, stored_file, report_file
 * and the reporter's day-dated audit entry are written by one statement of data-modifying CTEs. Here:
 * a report number already taken is drawn again (the statement that hit it wrote nothing); a tenant
 * deactivated after the form resolved it (the resolution is reused for a few seconds) takes no
 * report, and the sealed file written for it is removed; the rows of a normal report are complete.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { REPORT_TEST_ENV, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';

const drawn: string[] = [];
vi.mock('../../src/server/modules/reports/receipt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/server/modules/reports/receipt.js')>();
  return { ...actual, newReportNumber: () => drawn.shift() ?? actual.newReportNumber() };
});

describe(`a report in one statement on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  const photo = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#456' } }).jpeg().toBuffer();
  const evidenceFiles = () => readdirSync(join(t.dataDir, 'files', demo.tenantId, 'report_evidence'));

  beforeAll(async () => {
    t = await startTestApp(REPORT_TEST_ENV);
    demo = await seedTenant(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes the report, its evidence rows and its audit entry together', async () => {
    const res = await submitReport(new TestClient(t), reportForm(), [{ name: 'a.jpg', content: await photo(), type: 'image/jpeg' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [row] = await sqlRows<{ id: string; files: number; stored: number; audits: number }>(t, `
      select r.id,
             (select count(*)::int from report_file f where f.report_id = r.id) as files,
             (select count(*)::int from report_file f join stored_file s on s.tenant_id = f.tenant_id and s.id = f.file_id where f.report_id = r.id) as stored,
             (select count(*)::int from audit_event a where a.entity_id = r.id::text and a.action = 'report.submit' and a.actor_label = 'pelapor') as audits
        from report r where r.number = '${res.body.number}'`);
    expect(row).toMatchObject({ files: 1, stored: 1, audits: 1 });
  });

  it('writes every column given, whatever the number of files (one prepared statement per evidence shape, reused)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    for (const files of [[], [{ name: 'a.jpg', content: await photo(), type: 'image/jpeg' }], [{ name: 'b.jpg', content: await photo(), type: 'image/jpeg' }, { name: 'c.pdf', content: pdf, type: 'application/pdf' }]]) {
      for (let round = 0; round < 2; round++) {
        const form = { ...reportForm(), place: `Kantor ${files.length}-${round}`, links: [`https://contoh.test/${files.length}/${round}`] };
        const res = await submitReport(new TestClient(t), form, files);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const [row] = await sqlRows<Record<string, unknown>>(t, `
          select r.place, r.links, r.status, r.channel, r.description, r.received_on::text as received_on, r.tenant_id = '${demo.tenantId}' as own_tenant,
                 (select count(*)::int from report_file f where f.report_id = r.id) as files,
                 (select count(*)::int from report_file f join stored_file s on s.tenant_id = f.tenant_id and s.id = f.file_id where f.report_id = r.id and s.purpose = 'report_evidence' and s.size > 0 and s.created_at is not null) as stored,
                 (select array_agg(f.mime_type order by f.mime_type) from report_file f where f.report_id = r.id) as mimes,
                 (select count(*)::int from audit_event a where a.entity_id = r.id::text and a.action = 'report.submit') as audits
            from report r where r.number = '${res.body.number}'`);
        expect(row).toMatchObject({ place: form.place, links: form.links, status: 'baru', channel: 'web_publik', description: form.description, received_on: res.body.receivedOn, own_tenant: true, files: files.length, stored: files.length, audits: 1 });
        expect(row!.mimes ?? []).toEqual(files.map((f) => f.type).sort());
      }
    }
  });

  it('draws another number when the first is taken, and the failed statement left nothing', async () => {
    const first = await submitReport(new TestClient(t), reportForm(), []);
    expect(first.status).toBe(201);
    const before = await sqlRows<{ n: number }>(t, `select (select count(*)::int from report) + (select count(*)::int from audit_event where action = 'report.submit') + (select count(*)::int from stored_file where purpose = 'report_evidence') as n`);
    drawn.push(first.body.number);
    const second = await submitReport(new TestClient(t), reportForm(), [{ name: 'b.jpg', content: await photo(), type: 'image/jpeg' }]);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.number).not.toBe(first.body.number);
    expect(drawn).toEqual([]);
    // Exactly one report, one sealed original and one submit entry more (the clean copy is the job's): the statement that hit the taken number wrote nothing.
    const after = await sqlRows<{ n: number }>(t, `select (select count(*)::int from report) + (select count(*)::int from audit_event where action = 'report.submit') + (select count(*)::int from stored_file where purpose = 'report_evidence') as n`);
    expect(after[0]!.n - before[0]!.n).toBe(3);
  });

  it('takes no report for a tenant deactivated after the form resolved it, and removes its file', async () => {
    const ok = await submitReport(new TestClient(t), reportForm(), []); // resolves (and reuses) the tenant
    expect(ok.status).toBe(201);
    const reports = (await sqlRows<{ n: number }>(t, `select count(*)::int as n from report`))[0]!.n;
    const files = evidenceFiles().length;
    await t.deps.db.execute(`update tenant set is_active = false where id = '${demo.tenantId}'` as never);
    try {
      const res = await submitReport(new TestClient(t), reportForm(), [{ name: 'c.jpg', content: await photo(), type: 'image/jpeg' }]);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toMatchObject({ tenant: 'Instansi tidak dikenal.' });
      expect((await sqlRows<{ n: number }>(t, `select count(*)::int as n from report`))[0]!.n).toBe(reports);
      expect(evidenceFiles()).toHaveLength(files);
    } finally {
      await t.deps.db.execute(`update tenant set is_active = true where id = '${demo.tenantId}'` as never);
    }
  });
});
