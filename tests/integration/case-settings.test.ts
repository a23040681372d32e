/**
 * Case-handling settings: step deadlines (a change needs a reason, audited before/after), letter and
 * PPK fields, the tenant's days off next to the national holidays, counters, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STEP_DAYS } from '../../src/shared/case-workflow.js';
import { nextCounter } from '../../src/server/modules/case-settings/counters.repository.js';
import { getCaseSettings, loadWorkingCalendar } from '../../src/server/modules/case-settings/case-settings.service.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

const rows = async <T>(t: TestApp, text: string) => ((await t.deps.db.execute(text as never)) as unknown as { rows: T[] }).rows;
const put = (c: TestClient, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });
const del = (c: TestClient, url: string) => c.request({ method: 'DELETE', url });

function expectRefusal(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(res.body.error).toHaveProperty('details');
}

describe(`case settings and working calendar on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  const c = {} as Record<'admin' | 'satgas' | 'ppk' | 'pimpinan' | 'pegawai' | 'anonim', TestClient>;

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t);
    for (const [key, username] of [['admin', 'admin.bkpsdm'], ['satgas', 'satgas'], ['ppk', 'bupati'], ['pimpinan', 'pimpinan.disdik']] as const) {
      c[key] = new TestClient(t);
      await c[key].login(username);
    }
    c.pegawai = new TestClient(t);
    await c.pegawai.loginEmployee(demo.employeeLogin.idNumber);
    c.anonim = new TestClient(t);
  });
  afterAll(() => t.close());

  it('starts from the defaults: step days from the domain notes, the PPK and place from the tenant', async () => {
    const res = await c.satgas.get('/api/case-settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      stepDays: DEFAULT_STEP_DAYS, defaultStepDays: DEFAULT_STEP_DAYS, escalationGapDays: 2, letterCode: '800.1.6.4',
      examinationTiers: ['sedang', 'berat', 'ptdh'], requiredExaminationTiers: ['sedang', 'berat', 'ptdh'],
      letterPlace: 'Contoh', ppkTitle: 'Bupati', ppkName: null, updatedAt: null, updatedByName: null,
    });
  });

  it('requires a reason to change a step deadline and audits before/after with it', async () => {
    const current = (await c.admin.get('/api/case-settings')).body;
    const body = { stepDays: { ...current.stepDays, verification: 10 }, escalationGapDays: 3, letterCode: '800.1.6.4', letterPlace: 'Contoh', ppkTitle: 'Bupati Contoh', ppkName: 'H. Darmawan Setiadi, S.H., M.Si.' };
    const noReason = await put(c.admin, '/api/case-settings', body);
    expectRefusal(noReason, 400, 'REASON_REQUIRED');
    expect(noReason.body.error.details).toMatchObject({ reason: expect.stringMatching(/alasan/), changedSteps: ['verification'] });
    expectRefusal(await put(c.admin, '/api/case-settings', { ...body, reason: '  ok ' }), 400, 'REASON_REQUIRED');
    expect((await c.admin.get('/api/case-settings')).body.stepDays.verification).toBe(7);

    const saved = await put(c.admin, '/api/case-settings', { ...body, reason: 'Verifikasi butuh konfirmasi ke Bawaslu (SE Sekda 2026).' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ stepDays: { verification: 10, clarification: 14 }, escalationGapDays: 3, ppkTitle: 'Bupati Contoh', updatedByName: 'admin BKPSDM' });
    expect(saved.body.updatedAt).not.toBeNull();

    const [audit] = await rows<{ actor_label: string; before: { stepDays: Record<string, number> }; after: { stepDays: Record<string, number>; reason: string; changedSteps: string[] } }>(
      t,
      `select actor_label, before, after from audit_event where action = 'case_settings.update' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ actor_label: 'admin.bkpsdm', before: { stepDays: { verification: 7 } }, after: { stepDays: { verification: 10 }, changedSteps: ['verification'], reason: 'Verifikasi butuh konfirmasi ke Bawaslu (SE Sekda 2026).' } });

    // Other fields change without a reason.
    const place = await put(c.admin, '/api/case-settings', { ...body, letterPlace: 'Kota Contoh', letterCode: '800.1.6.5' });
    expect(place.status).toBe(200);
    expect(place.body).toMatchObject({ letterPlace: 'Kota Contoh', letterCode: '800.1.6.5', stepDays: { verification: 10 } });

    const settings = await getCaseSettings(t.deps.db, demo.tenantId);
    expect(settings).toMatchObject({ stepDays: { ...DEFAULT_STEP_DAYS, verification: 10 }, escalationGapDays: 3, letterCode: '800.1.6.5', ppkName: 'H. Darmawan Setiadi, S.H., M.Si.' });
  });

  it('validates every field and names it', async () => {
    const res = await put(c.admin, '/api/case-settings', { stepDays: { verification: 0 }, escalationGapDays: 99, letterCode: '800 1', letterPlace: null, ppkTitle: 'B', ppkName: null });
    expectRefusal(res, 400, 'VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/stepDays/verification', '/stepDays/registered', '/escalationGapDays', '/letterCode', '/ppkTitle']));
  });

  it('lists a year of days off: national holidays read-only and the tenant cuti bersama removable', async () => {
    const res = await c.satgas.get('/api/case-settings/holidays?year=2026');
    expect(res.status).toBe(200);
    const byDay = (day: string) => res.body.items.filter((i: { day: string }) => i.day === day);
    expect(byDay('2026-03-21')).toEqual([{ day: '2026-03-21', name: 'Idul Fitri', kind: 'nasional', removable: false }]);
    expect(byDay('2026-03-20')).toEqual([{ day: '2026-03-20', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama', removable: true }]);
    expect(byDay('2026-08-17')[0]).toMatchObject({ kind: 'nasional', name: 'Hari Kemerdekaan Republik Indonesia' });
    expect(res.body.items.map((i: { day: string }) => i.day)).toEqual([...res.body.items.map((i: { day: string }) => i.day)].sort());
    expect((await c.satgas.get('/api/case-settings/holidays?year=1800')).status).toBe(400);
  });

  it('adds and removes a libur daerah, refusing weekends, national holidays and duplicates; the calendar follows', async () => {
    const before = await loadWorkingCalendar(t.deps.db, demo.tenantId);
    expect(before.addWorkingDays('2026-11-25', 1)).toBe('2026-11-26');
    const added = await c.admin.post('/api/case-settings/holidays', { day: '2026-11-26', name: 'Hari Jadi Kabupaten Contoh', kind: 'libur_daerah' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ day: '2026-11-26', name: 'Hari Jadi Kabupaten Contoh', kind: 'libur_daerah', removable: true });
    const after = await loadWorkingCalendar(t.deps.db, demo.tenantId);
    expect(after.addWorkingDays('2026-11-25', 1)).toBe('2026-11-27');
    expect(after.dayOffName('2026-11-26')).toBe('Hari Jadi Kabupaten Contoh');
    expect(after.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30'); // demo cuti bersama 24 Dec, Natal, weekend

    expectRefusal(await c.admin.post('/api/case-settings/holidays', { day: '2026-11-26', name: 'Lagi', kind: 'libur_daerah' }), 409, 'CONFLICT');
    const national = await c.admin.post('/api/case-settings/holidays', { day: '2026-12-25', name: 'Natal', kind: 'cuti_bersama' });
    expectRefusal(national, 400, 'VALIDATION_FAILED');
    expect(national.body.error.details.day).toMatch(/libur nasional \(Hari Raya Natal\)/);
    const weekend = await c.admin.post('/api/case-settings/holidays', { day: '2026-11-28', name: 'Sabtu', kind: 'libur_daerah' });
    expect(weekend.body.error.details.day).toMatch(/Sabtu/);

    expectRefusal(await del(c.admin, '/api/case-settings/holidays/2026-12-25'), 409, 'HOLIDAY_NATIONAL');
    expectRefusal(await del(c.admin, '/api/case-settings/holidays/2026-11-27'), 404, 'NOT_FOUND');
    expect((await del(c.admin, '/api/case-settings/holidays/2026-11-26')).status).toBe(200);
    expect((await loadWorkingCalendar(t.deps.db, demo.tenantId)).isWorkingDay('2026-11-26')).toBe(true);

    const trail = await rows<{ action: string; before: unknown; after: unknown }>(t, `select action, before, after from audit_event where entity_id = '2026-11-26' order by id`);
    expect(trail.map((r) => r.action)).toEqual(['case_holiday.add', 'case_holiday.remove']);
    expect(trail[1]!.before).toMatchObject({ name: 'Hari Jadi Kabupaten Contoh', kind: 'libur_daerah' });
  });

  it('hands out counter values atomically, per scope', async () => {
    const values = await Promise.all(Array.from({ length: 20 }, () => t.deps.db.transaction((tx) => nextCounter(tx, demo.tenantId, 'case:2026'))));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await t.deps.db.transaction((tx) => nextCounter(tx, demo.tenantId, 'letter:surat_panggilan:2026'))).toBe(1);
    // A rolled-back number is handed out again (no gap).
    await expect(t.deps.db.transaction(async (tx) => {
      await nextCounter(tx, demo.tenantId, 'case:2026');
      throw new Error('batal');
    })).rejects.toThrow('batal');
    expect(await t.deps.db.transaction((tx) => nextCounter(tx, demo.tenantId, 'case:2026'))).toBe(21);
  });

  it('lets the case staff read and only admins change; everyone else is refused with the error shape', async () => {
    const body = (await c.admin.get('/api/case-settings')).body;
    const { defaultStepDays: _d, updatedAt: _u, updatedByName: _n, ...save } = body;
    expect((await c.ppk.get('/api/case-settings')).status).toBe(200);
    expect((await c.ppk.get('/api/case-settings/holidays?year=2026')).status).toBe(200);
    expectRefusal(await put(c.satgas, '/api/case-settings', { ...save, reason: 'ingin cepat sekali' }), 403, 'FORBIDDEN');
    expectRefusal(await put(c.ppk, '/api/case-settings', save), 403, 'FORBIDDEN');
    expectRefusal(await c.satgas.post('/api/case-settings/holidays', { day: '2026-11-30', name: 'Libur satgas', kind: 'libur_daerah' }), 403, 'FORBIDDEN');
    expectRefusal(await del(c.satgas, '/api/case-settings/holidays/2026-12-24'), 403, 'FORBIDDEN');
    expectRefusal(await c.pimpinan.get('/api/case-settings'), 403, 'FORBIDDEN');
    expectRefusal(await c.pegawai.get('/api/case-settings'), 403, 'FORBIDDEN');
    expectRefusal(await put(c.pegawai, '/api/case-settings', save), 403, 'FORBIDDEN');
    expectRefusal(await c.pegawai.get('/api/case-settings/holidays?year=2026'), 403, 'FORBIDDEN');
    expectRefusal(await c.anonim.get('/api/case-settings'), 401, 'UNAUTHENTICATED');
  });
});
