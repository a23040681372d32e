/**
 * The signing path after #3's trimming: a signature queues no job; its signed PDF is rendered on first
 * download or by the PDF sweep (resumable, a few at a time, once per signature); the one-query signing
 * read keeps targeting by unit subtree, closing and deadlines exact.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPendingSignaturePdfs } from '../../src/server/modules/pledges/pledges.jobs.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { createOpenCampaign } from '../support/pledge-fixtures.js';

interface Employee { id: string; idNumber: string; name: string; category: string; unitId: string; email: string | null }
type Campaign = Awaited<ReturnType<typeof createOpenCampaign>>;

describe(`signed PDFs off the signing path, one-read signing on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let campaign: Campaign;
  let employees: Employee[];

  const rows = async <T,>(text: string): Promise<T[]> => ((await t.deps.db.execute(text as never)) as unknown as { rows: T[] }).rows;
  const pending = async () => Number((await rows<{ n: number }>(`select count(*)::int as n from pledge_signature where campaign_id = '${campaign.id}' and pdf_sha256 is null and revoked_at is null`))[0]!.n);
  const renders = async (signatureId: string) => Number((await rows<{ n: number }>(`select count(*)::int as n from audit_event where action = 'pledge.pdf.render' and entity_id = '${signatureId}'`))[0]!.n);

  async function sign(e: Employee, c: Campaign = campaign) {
    const client = new TestClient(t);
    await client.loginEmployee(e.idNumber);
    const res = await client.post(`/api/campaigns/${c.id}/sign`, { ikrarTemplateId: c.ikrar.id, paktaTemplateId: c.pakta.id, typedName: e.name, undertakings: [true, true, true, true, true] });
    return { client, res };
  }

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    campaign = await createOpenCampaign(admin);
    employees = (await admin.get('/api/employees?pageSize=100')).body.items.filter((e: Employee) => e.email);
  });
  afterAll(() => t.close());

  it('signs without queueing any job; the PDF is rendered and stored on first download, once', async () => {
    const enqueue = vi.spyOn(t.deps.jobs, 'enqueue');
    const { client, res } = await sign(employees[0]!);
    expect(res.status).toBe(201);
    expect(res.body.pdfSha256).toBeNull();
    expect(enqueue).not.toHaveBeenCalled();
    enqueue.mockRestore();
    expect(await renders(res.body.id)).toBe(0);

    const first = await client.request({ method: 'GET', url: res.body.pdfUrl });
    expect(first.status).toBe(200);
    expect(first.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await client.request({ method: 'GET', url: res.body.pdfUrl });
    expect(again.raw.equals(first.raw)).toBe(true); // stored, not re-rendered: its hash stays valid
    expect(await renders(res.body.id)).toBe(1);
    const upload = await new TestClient(t).multipart('/api/public/verify', {}, { name: 'pakta.pdf', content: first.raw, type: 'application/pdf' });
    expect(upload.body.status).toBe('valid');
  });

  it('renders the PDFs nobody downloaded with the sweep: a few at a time, resumable, never twice, not for revoked ones', async () => {
    const signed = [];
    for (const e of employees.slice(1, 5)) signed.push((await sign(e)).res.body as { id: string; pdfUrl: string });
    await admin.post(`/api/pledges/signatures/${signed[3]!.id}/revoke`, { reason: 'Salah orang' });
    expect(await pending()).toBe(3);

    expect(await renderPendingSignaturePdfs(t.deps, { maxPdfs: 1 })).toBe(1); // a crash or a spent budget stops it here…
    expect(await pending()).toBe(2);
    expect(await renderPendingSignaturePdfs(t.deps)).toBe(2); // …and the next sweep resumes from the rows
    expect(await pending()).toBe(0);
    expect(await renderPendingSignaturePdfs(t.deps)).toBe(0);
    for (const s of signed.slice(0, 3)) expect(await renders(s.id)).toBe(1);
    expect(await renders(signed[3]!.id)).toBe(0); // revoked: rendered only if someone downloads it

    const row = (await rows<{ pdf_sha256: string }>(`select pdf_sha256 from pledge_signature where id = '${signed[0]!.id}'`))[0]!;
    const verified = await new TestClient(t).get(`/api/public/verify/${signed[0]!.id}`);
    expect(verified.body).toMatchObject({ status: 'valid', pdfSha256: row.pdf_sha256, textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('a sweep survives a signature it cannot render and leaves it for the next sweep', async () => {
    const a = (await sign(employees[5]!)).res.body.id as string;
    const b = (await sign(employees[6]!)).res.body.id as string;
    // A record whose text version cannot be found (the sweep's renderer fails on it).
    await t.deps.db.execute(`update pledge_signature set ikrar_template_id = '00000000-0000-4000-8000-000000000001' where id = '${a}'` as never);
    const logged = t.logs.length;
    expect(await renderPendingSignaturePdfs(t.deps)).toBe(1); // b rendered, a skipped
    expect(t.logs.slice(logged).some((l) => l.includes('PDF pakta gagal dibuat') && l.includes(a))).toBe(true);
    expect(await renders(b)).toBe(1);
    expect(await renders(a)).toBe(0);
    expect(await pending()).toBe(1); // still pending: the next sweep tries again
    expect(await renderPendingSignaturePdfs(t.deps)).toBe(0);
  });

  it('keeps targeting by unit subtree exact in the one-read signing path (view and sign)', async () => {
    const paths = await rows<{ id: string; path: string }>(`select e.id, u.path from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id where e.is_active`);
    const pathOf = new Map(paths.map((p) => [p.id, p.path]));
    const target = employees.find((e) => pathOf.get(e.id)!.split('/').filter(Boolean).length > 1)!;
    const targetPath = pathOf.get(target.id)!;
    const inside = employees.filter((e) => pathOf.get(e.id)!.startsWith(targetPath) && e.id !== target.id);
    const outside = employees.find((e) => !pathOf.get(e.id)!.startsWith(targetPath))!;
    const unitCampaign = await createOpenCampaign(admin, { name: 'Khusus satu unit', targetUnitIds: [target.unitId] });
    expect(unitCampaign.targetCount).toBe(paths.filter((p) => p.path.startsWith(targetPath)).length);

    const denied = await sign(outside, unitCampaign);
    expect(denied.res.status).toBe(403);
    expect(denied.res.body.error.code).toBe('NOT_TARGETED');
    expect((await denied.client.get(`/api/campaigns/${unitCampaign.id}/signing`)).body.error.code).toBe('NOT_TARGETED');
    const ok = await sign(target, unitCampaign);
    expect(ok.res.status).toBe(201);
    for (const e of inside.slice(0, 1)) expect((await sign(e, unitCampaign)).res.status).toBe(201);
    expect((await ok.client.get(`/api/campaigns/${unitCampaign.id}/signing`)).body.signature.id).toBe(ok.res.body.id);
  });

  it('refuses an unknown or another tenant\'s campaign, an inactive signer, and a campaign closed a moment ago', async () => {
    const e = employees[7]!;
    const { client, res: unknown } = await sign(e, { ...campaign, id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);

    const closing = await createOpenCampaign(admin, { name: 'Ditutup' });
    const view = await client.get(`/api/campaigns/${closing.id}/signing`);
    expect(view.status).toBe(200);
    await admin.patch(`/api/campaigns/${closing.id}`, { status: 'closed' });
    const late = await client.post(`/api/campaigns/${closing.id}/sign`, { ikrarTemplateId: closing.ikrar.id, paktaTemplateId: closing.pakta.id, typedName: e.name, undertakings: [true, true, true, true, true] });
    expect(late.body.error.code).toBe('CAMPAIGN_CLOSED');

    await t.deps.db.execute(`update employee set is_active = false where id = '${e.id}'` as never);
    const inactive = await client.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: e.name, undertakings: [true, true, true, true, true] });
    expect(inactive.body.error.code).toBe('NOT_AN_EMPLOYEE');
    await t.deps.db.execute(`update employee set is_active = true where id = '${e.id}'` as never);
    const count = await rows<{ n: number }>(`select count(*)::int as n from pledge_signature where employee_id = '${e.id}'`);
    expect(Number(count[0]!.n)).toBe(0);
  });
});
