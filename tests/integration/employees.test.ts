import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

describe(`employee master on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 500);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    unitId = (await admin.get('/api/units')).body.items.find((u: { name: string }) => u.name === 'Dinas Sosial').id;
  });
  afterAll(() => t.close());

  it('adds an employee by hand, normalising the NIP and golongan, and deriving the jabatan class', async () => {
    const res = await admin.post('/api/employees', {
      idNumber: '19700512 200003 1 002',
      name: 'Drs. Bambang Sutrisno, M.Si.',
      category: 'pns',
      unitId,
      golongan: 'iv a',
      jabatanName: 'Kepala Dinas Sosial',
      sex: 'L',
      birthDate: '1970-05-12',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ idNumber: '197005122000031002', golongan: 'IV/a', pangkat: 'Pembina', jabatanClass: 'jpt_pratama', dataWarnings: [] });
  });

  it('keeps but flags data that disagrees with the NIP, never correcting it silently', async () => {
    const res = await admin.post('/api/employees', { idNumber: '198001012005012003', name: 'Sri Wahyuni', category: 'pns', unitId, sex: 'L', birthDate: '1980-01-02' });
    expect(res.status).toBe(201);
    expect(res.body.sex).toBe('L');
    expect(res.body.birthDate).toBe('1980-01-02');
    expect(res.body.dataWarnings).toHaveLength(2);
  });

  it('refuses an invalid NIP with the reason, and a duplicate', async () => {
    const bad = await admin.post('/api/employees', { idNumber: '197005122000031000', name: 'Uji Salah', category: 'pns', unitId });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.idNumber).toMatch(/000/);
    const dup = await admin.post('/api/employees', { idNumber: '197005122000031002', name: 'Ganda', category: 'pns', unitId });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.idNumber).toMatch(/sudah terdaftar/);
  });

  it('searches by NIP prefix (with spaces), name, unit subtree, category and jabatan class, with pagination', async () => {
    expect((await admin.get('/api/employees?q=19700512%20200003')).body.items[0].name).toBe('Drs. Bambang Sutrisno, M.Si.');
    expect((await admin.get('/api/employees?q=bambang%20sutrisno')).body.total).toBe(1);
    const page1 = await admin.get('/api/employees?pageSize=10&page=1');
    const page2 = await admin.get('/api/employees?pageSize=10&page=2');
    expect(page1.body.total).toBe(502);
    expect(page1.body.items).toHaveLength(10);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const pppk = await admin.get('/api/employees?category=pppk&pageSize=200');
    expect(pppk.body.items.every((e: { category: string }) => e.category === 'pppk')).toBe(true);
    const jpt = await admin.get('/api/employees?jabatanClass=jpt_pratama&pageSize=200');
    expect(jpt.body.items.map((e: { name: string }) => e.name)).toContain('Drs. Bambang Sutrisno, M.Si.');
    const units = (await admin.get('/api/units')).body.items;
    const dinkes = units.find((u: { name: string }) => u.name === 'Dinas Kesehatan');
    const subtree = await admin.get(`/api/employees?unitId=${dinkes.id}&pageSize=200`);
    const direct = await admin.get(`/api/employees?unitId=${dinkes.id}&includeSubunits=false&pageSize=200`);
    expect(subtree.body.total).toBeGreaterThan(direct.body.total);
    expect(direct.body.items.every((e: { unitId: string }) => e.unitId === dinkes.id)).toBe(true);
  });

  it('marks an employee inactive and back, audited with before and after', async () => {
    const e = (await admin.get('/api/employees?q=sri%20wahyuni')).body.items[0];
    expect((await admin.patch(`/api/employees/${e.id}`, { isActive: false })).body.isActive).toBe(false);
    expect((await admin.get('/api/employees?q=sri%20wahyuni')).body.total).toBe(0);
    expect((await admin.get('/api/employees?q=sri%20wahyuni&status=inactive')).body.total).toBe(1);
    const audit = await admin.get('/api/audit?pageSize=5');
    expect(audit.body.items[0]).toMatchObject({ action: 'employee.update', entityId: e.id });
  });

  it('counts employees for the dashboard by category, jabatan class and OPD', async () => {
    const stats = await admin.get('/api/employees/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.total).toBe(501);
    expect(stats.body.byCategory.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(501);
    expect(stats.body.byUnit.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(501);
    expect(stats.body.byUnit.map((r: { name: string }) => r.name)).toContain('Dinas Kesehatan');
    const pimpinan = new TestClient(t);
    await pimpinan.login('pimpinan.disdik');
    const own = await pimpinan.get('/api/employees/stats');
    expect(own.body.total).toBeLessThan(501);
    expect(own.body.byUnit.every((r: { name: string }) => /SD Negeri|SMP Negeri|Bidang/.test(r.name))).toBe(true);
  });

  it('exports the master to XLSX with identity numbers as text', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/employees/export.xlsx?category=pns' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Pegawai')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('NIP/NI PPPK/NIK');
    const nip = sheet.getRow(2).getCell(1).value;
    expect(typeof nip).toBe('string');
    expect(String(nip)).toMatch(/^\d{18}$/);
    const pns = (await admin.get('/api/employees?category=pns&pageSize=1')).body.total;
    expect(sheet.rowCount - 1).toBe(pns);
  });
});
