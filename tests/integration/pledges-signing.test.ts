import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { createOpenCampaign } from '../support/pledge-fixtures.js';
import { sha256 } from '../../src/server/modules/pledges/pledge-text.js';
import { loadCampaignContext, textFor } from '../../src/server/modules/pledges/signing.service.js';

interface Employee { id: string; idNumber: string; name: string; category: string; unitName: string }

describe(`signing the ikrar and pakta on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let campaign: Awaited<ReturnType<typeof createOpenCampaign>>;
  let employees: Employee[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 120);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    campaign = await createOpenCampaign(admin);
    employees = (await admin.get('/api/employees?pageSize=200')).body.items.filter((e: Employee & { email: string | null }) => e.email);
  });
  afterAll(() => t.close());

  async function employeeClient(e: Employee) {
    const c = new TestClient(t);
    await c.loginEmployee(e.idNumber);
    return c;
  }
  const bare = (name: string) => name.split(',')[0]!;

  it('targets every active employee by default and shows the prefilled identity block', async () => {
    expect(campaign.targetCount).toBe(120);
    const e = employees[0]!;
    const c = await employeeClient(e);
    const mine = await c.get('/api/pledges/mine');
    expect(mine.body.items).toEqual([expect.objectContaining({ campaignId: campaign.id, signature: null })]);
    const view = await c.get(`/api/campaigns/${campaign.id}/signing`);
    expect(view.status).toBe(200);
    expect(view.body.identity).toMatchObject({ nama: e.name, nomorIdentitas: e.idNumber, unitKerja: e.unitName });
    expect(view.body.ikrar.body).toContain('Pemerintah Kabupaten Contoh');
    expect(view.body.ikrar.body).not.toContain('{{');
    expect(view.body.undertakings.length).toBe(5);
  });

  it('signs once: server-signed record with the text hash, idempotent on a second submit, audited', async () => {
    const e = employees[1]!;
    const c = await employeeClient(e);
    const body = { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: bare(e.name), undertakings: [true, true, true, true, true] };
    const first = await c.post(`/api/campaigns/${campaign.id}/sign`, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ method: 'online', ikrarVersion: 1, paktaVersion: 1, revoked: false });
    expect(first.body.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.signedAtLocal).toMatch(/WIB$/);
    const again = await c.post(`/api/campaigns/${campaign.id}/sign`, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const count = (await t.deps.db.execute(`select count(*)::int as n from pledge_signature where employee_id = '${e.id}'` as never)) as unknown as { rows: { n: number }[] };
    expect(Number(count.rows[0]!.n)).toBe(1);
    const audit = await admin.get('/api/audit?pageSize=20');
    expect(audit.body.items.some((x: { action: string; entityId: string }) => x.action === 'pledge.sign' && x.entityId === first.body.id)).toBe(true);
  });

  it('writes the signature and its audit entry in one statement: concurrent submits give one of each, and the chain verifies', async () => {
    const e = employees[10]!;
    const c = await employeeClient(e);
    const body = { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: bare(e.name), undertakings: [true, true, true, true, true] };
    const answers = await Promise.all(Array.from({ length: 6 }, () => c.post(`/api/campaigns/${campaign.id}/sign`, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as string[];
    const rows = (await t.deps.db.execute(`select (select count(*)::int from pledge_signature where employee_id = '${e.id}') as signatures,
      (select count(*)::int from audit_event where action = 'pledge.sign' and entity_id = '${id}') as entries` as never)) as unknown as { rows: { signatures: number; entries: number }[] };
    expect(rows.rows[0]).toEqual({ signatures: 1, entries: 1 });
    const entry = (await t.deps.db.execute(`select actor_user_id = (select id from user_account where employee_id = '${e.id}') as by_signer, entity_type, after, before, request_id from audit_event where action = 'pledge.sign' and entity_id = '${id}'` as never)) as unknown as { rows: Record<string, unknown>[] };
    expect(entry.rows[0]).toMatchObject({ by_signer: true, entity_type: 'pledge_signature', before: null, after: { campaignId: campaign.id, employeeId: e.id, textSha256: answers[0]!.body.textSha256, ikrarVersion: 1, paktaVersion: 1 } });
    expect(entry.rows[0]!.request_id).toEqual(expect.any(String));
    expect((await admin.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('gives a signed PDF whose QR leads to a public page that says valid, and detects altered or revoked documents', async () => {
    const e = employees[2]!;
    const c = await employeeClient(e);
    const signed = await c.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: e.name, undertakings: [true, true, true, true, true] });
    const pdf = await c.request({ method: 'GET', url: signed.body.pdfUrl });
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect(signed.body.verifyUrl).toMatch(new RegExp(`/verifikasi/${signed.body.id}$`));

    const anonymous = new TestClient(t);
    const byId = await anonymous.get(`/api/public/verify/${signed.body.id}`);
    expect(byId.body).toMatchObject({ status: 'valid', name: e.name, unit: e.unitName, campaign: 'Ikrar Netralitas ASN Pilkada 2026' });
    expect(Object.keys(byId.body).sort()).toEqual(['campaign', 'name', 'pdfSha256', 'reason', 'signedAt', 'status', 'textSha256', 'unit']);

    const upload = await anonymous.multipart('/api/public/verify', {}, { name: 'pakta.pdf', content: pdf.raw, type: 'application/pdf' });
    expect(upload.body.status).toBe('valid');
    const altered = Buffer.from(pdf.raw);
    altered[altered.length - 200] = altered[altered.length - 200]! ^ 1;
    expect((await anonymous.multipart('/api/public/verify', {}, { name: 'pakta.pdf', content: altered, type: 'application/pdf' })).body.status).toBe('invalid');

    // A row edited in the database no longer matches the server's signature.
    await t.deps.db.execute(`update pledge_signature set typed_name = 'Orang Lain' where id = '${signed.body.id}'` as never);
    expect((await anonymous.get(`/api/public/verify/${signed.body.id}`)).body.status).toBe('invalid');
    await t.deps.db.execute(`update pledge_signature set typed_name = '${e.name.replace(/'/g, "''")}' where id = '${signed.body.id}'` as never);

    const revoked = await admin.post(`/api/pledges/signatures/${signed.body.id}/revoke`, { reason: 'Ditandatangani atas nama orang lain' });
    expect(revoked.body.revoked).toBe(true);
    expect((await anonymous.get(`/api/public/verify/${signed.body.id}`)).body.status).toBe('revoked');
    expect((await anonymous.get('/api/public/verify/00000000-0000-4000-8000-000000000000')).body.status).toBe('invalid');
    const key = await anonymous.get('/.well-known/netra-signing-key');
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: signed.body.keyId });
  });

  it('lets an employee sign again after their signature was revoked; the old one stays revoked', async () => {
    const e = employees[2]!;
    const c = await employeeClient(e);
    const view = await c.get(`/api/campaigns/${campaign.id}/signing`);
    expect(view.body.signature).toBeNull(); // the revoked signature no longer counts
    const old = (await admin.get(`/api/campaigns/${campaign.id}/signatures?q=${e.idNumber}`)).body.items[0];
    expect(old.revoked).toBe(true);
    const again = await c.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: view.body.ikrar.id, paktaTemplateId: view.body.pakta.id, typedName: e.name, undertakings: view.body.undertakings.map(() => true) });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(old.id);
    expect((await new TestClient(t).get(`/api/public/verify/${old.id}`)).body.status).toBe('revoked');
    expect((await new TestClient(t).get(`/api/public/verify/${again.body.id}`)).body.status).toBe('valid');
  });

  it('versions a template edited after signatures exist; signers keep their version, stale pages are refused', async () => {
    const edited = await admin.request({ method: 'PUT', url: `/api/campaigns/${campaign.id}/templates/pakta`, payload: { title: 'PAKTA INTEGRITAS NETRALITAS', body: `${campaign.pakta.body}\n- Tidak akan menjadi anggota atau pengurus partai politik.` } });
    expect(edited.body.version).toBe(2);
    const signer = employees[1]!;
    const mine = await (await employeeClient(signer)).get('/api/pledges/mine');
    expect(mine.body.items[0].signature.paktaVersion).toBe(1);
    const e = employees[3]!;
    const c = await employeeClient(e);
    const stale = await c.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: e.name, undertakings: [true, true, true, true, true] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_TEMPLATE');
    expect(stale.body.error.details.pakta.version).toBe(2);
    const fresh = await c.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: edited.body.id, typedName: e.name, undertakings: [true, true, true, true, true, true] });
    expect(fresh.status).toBe(201);
    expect(fresh.body.paktaVersion).toBe(2);
  });

  it('makes every text edit a new version: a page opened before the edit cannot sign the new text unread', async () => {
    const fresh = await createOpenCampaign(admin, { name: 'Belum ada tanda tangan' });
    const e = employees[10]!;
    const c = await employeeClient(e);
    const before = (await c.get(`/api/campaigns/${fresh.id}/signing`)).body;
    const unchanged = await admin.request({ method: 'PUT', url: `/api/campaigns/${fresh.id}/templates/ikrar`, payload: { title: before.ikrar.title, body: (await admin.get(`/api/campaigns/${fresh.id}`)).body.ikrar.body } });
    expect(unchanged.body).toMatchObject({ id: fresh.ikrar.id, version: 1 }); // the same text again writes nothing
    const edited = await admin.request({ method: 'PUT', url: `/api/campaigns/${fresh.id}/templates/ikrar`, payload: { title: before.ikrar.title, body: 'Kami ASN {{instansi}} berikrar untuk tetap netral dalam {{pemilihan}}.' } });
    expect(edited.body).toMatchObject({ version: 2 });
    expect(edited.body.id).not.toBe(fresh.ikrar.id); // no signature yet, and still a new version under a new id
    const stale = await c.post(`/api/campaigns/${fresh.id}/sign`, { ikrarTemplateId: before.ikrar.id, paktaTemplateId: before.pakta.id, typedName: bare(e.name), undertakings: before.undertakings.map(() => true) });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_TEMPLATE', details: { ikrar: { id: edited.body.id, version: 2 } } });
    const after = (await c.get(`/api/campaigns/${fresh.id}/signing`)).body;
    expect(after.ikrar).toMatchObject({ id: edited.body.id, version: 2, isCurrent: true });
    expect(after.ikrar.body).toBe('Kami ASN Pemerintah Kabupaten Contoh berikrar untuk tetap netral dalam Pemilihan Bupati dan Wakil Bupati Contoh 2026.');
    const signed = await c.post(`/api/campaigns/${fresh.id}/sign`, { ikrarTemplateId: after.ikrar.id, paktaTemplateId: after.pakta.id, typedName: bare(e.name), undertakings: after.undertakings.map(() => true) });
    expect(signed.status).toBe(201);
    expect(signed.body.ikrarVersion).toBe(2);
    // The hash is of the new text, rebuilt here from a fresh read of the templates (not signing's kept versions).
    const rows = async <T,>(q: string) => ((await t.deps.db.execute(q as never)) as unknown as { rows: T[] }).rows;
    const [row] = await rows<{ tenant_id: string; signed_at: string | Date }>(`select tenant_id, signed_at from pledge_signature where id = '${signed.body.id}'`);
    const ctx = await loadCampaignContext(t.deps, row!.tenant_id, fresh.id);
    expect(ctx.ikrar.id).toBe(edited.body.id);
    expect(signed.body.textSha256).toBe(sha256(textFor(ctx, signed.body.identity, bare(e.name), new Date(row!.signed_at))));
    const versions = await rows<{ version: number; is_current: boolean }>(`select version, is_current from pledge_template where campaign_id = '${fresh.id}' and kind = 'ikrar' order by version desc`);
    expect(versions).toEqual([{ version: 2, is_current: true }, { version: 1, is_current: false }]);
  });

  it('runs simultaneous edits of a text one after the other: each becomes its own version', async () => {
    const c = await createOpenCampaign(admin, { name: 'Dua penyunting' });
    const edit = (n: number) => admin.request({ method: 'PUT', url: `/api/campaigns/${c.id}/templates/pakta`, payload: { title: 'PAKTA INTEGRITAS', body: `Dalam rangka {{pemilihan}}, saya menyatakan:\n- Netral (suntingan ${n}).` } });
    const results = await Promise.all([edit(1), edit(2), edit(3)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4]);
    const rows = ((await t.deps.db.execute(`select version, is_current from pledge_template where campaign_id = '${c.id}' and kind = 'pakta' order by version` as never)) as unknown as { rows: { version: number; is_current: boolean }[] }).rows;
    expect(rows.map((r) => [r.version, r.is_current])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
  });

  it('refuses a text with an unknown placeholder or a pakta with nothing to tick, and writes no version', async () => {
    const c = await createOpenCampaign(admin, { name: 'Teks rusak' });
    const broken = await admin.request({ method: 'PUT', url: `/api/campaigns/${c.id}/templates/pakta`, payload: { title: 'PAKTA INTEGRITAS', body: 'Dalam rangka {{pemilihn}}, saya menyatakan netral.' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('VALIDATION_FAILED');
    expect(broken.body.error.details.body).toContain('{{pemilihn}}');
    expect(broken.body.error.details.undertakings).toContain('"-"');
    const stray = await admin.request({ method: 'PUT', url: `/api/campaigns/${c.id}/templates/ikrar`, payload: { title: 'IKRAR', body: 'Kami ASN {{instansi berikrar untuk tetap netral dalam {{pemilihan}}.' } });
    expect(stray.status).toBe(400);
    expect(stray.body.error.details.body).toMatch(/tidak lengkap/);
    const current = (await admin.get(`/api/campaigns/${c.id}`)).body;
    expect(current.pakta).toMatchObject({ id: c.pakta.id, version: 1 });
    expect(current.ikrar).toMatchObject({ id: c.ikrar.id, version: 1 });
    const spaced = await admin.request({ method: 'PUT', url: `/api/campaigns/${c.id}/templates/pakta`, payload: { title: 'PAKTA INTEGRITAS', body: 'Dalam rangka {{pemilihan}} di {{ instansi }}, saya menyatakan:\n- Netral.' } });
    expect(spaced.body.error.details.body).toContain('{{ instansi }}'); // it would reach signers unfilled
    const fine = await admin.request({ method: 'PUT', url: `/api/campaigns/${c.id}/templates/pakta`, payload: { title: 'PAKTA INTEGRITAS', body: 'Dalam rangka {{pemilihan}} di {{instansi}}, saya menyatakan:\n- Netral.' } });
    expect(fine.status).toBe(200);
    expect(fine.body.version).toBe(2);
  });

  it('refuses a wrong typed name, missing undertakings, and leaves nothing behind', async () => {
    const e = employees[4]!;
    const c = await employeeClient(e);
    const current = (await c.get(`/api/campaigns/${campaign.id}/signing`)).body;
    const wrong = await c.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: current.ikrar.id, paktaTemplateId: current.pakta.id, typedName: 'Nama Lain Sekali', undertakings: current.undertakings.map(() => true) });
    expect(wrong.body.error.code).toBe('TYPED_NAME_MISMATCH');
    const few = await c.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: current.ikrar.id, paktaTemplateId: current.pakta.id, typedName: e.name, undertakings: [true] });
    expect(few.status).toBe(400);
    expect((await c.get(`/api/campaigns/${campaign.id}/signing`)).body.signature).toBeNull();
  });

  it('refuses employees outside the target and signing after the campaign closes', async () => {
    const targeted = await createOpenCampaign(admin, { name: 'Khusus PPPK', targetCategories: ['pppk'] });
    const pns = employees.find((e) => e.category === 'pns')!;
    const c = await employeeClient(pns);
    const res = await c.post(`/api/campaigns/${targeted.id}/sign`, { ikrarTemplateId: targeted.ikrar.id, paktaTemplateId: targeted.pakta.id, typedName: pns.name, undertakings: [true, true, true, true, true] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_TARGETED');
    await admin.patch(`/api/campaigns/${targeted.id}`, { status: 'closed' });
    const pppk = employees.find((e) => e.category === 'pppk')!;
    const p = await employeeClient(pppk);
    const closed = await p.post(`/api/campaigns/${targeted.id}/sign`, { ikrarTemplateId: targeted.ikrar.id, paktaTemplateId: targeted.pakta.id, typedName: pppk.name, undertakings: [true, true, true, true, true] });
    expect(closed.body.error.code).toBe('CAMPAIGN_CLOSED');
  });

  it('refuses signing after the deadline day in the Pemda\'s time zone', async () => {
    const late = await createOpenCampaign(admin, { name: 'Batas kemarin', signDeadline: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10) });
    const e = employees[9]!;
    const c = await employeeClient(e);
    const res = await c.post(`/api/campaigns/${late.id}/sign`, { ikrarTemplateId: late.ikrar.id, paktaTemplateId: late.pakta.id, typedName: e.name, undertakings: [true, true, true, true, true] });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CAMPAIGN_CLOSED', details: { signDeadline: expect.any(String) } });
  });

  it('records a paper signature with its scan, marked as paper, and refuses a non-document scan', async () => {
    const e = employees[5]!;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const res = await admin.multipart(`/api/campaigns/${campaign.id}/paper-signatures`, { employeeId: e.id, signedOn: new Date().toISOString().slice(0, 10) }, { name: 'scan.png', content: png, type: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body.method).toBe('paper');
    const exe = await admin.multipart(`/api/campaigns/${campaign.id}/paper-signatures`, { employeeId: employees[6]!.id, signedOn: new Date().toISOString().slice(0, 10) }, { name: 'scan.pdf', content: Buffer.from('MZ\x90\x00 bukan pdf'), type: 'application/pdf' });
    expect(exe.status).toBe(415);
    const dup = await admin.multipart(`/api/campaigns/${campaign.id}/paper-signatures`, { employeeId: e.id, signedOn: new Date().toISOString().slice(0, 10) }, { name: 'scan.png', content: png, type: 'image/png' });
    expect(dup.status).toBe(409);
    const satgas = new TestClient(t);
    await satgas.login('satgas');
    const denied = await satgas.multipart(`/api/campaigns/${campaign.id}/paper-signatures`, { employeeId: employees[7]!.id, signedOn: new Date().toISOString().slice(0, 10) }, { name: 'scan.png', content: png, type: 'image/png' });
    expect(denied.status).toBe(403);
  });

  it('lets an employee flag wrong master data, which BKPSDM sees and resolves', async () => {
    const e = employees[8]!;
    const c = await employeeClient(e);
    const res = await c.post(`/api/campaigns/${campaign.id}/corrections`, { message: 'Golongan saya sudah III/b sejak April.' });
    expect(res.status).toBe(201);
    const open = await admin.get('/api/corrections');
    const item = open.body.items.find((x: { id: string }) => x.id === res.body.id);
    expect(item).toMatchObject({ employeeName: e.name, status: 'open', message: 'Golongan saya sudah III/b sejak April.' });
    expect((await c.get('/api/corrections')).status).toBe(403);
    expect((await admin.post(`/api/corrections/${res.body.id}/resolve`)).status).toBe(200);
    expect((await admin.get('/api/corrections')).body.items.some((x: { id: string }) => x.id === res.body.id)).toBe(false);
  });

  it('lists the signatures of a campaign for staff, searchable, and not for employees', async () => {
    const list = await admin.get(`/api/campaigns/${campaign.id}/signatures?pageSize=50`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(6); // five live (employees 1, 2, 3, 10, paper) and one revoked
    expect(list.body.items.filter((i: { revoked: boolean }) => i.revoked)).toHaveLength(1);
    const byNip = await admin.get(`/api/campaigns/${campaign.id}/signatures?q=${employees[1]!.idNumber.slice(0, 10)}`);
    expect(byNip.body.items.map((i: { employeeId: string }) => i.employeeId)).toContain(employees[1]!.id);
    expect((await admin.get(`/api/campaigns/${campaign.id}/signatures?method=paper`)).body.total).toBe(1);
    expect((await (await employeeClient(employees[1]!)).get(`/api/campaigns/${campaign.id}/signatures`)).status).toBe(403);
  });

  it('reads the session in the signing statement and applies every session rule of the hook (no cookie, ended session, inactive user, foreign CSRF token)', async () => {
    const e = employees[11]!;
    const url = `/api/campaigns/${campaign.id}/sign`;
    const body = { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: bare(e.name), undertakings: [true, true, true, true, true] };
    const signatures = async () => Number(((await t.deps.db.execute(`select count(*)::int as n from pledge_signature where employee_id = '${e.id}'` as never)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    const expectError = (res: { status: number; body: { error?: { code: string } } }, status: number, code: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error?.code).toBe(code);
    };
    // No session cookie at all.
    const anonymous = new TestClient(t);
    expectError(await anonymous.get(`/api/campaigns/${campaign.id}/signing`), 401, 'UNAUTHENTICATED');
    expectError(await anonymous.post(url, body), 401, 'UNAUTHENTICATED');
    // Another signed-in employee's CSRF token with this employee's session: refused before anything is read into a write.
    const c = await employeeClient(e);
    const other = await employeeClient(employees[12]!);
    expectError(await c.request({ method: 'POST', url, payload: body, csrf: other.csrf! }), 403, 'CSRF_INVALID');
    // A session that ended (logout) is no session.
    const ended = await employeeClient(e);
    const endedCookies = ended.cookieHeader();
    expect((await ended.post('/api/auth/logout')).status).toBe(200);
    const replay = await t.app.inject({ method: 'POST', url, payload: body, headers: { cookie: endedCookies, 'x-csrf-token': /netra_csrf=([^;]+)/.exec(endedCookies)![1]! } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('UNAUTHENTICATED');
    // A deactivated account's live session is refused too.
    await t.deps.db.execute(`update user_account set is_active = false where employee_id = '${e.id}'` as never);
    expectError(await c.post(url, body), 401, 'UNAUTHENTICATED');
    expectError(await c.get(`/api/campaigns/${campaign.id}/signing`), 401, 'UNAUTHENTICATED');
    await t.deps.db.execute(`update user_account set is_active = true where employee_id = '${e.id}'` as never);
    expect(await signatures()).toBe(0);
    // The same session, active again, with its own token: signs (the texts' current versions, edited by an earlier test).
    const view = await c.get(`/api/campaigns/${campaign.id}/signing`);
    expect(view.status).toBe(200);
    expect((await c.post(url, { ...body, ikrarTemplateId: view.body.ikrar.id, paktaTemplateId: view.body.pakta.id, undertakings: view.body.undertakings.map(() => true) })).status).toBe(201);
    expect(await signatures()).toBe(1);
    // A campaign of no tenant (or of another tenant) is not found through the session's tenant.
    expectError(await c.post(`/api/campaigns/00000000-0000-4000-8000-000000000000/sign`, body), 404, 'NOT_FOUND');
  });

  it('counts signatures on the campaign', async () => {
    const view = await admin.get(`/api/campaigns/${campaign.id}`);
    expect(view.body.signedCount).toBe(6); // employees 1, 2 (re-signed after revocation), 3, 10, 11 and the paper one
  });
});
