import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import {
  buildCsv,
  commit,
  employeeCount,
  findEmployee,
  ID_HEADERS,
  importFile,
  issues,
  sampleEmployees,
  toRow,
  upload,
  validate,
} from '../fixtures/employee-csv.js';

describe(`employee import: happy path and re-import on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const samples = sampleEmployees();
  const csv = buildCsv(ID_HEADERS, samples.map(toRow));
  let firstImportId = '';

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
  });
  afterAll(() => t.close());

  it('imports a ;-separated CSV with BOM and Indonesian headers into the employee master', async () => {
    const before = await employeeCount(admin);
    const up = await upload(admin, 'pegawai.csv', csv);
    expect(up.headers).toEqual([...ID_HEADERS]); // BOM stripped from the first header
    expect(up.mapping).toEqual({
      NIP: 'idNumber',
      'Nama Lengkap': 'name',
      'Jenis Pegawai': 'category',
      'Unit Kerja': 'unit',
      'Gol/Ruang': 'golongan',
      Jabatan: 'jabatanName',
      Email: 'email',
      'No HP': 'phone',
    });
    expect(up.missingFields).toEqual([]);

    const validated = await validate(admin, up);
    expect(validated).toMatchObject({ totalRows: samples.length, validRows: samples.length, errorRows: 0, warningRows: 0, unknownUnits: [] });
    expect(await issues(admin, up.id, 'error')).toEqual([]);

    const committed = await commit(admin, up.id);
    expect(committed.summary).toEqual({ inserted: samples.length, updated: 0, unchanged: 0, deactivated: 0, unitsCreated: 0 });
    firstImportId = up.id;
    expect(await employeeCount(admin)).toBe(before + samples.length);

    for (const s of samples) {
      const e = await findEmployee(admin, s.nip);
      expect(e, s.nip).toBeDefined();
      expect(e).toMatchObject({
        idNumber: s.nip,
        idType: s.expect.idType,
        name: s.name,
        category: s.expect.category,
        golongan: s.expect.golongan,
        pangkat: s.expect.pangkat,
        unitName: s.unit,
        jabatanName: s.jabatan,
        email: s.email,
        phone: s.phone,
        isActive: true,
        dataWarnings: [],
      });
    }
    // 'iii/a' is stored as the canonical III/a with its pangkat
    expect(await findEmployee(admin, samples[0]!.nip)).toMatchObject({ golongan: 'III/a', pangkat: 'Penata Muda', jabatanClass: 'fungsional' });
    // Camel-case categories: "Tenaga Kontrak" is honorer, with a NIK
    expect(await findEmployee(admin, samples[9]!.nip)).toMatchObject({ category: 'honorer', idType: 'nik', jabatanClass: 'lainnya' });
  });

  it('re-importing the same file changes nothing and is audited', async () => {
    const before = await employeeCount(admin);
    const { committed, up } = await importFile(admin, 'pegawai.csv', csv);
    expect(committed.summary).toEqual({ inserted: 0, updated: 0, unchanged: samples.length, deactivated: 0, unitsCreated: 0 });
    expect(await employeeCount(admin)).toBe(before);

    const audit = await admin.get('/api/audit?pageSize=200');
    expect(audit.status).toBe(200);
    const commits = audit.body.items.filter((e: { action: string }) => e.action === 'employee.import.commit');
    expect(commits.map((e: { entityId: string }) => e.entityId)).toEqual(expect.arrayContaining([firstImportId, up.id]));
    expect(commits.every((e: { entityType: string }) => e.entityType === 'import')).toBe(true);
  });

  it('a changed re-import updates only the changed row', async () => {
    const before = await employeeCount(admin);
    const changed = samples.map(toRow);
    changed[1] = { ...changed[1]!, Jabatan: 'Kepala Bidang Pengadaan dan Informasi', 'Gol/Ruang': 'III/d' };
    const { committed } = await importFile(admin, 'pegawai-revisi.csv', buildCsv(ID_HEADERS, changed));
    expect(committed.summary).toEqual({ inserted: 0, updated: 1, unchanged: samples.length - 1, deactivated: 0, unitsCreated: 0 });
    expect(await employeeCount(admin)).toBe(before);

    expect(await findEmployee(admin, samples[1]!.nip)).toMatchObject({
      jabatanName: 'Kepala Bidang Pengadaan dan Informasi',
      jabatanClass: 'administrator',
      golongan: 'III/d',
      pangkat: 'Penata Tingkat I',
    });
    // the others are untouched
    expect(await findEmployee(admin, samples[0]!.nip)).toMatchObject({ jabatanName: samples[0]!.jabatan, golongan: 'III/a' });
  });

  it('accepts a comma-separated file without BOM and LF line ends, and columns absent from the file keep their values', async () => {
    const [pns, moved, cpns, honorer] = [samples[0]!, samples[3]!, samples[4]!, samples[8]!];
    const headers = ['NIP', 'Nama', 'Status Pegawai', 'Unit Kerja'];
    const rows = [
      { NIP: pns.nip, Nama: pns.name, 'Status Pegawai': 'PNS', 'Unit Kerja': pns.unit },
      { NIP: cpns.nip, Nama: cpns.name, 'Status Pegawai': 'PNS', 'Unit Kerja': cpns.unit }, // CPNS became PNS
      { NIP: honorer.nip, Nama: honorer.name, 'Status Pegawai': 'Honorer', 'Unit Kerja': honorer.unit },
      { NIP: moved.nip, Nama: moved.name, 'Status Pegawai': 'THL', 'Unit Kerja': moved.unit }, // leaves the PNS scheme
    ];
    const up = await upload(admin, 'ringkas.csv', buildCsv(headers, rows, { delimiter: ',', bom: false, eol: '\n' }));
    expect(up.mapping).toEqual({ NIP: 'idNumber', Nama: 'name', 'Status Pegawai': 'category', 'Unit Kerja': 'unit' });
    await validate(admin, up);
    const committed = await commit(admin, up.id);
    expect(committed.summary).toMatchObject({ inserted: 0, updated: 2, unchanged: 2 });
    // jabatan class derived from a jabatan name the file does not have is kept too
    // no golongan/jabatan/e-mail/phone columns: those values are kept, also across CPNS → PNS
    expect(await findEmployee(admin, pns.nip)).toMatchObject({ golongan: 'III/a', pangkat: 'Penata Muda', email: pns.email, phone: pns.phone, jabatanName: pns.jabatan, jabatanClass: 'fungsional' });
    expect(await findEmployee(admin, cpns.nip)).toMatchObject({ category: 'pns', golongan: 'II/c', pangkat: 'Pengatur', email: cpns.email, jabatanName: cpns.jabatan });
    expect(await findEmployee(admin, honorer.nip)).toMatchObject({ category: 'honorer', golongan: null, email: honorer.email });
    // a category of another golongan scheme cannot keep the PNS golongan
    expect(await findEmployee(admin, moved.nip)).toMatchObject({ category: 'thl', idType: 'internal', golongan: null, pangkat: null, jabatanClass: 'lainnya', email: moved.email });
  });
});
