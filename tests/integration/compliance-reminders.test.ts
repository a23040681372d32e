import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMIND_JOB, enqueueReminderRuns, runReminders } from '../../src/server/modules/compliance/reminders.jobs.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { createOpenCampaign, isoDay } from '../support/pledge-fixtures.js';
import { bulkSign, createUnit, insertApelReport, insertEmployees, query, rootUnitId, signViaApi, wib, type TestEmployee } from '../support/compliance-fixtures.js';

/**
 * A small targeted subtree: Kecamatan Uji (head with e-mail) with 3 kelurahan — one headless, one
 * whose head has no e-mail, one that already reported — and 6 staff, 2 of them without e-mail.
 */
describe(`compliance reminders on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let tenantId: string;
  let campaign: Awaited<ReturnType<typeof createOpenCampaign>>;
  let staff: TestEmployee[];
  let heads: TestEmployee[];
  const apelDeadline = isoDay(2);
  const signDeadline = isoDay(6);

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 40)).tenantId;
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    const kec = await createUnit(admin, await rootUnitId(admin), 'Kecamatan Uji', 'kecamatan');
    const kel = [await createUnit(admin, kec, 'Kelurahan Uji Satu', 'kelurahan'), await createUnit(admin, kec, 'Kelurahan Uji Dua', 'kelurahan'), await createUnit(admin, kec, 'Kelurahan Uji Tiga', 'kelurahan')];
    heads = [...(await insertEmployees(t, tenantId, kec, 1)), ...(await insertEmployees(t, tenantId, kel[1]!, 1, { email: false })), ...(await insertEmployees(t, tenantId, kel[2]!, 1))];
    staff = [...(await insertEmployees(t, tenantId, kec, 4)), ...(await insertEmployees(t, tenantId, kel[0]!, 2, { email: false }))];
    await admin.patch(`/api/units/${kec}`, { headEmployeeId: heads[0]!.id });
    await admin.patch(`/api/units/${kel[1]}`, { headEmployeeId: heads[1]!.id });
    await admin.patch(`/api/units/${kel[2]}`, { headEmployeeId: heads[2]!.id });
    campaign = await createOpenCampaign(admin, { targetUnitIds: [kec], apelUnitTypes: ['kecamatan', 'kelurahan'], apelReportDeadline: apelDeadline, signDeadline });
    // Demo units of other types exist but only kecamatan/kelurahan must hold an apel; the demo's own
    // kecamatan and kelurahan are marked accepted so the counts below are about the test subtree.
    const others = await query<{ id: string }>(t, sql`select id from unit where tenant_id = ${tenantId} and unit_type in ('kecamatan', 'kelurahan') and name not like '%Uji%'`);
    for (const o of others) await insertApelReport(t, tenantId, campaign.id, o.id, 'accepted');
    await insertApelReport(t, tenantId, campaign.id, kel[2]!, 'submitted');
    await bulkSign(t, tenantId, campaign, heads.slice(1)); // the two kelurahan heads signed already
  });
  afterAll(() => t.close());

  const mails = (to: string) => query<{ subject: string; body: string }>(t, sql`select subject, body from mail_message where to_address = ${to} order by created_at`);
  const reminderMails = async () => Number((await query<{ n: number }>(t, sql`select count(*)::int as n from mail_message where subject like 'Pengingat:%'`))[0]!.n);

  it('before the apel deadline only reminds unsigned employees with an e-mail, once per day', async () => {
    const first = await runReminders(t.deps, tenantId, campaign.id, wib(isoDay(1), '08:00'));
    // Unsigned targeted: kecamatan head + 4 staff with e-mail; 2 staff have none.
    expect(first).toEqual({ sentOn: isoDay(1), apelSent: 0, signSent: 5, alreadyReminded: 0, withoutEmail: 2 });
    const again = await runReminders(t.deps, tenantId, campaign.id, wib(isoDay(1), '21:00'));
    expect(again).toMatchObject({ apelSent: 0, signSent: 0, alreadyReminded: 5 });
    expect(await reminderMails()).toBe(5);
    const [mail] = await mails(`uji${staff[0]!.idNumber.slice(3).replace(/^0+/, '')}@contoh.go.id`);
    expect(mail!.subject).toContain('tanda tangani ikrar');
    expect(mail!.body).toContain(staff[0]!.idNumber);
  });

  it('counts the day in the tenant timezone: 23:59 WIB and 00:01 WIB are different days in the same UTC date', async () => {
    const late = wib(isoDay(2), '23:59');
    const early = wib(isoDay(3), '00:01');
    expect(late.toISOString().slice(0, 10)).toBe(early.toISOString().slice(0, 10));
    expect((await runReminders(t.deps, tenantId, campaign.id, late)).signSent).toBe(5);
    const nextDay = await runReminders(t.deps, tenantId, campaign.id, early);
    expect(nextDay.sentOn).toBe(isoDay(3));
    expect(nextDay.signSent).toBe(5);
  });

  it('after the apel deadline e-mails each head of an unreported unit once, and stops reminding signers', async () => {
    const s = await signViaApi(new TestClient(t), staff[0]!, campaign); // signing today removes them from tomorrow's list
    expect(s.id).toBeTruthy();
    const run = await runReminders(t.deps, tenantId, campaign.id, wib(isoDay(4), '08:00'));
    // Apel: kecamatan (head with e-mail) → 1 sent; Satu (no head) and Dua (head without e-mail) → withoutEmail.
    // Signing: kecamatan head + 3 remaining staff with e-mail.
    expect(run).toEqual({ sentOn: isoDay(4), apelSent: 1, signSent: 4, alreadyReminded: 0, withoutEmail: 4 });
    const headMails = await mails(`uji${heads[0]!.idNumber.slice(3).replace(/^0+/, '')}@contoh.go.id`);
    const apelMail = headMails.find((m) => m.subject.includes('laporan apel'))!;
    expect(apelMail.body).toContain('Kecamatan Uji (belum dilaporkan)');
    expect(apelMail.body).not.toContain('Kelurahan Uji Tiga');
    const again = await runReminders(t.deps, tenantId, campaign.id, wib(isoDay(4), '15:00'));
    expect([again.apelSent, again.signSent, again.alreadyReminded]).toEqual([0, 0, 5]);
    const tomorrow = await runReminders(t.deps, tenantId, campaign.id, wib(isoDay(5), '08:00'));
    expect([tomorrow.apelSent, tomorrow.signSent]).toEqual([1, 4]);
  });

  it('sends no signing reminders once the signing deadline has passed; apel reminders continue', async () => {
    const run = await runReminders(t.deps, tenantId, campaign.id, wib(isoDay(7), '08:00'));
    expect([run.apelSent, run.signSent]).toEqual([1, 0]);
  });

  it('logs every reminder in reminder_log and one audit event per run with its counts', async () => {
    const logged = await query<{ kind: string; n: number }>(t, sql`select kind, count(*)::int as n from reminder_log where campaign_id = ${campaign.id} group by kind order by kind`);
    expect(logged.map((r) => [r.kind, Number(r.n)])).toEqual([['apel_report', 4], ['sign', 23]]);
    const audit = await query<{ n: number }>(t, sql`select count(*)::int as n from audit_event where action = 'compliance.remind' and entity_id = ${campaign.id}`);
    expect(Number(audit[0]!.n)).toBe(8);
  });

  it('runs by hand for admins only, through the job queue, and the scheduler enqueues open campaigns', async () => {
    const res = await admin.post(`/api/campaigns/${campaign.id}/reminders/run`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['alreadyReminded', 'apelSent', 'sentOn', 'signSent', 'withoutEmail']);
    const satgas = new TestClient(t);
    await satgas.login('satgas');
    expect((await satgas.post(`/api/campaigns/${campaign.id}/reminders/run`)).status).toBe(403);
    const before = await reminderMails();
    await t.deps.jobs.enqueue(REMIND_JOB, { tenantId, campaignId: campaign.id }); // same day as the hand run: nothing new
    expect(await reminderMails()).toBe(before);
    expect(await enqueueReminderRuns(t.deps)).toBe(1);
  });
});
