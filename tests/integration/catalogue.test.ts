/**
 * The violation catalogue: the built-in SKB 2022 version, publishing a new version, and THE date rule
 * (the same "like" the day before penetapan calon is KE-4 with a moral sanction; on the day, D-6 berat).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/lib/context.js';
import { ensureCatalogue, ensureCataloguesForAllTenants, proposeItem } from '../../src/server/modules/catalogue/catalogue.service.js';
import { insertTenant } from '../../src/server/modules/tenants/tenants.repository.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

interface Item { code: string; list: string; tier: string; stage: string; tierSource: string; legalBasis: string; actKinds: string[]; act: string; examples: string | null; ordinal: number }

const rows = async <T>(t: TestApp, text: string) => ((await t.deps.db.execute(text as never)) as unknown as { rows: T[] }).rows;

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(body).toHaveProperty('error.details');
}

describe(`violation catalogue on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let admin: TestClient;
  let satgas: TestClient;
  let pegawai: TestClient;
  let contestId: string;

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    satgas = new TestClient(t);
    await satgas.login('satgas');
    pegawai = new TestClient(t);
    await pegawai.loginEmployee(demo.employeeLogin.idNumber);
    const event = await admin.post('/api/elections', {
      kind: 'pilkada',
      name: 'Pilkada Contoh 2026',
      stages: [{ kind: 'penetapan_calon', startsOn: '2026-09-22', endsOn: null }],
      contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati Contoh', penetapanCalonOn: '2026-09-22' }],
    });
    expect(event.status).toBe(201);
    contestId = event.body.contests[0].id;
  });
  afterAll(() => t.close());

  it('gives every tenant the SKB 2022 catalogue: 7 kode etik, 13 disiplin and 7 PP 94 items with their tiers and sources', async () => {
    const res = await satgas.get('/api/catalogue');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, title: 'SKB 2022', isCurrent: true, itemCount: 27, publishedByName: null });
    const items: Item[] = res.body.items;
    const byCode = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(items.filter((i) => i.list === 'kode_etik').map((i) => i.code)).toEqual(['KE-1', 'KE-2', 'KE-3', 'KE-4', 'KE-5', 'KE-6', 'KE-7']);
    expect(items.filter((i) => i.list === 'disiplin')).toHaveLength(13);
    expect(items.filter((i) => i.list === 'pp94').map((i) => i.code)).toEqual(['PP94-n.1', 'PP94-n.2', 'PP94-n.3', 'PP94-n.4', 'PP94-n.5', 'PP94-n.6', 'PP94-n.7']);
    expect(items.filter((i) => i.list === 'kode_etik').every((i) => i.tier === 'moral' && i.stage === 'bakal_calon')).toBe(true);
    expect(byCode['D-5']).toMatchObject({ tier: 'ptdh', stage: 'any' });
    expect(byCode['D-3']!.tier).toBe('sedang');
    expect(byCode['D-8']).toMatchObject({ tier: 'sedang', stage: 'any' });
    expect(byCode['D-8']!.tierSource).toMatch(/Pasal 14 huruf i/);
    expect(byCode['D-4']).toMatchObject({ tier: 'berat' });
    expect(byCode['D-4']!.tierSource).toMatch(/sedang/);
    expect(byCode['D-9']!.stage).toBe('bakal_calon');
    expect(byCode['D-12']).toMatchObject({ stage: 'any', tier: 'berat', actKinds: ['keputusan_menguntungkan'] });
    expect(byCode['PP94-n.1']!.tier).toBe('sedang');
    expect(byCode['PP94-n.7']).toMatchObject({ tier: 'berat', actKinds: ['dukungan_ktp'] });
    expect(byCode['PP94-n.5']!.legalBasis).toBe('PP 94/2021 Pasal 5 huruf n angka 5, Pasal 14 huruf i');
    expect(byCode['KE-4']!.legalBasis).toMatch(/PP 42\/2004/);
    expect(items.every((i) => i.tierSource.length > 3 && i.legalBasis.length > 3)).toBe(true);
  });

  it('THE date rule: the same "like" the day before penetapan calon is KE-4 (moral), on the day D-6 (berat)', async () => {
    const before = await satgas.get(`/api/catalogue/propose?actKind=kampanye_media_sosial&actDate=2026-09-21&contestId=${contestId}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ list: 'kode_etik', itemCode: 'KE-4', tier: 'moral', phase: 'bakal_calon', penetapanCalonOn: '2026-09-22', catalogueVersion: 1 });
    expect(before.body.reason).toMatch(/^Tanggal perbuatan 2026-09-21 sebelum penetapan calon Pemilihan Bupati Contoh \(2026-09-22\): daftar kode etik\./);
    expect(before.body.alternatives.map((a: { code: string }) => a.code)).toEqual(['KE-2']);

    const onTheDay = await satgas.get(`/api/catalogue/propose?actKind=kampanye_media_sosial&actDate=2026-09-22&contestId=${contestId}`);
    expect(onTheDay.body).toMatchObject({ list: 'disiplin', itemCode: 'D-6', tier: 'berat', phase: 'calon' });
    expect(onTheDay.body.reason).toMatch(/pada atau sesudah penetapan calon .*: daftar disiplin\. Usulan: D-6/);
    expect(onTheDay.body.alternatives.map((a: { code: string }) => a.code)).toEqual(['D-2']);
  });

  it('proposes items for any stage regardless of the date, and the PP 94 item where no SKB item fits', async () => {
    const q = (actKind: string, actDate?: string) => satgas.get(`/api/catalogue/propose?actKind=${actKind}${actDate ? `&actDate=${actDate}&contestId=${contestId}` : ''}`);
    expect((await q('keputusan_menguntungkan', '2026-09-01')).body).toMatchObject({ itemCode: 'D-12', tier: 'berat', phase: 'bakal_calon' });
    expect((await q('keputusan_menguntungkan', '2026-10-01')).body).toMatchObject({ itemCode: 'D-12', tier: 'berat', phase: 'calon' });
    const facility = (await q('penggunaan_fasilitas', '2026-09-01')).body;
    expect(facility).toMatchObject({ list: 'pp94', itemCode: 'PP94-n.4', tier: 'berat' });
    expect(facility.reason).toMatch(/Tidak ada item kode etik/);
    const rally = (await q('ikut_kampanye', '2026-10-01')).body;
    expect(rally).toMatchObject({ itemCode: 'D-4', tier: 'berat' });
    expect(rally.alternatives.map((a: { code: string }) => a.code)).toEqual(['PP94-n.1']);
    expect((await q('ikut_kampanye', '2026-09-01')).body.itemCode).toBe('KE-6');
    expect((await q('mobilisasi_asn', '2026-10-01')).body).toMatchObject({ itemCode: 'D-8', tier: 'sedang' });
    expect((await q('mencalonkan_diri', '2026-01-10')).body).toMatchObject({ itemCode: 'D-3', tier: 'sedang' });
    const other = (await q('lainnya', '2026-10-01')).body;
    expect(other).toMatchObject({ itemCode: null, list: null, tier: null });
    expect(other.reason).toMatch(/pilih item secara manual/);
  });

  it('asks for the date and contest when they are missing, except for items of any stage', async () => {
    const like = await satgas.get('/api/catalogue/propose?actKind=kampanye_media_sosial');
    expect(like.body).toMatchObject({ itemCode: null, phase: null, penetapanCalonOn: null });
    expect(like.body.reason).toMatch(/Isi tanggal perbuatan dan kontestasi pemilihan/);
    const noContest = await satgas.get('/api/catalogue/propose?actKind=kampanye_media_sosial&actDate=2026-09-21');
    expect(noContest.body.reason).toMatch(/^Isi kontestasi pemilihan/);
    const anyStage = await satgas.get('/api/catalogue/propose?actKind=mobilisasi_asn');
    expect(anyStage.body).toMatchObject({ itemCode: 'D-8', phase: null });
    expect(anyStage.body.reason).toMatch(/berlaku pada tahap mana pun/);
    const unknownContest = await satgas.get('/api/catalogue/propose?actKind=mobilisasi_asn&actDate=2026-09-21&contestId=00000000-0000-4000-8000-000000000000');
    expect(unknownContest.status).toBe(400);
    expect(unknownContest.body.error.details.contestId).toMatch(/tidak ditemukan/);
  });

  it('publishes a new version that becomes current; the old one is kept and still answers for its cases', async () => {
    const current = (await admin.get('/api/catalogue')).body;
    const items = current.items.map(({ ordinal: _o, ...i }: Item) => (i.code === 'D-8' ? { ...i, tier: 'berat', tierSource: 'PP 94/2021 Pasal 14 huruf i (diputuskan Satgas 2026)' } : i));
    const res = await admin.post('/api/catalogue/versions', { title: 'SKB 2022 (penyesuaian PP 94)', note: 'D-8 mengikuti PP 94/2021 Pasal 14 huruf i', items });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, isCurrent: true, itemCount: 27, publishedByName: expect.any(String) });
    expect(res.body.items.find((i: Item) => i.code === 'D-8').tier).toBe('berat');

    const versions = (await satgas.get('/api/catalogue/versions')).body.items;
    expect(versions.map((v: { version: number; isCurrent: boolean }) => [v.version, v.isCurrent])).toEqual([[2, true], [1, false]]);
    const v1 = (await satgas.get(`/api/catalogue/versions/${current.id}`)).body;
    expect(v1.items.find((i: Item) => i.code === 'D-8').tier).toBe('sedang');

    expect((await proposeItem(t.deps.db, demo.tenantId, { actKind: 'mobilisasi_asn', catalogueId: current.id })).tier).toBe('sedang');
    expect((await proposeItem(t.deps.db, demo.tenantId, { actKind: 'mobilisasi_asn' })).tier).toBe('berat');

    const [audit] = await rows<{ actor_label: string; after: { version: number; items: unknown[] }; before: { version: number } }>(
      t,
      `select actor_label, after, before from audit_event where action = 'catalogue.publish' and entity_id = '${res.body.id}'`,
    );
    expect(audit).toMatchObject({ actor_label: 'admin.bkpsdm', after: { version: 2 }, before: { version: 1 } });
    expect(audit!.after.items).toHaveLength(27);
  });

  it('refuses a catalogue with duplicate codes or a tier that does not fit the list, naming the row and field', async () => {
    const item = { code: 'KE-1', list: 'kode_etik', act: 'Memasang spanduk bakal calon.', examples: null, stage: 'bakal_calon', tier: 'moral', tierSource: 'SKB 2022', legalBasis: 'PP 42/2004 Pasal 15', actKinds: [] };
    const res = await admin.post('/api/catalogue/versions', {
      title: 'Versi salah',
      items: [item, { ...item }, { ...item, code: 'KE-2', tier: 'berat' }, { ...item, code: 'D-1', list: 'disiplin', tier: 'moral' }, { ...item, code: 'X 1', tier: 'sangat_berat', actKinds: ['terbang'] }],
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/items/1/code', '/items/2/tier', '/items/3/tier', '/items/4/code', '/items/4/tier', '/items/4/actKinds/0']));
    expect((await admin.get('/api/catalogue/versions')).body.items).toHaveLength(2);
  });

  it('lets only admins publish; staff without the permission and employees are refused with the error shape', async () => {
    const body = { title: 'Versi satgas', items: [{ code: 'KE-1', list: 'kode_etik', act: 'Memasang spanduk bakal calon.', stage: 'bakal_calon', tier: 'moral', tierSource: 'SKB', legalBasis: 'PP 42/2004' }] };
    const bySatgas = await satgas.post('/api/catalogue/versions', body);
    expect(bySatgas.status).toBe(403);
    expectErrorShape(bySatgas.body, 'FORBIDDEN');
    const byPegawai = await pegawai.post('/api/catalogue/versions', body);
    expect(byPegawai.status).toBe(403);
    expectErrorShape(byPegawai.body, 'FORBIDDEN');
    const read = await pegawai.get('/api/catalogue');
    expect(read.status).toBe(403);
    expectErrorShape(read.body, 'FORBIDDEN');
    const anonymous = await new TestClient(t).get('/api/catalogue');
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body, 'UNAUTHENTICATED');
  });

  it('gives the built-in catalogue to a newly registered tenant and, at start-up, to tenants that have none', async () => {
    const superadmin = new TestClient(t);
    await superadmin.login('superadmin');
    const created = await superadmin.post('/api/tenants', {
      slug: 'kota-baru', name: 'Pemerintah Kota Baru', kind: 'kota', wilayahCode: '33.74', timezone: 'Asia/Jakarta',
      admin: { username: 'admin.kota', displayName: 'Admin Kota Baru', password: 'Kata-sandi-panjang-1' },
    });
    expect(created.status).toBe(201);
    const [fresh] = await rows<{ version: number; is_current: boolean }>(t, `select version, is_current from violation_catalogue where tenant_id = '${created.body.id}'`);
    expect(fresh).toMatchObject({ version: 1, is_current: true });

    const legacy = await t.deps.db.transaction((tx) => insertTenant(tx, { slug: 'kab-lama', name: 'Pemerintah Kabupaten Lama', kind: 'kabupaten', wilayahCode: '33.01', timezone: 'Asia/Jakarta' }));
    expect(await ensureCataloguesForAllTenants(t.deps.db)).toBe(1);
    expect(await ensureCataloguesForAllTenants(t.deps.db)).toBe(0);
    expect(await t.deps.db.transaction((tx) => ensureCatalogue(tx, legacy.id, systemContext(legacy.id)))).toBe(false);
    const [{ n }] = (await rows<{ n: number }>(t, `select count(*)::int as n from violation_item where tenant_id = '${legacy.id}'`)) as [{ n: number }];
    expect(n).toBe(27);
  });
});
