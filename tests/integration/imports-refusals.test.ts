import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import {
  buildCsv,
  commit,
  employeeCount,
  findEmployee,
  ID_HEADERS,
  issues,
  nip,
  requestCommit,
  UNITS,
  upload,
  validate,
  type Row,
} from '../fixtures/employee-csv.js';

const row = (id: string, name: string, extra: Partial<Row> = {}): Row => ({
  NIP: id, 'Nama Lengkap': name, 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, 'Gol/Ruang': 'III/a', Jabatan: 'Pengadministrasi Umum', Email: '', 'No HP': '', ...extra,
});

describe(`employee import: row refusals and warnings on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
  });
  afterAll(() => t.close());

  // Valid NIPs accepted after normalisation
  const padded = nip('19700512', '200003', 1, 602);
  const apostrophe = nip('19710613', '199803', 2, 603);
  const spaced = nip('19720714', '199903', 1, 604);
  const duplicate = nip('19730815', '200003', 2, 605);
  const plain = nip('19740916', '200103', 1, 606);

  // Row numbers as Excel shows them: header is row 1.
  const rows: Row[] = [
    row('1.97005E+17', 'Notasi Ilmiah'), // 2
    row('19700512200003100', 'Kurang Digit'), // 3
    row('197002302000031002', 'Tanggal Mustahil'), // 4
    row('197005122000031000', 'Urut Nol'), // 5
    row(duplicate, 'Pertama'), // 6
    row(duplicate, 'Kedua'), // 7
    row(nip('19750101', '200003', 1, 607), 'Kategori Aneh', { 'Jenis Pegawai': 'Pegawai Tetap' }), // 8
    row(nip('19760202', '200003', 2, 608), ''), // 9
    row(`${padded}   `, 'Spasi Di Belakang   '), // 10
    row(`'${apostrophe}`, 'Apostrof'), // 11
    row(`${spaced.slice(0, 8)} ${spaced.slice(8, 14)} ${spaced.slice(14, 15)} ${spaced.slice(15)}`, 'NIP Berspasi'), // 12
    row(plain, 'Biasa'), // 13
  ];
  const file = buildCsv(ID_HEADERS, rows);
  let importId = '';

  it('refuses each bad row with its row number and an Indonesian reason', async () => {
    const up = await upload(admin, 'campur.csv', file);
    importId = up.id;
    const view = await validate(admin, up);
    expect(view).toMatchObject({ totalRows: 12, validRows: 5, errorRows: 7, warningRows: 0 });

    const errors = await issues(admin, up.id, 'error');
    const byRow = new Map(errors.map((i) => [i.rowNumber, i]));
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 7, 8, 9]);
    expect(byRow.get(2)).toMatchObject({ column: 'NIP', value: '1.97005E+17', reason: expect.stringMatching(/notasi ilmiah oleh Excel/) });
    expect(byRow.get(3)).toMatchObject({ column: 'NIP', reason: 'NIP harus 18 digit (tertulis 17 digit).' });
    expect(byRow.get(4)).toMatchObject({ column: 'NIP', reason: expect.stringMatching(/Tanggal lahir pada NIP \(19700230\) bukan tanggal yang mungkin/) });
    expect(byRow.get(5)).toMatchObject({ column: 'NIP', reason: 'Nomor urut NIP tidak boleh 000.' });
    expect(byRow.get(7)).toMatchObject({ column: 'NIP', value: duplicate, reason: 'Nomor identitas ganda: sudah ada di baris 6.' });
    expect(byRow.get(8)).toMatchObject({ column: 'Jenis Pegawai', value: 'Pegawai Tetap', reason: expect.stringMatching(/^Jenis pegawai "Pegawai Tetap" tidak dikenal/) });
    expect(byRow.get(9)).toMatchObject({ column: 'Nama Lengkap', reason: 'Nama kosong.' });
    expect(errors).toHaveLength(7); // one reason per bad row, none for the accepted ones
  });

  it('commit with error rows is refused without skipInvalidRows and writes nothing', async () => {
    const before = await employeeCount(admin);
    const res = await requestCommit(admin, importId);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_HAS_ERRORS', details: { errorRows: 7 } });
    expect(res.body.error.message).toMatch(/baris yang salah/);
    // deactivateMissing is never allowed from a file with errors, even when skipping them
    const full = await requestCommit(admin, importId, { skipInvalidRows: true, deactivateMissing: true });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('IMPORT_HAS_ERRORS');

    expect(await employeeCount(admin)).toBe(before);
    for (const id of [padded, apostrophe, spaced, duplicate, plain]) expect(await findEmployee(admin, id)).toBeUndefined();
    expect((await admin.get(`/api/imports/${importId}`)).body.status).toBe('validated');
  });

  it('with skipInvalidRows only the valid rows are written, normalised', async () => {
    const before = await employeeCount(admin);
    const committed = await commit(admin, importId, { skipInvalidRows: true });
    expect(committed.summary).toMatchObject({ inserted: 5, updated: 0, unchanged: 0 });
    expect(await employeeCount(admin)).toBe(before + 5);

    expect(await findEmployee(admin, padded)).toMatchObject({ name: 'Spasi Di Belakang', idType: 'nip' });
    expect(await findEmployee(admin, apostrophe)).toMatchObject({ name: 'Apostrof' });
    expect(await findEmployee(admin, spaced)).toMatchObject({ name: 'NIP Berspasi' });
    expect(await findEmployee(admin, duplicate)).toMatchObject({ name: 'Pertama' }); // the first occurrence wins
    expect(await findEmployee(admin, plain)).toMatchObject({ name: 'Biasa', golongan: 'III/a' });
    // refused rows left nothing behind
    expect(await findEmployee(admin, nip('19750101', '200003', 1, 607))).toBeUndefined();
    expect(await findEmployee(admin, nip('19760202', '200003', 2, 608))).toBeUndefined();
    expect(await findEmployee(admin, '197005122000031000')).toBeUndefined();
    // a committed import cannot be committed again
    const again = await requestCommit(admin, importId, { skipInvalidRows: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IMPORT_NOT_READY');
  });

  it('refuses a commit when no row is valid', async () => {
    const up = await upload(admin, 'semua-salah.csv', buildCsv(ID_HEADERS, [row('123', 'Pendek'), row('abc', 'Huruf')]));
    const view = await validate(admin, up);
    expect(view).toMatchObject({ totalRows: 2, validRows: 0, errorRows: 2 });
    const errors = await issues(admin, up.id, 'error');
    expect(errors.find((i) => i.rowNumber === 3)?.reason).toBe('NIP hanya boleh berisi angka.');
    const res = await requestCommit(admin, up.id, { skipInvalidRows: true });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_HAS_ERRORS', details: { validRows: 0 } });
  });

  it('accepts a sex or birth date that contradicts the NIP with a warning kept on the employee', async () => {
    const headers = ['NIP', 'Nama', 'Jenis Pegawai', 'Unit Kerja', 'Jenis Kelamin', 'Tanggal Lahir'];
    const male = nip('19800303', '200503', 1, 611); // sex digit 1 = L
    const born = nip('19810404', '200603', 2, 612); // born 1981-04-04
    const clean = nip('19820505', '200703', 2, 613);
    const file = buildCsv(headers, [
      { NIP: male, Nama: 'Ani Perempuan', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, 'Jenis Kelamin': 'P', 'Tanggal Lahir': '03-03-1980' },
      { NIP: born, Nama: 'Bunga Lain Hari', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, 'Jenis Kelamin': 'Perempuan', 'Tanggal Lahir': '5 April 1981' },
      { NIP: clean, Nama: 'Citra Cocok', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinkes, 'Jenis Kelamin': 'P', 'Tanggal Lahir': '1982-05-05' },
    ]);
    const up = await upload(admin, 'silang.csv', file);
    expect(up.mapping).toMatchObject({ 'Jenis Kelamin': 'sex', 'Tanggal Lahir': 'birthDate' });
    const view = await validate(admin, up);
    expect(view).toMatchObject({ totalRows: 3, validRows: 3, errorRows: 0, warningRows: 2 });

    const warnings = await issues(admin, up.id, 'warning');
    const sexReason = 'Jenis kelamin P tidak cocok dengan nomor identitas (menunjukkan L).';
    const birthReason = 'Tanggal lahir 1981-04-05 tidak cocok dengan NIP (1981-04-04).';
    expect(warnings).toEqual([
      { rowNumber: 2, severity: 'warning', column: 'Jenis Kelamin', value: 'P', reason: sexReason },
      { rowNumber: 3, severity: 'warning', column: 'Tanggal Lahir', value: '5 April 1981', reason: birthReason },
    ]);

    await commit(admin, up.id);
    // the file's values are kept (never silently "corrected" from the NIP), with the warning attached
    expect(await findEmployee(admin, male)).toMatchObject({ sex: 'P', birthDate: '1980-03-03', dataWarnings: [sexReason] });
    expect(await findEmployee(admin, born)).toMatchObject({ sex: 'P', birthDate: '1981-04-05', dataWarnings: [birthReason] });
    expect(await findEmployee(admin, clean)).toMatchObject({ sex: 'P', birthDate: '1982-05-05', dataWarnings: [] });
  });

  it('drops an invalid e-mail or phone with a warning but keeps the row', async () => {
    const id = nip('19830606', '200803', 1, 614);
    const up = await upload(admin, 'kontak.csv', buildCsv(ID_HEADERS, [row(id, 'Kontak Salah', { Email: 'bukan-email', 'No HP': '12345' })]));
    const view = await validate(admin, up);
    expect(view).toMatchObject({ validRows: 1, errorRows: 0, warningRows: 1 });
    const reasons = (await issues(admin, up.id, 'warning')).map((i) => i.reason);
    expect(reasons).toEqual(['Alamat e-mail "bukan-email" tidak valid; dikosongkan.', 'Nomor HP "12345" tidak valid; dikosongkan.']);
    await commit(admin, up.id);
    expect(await findEmployee(admin, id)).toMatchObject({ email: null, phone: null, dataWarnings: reasons });
  });
});
