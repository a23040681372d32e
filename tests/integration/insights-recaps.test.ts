/**
 * Official recaps as tracked jobs: the Bupati's weekly recap, the BKN/Bawaslu periodic report and
 * the compliance recap — PDF and XLSX content checked, progress and state, who may do what, a failed
 * job, and the weekly schedule (once per week, recipients told with a link and no figures).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecap, scheduleWeeklyRecaps } from '../../src/server/modules/recaps/recaps.jobs.js';
import { systemContext } from '../../src/server/lib/context.js';
import { seedDemoCampaign } from '../../src/server/seed/demo-campaign.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { pdfText } from '../support/case-fixtures.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { exec, insertCase, insertEvent, unitIdByName } from '../support/insights-fixtures.js';
import { isoDay } from '../support/pledge-fixtures.js';

describe(`recaps on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let event: string;
  const c: Record<string, TestClient> = {};
  const put = (client: TestClient, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as never });
  const loadXlsx = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  };

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    for (const u of ['admin.bkpsdm', 'satgas', 'bupati', 'inspektorat', 'pimpinan.disdik']) {
      c[u] = new TestClient(t);
      await c[u].login(u);
    }
    const unit = await unitIdByName(t, demo.tenantId, 'Dinas Kesehatan%');
    event = await insertEvent(t, demo.tenantId, 'Pilkada Contoh 2026', new Date().toISOString());
    const at = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    // Six people in three cases this week, two sanctioned in an older case.
    await insertCase(t, demo.tenantId, { eventId: event, state: 'clarification', createdAt: at(2), dueOn: isoDay(-1), repeat: 3, subjects: [{ unitId: unit.id, itemCode: 'KE-4', name: 'Pegawai Satu' }] });
    await insertCase(t, demo.tenantId, { eventId: event, state: 'verification', createdAt: at(3), dueOn: isoDay(4), repeat: 3, subjects: [{ unitId: unit.id, itemCode: 'D-6', name: 'Pegawai Dua' }] });
    await insertCase(t, demo.tenantId, {
      eventId: event, state: 'closed', closeReason: 'executed', createdAt: at(40), ppkName: 'Bupati Contoh', recommendedAt: at(30), decidedAt: at(25), repeat: 2,
      subjects: [{ unitId: unit.id, itemCode: 'D-6', finding: 'proven', sanction: 'potong_tpp_25_6_bulan', name: 'Pegawai Tiga' }],
    });
  });
  afterAll(() => t.close());

  it('makes the Bupati recap as a job: queued → done with progress, a Tata Naskah Dinas PDF with charts, and an XLSX', async () => {
    const res = await c.satgas!.post('/api/recaps', { kind: 'bupati_weekly', eventId: event });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Jobs run inline in tests: the answer already shows the finished recap.
    expect(res.body).toMatchObject({ kind: 'bupati_weekly', status: 'done', progress: 100, hasPdf: true, hasXlsx: true, isScheduled: false, createdByName: expect.any(String), error: null });
    expect(res.body.params).toMatchObject({ eventId: event, to: expect.any(String), from: expect.any(String) });
    const pdf = await c.satgas!.get(`/api/recaps/${res.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-disposition'])).toMatch(/rekap-mingguan-bupati-.*\.pdf/);
    const text = pdfText(pdf.raw);
    expect(text).toMatch(/PEMERINTAH KABUPATEN CONTOH/i);
    expect(text).toContain('REKAPITULASI MINGGUAN PENANGANAN PELANGGARAN NETRALITAS ASN');
    expect(text).toContain('Pilkada Contoh 2026');
    expect(text).toMatch(/Kasus tercatat\s*:\s*3/);
    expect(text).toMatch(/Orang terlapor\s*:\s*8/);
    expect(text).toMatch(/Kasus baru dalam periode ini\s*:\s*2/);
    expect(text).toMatch(/Kasus per tahap/); // the SVG chart's title
    expect(text).toMatch(/Klarifikasi/);
    expect(text).toMatch(/Bupati Contoh\s+1\s+1\s+100%/);
    expect(text).toContain('Ketua Satgas Netralitas ASN');
    const xlsx = await loadXlsx((await c.satgas!.get(`/api/recaps/${res.body.id}/xlsx`)).raw);
    expect(xlsx.worksheets.map((w) => w.name)).toContain('Terlapor per pelanggaran');
  });

  it('makes the BKN/Bawaslu periodic report with one XLSX row per reported person of the election', async () => {
    const res = await c['admin.bkpsdm']!.post('/api/recaps', { kind: 'bkn_bawaslu_periodic', eventId: event });
    expect(res.body.status).toBe('done');
    const text = pdfText((await c.bupati!.get(`/api/recaps/${res.body.id}/pdf`)).raw); // the PPK reads recaps too
    expect(text).toContain('LAPORAN BERKALA PENANGANAN PELANGGARAN NETRALITAS ASN');
    expect(text).toMatch(/Kelas jabatan/);
    const wb = await loadXlsx((await c.bupati!.get(`/api/recaps/${res.body.id}/xlsx`)).raw);
    const sheet = wb.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, i) => i > 1 && names.push(String(row.values && (row.values as unknown[]).find((v) => typeof v === 'string' && v.startsWith('Pegawai')))));
    expect(names.sort()).toEqual(['Pegawai Dua', 'Pegawai Dua', 'Pegawai Dua', 'Pegawai Satu', 'Pegawai Satu', 'Pegawai Satu', 'Pegawai Tiga', 'Pegawai Tiga']);
  });

  it('makes the compliance recap for a campaign, and refuses one without a campaign', async () => {
    const missing = await c.satgas!.post('/api/recaps', { kind: 'compliance' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    await seedDemoCampaign(t.deps, demo.tenantId);
    const campaignId = String((await exec(t, `select id from pledge_campaign where tenant_id = '${demo.tenantId}' limit 1`)).rows[0]!.id);
    const res = await c.satgas!.post('/api/recaps', { kind: 'compliance', campaignId });
    expect(res.body).toMatchObject({ status: 'done', subject: expect.stringContaining('Ikrar dan Pakta') });
    expect(pdfText((await c.satgas!.get(`/api/recaps/${res.body.id}/pdf`)).raw)).toContain('REKAPITULASI PELAKSANAAN IKRAR NETRALITAS ASN');
    const wb = await loadXlsx((await c.satgas!.get(`/api/recaps/${res.body.id}/xlsx`)).raw);
    expect(wb.worksheets[0]!.name).toBe('Kepatuhan per Unit');
  });

  it('lists recaps newest first with their state, and audits requests and downloads', async () => {
    const list = (await c.bupati!.get('/api/recaps')).body.items;
    expect(list.map((r: { kind: string }) => r.kind)).toEqual(['compliance', 'bkn_bawaslu_periodic', 'bupati_weekly']);
    const actions = (await exec(t, `select action, count(*)::int as n from audit_event where tenant_id = '${demo.tenantId}' and action like 'recap.%' group by action order by action`)).rows;
    expect(Object.fromEntries(actions.map((a) => [a.action, Number(a.n)]))).toMatchObject({ 'recap.request': 3, 'recap.generate': 3, 'recap.download': expect.any(Number) });
  });

  it('marks a recap that cannot be made as failed, with a message, and refuses its download', async () => {
    const id = String((await exec(t, `insert into recap_job (tenant_id, kind, params) values ('${demo.tenantId}', 'compliance', '{"campaignId":"00000000-0000-4000-8000-000000000000"}') returning id`)).rows[0]!.id);
    const ctx = systemContext(demo.tenantId);
    await runRecap(t.deps, { tenantId: demo.tenantId, recapId: id, requestId: 'test', actor: ctx.actor });
    const row = (await c.satgas!.get('/api/recaps')).body.items.find((r: { id: string }) => r.id === id);
    expect(row).toMatchObject({ status: 'failed', hasPdf: false, error: expect.stringMatching(/gagal/) });
    const dl = await c.satgas!.get(`/api/recaps/${id}/pdf`);
    expect(dl.status).toBe(409);
    expect(dl.body.error.code).toBe('CONFLICT');
  });

  it('refuses those who may not see exact tenant-wide figures, with the error shape', async () => {
    const head = await c['pimpinan.disdik']!.post('/api/recaps', { kind: 'bupati_weekly' });
    expect(head.status).toBe(403);
    expect(head.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: { permission: 'recap.generate' } } });
    expect((await c.inspektorat!.get('/api/recaps')).status).toBe(403);
    expect((await c.bupati!.post('/api/recaps', { kind: 'bupati_weekly' })).status).toBe(403);
    expect((await c.satgas!.get('/api/recaps/00000000-0000-4000-8000-000000000000/pdf')).status).toBe(404);
    expect((await put(c.satgas!, '/api/recaps/settings', { weeklyEnabled: true, recipients: [] })).status).toBe(403);
  });

  it('schedules the weekly recap once per election and week in a campaign period, and tells the recipients with a link only', async () => {
    const bad = await put(c['admin.bkpsdm']!, '/api/recaps/settings', { weeklyEnabled: true, recipients: ['bukan-email'] });
    expect(bad.status).toBe(400);
    const saved = await put(c['admin.bkpsdm']!, '/api/recaps/settings', { weeklyEnabled: true, recipients: ['Bupati@contoh.go.id', 'sekda@contoh.go.id'] });
    expect(saved.body).toEqual({ weeklyEnabled: true, recipients: ['bupati@contoh.go.id', 'sekda@contoh.go.id'] });
    // Wednesday 25 Nov 2026: the last full week is 16–22 Nov; the campaign runs 1 Oct – 30 Nov.
    await exec(t, `update election_event set stages = '[{"kind":"kampanye","startsOn":"2026-10-01","endsOn":"2026-11-30"}]' where id = '${event}'`);
    // The demo campaign's election campaigns in another year here, so only ours is due.
    await exec(t, `update election_event set stages = '[{"kind":"kampanye","startsOn":"2030-01-01","endsOn":"2030-02-01"}]' where id <> '${event}'`);
    const now = new Date('2026-11-25T03:00:00Z');
    const before = (await c.satgas!.get('/api/recaps')).body.items.length;
    expect(await scheduleWeeklyRecaps(t.deps, now)).toBe(1);
    expect(await scheduleWeeklyRecaps(t.deps, now)).toBe(0); // the same week again: nothing
    const items = (await c.satgas!.get('/api/recaps')).body.items;
    expect(items.length).toBe(before + 1);
    expect(items[0]).toMatchObject({ kind: 'bupati_weekly', isScheduled: true, createdByName: 'Terjadwal', status: 'done', params: { eventId: event, from: '2026-11-16', to: '2026-11-22' } });
    const mails = (await exec(t, `select to_address, subject, body from mail_message where tenant_id = '${demo.tenantId}' and subject like '%Rekap mingguan%' order by to_address`)).rows;
    expect(mails.map((m) => m.to_address)).toEqual(['bupati@contoh.go.id', 'sekda@contoh.go.id']);
    expect(String(mails[0]!.body)).toMatch(/\/rekap/);
    expect(String(mails[0]!.body)).not.toMatch(/Pegawai|KE-4|D-6/);
    // Switched off: nothing more, even for a new week.
    await put(c['admin.bkpsdm']!, '/api/recaps/settings', { weeklyEnabled: false, recipients: [] });
    expect(await scheduleWeeklyRecaps(t.deps, new Date('2026-12-02T03:00:00Z'))).toBe(0);
  });
});
