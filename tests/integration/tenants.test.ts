import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

const NEW_TENANT = {
  slug: 'kota-semarang',
  name: 'Pemerintah Kota Semarang',
  kind: 'kota',
  wilayahCode: '33.74',
  timezone: 'Asia/Jakarta',
  admin: { username: 'admin.bkpp', displayName: 'Admin BKPP', password: 'Sandi-Awal-Yang-Panjang-1' },
};

describe(`platform superadmin and new tenants on ${TEST_DB}`, () => {
  let t: TestApp;
  let superadmin: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t);
    superadmin = new TestClient(t);
    await superadmin.login('superadmin');
  });
  afterAll(() => t.close());

  it('looks up wilayah codes from the Kemendagri reference', async () => {
    const res = await superadmin.get('/api/reference/regions?q=semarang');
    expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: '33.74', name: 'Kota Semarang', provinceName: 'Jawa Tengah' })]));
  });

  it('registers an instansi with its root unit and first admin, who can then sign in', async () => {
    const res = await superadmin.post('/api/tenants', NEW_TENANT);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slug: 'kota-semarang', unitCount: 1, employeeCount: 0, timezone: 'Asia/Jakarta' });
    const admin = new TestClient(t);
    await admin.login('admin.bkpp', NEW_TENANT.admin.password, 'kota-semarang');
    const units = await admin.get('/api/units');
    expect(units.body.items).toHaveLength(1);
    expect(units.body.items[0]).toMatchObject({ name: 'Pemerintah Kota Semarang', unitType: 'pemda', parentId: null });
    const audit = await admin.get('/api/audit');
    expect(audit.body.items[audit.body.items.length - 1]).toMatchObject({ seq: 1, action: 'tenant.create', actorLabel: 'superadmin' });
    expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
  });

  it('refuses an unknown wilayah code, a taken slug, and anyone but the superadmin', async () => {
    const bad = await superadmin.post('/api/tenants', { ...NEW_TENANT, slug: 'kab-x', wilayahCode: '99.99' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.wilayahCode).toMatch(/Kemendagri/);
    const dup = await superadmin.post('/api/tenants', NEW_TENANT);
    expect(dup.status).toBe(409);
    const admin = new TestClient(t);
    await admin.login('admin.bkpsdm', undefined, 'kab-contoh');
    expect((await admin.post('/api/tenants', { ...NEW_TENANT, slug: 'kab-y' })).status).toBe(403);
    expect((await admin.get('/api/tenants')).status).toBe(403);
    const list = await superadmin.get('/api/tenants');
    expect(list.body.items.map((x: { slug: string }) => x.slug).sort()).toEqual(['kab-contoh', 'kota-semarang']);
  });
});
