/**
 * Clean copies of evidence images by a job after the commit (issue 4, bench target): the request keeps
 * the sealed original with its SHA-256 and answers; until the job has run, staff see the file as
 * "sedang diproses" and the default download is refused rather than answered with the original; the
 * job makes the copy (re-encoded, no metadata) and records it with a day-precision audit entry; the
 * sweep queues again what a crash left without a copy; job payloads carry nothing about the reporter.
 * Also the receipt-key hash: argon2id at the OWASP minimum, configurable and validated at boot, and
 * keys hashed with the earlier 64 MiB / t=3 still verify.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';
import { createArgon2Hasher } from '../../src/server/lib/passwords.js';
import { normaliseCode } from '../../src/server/modules/reports/receipt.js';
import { REPORT_CLEAN_JOB, resumeCleanCopies } from '../../src/server/modules/reports/reports.jobs.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { pngBomb } from '../fixtures/hostile-files.js';
import { jpegWithExif } from '../support/apel-fixtures.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { HeldJobs } from '../support/held-jobs.js';
import { loginReceipt, postForm, REPORT_TEST_ENV, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';

describe(`clean copies of evidence by job, receipt-key hash on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let satgas: TestClient;
  let jobs: HeldJobs;

  const idOf = async (number: string) => (await sqlRows<{ id: string }>(t, `select id from report where number = '${number}'`))[0]!.id;

  beforeAll(async () => {
    t = await startTestApp(REPORT_TEST_ENV);
    demo = await seedTenant(t);
    jobs = new HeldJobs(t.deps.jobs);
    satgas = new TestClient(t);
    await satgas.login('satgas');
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  it('answers before the clean copy exists; staff see "processing"; the job makes and records the copy', async () => {
    jobs.hold();
    const photo = await jpegWithExif('2026:01:15 08:30:00', 640);
    const citizen = new TestClient(t);
    const res = await submitReport(citizen, reportForm(), [{ name: 'IMG_0001.jpg', content: photo, type: 'image/jpeg' }, { name: 'x.pdf', content: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), type: 'application/pdf' }], { remoteAddress: '198.51.100.7', headers: { 'user-agent': 'PonselUji/1.0' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = await idOf(res.body.number);

    // One job for the tenant, and nothing about the reporter in it.
    expect(jobs.held).toEqual([{ name: REPORT_CLEAN_JOB, payload: { tenantId: demo.tenantId } }]);
    expect(JSON.stringify(jobs.held)).not.toMatch(/198\.51\.100\.7|PonselUji|IMG_0001/);

    const before = (await satgas.get(`/api/reports/${id}`)).body;
    const image = before.files.find((f: { mimeType: string }) => f.mimeType === 'image/jpeg');
    const pdf = before.files.find((f: { mimeType: string }) => f.mimeType === 'application/pdf');
    expect(image).toMatchObject({ hasCleanCopy: false, cleanCopy: 'processing', size: photo.length });
    expect(pdf).toMatchObject({ hasCleanCopy: false, cleanCopy: 'none' });
    // The default (clean) download is refused while the copy is made: never the original in its place.
    const early = await satgas.get(`/api/reports/${id}/files/${image.fileId}`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('EVIDENCE_PROCESSING');
    // The original stays available on explicit request: an audited attachment, byte-exact.
    const original = await satgas.get(`/api/reports/${id}/files/${image.fileId}?variant=original`);
    expect(original.status).toBe(200);
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);
    expect(original.raw.equals(photo)).toBe(true);
    expect((await satgas.get(`/api/reports/${id}/files/${pdf.fileId}`)).status).toBe(200); // a PDF has no clean copy: as before

    await jobs.release();
    const after = (await satgas.get(`/api/reports/${id}`)).body;
    expect(after.files.find((f: { fileId: string }) => f.fileId === image.fileId)).toMatchObject({ hasCleanCopy: true, cleanCopy: 'ready' });
    const clean = await satgas.get(`/api/reports/${id}/files/${image.fileId}`);
    expect(clean.status).toBe(200);
    expect(clean.headers['content-disposition']).toMatch(/^attachment;.*bersih/);
    expect(clean.raw.includes(Buffer.from('KameraUji'))).toBe(false);
    expect((await sharp(clean.raw).metadata()).exif).toBeUndefined();

    // Recorded in the same transaction as the row: stored_file + audit, both dated to the day only.
    const [row] = await sqlRows<{ view_file_id: string; created_at: Date | string; purpose: string; storage_path: string }>(t, `select f.view_file_id, s.created_at, s.purpose, s.storage_path from report_file f join stored_file s on s.tenant_id = f.tenant_id and s.id = f.view_file_id where f.file_id = '${image.fileId}'`);
    expect(row!.purpose).toBe('report_view');
    expect(new Date(row!.created_at).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(readFileSync(row!.storage_path).equals(clean.raw)).toBe(true);
    const audits = await sqlRows<{ action: string; occurred_at: Date | string; actor_user_id: string | null; request_id: string; after: { sha256: string } }>(t, `select action, occurred_at, actor_user_id, request_id, after from audit_event where entity_id = '${id}' and action like 'report.%' and action not like 'report.evidence.original' order by id`);
    expect(audits.map((a) => a.action)).toEqual(['report.submit', 'report.evidence.clean']);
    expect(new Date(audits[1]!.occurred_at).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(audits[1]).toMatchObject({ actor_user_id: null, after: { sha256: image.sha256 } });

    // Idempotent: running the job again makes nothing new.
    await jobs.send(REPORT_CLEAN_JOB, { tenantId: demo.tenantId });
    expect(await sqlRows(t, `select 1 from stored_file where purpose = 'report_view'`)).toHaveLength(1);
    expect(await sqlRows(t, `select 1 from audit_event where action = 'report.evidence.clean'`)).toHaveLength(1);
  });

  it('the sweep queues again what a lost job left without a clean copy (receipt portal and internal form alike)', async () => {
    jobs.hold();
    const citizen = new TestClient(t);
    const submitted = await submitReport(citizen, reportForm(), []);
    const login = await loginReceipt(citizen, submitted.body.number, submitted.body.receiptKey);
    expect(login.status).toBe(200);
    const added = await postForm(citizen, '/api/public/receipt/files', {}, [{ name: 'b.png', content: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ccc' } }).png().toBuffer(), type: 'image/png' }]);
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const employee = new TestClient(t);
    await employee.loginEmployee(demo.employeeLogin.idNumber);
    const internal = await postForm(employee, '/api/reports/internal', { report: JSON.stringify(reportForm()) }, [{ name: 'c.jpg', content: await jpegWithExif(), type: 'image/jpeg' }]);
    expect(internal.status, JSON.stringify(internal.body)).toBe(201);
    expect(jobs.held.map((j) => j.payload)).toEqual([{ tenantId: demo.tenantId }, { tenantId: demo.tenantId }]);

    // A crash (or a failed enqueue) loses the held jobs; the sweep finds the tenant again.
    jobs.held = [];
    expect(await resumeCleanCopies(t.deps)).toBe(1);
    expect(jobs.held).toEqual([{ name: REPORT_CLEAN_JOB, payload: { tenantId: demo.tenantId } }]);
    const pendingBefore = await sqlRows(t, `select 1 from report_file where view_file_id is null and mime_type like 'image/%'`);
    expect(pendingBefore).toHaveLength(2);
    await jobs.release();
    expect(await sqlRows(t, `select 1 from report_file where view_file_id is null and mime_type like 'image/%'`)).toHaveLength(0);
    const png = (await sqlRows<{ mime_type: string }>(t, `select s.mime_type from report_file f join stored_file s on s.tenant_id = f.tenant_id and s.id = f.view_file_id where f.mime_type = 'image/png'`))[0];
    expect(png!.mime_type).toBe('image/png');
    expect(await resumeCleanCopies(t.deps)).toBe(0);
  });

  it('refuses a pixel bomb in the request although the re-encode runs later', async () => {
    jobs.hold();
    const bomb = pngBomb(9_000); // 81 MP, valid PNG of ~10 kB
    expect(bomb.length).toBeLessThan(Number(REPORT_TEST_ENV.REPORT_FILE_MAX_BYTES));
    const res = await submitReport(new TestClient(t), reportForm(), [{ name: 'bom.png', content: bomb, type: 'image/png' }]);
    expect(res.status).toBe(400);
    expect(jobs.held).toEqual([]);
    vi.restoreAllMocks();
  });

  it('hashes receipt keys with argon2id m=12 MiB, t=3, p=1; keys hashed at 64 MiB / t=3 or 19 MiB / t=2 still verify', async () => {
    const citizen = new TestClient(t);
    const res = await submitReport(citizen, reportForm(), []);
    const [row] = await sqlRows<{ receipt_hash: string }>(t, `select receipt_hash from report where number = '${res.body.number}'`);
    expect(row!.receipt_hash).toMatch(/^\$argon2id\$v=19\$m=12288,t=3,p=1\$/);
    // Reports from before the changes: each hash carries its own parameters.
    for (const [memory, time] of [[65_536, 3], [19_456, 2]] as const) {
      const old = await createArgon2Hasher(memory, time).hash(normaliseCode(res.body.receiptKey));
      expect(old).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${memory},t=${time},p=1\\$`));
      await t.deps.db.execute(`update report set receipt_hash = '${old}' where number = '${res.body.number}'` as never);
      expect((await loginReceipt(new TestClient(t), res.body.number, res.body.receiptKey)).status).toBe(200);
    }
    expect((await loginReceipt(new TestClient(t), res.body.number, 'AAAA-BBBB-CCCC-DDDD-EEEE')).status).toBe(401);
  });

  it('validates the receipt hash cost at boot (never below the OWASP minimum)', () => {
    const base = { NODE_ENV: 'test', DATA_DIR: t.dataDir };
    expect(loadConfig(base)).toMatchObject({ RECEIPT_ARGON2_MEMORY_KIB: 12_288, RECEIPT_ARGON2_TIME_COST: 3, ARGON2_MEMORY_KIB: 65_536 });
    // Each of OWASP's equal-strength settings passes; just below any of them does not.
    for (const [memory, time] of [[47_104, 1], [19_456, 2], [12_288, 3], [9_216, 4], [7_168, 5]]) {
      expect(loadConfig({ ...base, RECEIPT_ARGON2_MEMORY_KIB: String(memory), RECEIPT_ARGON2_TIME_COST: String(time) })).toMatchObject({ RECEIPT_ARGON2_MEMORY_KIB: memory });
    }
    for (const [memory, time] of [[47_103, 1], [19_455, 2], [12_287, 3], [19_456, 1], [9_216, 3], [7_168, 4]]) {
      expect(() => loadConfig({ ...base, RECEIPT_ARGON2_MEMORY_KIB: String(memory), RECEIPT_ARGON2_TIME_COST: String(time) }), `${memory} KiB, t=${time}`).toThrow(ConfigError);
    }
    expect(() => loadConfig({ ...base, RECEIPT_ARGON2_MEMORY_KIB: '4096', RECEIPT_ARGON2_TIME_COST: '1' })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, RECEIPT_ARGON2_MEMORY_KIB: '4096', RECEIPT_ARGON2_TIME_COST: '1' });
    } catch (error) {
      expect((error as Error).message).toMatch(/RECEIPT_ARGON2_MEMORY_KIB[\s\S]*RECEIPT_ARGON2_TIME_COST/);
    }
  });
});
