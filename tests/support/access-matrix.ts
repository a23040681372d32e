/**
 * The access matrix: for every route Fastify registers (keyed `METHOD /path` exactly as registered),
 * who may call it, and how to name an object of the caller's own unit, of another unit and of
 * another tenant. Expectations are not written per role: they are derived from the POLICY table
 * (`src/server/lib/policy.ts`) with the real `scopeFor`, for the real accounts of the demo seed.
 *
 *   public      anyone, signed in or not
 *   session     any signed-in account
 *   staff       any signed-in account with a password (not the employee OTP accounts)
 *   receipt     the reporter's receipt session only (a staff session grants nothing)
 *   permission  `anyOf` a POLICY permission (widest scope wins); `ownOnly` permissions grant the
 *               actor's own objects only (e.g. an Inspektorat capturer editing their own capture);
 *   `allOf`     permissions must all be held.
 *
 * Contexts: `own` = an object of the caller's tenant in the caller's own unit (for a pimpinan_unit:
 * inside their subtree; for a pegawai: their own record); `otherUnit` = same tenant, outside that unit
 * or someone else's (only given where the route checks units or ownership); `otherTenant` = an object
 * of the second tenant. A tenant-wide scope is allowed in `own` and `otherUnit`; a subtree, self or
 * ownOnly grant only in `own` (elsewhere 403 or 404); nobody in `otherTenant`: 404 for whoever holds
 * the permission at home (Netra's convention, see tenancy.test.ts), 403 or 404 for anyone else.
 *
 * Fixtures: `buildAccessWorld` seeds two tenants and creates one object of each kind per context
 * through the API (the objects the matrix names through `w.obj`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { ERRORS, type ErrorCode } from '../../src/shared/errors.js';
import type { Role } from '../../src/shared/enums.js';
import type { Actor } from '../../src/server/lib/context.js';
import { scopeFor, type Permission, type Scope } from '../../src/server/lib/policy.js';
import { demoWatchlist } from '../../src/server/seed/demo-monitoring.js';
import { seedTenant, TestClient, type Response, type TestApp } from './harness.js';
import { jakartaDay } from './apel-fixtures.js';
import { isoDay } from './pledge-fixtures.js';
import { reportForm } from './report-fixtures.js';

// ---------------------------------------------------------------------------------------------
// Roles, contexts, access kinds
// ---------------------------------------------------------------------------------------------

export const MATRIX_ROLES = ['admin', 'satgas', 'ppk', 'inspektorat', 'pimpinan_unit', 'pegawai', 'custodian', 'superadmin', 'anonymous'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export const CONTEXTS = ['own', 'otherUnit', 'otherTenant'] as const;
export type Context = (typeof CONTEXTS)[number];

/** The demo account signed in for each role (tenant A). */
export const ROLE_ACCOUNT: Record<Exclude<MatrixRole, 'anonymous' | 'pegawai'>, string> = {
  admin: 'admin.bkpsdm',
  satgas: 'satgas',
  ppk: 'bupati',
  inspektorat: 'inspektorat',
  pimpinan_unit: 'pimpinan.disdik',
  custodian: 'kustodian',
  superadmin: 'superadmin',
};

export type Access =
  | { kind: 'public' }
  | { kind: 'session' }
  | { kind: 'staff' }
  | { kind: 'receipt' }
  | { kind: 'permission'; anyOf: Permission[]; ownOnly?: Permission[]; allOf?: Permission[] };

const PUBLIC: Access = { kind: 'public' };
const SESSION: Access = { kind: 'session' };
const STAFF: Access = { kind: 'staff' };
const RECEIPT: Access = { kind: 'receipt' };
const perm = (...anyOf: Permission[]): Access => ({ kind: 'permission', anyOf });

export type Params = Record<string, string>;
/** How to name an object per context; `otherUnit` only where the route checks units or ownership. */
export interface Targets {
  own: Params;
  otherUnit?: Params;
  otherTenant?: Params;
}

export interface UploadFile {
  field?: string;
  name: string;
  content: Buffer;
  type: string;
}
export type RequestBody = { json: unknown } | { multipart: { fields: Record<string, string>; files?: UploadFile[] } };

export interface RouteEntry {
  access: Access;
  /** Objects named by the path (and by unit-bearing query or body fields). Absent: one context, `own`. */
  targets?: (w: AccessWorld) => Targets;
  query?: (p: Params, w: AccessWorld) => string;
  body?: (p: Params, w: AccessWorld) => RequestBody;
  /** The call consumes its object (DELETE): an allowed call gets a new one. */
  fresh?: (w: AccessWorld) => Promise<Params>;
  /** The call ends the caller's session: it runs on a throwaway session of the same account. */
  throwawaySession?: true;
  /** Further codes a denial of this route may carry (e.g. a business refusal that is also correct). */
  alsoDeniedAs?: ErrorCode[];
  /** Why an entry looks the way it does, where that is not obvious. */
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Expectations, derived from POLICY
// ---------------------------------------------------------------------------------------------

export type Expectation = { allow: true } | { allow: false; statuses: number[]; codes: ErrorCode[] };

const WIDTH: Record<Scope, number> = { self: 1, subtree: 2, tenant: 3 };
const widest = (scopes: (Scope | null)[]): Scope | null => scopes.reduce<Scope | null>((best, s) => (s && (!best || WIDTH[s] > WIDTH[best]) ? s : best), null);

/** The scope `actor` holds for a permission entry (null: none). */
export function scopeOfAccess(access: Extract<Access, { kind: 'permission' }>, actor: Actor): Scope | null {
  if (access.allOf?.some((p) => scopeFor(actor, p) === null)) return null;
  const granted = widest(access.anyOf.map((p) => scopeFor(actor, p)));
  const ownOnly = access.ownOnly?.some((p) => scopeFor(actor, p) !== null) ? 'self' : null;
  return widest([granted, ownOnly]);
}

const DENY_ANONYMOUS: Expectation = { allow: false, statuses: [401], codes: ['UNAUTHENTICATED'] };
const DENY_FORBIDDEN: Expectation = { allow: false, statuses: [403], codes: ['FORBIDDEN'] };
/** Outside the caller's unit or tenant: refused as forbidden or as not existing (an entry may add a code, e.g. for a foreign id in a body). */
const DENY_OUTSIDE: Expectation = { allow: false, statuses: [403, 404], codes: ['FORBIDDEN', 'NOT_FOUND'] };
/** Another tenant's object, for a caller without the permission: refused either way. */
const DENY_OTHER_TENANT: Expectation = { allow: false, statuses: [403, 404], codes: ['NOT_FOUND', 'FORBIDDEN'] };
/** Another tenant's object, for a caller who holds the permission at home: it does not exist (Netra's convention). */
const NOT_FOUND_IN_TENANT: Expectation = { allow: false, statuses: [404], codes: ['NOT_FOUND'] };

/** What `role` (signed in as `actor`) must get for `entry` in `context`. */
export function expectationFor(entry: RouteEntry, role: MatrixRole, actor: Actor | null, context: Context): Expectation {
  const a = entry.access;
  if (a.kind === 'public') return { allow: true };
  if (a.kind === 'receipt') return { allow: false, statuses: [401], codes: ['RECEIPT_SESSION_REQUIRED'] };
  if (role === 'anonymous' || !actor) return DENY_ANONYMOUS;
  let scope: Scope | null;
  if (a.kind === 'session') scope = 'tenant';
  else if (a.kind === 'staff') scope = role === 'pegawai' ? null : 'tenant';
  else scope = scopeOfAccess(a, actor);
  if (!scope) return context === 'otherTenant' ? DENY_OTHER_TENANT : DENY_FORBIDDEN;
  const also = (e: Expectation): Expectation =>
    e.allow || !entry.alsoDeniedAs ? e : { allow: false, statuses: [...new Set([...e.statuses, ...entry.alsoDeniedAs.map((c) => ERRORS[c].status)])], codes: [...e.codes, ...entry.alsoDeniedAs] };
  if (context === 'otherTenant') return also(NOT_FOUND_IN_TENANT);
  if (context === 'otherUnit' && scope !== 'tenant') return also(DENY_OUTSIDE);
  return { allow: true };
}

/** Codes that mean "refused for access" and must never answer an allowed call. */
export const ACCESS_DENIAL_CODES = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'ROUTE_NOT_FOUND', 'CSRF_INVALID', 'RECEIPT_SESSION_REQUIRED', 'NOT_AN_EMPLOYEE', 'NOT_TARGETED', 'REVEAL_NOT_ALLOWED']);

/** Whether a response has the API error shape with a known code. */
export function hasErrorShape(res: Response): boolean {
  const e = res.body?.error;
  return !!e && typeof e.code === 'string' && e.code in ERRORS && typeof e.message === 'string' && 'details' in e;
}

/** Fills `:name` path parameters. */
export function fillPath(path: string, params: Params): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

// ---------------------------------------------------------------------------------------------
// Fixtures: two tenants, one object of each kind per context
// ---------------------------------------------------------------------------------------------

export const TENANT_A = 'kab-contoh';
export const TENANT_B = 'kota-lain';

export interface AccessWorld {
  t: TestApp;
  /** Signed-in clients of tenant A, one per role; `anonymous` has no session. */
  clients: Record<MatrixRole, TestClient>;
  /** Actors as the server resolves them (roles, scope unit, employee link), for `scopeFor`. */
  actors: Record<MatrixRole, Actor | null>;
  /** Staff of tenant B who create B's objects. */
  b: { admin: TestClient; satgas: TestClient; custodian: TestClient; pegawai: TestClient };
  tenantIds: { a: string; b: string };
  obj: Record<string, Targets>;
  /** Values bodies need (template ids, versions, today's date …). */
  val: Record<string, string>;
  /** Creates a new object for calls that consume theirs. */
  fresh: { holiday(): Promise<Params>; declaredAccount(): Promise<Params>; apelPhoto(): Promise<Params>; correction(): Promise<Params>; oversightGrant(): Promise<Params> };
}

export async function png(color = '#335533'): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: color } }).png().toBuffer();
}

export function multipartPayload(fields: Record<string, string>, files: UploadFile[] = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Sends a matrix-style request. */
export function send(client: TestClient, method: string, url: string, body?: RequestBody): Promise<Response> {
  if (!body) return client.request({ method: method as never, url });
  if ('json' in body) return client.request({ method: method as never, url, payload: body.json as never });
  const { payload, headers } = multipartPayload(body.multipart.fields, body.multipart.files);
  return client.request({ method: method as never, url, payload, headers });
}

/** The app being furnished, so a failing fixture can quote the server's log line for its request. */
let furnishing: TestApp | null = null;

async function ok(res: Response | Promise<Response>, what: string, status = [200, 201, 202]): Promise<any> {
  const r = await res;
  if (!status.includes(r.status)) {
    const requestId = r.headers['x-request-id'];
    const logged = furnishing?.logs.filter((l) => requestId && l.includes(String(requestId)) && l.includes('"level":50')).join('\n') ?? '';
    throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}${logged ? `\n${logged.slice(0, 2000)}` : ''}`);
  }
  return r.body;
}

export async function sql<T = Record<string, unknown>>(t: TestApp, query: string): Promise<T[]> {
  return ((await t.deps.db.execute(query as never)) as unknown as { rows: T[] }).rows;
}

// ---------------------------------------------------------------------------------------------
// "Nothing left behind": a write probe over every table of the test database
// ---------------------------------------------------------------------------------------------

const tablesOf = new WeakMap<TestApp, string[]>();

export interface WriteProbe {
  /** The probe's own transaction id (32-bit, as in xmin): a row written later has a larger xmin. */
  xid: bigint;
  rows: Map<string, number>;
}

async function tableList(t: TestApp): Promise<string[]> {
  let tables = tablesOf.get(t);
  if (!tables) {
    const rows = await sql<{ s: string; n: string }>(t, `select table_schema as s, table_name as n from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`);
    tables = rows.map((r) => `"${r.s}"."${r.n}"`);
    tablesOf.set(t, tables);
  }
  return tables;
}

/**
 * Row counts of every table and the current transaction id. With `writesSince` it tells whether any
 * row was inserted, updated (a new row version has a newer xmin) or deleted (a count drops) in this
 * database, whatever other databases on the same server do meanwhile. Aborted writes are invisible.
 */
export async function writeProbe(t: TestApp): Promise<WriteProbe> {
  const tables = await tableList(t);
  const [{ x }] = (await sql<{ x: string }>(t, `select (pg_current_xact_id()::text::bigint % 4294967296)::text as x`)) as [{ x: string }];
  const counts = await sql<{ t: string; n: number }>(t, tables.map((tb) => `select '${tb}' as t, count(*)::int as n from ${tb}`).join(' union all '));
  return { xid: BigInt(x), rows: new Map(counts.map((c) => [c.t, c.n])) };
}

/** Tables changed since the probe (empty: nothing was written). */
export async function writesSince(t: TestApp, probe: WriteProbe): Promise<string[]> {
  const tables = await tableList(t);
  const now = await sql<{ t: string; n: number; fresh: number }>(
    t,
    tables.map((tb) => `select '${tb}' as t, count(*)::int as n, (count(*) filter (where xmin::text::bigint > ${probe.xid}))::int as fresh from ${tb}`).join(' union all '),
  );
  return now.filter((r) => r.fresh > 0 || r.n !== probe.rows.get(r.t)).map((r) => `${r.t} (${r.fresh} new row versions, ${r.n - (probe.rows.get(r.t) ?? 0)} rows)`);
}

const put = (c: TestClient, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });

function electionBody(penetapan: string) {
  return {
    kind: 'pilkada',
    name: 'Pemilihan Bupati dan Wakil Bupati 2026',
    stages: [
      { kind: 'tahapan_mulai', startsOn: isoDay(-90), endsOn: null },
      { kind: 'penetapan_calon', startsOn: penetapan, endsOn: null },
      { kind: 'kampanye', startsOn: isoDay(-15), endsOn: isoDay(30) },
      { kind: 'pemungutan_suara', startsOn: isoDay(35), endsOn: null },
    ],
    contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati', penetapanCalonOn: penetapan }],
  };
}

async function employeeIn(t: TestApp, tenantId: string, unitName: string, offset = 0, extra = ''): Promise<{ id: string; idNumber: string; name: string; unitId: string }> {
  const rows = await sql<{ id: string; id_number: string; name: string; unit_id: string }>(
    t,
    `select e.id, e.id_number, e.name, e.unit_id from employee e
       join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
       join unit opd on opd.tenant_id = e.tenant_id and opd.name = '${unitName}' and u.path like opd.path || '%'
     where e.tenant_id = '${tenantId}' and e.is_active and e.category = 'pns' and e.email is not null ${extra}
     order by e.id_number offset ${offset} limit 1`,
  );
  const r = rows[0];
  if (!r) throw new Error(`no employee under ${unitName}`);
  return { id: r.id, idNumber: r.id_number, name: r.name, unitId: r.unit_id };
}

async function signIn(t: TestApp, username: string, tenant: string): Promise<TestClient> {
  const c = new TestClient(t);
  await c.login(username, undefined, tenant);
  return c;
}

/** One tenant's objects. `extra` adds the second-unit and second-owner variants (tenant A only). */
async function buildSide(t: TestApp, tenantId: string, slug: string, c: { admin: TestClient; satgas: TestClient; custodian: TestClient; pegawai: TestClient; inspektorat?: TestClient }, pegawaiEmp: { id: string; name: string }, extra: boolean) {
  const o: Record<string, Params> = {};
  const v: Record<string, string> = {};
  const units = (await ok(c.admin.get('/api/units'), 'units')).items as { id: string; name: string; unitType: string; parentId: string | null; employeeCount: number }[];
  const disdik = units.find((u) => u.name.startsWith('Dinas Pendidikan'))!;
  const dinkes = units.find((u) => u.name === 'Dinas Kesehatan')!;
  const school = units.filter((u) => u.unitType === 'sekolah' && u.parentId === disdik.id).sort((a, b) => b.employeeCount - a.employeeCount)[0]!;
  const kecamatan = units.filter((u) => u.unitType === 'kecamatan').sort((a, b) => b.employeeCount - a.employeeCount)[0]!;
  o.disdik = { id: disdik.id };
  o.dinkes = { id: dinkes.id };
  const outsider = await employeeIn(t, tenantId, 'Dinas Kesehatan');
  o.employee = { id: pegawaiEmp.id };
  o.outsider = { id: outsider.id };

  // Election and an open campaign whose apel covers dinas, kecamatan and sekolah.
  const penetapan = isoDay(-20);
  const event = await ok(c.admin.post('/api/elections', electionBody(penetapan)), 'election');
  o.event = { id: event.id };
  // A second election for the matrix to rewrite (PUT replaces the contests other objects point at).
  if (extra) o.eventSpare = { id: (await ok(c.admin.post('/api/elections', electionBody(penetapan)), 'election 2')).id };
  v.contest = event.contests[0].id;
  v.penetapan = penetapan;
  const campaign = await ok(
    c.admin.post('/api/campaigns', { eventId: event.id, name: 'Ikrar Netralitas ASN 2026', signDeadline: isoDay(7), signingPlace: 'Contoh', apelReportDeadline: jakartaDay(7), apelUnitTypes: ['dinas', 'kecamatan', 'sekolah'] }),
    'campaign',
  );
  const opened = await ok(c.admin.patch(`/api/campaigns/${campaign.id}`, { status: 'open' }), 'open campaign');
  o.campaign = { id: campaign.id };
  v.ikrar = opened.ikrar.id;
  v.pakta = opened.pakta.id;

  // Signatures: the pegawai signs online; a paper signature outside Disdik.
  const signing = await ok(c.pegawai.get(`/api/campaigns/${campaign.id}/signing`), 'signing view');
  const signed = await ok(
    c.pegawai.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: v.ikrar, paktaTemplateId: v.pakta, typedName: pegawaiEmp.name, undertakings: signing.undertakings.map(() => true) }),
    'sign',
  );
  o.signature = { id: signed.id };
  const scan = await png('#aaaaaa');
  const paper = multipartPayload({ employeeId: outsider.id, signedOn: jakartaDay(0) }, [{ name: 'scan.png', content: scan, type: 'image/png' }]);
  const paperSig = await ok(c.admin.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/paper-signatures`, ...paper }), 'paper signature');
  o.signatureOther = { id: paperSig.id };
  // Unsigned employees for paper-signature calls, inside and outside Disdik.
  v.unsignedInside = (await employeeIn(t, tenantId, disdik.name, 0, `and e.id <> '${pegawaiEmp.id}'`)).id;
  v.unsignedOutside = (await employeeIn(t, tenantId, 'Dinas Kesehatan', 1)).id;
  const correction = await ok(c.pegawai.post(`/api/campaigns/${campaign.id}/corrections`, { message: 'Jabatan saya tertulis salah.' }), 'correction');
  o.correction = { id: correction.id };

  // Employee-master import (parsed inline).
  const csv = multipartPayload({}, [{ name: 'pegawai.csv', content: Buffer.from('NIP;Nama;Unit Kerja\n197005122000031002;Uji Impor;Dinas Sosial\n'), type: 'text/csv' }]);
  const imp = await ok(c.admin.request({ method: 'POST', url: '/api/imports', ...csv }), 'import');
  o.import = { id: imp.id };

  // Apel: drafts (Disdik / Dinas Kesehatan) with a photo; submitted reports (a Disdik school / a kecamatan).
  const apelBody = (unitId: string) => ({ unitId, heldOn: jakartaDay(0), place: 'Halaman kantor', leaderName: 'Kepala Unit', readerName: 'Sekretaris Unit', witnesses: [], notes: null });
  const photo = await png('#6a8caf');
  const addPhoto = async (reportId: string) => {
    const form = multipartPayload({}, [{ name: 'apel.png', content: photo, type: 'image/png' }]);
    const view = await ok(c.admin.request({ method: 'POST', url: `/api/apel/${reportId}/photos`, ...form }), 'apel photo');
    return (view.photos as { fileId: string }[]).at(-1)!.fileId;
  };
  const draft = async (unitId: string) => {
    const r = await ok(c.admin.post(`/api/campaigns/${campaign.id}/apel`, apelBody(unitId)), 'apel draft');
    return { id: r.id as string, fileId: await addPhoto(r.id) };
  };
  const submitted = async (unitId: string) => {
    const r = await ok(c.admin.post(`/api/campaigns/${campaign.id}/apel`, apelBody(unitId)), 'apel');
    const roster = await ok(c.admin.get(`/api/campaigns/${campaign.id}/apel/roster?unitId=${unitId}`), 'roster');
    await ok(put(c.admin, `/api/apel/${r.id}/attendance`, { entries: roster.employees.map((e: { id: string }) => ({ employeeId: e.id, status: 'hadir' })) }), 'attendance');
    await addPhoto(r.id);
    await ok(c.admin.post(`/api/apel/${r.id}/submit`), 'apel submit');
    return { id: r.id as string };
  };
  o.apel = await draft(disdik.id);
  o.apelSubmitted = await submitted(extra ? school.id : kecamatan.id);
  if (extra) {
    o.apelOther = await draft(dinkes.id);
    o.apelSubmittedOther = await submitted(kecamatan.id);
    v.apelDraftId = o.apel.id!;
  }

  // Catalogue, Satgas decree, case settings.
  o.catalogue = { id: (await ok(c.admin.get('/api/catalogue/versions'), 'catalogue')).items[0].id };
  v.catalogueItems = JSON.stringify((await ok(c.admin.get('/api/catalogue'), 'current catalogue')).items);
  const decree = (await ok(c.admin.get('/api/satgas/decrees'), 'decrees')).items[0];
  o.decree = { id: decree.id };
  const settings = await ok(c.admin.get('/api/case-settings'), 'case settings');
  v.caseSettings = JSON.stringify({ stepDays: settings.stepDays, escalationGapDays: settings.escalationGapDays, letterCode: settings.letterCode, letterPlace: settings.letterPlace, ppkTitle: settings.ppkTitle, ppkName: settings.ppkName });

  // Reports: an anonymous one with a file, a rahasia one whose identity the Satgas may read (approved reveal).
  const evidence = await png('#884444');
  const submit = async (form: Record<string, unknown>) => {
    const altcha = await solvePowFor(c.admin);
    const m = multipartPayload({ report: JSON.stringify(form), altcha, tenant: slug }, [{ name: 'bukti.png', content: evidence, type: 'image/png' }]);
    return ok(new TestClient(t).request({ method: 'POST', url: '/api/public/reports', ...m }), 'public report');
  };
  const anon = await submit(reportForm());
  const secret = await submit(reportForm({ identityMode: 'rahasia', reporter: { name: 'Pelapor Rahasia', nik: null, phone: '081234567890', email: null } }));
  const idOf = async (number: string) => (await sql<{ id: string }>(t, `select id from report where tenant_id = '${tenantId}' and number = '${number}'`))[0]!.id;
  const reportId = await idOf(anon.number);
  const reportDetail = await ok(c.satgas.get(`/api/reports/${reportId}`), 'report detail');
  o.report = { id: reportId };
  o.reportFile = { id: reportId, fileId: reportDetail.files[0].fileId };
  v.reportNumber = anon.number;
  const secretId = await idOf(secret.number);
  o.reportSecret = { id: secretId };
  const reveal = await ok(c.satgas.post(`/api/reports/${secretId}/reveal-requests`, { reason: 'Klarifikasi langsung kepada pelapor diperlukan untuk kajian.' }), 'reveal request');
  await ok(c.custodian.post(`/api/reveal-requests/${reveal.id}/decision`, { approve: true, note: 'Alasan memadai.' }), 'reveal decision');
  o.reveal = { id: reveal.id };
  // A third report that the matrix turns into a case.
  o.reportForCase = { id: await idOf((await submit(reportForm({ description: 'Laporan ketiga untuk dijadikan kasus oleh Satgas.' }))).number) };

  // A case with evidence and a document.
  const caseBody = {
    origin: 'temuan_patroli',
    title: 'Membagikan poster calon di Facebook',
    summary: 'Patroli siber Satgas menemukan unggahan poster pasangan calon pada akun Facebook pribadi pegawai.',
    electionEventId: event.id,
    electionContestId: v.contest,
    actKind: 'kampanye_media_sosial',
    actDate: penetapan,
    discoveredOn: isoDay(-1),
    place: 'Facebook',
  };
  const created = await ok(
    c.satgas.post('/api/cases', {
      origin: 'temuan_patroli',
      title: 'Membagikan poster calon di Facebook',
      summary: 'Patroli siber Satgas menemukan unggahan poster pasangan calon pada akun Facebook pribadi pegawai.',
      electionEventId: event.id,
      electionContestId: v.contest,
      actKind: 'kampanye_media_sosial',
      actDate: penetapan,
      discoveredOn: isoDay(-1),
      place: 'Facebook',
      subjects: [{ employeeId: outsider.id }],
    }),
    'case',
  );
  o.case = { id: created.id };
  const ev = multipartPayload({ description: 'Tangkapan layar' }, [{ name: 'bukti.png', content: evidence, type: 'image/png' }]);
  await ok(c.satgas.request({ method: 'POST', url: `/api/cases/${created.id}/evidence`, ...ev }), 'case evidence');
  const caseView = await ok(c.satgas.get(`/api/cases/${created.id}`), 'case detail');
  o.caseEvidence = { id: created.id, fileId: caseView.evidence[0].id };
  // A second case routed out to Bawaslu (a kepala desa): that step issues a letter, a stored document.
  const routed = await ok(c.satgas.post('/api/cases', { ...caseBody, title: 'Kepala desa berkampanye', subjects: [{ name: 'Kepala Desa Uji', track: 'desa' }] }), 'case 2');
  await ok(c.satgas.post(`/api/cases/${routed.id}/actions`, { action: 'route_out', expectedVersion: routed.version, target: 'bawaslu', reason: 'Terlapor kepala desa, kewenangan Bawaslu.' }), 'route out');
  const routedView = await ok(c.satgas.get(`/api/cases/${routed.id}`), 'case 2 detail');
  o.caseDocument = { id: routed.id, fileId: routedView.documents[0].id };
  v.caseVersion = String(caseView.version);

  // Recap (generated inline), announcements, monitoring.
  const recap = await ok(c.satgas.post('/api/recaps', { kind: 'bupati_weekly', eventId: event.id }), 'recap');
  o.recap = { id: recap.id, format: 'pdf' };
  const toAll = await ok(c.admin.post('/api/sosialisasi/announcements', { title: 'SE Bupati tentang netralitas ASN', body: 'Seluruh ASN wajib menjaga netralitas.', targetUnitIds: [] }), 'announcement');
  o.announcement = { id: toAll.id };
  if (extra) o.announcementOther = { id: (await ok(c.admin.post('/api/sosialisasi/announcements', { title: 'Untuk Dinas Kesehatan', body: 'Hanya untuk pegawai Dinas Kesehatan.', targetUnitIds: [dinkes.id] }), 'announcement 2')).id };

  const watchlist = await ok(put(c.satgas, '/api/monitoring/watchlists', { electionEventId: event.id, electionContestId: v.contest, document: demoWatchlist() }), 'watchlist');
  o.watchlist = { id: watchlist.id };
  const captureFields = (handle: string) => ({
    platform: 'facebook',
    url: `https://facebook.com/${handle}/posts/${randomBytes(4).toString('hex')}`,
    accountHandle: `@${handle}`,
    accountName: 'Budi Pegawai',
    employeeId: null,
    employeeConfirmed: false,
    text: 'Ayo coblos nomor 2! Pasti menang #Pilkada',
    actKind: 'post',
    postedAt: new Date(Date.now() - 3_600_000).toISOString(),
    electionEventId: event.id,
    electionContestId: v.contest,
  });
  const capture = async (by: TestClient, handle: string) => {
    const m = multipartPayload({ capture: JSON.stringify(captureFields(handle)) }, [{ name: 'layar.png', content: await png('#1877f2'), type: 'image/png' }]);
    const d = await ok(by.request({ method: 'POST', url: '/api/monitoring/captures', ...m }), 'capture');
    return { id: d.id as string, fileId: d.files[0].id as string };
  };
  // Own: captured by the Inspektorat (who may edit only their own); other: captured by the Satgas.
  o.capture = await capture(c.inspektorat ?? c.satgas, 'budi.pns');
  if (extra) o.captureOther = await capture(c.satgas, 'siti.pns');
  const monImport = multipartPayload({ options: JSON.stringify({}) }, [{ name: 'impor.csv', content: Buffer.from('platform,url,account_handle,text,posted_at\nfacebook,https://facebook.com/x/posts/1,@x,Halo semua,2026-01-10T08:00:00+07:00\n'), type: 'text/plain' }]);
  o.monitoringImport = { id: (await ok(c.satgas.request({ method: 'POST', url: '/api/monitoring/imports', ...monImport }), 'monitoring import')).id };
  o.declaredAccount = { id: (await ok(c.satgas.post('/api/monitoring/declared-accounts', declaredBody(outsider.id)), 'declared account')).id };
  v.outsiderId = outsider.id;
  return { o, v, units: { disdik, dinkes } };
}

let handleSerial = 0;
export function declaredBody(employeeId: string) {
  return { employeeId, platform: 'instagram', handle: `akun.uji.${++handleSerial}.${randomBytes(2).toString('hex')}`, url: null, legalBasis: 'Dinyatakan pegawai dalam pakta integritas.', declaredOn: isoDay(-3), note: null };
}

/** Solves the proof of work like the public form does. */
async function solvePowFor(client: TestClient): Promise<string> {
  const { solveChallenge } = await import('altcha-lib');
  const { deriveKey } = await import('altcha-lib/algorithms/pbkdf2');
  const challenge = (await client.get('/api/public/pow')).body;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

async function actorOf(client: TestClient): Promise<Actor> {
  const s = (await client.get('/api/auth/session')).body;
  return {
    userId: s.user.id,
    label: s.user.username ?? s.user.displayName,
    roles: s.user.roles as Role[],
    scopeUnitId: s.user.scopeUnitId,
    // Only its presence matters to scopeFor; the server resolves the real path.
    scopeUnitPath: s.user.scopeUnitId ? '/scope/' : null,
    employeeId: s.user.employeeId,
  };
}

/** Signs an employee in with the one-time code from the dev outbox. */
async function employeeClient(t: TestApp, idNumber: string, tenant: string): Promise<TestClient> {
  const c = new TestClient(t);
  await c.loginEmployee(idNumber, tenant);
  return c;
}

/** Seeds tenants A and B and builds every object the matrix names (about 20 s on PGlite). */
export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  furnishing = t;
  const a = await seedTenant(t, TENANT_A, 'Kabupaten Contoh', 150);
  const b = await seedTenant(t, TENANT_B, 'Kota Lain', 150);
  const clients = {} as Record<MatrixRole, TestClient>;
  for (const [role, username] of Object.entries(ROLE_ACCOUNT)) clients[role as MatrixRole] = await signIn(t, username, TENANT_A);
  // The pegawai works inside Disdik, so their own record is also "own unit" for the Disdik head.
  const pegawaiEmp = await employeeIn(t, a.tenantId, 'Dinas Pendidikan dan Kebudayaan', 3);
  clients.pegawai = await employeeClient(t, pegawaiEmp.idNumber, TENANT_A);
  clients.anonymous = new TestClient(t);
  const actors = {} as Record<MatrixRole, Actor | null>;
  for (const role of MATRIX_ROLES) actors[role] = role === 'anonymous' ? null : await actorOf(clients[role]);

  const pegawaiEmpB = await employeeIn(t, b.tenantId, 'Dinas Pendidikan dan Kebudayaan', 3);
  const sideB = { admin: await signIn(t, 'admin.bkpsdm', TENANT_B), satgas: await signIn(t, 'satgas', TENANT_B), custodian: await signIn(t, 'kustodian', TENANT_B), pegawai: await employeeClient(t, pegawaiEmpB.idNumber, TENANT_B) };

  const A = await buildSide(t, a.tenantId, TENANT_A, { admin: clients.admin, satgas: clients.satgas, custodian: clients.custodian, pegawai: clients.pegawai, inspektorat: clients.inspektorat }, pegawaiEmp, true);
  const B = await buildSide(t, b.tenantId, TENANT_B, sideB, pegawaiEmpB, false);

  /** own / otherTenant for a kind, plus otherUnit from the named A-side variant. */
  const tri = (kind: string, otherUnit?: string): Targets => ({ own: A.o[kind]!, ...(otherUnit ? { otherUnit: A.o[otherUnit]! } : {}), otherTenant: B.o[kind]! });
  const obj: Record<string, Targets> = {
    unit: tri('disdik'),
    employee: tri('employee', 'outsider'),
    correction: tri('correction'),
    import: tri('import'),
    event: tri('event'),
    eventSpare: { own: A.o.eventSpare!, otherTenant: B.o.event! },
    campaign: tri('campaign'),
    // The campaign with a unit in the query or body: Disdik (inside the head's subtree) or Dinas Kesehatan.
    campaignUnit: { own: { id: A.o.campaign!.id!, unitId: A.units.disdik.id }, otherUnit: { id: A.o.campaign!.id!, unitId: A.units.dinkes.id }, otherTenant: { id: B.o.campaign!.id!, unitId: B.units.disdik.id } },
    campaignEmployee: { own: { id: A.o.campaign!.id!, employeeId: A.v.unsignedInside! }, otherUnit: { id: A.o.campaign!.id!, employeeId: A.v.unsignedOutside! }, otherTenant: { id: B.o.campaign!.id!, employeeId: B.v.unsignedInside! } },
    campaignTemplate: { own: { id: A.o.campaign!.id!, kind: 'ikrar' }, otherTenant: { id: B.o.campaign!.id!, kind: 'ikrar' } },
    signature: tri('signature', 'signatureOther'),
    signatureOther: tri('signatureOther'),
    apel: tri('apel', 'apelOther'),
    apelSubmitted: tri('apelSubmitted', 'apelSubmittedOther'),
    catalogue: tri('catalogue'),
    decree: tri('decree'),
    report: tri('report'),
    reportFile: tri('reportFile'),
    reportSecret: tri('reportSecret'),
    reportForCase: tri('reportForCase'),
    reveal: tri('reveal'),
    case: tri('case'),
    caseEvidence: tri('caseEvidence'),
    caseDocument: tri('caseDocument'),
    recap: tri('recap'),
    announcement: tri('announcement'),
    announcementReach: tri('announcement', 'announcementOther'),
    watchlist: tri('watchlist'),
    watchlistEvent: { own: { electionEventId: A.o.event!.id!, electionContestId: A.v.contest! }, otherTenant: { electionEventId: B.o.event!.id!, electionContestId: B.v.contest! } },
    capture: tri('capture'),
    captureOwned: tri('capture', 'captureOther'),
    monitoringImport: tri('monitoringImport'),
    declaredAccount: tri('declaredAccount'),
  };
  const val = { ...A.v, today: jakartaDay(0) };
  const fresh: AccessWorld['fresh'] = {
    holiday: async () => {
      // The next working day (not a weekend, not a national holiday) that is not a day off yet.
      for (let tries = 0; tries < 40; tries++) {
        const day = new Date(Date.UTC(2027, 8, 1) + ++handleSerial * 86_400_000);
        if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
        const iso = day.toISOString().slice(0, 10);
        const res = await clients.admin.post('/api/case-settings/holidays', { day: iso, name: 'Libur uji matriks', kind: 'libur_daerah' });
        if (res.status === 201) return { day: iso };
      }
      throw new Error('no free working day for a holiday');
    },
    oversightGrant: async () => {
      // B overseeing A, granted anew after each revocation (a revoked grant is kept as history).
      const res = await clients.superadmin.post('/api/insights/oversight-grants', { overseerTenantId: b.tenantId, overseenTenantId: a.tenantId });
      if (res.status === 201) return { id: res.body.id };
      const live = (await ok(clients.superadmin.get('/api/insights/oversight-grants'), 'grants')).items.find((g: { overseer: { id: string }; overseen: { id: string } | null; revokedAt: string | null }) => g.overseer.id === b.tenantId && g.overseen?.id === a.tenantId && !g.revokedAt);
      if (!live) throw new Error(`oversight grant: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: live.id };
    },
    correction: async () => ({ id: (await ok(clients.pegawai.post(`/api/campaigns/${A.o.campaign!.id}/corrections`, { message: 'Unit kerja saya salah.' }), 'correction')).id }),
    declaredAccount: async () => ({ id: (await ok(clients.satgas.post('/api/monitoring/declared-accounts', declaredBody(A.v.outsiderId!)), 'declared account')).id }),
    apelPhoto: async () => {
      const form = multipartPayload({}, [{ name: 'apel.png', content: await png('#123456'), type: 'image/png' }]);
      const view = await ok(clients.admin.request({ method: 'POST', url: `/api/apel/${A.v.apelDraftId}/photos`, ...form }), 'apel photo');
      return { id: A.v.apelDraftId!, fileId: (view.photos as { fileId: string }[]).at(-1)!.fileId };
    },
  };
  // Tenant A oversees B (national roll-up), so A's admin and Inspektorat may read the national figures.
  const grant = await ok(clients.superadmin.post('/api/insights/oversight-grants', { overseerTenantId: a.tenantId, overseenTenantId: b.tenantId, basis: 'Uji matriks akses' }), 'oversight grant');
  obj.oversightGrant = { own: { id: grant.id } };
  return { t, clients, actors, b: sideB, tenantIds: { a: a.tenantId, b: b.tenantId }, obj, val, fresh };
}

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

const json = (value: unknown): RequestBody => ({ json: value });
const T = (kind: string) => (w: AccessWorld) => w.obj[kind]!;
const unitQuery = (p: Params) => (p.unitId ? `unitId=${p.unitId}` : '');
const reportUpload = (w: AccessWorld, fields: Record<string, string>): RequestBody => ({ multipart: { fields, files: [{ name: 'bukti.png', content: PIXEL_PNG, type: 'image/png' }] } });
/** A 1×1 PNG, valid for every upload check. */
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const caseVersion = (w: AccessWorld) => Number(w.val.caseVersion);

export const ACCESS_MATRIX: Record<string, RouteEntry> = {
  // --- platform and sign-in ------------------------------------------------------------------
  'GET /.well-known/netra-signing-key': { access: PUBLIC },
  'GET /api/health': { access: PUBLIC },
  'GET /api/auth/session': { access: PUBLIC },
  'POST /api/auth/login': { access: PUBLIC, body: () => json({ tenant: TENANT_A, username: 'matriks.tidak.ada', password: 'salah-sekali' }), note: 'an unknown account: 401 INVALID_CREDENTIALS is the route working, not a denial' },
  'POST /api/auth/otp/request': { access: PUBLIC, body: () => json({ tenant: TENANT_A, idNumber: '199001012020011999' }) },
  'POST /api/auth/otp/verify': { access: PUBLIC, body: () => json({ tenant: TENANT_A, idNumber: '199001012020011999', code: '000000' }) },
  'POST /api/auth/logout': { access: SESSION, throwawaySession: true },
  'POST /api/auth/totp/setup': { access: STAFF, note: 'TOTP is for password accounts; an employee (OTP) account is refused' },
  'POST /api/auth/totp/enable': { access: SESSION, body: () => json({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', code: '000000' }), note: 'a wrong code: 401 TOTP_INVALID is the route working' },
  'GET /api/public/tenants': { access: PUBLIC },
  'GET /api/tenants': { access: perm('tenant.manage') },
  'POST /api/tenants': {
    access: perm('tenant.manage'),
    body: () => json({ slug: TENANT_A, name: 'Duplikat', kind: 'kabupaten', wilayahCode: null, timezone: 'Asia/Jakarta', admin: { username: 'admin.baru', displayName: 'Admin Baru', password: 'Kata-Sandi-Panjang-1' } }),
    note: 'an existing slug: an allowed call ends in CONFLICT and creates nothing',
  },
  'GET /api/reference/regions': { access: perm('tenant.manage'), query: () => 'q=jawa' },
  'GET /api/dev/outbox': { access: PUBLIC, note: 'exists only without SMTP outside production, so demo employees can read their code' },

  // --- units and employees -------------------------------------------------------------------
  'GET /api/units': { access: perm('unit.read') },
  'POST /api/units': { access: perm('unit.write'), body: (_p, w) => json({ name: `Bidang Matriks ${randomUUID().slice(0, 6)}`, unitType: 'bagian', parentId: w.obj.unit!.own.id }) },
  'PATCH /api/units/:id': { access: perm('unit.write'), targets: T('unit'), body: () => json({ code: 'M-1' }) },
  'GET /api/employees': { access: perm('employee.read') },
  'GET /api/employees/export.xlsx': { access: perm('employee.export') },
  'POST /api/employees': { access: perm('employee.write'), body: (_p, w) => json({ idNumber: `UJI${Date.now()}${Math.floor(Math.random() * 1e4)}`, name: 'Pegawai Matriks', category: 'thl', unitId: w.obj.unit!.own.id }) },
  'GET /api/employees/stats': { access: perm('unit.read'), targets: (w) => ({ own: { unitId: w.obj.unit!.own.id! }, otherUnit: { unitId: w.obj.campaignUnit!.otherUnit!.unitId! }, otherTenant: { unitId: w.obj.unit!.otherTenant!.id! } }), query: unitQuery },
  'GET /api/corrections': { access: perm('employee.write') },
  'POST /api/corrections/:id/resolve': { access: perm('employee.write'), targets: T('correction'), fresh: (w) => w.fresh.correction(), note: 'a resolved report is gone for the next caller: each allowed call resolves a new one' },
  'GET /api/employees/:id': { access: perm('employee.read'), targets: T('employee') },
  'PATCH /api/employees/:id': { access: perm('employee.write'), targets: T('employee'), body: () => json({ phone: '081200001111' }) },

  // --- employee-master import ------------------------------------------------------------------
  'POST /api/imports': { access: perm('employee.import'), body: () => ({ multipart: { fields: {}, files: [{ name: 'pegawai.csv', content: Buffer.from('NIP;Nama;Unit Kerja\n197005122000031002;Uji;Dinas Sosial\n'), type: 'text/csv' }] } }) },
  'GET /api/imports': { access: perm('employee.import') },
  'GET /api/imports/:id': { access: perm('employee.import'), targets: T('import') },
  'POST /api/imports/:id/validate': { access: perm('employee.import'), targets: T('import'), body: () => json({ mapping: { NIP: 'idNumber', Nama: 'name', 'Unit Kerja': 'unit' }, defaultCategory: 'pns' }) },
  'GET /api/imports/:id/issues': { access: perm('employee.import'), targets: T('import') },
  'POST /api/imports/:id/commit': { access: perm('employee.import'), targets: T('import'), body: () => json({}) },

  // --- audit ------------------------------------------------------------------------------------
  'GET /api/audit': { access: perm('audit.read') },
  'GET /api/audit/verify': { access: perm('audit.read') },

  // --- elections, campaigns, pledges ----------------------------------------------------------
  'GET /api/elections': { access: perm('election.read') },
  'GET /api/elections/:id': { access: perm('election.read'), targets: T('event') },
  'POST /api/elections': { access: perm('election.write'), body: () => json(electionBody(isoDay(-20))) },
  'PUT /api/elections/:id': { access: perm('election.write'), targets: T('eventSpare'), body: (_p, w) => json(electionBody(w.val.penetapan!)) },
  'GET /api/campaigns': { access: perm('campaign.read') },
  'POST /api/campaigns': { access: perm('campaign.write'), body: (_p, w) => json({ eventId: w.obj.event!.own.id, name: 'Kampanye Matriks', signDeadline: isoDay(7), signingPlace: 'Contoh' }) },
  'GET /api/campaigns/:id': { access: perm('campaign.read'), targets: T('campaign') },
  'PATCH /api/campaigns/:id': { access: perm('campaign.write'), targets: T('campaign'), body: () => json({ signingPlace: 'Kota Contoh' }) },
  'PUT /api/campaigns/:id/templates/:kind': { access: perm('campaign.write'), targets: T('campaignTemplate'), body: () => json({ title: 'Ikrar Netralitas', body: 'Kami Aparatur Sipil Negara berikrar menjaga netralitas.' }) },
  'GET /api/pledges/mine': { access: perm('pledge.sign') },
  'GET /api/campaigns/:id/signing': { access: perm('pledge.sign'), targets: T('campaign') },
  'POST /api/campaigns/:id/sign': { access: perm('pledge.sign'), targets: T('campaign'), body: (_p, w) => json({ ikrarTemplateId: w.val.ikrar, paktaTemplateId: w.val.pakta, typedName: 'Nama Pegawai', undertakings: [true] }), note: 'the pegawai already signed: idempotent 200' },
  'POST /api/campaigns/:id/corrections': { access: perm('pledge.sign'), targets: T('campaign'), body: () => json({ message: 'Golongan saya salah.' }), alsoDeniedAs: ['NOT_TARGETED'], note: 'another tenant’s campaign is answered as one the employee is not asked to sign' },
  'POST /api/campaigns/:id/paper-signatures': {
    access: perm('pledge.record_paper'),
    targets: T('campaignEmployee'),
    alsoDeniedAs: ['VALIDATION_FAILED'],
    note: 'another tenant’s employee in the form is refused as an unknown employee (400) before the campaign is looked up',
    body: (p, w) => ({ multipart: { fields: { employeeId: p.employeeId!, signedOn: w.val.today! }, files: [{ name: 'scan.png', content: PIXEL_PNG, type: 'image/png' }] } }),
  },
  'GET /api/campaigns/:id/signatures': { access: perm('pledge.read'), targets: T('campaign') },
  'POST /api/pledges/signatures/:id/revoke': { access: perm('pledge.revoke'), targets: T('signatureOther'), body: () => json({ reason: 'Dicatat untuk orang yang salah.' }) },
  'GET /api/pledges/signatures/:id/pdf': { access: perm('pledge.read', 'pledge.sign'), targets: T('signature'), note: 'the signer themselves (pledge.sign, self) or staff who read pledges (a unit head: their subtree)' },
  'GET /api/public/verify/:id': { access: PUBLIC, targets: T('signature'), note: 'public verification of any signature by its QR id' },
  'POST /api/public/verify': { access: PUBLIC, body: () => ({ multipart: { fields: {}, files: [{ name: 'dokumen.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' }] } }) },

  // --- apel ---------------------------------------------------------------------------------------
  'GET /api/campaigns/:id/apel': { access: perm('apel.report'), targets: T('campaign') },
  'GET /api/campaigns/:id/apel/roster': { access: perm('apel.report'), targets: T('campaignUnit'), query: unitQuery },
  'POST /api/campaigns/:id/apel': {
    access: perm('apel.report'),
    targets: T('campaignUnit'),
    body: (p, w) => json({ unitId: p.unitId, heldOn: w.val.today, place: 'Aula', leaderName: 'Kepala Unit', readerName: 'Sekretaris', witnesses: [], notes: null }),
  },
  'GET /api/apel/:id': { access: perm('apel.report'), targets: T('apel') },
  'PATCH /api/apel/:id': { access: perm('apel.report'), targets: T('apel'), body: () => json({ place: 'Halaman depan' }) },
  'PUT /api/apel/:id/attendance': { access: perm('apel.report'), targets: T('apel'), body: () => json({ entries: [{ employeeId: randomUUID(), status: 'hadir' }] }) },
  'POST /api/apel/:id/photos': { access: perm('apel.report'), targets: T('apel'), body: () => ({ multipart: { fields: {}, files: [{ name: 'apel.png', content: PIXEL_PNG, type: 'image/png' }] } }) },
  'DELETE /api/apel/:id/photos/:fileId': { access: perm('apel.report'), targets: T('apel'), fresh: (w) => w.fresh.apelPhoto(), note: 'deny cells name an existing photo; each allowed call deletes a new one' },
  'GET /api/apel/:id/photos/:fileId': { access: perm('apel.report'), targets: T('apel') },
  'POST /api/apel/:id/submit': { access: perm('apel.report'), targets: T('apel') },
  'POST /api/apel/:id/accept': { access: perm('apel.review'), targets: T('apelSubmitted') },
  'POST /api/apel/:id/return': { access: perm('apel.review'), targets: T('apelSubmitted'), body: () => json({ note: 'Foto kurang jelas.' }) },
  'GET /api/apel/:id/berita-acara.pdf': { access: perm('apel.report'), targets: T('apelSubmitted') },

  // --- compliance ---------------------------------------------------------------------------------
  'GET /api/campaigns/:id/compliance': { access: perm('compliance.read'), targets: T('campaignUnit'), query: unitQuery },
  'GET /api/campaigns/:id/compliance/unsigned': { access: perm('compliance.read'), targets: T('campaignUnit'), query: unitQuery },
  'POST /api/campaigns/:id/reminders/run': { access: perm('compliance.remind'), targets: T('campaign') },
  'GET /api/campaigns/:id/compliance.xlsx': { access: perm('compliance.read'), targets: T('campaignUnit'), query: unitQuery },
  'GET /api/campaigns/:id/signatures.xlsx': { access: perm('pledge.read'), targets: T('campaignUnit'), query: unitQuery },
  'GET /api/campaigns/:id/recap.pdf': { access: perm('compliance.read'), targets: T('campaignUnit'), query: unitQuery },

  // --- catalogue, case settings, Satgas ----------------------------------------------------------
  'GET /api/catalogue': { access: perm('catalogue.read') },
  'GET /api/catalogue/versions': { access: perm('catalogue.read') },
  'GET /api/catalogue/versions/:id': { access: perm('catalogue.read'), targets: T('catalogue') },
  'POST /api/catalogue/versions': {
    access: perm('catalogue.publish'),
    body: (_p, w) => json({ title: 'Versi Matriks', note: 'Terbit ulang untuk uji matriks akses.', items: JSON.parse(w.val.catalogueItems!) }),
    note: 'republishes the current items: an allowed call creates a new version',
  },
  'GET /api/catalogue/propose': { access: perm('catalogue.read'), query: () => 'actKind=kampanye_media_sosial' },
  'GET /api/case-settings': { access: perm('case.settings', 'case.read') },
  'PUT /api/case-settings': {
    access: perm('case.settings'),
    body: (_p, w) => json({ ...JSON.parse(w.val.caseSettings!), reason: null }),
    note: 'the current settings sent back unchanged',
  },
  'GET /api/case-settings/holidays': { access: perm('case.settings', 'case.read'), query: () => 'year=2026' },
  'POST /api/case-settings/holidays': { access: perm('case.settings'), body: () => json({ day: `2027-03-${String(10 + Math.floor(Math.random() * 15))}`, name: 'Libur daerah matriks', kind: 'libur_daerah' }) },
  'DELETE /api/case-settings/holidays/:day': { access: perm('case.settings'), targets: () => ({ own: { day: '2027-12-01' } }), fresh: (w) => w.fresh.holiday(), note: 'a day of the caller’s own tenant; there is no other tenant’s day to name' },
  'GET /api/satgas/decrees': { access: perm('satgas.read') },
  'GET /api/satgas/decrees/:id': { access: perm('satgas.read'), targets: T('decree') },
  'POST /api/satgas/decrees': { access: perm('satgas.write'), body: () => json(decreeBody(`800/${Math.floor(Math.random() * 1e6)}/MATRIKS`, false)) },
  'PUT /api/satgas/decrees/:id': { access: perm('satgas.write'), targets: T('decree'), body: () => json(decreeBody('800.1.6.4/001/SATGAS/2026', true)) },
  'GET /api/satgas/active': { access: perm('satgas.read') },
  'GET /api/satgas/accounts': { access: perm('satgas.write'), note: 'accounts to link to decree members: for whoever edits the decree' },

  // --- pengaduan: public side (every call logs nothing) -------------------------------------------
  'GET /api/public/pow': { access: PUBLIC },
  'GET /api/public/reports/options': { access: PUBLIC, query: () => `tenant=${TENANT_A}` },
  'POST /api/public/reports': { access: PUBLIC, body: (_p, w) => reportUpload(w, { report: JSON.stringify(reportForm()), altcha: 'bukan-pow', tenant: TENANT_A }), note: 'without a solved proof of work: POW_INVALID is the route working' },
  'POST /api/reports/internal': { access: perm('report.submit_internal'), body: (_p, w) => reportUpload(w, { report: JSON.stringify(reportForm()) }) },
  'POST /api/public/reports/receipt.pdf': { access: PUBLIC, body: () => json({ tenant: TENANT_A, number: 'LP-ZZZZ-ZZZZ', key: 'AAAA-AAAA-AAAA-AAAA-AAAA' }), note: 'a wrong key: RECEIPT_INVALID is the route working' },
  'POST /api/public/receipt/login': { access: PUBLIC, body: () => json({ tenant: TENANT_A, number: 'LP-ZZZZ-ZZZZ', key: 'AAAA-AAAA-AAAA-AAAA-AAAA', altcha: 'bukan-pow' }) },
  'POST /api/public/receipt/logout': { access: PUBLIC },
  'GET /api/public/receipt': { access: RECEIPT },
  'POST /api/public/receipt/messages': { access: RECEIPT, body: () => json({ body: 'Pesan dari pelapor.' }) },
  'POST /api/public/receipt/files': { access: RECEIPT, body: (_p, w) => reportUpload(w, {}) },

  // --- pengaduan: Satgas inbox and the two-person reveal ----------------------------------------
  'GET /api/reports': { access: perm('report.read') },
  'POST /api/reports': { access: perm('report.enter'), body: (_p, w) => json({ channel: 'surat', receivedOn: w.val.today, report: reportForm() }) },
  'GET /api/reports/:id': { access: perm('report.read'), targets: T('report') },
  'GET /api/reports/:id/files/:fileId': { access: perm('report.read'), targets: T('reportFile') },
  'POST /api/reports/:id/files': { access: perm('report.handle'), targets: T('report'), body: (_p, w) => reportUpload(w, {}) },
  'POST /api/reports/:id/notes': { access: perm('report.handle'), targets: T('report'), body: () => json({ body: 'Catatan matriks.' }) },
  'POST /api/reports/:id/messages': { access: perm('report.handle'), targets: T('report'), body: () => json({ body: 'Mohon kirim bukti tambahan.' }) },
  'POST /api/reports/:id/status': { access: perm('report.handle'), targets: T('report'), body: () => json({ status: 'diverifikasi' }) },
  'POST /api/reports/:id/duplicate': { access: perm('report.handle'), targets: T('report'), body: () => json({ duplicateOfNumber: 'LP-ZZZZ-ZZZZ' }) },
  'POST /api/reports/:id/triage': { access: perm('report.handle'), targets: T('report'), body: () => json({ reportedEmployeeId: null }) },
  'POST /api/reports/:id/handover': { access: perm('report.handle'), targets: T('report'), body: () => json({}) },
  'POST /api/reports/:id/reveal-requests': { access: perm('report.reveal.request'), targets: T('reportSecret'), body: () => json({ reason: 'Klarifikasi langsung kepada pelapor diperlukan untuk kajian.' }) },
  'GET /api/reveal-requests': { access: perm('report.reveal.request', 'report.reveal.approve') },
  'POST /api/reveal-requests/:id/decision': { access: perm('report.reveal.approve'), targets: T('reveal'), body: () => json({ approve: false }), note: 'already decided: REVEAL_STATE is the route working' },
  'GET /api/reveal-requests/:id/identity': { access: perm('report.reveal.request'), targets: T('reveal'), note: 'the requester of an approved reveal (the Satgas account that asked)' },

  // --- penanganan (cases) ----------------------------------------------------------------------
  'GET /api/cases': { access: perm('case.read') },
  'POST /api/cases': {
    access: perm('case.handle'),
    body: (_p, w) => json({ origin: 'temuan_patroli', title: 'Kasus matriks', summary: 'Ringkasan kasus untuk uji matriks akses.', electionEventId: w.obj.event!.own.id, electionContestId: w.val.contest, actKind: 'kampanye_media_sosial', actDate: w.val.penetapan, discoveredOn: isoDay(-1), place: 'Facebook', subjects: [] }),
  },
  'POST /api/reports/:id/case': { access: perm('case.handle'), targets: T('reportForCase'), body: () => json({}) },
  'GET /api/cases/ppk-board': { access: perm('case.read') },
  'GET /api/cases/export': { access: perm('case.read') },
  'GET /api/cases/:id': { access: perm('case.read'), targets: T('case') },
  'POST /api/cases/:id/actions': { access: perm('case.handle'), targets: T('case'), body: (_p, w) => json({ action: 'start_verification', expectedVersion: caseVersion(w) }), note: 'a Satgas step (case.handle); `decide` needs case.decide' },
  'POST /api/cases/:id/assign': { access: perm('case.handle'), targets: T('case'), body: (_p, w) => json({ expectedVersion: caseVersion(w), userId: null }) },
  'POST /api/cases/:id/notes': { access: perm('case.handle'), targets: T('case'), body: (_p, w) => json({ expectedVersion: caseVersion(w), body: 'Catatan matriks.' }) },
  'POST /api/cases/:id/subjects': { access: perm('case.handle'), targets: T('case'), body: (_p, w) => json({ expectedVersion: caseVersion(w), subject: { name: 'Terlapor Matriks' } }) },
  'POST /api/cases/:id/corrections': { access: perm('case.handle'), targets: T('case'), body: (_p, w) => json({ expectedVersion: caseVersion(w), correctsSeq: 1, kind: 'correction', reason: 'Salah ketik.', corrected: {} }) },
  'POST /api/cases/:id/evidence': { access: perm('case.handle'), targets: T('case'), body: (_p, w) => reportUpload(w, { description: 'Bukti matriks' }) },
  'GET /api/cases/:id/evidence/:fileId': { access: perm('case.read'), targets: T('caseEvidence') },
  'POST /api/cases/:id/documents': { access: perm('case.handle'), targets: T('case'), body: () => json({ kind: 'surat_rekomendasi' }) },
  'GET /api/cases/:id/documents/:fileId': { access: perm('case.read'), targets: T('caseDocument') },
  'GET /api/cases/:id/bundle': { access: perm('case.read'), targets: T('case') },

  // --- notifications, insights, recaps, sosialisasi ----------------------------------------------
  'GET /api/notifications': { access: perm('notification.read') },
  'POST /api/notifications/read': { access: perm('notification.read'), body: () => json({ id: null }) },
  'GET /api/public/transparency': { access: PUBLIC, query: () => `tenant=${TENANT_A}` },
  'GET /api/insights/cases': { access: perm('dashboard.read'), targets: T('campaignUnit'), query: unitQuery, note: 'the unit in the query: a unit head is refused outside their subtree' },
  'GET /api/insights/cases.xlsx': { access: perm('dashboard.read'), targets: T('campaignUnit'), query: unitQuery },
  'GET /api/insights/national': { access: perm('dashboard.national'), note: 'tenant A holds an oversight grant over B; without one an admin is refused (FORBIDDEN, no_oversight_grant)' },
  'GET /api/insights/national.xlsx': { access: perm('dashboard.national') },
  'GET /api/insights/national/scope': { access: perm('dashboard.national') },
  'POST /api/insights/national/refresh': { access: perm('oversight.manage') },
  'GET /api/insights/oversight-grants': { access: perm('oversight.manage') },
  'POST /api/insights/oversight-grants': { access: perm('oversight.manage'), body: (_p, w) => json({ overseerTenantId: w.tenantIds.a, overseenTenantId: w.tenantIds.b }), note: 'the grant exists: an allowed call ends in CONFLICT' },
  'POST /api/insights/oversight-grants/:id/revoke': { access: perm('oversight.manage'), targets: T('oversightGrant'), fresh: (w) => w.fresh.oversightGrant(), note: 'grants are platform-wide (no tenant owns one)' },
  'GET /api/recaps': { access: perm('recap.read') },
  'POST /api/recaps': { access: perm('recap.generate'), body: () => json({ kind: 'bupati_weekly' }) },
  'GET /api/recaps/settings': { access: perm('recap.read') },
  'PUT /api/recaps/settings': { access: perm('recap.settings'), body: () => json({ weeklyEnabled: true, recipients: [] }) },
  'GET /api/recaps/:id/:format': { access: perm('recap.read'), targets: T('recap') },
  'GET /api/public/rules': { access: PUBLIC, query: () => `tenant=${TENANT_A}` },
  'GET /api/sosialisasi/announcements': { access: perm('sosialisasi.read') },
  'POST /api/sosialisasi/announcements': { access: perm('sosialisasi.manage'), body: () => json({ title: 'Pengumuman matriks', body: 'Isi pengumuman untuk uji matriks.', targetUnitIds: [] }) },
  'GET /api/sosialisasi/announcements/:id/units': { access: perm('sosialisasi.read'), targets: T('announcement') },
  'GET /api/sosialisasi/mine': { access: perm('sosialisasi.acknowledge') },
  'POST /api/sosialisasi/announcements/:id/read': { access: perm('sosialisasi.acknowledge'), targets: T('announcementReach'), note: 'other unit: an announcement sent only to Dinas Kesehatan does not exist for a Disdik employee' },
  'POST /api/sosialisasi/announcements/:id/acknowledge': { access: perm('sosialisasi.acknowledge'), targets: T('announcementReach'), body: () => json({}) },

  // --- pengawasan media sosial -----------------------------------------------------------------
  'GET /api/monitoring/captures': { access: perm('monitoring.read') },
  'POST /api/monitoring/captures': {
    access: perm('monitoring.capture'),
    body: (_p, w) => ({
      multipart: {
        fields: {
          capture: JSON.stringify({ platform: 'facebook', url: `https://facebook.com/matriks/posts/${randomBytes(4).toString('hex')}`, accountHandle: '@matriks', accountName: null, employeeId: null, employeeConfirmed: false, text: 'Unggahan uji matriks', actKind: 'post', postedAt: new Date(Date.now() - 3_600_000).toISOString(), electionEventId: w.obj.event!.own.id, electionContestId: null }),
        },
        files: [],
      },
    }),
  },
  'GET /api/monitoring/captures/:id': { access: perm('monitoring.read'), targets: T('capture') },
  'POST /api/monitoring/captures/:id/revisions': {
    access: { kind: 'permission', anyOf: ['monitoring.review'], ownOnly: ['monitoring.capture'] },
    targets: T('captureOwned'),
    body: () => json({ text: `Teks revisi ${randomUUID()}`, reason: 'Teks salah salin.', expectedRevision: 1 }),
    note: 'reviewers, or whoever captured it (own = captured by the Inspektorat account; other = by the Satgas)',
  },
  'POST /api/monitoring/captures/:id/files': { access: { kind: 'permission', anyOf: ['monitoring.review'], ownOnly: ['monitoring.capture'] }, targets: T('captureOwned'), body: (_p, w) => reportUpload(w, {}) },
  'GET /api/monitoring/captures/:id/files/:fileId': { access: perm('monitoring.read'), targets: T('capture') },
  'POST /api/monitoring/captures/:id/review': { access: perm('monitoring.review'), targets: T('capture'), body: () => json({ decision: 'relevant', reason: 'Mendukung calon.', expectedRevision: 1 }) },
  'POST /api/monitoring/captures/:id/open-case': { access: { kind: 'permission', anyOf: ['monitoring.review'], allOf: ['monitoring.review', 'case.handle'] }, targets: T('capture'), body: () => json({ alsoCaptureIds: [], expectedRevision: 1 }) },
  'GET /api/monitoring/labels.jsonl': { access: perm('monitoring.review') },
  'GET /api/monitoring/watchlists': { access: perm('monitoring.read') },
  'GET /api/monitoring/watchlists/current': { access: perm('monitoring.read'), targets: T('watchlistEvent'), query: (p) => `electionEventId=${p.electionEventId}&electionContestId=${p.electionContestId}` },
  'GET /api/monitoring/watchlists/:id': { access: perm('monitoring.read'), targets: T('watchlist') },
  'GET /api/monitoring/watchlists/:id/export': { access: perm('monitoring.read'), targets: T('watchlist') },
  'PUT /api/monitoring/watchlists': { access: perm('monitoring.watchlist'), targets: T('watchlistEvent'), alsoDeniedAs: ['VALIDATION_FAILED'], note: 'the election is named in the body: another tenant’s is an unknown election (400)', body: (p) => json({ electionEventId: p.electionEventId, electionContestId: p.electionContestId, document: demoWatchlist() }) },
  'POST /api/monitoring/imports': { access: perm('monitoring.capture'), body: () => ({ multipart: { fields: { options: '{}' }, files: [{ name: 'impor.csv', content: Buffer.from('platform,url,account_handle,text,posted_at\n'), type: 'text/plain' }] } }) },
  'GET /api/monitoring/imports': { access: perm('monitoring.capture') },
  'GET /api/monitoring/imports/:id': { access: perm('monitoring.capture'), targets: T('monitoringImport') },
  'GET /api/monitoring/declared-accounts': { access: perm('monitoring.read') },
  'POST /api/monitoring/declared-accounts': { access: perm('monitoring.watchlist'), body: (_p, w) => json(declaredBody(w.val.outsiderId!)) },
  'PATCH /api/monitoring/declared-accounts/:id': { access: perm('monitoring.watchlist'), targets: T('declaredAccount'), body: () => json({ note: 'Diperbarui.' }) },
  'DELETE /api/monitoring/declared-accounts/:id': { access: perm('monitoring.watchlist'), targets: T('declaredAccount'), fresh: (w) => w.fresh.declaredAccount() },
  'GET /api/monitoring/employee-suggestions': { access: perm('monitoring.capture'), query: () => 'name=Budi' },
};

function decreeBody(number: string, active: boolean) {
  return {
    number,
    signedOn: '2026-01-05',
    signerTitle: 'Bupati Contoh',
    periodStart: active ? '2026-01-01' : '2030-01-01',
    periodEnd: active ? '2027-12-31' : '2030-12-31',
    scopeUnitId: null,
    isActive: active,
    members: [{ position: 'ketua', name: 'Sekretaris Daerah', title: 'Sekretaris Daerah' }],
  };
}

/** Routes that are not part of the API surface: the OpenAPI UI and the web app's static files. */
export function isIgnoredRoute(method: string, url: string): boolean {
  if (method === 'HEAD') return true; // Fastify's automatic HEAD twin of a GET (checked separately)
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return true;
  return !url.startsWith('/api/') && !url.startsWith('/.well-known/');
}
