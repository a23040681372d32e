/**
 * Watchlists (JSON format netra.watchlist/v1): versions, export → import round trip, validation with
 * every problem listed; the register of declared accounts and the employee suggestions it gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWatchlist } from '../../src/server/seed/demo-monitoring.js';
import { pnsIn, sqlRows } from '../support/case-fixtures.js';
import { TEST_DB } from '../support/harness.js';
import { captureBody, captured, expectError, startMonitoringWorld, type MonitoringWorld } from '../support/monitoring-fixtures.js';

describe(`monitoring watchlists and declared accounts on ${TEST_DB}`, () => {
  let w: MonitoringWorld;
  beforeAll(async () => {
    w = await startMonitoringWorld();
  });
  afterAll(() => w.t.close());
  const put = (document: unknown, extra: Record<string, unknown> = {}) => w.satgas.request({ method: 'PUT', url: '/api/monitoring/watchlists', payload: { electionEventId: w.event.id, electionContestId: w.contestId, document, ...extra } });

  it('exports the current watchlist as JSON that imports back unchanged; a change is a new version', async () => {
    const current = await w.satgas.get(`/api/monitoring/watchlists/current?electionEventId=${w.event.id}&electionContestId=${w.contestId}`);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ id: w.watchlist.id, version: 1, isCurrent: true, pairs: 2, hoaxClaims: 1, contestName: 'Pemilihan Bupati Contoh' });
    // The contest's penetapan date is filled in when the document has none.
    expect(current.body.document.election.penetapan_calon_on).toBe(w.penetapan);

    const exported = await w.satgas.get(`/api/monitoring/watchlists/${w.watchlist.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="watchlist-.*-v1\.json"/);
    const json = JSON.parse(exported.raw.toString('utf8'));
    expect(Object.keys(json)).toEqual(['format', 'election', 'pairs', 'hoax_claims']);
    expect(json.pairs[1]).toMatchObject({ number: 2, label: 'Teguh–Maya', hashtags: ['#TeguhMaya02', '#TEMAN02'] });

    const again = await put(json);
    expect(again.body).toMatchObject({ id: w.watchlist.id, version: 1, sha256: w.watchlist.sha256 });

    json.pairs[0].hashtags.push('#ARLESmenang');
    const v2 = await put(json, { note: 'Tagar baru dari patroli' });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, isCurrent: true, note: 'Tagar baru dari patroli' });
    const history = await w.satgas.get(`/api/monitoring/watchlists?electionEventId=${w.event.id}&electionContestId=${w.contestId}&history=true`);
    expect(history.body.items.map((i: { version: number; isCurrent: boolean }) => [i.version, i.isCurrent])).toEqual([[2, true], [1, false]]);

    // New captures are screened with version 2; the old version stays readable for reproduction.
    const c = await captured(w.satgas, captureBody(w, { text: 'Mantap! #ARLESmenang' }));
    expect(c).toMatchObject({ watchlistId: v2.body.id, watchlistVersion: 2, pair: 1 });
    expect((await w.satgas.get(`/api/monitoring/watchlists/${w.watchlist.id}`)).body.version).toBe(1);
    const [audit] = await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from audit_event where action = 'monitoring.watchlist.save'`);
    expect(audit!.n).toBe(2);
  });

  it('refuses an invalid document and lists every problem; warns about phrases that match ordinary words', async () => {
    const bad = await put({ format: 'netra.watchlist/v2', election: { id: '', name: 'x' }, pairs: [{ number: 1, label: 'A', candidates: [] }, { number: 1, label: 'B', candidates: [{ name: 'B' }] }] });
    expectError(bad, 400, 'WATCHLIST_INVALID');
    expect(bad.body.error.details.issues.length).toBeGreaterThanOrEqual(3);
    expect(bad.body.error.details.issues.join('\n')).toMatch(/format/);
    const dupNumbers = demoWatchlist();
    dupNumbers.pairs[1]!.number = 1;
    const dup = await put(dupNumbers);
    expectError(dup, 400, 'WATCHLIST_INVALID');
    expect(dup.body.error.details.issues.join()).toMatch(/unik/);

    const short = demoWatchlist();
    short.pairs[0]!.acronyms = ['AL'];
    const warned = await put(short);
    expect(warned.status).toBe(200);
    expect(warned.body.warnings.join('\n')).toMatch(/"AL" sangat pendek/);

    const otherEvent = await w.admin.post('/api/elections', { kind: 'pemilu', name: 'Pemilu Lain', stages: [{ kind: 'tahapan_mulai', startsOn: '2026-01-01', endsOn: null }], contests: [{ kind: 'dprd_kabkota', name: 'DPRD', penetapanCalonOn: '2026-02-01' }] });
    expectError(await w.satgas.request({ method: 'PUT', url: '/api/monitoring/watchlists', payload: { electionEventId: w.event.id, electionContestId: otherEvent.body.contests[0].id, document: demoWatchlist() } }), 400, 'VALIDATION_FAILED');
    expectError(await w.satgas.get(`/api/monitoring/watchlists/current?electionEventId=${otherEvent.body.id}`), 404, 'NOT_FOUND');
  });

  it('keeps the watchlist editable only by the Satgas and BKPSDM', async () => {
    for (const client of [w.inspektorat, w.pimpinan, w.ppk]) {
      expectError(await client.request({ method: 'PUT', url: '/api/monitoring/watchlists', payload: { electionEventId: w.event.id, document: demoWatchlist() } }), 403, 'FORBIDDEN');
    }
    expectError(await w.ppk.get(`/api/monitoring/watchlists/${w.watchlist.id}/export`), 403, 'FORBIDDEN');
  });

  it('keeps a register of declared accounts with the legal basis, and suggests employees from it', async () => {
    const employee = await pnsIn(w.t, 'Badan Perencanaan%');
    const legalBasis = 'Dinyatakan pegawai pada formulir pakta integritas; hanya unggahan publik dipantau (UU 27/2022).';
    const created = await w.admin.post('/api/monitoring/declared-accounts', { employeeId: employee.id, platform: 'tiktok', handle: '@Ani.Bappeda', url: 'https://tiktok.com/@ani.bappeda', legalBasis, declaredOn: '2026-02-01' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ handle: 'Ani.Bappeda', platform: 'tiktok', legalBasis, employee: { id: employee.id, name: employee.name } });
    expectError(await w.admin.post('/api/monitoring/declared-accounts', { employeeId: employee.id, platform: 'tiktok', handle: 'ani.bappeda', legalBasis, declaredOn: '2026-02-01' }), 409, 'CONFLICT');
    expectError(await w.admin.post('/api/monitoring/declared-accounts', { employeeId: employee.id, platform: 'tiktok', handle: 'lain', legalBasis: '', declaredOn: '2026-02-01' }), 400, 'VALIDATION_FAILED');

    const byHandle = await w.inspektorat.get('/api/monitoring/employee-suggestions?platform=tiktok&handle=@ANI.BAPPEDA');
    expect(byHandle.body.items[0]).toMatchObject({ matchedBy: 'declared_account', employee: { id: employee.id }, account: { platform: 'tiktok', handle: 'Ani.Bappeda' } });
    const firstWord = employee.name.split(/[ ,]/)[0]!;
    const byName = await w.satgas.get(`/api/monitoring/employee-suggestions?name=${encodeURIComponent(employee.name.split(',')[0]!)}`);
    expect(byName.body.items.some((i: { matchedBy: string; employee: { id: string } }) => i.matchedBy === 'name' && i.employee.id === employee.id), firstWord).toBe(true);

    const list = await w.satgas.get('/api/monitoring/declared-accounts?q=ani');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    const patched = await w.admin.patch(`/api/monitoring/declared-accounts/${created.body.id}`, { note: 'Akun ditutup pegawai per Maret' });
    expect(patched.body.note).toBe('Akun ditutup pegawai per Maret');
    expectError(await w.inspektorat.patch(`/api/monitoring/declared-accounts/${created.body.id}`, { note: 'x' }), 403, 'FORBIDDEN');
    expectError(await w.pimpinan.get('/api/monitoring/declared-accounts'), 403, 'FORBIDDEN');
    const removed = await w.admin.request({ method: 'DELETE', url: `/api/monitoring/declared-accounts/${created.body.id}` });
    expect(removed.status).toBe(200);
    const actions = await sqlRows<{ action: string }>(w.t, `select action from audit_event where entity_id = '${created.body.id}' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['monitoring.declared_account.create', 'monitoring.declared_account.update', 'monitoring.declared_account.delete']);
  });
});
