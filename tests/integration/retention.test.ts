/**
 * Retention with a controllable clock (`runRetention(deps, now)`, like `runEscalations`): before the
 * threshold nothing is erased; after it exactly the reporter data that is due is erased, with a
 * tombstone and an audit event in the same transaction; a second run changes nothing; the audit
 * chain still verifies (the month arithmetic is unit-tested in retention.service.test.ts). Runs on PGlite and PostgreSQL; mail goes to the dev outbox (no SMTP), so the
 * reporter notices stay undelivered and exercise the undelivered-address rule.
 */
import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/modules/audit/audit.service.js';
import { ERASED_RECIPIENT } from '../../src/server/modules/mail/mail.service.js';
import { runRetention } from '../../src/server/modules/retention/retention.jobs.js';
import { RETENTION_ACTOR, REVEAL_CLOSED_NOTE } from '../../src/server/modules/retention/retention.service.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { loginReceipt, REPORT_TEST_ENV, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';

const DAY = 86_400_000;
const identity = (n: number) => ({ name: `Saksi Retensi ${n}`, nik: `32010199123100${String(n).padStart(2, '0')}`, phone: `08139988770${n}`, email: `saksi.retensi${n}@example.net` });

describe(`retention of reporter data on ${TEST_DB}`, () => {
  let t: TestApp;
  let tenantId: string;
  let satgas: TestClient;
  let custodian: TestClient;
  /** The real instant the closures below happened at; fake clocks are counted from it. */
  let t0: Date;
  const r: Record<string, { id: string; number: string; receiptKey: string }> = {};

  const submit = async (key: string, form: Record<string, unknown>, withPhoto = false) => {
    const photo = await sharp({ create: { width: 24, height: 24, channels: 3, background: '#224466' } }).jpeg().toBuffer();
    const res = await submitReport(new TestClient(t), reportForm(form), withPhoto ? [{ name: 'foto.jpg', content: photo, type: 'image/jpeg' }] : []);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [row] = await sqlRows<{ id: string }>(t, `select id from report where number = '${res.body.number}'`);
    r[key] = { id: row!.id, number: res.body.number, receiptKey: res.body.receiptKey };
  };
  const report = async (key: string) => (await sqlRows<{ reporter_sealed: string | null; contact_sealed: string | null; reporter_erased_on: string | null; evidence_erased_on: string | null; status: string }>(t, `select reporter_sealed, contact_sealed, reporter_erased_on::text, evidence_erased_on::text, status from report where id = '${r[key]!.id}'`))[0]!;
  const ok = async (res: Promise<{ status: number; body: unknown }>, status = 200) => {
    const done = await res;
    expect(done.status, JSON.stringify(done.body)).toBe(status);
    return done.body as any;
  };
  /** `n` calendar months (and some days) after t0: the fake clock of a run. */
  const at = (n: number, plusDays = 0) => {
    const d = new Date(t0.getTime() + plusDays * DAY);
    d.setUTCMonth(d.getUTCMonth() + n);
    return d;
  };

  beforeAll(async () => {
    t = await startTestApp({ ...REPORT_TEST_ENV, RETENTION_REPORTER_CONTACT_MONTHS: '12', RETENTION_REJECTED_REPORT_MONTHS: '6' });
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 30)).tenantId;
    satgas = new TestClient(t);
    await satgas.login('satgas');
    custodian = new TestClient(t);
    await custodian.login('kustodian');

    // rejected: rahasia + contact + photo, rejected in the inbox (never a case).
    await submit('rejected', { identityMode: 'rahasia', reporter: identity(1), contactEmail: 'kabar.ditolak@example.net' }, true);
    // caseClosed: anonim + contact, handed to a case that is then closed (rejected as a case).
    await submit('caseClosed', { contactEmail: 'kabar.kasus@example.net' });
    // caseOpen: rahasia, handed to a case that stays open.
    await submit('caseOpen', { identityMode: 'rahasia', reporter: identity(3) });
    // untouched: rahasia, never handled (status baru).
    await submit('untouched', { identityMode: 'rahasia', reporter: identity(4), contactEmail: 'kabar.baru@example.net' });
    // finished: rahasia, set to selesai with a pending reveal request.
    await submit('finished', { identityMode: 'rahasia', reporter: identity(5) });
    // granted: rahasia, duplicate, with an approved reveal that will still be readable at the fake clock.
    await submit('granted', { identityMode: 'rahasia', reporter: identity(6) });

    await ok(satgas.post(`/api/reports/${r.rejected!.id}/status`, { status: 'ditolak', note: 'Bukan kewenangan Satgas.' }));
    // A notice to the reporter (dev outbox: the address stays until the retention rule erases it).
    await ok(satgas.post(`/api/reports/${r.caseClosed!.id}/messages`, { body: 'Laporan Anda kami terima.' }));
    const created = await ok(satgas.post(`/api/reports/${r.caseClosed!.id}/case`, {}));
    const caseId = created.id as string;
    const detail = await ok(satgas.get(`/api/cases/${caseId}`));
    await ok(satgas.post(`/api/cases/${caseId}/actions`, { action: 'reject', expectedVersion: detail.version, reason: 'Tidak memenuhi syarat formal.' }));
    await ok(satgas.post(`/api/reports/${r.caseOpen!.id}/case`, {}));
    await ok(satgas.post(`/api/reports/${r.finished!.id}/reveal-requests`, { reason: 'Perlu klarifikasi langsung dengan pelapor mengenai bukti.' }), 201);
    await ok(satgas.post(`/api/reports/${r.finished!.id}/status`, { status: 'selesai', note: null }));
    const grant = await ok(satgas.post(`/api/reports/${r.granted!.id}/reveal-requests`, { reason: 'Perlu klarifikasi langsung dengan pelapor mengenai bukti.' }), 201);
    await ok(custodian.post(`/api/reveal-requests/${grant.id}/decision`, { approve: true, note: null }));
    await ok(satgas.post(`/api/reports/${r.granted!.id}/duplicate`, { duplicateOfNumber: r.finished!.number }));
    t0 = new Date();
    // The grant is approved "one day before" the fake clock of the 12-month run: still readable then.
    await t.deps.db.execute(`update reveal_request set decided_at = '${new Date(at(12, 1).getTime() - DAY).toISOString()}' where id = '${grant.id}'` as never);
  });
  afterAll(() => t.close());

  it('erases nothing before any threshold', async () => {
    expect(await runRetention(t.deps, new Date(t0.getTime() + DAY))).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });
    const mails = await sqlRows<{ to_address: string; forget_recipient: boolean; status: string }>(t, `select to_address, forget_recipient, status from mail_message where subject like '%laporan Anda%'`);
    expect(mails).toContainEqual({ to_address: 'kabar.kasus@example.net', forget_recipient: true, status: 'outbox' });
    // The open dev outbox page never shows a reporter's address.
    const outbox = await new TestClient(t).get('/api/dev/outbox');
    expect(JSON.stringify(outbox.body)).not.toContain('kabar.kasus');
    expect(outbox.body.items.some((m: { to: string }) => m.to === '(pelapor)')).toBe(true);
  });

  it('erases undelivered notice addresses after 7 days, and a rejected report’s evidence after its own period', async () => {
    const files = await sqlRows<{ storage_path: string }>(t, `select s.storage_path from report_file f join stored_file s on s.tenant_id = f.tenant_id and s.id in (f.file_id, f.view_file_id) where f.report_id = '${r.rejected!.id}'`);
    expect(files).toHaveLength(2); // sealed original + clean copy
    expect(files.every((f) => existsSync(f.storage_path))).toBe(true);

    // Notices went out for the message, the status change, the case and its closing: all undelivered.
    const notices = (await sqlRows<{ n: number }>(t, `select count(*)::int as n from mail_message where forget_recipient and to_address like 'kabar.%'`))[0]!.n;
    expect(notices).toBeGreaterThanOrEqual(3);
    expect(await runRetention(t.deps, new Date(t0.getTime() + 6 * DAY))).toMatchObject({ noticesErased: 0 });
    const week = await runRetention(t.deps, new Date(t0.getTime() + 8 * DAY));
    expect(week).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: notices });
    expect(await sqlRows(t, `select 1 from mail_message where to_address like '%kabar.%'`)).toEqual([]);
    const mails = await sqlRows<{ to_address: string }>(t, `select to_address from mail_message where forget_recipient`);
    expect(mails.map((m) => m.to_address)).toEqual(Array(notices).fill(ERASED_RECIPIENT));

    expect(await runRetention(t.deps, at(6, -2))).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });
    const half = await runRetention(t.deps, at(6, 1));
    expect(half).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 1, filesDeleted: 2, noticesErased: 0 });
    expect(files.some((f) => existsSync(f.storage_path))).toBe(false);
    expect(await sqlRows(t, `select 1 from report_file where report_id = '${r.rejected!.id}'`)).toEqual([]);
    expect(await sqlRows(t, `select 1 from stored_file where storage_path in (${files.map((f) => `'${f.storage_path}'`).join(',')})`)).toEqual([]);
    const rejected = await report('rejected');
    expect(rejected.evidence_erased_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rejected.reporter_sealed).not.toBeNull(); // the identity has its own, longer period
    const detail = await ok(satgas.get(`/api/reports/${r.rejected!.id}`));
    expect(detail.files).toEqual([]);
  });

  it('keeps reporter data until 12 months after closing', async () => {
    expect(await runRetention(t.deps, at(11, 27))).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });
    for (const key of ['rejected', 'caseOpen', 'untouched', 'finished', 'granted']) expect((await report(key)).reporter_sealed, key).not.toBeNull();
    expect((await report('caseClosed')).contact_sealed).not.toBeNull();
  });

  it('then erases exactly the closed reports’ identity and contact, leaves a tombstone, closes pending reveals, and is idempotent', async () => {
    const now = at(12, 1);
    const result = await runRetention(t.deps, now);
    expect(result).toEqual({ reportersErased: 3, revealsClosed: 1, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });
    for (const key of ['rejected', 'caseClosed', 'finished']) {
      const row = await report(key);
      expect(row, key).toMatchObject({ reporter_sealed: null, contact_sealed: null, reporter_erased_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    }
    // Not due: a case still open, a report never handled, a reveal approved a day ago (readable for 7 days).
    for (const key of ['caseOpen', 'untouched', 'granted']) expect(await report(key), key).toMatchObject({ reporter_sealed: expect.any(String), reporter_erased_on: null });
    expect((await report('untouched')).contact_sealed).not.toBeNull();

    const [reveal] = await sqlRows<{ status: string; decided_by: string | null; decision_note: string }>(t, `select status, decided_by, decision_note from reveal_request where report_id = '${r.finished!.id}'`);
    expect(reveal).toEqual({ status: 'rejected', decided_by: null, decision_note: REVEAL_CLOSED_NOTE });
    const [grant] = await sqlRows<{ status: string }>(t, `select status from reveal_request where report_id = '${r.granted!.id}'`);
    expect(grant!.status).toBe('approved');

    const events = await sqlRows<{ action: string; entity_id: string; actor_label: string; actor_user_id: string | null; after: Record<string, unknown> }>(t, `select action, entity_id, actor_label, actor_user_id, after from audit_event where action like '%.retention.%' order by id`);
    expect(events.map((e) => e.action)).toEqual(['mail.retention.address_erased', 'report.retention.evidence_deleted', 'report.retention.reporter_erased', 'report.retention.reporter_erased', 'report.retention.reporter_erased']);
    expect(events.every((e) => e.actor_label === RETENTION_ACTOR && e.actor_user_id === null)).toBe(true);
    expect(new Set(events.filter((e) => e.action === 'report.retention.reporter_erased').map((e) => e.entity_id))).toEqual(new Set([r.rejected!.id, r.caseClosed!.id, r.finished!.id]));
    expect(JSON.stringify(events)).not.toMatch(/Saksi Retensi|kabar\./);

    // Idempotent: the same clock again changes nothing.
    expect(await runRetention(t.deps, now)).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });

    // The Satgas sees no identity to reveal; a message no longer notifies anyone; the reporter can still read with the receipt.
    const detail = await ok(satgas.get(`/api/reports/${r.finished!.id}`));
    expect(detail).toMatchObject({ hasSealedIdentity: false, can: { requestReveal: false } });
    expect((await satgas.post(`/api/reports/${r.finished!.id}/reveal-requests`, { reason: 'Perlu klarifikasi langsung dengan pelapor mengenai bukti.' })).status).toBe(409);
    const mailsBefore = (await sqlRows<{ n: number }>(t, 'select count(*)::int as n from mail_message'))[0]!.n;
    await ok(satgas.post(`/api/reports/${r.caseClosed!.id}/messages`, { body: 'Kasus telah ditutup.' }));
    expect((await sqlRows<{ n: number }>(t, 'select count(*)::int as n from mail_message'))[0]!.n).toBe(mailsBefore);
    const portal = await loginReceipt(new TestClient(t), r.caseClosed!.number, r.caseClosed!.receiptKey);
    expect(portal.status).toBe(200);
    expect(portal.body.messages.at(-1).body).toBe('Kasus telah ditutup.');
  });

  it('erases a postponed identity once its reveal has expired; the audit chain still verifies', async () => {
    const result = await runRetention(t.deps, at(12, 9));
    expect(result).toEqual({ reportersErased: 1, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });
    expect(await report('granted')).toMatchObject({ reporter_sealed: null, reporter_erased_on: expect.any(String) });
    // Years later, open work is still untouched.
    expect(await runRetention(t.deps, at(60))).toEqual({ reportersErased: 0, revealsClosed: 0, evidenceErased: 0, filesDeleted: 0, noticesErased: 0 });
    expect(await report('caseOpen')).toMatchObject({ reporter_sealed: expect.any(String), reporter_erased_on: null });
    expect(await report('untouched')).toMatchObject({ reporter_sealed: expect.any(String), contact_sealed: expect.any(String) });
    const chain = await verifyAuditChain(t.deps.db, tenantId);
    expect(chain).toMatchObject({ ok: true });
    expect(chain.checked).toBeGreaterThan(10);
  });
});
