import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import {
  buildCsv,
  buildXlsx,
  commit,
  employeeCount,
  findEmployee,
  getImport,
  issues,
  nip,
  niPppk,
  UNITS,
  upload,
  validate,
} from '../fixtures/employee-csv.js';

describe(`employee import: XLSX and column mapping on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
  });
  afterAll(() => t.close());

  describe('XLSX', () => {
    const headers = ['NIP Baru', 'Nama', 'Jenis Pegawai', 'Unit Kerja', 'Golongan', 'Tanggal Lahir'];
    const textNip = nip('19700512', '200003', 1, 802);
    const pppk = niPppk('19880101', 2022, 1, 803);
    const asNumber = 197005122000031002; // Excel stores it as a double: the last digits are already gone
    const rows = [
      { 'NIP Baru': textNip, Nama: 'Teks Biasa', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, Golongan: 'III/a', 'Tanggal Lahir': new Date(Date.UTC(1970, 4, 12)) },
      { 'NIP Baru': asNumber, Nama: 'Angka Excel', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, Golongan: 'III/a', 'Tanggal Lahir': '' },
      { 'NIP Baru': pppk, Nama: 'PPPK Teks', 'Jenis Pegawai': 'PPPK', 'Unit Kerja': UNITS.bkpsdm, Golongan: 9, 'Tanggal Lahir': '01-01-1988' },
    ];

    it('imports text NIPs and date cells, refuses a NIP stored as a number', async () => {
      const before = await employeeCount(admin);
      const up = await upload(admin, 'pegawai.xlsx', await buildXlsx(headers, rows));
      expect(up.headers).toEqual(headers);
      expect(up.mapping).toEqual({ 'NIP Baru': 'idNumber', Nama: 'name', 'Jenis Pegawai': 'category', 'Unit Kerja': 'unit', Golongan: 'golongan', 'Tanggal Lahir': 'birthDate' });
      expect((await getImport(admin, up.id)).format).toBe('xlsx');

      const view = await validate(admin, up);
      expect(view).toMatchObject({ totalRows: 3, validRows: 2, errorRows: 1, warningRows: 0 });
      const errors = await issues(admin, up.id, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ rowNumber: 3, column: 'NIP Baru' });
      expect(errors[0]!.reason).toMatch(/tersimpan sebagai angka di Excel/);
      expect(errors[0]!.reason).toMatch(/Format kolom sebagai Teks/);

      const committed = await commit(admin, up.id, { skipInvalidRows: true });
      expect(committed.summary).toMatchObject({ inserted: 2 });
      expect(await employeeCount(admin)).toBe(before + 2);
      // the date cell matched the NIP's birth date: no warning, stored as a plain date
      expect(await findEmployee(admin, textNip)).toMatchObject({ name: 'Teks Biasa', birthDate: '1970-05-12', golongan: 'III/a', dataWarnings: [] });
      // a numeric golongan cell 9 is PPPK golongan IX
      expect(await findEmployee(admin, pppk)).toMatchObject({ category: 'pppk', golongan: 'IX', birthDate: '1988-01-01' });
      // the rounded number was not stored under any spelling
      expect(await findEmployee(admin, '197005122000031000')).toBeUndefined();
      expect(await findEmployee(admin, '197005122000031002')).toBeUndefined();
    });

    it('warns when an XLSX date cell contradicts the NIP', async () => {
      const id = nip('19750607', '200003', 2, 804);
      const file = await buildXlsx(headers, [{ 'NIP Baru': id, Nama: 'Tanggal Beda', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, Golongan: 'III/b', 'Tanggal Lahir': new Date(Date.UTC(1975, 5, 8)) }]);
      const up = await upload(admin, 'beda.xlsx', file);
      expect(await validate(admin, up)).toMatchObject({ validRows: 1, warningRows: 1 });
      const [warning] = await issues(admin, up.id, 'warning');
      expect(warning).toMatchObject({ rowNumber: 2, column: 'Tanggal Lahir', reason: 'Tanggal lahir 1975-06-08 tidak cocok dengan NIP (1975-06-07).' });
    });
  });

  describe('column mapping', () => {
    const headers = ['Nomor Pegawai', 'Nama Pegawai X', 'Unit Kerja', 'Keterangan'];
    const a = nip('19800808', '200503', 1, 811);
    const b = nip('19810909', '200603', 2, 812);
    const file = buildCsv(headers, [
      { 'Nomor Pegawai': a, 'Nama Pegawai X': 'Pemetaan Satu', 'Unit Kerja': UNITS.dinsos, Keterangan: 'abaikan' },
      { 'Nomor Pegawai': b, 'Nama Pegawai X': 'Pemetaan Dua', 'Unit Kerja': UNITS.inspektorat, Keterangan: '' },
    ]);

    it('reports the fields it could not map, refuses an incomplete or inconsistent mapping, accepts a custom one', async () => {
      const up = await upload(admin, 'kolom-aneh.csv', file);
      expect(up.mapping).toEqual({ 'Unit Kerja': 'unit' });
      expect(up.missingFields).toEqual(expect.arrayContaining(['idNumber', 'name', 'category']));
      expect(up.missingFields).toHaveLength(3);

      const incomplete = await admin.post(`/api/imports/${up.id}/validate`, { mapping: { ...up.mapping, 'Nomor Pegawai': 'idNumber' } });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.error.code).toBe('VALIDATION_FAILED');
      expect(incomplete.body.error.details.missingFields).toEqual(['name', 'category']);

      const noCategory = await admin.post(`/api/imports/${up.id}/validate`, { mapping: { 'Nomor Pegawai': 'idNumber', 'Nama Pegawai X': 'name', 'Unit Kerja': 'unit' } });
      expect(noCategory.status).toBe(400);
      expect(noCategory.body.error.details.missingFields).toEqual(['category']);

      const unknownHeader = await admin.post(`/api/imports/${up.id}/validate`, { mapping: { 'Nomor Pegawai': 'idNumber', 'Nama Pegawai X': 'name', 'Unit Kerja': 'unit', 'Tidak Ada': 'email' }, defaultCategory: 'pns' });
      expect(unknownHeader.status).toBe(400);
      expect(unknownHeader.body.error.details.mapping).toMatch(/Tidak Ada/);

      const twice = await admin.post(`/api/imports/${up.id}/validate`, { mapping: { 'Nomor Pegawai': 'idNumber', 'Nama Pegawai X': 'name', 'Unit Kerja': 'unit', Keterangan: 'name' }, defaultCategory: 'pns' });
      expect(twice.status).toBe(400);
      expect(twice.body.error.details.mapping).toMatch(/name/);

      const badField = await admin.post(`/api/imports/${up.id}/validate`, { mapping: { 'Nomor Pegawai': 'nip' } });
      expect(badField.status).toBe(400);
      expect(badField.body.error.code).toBe('VALIDATION_FAILED');

      expect((await getImport(admin, up.id)).status).toBe('uploaded'); // refusals changed nothing
      const commitEarly = await admin.post(`/api/imports/${up.id}/commit`, {});
      expect(commitEarly.status).toBe(409);
      expect(commitEarly.body.error.code).toBe('IMPORT_NOT_READY');

      const mapping = { 'Nomor Pegawai': 'idNumber', 'Nama Pegawai X': 'name', 'Unit Kerja': 'unit' };
      const view = await validate(admin, up, { mapping, defaultCategory: 'pns' });
      expect(view).toMatchObject({ totalRows: 2, validRows: 2, errorRows: 0, mapping, defaultCategory: 'pns', missingFields: [] });
      await commit(admin, up.id);
      expect(await findEmployee(admin, a)).toMatchObject({ name: 'Pemetaan Satu', category: 'pns', idType: 'nip', unitName: UNITS.dinsos });
      expect(await findEmployee(admin, b)).toMatchObject({ name: 'Pemetaan Dua', category: 'pns', unitName: UNITS.inspektorat });
    });

    it('can validate again with a corrected mapping before committing', async () => {
      const c = nip('19820101', '200703', 1, 813);
      const up = await upload(admin, 'ulang.csv', buildCsv(['NIP', 'Nama', 'Unit Kerja', 'Jenis'], [{ NIP: c, Nama: 'Ulang Validasi', 'Unit Kerja': UNITS.dinsos, Jenis: 'Honorer' }]));
      // first: category taken from the column → NIP checked as a honorer number (not 16 digits → internal)
      const first = await validate(admin, up);
      expect(first).toMatchObject({ validRows: 1, errorRows: 0 });
      // corrected: ignore the column, everyone is CPNS
      const second = await validate(admin, up, { mapping: { NIP: 'idNumber', Nama: 'name', 'Unit Kerja': 'unit' }, defaultCategory: 'cpns' });
      expect(second).toMatchObject({ totalRows: 1, validRows: 1, errorRows: 0, defaultCategory: 'cpns' });
      await commit(admin, up.id);
      expect(await findEmployee(admin, c)).toMatchObject({ category: 'cpns', idType: 'nip' });
    });
  });
});
