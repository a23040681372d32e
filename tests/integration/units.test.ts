import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

interface Unit { id: string; parentId: string | null; name: string; unitType: string; headEmployeeId: string | null; headName: string | null; employeeCount: number }

describe(`unit tree on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let units: Unit[];
  const byName = (name: string) => units.find((u) => u.name === name)!;
  const reload = async () => (units = (await admin.get('/api/units')).body.items);

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 300);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    await reload();
  });
  afterAll(() => t.close());

  it('holds a tree of any depth: Pemda → OPD → UPTD/kecamatan → kelurahan', async () => {
    const root = units.find((u) => u.parentId === null)!;
    expect(root.unitType).toBe('pemda');
    const kec = units.find((u) => u.unitType === 'kecamatan')!;
    expect(kec.parentId).toBe(root.id);
    const kel = units.find((u) => u.parentId === kec.id)!;
    expect(kel.unitType).toBe('kelurahan');
    const puskesmas = units.find((u) => u.name.startsWith('Puskesmas'))!;
    expect(byName('Dinas Kesehatan').id).toBe(puskesmas.parentId);
    expect(units.reduce((s, u) => s + u.employeeCount, 0)).toBe(300);
  });

  it('creates a sub-unit five levels deep and sets its head', async () => {
    let parent = byName('Dinas Kesehatan');
    for (const [i, name] of ['Bidang A', 'Seksi B', 'Subseksi C'].entries()) {
      const res = await admin.post('/api/units', { name, unitType: i === 0 ? 'bagian' : 'lainnya', parentId: parent.id });
      expect(res.status).toBe(201);
      parent = res.body;
    }
    const head = (await admin.get(`/api/employees?unitId=${byName('Dinas Kesehatan').id}&pageSize=1`)).body.items[0];
    const res = await admin.patch(`/api/units/${parent.id}`, { headEmployeeId: head.id, unitType: 'uptd' });
    expect(res.body).toMatchObject({ headEmployeeId: head.id, headName: head.name, unitType: 'uptd' });
  });

  it('moves a unit with its whole subtree and keeps employees visible under the new parent', async () => {
    await reload();
    const bidang = byName('Bidang A');
    const target = byName('Dinas Sosial');
    const res = await admin.patch(`/api/units/${bidang.id}`, { parentId: target.id });
    expect(res.status).toBe(200);
    await reload();
    expect(byName('Bidang A').parentId).toBe(target.id);
    const deepest = byName('Subseksi C');
    const underTarget = await admin.get(`/api/employees?unitId=${target.id}&pageSize=200`);
    const headOfDeepest = deepest.headEmployeeId;
    expect(headOfDeepest).not.toBeNull();
    // The search by subtree follows the moved path (the head works in Dinas Kesehatan, so is not under Dinas Sosial).
    expect(underTarget.body.items.some((e: { id: string }) => e.id === headOfDeepest)).toBe(false);
    const newUnit = await admin.post('/api/units', { name: 'Seksi Baru', unitType: 'lainnya', parentId: deepest.id });
    const pimpinanTree = await admin.get('/api/units');
    expect(pimpinanTree.body.items.find((u: Unit) => u.id === newUnit.body.id).parentId).toBe(deepest.id);
  });

  it('refuses to move a unit under its own descendant', async () => {
    const res = await admin.patch(`/api/units/${byName('Bidang A').id}`, { parentId: byName('Subseksi C').id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('UNIT_CYCLE');
    expect(res.body.error.message).toMatch(/turunannya/);
  });

  it('rejects bad input with field details and leaves nothing behind', async () => {
    const before = (await admin.get('/api/units')).body.items.length;
    const bad = await admin.post('/api/units', { name: 'X', unitType: 'kerajaan', parentId: 'bukan-uuid' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.issues.length).toBeGreaterThanOrEqual(2);
    const noHead = await admin.post('/api/units', { name: 'Unit Tanpa Kepala', unitType: 'lainnya', parentId: byName('Dinas Sosial').id, headEmployeeId: '00000000-0000-4000-8000-000000000000' });
    expect(noHead.status).toBe(400);
    expect(noHead.body.error.details.headEmployeeId).toMatch(/tidak ditemukan/);
    expect((await admin.get('/api/units')).body.items.length).toBe(before);
  });
});
