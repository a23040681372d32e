import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import {
  buildCsv,
  commit,
  employeeCount,
  findEmployee,
  ID_HEADERS,
  importFile,
  nip,
  requestCommit,
  sampleEmployees,
  toRow,
  UNITS,
  upload,
  validate,
} from '../fixtures/employee-csv.js';

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  unitType: string;
}

describe(`employee import: units and full re-import on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const units = async (): Promise<Unit[]> => {
    const res = await admin.get('/api/units');
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
  });
  afterAll(() => t.close());

  describe('unknown unit names', () => {
    const headers = ['NIP', 'Nama', 'Jenis Pegawai', 'Unit Kerja', 'Unit Kerja Induk'];
    const people = {
      promkes: nip('19700101', '199603', 1, 701),
      dispar: nip('19710202', '199703', 2, 702),
      destinasi: nip('19720303', '199803', 1, 703),
      known: nip('19730404', '199903', 2, 704),
      knownWithParent: nip('19740505', '200003', 1, 705),
    };
    const file = buildCsv(headers, [
      { NIP: people.promkes, Nama: 'Promosi Satu', 'Jenis Pegawai': 'PNS', 'Unit Kerja': 'Bidang Promosi Kesehatan', 'Unit Kerja Induk': UNITS.dinkes },
      { NIP: people.dispar, Nama: 'Pariwisata Dua', 'Jenis Pegawai': 'PNS', 'Unit Kerja': 'Dinas Pariwisata', 'Unit Kerja Induk': 'Dinas Pariwisata' },
      { NIP: people.destinasi, Nama: 'Destinasi Tiga', 'Jenis Pegawai': 'PNS', 'Unit Kerja': 'Bidang Destinasi Wisata', 'Unit Kerja Induk': 'dinas  pariwisata' },
      { NIP: people.known, Nama: 'Dikenal Empat', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.dinsos, 'Unit Kerja Induk': '' },
      { NIP: people.knownWithParent, Nama: 'Dikenal Lima', 'Jenis Pegawai': 'PNS', 'Unit Kerja': UNITS.bidangYankes, 'Unit Kerja Induk': UNITS.dinkes },
    ]);
    let importId = '';

    it('lists the units that do not exist yet at validation', async () => {
      const up = await upload(admin, 'unit-baru.csv', file);
      importId = up.id;
      expect(up.mapping).toMatchObject({ 'Unit Kerja': 'unit', 'Unit Kerja Induk': 'parentUnit' });
      const view = await validate(admin, up);
      expect(view).toMatchObject({ totalRows: 5, validRows: 5, errorRows: 0 });
      expect(view.unknownUnits).toHaveLength(3);
      expect(view.unknownUnits).toEqual(
        expect.arrayContaining([
          'Dinas Kesehatan › Bidang Promosi Kesehatan',
          expect.stringMatching(/^Dinas Pariwisata › Dinas Pariwisata$/),
          expect.stringMatching(/pariwisata › Bidang Destinasi Wisata$/),
        ]),
      );
    });

    it('refuses the commit without createMissingUnits and writes nothing', async () => {
      const before = await employeeCount(admin);
      const unitCount = (await units()).length;
      const res = await requestCommit(admin, importId);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('IMPORT_UNKNOWN_UNITS');
      expect(res.body.error.details.unknownUnits).toHaveLength(3);
      expect(await employeeCount(admin)).toBe(before);
      expect((await units()).length).toBe(unitCount);
      expect(await findEmployee(admin, people.known)).toBeUndefined();
    });

    it('creates the missing units under their parent unit when asked', async () => {
      const before = await units();
      const committed = await commit(admin, importId, { createMissingUnits: true });
      expect(committed.summary).toMatchObject({ inserted: 5, unitsCreated: 3 });

      const after = await units();
      expect(after.length).toBe(before.length + 3);
      const byName = (name: string) => after.filter((u) => u.name === name);
      const root = after.find((u) => u.parentId === null)!;
      const dinkes = byName(UNITS.dinkes)[0]!;
      const [promkes] = byName('Bidang Promosi Kesehatan');
      const [dispar] = byName('Dinas Pariwisata');
      const [destinasi] = byName('Bidang Destinasi Wisata');
      expect(byName('Dinas Pariwisata')).toHaveLength(1); // created once, whatever the spelling
      expect(promkes).toMatchObject({ parentId: dinkes.id, unitType: 'bagian' });
      expect(dispar).toMatchObject({ parentId: root.id, unitType: 'dinas' });
      expect(destinasi).toMatchObject({ parentId: dispar!.id, unitType: 'bagian' });

      expect(await findEmployee(admin, people.promkes)).toMatchObject({ unitId: promkes!.id, unitName: 'Bidang Promosi Kesehatan' });
      expect(await findEmployee(admin, people.dispar)).toMatchObject({ unitId: dispar!.id });
      expect(await findEmployee(admin, people.destinasi)).toMatchObject({ unitId: destinasi!.id });
      expect(await findEmployee(admin, people.known)).toMatchObject({ unitName: UNITS.dinsos });
      expect(await findEmployee(admin, people.knownWithParent)).toMatchObject({ unitName: UNITS.bidangYankes });

      const audit = await admin.get('/api/audit?pageSize=100');
      expect(audit.body.items.filter((e: { action: string }) => e.action === 'unit.create')).toHaveLength(3);
    });

    it('matches the created units on the next import (no duplicates)', async () => {
      const unitCount = (await units()).length;
      const { validated, committed } = await importFile(admin, 'unit-baru-lagi.csv', file);
      expect(validated.unknownUnits).toEqual([]);
      expect(committed.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, unitsCreated: 0 });
      expect((await units()).length).toBe(unitCount);
    });
  });

  describe('deactivateMissing (full re-import)', () => {
    const samples = sampleEmployees();
    const gone = samples[3]!;

    it('marks employees absent from a full file as inactive, never deletes them, and reactivates them on return', async () => {
      const all = await employeeCount(admin);
      const first = await importFile(admin, 'master-lengkap.csv', buildCsv(ID_HEADERS, samples.map(toRow)));
      expect(first.committed.summary.inserted).toBe(samples.length);
      const activeBefore = await employeeCount(admin, 'active');
      expect(await employeeCount(admin)).toBe(all + samples.length);

      const without = samples.filter((s) => s !== gone).map(toRow);
      const { committed } = await importFile(admin, 'master-tanpa-satu.csv', buildCsv(ID_HEADERS, without), { deactivateMissing: true });
      // every active employee not in the file (the seeded ones included) becomes inactive
      expect(committed.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: samples.length - 1, deactivated: activeBefore - (samples.length - 1) });
      expect(await employeeCount(admin)).toBe(all + samples.length); // nobody deleted
      expect(await employeeCount(admin, 'active')).toBe(samples.length - 1);

      expect(await findEmployee(admin, gone.nip, 'active')).toBeUndefined();
      expect(await findEmployee(admin, gone.nip, 'inactive')).toMatchObject({ isActive: false, name: gone.name, category: 'pns' });
      for (const s of samples.filter((x) => x !== gone)) expect(await findEmployee(admin, s.nip, 'active'), s.nip).toBeDefined();

      // a later file that lists the employee again reactivates them
      const back = await importFile(admin, 'master-kembali.csv', buildCsv(ID_HEADERS, samples.map(toRow)));
      expect(back.committed.summary).toMatchObject({ inserted: 0, updated: 1, unchanged: samples.length - 1, deactivated: 0 });
      expect(await findEmployee(admin, gone.nip, 'active')).toMatchObject({ isActive: true });
    });

    it('without deactivateMissing, absent employees stay active', async () => {
      const active = await employeeCount(admin, 'active');
      const { committed } = await importFile(admin, 'sebagian.csv', buildCsv(ID_HEADERS, samples.slice(0, 2).map(toRow)));
      expect(committed.summary).toMatchObject({ unchanged: 2, deactivated: 0 });
      expect(await employeeCount(admin, 'active')).toBe(active);
    });
  });
});
