/**
 * The public transparency figures against crafted cases and reports whose counts were worked out by
 * hand: persons per broad type and outcome, per month of receipt; what is left out (duplicates,
 * merged cases, other elections, reports already in a case); and suppression on the way out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransparencyRow } from '../../src/server/modules/insights/insights.repository.js';
import { buildTransparencyTables } from '../../src/server/modules/insights/transparency.tables.js';
import type { DemoResult } from '../../src/server/seed/demo.js';
import { seedTenant, startTestApp, TEST_DB, type TestApp } from '../support/harness.js';
import { insertCase, insertEvent, insertReport, unitIdByName } from '../support/insights-fixtures.js';

describe(`public transparency on ${TEST_DB}`, () => {
  let t: TestApp;
  let demo: DemoResult;
  let eventA: string;
  let eventB: string;
  let unitName: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await startTestApp();
    demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 60);
    const tenantId = demo.tenantId;
    eventA = await insertEvent(t, tenantId, 'Pilkada Contoh 2026', '2025-12-01T00:00:00Z');
    const unit = await unitIdByName(t, tenantId, 'Dinas Pendidikan%');
    unitName = unit.name;
    const sub = (s: Record<string, unknown>) => ({ unitId: unit.id, ...s });
    const A = (c: Parameters<typeof insertCase>[2]) => insertCase(t, tenantId, c);

    // Kode etik: 7 sanctioned (January), 5 still examined; the case was registered in February but
    // its report came in on 28 January, so it counts in January.
    await A({ eventId: eventA, state: 'closed', closeReason: 'executed', origin: 'temuan_medsos', createdAt: '2026-01-10T03:00:00Z', repeat: 7, subjects: [sub({ itemCode: 'KE-4', finding: 'proven', sanction: 'pernyataan_terbuka' })] });
    const k2 = await A({ eventId: eventA, state: 'clarification', origin: 'laporan', createdAt: '2026-02-05T03:00:00Z', repeat: 5, subjects: [sub({ itemCode: 'KE-4' })] });
    await insertReport(t, tenantId, { eventId: eventA, status: 'ditindaklanjuti', receivedOn: '2026-01-28', caseId: k2 });
    // Disiplin: January 9 sanctioned + 1 proven; March 1 proven (a PP 94 item) and 5 not proven; April 6 examined.
    await A({ eventId: eventA, state: 'follow_up', createdAt: '2026-01-15T03:00:00Z', subjects: [...Array.from({ length: 9 }, () => sub({ itemCode: 'D-6', finding: 'proven', sanction: 'potong_tpp_25_6_bulan' })), sub({ itemCode: 'D-6', finding: 'proven' })] });
    await A({ eventId: eventA, state: 'awaiting_ppk', createdAt: '2026-03-02T03:00:00Z', subjects: [sub({ itemCode: 'PP94-n.3', finding: 'proven' })] });
    await A({ eventId: eventA, state: 'closed', closeReason: 'not_proven', createdAt: '2026-03-10T03:00:00Z', repeat: 5, subjects: [sub({ itemCode: 'D-3', finding: 'not_proven' })] });
    // 31 March 20:00 UTC is 1 April in Jakarta: the month follows the instansi's clock.
    await A({ eventId: eventA, state: 'verification', createdAt: '2026-03-31T20:00:00Z', repeat: 6, subjects: [sub({ itemCode: 'D-1' })] });
    // Lainnya: a case without subjects yet (one unknown person), two unclassified, 5 reports in triage, 1 rejected.
    await A({ eventId: eventA, state: 'registered', createdAt: '2026-03-05T03:00:00Z', subjects: [] });
    await A({ eventId: eventA, state: 'examination', createdAt: '2026-03-06T03:00:00Z', subjects: [sub({}), sub({})] });
    for (let i = 0; i < 5; i++) await insertReport(t, tenantId, { eventId: eventA, status: i % 2 ? 'baru' : 'diverifikasi', receivedOn: '2026-03-11' });
    await insertReport(t, tenantId, { eventId: eventA, status: 'ditolak', receivedOn: '2026-03-12' });
    // Left out: a duplicate report, a merged case, a case of no election, a case of another election.
    await insertReport(t, tenantId, { eventId: eventA, status: 'duplikat', receivedOn: '2026-01-12' });
    await A({ eventId: eventA, state: 'closed', closeReason: 'merged', mergedInto: k2, createdAt: '2026-01-20T03:00:00Z', repeat: 3, subjects: [sub({ itemCode: 'KE-4' })] });
    await A({ eventId: null, state: 'clarification', createdAt: '2026-01-20T03:00:00Z', repeat: 8, subjects: [sub({ itemCode: 'KE-1' })] });
    eventB = await insertEvent(t, tenantId, 'Pemilu 2029', '2026-06-01T00:00:00Z');
    await A({ eventId: eventB, state: 'closed', closeReason: 'executed', createdAt: '2026-07-01T03:00:00Z', repeat: 4, subjects: [sub({ itemCode: 'D-2', finding: 'proven', sanction: 'teguran_tertulis' })] });
  });
  afterAll(() => t.close());

  /** The hand count: persons per broad type, outcome and month. */
  const handRows: TransparencyRow[] = [
    { broadType: 'kode_etik', outcome: 'sanctioned', month: '2026-01', n: 7 },
    { broadType: 'kode_etik', outcome: 'examining', month: '2026-01', n: 5 },
    { broadType: 'disiplin', outcome: 'sanctioned', month: '2026-01', n: 9 },
    { broadType: 'disiplin', outcome: 'proven', month: '2026-01', n: 1 },
    { broadType: 'disiplin', outcome: 'proven', month: '2026-03', n: 1 },
    { broadType: 'disiplin', outcome: 'stopped', month: '2026-03', n: 5 },
    { broadType: 'disiplin', outcome: 'examining', month: '2026-04', n: 6 },
    { broadType: 'lainnya', outcome: 'examining', month: '2026-03', n: 8 },
    { broadType: 'lainnya', outcome: 'stopped', month: '2026-03', n: 1 },
  ];

  it('counts persons per type, outcome and month as worked out by hand, then suppresses', async () => {
    const res = await get(`/api/public/transparency?tenant=kab-contoh&event=${eventA}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.event).toEqual({ id: eventA, name: 'Pilkada Contoh 2026' });
    expect(body.threshold).toBe(5);
    const expected = buildTransparencyTables(handRows, 5);
    expect(body.headline).toEqual(expected.headline);
    expect(body.byType).toEqual(expected.byType);
    expect(body.byMonth).toEqual(expected.byMonth);
    // Spot checks by hand: 43 persons, 18 proven of whom 16 sanctioned, February quiet but listed.
    // 18 − 16 would give away the 2 proven but not sanctioned, so the smaller of the two is hidden,
    // and with it the follow-up rate (16/18 says the same).
    expect(body.headline.received).toEqual({ value: 43, suppressed: null });
    expect(body.headline.proven).toEqual({ value: 18, suppressed: null });
    expect(body.headline.sanctioned).toEqual({ value: null, suppressed: 'complementary' });
    expect(body.headline.followUpRate).toBeNull();
    expect(body.byMonth.rows.map((r: { month: string }) => r.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(body.byMonth.rows[0].total).toEqual({ value: 22, suppressed: null });
    expect(body.byMonth.rows[1].total.suppressed).toBe('small'); // the quiet month: 0
    const ke = body.byType.rows.find((r: { type: string }) => r.type === 'kode_etik');
    expect(ke.cells.sanctioned).toEqual({ value: 7, suppressed: null });
    expect(ke.cells.proven.suppressed).toBe('small'); // 0
    const d = body.byType.rows.find((r: { type: string }) => r.type === 'disiplin');
    expect(d.cells.proven.suppressed).toBe('small'); // 2
    expect(d.total).toEqual({ value: 22, suppressed: null });
  });

  it('publishes no count below 5 and never a name, a unit or a case number', async () => {
    const res = await get(`/api/public/transparency?tenant=kab-contoh&event=${eventA}`);
    const text = res.body;
    expect(text).not.toMatch(/Terlapor Rahasia|Nama Terlapor Publik|KS-T-|LP-T/);
    expect(text).not.toContain(unitName);
    const values: number[] = [];
    JSON.parse(text, (key, value) => (key === 'value' && typeof value === 'number' ? values.push(value) : undefined, value));
    expect(values.length).toBeGreaterThan(5);
    expect(values.every((v) => v >= 5)).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('defaults to the most recent election and keeps each election to itself', async () => {
    const res = await get('/api/public/transparency?tenant=kab-contoh');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.event.id).toBe(eventB);
    expect(body.events.map((e: { id: string }) => e.id)).toEqual([eventB, eventA]);
    // Four people, all sanctioned: every figure is below 5.
    expect(body.headline.received).toEqual({ value: null, suppressed: 'small' });
    expect(body.headline.followUpRate).toBeNull();
    expect(body.byMonth.rows.map((r: { month: string }) => r.month)).toEqual(['2026-07']);
  });

  it('works without a tenant on a single-instansi installation and needs no account', async () => {
    const res = await get(`/api/public/transparency?event=${eventA}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().tenant.slug).toBe('kab-contoh');
  });

  it('refuses an unknown instansi or election with the error shape', async () => {
    const unknownTenant = await get('/api/public/transparency?tenant=tidak-ada');
    expect(unknownTenant.statusCode).toBe(400);
    expect(unknownTenant.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: { tenant: expect.any(String) } } });
    const unknownEvent = await get('/api/public/transparency?tenant=kab-contoh&event=00000000-0000-4000-8000-000000000000');
    expect(unknownEvent.statusCode).toBe(404);
    expect(unknownEvent.json().error.code).toBe('NOT_FOUND');
    const badEvent = await get('/api/public/transparency?tenant=kab-contoh&event=abc');
    expect(badEvent.statusCode).toBe(400);
    expect(badEvent.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('shows an instansi without elections as empty, not as an error', async () => {
    await seedTenant(t, 'kota-kosong', 'Kota Kosong', 5);
    const res = await get('/api/public/transparency?tenant=kota-kosong');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ event: null, events: [], byMonth: { rows: [] } });
  });
});
