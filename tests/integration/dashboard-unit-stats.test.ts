import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/lib/context.js';
import { computeTree, resolveCampaignScope } from '../../src/server/modules/compliance/compliance.service.js';
import { UNIT_STATS_REFRESH_JOB } from '../../src/server/modules/unit-stats/unit-stats.jobs.js';
import { LIVE_REFRESH_MAX_TARGETED } from '../../src/server/modules/unit-stats/unit-stats.service.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { createOpenCampaign } from '../support/pledge-fixtures.js';
import { bulkSign, createUnit, insertEmployees, query, rootUnitId, signViaApi, type TestEmployee } from '../support/compliance-fixtures.js';

/**
 * The pre-aggregated per-unit counts (modules/unit-stats) against hand-computed numbers after every
 * kind of write that moves them, and the freshness the dashboards show.
 *
 *   A  Dinas Uji Ringkasan   3 pns
 *   ├ B Bidang Ringkasan     4 pns + 2 pppk
 *   └ C Seksi Ringkasan      5 pns
 * The campaign targets A's subtree (every category): 14 employees.
 */
describe(`per-unit dashboard counts on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let tenantId: string;
  let campaign: Awaited<ReturnType<typeof createOpenCampaign>>;
  const u: Record<string, string> = {};
  const staff: Record<string, TestEmployee[]> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await seedTenant(t, 'kab-ringkasan', 'Kabupaten Ringkasan', 20)).tenantId;
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    const root = await rootUnitId(admin);
    u.A = await createUnit(admin, root, 'Dinas Uji Ringkasan', 'dinas');
    u.B = await createUnit(admin, u.A, 'Bidang Ringkasan', 'bagian');
    u.C = await createUnit(admin, u.A, 'Seksi Ringkasan', 'lainnya');
    staff.A = await insertEmployees(t, tenantId, u.A, 3);
    staff.B = await insertEmployees(t, tenantId, u.B, 4);
    staff.C = await insertEmployees(t, tenantId, u.C, 5);
    staff.Bpppk = await insertEmployees(t, tenantId, u.B, 2);
    await t.deps.db.execute(sql`update employee set category = 'pppk' where tenant_id = ${tenantId} and id in (${sql.join(staff.Bpppk.map((e) => sql`${e.id}::uuid`), sql`, `)})`);
    campaign = await createOpenCampaign(admin, { targetUnitIds: [u.A] });
  });
  afterAll(() => t.close());

  /** Direct and subtree figures per unit, through the API as the dashboard reads them. */
  async function figures() {
    const res = await admin.get(`/api/campaigns/${campaign.id}/compliance?unitId=${u.A}`);
    expect(res.status).toBe(200);
    const units = res.body.units as { id: string; targetDirect: number; signedDirect: number; targetSubtree: number; signedSubtree: number }[];
    const of = (id: string) => units.find((x) => x.id === id)!;
    return {
      computedAt: new Date(res.body.computedAt as string),
      A: [of(u.A!).targetSubtree, of(u.A!).signedSubtree],
      B: [of(u.B!).targetDirect, of(u.B!).signedDirect],
      C: [of(u.C!).targetDirect, of(u.C!).signedDirect],
    };
  }

  it('starts at the targets, computed just now', async () => {
    const before = Date.now();
    const f = await figures();
    expect(f).toMatchObject({ A: [14, 0], B: [6, 0], C: [5, 0] });
    expect(f.computedAt.getTime()).toBeGreaterThan(before - 60_000);
    expect(f.computedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('follows signatures through the API and in bulk, and a revocation', async () => {
    const viaApi = await signViaApi(new TestClient(t), staff.A![0]!, campaign);
    await bulkSign(t, tenantId, campaign, [...staff.B!.slice(0, 2), staff.Bpppk![0]!, ...staff.C!.slice(0, 2)]);
    expect(await figures()).toMatchObject({ A: [14, 6], B: [6, 3], C: [5, 2] });
    expect((await admin.post(`/api/pledges/signatures/${viaApi.id}/revoke`, { reason: 'Ditandatangani oleh orang lain' })).status).toBe(200);
    expect(await figures()).toMatchObject({ A: [14, 5], B: [6, 3], C: [5, 2] });
  });

  it('follows an employee moved to another unit and one deactivated', async () => {
    // C's first (signed) employee moves to B; B's last (unsigned) pns leaves.
    expect((await admin.patch(`/api/employees/${staff.C![0]!.id}`, { unitId: u.B })).status).toBe(200);
    expect(await figures()).toMatchObject({ A: [14, 5], B: [7, 4], C: [4, 1] });
    expect((await admin.patch(`/api/employees/${staff.B![3]!.id}`, { isActive: false })).status).toBe(200);
    expect(await figures()).toMatchObject({ A: [13, 5], B: [6, 4], C: [4, 1] });
  });

  it('follows a change of the campaign target (categories, then units) and a unit moved out of the target', async () => {
    const pnsOnly = await admin.patch(`/api/campaigns/${campaign.id}`, { targetCategories: ['pns'] });
    expect(pnsOnly.status).toBe(200);
    // B loses its 2 pppk (one signed).
    expect(await figures()).toMatchObject({ A: [11, 4], B: [4, 3], C: [4, 1] });
    // C moves under the root: it leaves A's subtree, hence the target.
    expect((await admin.patch(`/api/units/${u.C}`, { parentId: await rootUnitId(admin) })).status).toBe(200);
    const res = await admin.get(`/api/campaigns/${campaign.id}/compliance?unitId=${u.A}`);
    const top = res.body.units.find((x: { id: string }) => x.id === u.A);
    expect([top.targetSubtree, top.signedSubtree]).toEqual([7, 3]);
    const whole = await admin.get(`/api/campaigns/${campaign.id}/compliance`);
    expect(whole.body.units.find((x: { id: string }) => x.id === u.C)).toMatchObject({ targetDirect: 0, signedDirect: 0 });
    expect((await admin.patch(`/api/units/${u.C}`, { parentId: u.A })).status).toBe(200);
    expect(await figures()).toMatchObject({ A: [11, 4], B: [4, 3], C: [4, 1] });
  });

  it('shows the same totals and their time on the case dashboard', async () => {
    const res = await admin.get('/api/insights/cases');
    expect(res.status).toBe(200);
    const c = res.body.compliance.find((x: { campaignId: string }) => x.campaignId === campaign.id);
    expect(c).toMatchObject({ target: 11, signed: 4 });
    expect(Date.parse(c.computedAt)).not.toBeNaN();
  });

  it('serves a large Pemda its counts as of the last refresh, says when, and catches up with the job', async () => {
    // A second unit with more employees than a reader refreshes inline, and a campaign for everyone.
    const big = await createUnit(admin, await rootUnitId(admin), 'Dinas Besar Ringkasan', 'dinas');
    const n = LIVE_REFRESH_MAX_TARGETED + 50;
    await t.deps.db.execute(sql`insert into employee (tenant_id, id, id_type, id_number, name, category, unit_id, is_active)
      select ${tenantId}, gen_random_uuid(), 'internal', 'BESAR' || lpad(g::text, 6, '0'), 'Pegawai Besar ' || g, 'pns', ${big}, true from generate_series(1, ${n}) g`);
    const wide = await createOpenCampaign(admin, { name: 'Ikrar Seluruh Pegawai' });
    const treeOf = async () => {
      const res = await admin.get(`/api/campaigns/${wide.id}/compliance?unitId=${big}`);
      expect(res.status).toBe(200);
      return { computedAt: res.body.computedAt as string, signed: res.body.units[0].signedSubtree as number, target: res.body.units[0].targetSubtree as number };
    };
    const first = await treeOf();
    expect(first).toMatchObject({ target: n, signed: 0 });

    const signers = (await query<{ id: string; id_number: string; name: string }>(t, sql`select id, id_number, name from employee where tenant_id = ${tenantId} and unit_id = ${big} order by id_number limit 7`)).map((r) => ({ id: r.id, idNumber: r.id_number, name: r.name }));
    await bulkSign(t, tenantId, wide, signers.slice(0, 5));
    await new Promise((r) => setTimeout(r, 20));
    // Not refreshed inline: the same figures, with the same time.
    expect(await treeOf()).toEqual(first);
    // The minute job catches up.
    await t.deps.jobs.enqueue(UNIT_STATS_REFRESH_JOB, {});
    const after = await treeOf();
    expect(after.signed).toBe(5);
    expect(Date.parse(after.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
    // Official figures (exports, recaps) are recomputed first.
    await bulkSign(t, tenantId, wide, signers.slice(5, 7));
    expect((await treeOf()).signed).toBe(5);
    const scope = await resolveCampaignScope(t.deps.db, systemContext(tenantId), 'compliance.read', wide.id, big);
    const exact = await computeTree(t.deps.db, scope, new Date(), { exact: true });
    expect(exact.units[0]!.signedSubtree).toBe(7);
    expect((await treeOf()).signed).toBe(7);
    expect(await query(t, sql`select * from unit_stats_change where tenant_id = ${tenantId}`)).toEqual([]);
  });

  // Every category: A 3 + B 6 (4 pns − 1 inactive + 1 moved in, 2 pppk) + C 4 = 13.
  it('keeps the sosialisasi rates per unit from the same kind of rows, exact for a small scope', async () => {
    const published = await admin.post('/api/sosialisasi/announcements', { title: 'SE Bupati Netralitas ASN (ringkasan)', body: 'ASN wajib netral.', targetUnitIds: [u.A], hasQuiz: false, notifyByEmail: false });
    expect(published.status).toBe(201);
    const id = published.body.id as string;
    expect(published.body).toMatchObject({ target: 13, read: 0, acknowledged: 0 });
    const receipts = [staff.A![1]!, staff.B![0]!, staff.C![3]!];
    await t.deps.db.execute(sql`insert into announcement_receipt (tenant_id, announcement_id, employee_id, acknowledged_at)
      select ${tenantId}, ${id}, e, case when e = ${staff.B![0]!.id}::uuid then now() end from unnest(array[${sql.join(receipts.map((e) => sql`${e.id}::uuid`), sql`, `)}]) e`);
    const res = await admin.get(`/api/sosialisasi/announcements/${id}/units`);
    expect(res.status).toBe(200);
    expect(res.body.announcement).toMatchObject({ target: 13, read: 3, acknowledged: 1 });
    expect(Date.parse(res.body.announcement.computedAt)).not.toBeNaN();
    const row = (unitId: string) => res.body.units.find((x: { id: string }) => x.id === unitId);
    expect(row(u.A!)).toMatchObject({ target: 13, read: 3, acknowledged: 1 });
    expect(row(u.B!)).toMatchObject({ target: 6, read: 1, acknowledged: 1 });
    expect(row(u.C!)).toMatchObject({ target: 4, read: 1, acknowledged: 0 });
    // An employee leaving is reflected too.
    expect((await admin.patch(`/api/employees/${staff.C![3]!.id}`, { isActive: false })).status).toBe(200);
    const again = await admin.get(`/api/sosialisasi/announcements/${id}/units`);
    expect(again.body.units.find((x: { id: string }) => x.id === u.C)).toMatchObject({ target: 3, read: 0 });
  });

  it('notes each writing transaction once per scope, without touching the writers otherwise', async () => {
    await t.deps.db.execute(sql`delete from unit_stats_change where tenant_id = ${tenantId}`);
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update employee set name = name where tenant_id = ${tenantId} and unit_id = ${u.A}`);
      await tx.execute(sql`update employee set name = name where tenant_id = ${tenantId} and unit_id = ${u.B}`);
    });
    const rows = await query<{ scope: string }>(t, sql`select scope from unit_stats_change where tenant_id = ${tenantId}`);
    expect(rows).toEqual([{ scope: '*' }]);
  });
});
