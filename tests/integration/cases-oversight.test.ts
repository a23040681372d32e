/**
 * What keeps case handling honest: conflict-of-interest exclusion, the escalation ladder (with a
 * chosen clock), chain of custody for evidence, and a report becoming a case whose progress reaches
 * the reporter through the receipt channel only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEscalations } from '../../src/server/modules/cases/escalation.jobs.js';
import { loadWorkingCalendar } from '../../src/server/modules/case-settings/case-settings.service.js';
import { TEST_DB, TestClient } from '../support/harness.js';
import { jpegWithExif } from '../support/apel-fixtures.js';
import { isoDay } from '../support/pledge-fixtures.js';
import { loginReceipt, reportForm, submitReport } from '../support/report-fixtures.js';
import { act, createCase, detail, pnsIn, sqlRows, startCaseWorld, step, type CaseWorld } from '../support/case-fixtures.js';

describe(`case oversight on ${TEST_DB}`, () => {
  let w: CaseWorld;
  const userId = async (username: string) => (await sqlRows<{ id: string }>(w.t, `select id from user_account where username = '${username}'`))[0]!.id;

  beforeAll(async () => {
    w = await startCaseWorld();
  });
  afterAll(() => w.t.close());

  it('excludes a Satgas member who works in the reported employee’s OPD: the case does not exist for them', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pendidikan%', 5);
    const colleague = await pnsIn(w.t, 'Dinas Pendidikan%', 6);
    const satgasId = await userId('satgas');
    await w.t.deps.db.execute(`update user_account set employee_id = '${colleague.id}' where id = '${satgasId}'` as never);
    try {
      // The admin registers the case (the satgas member would be excluded from it at once).
      const res = await w.admin.post('/api/cases', { origin: 'temuan_atasan', title: 'Temuan atasan', summary: 'Atasan menemukan pegawai memasang spanduk calon.', subjects: [{ employeeId: subject.id }] });
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      expect((await w.satgas.get(`/api/cases/${id}`)).status).toBe(404);
      expect((await w.satgas.get('/api/cases?state=all')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
      expect((await act(w.satgas, id, { action: 'start_verification' }, res.body.version)).status).toBe(404);
      const d = await detail(w.admin, id);
      expect(d.excludedCount).toBeGreaterThan(0);
      expect(d.assignable.map((u: { id: string }) => u.id)).not.toContain(satgasId);
      const assign = await w.admin.post(`/api/cases/${id}/assign`, { expectedVersion: d.version, userId: satgasId });
      expect(assign.status).toBe(422);
      const reason = await sqlRows<{ reason: string }>(w.t, `select reason from case_exclusion where case_id = '${id}' and user_id = '${satgasId}'`);
      expect(reason[0]!.reason).toMatch(/perangkat daerah yang sama/);
    } finally {
      await w.t.deps.db.execute(`update user_account set employee_id = null where id = '${satgasId}'` as never);
    }
  });

  it('excludes a superior in the supervisor chain even from another unit', async () => {
    const subject = await pnsIn(w.t, 'Dinas Kesehatan%', 3);
    const boss = await pnsIn(w.t, 'Badan Kepegawaian%', 0);
    const satgasId = await userId('satgas');
    await w.t.deps.db.execute(`update employee set supervisor_id = '${boss.id}' where id = '${subject.id}'` as never);
    await w.t.deps.db.execute(`update user_account set employee_id = '${boss.id}' where id = '${satgasId}'` as never);
    try {
      const res = await w.admin.post('/api/cases', { origin: 'temuan_patroli', title: 'Temuan', summary: 'Temuan patroli.', subjects: [{ employeeId: subject.id }] });
      const reason = await sqlRows<{ reason: string }>(w.t, `select reason from case_exclusion where case_id = '${res.body.id}' and user_id = '${satgasId}'`);
      expect(reason[0]!.reason).toMatch(/Atasan/);
    } finally {
      await w.t.deps.db.execute(`update user_account set employee_id = null where id = '${satgasId}'` as never);
    }
  });

  it('escalates an overdue step: assignee, then the Satgas chair, then the PPK — once each', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pekerjaan Umum%', 2);
    const satgasId = await userId('satgas');
    const c = await createCase(w, { subjects: [{ employeeId: subject.id }], assigneeUserId: satgasId });
    const d = await detail(w.satgas, c.id);
    const calendar = await loadWorkingCalendar(w.t.deps.db, w.demo.tenantId);
    const at = (workingDaysAfterDue: number) => new Date(`${calendar.addWorkingDays(d.dueOn, workingDaysAfterDue)}T03:00:00Z`);
    const notes = async (username: string) => (await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from notification n join user_account u on u.id = n.user_id where u.username = '${username}' and n.case_id = '${c.id}' and n.kind = 'case.overdue'`))[0]!.n;

    expect(await runEscalations(w.t.deps, new Date(`${d.dueOn}T03:00:00Z`))).toBe(0); // due today: not late yet
    await runEscalations(w.t.deps, at(1));
    expect(await notes('satgas')).toBe(1);
    expect(await notes('bupati')).toBe(0);
    expect((await detail(w.satgas, c.id)).escalationLevel).toBe(1);
    await runEscalations(w.t.deps, at(1)); // idempotent
    expect(await notes('satgas')).toBe(1);
    await runEscalations(w.t.deps, at(3)); // default gap: 2 working days
    expect((await detail(w.satgas, c.id)).escalationLevel).toBe(2);
    // The demo's ketua (Sekda) has no account: the chair's notice falls back to the BKPSDM admin.
    expect(await notes('admin.bkpsdm')).toBe(1);
    expect(await notes('bupati')).toBe(0);
    await runEscalations(w.t.deps, at(5));
    expect((await detail(w.satgas, c.id)).escalationLevel).toBe(3);
    expect(await notes('bupati')).toBe(1);
    // E-mail copies went out (dev outbox) and the in-app bell shows it.
    const bell = await w.ppk.get('/api/notifications');
    expect(bell.body.unread).toBeGreaterThan(0);
    expect(bell.body.items.map((n: { link: string }) => n.link)).toContain(`/kasus/${c.id}`);
    const read = await w.ppk.post('/api/notifications/read', {});
    expect(read.body.unread).toBe(0);
    // A new step starts the clock again.
    await step(w.satgas, c.id, { action: 'start_verification' });
    const after = await detail(w.satgas, c.id);
    expect(after.escalationLevel).toBe(0);
    expect(after.dueOn).toBe(calendar.addWorkingDays(isoDayLocal(), 7));
  });

  it('turns a public report into a case; the reporter follows it through the receipt channel only', async () => {
    const citizen = new TestClient(w.t);
    const submitted = await submitReport(citizen, reportForm({ electionEventId: w.event.id, electionContestId: w.event.contests[0]!.id, actDate: w.penetapan }), [{ name: 'bukti.jpg', content: await jpegWithExif(), type: 'image/jpeg' }]);
    expect(submitted.status).toBe(201);
    const reportId = (await sqlRows<{ id: string }>(w.t, `select id from report where number = '${submitted.body.number}'`))[0]!.id;
    const created = await w.satgas.post(`/api/reports/${reportId}/case`, {});
    expect(created.status).toBe(200);
    const again = await w.satgas.post(`/api/reports/${reportId}/case`, {});
    expect(again.status).toBe(409);
    const d = await detail(w.satgas, created.body.id);
    expect(d.origin).toBe('laporan');
    expect(d.reports.map((r: { number: string }) => r.number)).toEqual([submitted.body.number]);
    expect(d.subjects[0].name).toBe('Budi Santoso');
    expect(d.evidence).toHaveLength(1);
    expect(d.evidence[0].source).toBe('report');

    // Chain of custody: opening evidence is audited with its hash, and the bytes match the hash.
    const file = await w.satgas.get(`/api/cases/${d.id}/evidence/${d.evidence[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/attachment/);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(file.raw).digest('hex')).toBe(d.evidence[0].sha256);
    const custody = await sqlRows<{ actor_label: string; after: { sha256: string } }>(w.t, `select actor_label, after from audit_event where action = 'case.evidence.open' and entity_id = '${d.id}'`);
    expect(custody[0]!.after.sha256).toBe(d.evidence[0].sha256);

    await step(w.satgas, d.id, { action: 'start_verification' });
    await step(w.satgas, d.id, { action: 'request_info', message: 'Mohon kirimkan tautan unggahan yang Anda laporkan.' });
    const note = await w.satgas.post(`/api/cases/${d.id}/notes`, { expectedVersion: (await detail(w.satgas, d.id)).version, body: 'Catatan internal: terlapor adalah guru SD Negeri 3.' });
    expect(note.status).toBe(200);

    const portal = new TestClient(w.t);
    expect((await loginReceipt(portal, submitted.body.number, submitted.body.receiptKey)).status).toBe(200);
    const view = await portal.get('/api/public/receipt');
    const texts = (view.body.messages as { body: string }[]).map((m) => m.body).join('\n');
    expect(texts).toMatch(/didaftarkan sebagai kasus/);
    expect(texts).toMatch(/sedang diverifikasi/);
    expect(texts).toMatch(/tautan unggahan/);
    expect(texts).not.toMatch(/Catatan internal/);
    expect(texts).not.toContain(d.number); // the internal case number is not the reporter's business
  });

  it('refuses evidence that is not an image, video or PDF and keeps nothing of it', async () => {
    const c = await createCase(w);
    const before = (await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from stored_file`))[0]!.n;
    const { postForm } = await import('../support/report-fixtures.js');
    const bad = await postForm(w.satgas, `/api/cases/${c.id}/evidence`, { description: 'skrip' }, [{ name: 'x.jpg', content: Buffer.from('<svg onload=alert(1)>'), type: 'image/jpeg' }]);
    expect(bad.status).toBe(415);
    expect((await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from stored_file`))[0]!.n).toBe(before);
    const good = await postForm(w.satgas, `/api/cases/${c.id}/evidence`, { description: 'Foto spanduk di depan kantor' }, [{ name: 'a.jpg', content: await jpegWithExif(), type: 'image/jpeg' }]);
    expect(good.status).toBe(201);
    expect((await detail(w.satgas, c.id)).evidence[0]).toMatchObject({ source: 'upload', description: 'Foto spanduk di depan kantor' });
  });
});

function isoDayLocal(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
