import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceUnitView } from '../../src/shared/contracts/compliance.contract.js';
import { systemContext } from '../../src/server/lib/context.js';
import { getComplianceTree } from '../../src/server/modules/compliance/compliance.service.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { createOpenCampaign, isoDay } from '../support/pledge-fixtures.js';
import { bulkSign, createUnit, insertApelReport, insertEmployees, rootUnitId, signViaApi, wib, type TestEmployee } from '../support/compliance-fixtures.js';

/**
 * A five-level subtree with known numbers (direct target / direct signed):
 *   A  Dinas Uji            4 / 2 (both signed through the API)      apel: accepted
 *   ├ B1 Bidang Uji          3 / 3                                    apel: submitted
 *   │ ├ C1 Seksi Satu        2 / 0
 *   │ │ └ D1 Subseksi        7 / 3
 *   │ │   └ E1 Regu         10 / 9   (+1 inactive employee, not targeted)
 *   │ └ C2 Seksi Dua         6 / 6
 *   └ B2 UPTD Uji            5 / 1   (+1 signed then revoked via the API) apel: returned
 */
describe(`compliance tree roll-ups on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let tenantId: string;
  let campaign: Awaited<ReturnType<typeof createOpenCampaign>>;
  const u: Record<string, string> = {};
  const staff: Record<string, TestEmployee[]> = {};
  const apelDeadline = isoDay(3);
  const signDeadline = isoDay(7);

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 80)).tenantId;
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    u.A = await createUnit(admin, await rootUnitId(admin), 'Dinas Uji Kepatuhan', 'dinas');
    u.B1 = await createUnit(admin, u.A, 'Bidang Uji', 'bagian');
    u.B2 = await createUnit(admin, u.A, 'UPTD Uji', 'uptd');
    u.C1 = await createUnit(admin, u.B1, 'Seksi Uji Satu', 'lainnya');
    u.C2 = await createUnit(admin, u.B1, 'Seksi Uji Dua', 'lainnya');
    u.D1 = await createUnit(admin, u.C1, 'Subseksi Uji', 'lainnya');
    u.E1 = await createUnit(admin, u.D1, 'Regu Uji', 'lainnya');
    const sizes = { A: 4, B1: 3, B2: 5, C1: 2, C2: 6, D1: 7, E1: 10 } as const;
    for (const [k, n] of Object.entries(sizes)) staff[k] = await insertEmployees(t, tenantId, u[k]!, n);
    await insertEmployees(t, tenantId, u.E1, 1, { active: false });

    campaign = await createOpenCampaign(admin, { targetUnitIds: [u.A], apelUnitTypes: ['dinas', 'bagian', 'uptd'], apelReportDeadline: apelDeadline, signDeadline });
    expect(campaign.targetCount).toBe(37);
    // A handful through the real endpoint (and one revocation), the bulk with SQL.
    for (const e of staff.A!.slice(0, 2)) await signViaApi(new TestClient(t), e, campaign);
    const revoked = await signViaApi(new TestClient(t), staff.B2![4]!, campaign);
    expect((await admin.post(`/api/pledges/signatures/${revoked.id}/revoke`, { reason: 'Ditandatangani oleh orang lain' })).status).toBe(200);
    await bulkSign(t, tenantId, campaign, [...staff.B1!, ...staff.B2!.slice(0, 1), ...staff.C2!, ...staff.D1!.slice(0, 3), ...staff.E1!.slice(0, 9)]);
    await insertApelReport(t, tenantId, campaign.id, u.A, 'accepted', '800/001/BA/2026');
    await insertApelReport(t, tenantId, campaign.id, u.B1, 'submitted', '800/002/BA/2026');
    await insertApelReport(t, tenantId, campaign.id, u.B2, 'returned');
  });
  afterAll(() => t.close());

  const byName = <T extends { id: string }>(units: T[]): Record<string, T | undefined> => Object.fromEntries(Object.entries(u).map(([k, id]) => [k, units.find((x) => x.id === id)]));
  const treeAt = async (now: Date, query: { unitId?: string; onlyOverdue?: boolean } = { unitId: u.A }) => (await getComplianceTree(t.deps, systemContext(tenantId), campaign.id, query, now)).units;

  it('rolls up targets, signatures and apel counts exactly at every level of a 5-level tree', async () => {
    const res = await admin.get(`/api/campaigns/${campaign.id}/compliance?unitId=${u.A}`);
    expect(res.status).toBe(200);
    const n = byName<ComplianceUnitView>(res.body.units);
    const figures = (k: string) => {
      const x = n[k]!;
      return [x.depth, x.targetDirect, x.signedDirect, x.targetSubtree, x.signedSubtree, x.signedPct];
    };
    expect(figures('A')).toEqual([0, 4, 2, 37, 24, 64.9]);
    expect(figures('B1')).toEqual([1, 3, 3, 28, 21, 75]);
    expect(figures('B2')).toEqual([1, 5, 1, 5, 1, 20]);
    expect(figures('C1')).toEqual([2, 2, 0, 19, 12, 63.2]);
    expect(figures('C2')).toEqual([2, 6, 6, 6, 6, 100]);
    expect(figures('D1')).toEqual([3, 7, 3, 17, 12, 70.6]);
    expect(figures('E1')).toEqual([4, 10, 9, 10, 9, 90]);
    expect(n.A!.rollup).toEqual({ apelRequired: 3, apelReported: 2, apelAccepted: 1, overdue: 0 });
    expect(n.B1!.rollup).toEqual({ apelRequired: 1, apelReported: 1, apelAccepted: 0, overdue: 0 });
    expect(n.B2!.rollup).toEqual({ apelRequired: 1, apelReported: 0, apelAccepted: 0, overdue: 0 });
    expect(n.C1!.rollup.apelRequired).toBe(0);
    expect([n.A!.apelStatus, n.B1!.apelStatus, n.B2!.apelStatus, n.C1!.apelStatus]).toEqual(['accepted', 'submitted', 'returned', 'belum']);
    expect([n.A!.reportNumber, n.C1!.apelRequired]).toEqual(['800/001/BA/2026', false]);
    // Depth-first, siblings by name: parents always precede their children.
    expect(res.body.units.map((x: { name: string }) => x.name)).toEqual(['Dinas Uji Kepatuhan', 'Bidang Uji', 'Seksi Uji Dua', 'Seksi Uji Satu', 'Subseksi Uji', 'Regu Uji', 'UPTD Uji']);
  });

  it('matches the campaign totals at the top of the whole-tenant tree', async () => {
    const res = await admin.get(`/api/campaigns/${campaign.id}/compliance`);
    const root = res.body.units[0];
    expect([root.parentId, root.depth, root.targetSubtree, root.signedSubtree]).toEqual([null, 0, 37, 24]);
    expect(res.body.units.filter((x: { depth: number }) => x.depth === 0)).toHaveLength(1);
    expect((await admin.get(`/api/campaigns/${campaign.id}`)).body).toMatchObject({ targetCount: 37, signedCount: 24 });
  });

  it('flags apel reports overdue only after the deadline day ends in the tenant timezone (WIB)', async () => {
    // 23:30 WIB on the deadline day is still on time; 00:30 WIB the next day (17:30 UTC, same UTC date) is late.
    let n = byName(await treeAt(wib(apelDeadline, '23:30')));
    expect(Object.values(n).some((x) => x!.overdue)).toBe(false);
    n = byName(await treeAt(wib(isoDay(4), '00:30')));
    expect(wib(isoDay(4), '00:30').toISOString().slice(0, 10)).toBe(apelDeadline);
    expect([n.A!.apelOverdue, n.B1!.apelOverdue, n.B2!.apelOverdue]).toEqual([false, false, true]);
    expect(n.B2!.signingOverdue).toBe(false);
    expect(n.A!.rollup.overdue).toBe(1);
  });

  it('flags incomplete signing after the signing deadline and rolls the overdue counts up', async () => {
    expect(Object.values(byName(await treeAt(wib(signDeadline, '23:59')))).filter((x) => x!.signingOverdue)).toHaveLength(0);
    const n = byName(await treeAt(wib(isoDay(8), '00:01')));
    const late = Object.entries(n).filter(([, x]) => x!.overdue).map(([k]) => k).sort();
    expect(late).toEqual(['A', 'B2', 'C1', 'D1', 'E1']);
    expect([n.A!.signingOverdue, n.B1!.signingOverdue, n.C2!.signingOverdue]).toEqual([true, false, false]);
    expect([n.A!.rollup.overdue, n.B1!.rollup.overdue, n.C1!.rollup.overdue, n.D1!.rollup.overdue, n.C2!.rollup.overdue]).toEqual([5, 3, 3, 2, 0]);
  });

  it('filters to overdue units plus their ancestors', async () => {
    const names = async (now: Date) => (await treeAt(now, { unitId: u.A, onlyOverdue: true })).map((x) => x.name);
    expect(await names(wib(isoDay(4), '08:00'))).toEqual(['Dinas Uji Kepatuhan', 'UPTD Uji']);
    expect(await names(wib(isoDay(8), '08:00'))).toEqual(['Dinas Uji Kepatuhan', 'Bidang Uji', 'Seksi Uji Satu', 'Subseksi Uji', 'Regu Uji', 'UPTD Uji']);
    // Through HTTP, with the report deadline moved to yesterday.
    await t.deps.db.execute(sql`update pledge_campaign set apel_report_deadline = ${isoDay(-2)} where id = ${campaign.id}`);
    const res = await admin.get(`/api/campaigns/${campaign.id}/compliance?unitId=${u.A}&onlyOverdue=true`);
    expect(res.body.units.map((x: { name: string }) => x.name)).toEqual(['Dinas Uji Kepatuhan', 'UPTD Uji']);
    const wide = await admin.get(`/api/campaigns/${campaign.id}/compliance?onlyOverdue=true`);
    expect(wide.body.units[0].parentId).toBeNull(); // the root stays, so every laggard is reachable
    expect(wide.body.units.every((x: { overdue: boolean; rollup: { overdue: number } }) => x.overdue || x.rollup.overdue > 0)).toBe(true);
    await t.deps.db.execute(sql`update pledge_campaign set apel_report_deadline = ${apelDeadline} where id = ${campaign.id}`);
  });

  it('drills down to the unsigned employees of a subtree, paginated, revoked counted as unsigned', async () => {
    const page1 = await admin.get(`/api/campaigns/${campaign.id}/compliance/unsigned?unitId=${u.D1}&pageSize=3`);
    expect(page1.status).toBe(200);
    expect([page1.body.total, page1.body.items.length]).toEqual([5, 3]);
    const page2 = await admin.get(`/api/campaigns/${campaign.id}/compliance/unsigned?unitId=${u.D1}&pageSize=3&page=2`);
    const all = [...page1.body.items, ...page2.body.items];
    expect(new Set(all.map((x: { id: string }) => x.id)).size).toBe(5);
    expect(all.map((x: { id: string }) => x.id).sort()).toEqual([...staff.D1!.slice(3), ...staff.E1!.slice(9)].map((e) => e.id).sort());
    expect(all[0]).toMatchObject({ hasEmail: true, jabatanName: null });
    expect(all[0].idNumber).toMatch(/^UJI/);
    const b2 = await admin.get(`/api/campaigns/${campaign.id}/compliance/unsigned?unitId=${u.B2}`);
    expect(b2.body.total).toBe(4);
    expect(b2.body.items.map((x: { id: string }) => x.id)).toContain(staff.B2![4]!.id);
    expect((await admin.get(`/api/campaigns/${campaign.id}/compliance/unsigned`)).body.total).toBe(13);
  });

  it('limits pimpinan_unit to their subtree, lets satgas read, refuses pegawai', async () => {
    const pimpinan = new TestClient(t);
    await pimpinan.login('pimpinan.disdik');
    const own = await pimpinan.get(`/api/campaigns/${campaign.id}/compliance`);
    expect(own.status).toBe(200);
    expect(own.body.units[0].name).toBe('Dinas Pendidikan dan Kebudayaan');
    expect(own.body.units[0].depth).toBe(0);
    expect(own.body.units.some((x: { id: string }) => Object.values(u).includes(x.id))).toBe(false);
    expect((await pimpinan.get(`/api/campaigns/${campaign.id}/compliance?unitId=${u.A}`)).status).toBe(403);
    expect((await pimpinan.get(`/api/campaigns/${campaign.id}/compliance/unsigned?unitId=${u.A}`)).status).toBe(403);
    const child = own.body.units.find((x: { depth: number }) => x.depth === 1);
    expect((await pimpinan.get(`/api/campaigns/${campaign.id}/compliance?unitId=${child.id}`)).status).toBe(200);

    const satgas = new TestClient(t);
    await satgas.login('satgas');
    expect((await satgas.get(`/api/campaigns/${campaign.id}/compliance?unitId=${u.A}`)).status).toBe(200);

    const pegawai = new TestClient(t);
    await pegawai.loginEmployee(staff.C1![0]!.idNumber);
    expect((await pegawai.get(`/api/campaigns/${campaign.id}/compliance`)).status).toBe(403);
    expect((await pegawai.get(`/api/campaigns/${campaign.id}/compliance/unsigned`)).status).toBe(403);
    expect((await new TestClient(t).get(`/api/campaigns/${campaign.id}/compliance`)).status).toBe(401);
  });
});
