/**
 * Every role's allowed and denied actions on units and employees. Expectations are written out here,
 * independent of the policy table, so a wrong policy entry fails a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

type Who = 'admin.bkpsdm' | 'satgas' | 'pimpinan.disdik' | 'bupati' | 'inspektorat' | 'superadmin' | 'pegawai' | 'anonim';
const WHO: Who[] = ['admin.bkpsdm', 'satgas', 'pimpinan.disdik', 'bupati', 'inspektorat', 'superadmin', 'pegawai', 'anonim'];

// Expected HTTP status per action and actor.
const EXPECT: Record<string, Record<Who, number>> = {
  'list units': { 'admin.bkpsdm': 200, satgas: 200, 'pimpinan.disdik': 200, bupati: 200, inspektorat: 200, superadmin: 200, pegawai: 403, anonim: 401 },
  'create unit': { 'admin.bkpsdm': 201, satgas: 403, 'pimpinan.disdik': 403, bupati: 403, inspektorat: 403, superadmin: 201, pegawai: 403, anonim: 401 },
  'edit unit': { 'admin.bkpsdm': 200, satgas: 403, 'pimpinan.disdik': 403, bupati: 403, inspektorat: 403, superadmin: 200, pegawai: 403, anonim: 401 },
  'list employees': { 'admin.bkpsdm': 200, satgas: 200, 'pimpinan.disdik': 200, bupati: 200, inspektorat: 200, superadmin: 200, pegawai: 200, anonim: 401 },
  'read employee outside Disdik': { 'admin.bkpsdm': 200, satgas: 200, 'pimpinan.disdik': 403, bupati: 200, inspektorat: 200, superadmin: 200, pegawai: 403, anonim: 401 },
  'read employee inside Disdik': { 'admin.bkpsdm': 200, satgas: 200, 'pimpinan.disdik': 200, bupati: 200, inspektorat: 200, superadmin: 200, pegawai: 403, anonim: 401 },
  'edit employee': { 'admin.bkpsdm': 200, satgas: 403, 'pimpinan.disdik': 403, bupati: 403, inspektorat: 403, superadmin: 200, pegawai: 403, anonim: 401 },
  'export employees': { 'admin.bkpsdm': 200, satgas: 403, 'pimpinan.disdik': 200, bupati: 403, inspektorat: 200, superadmin: 200, pegawai: 403, anonim: 401 },
  'read audit log': { 'admin.bkpsdm': 200, satgas: 403, 'pimpinan.disdik': 403, bupati: 403, inspektorat: 200, superadmin: 200, pegawai: 403, anonim: 401 },
  'upload import': { 'admin.bkpsdm': 201, satgas: 403, 'pimpinan.disdik': 403, bupati: 403, inspektorat: 403, superadmin: 201, pegawai: 403, anonim: 401 },
};

describe(`role permissions on ${TEST_DB}`, () => {
  let t: TestApp;
  const clients = {} as Record<Who, TestClient>;
  let disdik: { id: string; path?: string };
  let outside: { id: string };
  let inside: { id: string };
  let root: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    const demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 400);
    for (const who of WHO) {
      clients[who] = new TestClient(t);
      if (who === 'pegawai') {
        await clients[who].post('/api/auth/otp/request', { idNumber: demo.employeeLogin.idNumber });
        const mail = await clients[who].get('/api/dev/outbox');
        const code = mail.body.items[0].body.match(/(\d{6})/)[1];
        expect((await clients[who].post('/api/auth/otp/verify', { idNumber: demo.employeeLogin.idNumber, code })).status).toBe(200);
      } else if (who !== 'anonim') await clients[who].login(who);
    }
    const units = (await clients['admin.bkpsdm'].get('/api/units')).body.items as { id: string; name: string; parentId: string | null }[];
    root = units.find((u) => u.parentId === null)!;
    disdik = units.find((u) => u.name.startsWith('Dinas Pendidikan'))!;
    inside = (await clients['admin.bkpsdm'].get(`/api/employees?unitId=${disdik.id}&pageSize=1`)).body.items[0];
    outside = (await clients['admin.bkpsdm'].get(`/api/employees?q=&category=pppk&pageSize=200`)).body.items.find((e: { unitName: string }) => !/Pendidikan|SD Negeri|SMP Negeri|Bidang Pembinaan/.test(e.unitName));
  });
  afterAll(() => t.close());

  let n = 0;
  const ACTIONS: Record<string, (c: TestClient) => Promise<{ status: number }>> = {
    'list units': (c) => c.get('/api/units'),
    'create unit': (c) => c.post('/api/units', { name: `Bidang Uji ${++n}`, unitType: 'bagian', parentId: root.id }),
    'edit unit': (c) => c.patch(`/api/units/${disdik.id}`, { code: `D-${++n}` }),
    'list employees': (c) => c.get('/api/employees?pageSize=5'),
    'read employee outside Disdik': (c) => c.get(`/api/employees/${outside.id}`),
    'read employee inside Disdik': (c) => c.get(`/api/employees/${inside.id}`),
    'edit employee': (c) => c.patch(`/api/employees/${outside.id}`, { phone: `0812000${String(++n).padStart(4, '0')}` }),
    'export employees': (c) => c.get('/api/employees/export.xlsx'),
    'read audit log': (c) => c.get('/api/audit'),
    'upload import': (c) => c.upload('/api/imports', 'pegawai.csv', 'NIP;Nama;Unit Kerja\n197005122000031002;Uji;Dinas Sosial\n'),
  };

  for (const [action, expected] of Object.entries(EXPECT)) {
    it(`${action}: ${Object.entries(expected).map(([w, s]) => `${w}=${s}`).join(' ')}`, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) got[who] = (await ACTIONS[action]!(clients[who])).status;
      expect(got).toEqual(expected);
    });
  }

  it('limits a pimpinan_unit to their subtree in lists, and a pegawai to themselves', async () => {
    const tree = (await clients['pimpinan.disdik'].get('/api/units')).body.items as { id: string }[];
    expect(tree[0]!.id).toBe(disdik.id);
    const all = (await clients['admin.bkpsdm'].get('/api/units')).body.items.length;
    expect(tree.length).toBeLessThan(all);
    const subtreeIds = new Set(tree.map((u) => u.id));
    const list = await clients['pimpinan.disdik'].get('/api/employees?pageSize=200');
    expect(list.body.total).toBeGreaterThan(0);
    expect(list.body.items.every((e: { unitId: string }) => subtreeIds.has(e.unitId))).toBe(true);
    // Asking for a unit outside the subtree yields nothing, not a wider scope.
    const widen = await clients['pimpinan.disdik'].get(`/api/employees?unitId=${root.id}`);
    expect(widen.body.total).toBe(0);
    expect((await clients.pegawai.get('/api/employees?pageSize=50')).body.total).toBe(1);
  });

  it('sends the UI a permission map that matches what the API allows', async () => {
    const satgas = (await clients.satgas.get('/api/auth/session')).body.permissions;
    expect(satgas).toMatchObject({ 'unit.read': true, 'unit.write': false, 'employee.import': false, 'audit.read': false });
    const admin = (await clients['admin.bkpsdm'].get('/api/auth/session')).body.permissions;
    expect(admin).toMatchObject({ 'unit.write': true, 'employee.import': true, 'employee.export': true, 'audit.read': true });
  });
});
