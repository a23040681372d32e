import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { createOpenCampaign } from '../support/pledge-fixtures.js';
import { bulkSign, insertApelReport, query, signViaApi, type TestEmployee } from '../support/compliance-fixtures.js';

interface ApiEmployee extends TestEmployee {
  email: string | null;
  unitName: string;
}

async function readSheet(raw: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, header: rows[0] as string[], rows: rows.slice(1) };
}

describe(`compliance exports and recap on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let tenantId: string;
  let campaign: Awaited<ReturnType<typeof createOpenCampaign>>;
  let employees: ApiEmployee[];
  let apiSigner: ApiEmployee;

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 120)).tenantId;
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    campaign = await createOpenCampaign(admin);
    employees = (await admin.get('/api/employees?pageSize=200')).body.items;
    // One through the API (a plain name so the typed name matches), the rest in bulk; one recorded as paper.
    apiSigner = employees.find((e) => e.email && !e.name.includes(','))!;
    await signViaApi(new TestClient(t), apiSigner, campaign);
    const bulk = employees.filter((e, i) => e.id !== apiSigner.id && i % 2 === 0).slice(0, 59); // 60 signatures, 1 revoked
    await bulkSign(t, tenantId, campaign, bulk);
    await t.deps.db.execute(sql`update pledge_signature set method = 'paper', paper_signed_on = current_date where employee_id = ${bulk[0]!.id}`);
    await t.deps.db.execute(sql`update pledge_signature set revoked_at = now(), revoked_reason = 'uji' where employee_id = ${bulk[1]!.id}`);
    const opds = await query<{ id: string; name: string }>(t, sql`select id, name from unit where tenant_id = ${tenantId} and unit_type in ('dinas', 'badan') order by name`);
    for (const [i, o] of opds.entries()) await insertApelReport(t, tenantId, campaign.id, o.id, i % 3 === 0 ? 'accepted' : i % 3 === 1 ? 'submitted' : 'returned', i % 3 === 2 ? null : `800/${i + 1}/BA/2026`);
  });
  afterAll(() => t.close());

  it('exports compliance per unit as XLSX with the same figures as the tree', async () => {
    const res = await admin.get(`/api/campaigns/${campaign.id}/compliance.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/kepatuhan-\d{4}-\d{2}-\d{2}\.xlsx/);
    const sheet = await readSheet(res.raw);
    expect(sheet.header).toEqual(['Unit', 'Jenis Unit', 'Induk', 'Sasaran', 'Sudah Tanda Tangan', '% Tanda Tangan', 'Sasaran Langsung', 'TTD Langsung', 'Wajib Apel', 'Status Apel', 'Nomor Berita Acara', 'Terlambat']);
    const tree = (await admin.get(`/api/campaigns/${campaign.id}/compliance`)).body.units;
    expect(sheet.rows).toHaveLength(tree.length);
    expect(sheet.rows[0]!.slice(0, 6)).toEqual(['Pemerintah Kabupaten Contoh', 'pemda', undefined, 120, 59, 49.2]);
    const disdik = tree.find((u: { name: string }) => u.name === 'Dinas Pendidikan dan Kebudayaan');
    const row = sheet.rows.find((r) => r[0] === disdik.name)!;
    expect(row.slice(1, 6)).toEqual(['dinas', 'Pemerintah Kabupaten Contoh', disdik.targetSubtree, disdik.signedSubtree, disdik.signedPct]);
    const child = sheet.rows.find((r) => r[2] === 'Pemerintah Kabupaten Contoh / Dinas Pendidikan dan Kebudayaan');
    expect(child).toBeDefined();
    const accepted = sheet.rows.find((r) => r[9] === 'Diterima')!;
    expect(accepted[10]).toMatch(/^800\/\d+\/BA\/2026$/);
    expect(sheet.rows.some((r) => r[9] === 'Dikembalikan')).toBe(true);
    expect(sheet.rows.every((r) => r[11] === 'Tidak')).toBe(true); // deadlines are in the future
  });

  it('exports signatures with NIP as text, method, local time, template versions and revocation', async () => {
    const res = await admin.get(`/api/campaigns/${campaign.id}/signatures.xlsx`);
    expect(res.status).toBe(200);
    const sheet = await readSheet(res.raw);
    expect(sheet.header).toEqual(['NIP/NI PPPK/NIK', 'Nama', 'Unit Kerja', 'Cara', 'Waktu Tanda Tangan', 'Versi Ikrar', 'Versi Pakta', 'Dicabut']);
    expect(sheet.rows).toHaveLength(60);
    const mine = sheet.rows.find((r) => r[0] === apiSigner.idNumber)!;
    expect(typeof mine[0]).toBe('string');
    expect(mine[0]).toHaveLength(apiSigner.idNumber.length);
    expect(mine.slice(1, 4)).toEqual([apiSigner.name, apiSigner.unitName, 'online']);
    expect(mine[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} WIB$/);
    expect(mine.slice(5)).toEqual([1, 1, 'Tidak']);
    expect(sheet.rows.filter((r) => r[3] === 'kertas')).toHaveLength(1);
    expect(sheet.rows.filter((r) => String(r[7]).startsWith('Ya, '))).toHaveLength(1);
    const sorted = sheet.rows.map((r) => r[0] as string);
    expect(sorted).toEqual([...sorted].sort());
  });

  it('limits exports to the pimpinan_unit subtree and refuses pegawai', async () => {
    const pimpinan = new TestClient(t);
    await pimpinan.login('pimpinan.disdik');
    const compliance = await readSheet((await pimpinan.get(`/api/campaigns/${campaign.id}/compliance.xlsx`)).raw);
    expect(compliance.rows[0]![0]).toBe('Dinas Pendidikan dan Kebudayaan');
    const signatures = await readSheet((await pimpinan.get(`/api/campaigns/${campaign.id}/signatures.xlsx`)).raw);
    const disdikUnits = new Set(compliance.rows.map((r) => r[0]));
    expect(signatures.rows.length).toBeGreaterThan(0);
    expect(signatures.rows.every((r) => disdikUnits.has(r[2]))).toBe(true);

    const pegawai = new TestClient(t);
    await pegawai.loginEmployee(apiSigner.idNumber);
    for (const path of ['compliance.xlsx', 'signatures.xlsx', 'recap.pdf']) expect((await pegawai.get(`/api/campaigns/${campaign.id}/${path}`)).status).toBe(403);
  });

  it('renders the recap PDF for the Bupati and audits every download', async () => {
    await t.deps.db.execute(sql`update pledge_campaign set apel_report_deadline = current_date - 2 where id = ${campaign.id}`); // fills the late-units list
    const res = await admin.get(`/api/campaigns/${campaign.id}/recap.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.NETRA_KEEP_PDF) writeFileSync(process.env.NETRA_KEEP_PDF, res.raw); // to look at it (pdftoppm)
    const actions = (await admin.get('/api/audit?pageSize=50')).body.items.map((x: { action: string }) => x.action);
    for (const action of ['compliance.export', 'pledge.export', 'compliance.recap']) expect(actions).toContain(action);
  });
});
