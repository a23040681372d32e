/**
 * An evidence image the clean-copy job can never re-encode (issue 4): its header passes the request's
 * check (type by content, dimensions, pixel limit), but sharp cannot decode its body, strictly or
 * leniently. The job marks it failed (`report_file.clean_failed_on`, a day) with a day-precision audit
 * entry instead of failing forever; staff see "cannot be made — download the original"; the clean
 * download answers a distinct, stable error (EVIDENCE_CLEAN_FAILED) in Indonesian; the original stays
 * downloadable (audited, byte-exact); the periodic sweep no longer queues it; a transient failure (the
 * sealed original missing from disk) still fails the run so the queue retries it.
 */
import { randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../src/shared/errors.js';
import { makeCleanCopies, REPORT_CLEAN_JOB, resumeCleanCopies } from '../../src/server/modules/reports/reports.jobs.js';
import { loadSealedBox } from '../../src/server/lib/sealed-box.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { HeldJobs } from '../support/held-jobs.js';
import { REPORT_TEST_ENV, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';

/**
 * A progressive JPEG whose first scan header asks for an impossible spectral selection (Ss 5 > Se 1):
 * the markers up to the scan are valid (sharp's metadata reads 64×48), but libjpeg stops with a fatal
 * error as soon as it decodes the scan, whatever `failOn` says.
 */
async function undecodableJpeg(): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } }).jpeg({ progressive: true }).toBuffer());
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const spectral = sos + 5 + jpeg[sos + 4]! * 2; // after the length, the component count and (id, tables) per component
  jpeg[spectral] = 5; // Ss
  jpeg[spectral + 1] = 1; // Se
  return jpeg;
}

describe(`evidence whose clean copy can never be made, on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let satgas: TestClient;
  let jobs: HeldJobs;


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

  it('marks an undecodable image failed, stops re-queueing it, and tells staff to download the original', async () => {
    const broken = await undecodableJpeg();
    expect((await sharp(broken).metadata()).width).toBe(64); // the header passes…
    await expect(sharp(broken, { failOn: 'none' }).jpeg().toBuffer()).rejects.toThrow(); // …the body never decodes

    jobs.hold();
    const res = await submitReport(new TestClient(t), reportForm(), [{ name: 'IMG_0002.jpg', content: broken, type: 'image/jpeg' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [{ id }] = (await sqlRows<{ id: string }>(t, `select id from report where number = '${res.body.number}'`)) as [{ id: string }];
    expect(jobs.held).toEqual([{ name: REPORT_CLEAN_JOB, payload: { tenantId: demo.tenantId } }]);
    vi.restoreAllMocks();

    // Before the job: processing, as for any image.
    const before = (await satgas.get(`/api/reports/${id}`)).body;
    expect(before.files[0]).toMatchObject({ cleanCopy: 'processing', hasCleanCopy: false });

    // The job runs (as the worker would) and does not fail: the file is settled, not retried.
    const box = loadSealedBox(t.deps.config);
    expect(await makeCleanCopies(t.deps, box, demo.tenantId)).toEqual({ made: 0, unreadable: 1, failed: 0 });
    const [row] = await sqlRows<{ clean_failed_on: string | Date | null; view_file_id: string | null }>(t, `select clean_failed_on, view_file_id from report_file where report_id = '${id}'`);
    expect(row!.view_file_id).toBeNull();
    expect(row!.clean_failed_on).not.toBeNull();
    expect(await sqlRows(t, `select 1 from stored_file where purpose = 'report_view'`)).toHaveLength(0);
    const audits = await sqlRows<{ action: string; occurred_at: Date | string; actor_user_id: string | null; actor_label: string; after: { sha256: string; reason: string } }>(t, `select action, occurred_at, actor_user_id, actor_label, after from audit_event where entity_id = '${id}' order by id`);
    expect(audits.map((a) => a.action)).toEqual(['report.submit', 'report.evidence.clean_failed']);
    expect(audits[1]).toMatchObject({ actor_user_id: null, after: { sha256: before.files[0].sha256, reason: 'undecodable' } });
    expect(new Date(audits[1]!.occurred_at).toISOString()).toMatch(/T00:00:00\.000Z$/); // day only, like every reporter-side entry

    // Not queued again: neither by the sweep nor by a second run of the job.
    jobs.hold();
    expect(await resumeCleanCopies(t.deps)).toBe(0);
    expect(jobs.held).toEqual([]);
    vi.restoreAllMocks();
    await jobs.send(REPORT_CLEAN_JOB, { tenantId: demo.tenantId });
    expect(await sqlRows(t, `select 1 from audit_event where action = 'report.evidence.clean_failed'`)).toHaveLength(1);

    // Staff: the state on the report page, a distinct error for the clean download, the original as before.
    const after = (await satgas.get(`/api/reports/${id}`)).body;
    expect(after.files[0]).toMatchObject({ cleanCopy: 'failed', hasCleanCopy: false });
    const clean = await satgas.get(`/api/reports/${id}/files/${after.files[0].fileId}`);
    expect(clean.status).toBe(422);
    expect(clean.body.error).toMatchObject({ code: 'EVIDENCE_CLEAN_FAILED', message: ERRORS.EVIDENCE_CLEAN_FAILED.message });
    expect(clean.body.error.message).toMatch(/tidak dapat dibuat.*[Uu]nduh berkas asli/);
    const original = await satgas.get(`/api/reports/${id}/files/${after.files[0].fileId}?variant=original`);
    expect(original.status).toBe(200);
    expect(original.raw.equals(broken)).toBe(true);
  });

  it('still retries a transient failure (the sealed original missing for a moment)', async () => {
    jobs.hold();
    const res = await submitReport(new TestClient(t), reportForm(), [{ name: 'IMG_0003.jpg', content: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#777' } }).jpeg().toBuffer(), type: 'image/jpeg' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    vi.restoreAllMocks();
    const [file] = await sqlRows<{ file_id: string; storage_path: string }>(t, `select f.file_id, s.storage_path from report_file f join report r on r.tenant_id = f.tenant_id and r.id = f.report_id join stored_file s on s.tenant_id = f.tenant_id and s.id = f.file_id where r.number = '${res.body.number}'`);
    renameSync(file!.storage_path, `${file!.storage_path}.away`);
    const box = loadSealedBox(t.deps.config);
    await expect(makeCleanCopies(t.deps, box, demo.tenantId)).rejects.toThrow(/failed/);
    const [pending] = await sqlRows<{ clean_failed_on: unknown; view_file_id: unknown }>(t, `select clean_failed_on, view_file_id from report_file where file_id = '${file!.file_id}'`);
    expect(pending).toMatchObject({ clean_failed_on: null, view_file_id: null });
    jobs.hold();
    expect(await resumeCleanCopies(t.deps)).toBe(1); // the sweep still queues it
    vi.restoreAllMocks();
    renameSync(`${file!.storage_path}.away`, file!.storage_path);
    expect(await makeCleanCopies(t.deps, box, demo.tenantId)).toEqual({ made: 1, unreadable: 0, failed: 0 });
  });
});
