/**
 * Sosialisasi: an announcement sent to a unit reaches only its employees; reading and acknowledging
 * (after the quiz) are recorded once; staff see read and acknowledgement rates per unit beside pledge
 * signing, a unit head for their own subtree; and the public rules page comes from the catalogue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEUTRALITY_QUIZ } from '../../src/shared/sosialisasi-quiz.js';
import { seedDemoCampaign } from '../../src/server/seed/demo-campaign.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { exec } from '../support/insights-fixtures.js';
import { resumeAnnouncementNotices, sendAnnouncementNotices } from '../../src/server/modules/sosialisasi/sosialisasi.jobs.js';

describe(`sosialisasi on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let admin: TestClient;
  let employee: TestClient;
  let other: TestClient;
  /** The demo employee's OPD (the unit below the root on their path), and one other employee's. */
  let opd: { id: string; name: string };
  let opdSize: number;
  let toOpd: string;
  let toAll: string;
  const answers = NEUTRALITY_QUIZ.map((q) => q.answer);

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 120);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    employee = new TestClient(t);
    await employee.loginEmployee(demo.employeeLogin.idNumber);
    const [row] = (await exec(t, `select o.id, o.name from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
                                   join unit o on o.tenant_id = u.tenant_id and o.id::text = split_part(u.path, '/', 3)
                                   where e.tenant_id = '${demo.tenantId}' and e.id_number = '${demo.employeeLogin.idNumber}'`)).rows;
    opd = row as typeof opd;
    opdSize = Number((await exec(t, `select count(*)::int as n from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
                                      where e.tenant_id = '${demo.tenantId}' and e.is_active and u.path like (select path from unit where id = '${opd.id}') || '%'`)).rows[0]!.n);
    const outsider = (await exec(t, `select e.id_number from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
                                      where e.tenant_id = '${demo.tenantId}' and e.email is not null and e.is_active
                                        and u.path not like (select path from unit where id = '${opd.id}') || '%' order by e.id_number limit 1`)).rows[0]!;
    other = new TestClient(t);
    await other.loginEmployee(String(outsider.id_number));
  });
  afterAll(() => t.close());

  it('publishes to a unit and to everyone; each employee sees only what reaches them', async () => {
    const a = await admin.post('/api/sosialisasi/announcements', { title: 'SE Bupati tentang netralitas ASN', reference: 'SE Bupati Contoh Nomor 800.1/123/2026', body: 'Seluruh ASN wajib menjaga netralitas.\n\nDilarang mengunggah dukungan calon.', targetUnitIds: [opd.id], hasQuiz: true });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ targetUnitNames: [opd.name], target: opdSize, read: 0, acknowledged: 0, hasQuiz: true });
    toOpd = a.body.id;
    const b = await admin.post('/api/sosialisasi/announcements', { title: 'Materi: aturan netralitas di media sosial', body: 'Jangan menyukai atau membagikan unggahan kampanye.', targetUnitIds: [] });
    toAll = b.body.id;
    expect(b.body.targetUnitNames).toEqual([]);
    expect((await employee.get('/api/sosialisasi/mine')).body.items.map((i: { id: string }) => i.id)).toEqual([toAll, toOpd]);
    expect((await other.get('/api/sosialisasi/mine')).body.items.map((i: { id: string }) => i.id)).toEqual([toAll]);
    const notForThem = await other.post(`/api/sosialisasi/announcements/${toOpd}/read`);
    expect(notForThem.status).toBe(404);
  });

  it('records the first reading, and the acknowledgement only after the quiz is right — once', async () => {
    const read = await employee.post(`/api/sosialisasi/announcements/${toOpd}/read`);
    expect(read.body.readAt).not.toBeNull();
    expect(read.body.acknowledgedAt).toBeNull();
    const again = await employee.post(`/api/sosialisasi/announcements/${toOpd}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const wrong = await employee.post(`/api/sosialisasi/announcements/${toOpd}/acknowledge`, { answers: [0, 0, 0] });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'QUIZ_INCORRECT', details: { wrong: ['medsos', 'sanksi'], explanations: { medsos: expect.any(String) } } });
    const none = await employee.post(`/api/sosialisasi/announcements/${toOpd}/acknowledge`, {});
    expect(none.status).toBe(422);
    const ok = await employee.post(`/api/sosialisasi/announcements/${toOpd}/acknowledge`, { answers });
    expect(ok.status).toBe(200);
    expect(ok.body.acknowledgedAt).not.toBeNull();
    await employee.post(`/api/sosialisasi/announcements/${toOpd}/acknowledge`, { answers });
    // Without a quiz, acknowledging needs no answers (and counts as reading).
    expect((await other.post(`/api/sosialisasi/announcements/${toAll}/acknowledge`, {})).body).toMatchObject({ readAt: expect.any(String), acknowledgedAt: expect.any(String) });
    const audit = await exec(t, `select count(*)::int as n from audit_event where tenant_id = '${demo.tenantId}' and action = 'announcement.acknowledge'`);
    expect(Number(audit.rows[0]!.n)).toBe(2);
  });

  it('shows read and acknowledgement rates per unit, rolled up, beside the pledge signing %', async () => {
    const list = (await admin.get('/api/sosialisasi/announcements')).body.items;
    expect(list.find((i: { id: string }) => i.id === toOpd)).toMatchObject({ target: opdSize, read: 1, acknowledged: 1 });
    expect(list.find((i: { id: string }) => i.id === toAll)).toMatchObject({ target: demo.employees, read: 1, acknowledged: 1 });
    let units = (await admin.get(`/api/sosialisasi/announcements/${toOpd}/units`)).body;
    expect(units.campaign).toBeNull();
    const row = units.units.find((u: { id: string }) => u.id === opd.id);
    expect(row).toMatchObject({ depth: 1, target: opdSize, read: 1, acknowledged: 1, acknowledgedPct: Math.round((1000 / opdSize)) / 10, signedPct: null });
    expect(units.units.find((u: { depth: number }) => u.depth === 0)).toMatchObject({ target: opdSize, acknowledged: 1 });
    await seedDemoCampaign(t.deps, demo.tenantId);
    units = (await admin.get(`/api/sosialisasi/announcements/${toOpd}/units`)).body;
    expect(units.campaign.name).toMatch(/Ikrar/);
    expect(units.units.find((u: { id: string }) => u.id === opd.id).signedPct).toBe(0);
  });

  it('gives a unit head their subtree only', async () => {
    const head = new TestClient(t);
    await head.login('pimpinan.disdik');
    const list = (await head.get('/api/sosialisasi/announcements')).body.items as { id: string; target: number }[];
    const disdikSize = Number((await exec(t, `select count(*)::int as n from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
      where e.tenant_id = '${demo.tenantId}' and e.is_active and u.path like (select path from unit where tenant_id = '${demo.tenantId}' and name ilike 'Dinas Pendidikan%' limit 1) || '%'`)).rows[0]!.n);
    expect(list.find((i) => i.id === toAll)!.target).toBe(disdikSize);
    const units = (await head.get(`/api/sosialisasi/announcements/${toAll}/units`)).body.units as { depth: number; name: string }[];
    expect(units[0]).toMatchObject({ depth: 0, name: expect.stringMatching(/^Dinas Pendidikan/) });
  });

  it('e-mails a notice once to every targeted employee with an address, and resumes an interrupted run after its cursor', async () => {
    const inOpd = `select e.id, e.email from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
                   where e.tenant_id = '${demo.tenantId}' and e.is_active and u.path like (select path from unit where id = '${opd.id}') || '%' order by e.id`;
    const targeted = (await exec(t, inOpd)).rows as { id: string; email: string | null }[];
    const withEmail = targeted.filter((e) => e.email);
    expect(withEmail.length).toBeGreaterThan(2);
    const noticesOf = async (title: string) =>
      (await exec(t, `select to_address, body from mail_message where tenant_id = '${demo.tenantId}' and subject = 'Pengumuman: ${title}' order by to_address`)).rows as { to_address: string; body: string }[];

    // toOpd was published with the default (notices on) and the inline queue ran the job.
    const first = await noticesOf('SE Bupati tentang netralitas ASN');
    expect(first.map((m) => m.to_address)).toEqual(withEmail.map((e) => e.email).sort());
    expect(first[0]!.body).toContain(`/pengumuman/${toOpd}`);
    expect(first[0]!.body).toContain('SE Bupati Contoh Nomor 800.1/123/2026');
    const listed = (await admin.get('/api/sosialisasi/announcements')).body.items.find((i: { id: string }) => i.id === toOpd);
    expect(listed.notices).toEqual({ sent: withEmail.length, withoutEmail: targeted.length - withEmail.length, done: true });
    // Running again sends nothing.
    expect(await sendAnnouncementNotices(t.deps, demo.tenantId, toOpd)).toEqual({ sent: 0, withoutEmail: 0 });
    expect(await noticesOf('SE Bupati tentang netralitas ASN')).toHaveLength(withEmail.length);

    // Without notices: nothing is mailed and the list says so.
    const quiet = await admin.post('/api/sosialisasi/announcements', { title: 'Materi tanpa e-mail', body: 'Materi yang cukup dibaca di Netra.', targetUnitIds: [opd.id], notifyByEmail: false });
    expect(quiet.body.notices).toBeNull();
    expect(await noticesOf('Materi tanpa e-mail')).toHaveLength(0);

    // A crash after the first employees were mailed: the cursor stands after them; the scheduler resumes.
    const cut = withEmail[1]!.id;
    await exec(t, `update announcement set notify_by_email = true, notice_cursor = '${cut}' where id = '${quiet.body.id}'`);
    expect(await resumeAnnouncementNotices(t.deps, new Date(Date.now() + 3_600_000))).toBe(1);
    const resumed = await noticesOf('Materi tanpa e-mail');
    expect(resumed.map((m) => m.to_address).sort()).toEqual(withEmail.filter((e) => e.id > cut).map((e) => e.email).sort());
    expect(await resumeAnnouncementNotices(t.deps, new Date(Date.now() + 3_600_000))).toBe(0);
  });

  it('refuses with the error shape', async () => {
    const satgas = new TestClient(t);
    await satgas.login('satgas');
    const publish = await satgas.post('/api/sosialisasi/announcements', { title: 'Judul', body: 'Isi pengumuman cukup panjang.' });
    expect(publish.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: { permission: 'sosialisasi.manage' } } });
    expect((await employee.get('/api/sosialisasi/announcements')).status).toBe(403);
    const badUnit = await admin.post('/api/sosialisasi/announcements', { title: 'Judul', body: 'Isi pengumuman cukup panjang.', targetUnitIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.error.details).toMatchObject({ targetUnitIds: expect.any(String) });
    expect((await admin.post('/api/sosialisasi/announcements', { title: 'x', body: 'pendek' })).status).toBe(400);
    expect((await new TestClient(t).get('/api/sosialisasi/mine')).status).toBe(401);
  });

  it('explains the rules publicly from the current catalogue: online and offline, with the sanctions', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/rules?tenant=kab-contoh' });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.items).toHaveLength(27);
    expect(v.items.find((i: { code: string }) => i.code === 'KE-4')).toMatchObject({ setting: 'online', list: 'kode_etik', tier: 'moral' });
    expect(v.items.find((i: { code: string }) => i.code === 'D-1')).toMatchObject({ setting: 'offline', tier: 'berat' });
    expect(v.sanctions.map((s: { tier: string }) => s.tier)).toEqual(['moral', 'sedang', 'berat', 'ptdh']);
    expect(v.sanctions.find((s: { tier: string }) => s.tier === 'berat').ladder).toContain('Pemberhentian dengan hormat tidak atas permintaan sendiri');
  });
});
