/**
 * "Buka kasus": a capture becomes a Satgas finding (temuan_medsos) in the case workflow, in one
 * transaction: the text and files as evidence by SHA-256, the confirmed employee as subject, the act
 * kind and date deciding kode etik vs disiplin, and the capture linked to the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detail, pnsIn, sqlRows } from '../support/case-fixtures.js';
import { TEST_DB } from '../support/harness.js';
import { captureBody, captured, expectError, screenshot, sha256, startMonitoringWorld, type MonitoringWorld } from '../support/monitoring-fixtures.js';

describe(`monitoring open case on ${TEST_DB}`, () => {
  let w: MonitoringWorld;
  beforeAll(async () => {
    w = await startMonitoringWorld();
  });
  afterAll(() => w.t.close());

  it('opens a case with the capture as evidence and the employee as subject, and links the capture', async () => {
    const employee = await pnsIn(w.t, 'Dinas Kesehatan%');
    const png = await screenshot('#e74c3c');
    const c = await captured(w.satgas, captureBody(w, { employeeId: employee.id, employeeConfirmed: true, text: 'Ayo coblos nomor 2! Teguh–Maya pasti menang ✌️ #TeguhMaya02 <script>alert(1)</script>' }), [{ name: 'a.png', content: png, type: 'image/png' }]);
    const res = await w.satgas.post(`/api/monitoring/captures/${c.id}/open-case`, { expectedRevision: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.caseNumber).toMatch(/^KS-\d{4}-\d{4}$/);

    const k = await detail(w.satgas, res.body.caseId);
    expect(k).toMatchObject({ origin: 'temuan_medsos', state: 'registered', actKind: 'kampanye_media_sosial', election: { eventId: w.event.id, contestId: w.contestId } });
    expect(k.title).toContain(employee.name);
    expect(k.summary).toContain(c.textSha256);
    expect(k.summary).toContain(c.url);
    expect(k.subjects).toHaveLength(1);
    expect(k.subjects[0]).toMatchObject({ employeeId: employee.id, proposedItemCode: 'D-6' });
    const evidence = k.evidence as { source: string; sha256: string; mimeType: string | null; id: string }[];
    expect(evidence.map((e) => [e.source, e.sha256]).sort()).toEqual([['capture', c.textSha256], ['capture', sha256(png)]].sort());
    const rows = await sqlRows<{ capture_id: string }>(w.t, `select capture_id from case_evidence where case_id = '${res.body.caseId}'`);
    expect(rows.every((r) => r.capture_id === c.id)).toBe(true);

    // The screenshot opens from the case (the same sealed original, checked against its hash).
    const file = evidence.find((e) => e.sha256 === sha256(png))!;
    const opened = await w.satgas.get(`/api/cases/${res.body.caseId}/evidence/${file.id}`);
    expect(opened.status).toBe(200);
    expect(sha256(opened.raw)).toBe(sha256(png));

    const after = await w.satgas.get(`/api/monitoring/captures/${c.id}`);
    expect(after.body).toMatchObject({ caseId: res.body.caseId, case: { id: res.body.caseId, number: res.body.caseNumber }, reviewStatus: 'relevant', allowed: { review: false, edit: false, openCase: false } });
    expect(after.body.review.reason).toContain(res.body.caseNumber);

    // Once a case, the capture is fixed: no second case, no edit, no review.
    expectError(await w.satgas.post(`/api/monitoring/captures/${c.id}/open-case`, { expectedRevision: 1 }), 409, 'CONFLICT');
    expectError(await w.satgas.post(`/api/monitoring/captures/${c.id}/revisions`, { text: 'lain', reason: 'coba', expectedRevision: 1 }), 409, 'CAPTURE_STATE');
    expectError(await w.satgas.post(`/api/monitoring/captures/${c.id}/review`, { decision: 'not_relevant', reason: 'coba', expectedRevision: 1 }), 409, 'CAPTURE_STATE');
    const [audit] = await sqlRows<{ after: string }>(w.t, `select after::text from audit_event where action = 'monitoring.capture.open_case' and entity_id = '${c.id}'`);
    expect(audit!.after).toContain(res.body.caseNumber);
  });

  it('takes the act date from posted-at: a photo before penetapan is kode etik (KE-5); duplicates join as evidence', async () => {
    const employee = await pnsIn(w.t, 'Dinas Pendidikan%');
    const before = new Date(Date.parse(`${w.penetapan}T10:00:00+07:00`) - 3 * 86_400_000).toISOString();
    const main = await captured(w.satgas, captureBody(w, { employeeId: employee.id, employeeConfirmed: true, actKind: 'photo_gesture', postedAt: before, text: 'Foto bareng Pak Arief ☝️ #AriefLestari01' }));
    const copy = await captured(w.satgas, captureBody(w, { platform: 'instagram', actKind: 'photo_gesture', postedAt: before, text: 'Foto bareng Pak Arief ☝️ #AriefLestari01' }));
    const res = await w.admin.post(`/api/monitoring/captures/${main.id}/open-case`, { expectedRevision: 1, alsoCaptureIds: [copy.id], title: 'Foto dengan gestur satu jari bersama bakal calon' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const k = await detail(w.satgas, res.body.caseId);
    expect(k).toMatchObject({ title: 'Foto dengan gestur satu jari bersama bakal calon', actKind: 'foto_gestur', actDate: before.slice(0, 10) });
    expect(k.subjects[0]).toMatchObject({ employeeId: employee.id, proposedItemCode: 'KE-5' });
    expect(k.evidence).toHaveLength(2);
    const linked = await sqlRows<{ id: string }>(w.t, `select id from social_capture where case_id = '${res.body.caseId}' order by id`);
    expect(linked.map((r) => r.id).sort()).toEqual([main.id, copy.id].sort());
  });

  it('refuses while the employee is only a suggestion, and for captures judged not relevant; nothing is half-written', async () => {
    const employee = await pnsIn(w.t, 'Dinas Sosial%');
    const suggested = await captured(w.satgas, captureBody(w, { employeeId: employee.id, employeeConfirmed: false }));
    const cases = async () => (await sqlRows<{ n: number }>(w.t, 'select count(*)::int as n from case_file'))[0]!.n;
    const before = await cases();
    const refused = await w.satgas.post(`/api/monitoring/captures/${suggested.id}/open-case`, { expectedRevision: 1 });
    expectError(refused, 409, 'CAPTURE_STATE');
    expect(refused.body.error.message).toMatch(/konfirmasi/i);

    // A bad companion capture rolls the whole thing back.
    const ok = await captured(w.satgas, captureBody(w));
    expectError(await w.satgas.post(`/api/monitoring/captures/${ok.id}/open-case`, { expectedRevision: 1, alsoCaptureIds: ['00000000-0000-4000-8000-000000000000'] }), 404, 'NOT_FOUND');
    expectError(await w.satgas.post(`/api/monitoring/captures/${ok.id}/open-case`, { expectedRevision: 1, alsoCaptureIds: [suggested.id] }), 409, 'CAPTURE_STATE');
    expect(await cases()).toBe(before);
    expect((await w.satgas.get(`/api/monitoring/captures/${ok.id}`)).body.caseId).toBeNull();

    // Confirming is an edit (a new revision); then the case opens.
    const confirmed = await w.satgas.post(`/api/monitoring/captures/${suggested.id}/revisions`, { employeeConfirmed: true, reason: 'Akun cocok dengan foto profil dan unit kerja.', expectedRevision: 1 });
    expect(confirmed.body).toMatchObject({ revision: 2, employeeConfirmed: true });
    expectError(await w.satgas.post(`/api/monitoring/captures/${suggested.id}/open-case`, { expectedRevision: 1 }), 409, 'CAPTURE_CONFLICT');
    expect((await w.satgas.post(`/api/monitoring/captures/${suggested.id}/open-case`, { expectedRevision: 2 })).status).toBe(201);

    const dismissed = await captured(w.satgas, captureBody(w, { text: 'Selamat pagi semua' }));
    await w.satgas.post(`/api/monitoring/captures/${dismissed.id}/review`, { decision: 'not_relevant', reason: 'Tidak terkait pemilihan.', expectedRevision: 1 });
    expectError(await w.satgas.post(`/api/monitoring/captures/${dismissed.id}/open-case`, { expectedRevision: 1 }), 409, 'CAPTURE_STATE');
  });
});
