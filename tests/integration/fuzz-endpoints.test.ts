/**
 * Property-based abuse tests (fast-check) over every route the app registers: the route table is
 * collected with an onRoute hook, so a new route is fuzzed without touching this file.
 *
 * Per route and run, one thing is made hostile (the body, the headers, the path or the query string)
 * while the rest stays plausible, so the hostile part reaches as deep as it can: bodies are generated
 * from the route's own Zod schema with hostile leaves (wrong types, huge strings, NUL bytes, unpaired
 * surrogates, impossible dates, numbers as strings, negative and huge numbers, arrays for objects,
 * `__proto__`/`constructor` keys, deep nesting). Ids come from a pool of real rows, so services run.
 *
 * Asserted for every response: never 5xx; every 4xx is `{error:{code,message,details}}` with a code
 * from src/shared/errors.ts; a refused request leaves the row count of every table and the number of
 * files under DATA_DIR unchanged (the audit of failed sign-ins and receipt guesses is the one allowed
 * trace, by design); the test process's Object.prototype is never polluted.
 *
 * NETRA_FUZZ_RUNS (default 4) sets the runs per route; NETRA_FUZZ_SEED replays a run (the seed is
 * printed with every failure); NETRA_FUZZ_ROUTE limits the run to routes containing that text.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ERRORS } from '../../src/shared/errors.js';
import { CaptureImportOptions, CaptureInput } from '../../src/shared/contracts/monitoring.contract.js';
import { ReportInput } from '../../src/shared/contracts/reports.contract.js';
import { demoWatchlist } from '../../src/server/seed/demo-monitoring.js';
import { apelBody, setupApelCampaign } from '../support/apel-fixtures.js';
import { createCase, startCaseWorld, type CaseWorld } from '../support/case-fixtures.js';
import { TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { loginReceipt, reportForm, solvePow, sqlRows, submitReport } from '../support/report-fixtures.js';

interface CollectedRoute {
  method: string;
  url: string;
  schema?: { body?: unknown; querystring?: unknown; params?: unknown; consumes?: string[] };
}
const ROUTES = vi.hoisted(() => [] as CollectedRoute[]);

// The route table, as Fastify sees it: every route registered anywhere in the app, with its schema.
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const original = mod.default as unknown as (options: unknown) => { addHook: (name: 'onRoute', hook: (route: { method: string | string[]; url: string; schema?: CollectedRoute['schema'] }) => void) => void };
  const wrapped = (options: unknown) => {
    const app = original(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) ROUTES.push({ method, url: route.url, schema: route.schema });
    });
    return app;
  };
  Object.assign(wrapped, original);
  return { ...mod, default: wrapped };
});

const RUNS = Number(process.env.NETRA_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.NETRA_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.NETRA_FUZZ_ROUTE;
const POW = '__NETRA_POW__';
const HANG_MS = 30_000;
const VERBOSE = process.env.NETRA_FUZZ_VERBOSE === '1';

type Role = 'anon' | 'admin' | 'satgas' | 'ppk' | 'pegawai' | 'superadmin' | 'custodian' | 'inspektorat' | 'pimpinan' | 'reporter';
const ROLES: Role[] = ['anon', 'admin', 'satgas', 'ppk', 'pegawai', 'superadmin', 'custodian', 'inspektorat', 'pimpinan', 'reporter'];

/** The role that may use a route (so the hostile input gets past the permission check). */
function primaryRole(method: string, url: string): Role {
  if (url.startsWith('/api/public/receipt') && url !== '/api/public/receipt/login') return 'reporter';
  if (!url.startsWith('/api/') || url.startsWith('/api/public/') || url.startsWith('/api/docs') || url === '/api/health') return 'anon';
  if (['/api/auth/login', '/api/auth/otp/request', '/api/auth/otp/verify', '/api/auth/session'].includes(url)) return 'anon';
  // Signing out and TOTP enrolment would change the main test accounts: a spare account takes them.
  if (url.startsWith('/api/auth/')) return 'inspektorat';
  if (url === '/api/tenants') return 'superadmin';
  if (url === '/api/reveal-requests/:id/decision') return 'custodian';
  if (url === '/api/cases/ppk-board') return 'ppk';
  if (['/api/campaigns/:id/sign', '/api/campaigns/:id/signing', '/api/campaigns/:id/corrections', '/api/pledges/mine', '/api/sosialisasi/mine', '/api/reports/internal', '/api/notifications', '/api/notifications/read'].includes(url)) return 'pegawai';
  if (url.startsWith('/api/sosialisasi/announcements/:id/') && method === 'POST') return 'pegawai';
  if (/^\/api\/(reports|cases|monitoring|reveal-requests)/.test(url)) return 'satgas';
  return 'admin';
}

// ---------------------------------------------------------------- hostile values

const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uFEFF', '\u202Egnp.exe', '%00', '../../../../etc/passwd', '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>', "' or 1=1 --", '"; drop table report; --', '${7*7}', '{{7*7}}', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e309',
  '9'.repeat(400), '0000-01-01', '0000-00-00', '2026-02-30', '2026-13-01', '275760-09-13', '9999-12-31', '-000001-01-01', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z',
  'true', '[]', '{}', '__proto__', 'constructor', 'prototype', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://[::1]:0/', 'file:///etc/passwd',
  '\r\nSet-Cookie: x=1', 'ＡＢＣ', '𝕏'.repeat(300), 'ا'.repeat(1000), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }).map((s) => s.repeat(5_000)), weight: 1 },
);
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, Number.MIN_VALUE, 99999999999),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: hostileNumber.map(String), weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[[]]], { '': '' }), weight: 2 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), weight: 1 },
);

/** A value of `schema`, but any node may be swapped for a hostile one. */
type Json = Record<string, unknown>;
function fromSchema(schema: Json | undefined, ids: string[], depth = 0, hostility = 0.2): fc.Arbitrary<unknown> {
  const valid = validFromSchema(schema ?? {}, ids, depth, hostility);
  if (hostility <= 0) return valid;
  const w = Math.round(hostility * 100);
  return fc.oneof({ arbitrary: valid, weight: 100 - w }, { arbitrary: hostileLeaf, weight: w });
}

function validFromSchema(s: Json, ids: string[], depth: number, hostility: number): fc.Arbitrary<unknown> {
  const sub = (x: unknown) => fromSchema(x as Json, ids, depth + 1, hostility);
  if (depth > 6) return fc.constant(null);
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) return fc.oneof(...((s.anyOf ?? s.oneOf) as Json[]).map((x) => validFromSchema(x, ids, depth + 1, hostility)));
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  if ('const' in s) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      const max = Math.min(Number(s.maxLength ?? 80), 200);
      const min = Math.min(Number(s.minLength ?? 0), max);
      if (s.format === 'uuid') return ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
      if (s.format === 'email') return fc.emailAddress();
      // Valid by the contract, but at the edges of what a database or a date library takes.
      if (s.format === 'date') return fc.oneof({ arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 5 }, { arbitrary: fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '2024-02-29', '1900-01-01'), weight: 1 });
      if (s.format === 'date-time') return fc.oneof({ arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()), weight: 5 }, { arbitrary: fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00Z'), weight: 1 });
      if (s.format === 'uri') return fc.webUrl();
      if (typeof s.pattern === 'string') {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
        } catch {
          /* a pattern fast-check cannot generate from: plain strings */
        }
      }
      return fc.string({ minLength: min, maxLength: max });
    }
    case 'integer':
      return fc.integer({ min: Math.max(Number(s.minimum ?? -Number.MAX_SAFE_INTEGER), -Number.MAX_SAFE_INTEGER), max: Math.min(Number(s.maximum ?? Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: Number(s.minimum ?? -1e6), max: Number(s.maximum ?? 1e6), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const max = Math.min(Number(s.maxItems ?? 3), 4);
      return fc.array(sub(s.items ?? {}), { minLength: Math.min(Number(s.minItems ?? 0), max), maxLength: max });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      const keys = Object.keys(props);
      if (!keys.length) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const model = Object.fromEntries(keys.map((k) => [k, sub(props[k])]));
      const required = ((s.required ?? []) as string[]).filter((k) => keys.includes(k));
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function jsonSchemaOf(schema: unknown): Json | undefined {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return undefined;
  try {
    return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return {};
  }
}

/** Adds own `__proto__` / `constructor` keys (JSON.stringify writes own keys, whatever their name). */
function withPoisonKeys(value: unknown): unknown {
  const target: Record<string, unknown> = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : { value };
  Object.defineProperty(target, '__proto__', { value: { polluted: 'yes', isAdmin: true, roles: ['superadmin'] }, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(target, 'constructor', { value: { prototype: { polluted: 'yes' } }, enumerable: true, configurable: true, writable: true });
  return target;
}

const deepJson = fc.tuple(fc.integer({ min: 100, max: 50_000 }), fc.boolean()).map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));
/** Invalid UTF-8 (a lone continuation byte, an overlong NUL, an encoded surrogate) inside a JSON string. */
const badUtf8 = fc.constantFrom([0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf4, 0x90, 0x80, 0x80]).map((bytes) => Buffer.concat([Buffer.from('{"name":"a'), Buffer.from(bytes), Buffer.from('b","description":"x'), Buffer.from(bytes), Buffer.from('"}')]));

interface Body {
  payload?: string | Buffer;
  contentType?: string;
  label: string;
}

function jsonBody(route: FuzzRoute, ids: string[], hostility: number): fc.Arbitrary<Body> {
  const schema = jsonSchemaOf(route.schema?.body);
  const value = fromSchema(schema, ids, 0, hostility);
  return fc.oneof(
    { arbitrary: value.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json', label: 'schema' })), weight: 6 },
    { arbitrary: value.map((v) => ({ payload: JSON.stringify(withPoisonKeys(v)), contentType: 'application/json', label: 'proto-keys' })), weight: 1 },
    { arbitrary: hostileLeaf.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json', label: 'hostile-top-level' })), weight: 1 },
    { arbitrary: deepJson.map((p) => ({ payload: p, contentType: 'application/json', label: 'deep-nesting' })), weight: 1 },
    { arbitrary: badUtf8.map((p) => ({ payload: p, contentType: 'application/json', label: 'invalid-utf8' })), weight: 1 },
    { arbitrary: fc.constant({ payload: `{"description":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json', label: 'over-body-limit' }), weight: 1 },
  );
}

// ---------------------------------------------------------------- multipart

interface FilePart {
  name: string;
  type: string;
  content: Buffer;
}

let SMALL_JPEG = Buffer.alloc(0);
const MAGIC = [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from('%PDF-1.7\n'), Buffer.from('PK\x03\x04'), Buffer.from('MZ'), Buffer.from('\x7fELF'), Buffer.from('GIF89a'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>')];
const fileContent: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constant(null).map(() => SMALL_JPEG),
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc.tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 512 })).map(([m, b]) => Buffer.concat([m, Buffer.from(b)])),
  fc.constant(Buffer.alloc(0)),
);
const fileName = fc.oneof(fc.constantFrom('bukti.jpg', '../../../etc/passwd', 'a\u0000b.jpg', 'x'.repeat(3000) + '.pdf', 'foto".jpg', 'é✓🚀.png', '.htaccess', 'CON', ''), fc.string({ unit: 'binary', maxLength: 30 }));
const filePart: fc.Arbitrary<FilePart> = fc.record({ name: fileName, type: fc.constantFrom('image/jpeg', 'application/pdf', 'text/html', 'application/octet-stream', ''), content: fileContent });

/** JSON form fields of the multipart routes, with the contract each one is validated against. */
const MULTIPART_FIELDS: Record<string, Record<string, unknown>> = {
  '/api/public/reports': { report: ReportInput, altcha: 'pow', tenant: 'kab-contoh' },
  '/api/reports/internal': { report: ReportInput },
  '/api/monitoring/captures': { capture: CaptureInput },
  '/api/monitoring/imports': { options: CaptureImportOptions },
  '/api/campaigns/:id/paper-signatures': { employeeId: 'uuid', signedOn: 'date' },
  '/api/cases/:id/evidence': { description: 'text' },
};

function multipartFields(route: FuzzRoute, ids: string[]): fc.Arbitrary<Record<string, string>> {
  const spec = MULTIPART_FIELDS[route.url] ?? {};
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [name, kind] of Object.entries(spec)) {
    if (kind === 'pow') model[name] = fc.oneof(fc.constant(POW), hostileString);
    else if (kind === 'uuid') model[name] = fc.oneof(fc.constantFrom(...ids), hostileString);
    else if (kind === 'date') model[name] = fc.oneof(fc.constantFrom('2026-01-10', '0000-01-01', '2026-02-30'), hostileString);
    else if (typeof kind === 'string') model[name] = fc.oneof(fc.constant(kind), hostileString);
    else model[name] = fc.oneof({ arbitrary: fromSchema(jsonSchemaOf(kind), ids, 0, 0.15).map((v) => JSON.stringify(v) ?? ''), weight: 4 }, { arbitrary: hostileString, weight: 1 });
  }
  const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'x'.repeat(500), 'file', 'report', ''), hostileString, { maxKeys: 2 });
  return fc.tuple(fc.record(model, { requiredKeys: [] }), extra).map(([a, b]) => Object.fromEntries(Object.entries({ ...b, ...a }).filter((e): e is [string, string] => typeof e[1] === 'string')));
}

function multipartPayload(fields: Record<string, string>, files: FilePart[], boundary: string): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

function multipartBody(route: FuzzRoute, ids: string[]): fc.Arbitrary<Body> {
  const boundary = 'netrafuzzboundary';
  const form = fc.tuple(multipartFields(route, ids), fc.array(filePart, { maxLength: 3 }));
  return fc.oneof(
    { arbitrary: form.map(([fields, files]) => ({ payload: multipartPayload(fields, files, boundary), contentType: `multipart/form-data; boundary=${boundary}`, label: 'multipart' })), weight: 6 },
    { arbitrary: form.map(([fields, files]) => ({ payload: multipartPayload(fields, files, boundary), contentType: 'multipart/form-data', label: 'multipart-no-boundary' })), weight: 1 },
    { arbitrary: form.map(([fields, files]) => ({ payload: multipartPayload(fields, files, boundary).subarray(0, 60), contentType: `multipart/form-data; boundary=${boundary}`, label: 'multipart-truncated' })), weight: 1 },
    { arbitrary: form.map(([fields, files]) => ({ payload: multipartPayload(fields, files, 'other'), contentType: `multipart/form-data; boundary=${boundary}`, label: 'multipart-wrong-boundary' })), weight: 1 },
    {
      arbitrary: fc.integer({ min: 20, max: 60 }).map((n) => ({ payload: multipartPayload(Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 'x'])), [], boundary), contentType: `multipart/form-data; boundary=${boundary}`, label: 'multipart-too-many-fields' })),
      weight: 1,
    },
    { arbitrary: jsonBody(route, ids, 0.3), weight: 1 },
  );
}

// ---------------------------------------------------------------- headers, paths, queries

const BROKEN_BODIES = ['{"a":', "{'a':1}", '[1,]', '\uFEFF{}', '{"a":1}{"b":2}', 'null', '', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', 'a=1&b=2', '<x/>', '\u0000'];
const CONTENT_TYPES = ['text/plain', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'garbage', 'application/json;;;', 'APPLICATION/JSON', 'application/vnd.api+json', '*/*', ''];

interface HeaderMutation {
  label: string;
  contentType?: string | null;
  payload?: string;
  cookie?: 'none' | 'garbage' | 'duplicate' | 'huge';
  csrf?: 'missing' | 'wrong' | 'huge';
  extra?: Record<string, string>;
}

const headerMutation: fc.Arbitrary<HeaderMutation> = fc.oneof(
  fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.constantFrom(...BROKEN_BODIES)).map(([contentType, payload]) => ({ label: `content-type ${contentType} with ${JSON.stringify(payload).slice(0, 30)}`, contentType, payload })),
  fc.constantFrom(...BROKEN_BODIES).map((payload) => ({ label: 'broken json', contentType: 'application/json', payload })),
  fc.constant({ label: 'missing content-type', contentType: null, payload: '{"a":1}' }),
  fc.constantFrom<HeaderMutation['cookie']>('none', 'garbage', 'duplicate', 'huge').map((cookie) => ({ label: `cookie ${cookie}`, cookie })),
  fc.constantFrom<HeaderMutation['csrf']>('missing', 'wrong', 'huge').map((csrf) => ({ label: `csrf ${csrf}`, csrf })),
  fc
    .record({
      'x-forwarded-for': fc.constantFrom('garbage', '1.1.1.1, 2.2.2.2, '.repeat(200), '::ffff:127.0.0.1', '999.999.999.999'),
      accept: fc.constantFrom('text/html', 'application/xml', '*/*;q=0', 'garbage'),
      'accept-language': fc.constantFrom('xx', 'id;q=abc', 'a'.repeat(4000)),
      'if-none-match': fc.constantFrom('*', '"x"', 'W/"' + 'a'.repeat(1000) + '"'),
      range: fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=999999999-', 'garbage'),
    }, { requiredKeys: [] })
    .map((extra) => ({ label: `headers ${Object.keys(extra).join(',')}`, extra: extra as Record<string, string> })),
);

/** encodeURIComponent, but a lone surrogate (which it refuses) becomes invalid UTF-8 on the wire, as a hostile client would send. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const enc = (value: string) => value.split(LONE_SURROGATE).map(encodeURIComponent).join('%ED%A0%80');

const HOSTILE_SEGMENTS = [
  '..', '..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f', '%00', 'a%00b', '%ZZ', '%', '%E0%A4%A', '%F0%9F%92%A9', '%ED%A0%80', '%C0%80', 'x'.repeat(5000), '-1', '0', '1e309',
  'null', '__proto__', 'constructor', '%20', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '%7B00000000-0000-0000-0000-000000000000%7D', '00000000-0000-0000-0000-000000000000',
  '00000000000000000000000000000000', "1'%20or%20'1'%3D'1", '%3Cscript%3E', ';', ',', '*', '.', '~', 'pdf', 'xlsx', '2026-02-30', '0000-01-01',
];
const hostileSegment: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS), weight: 4 }, { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).map(enc), weight: 1 }, { arbitrary: fc.uuid(), weight: 1 });

function validSegment(schema: Json | undefined, ids: string[]): fc.Arbitrary<string> {
  if (!schema) return fc.constantFrom(...ids);
  return validFromSchema(schema, ids, 0, 0).map((v) => enc(String(v)));
}

function pathArb(route: FuzzRoute, ids: string[], hostile: boolean): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  if (!names.length) return fc.constant(route.url.replace(/\*$/, ''));
  const props = ((jsonSchemaOf(route.schema?.params)?.properties ?? {}) as Record<string, Json>);
  const segs = names.map((n) => (hostile ? fc.oneof(hostileSegment, validSegment(props[n], ids)) : validSegment(props[n], ids)));
  return fc.tuple(...segs).map((values) => names.reduce((url, n, i) => url.replace(`:${n}`, values[i]!), route.url).replace(/\*$/, ''));
}

function queryArb(route: FuzzRoute, ids: string[], hostile: boolean): fc.Arbitrary<string> {
  const schema = jsonSchemaOf(route.schema?.querystring);
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  const keys = Object.keys(props);
  const pairs = keys.length
    ? fc.array(fc.tuple(fc.constantFrom(...keys), fc.constant(null)), { maxLength: keys.length }).chain((chosen) =>
        fc.tuple(...chosen.map(([k]) => (hostile ? fc.oneof(fromSchema(props[k], ids, 0, 0.6), hostileLeaf) : fromSchema(props[k], ids, 0, 0)).map((v) => [k, v] as const))),
      )
    : fc.constant([] as (readonly [string, unknown])[]);
  const encodePair = ([k, v]: readonly [string, unknown]) => `${enc(k)}=${enc(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`;
  if (!hostile) return pairs.map((p) => p.map(encodePair).join('&'));
  const extras = fc.array(
    fc.constantFrom('__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '__proto__=1', 'page=1&page=2', 'pageSize[]=1', 'q=%00', 'q=%ZZ', `q=${'x'.repeat(20_000)}`, 'page=-1', 'page=1e309', 'pageSize=99999999999999999999', 'from=0000-01-01', 'to=9999-99-99', '&&&', '=', 'a=%E0%A4%A'),
    { maxLength: 3 },
  );
  return fc.tuple(pairs, extras).map(([p, e]) => [...p.map(encodePair), ...e].join('&'));
}

// ---------------------------------------------------------------- the run

interface FuzzRoute extends CollectedRoute {
  role: Role;
  multipart: boolean;
}

type Focus = 'body' | 'headers' | 'path' | 'query';
interface Sample {
  focus: Focus;
  role: Role;
  path: string;
  query: string;
  body: Body | null;
  headers: HeaderMutation | null;
  ip: string;
}

function sampleArb(route: FuzzRoute, ids: string[]): fc.Arbitrary<Sample> {
  const hasBody = !['GET', 'DELETE'].includes(route.method);
  const hasParams = route.url.includes(':');
  const focuses: Focus[] = [hasBody ? 'body' : 'query', 'headers', ...(hasParams ? (['path'] as Focus[]) : []), 'query'];
  const others = ROLES.filter((r) => r !== route.role);
  const role = fc.oneof({ arbitrary: fc.constant(route.role), weight: 4 }, { arbitrary: fc.constantFrom(...others), weight: 1 });
  return fc.constantFrom(...focuses).chain((focus) =>
    fc.record({
      focus: fc.constant(focus),
      role,
      path: pathArb(route, ids, focus === 'path'),
      query: queryArb(route, ids, focus === 'query'),
      body: hasBody ? (route.multipart ? multipartBody(route, ids) : jsonBody(route, ids, focus === 'body' ? 0.25 : 0.05)) : fc.constant(null),
      headers: focus === 'headers' ? headerMutation : fc.constant(null),
      ip: fc.ipV4(),
    }),
  );
}

const describeSample = (s: Sample) => {
  const body = s.body?.payload === undefined ? '' : ` body(${s.body.label}, ${s.body.payload.length} bytes): ${String(s.body.payload).slice(0, 300)}`;
  return `${s.role} ${s.path.slice(0, 200)}${s.query ? `?${s.query.slice(0, 200)}` : ''} focus=${s.focus}${s.headers ? ` headers=${s.headers.label}` : ''}${body}`;
};

describe(`fuzzing every route on ${TEST_DB}`, () => {
  let w: CaseWorld;
  let t: TestApp;
  let ids: string[] = [];
  let reportNumber = '';
  let receiptKey = '';
  const clients = new Map<Role, TestClient>();
  const findings: string[] = [];
  let countSql = '';
  let last: Snapshot | null = null;

  const jar = (c: TestClient) => (c as unknown as { cookies: Map<string, string> }).cookies;
  const filesUnder = (dir: string): number => {
    try {
      return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? filesUnder(join(dir, e.name)) : 1), 0);
    } catch {
      return 0;
    }
  };
  /** Rows per table and files under DATA_DIR; `xmax` (the next transaction id) tells whether anything was written at all. */
  interface Snapshot {
    xmax: string;
    rows: Map<string, number>;
    files: number;
  }
  const nextXid = async () => (await sqlRows<{ x: string }>(t, 'select pg_snapshot_xmax(pg_current_snapshot())::text as x'))[0]!.x;
  async function snapshot(): Promise<Snapshot> {
    const xmax = await nextXid();
    const rows = await sqlRows<{ t: string; n: number }>(t, countSql);
    return { xmax, rows: new Map(rows.map((r) => [r.t, Number(r.n)])), files: filesUnder(join(t.dataDir, 'files')) };
  }

  async function signIn(role: Role): Promise<void> {
    const c = new TestClient(t);
    const accounts: Partial<Record<Role, string>> = { admin: 'admin.bkpsdm', satgas: 'satgas', ppk: 'bupati', superadmin: 'superadmin', custodian: 'kustodian', inspektorat: 'inspektorat', pimpinan: 'pimpinan.disdik' };
    if (role === 'anon') await c.get('/api/auth/session');
    else if (role === 'pegawai') await c.loginEmployee(w.demo.employeeLogin.idNumber);
    else if (role === 'reporter') {
      const res = await loginReceipt(c, reportNumber, receiptKey);
      if (res.status !== 200) throw new Error(`receipt login: ${res.status} ${JSON.stringify(res.body)}`);
    } else await c.login(accounts[role]!);
    clients.set(role, c);
    last = null;
  }

  /** Signs a role in again when a fuzzed request signed it out (logout, a session cookie overwritten). */
  async function keepSessions(roles: Set<Role>): Promise<void> {
    for (const role of roles) {
      const c = clients.get(role)!;
      if (role === 'anon') continue;
      const alive = role === 'reporter' ? (await c.get('/api/public/receipt')).status === 200 : (await c.get('/api/auth/session')).body?.user;
      if (!alive) await signIn(role);
    }
  }

  async function send(route: FuzzRoute, s: Sample) {
    const client = clients.get(s.role)!;
    const cookies = jar(client);
    const headers: Record<string, string> = {};
    const h = s.headers;
    const cookieLine = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (!h?.cookie && cookieLine) headers.cookie = cookieLine;
    if (h?.cookie === 'garbage') headers.cookie = `netra_sid=%E0%A4%A; netra_csrf=; =; ;;; netra_sid="\\"; ${cookieLine}`;
    if (h?.cookie === 'duplicate') headers.cookie = `netra_sid=${'a'.repeat(43)}; ${cookieLine}; netra_sid=x`;
    if (h?.cookie === 'huge') headers.cookie = `netra_sid=${'z'.repeat(8000)}; netra_csrf=${cookies.get('netra_csrf') ?? ''}`;
    if (route.method !== 'GET') {
      const csrf = cookies.get('netra_csrf') ?? '';
      if (h?.csrf === 'wrong') headers['x-csrf-token'] = `${csrf}x`;
      else if (h?.csrf === 'huge') headers['x-csrf-token'] = 'c'.repeat(10_000);
      else if (h?.csrf !== 'missing') headers['x-csrf-token'] = csrf;
    }
    let payload: string | Buffer | undefined = s.body?.payload;
    let contentType = s.body?.contentType;
    if (h && 'payload' in h) {
      payload = h.payload;
      contentType = h.contentType ?? undefined;
    }
    if (typeof payload === 'string' && payload.includes(POW)) payload = payload.replaceAll(POW, await solvePow(clients.get('anon')!, { remoteAddress: s.ip }));
    if (Buffer.isBuffer(payload) && payload.includes(POW)) payload = Buffer.from(payload.toString('latin1').replaceAll(POW, await solvePow(clients.get('anon')!, { remoteAddress: s.ip })), 'latin1');
    if (contentType) headers['content-type'] = contentType;
    Object.assign(headers, h?.extra ?? {});
    const url = s.query ? `${s.path}?${s.query}` : s.path;
    // A request that never answers is a finding too (a hung parser holds a connection forever).
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS / 1000} s`)), HANG_MS);
    });
    try {
      return await Promise.race([t.app.inject({ method: route.method as 'GET', url, headers, payload, remoteAddress: s.ip }), hang]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Checks one response; returns what is wrong with it and the state after it (null when unknown). */
  async function judge(res: Awaited<ReturnType<typeof send>>, before: Snapshot): Promise<{ problem: string | null; after: Snapshot | null }> {
    const fail = (problem: string) => ({ problem, after: null });
    if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).isAdmin !== undefined) return fail('Object.prototype was polluted');
    if (res.statusCode >= 500) return fail(`${res.statusCode}: ${res.body.slice(0, 300)} | log: ${t.logs.filter((l) => l.includes('"level":50')).slice(-1)[0]?.slice(0, 600) ?? ''}`);
    if (res.statusCode < 400) return { problem: null, after: null };
    let body: { error?: { code?: unknown; message?: unknown; details?: unknown } };
    try {
      body = JSON.parse(res.body);
    } catch {
      return fail(`${res.statusCode} without a JSON body (${String(res.headers['content-type'])}): ${res.body.slice(0, 120)}`);
    }
    const e = body.error;
    if (!e || typeof e.code !== 'string' || !(e.code in ERRORS) || typeof e.message !== 'string' || !e.message || !('details' in e)) return fail(`${res.statusCode} with a body outside the error shape: ${res.body.slice(0, 200)}`);
    const files = filesUnder(join(t.dataDir, 'files'));
    if (files !== before.files) return fail(`${res.statusCode} ${e.code} but left ${files - before.files} file(s) under DATA_DIR/files`);
    const xmax = await nextXid();
    if (xmax === before.xmax) return { problem: null, after: before }; // no transaction wrote anything
    const after = await snapshot();
    const changed = [...after.rows].filter(([k, n]) => before.rows.get(k) !== n).map(([k, n]) => `${k} ${before.rows.get(k)}→${n}`);
    if (!changed.length) return { problem: null, after };
    // By design a refused sign-in or receipt guess is audited (and counted for the lock-out).
    if (changed.every((c) => c.startsWith('"public"."audit_event"') || c.startsWith('"public"."auth_throttle"'))) {
      const added = (after.rows.get('"public"."audit_event"') ?? 0) - (before.rows.get('"public"."audit_event"') ?? 0);
      const actions = added > 0 ? await sqlRows<{ action: string }>(t, `select action from audit_event order by id desc limit ${added}`) : [];
      if (actions.every((a) => /(\.failed|^auth\.lockout)$/.test(a.action))) return { problem: null, after };
      return fail(`${res.statusCode} ${e.code} but wrote audit events ${actions.map((a) => a.action).join(', ')}`);
    }
    return fail(`${res.statusCode} ${e.code} but changed ${changed.join(', ')}`);
  }

  beforeAll(async () => {
    w = await startCaseWorld(150);
    t = w.t;
    SMALL_JPEG = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#4060a0' } }).jpeg().toBuffer();
    // A little of everything, so ids in the pool point at real rows and services run to the end.
    const { campaign, schools } = await setupApelCampaign(w.admin);
    await w.admin.post(`/api/campaigns/${campaign.id}/apel`, apelBody(schools[0]!.id));
    const sent = await submitReport(new TestClient(t), reportForm(), [{ name: 'a.jpg', content: SMALL_JPEG, type: 'image/jpeg' }]);
    reportNumber = sent.body.number;
    receiptKey = sent.body.receiptKey;
    await createCase(w);
    await w.satgas.request({ method: 'PUT', url: '/api/monitoring/watchlists', payload: { electionEventId: w.event.id, electionContestId: w.event.contests[0]!.id, document: demoWatchlist() } });
    await w.admin.upload('/api/imports', 'pegawai.csv', 'NIP;Nama Lengkap;Unit Kerja\n199001012020011001;Budi;Dinas Sosial\n');
    for (const role of ROLES) await signIn(role);
    const capture = { platform: 'facebook', url: 'https://facebook.com/x/posts/1', accountHandle: '@x', accountName: 'X', employeeId: null, employeeConfirmed: false, text: 'Ayo coblos nomor 2!', actKind: 'post', postedAt: new Date(Date.now() - 3_600_000).toISOString(), electionEventId: w.event.id, electionContestId: w.event.contests[0]!.id };
    await w.satgas.multipart('/api/monitoring/captures', { capture: JSON.stringify(capture) }, { name: 'a.jpg', content: SMALL_JPEG, type: 'image/jpeg' });

    // Ids of real rows (never the tenant, accounts or sessions the test signs in with, nor the employee who signs in).
    const tables = await sqlRows<{ table_name: string }>(t, `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' and table_name not in ('tenant', 'user_account', 'session') order by 1`);
    const own = (await sqlRows<{ employee_id: string | null }>(t, `select employee_id from user_account where employee_id is not null`)).map((r) => r.employee_id);
    for (const { table_name } of tables) {
      const rows = await sqlRows<{ id: string }>(t, `select id::text as id from "${table_name}" order by id limit 2`);
      ids.push(...rows.map((r) => r.id).filter((id) => !own.includes(id)));
    }
    ids = [...new Set(ids)];
    const all = await sqlRows<{ s: string; n: string }>(t, `select table_schema as s, table_name as n from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
    countSql = all.map((r) => `select '"${r.s}"."${r.n}"' as t, count(*)::int as n from "${r.s}"."${r.n}"`).join(' union all ');
  }, 240_000);
  afterAll(() => t?.close());

  it('collects the route table from the app', () => {
    const api = ROUTES.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(150);
    expect(ROUTES.some((r) => r.url === '/api/public/reports' && r.method === 'POST')).toBe(true);
  });

  it('answers random and hostile bodies, headers, paths and queries on every route with 4xx and the error shape, never 5xx, never partial rows', async () => {
    const routes: FuzzRoute[] = ROUTES.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .filter((r) => !ONLY || r.url.includes(ONLY))
      .map((r) => ({ ...r, role: primaryRole(r.method, r.url), multipart: (r.schema?.consumes ?? []).includes('multipart/form-data') }));
    console.log(`fuzzing ${routes.length} routes × ${RUNS} runs on ${TEST_DB}, NETRA_FUZZ_SEED=${SEED}`);
    const started = Date.now();
    let requests = 0;
    const timings: [string, number][] = [];
    const byStatus = new Map<number, number>();
    for (const [i, route] of routes.entries()) {
      const seed = (SEED + i * 7919) | 0;
      const used = new Set<Role>();
      const routeStarted = Date.now();
      if (VERBOSE) console.log(`→ ${route.method} ${route.url}`);
      const details = await fc.check(
        fc.asyncProperty(sampleArb(route, ids), async (s) => {
          used.add(s.role);
          const before = (last ??= await snapshot());
          const res = await send(route, s);
          requests++;
          byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
          const { problem, after } = await judge(res, before);
          last = after;
          if (problem) throw new Error(problem);
        }),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
      if (details.failed) {
        const sample = details.counterexample?.[0];
        findings.push(`${route.method} ${route.url} [NETRA_FUZZ_SEED=${SEED} NETRA_FUZZ_ROUTE=${route.url}]: ${(details.errorInstance as Error)?.message ?? details.errorInstance}\n    request: ${sample ? describeSample(sample) : '?'}`);
      }
      await keepSessions(used);
      timings.push([`${route.method} ${route.url}`, Date.now() - routeStarted]);
    }
    const slowest = timings.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([r, ms]) => `${r} ${ms} ms`);
    const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([code, n]) => `${code}×${n}`).join(' ');
    console.log(`${requests} requests in ${Math.round((Date.now() - started) / 1000)} s (${statuses}); slowest routes: ${slowest.join(', ')}`);
    expect(findings, findings.join('\n')).toEqual([]);
  }, 600_000);
});
