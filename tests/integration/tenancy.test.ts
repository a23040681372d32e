import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

describe(`tenant isolation on ${TEST_DB}`, () => {
  let t: TestApp;
  let adminA: TestClient;
  let adminB: TestClient;
  let employeeB: { id: string; idNumber: string; name: string };
  let unitB: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    await seedTenant(t, 'kota-lain', 'Kota Lain', 60);
    adminA = new TestClient(t);
    await adminA.login('admin.bkpsdm', undefined, 'kab-contoh');
    adminB = new TestClient(t);
    await adminB.login('admin.bkpsdm', undefined, 'kota-lain');
    const list = await adminB.get('/api/employees?pageSize=1');
    employeeB = list.body.items[0];
    unitB = (await adminB.get('/api/units')).body.items.find((u: { unitType: string }) => u.unitType === 'dinas');
  });
  afterAll(() => t.close());

  it('asks which instansi when several exist, and signs in to the chosen one only', async () => {
    const res = await new TestClient(t).post('/api/auth/login', { username: 'admin.bkpsdm', password: 'Netra-Demo-2026!' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ tenant: 'Pilih instansi.' });
    const tenants = await new TestClient(t).get('/api/public/tenants');
    expect(tenants.body.items.map((x: { slug: string }) => x.slug).sort()).toEqual(['kab-contoh', 'kota-lain']);
  });

  it('never lists another tenant’s units or employees', async () => {
    const unitsA = (await adminA.get('/api/units')).body.items;
    expect(unitsA.some((u: { id: string }) => u.id === unitB.id)).toBe(false);
    const search = await adminA.get(`/api/employees?q=${employeeB.idNumber}`);
    expect(search.body.items.some((e: { id: string }) => e.id === employeeB.id)).toBe(false);
    expect(search.body.total).toBe(0);
    const byUnit = await adminA.get(`/api/employees?unitId=${unitB.id}`);
    expect(byUnit.status).toBe(404);
  });

  it('cannot read or write another tenant’s rows by id', async () => {
    expect((await adminA.get(`/api/employees/${employeeB.id}`)).status).toBe(404);
    expect((await adminA.patch(`/api/employees/${employeeB.id}`, { name: 'Diretas Tenant A' })).status).toBe(404);
    expect((await adminA.patch(`/api/units/${unitB.id}`, { name: 'Diretas Tenant A' })).status).toBe(404);
    const rootA = (await adminA.get('/api/units')).body.items.find((u: { parentId: string | null }) => u.parentId === null);
    // A unit of A cannot be hung under a unit of B, nor B's unit moved under A's.
    expect((await adminA.post('/api/units', { name: 'Unit Silang', unitType: 'lainnya', parentId: unitB.id })).status).toBe(400);
    expect((await adminB.patch(`/api/units/${unitB.id}`, { parentId: rootA.id })).status).toBe(400);
    const still = await adminB.get(`/api/employees/${employeeB.id}`);
    expect(still.body.name).toBe(employeeB.name);
  });

  it('keeps one audit chain per tenant and shows each admin only their own', async () => {
    const a = await adminA.get('/api/audit?pageSize=200');
    const b = await adminB.get('/api/audit?pageSize=200');
    const seqA = a.body.items.map((e: { seq: number }) => e.seq);
    expect(Math.min(...seqA)).toBe(1);
    expect(b.body.items.some((e: { entityId: string }) => e.entityId === employeeB.id)).toBe(false);
    expect(a.body.items.some((e: { action: string; entityId: string }) => e.action === 'employee.update' && e.entityId === employeeB.id)).toBe(false);
  });
});
