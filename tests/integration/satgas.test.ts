/**
 * The Satgas decree and its members: the demo decree, edits with linked accounts, the one-active-Satgas
 * rule, and what the case core reads (active Satgas on a day, chair and handler accounts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/auth/auth.repository.js';
import { activeSatgas, satgasChairUserIds, satgasHandlerUserIds } from '../../src/server/modules/satgas/satgas.service.js';
import { DEMO_SATGAS_NUMBER } from '../../src/server/seed/demo-satgas.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

interface Member { id?: string; position: string; name: string; title: string; employeeId: string | null; userId: string | null; username?: string | null; employeeIdNumber?: string | null }
interface Decree { id: string; number: string; signedOn: string; signerTitle: string; periodStart: string; periodEnd: string; scopeUnitId: string | null; isActive: boolean; members: Member[] }

const rows = async <T>(t: TestApp, text: string) => ((await t.deps.db.execute(text as never)) as unknown as { rows: T[] }).rows;
const put = (c: TestClient, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });

/** The body that re-saves a decree as it is (members keep their ids). */
function bodyOf(d: Decree) {
  return {
    number: d.number, signedOn: d.signedOn, signerTitle: d.signerTitle, periodStart: d.periodStart, periodEnd: d.periodEnd, scopeUnitId: d.scopeUnitId, isActive: d.isActive,
    members: d.members.map((m) => ({ id: m.id, position: m.position, name: m.name, title: m.title, employeeId: m.employeeId, userId: m.userId })),
  };
}

describe(`Satgas decree on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let admin: TestClient;
  let satgas: TestClient;
  let decree: Decree;
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    satgas = new TestClient(t);
    await satgas.login('satgas');
    const extra = await insertUser(t.deps.db, { tenantId: demo.tenantId, username: 'satgas.sekda', displayName: 'Sekda (Satgas)', passwordHash: 'x', roles: ['satgas'] });
    for (const a of (await admin.get('/api/satgas/accounts')).body.items as { id: string; username: string }[]) accounts[a.username] = a.id;
    expect(accounts['satgas.sekda']).toBe(extra.id);
    const [bupati] = await rows<{ id: string }>(t, `select id from user_account where username = 'bupati' and tenant_id = '${demo.tenantId}'`);
    accounts.bupati = bupati!.id;
  });
  afterAll(() => t.close());

  it('seeds the demo decree: SK Bupati with pengarah, ketua (Sekda), wakil, sekretaris (Kepala BKPSDM) and anggota, three of them acting through demo accounts', async () => {
    const res = await satgas.get('/api/satgas/decrees');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    decree = res.body.items[0];
    expect(decree).toMatchObject({ number: DEMO_SATGAS_NUMBER, signerTitle: 'Bupati Contoh', isActive: true, scopeUnitId: null });
    expect(decree.members.map((m) => m.position)).toEqual(['pengarah', 'ketua', 'wakil_ketua', 'sekretaris', 'anggota', 'anggota', 'anggota', 'anggota']);
    const ketua = decree.members[1]!;
    expect(ketua.title).toBe('Sekretaris Daerah Kabupaten Contoh');
    expect(ketua.employeeId).not.toBeNull();
    expect(ketua.employeeIdNumber).toMatch(/^\d{18}$/);
    expect(decree.members.filter((m) => m.username).map((m) => [m.position, m.username])).toEqual([['sekretaris', 'admin.bkpsdm'], ['anggota', 'inspektorat'], ['anggota', 'satgas']]);
    const active = await satgas.get('/api/satgas/active?on=2026-11-24');
    expect(active.body).toMatchObject({ on: '2026-11-24', decree: { id: decree.id } });
    expect((await satgas.get('/api/satgas/active?on=2025-12-31')).body.decree).toBeNull();
  });

  it('tells the case core who handles cases and who chairs (ketua, else wakil ketua)', async () => {
    const day = '2026-11-24';
    expect((await activeSatgas(t.deps.db, demo.tenantId, day))!.decree.number).toBe(DEMO_SATGAS_NUMBER);
    expect(await activeSatgas(t.deps.db, demo.tenantId, '2030-01-01')).toBeNull();
    expect(new Set(await satgasHandlerUserIds(t.deps.db, demo.tenantId, day))).toEqual(new Set([accounts['admin.bkpsdm'], accounts.inspektorat, accounts.satgas]));
    expect(await satgasChairUserIds(t.deps.db, demo.tenantId, day)).toEqual([]);

    const withWakil = bodyOf(decree);
    withWakil.members[2]!.userId = accounts['satgas.sekda']!;
    expect((await put(admin, `/api/satgas/decrees/${decree.id}`, withWakil)).status).toBe(200);
    expect(await satgasChairUserIds(t.deps.db, demo.tenantId, day)).toEqual([accounts['satgas.sekda']]);

    const withKetua = bodyOf(decree);
    withKetua.members[1]!.userId = accounts['satgas.sekda']!;
    const saved = await put(admin, `/api/satgas/decrees/${decree.id}`, withKetua);
    expect(saved.status).toBe(200);
    expect(saved.body.members.map((m: Member) => m.id)).toEqual(decree.members.map((m) => m.id)); // ids kept
    expect(await satgasChairUserIds(t.deps.db, demo.tenantId, day)).toEqual([accounts['satgas.sekda']]);
    expect(await satgasHandlerUserIds(t.deps.db, demo.tenantId, day)).toHaveLength(4);
    decree = saved.body;

    // A deactivated account no longer handles cases.
    await t.deps.db.execute(`update user_account set is_active = false where id = '${accounts['satgas.sekda']}'` as never);
    expect(await satgasChairUserIds(t.deps.db, demo.tenantId, day)).toEqual([]);
    expect(await satgasHandlerUserIds(t.deps.db, demo.tenantId, day)).toHaveLength(3);
    await t.deps.db.execute(`update user_account set is_active = true where id = '${accounts['satgas.sekda']}'` as never);
  });

  it('audits every change with before and after', async () => {
    const [event] = await rows<{ action: string; actor_label: string; before: Decree; after: Decree }>(
      t,
      `select action, actor_label, before, after from audit_event where entity_id = '${decree.id}' and action = 'satgas.decree.update' order by id desc limit 1`,
    );
    expect(event).toMatchObject({ action: 'satgas.decree.update', actor_label: 'admin.bkpsdm' });
    expect(event!.before.members[1]!.userId).toBeNull();
    expect(event!.after.members[1]!.userId).toBe(accounts['satgas.sekda']);
  });

  it('removes and adds members; a new member gets a new id', async () => {
    const body = bodyOf(decree);
    body.members = body.members.filter((m) => m.position !== 'wakil_ketua');
    body.members.push({ id: undefined, position: 'anggota', name: 'Budi Santoso, S.H.', title: 'Kepala Bagian Organisasi', employeeId: null, userId: null });
    const res = await put(admin, `/api/satgas/decrees/${decree.id}`, body);
    expect(res.status).toBe(200);
    expect(res.body.members).toHaveLength(8);
    expect(res.body.members.some((m: Member) => m.position === 'wakil_ketua')).toBe(false);
    expect(res.body.members.at(-1)).toMatchObject({ name: 'Budi Santoso, S.H.', id: expect.any(String) });
    expect(decree.members.map((m) => m.id)).not.toContain(res.body.members.at(-1).id);
    decree = res.body;
  });

  it('allows one active Satgas per scope at a time; an OPD Satgas or an inactive decree may overlap', async () => {
    const next = { ...bodyOf(decree), number: '800.1.6.4/200/2027', signedOn: '2027-06-01', periodStart: '2027-06-01', periodEnd: '2028-12-31', members: [{ position: 'ketua', name: 'Sekda Baru', title: 'Sekretaris Daerah' }] };
    const overlap = await admin.post('/api/satgas/decrees', next);
    expect(overlap.status).toBe(409);
    expect(overlap.body.error).toMatchObject({ code: 'SATGAS_OVERLAP', details: { number: DEMO_SATGAS_NUMBER } });
    const inactive = await admin.post('/api/satgas/decrees', { ...next, isActive: false });
    expect(inactive.status).toBe(201);
    const units = (await admin.get('/api/units')).body.items as { id: string; name: string }[];
    const dinkes = units.find((u) => u.name === 'Dinas Kesehatan')!;
    const opd = await admin.post('/api/satgas/decrees', { ...next, number: '800.1.6.4/15/DINKES/2027', signerTitle: 'Kepala Dinas Kesehatan', scopeUnitId: dinkes.id });
    expect(opd.status).toBe(201);
    expect(opd.body).toMatchObject({ scopeUnitId: dinkes.id, scopeUnitName: 'Dinas Kesehatan' });
    // The OPD Satgas does not replace the Pemda-wide one.
    expect((await activeSatgas(t.deps.db, demo.tenantId, '2027-07-01'))!.decree.number).toBe(DEMO_SATGAS_NUMBER);
    const dup = await admin.post('/api/satgas/decrees', { ...next, isActive: false });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.number).toMatch(/nomor ini/);
  });

  it('refuses links that do not hold, with the field named', async () => {
    const base = { number: '800/1/2029', signedOn: '2029-01-02', signerTitle: 'Bupati Contoh', periodStart: '2029-01-02', periodEnd: '2029-12-31' };
    const ppk = await admin.post('/api/satgas/decrees', { ...base, members: [{ position: 'ketua', name: 'Bupati', title: 'Bupati', userId: accounts.bupati }] });
    expect(ppk.status).toBe(400);
    expect(ppk.body.error.details['members.0.userId']).toMatch(/satgas, admin atau inspektorat/);
    const ghost = await admin.post('/api/satgas/decrees', { ...base, scopeUnitId: '00000000-0000-4000-8000-000000000000', members: [{ position: 'anggota', name: 'Siapa', title: 'Anggota', employeeId: '00000000-0000-4000-8000-000000000001' }] });
    expect(ghost.status).toBe(400);
    expect(ghost.body.error.details).toMatchObject({ scopeUnitId: 'Unit tidak ditemukan.', 'members.0.employeeId': 'Pegawai tidak ditemukan.' });
    const shape = await admin.post('/api/satgas/decrees', {
      ...base,
      periodEnd: '2028-12-31',
      members: [
        { position: 'ketua', name: 'A A', title: 'Ketua', userId: accounts.satgas },
        { position: 'ketua', name: 'B B', title: 'Ketua', userId: accounts.satgas },
      ],
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['/periodEnd', '/members/1/position', '/members/1/userId']));
  });

  it('lets only admins change the Satgas; others are refused with the error shape', async () => {
    const body = bodyOf(decree);
    const bySatgas = await put(satgas, `/api/satgas/decrees/${decree.id}`, body);
    expect(bySatgas.status).toBe(403);
    expect(bySatgas.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(bySatgas.body.error).toHaveProperty('details');
    expect((await satgas.post('/api/satgas/decrees', { ...body, number: 'X/1' })).status).toBe(403);
    expect((await satgas.get('/api/satgas/accounts')).status).toBe(403);
    const pegawai = new TestClient(t);
    await pegawai.loginEmployee(demo.employeeLogin.idNumber);
    const read = await pegawai.get('/api/satgas/decrees');
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('FORBIDDEN');
    const anonymous = await new TestClient(t).get('/api/satgas/decrees');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
  });
});
