/**
 * Builders for case tests: a demo tenant with an election whose penetapan calon date is known, the
 * staff clients, and helpers that drive a case through the workflow like the Satgas would.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { seedTenant, startTestApp, TestClient, type TestApp } from './harness.js';
import { isoDay } from './pledge-fixtures.js';
import { REPORT_TEST_ENV } from './report-fixtures.js';
import type { DemoResult } from '../../src/server/seed/demo.js';

export interface CaseWorld {
  t: TestApp;
  demo: DemoResult;
  satgas: TestClient;
  admin: TestClient;
  ppk: TestClient;
  event: { id: string; contests: { id: string; penetapanCalonOn: string }[] };
  /** The contest's penetapan calon date. */
  penetapan: string;
}

export async function startCaseWorld(employees = 200): Promise<CaseWorld> {
  const t = await startTestApp(REPORT_TEST_ENV);
  const demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', employees);
  const [satgas, admin, ppk] = [new TestClient(t), new TestClient(t), new TestClient(t)];
  await satgas.login('satgas');
  await admin.login('admin.bkpsdm');
  await ppk.login('bupati');
  const penetapan = isoDay(-20);
  const res = await admin.post('/api/elections', {
    kind: 'pilkada',
    name: 'Pemilihan Bupati dan Wakil Bupati Contoh 2026',
    stages: [
      { kind: 'tahapan_mulai', startsOn: isoDay(-90), endsOn: null },
      { kind: 'penetapan_calon', startsOn: penetapan, endsOn: null },
      { kind: 'kampanye', startsOn: isoDay(-15), endsOn: isoDay(30) },
      { kind: 'pemungutan_suara', startsOn: isoDay(35), endsOn: null },
    ],
    contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati Contoh', penetapanCalonOn: penetapan }],
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return { t, demo, satgas, admin, ppk, event: res.body, penetapan };
}

export async function sqlRows<T = Record<string, unknown>>(t: TestApp, query: string): Promise<T[]> {
  return ((await t.deps.db.execute(query as never)) as unknown as { rows: T[] }).rows;
}

/** The n-th PNS employee anywhere under the OPD whose name matches (schools under Disdik included). */
export async function pnsIn(t: TestApp, opdNameLike: string, offset = 0): Promise<{ id: string; name: string; idNumber: string; unitId: string }> {
  const rows = await sqlRows<{ id: string; name: string; id_number: string; unit_id: string }>(
    t,
    `select e.id, e.name, e.id_number, e.unit_id from employee e
       join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
       join unit opd on opd.tenant_id = e.tenant_id and opd.name ilike '${opdNameLike}' and u.path like opd.path || '%'
     where e.category = 'pns' order by e.id_number offset ${offset} limit 1`,
  );
  const r = rows[0];
  if (!r) throw new Error(`no PNS under ${opdNameLike}`);
  return { id: r.id, name: r.name, idNumber: r.id_number, unitId: r.unit_id };
}

export const caseBody = (w: CaseWorld, overrides: Record<string, unknown> = {}) => ({
  origin: 'temuan_patroli',
  title: 'Membagikan poster calon di Facebook',
  summary: 'Patroli siber Satgas menemukan unggahan poster pasangan calon nomor urut 2 pada akun Facebook pribadi pegawai.',
  electionEventId: w.event.id,
  electionContestId: w.event.contests[0]!.id,
  actKind: 'kampanye_media_sosial',
  actDate: w.penetapan,
  discoveredOn: isoDay(-1),
  place: 'Facebook',
  subjects: [],
  ...overrides,
});

export async function createCase(w: CaseWorld, overrides: Record<string, unknown> = {}) {
  const res = await w.satgas.post('/api/cases', caseBody(w, overrides));
  if (res.status !== 201) throw new Error(`create case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: string; version: number; state: string };
}

export async function detail(client: TestClient, id: string) {
  const res = await client.get(`/api/cases/${id}`);
  if (res.status !== 200) throw new Error(`case ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs one action with the current version; returns the raw response. */
export async function act(client: TestClient, id: string, body: Record<string, unknown>, version?: number) {
  const expectedVersion = version ?? (await detail(client, id)).version;
  return client.post(`/api/cases/${id}/actions`, { expectedVersion, ...body });
}

/** Like `act` but fails the test unless the action succeeds. */
export async function step(client: TestClient, id: string, body: Record<string, unknown>) {
  const res = await act(client, id, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { version: number; state: string };
}

/** The text of a stored case document (pdftotext). */
export async function documentText(client: TestClient, caseId: string, documentId: string): Promise<string> {
  const res = await client.get(`/api/cases/${caseId}/documents/${documentId}`);
  expect(res.status).toBe(200);
  expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(res.raw);
}

export function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}
