/**
 * The hostile-file corpus (tests/fixtures/hostile-files.ts) through every upload endpoint: public report
 * evidence, the receipt portal, internal reports, staff evidence on a report and on a case, monitoring
 * captures (new and added files) and capture imports, apel photos, paper-signature scans, the
 * employee-master import and the public PDF verification.
 *
 * Each file is either refused with a 4xx in the error shape, leaving every table's row count and the
 * files under DATA_DIR untouched, or (when its real type is one the endpoint takes) stored safely: an
 * evidence file is only ever served as an attachment (octet-stream, nosniff, `CSP: sandbox`), an image
 * is re-encoded so no polyglot payload survives in the copy anyone views, and nothing else is served
 * at all. Types an endpoint does not take must be refused whatever the file is called; the pixel
 * bombs must be refused by every endpoint that decodes images, quickly, and the server keeps serving.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../src/shared/errors.js';
import { demoWatchlist } from '../../src/server/seed/demo-monitoring.js';
import { buildHostileFiles, HOSTILE_MARKER, type HostileFile, type HostileKind } from '../fixtures/hostile-files.js';
import { apelBody, setupApelCampaign } from '../support/apel-fixtures.js';
import { createCase, startCaseWorld, type CaseWorld } from '../support/case-fixtures.js';
import { TEST_DB, TestClient, type Response, type TestApp } from '../support/harness.js';
import { loginReceipt, postForm, reportForm, sqlRows, submitReport } from '../support/report-fixtures.js';

/** Every route that declares a multipart body, collected as Fastify registers it. */
const MULTIPART_ROUTES = vi.hoisted(() => new Set<string>());
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const original = mod.default as unknown as (options: unknown) => { addHook: (name: 'onRoute', hook: (route: { method: string | string[]; url: string; schema?: { consumes?: string[] } }) => void) => void };
  const wrapped = (options: unknown) => {
    const app = original(options);
    app.addHook('onRoute', (route) => {
      if (route.schema?.consumes?.includes('multipart/form-data')) for (const m of [route.method].flat()) MULTIPART_ROUTES.add(`${m} ${route.url}`);
    });
    return app;
  };
  Object.assign(wrapped, original);
  return { ...mod, default: wrapped };
});

type Ctx = Record<string, string>;
interface Endpoint {
  name: string;
  /** Real content kinds the endpoint may keep; every other kind must be refused. */
  allows: HostileKind[];
  /** Decodes images (so a pixel bomb must be refused rather than stored). */
  decodesImages: boolean;
  /** Creates what the upload needs (a fresh report, capture…), outside the measured request. */
  prepare?: () => Promise<Ctx>;
  send: (file: HostileFile, ctx: Ctx) => Promise<Response>;
  /** After a 2xx: how the stored file is served (never inline from Netra's origin). */
  stored?: (file: HostileFile, ctx: Ctx, res: Response) => Promise<void>;
  /** Only reads the file: even a 2xx must leave every table and DATA_DIR as they were. */
  neverKeeps?: boolean;
}

const EVIDENCE: HostileKind[] = ['jpeg', 'png', 'pdf', 'mp4'];
const IMAGE_KINDS: HostileKind[] = ['jpeg', 'png'];

describe(`hostile files through every upload on ${TEST_DB}`, () => {
  let w: CaseWorld;
  let t: TestApp;
  let files: HostileFile[];
  let pegawai: TestClient;
  let citizen: TestClient;
  let inspektorat: TestClient;
  let apelId = '';
  let campaignId = '';
  let caseId = '';
  const freeEmployees: string[] = [];
  const matrix = new Map<string, Map<string, string>>();
  const reporters = new Map<string, TestClient>();
  let ip = 1;
  const nextIp = () => `198.51.100.${(ip++ % 250) + 1}`;

  const captureBody = () => ({
    platform: 'facebook', url: `https://facebook.com/pegawai/posts/${Math.random().toString(36).slice(2)}`, accountHandle: '@pegawai', accountName: 'Pegawai',
    employeeId: null, employeeConfirmed: false, text: 'Ayo coblos nomor 2!', actKind: 'post', postedAt: new Date(Date.now() - 3_600_000).toISOString(),
    electionEventId: w.event.id, electionContestId: w.event.contests[0]!.id,
  });
  const part = (f: HostileFile) => ({ name: f.name, content: f.content, type: f.type });

  async function rowsOf(query: string) {
    return sqlRows<Record<string, string>>(t, query);
  }
  const filesUnder = (dir: string): number => {
    try {
      return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? filesUnder(join(dir, e.name)) : 1), 0);
    } catch {
      return 0;
    }
  };
  let countSql = '';
  async function snapshot(): Promise<Map<string, number>> {
    const rows = await sqlRows<{ t: string; n: number }>(t, countSql);
    const map = new Map(rows.map((r) => [r.t, Number(r.n)]));
    map.set('files under DATA_DIR/files', filesUnder(join(t.dataDir, 'files')));
    return map;
  }
  const lastError = () => t.logs.filter((l) => l.includes('"level":50')).slice(-1)[0]?.slice(0, 700) ?? '';
  const changes = (a: Map<string, number>, b: Map<string, number>) => [...b].filter(([k, n]) => a.get(k) !== n).map(([k, n]) => `${k} ${a.get(k)}→${n}`);

  /** Served as a download only: attachment, octet-stream (or PDF), nosniff, sandboxed. */
  function expectDownload(res: Response, what: string) {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(200);
    expect(String(res.headers['content-disposition']), what).toMatch(/^attachment;/);
    expect(String(res.headers['content-type']), what).toMatch(/^application\/(octet-stream|pdf)/);
    expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    expect(String(res.headers['content-security-policy']), what).toMatch(/sandbox/);
  }

  /** An image's viewing copy is re-encoded: decodable, without metadata, without the polyglot payload. */
  async function expectCleanImage(bytes: Buffer, file: HostileFile, what: string) {
    expect(bytes.equals(file.content), `${what}: the viewing copy is a re-encoding, not the upload`).toBe(false);
    expect(bytes.includes(Buffer.from(HOSTILE_MARKER)), `${what}: payload survived`).toBe(false);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif, what).toBeUndefined();
  }

  async function checkReportEvidence(reportId: string, file: HostileFile, satgas: TestClient) {
    const rows = await rowsOf(`select file_id::text as file_id, view_file_id::text as view_file_id, mime_type from report_file where report_id = '${reportId}'`);
    if (file.kind === 'empty') return expect(rows).toEqual([]); // an empty part is skipped, not stored
    expect(rows.length, 'the accepted file is recorded').toBeGreaterThan(0);
    for (const row of rows) {
      expect(['image/jpeg', 'image/png', 'application/pdf', 'video/mp4']).toContain(row.mime_type);
      const clean = await satgas.get(`/api/reports/${reportId}/files/${row.file_id}`);
      expectDownload(clean, `${file.id} clean copy`);
      if (row.view_file_id) await expectCleanImage(clean.raw, file, `${file.id} clean copy`);
      const original = await satgas.get(`/api/reports/${reportId}/files/${row.file_id}?variant=original`);
      expectDownload(original, `${file.id} original`);
      expect(original.raw.equals(file.content), 'the original is kept byte-exact').toBe(true);
      // Sealed on disk: the payload is not readable in the stored file either.
      const [stored] = await rowsOf(`select storage_path from stored_file where id = '${row.file_id}'`);
      if (file.marker) expect(readFileSync(stored!.storage_path!).includes(Buffer.from(file.marker))).toBe(false);
    }
  }

  const reportIdOf = async (number: string) => (await rowsOf(`select id::text as id from report where number = '${number}'`))[0]!.id!;
  async function freshReport(): Promise<Ctx> {
    const sent = await submitReport(citizen, reportForm(), [], { remoteAddress: nextIp() });
    if (sent.status !== 201) throw new Error(`report: ${sent.status} ${JSON.stringify(sent.body)}`);
    const reporter = new TestClient(t);
    const login = await loginReceipt(reporter, sent.body.number, sent.body.receiptKey, { remoteAddress: nextIp() });
    if (login.status !== 200) throw new Error(`receipt: ${login.status}`);
    reporters.set(sent.body.number, reporter);
    return { reportId: await reportIdOf(sent.body.number), number: sent.body.number };
  }
  async function freshCapture(): Promise<Ctx> {
    const res = await w.satgas.multipart('/api/monitoring/captures', { capture: JSON.stringify(captureBody()) });
    if (res.status !== 201) throw new Error(`capture: ${res.status} ${JSON.stringify(res.body)} ${lastError()}`);
    return { captureId: res.body.id };
  }

  async function checkCaptureFiles(captureId: string, file: HostileFile) {
    const rows = await rowsOf(`select file_id::text as file_id, view_file_id::text as view_file_id from social_capture_file where capture_id = '${captureId}'`);
    if (file.kind === 'empty') return expect(rows).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const clean = await w.satgas.get(`/api/monitoring/captures/${captureId}/files/${row.file_id}`);
      expectDownload(clean, `${file.id} capture clean`);
      if (row.view_file_id) await expectCleanImage(clean.raw, file, `${file.id} capture clean`);
      expectDownload(await w.satgas.get(`/api/monitoring/captures/${captureId}/files/${row.file_id}?variant=original`), `${file.id} capture original`);
    }
  }

  const endpoints: Endpoint[] = [
    {
      name: 'public report evidence (POST /api/public/reports)',
      allows: EVIDENCE,
      decodesImages: true,
      send: async (f) => submitReport(citizen, reportForm(), [part(f)], { remoteAddress: nextIp() }),
      stored: async (f, _c, res) => checkReportEvidence(await reportIdOf(res.body.number), f, w.satgas),
    },
    {
      name: 'receipt portal evidence (POST /api/public/receipt/files)',
      allows: EVIDENCE,
      decodesImages: true,
      prepare: freshReport,
      send: (f, c) => postForm(reporters.get(c.number!)!, '/api/public/receipt/files', {}, [part(f)]),
      stored: (f, c) => checkReportEvidence(c.reportId!, f, w.satgas),
    },
    {
      name: 'internal report evidence (POST /api/reports/internal)',
      allows: EVIDENCE,
      decodesImages: true,
      send: (f) => postForm(pegawai, '/api/reports/internal', { report: JSON.stringify(reportForm()) }, [part(f)]),
      stored: async (f, _c, res) => checkReportEvidence(await reportIdOf(res.body.number), f, w.satgas),
    },
    {
      name: 'staff report evidence (POST /api/reports/:id/files)',
      allows: EVIDENCE,
      decodesImages: true,
      prepare: freshReport,
      send: (f, c) => postForm(w.satgas, `/api/reports/${c.reportId}/files`, {}, [part(f)]),
      stored: (f, c) => checkReportEvidence(c.reportId!, f, w.satgas),
    },
    {
      name: 'case evidence (POST /api/cases/:id/evidence)',
      allows: EVIDENCE,
      decodesImages: true,
      prepare: async () => ({ known: (await rowsOf(`select id::text as id from case_evidence where case_id = '${caseId}'`)).map((r) => r.id).join(',') }),
      send: (f) => postForm(w.satgas, `/api/cases/${caseId}/evidence`, { description: 'Bukti uji berkas berbahaya' }, [part(f)]),
      stored: async (f, c) => {
        const added = (await rowsOf(`select id::text as id from case_evidence where case_id = '${caseId}'`)).filter((r) => !c.known!.split(',').includes(r.id!));
        expect(added.length).toBeGreaterThan(0);
        for (const e of added) expectDownload(await w.satgas.get(`/api/cases/${caseId}/evidence/${e.id}`), `${f.id} case evidence`);
      },
    },
    {
      name: 'monitoring capture with files (POST /api/monitoring/captures)',
      allows: EVIDENCE,
      decodesImages: true,
      send: (f) => postForm(w.satgas, '/api/monitoring/captures', { capture: JSON.stringify(captureBody()) }, [part(f)]),
      stored: (f, _c, res) => checkCaptureFiles(res.body.id, f),
    },
    {
      name: 'monitoring capture files (POST /api/monitoring/captures/:id/files)',
      allows: EVIDENCE,
      decodesImages: true,
      prepare: freshCapture,
      send: (f, c) => postForm(w.satgas, `/api/monitoring/captures/${c.captureId}/files`, {}, [part(f)]),
      stored: (f, c) => checkCaptureFiles(c.captureId!, f),
    },
    {
      name: 'monitoring capture import (POST /api/monitoring/imports)',
      // CSV/JSONL by content: any non-empty file is queued and the import job judges it (never served back).
      allows: ['jpeg', 'png', 'pdf', 'mp4', 'gif', 'elf', 'pe', 'zip', 'svg', 'html', 'text', 'csv'],
      decodesImages: false,
      send: (f) => postForm(inspektorat, '/api/monitoring/imports', { options: '{}' }, [part(f)]),
      stored: async (_f, _c, res) => {
        const [row] = await rowsOf(`select status from capture_import where id = '${res.body.id}'`);
        expect(['done', 'failed', 'refused']).toContain(row!.status); // the inline job judged it, whatever the bytes were
      },
    },
    {
      name: 'apel photo (POST /api/apel/:id/photos)',
      allows: IMAGE_KINDS,
      decodesImages: true,
      send: (f) => postForm(w.admin, `/api/apel/${apelId}/photos`, {}, [part(f)]),
      stored: async (f, _c, res) => {
        for (const photo of res.body.photos as { fileId: string }[]) {
          const shown = await w.admin.get(`/api/apel/${apelId}/photos/${photo.fileId}`);
          // Apel photos are shown inline, so they must be pure pixels: a re-encoded JPEG/PNG, nosniff.
          expect(shown.status).toBe(200);
          expect(String(shown.headers['content-type'])).toMatch(/^image\/(jpeg|png)$/);
          expect(shown.headers['x-content-type-options']).toBe('nosniff');
          await expectCleanImage(shown.raw, f, `${f.id} apel photo`);
          expect((await w.admin.request({ method: 'DELETE', url: `/api/apel/${apelId}/photos/${photo.fileId}` })).status).toBe(200);
        }
      },
    },
    {
      name: 'paper-signature scan (POST /api/campaigns/:id/paper-signatures)',
      allows: ['pdf', 'jpeg', 'png'],
      decodesImages: false,
      send: (f) => w.admin.multipart(`/api/campaigns/${campaignId}/paper-signatures`, { employeeId: freeEmployees[0]!, signedOn: new Date().toISOString().slice(0, 10) }, { name: f.name, content: f.content, type: f.type }),
      stored: async (f, _c, res) => {
        freeEmployees.shift();
        // Kept byte-exact as the record of the paper, typed by content; no route serves a scan back.
        const [row] = await rowsOf(`select f.mime_type, f.sha256 from pledge_signature s join stored_file f on f.tenant_id = s.tenant_id and f.id = s.paper_scan_file_id where s.id = '${res.body.id}'`);
        expect(['application/pdf', 'image/jpeg', 'image/png']).toContain(row!.mime_type);
        expect(f.kind === 'pdf' ? 'application/pdf' : `image/${f.kind}`).toBe(row!.mime_type);
      },
    },
    {
      name: 'employee-master import (POST /api/imports)',
      // CSV (text without NUL bytes, a delimiter in the header line) or XLSX (a zip that must open as a workbook).
      allows: ['csv', 'text', 'zip'],
      decodesImages: false,
      send: (f) => w.admin.upload('/api/imports', f.name, f.content, f.type),
    },
    {
      name: 'PDF verification (POST /api/public/verify)',
      allows: ['pdf', 'jpeg', 'png', 'mp4', 'gif', 'elf', 'pe', 'zip', 'svg', 'html', 'text', 'csv'], // hashed and looked up, never kept
      decodesImages: false,
      neverKeeps: true,
      send: (f) => citizen.request({ method: 'POST', url: '/api/public/verify', ...formOf(f), remoteAddress: nextIp() }),
    },
  ];

  function formOf(f: HostileFile) {
    const boundary = '----netrahostile';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  beforeAll(async () => {
    w = await startCaseWorld(150);
    t = w.t;
    files = await buildHostileFiles();
    controls = {
      jpeg: await sharp({ create: { width: 40, height: 30, channels: 3, background: '#208040' } }).jpeg().toBuffer(),
      pdf: files.find((f) => f.id === 'pdf-truncated')!.content,
      csv: Buffer.from('NIP;Nama Lengkap;Unit Kerja\n199001012020011001;Budi;Dinas Sosial\n'),
    };
    citizen = new TestClient(t);
    await citizen.get('/api/auth/session');
    pegawai = new TestClient(t);
    await pegawai.loginEmployee(w.demo.employeeLogin.idNumber);
    inspektorat = new TestClient(t);
    await inspektorat.login('inspektorat');
    const { campaign, schools } = await setupApelCampaign(w.admin);
    campaignId = campaign.id;
    const apel = await w.admin.post(`/api/campaigns/${campaign.id}/apel`, apelBody(schools[0]!.id));
    if (apel.status !== 201) throw new Error(`apel: ${apel.status} ${JSON.stringify(apel.body)}`);
    apelId = apel.body.id;
    caseId = (await createCase(w)).id;
    await w.satgas.request({ method: 'PUT', url: '/api/monitoring/watchlists', payload: { electionEventId: w.event.id, electionContestId: w.event.contests[0]!.id, document: demoWatchlist() } });
    freeEmployees.push(...(await rowsOf(`select id::text as id from employee where is_active order by id_number offset 10 limit 60`)).map((r) => r.id!));
    const all = await sqlRows<{ s: string; n: string }>(t, `select table_schema as s, table_name as n from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
    countSql = all.map((r) => `select '"${r.s}"."${r.n}"' as t, count(*)::int as n from "${r.s}"."${r.n}"`).join(' union all ');
  }, 240_000);
  afterAll(async () => {
    const ids = files?.map((f) => f.id) ?? [];
    if (matrix.size) {
      const lines = [...matrix].map(([endpoint, row]) => `${endpoint.split(' (')[0]!.padEnd(34)} ${ids.map((id) => (row.get(id) ?? '-').padEnd(4)).join(' ')}`);
      console.log(`upload endpoint × hostile file (status; ✓ = stored safely):\n${''.padEnd(35)}${ids.map((_, i) => String(i + 1).padEnd(5)).join('')}\n${lines.join('\n')}\n${ids.map((id, i) => `${i + 1}=${id}`).join(' ')}`);
    }
    await t?.close();
  });

  /** A file each endpoint genuinely takes. */
  let controls: { jpeg: Buffer; pdf: Buffer; csv: Buffer };
  const control = (e: Endpoint): HostileFile =>
    e.name.includes('(POST /api/imports)') ? { id: 'control', name: 'pegawai.csv', type: 'text/csv', kind: 'csv', content: controls.csv, description: 'control' }
    : e.name.includes('verify') || e.name.includes('paper') ? { id: 'control', name: 'a.pdf', type: 'application/pdf', kind: 'pdf', content: controls.pdf, description: 'control' }
    : { id: 'control', name: 'a.jpg', type: 'image/jpeg', kind: 'jpeg', content: controls.jpeg, description: 'control' };

  it('has a control file every endpoint accepts (so a refusal below is about the file, not the setup)', async () => {
    const problems: string[] = [];
    for (const e of endpoints) {
      try {
        const ctx = (await e.prepare?.()) ?? {};
        const file = control(e);
        const res = await e.send(file, ctx);
        expect(res.status, `${JSON.stringify(res.body)} ${lastError()}`).toBeLessThan(300);
        await e.stored?.(file, ctx, res);
      } catch (error) {
        problems.push(`${e.name}: ${(error as Error).message}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('covers every upload route the app registers (a new one must join the list above)', () => {
    const covered = endpoints.map((e) => /\((\w+ \S+)\)/.exec(e.name)![1]!).sort();
    expect(MULTIPART_ROUTES.size).toBeGreaterThan(0);
    expect(covered).toEqual([...MULTIPART_ROUTES].sort());
  });

  it('checks sharp is always given a pixel limit (a decompression bomb cannot be decoded)', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
    const calls = sources('src/server').flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\bsharp\(([^)]*)\)/g)].map((m) => ({ path, args: m[1]! })));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.args, `${call.path}: sharp(${call.args})`).toMatch(/limitInputPixels/);
  });

  it('refuses or safely stores every hostile file on every upload endpoint, leaves nothing behind on refusal, never 5xx', async () => {
    const problems: string[] = [];
    for (const e of endpoints) {
      const row = new Map<string, string>();
      matrix.set(e.name, row);
      for (const f of files) {
        let ctx: Ctx;
        try {
          ctx = (await e.prepare?.()) ?? {};
        } catch (error) {
          problems.push(`${e.name}: setup failed: ${(error as Error).message}`);
          break;
        }
        const before = await snapshot();
        const started = Date.now();
        const res = await e.send(f, ctx);
        const ms = Date.now() - started;
        const where = `${e.name} × ${f.id} (${f.description})`;
        row.set(f.id, String(res.status));
        if (ms > 15_000) problems.push(`${where}: took ${ms} ms`);
        if (res.status >= 500) {
          problems.push(`${where}: ${res.status} ${JSON.stringify(res.body)} ${lastError()}`);
          continue;
        }
        const mustRefuse = !e.allows.includes(f.kind) && f.kind !== 'empty' ? 'its type is not taken here' : f.pixelBomb && e.decodesImages ? 'a pixel bomb' : null;
        if (res.status >= 400) {
          const err = res.body?.error;
          if (!err || !(err.code in ERRORS) || typeof err.message !== 'string' || !('details' in err)) problems.push(`${where}: ${res.status} outside the error shape: ${JSON.stringify(res.body)}`);
          const changed = changes(before, await snapshot());
          if (changed.length) problems.push(`${where}: refused (${res.status}) but changed ${changed.join(', ')}`);
          continue;
        }
        if (mustRefuse) {
          problems.push(`${where}: accepted (${res.status}) but must be refused: ${mustRefuse}`);
          continue;
        }
        if (e.neverKeeps) {
          const changed = changes(before, await snapshot());
          if (changed.length) problems.push(`${where}: only reads the file but changed ${changed.join(', ')}`);
        }
        try {
          await e.stored?.(f, ctx, res);
          row.set(f.id, `${res.status}✓`);
        } catch (error) {
          problems.push(`${where}: accepted but not stored safely: ${(error as Error).message}`);
        }
      }
    }
    expect((await new TestClient(t).get('/api/health')).status, 'the server still serves').toBe(200);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 600_000);

  it('takes hostile file names (path traversal, NUL, control characters, very long) without 5xx or leftovers', async () => {
    const names = ['../../../../etc/passwd', '..\\..\\boot.ini', 'a\u0000b.pdf', 'a\u0001\u001b[31m.pdf', `${'x'.repeat(3000)}.pdf`, '"; filename="evil.html', '\u202Efdp.exe', ''];
    const problems: string[] = [];
    for (const e of endpoints) {
      for (const name of names) {
        let ctx: Ctx;
        try {
          ctx = (await e.prepare?.()) ?? {};
        } catch (error) {
          problems.push(`${e.name}: setup failed: ${(error as Error).message}`);
          break;
        }
        const file: HostileFile = { ...control(e), name };
        const before = await snapshot();
        const res = await e.send(file, ctx);
        const where = `${e.name} × file name ${JSON.stringify(name).slice(0, 40)}`;
        if (res.status >= 500) problems.push(`${where}: ${res.status} ${JSON.stringify(res.body)} ${lastError()}`);
        else if (res.status >= 400) {
          const changed = changes(before, await snapshot());
          if (changed.length) problems.push(`${where}: refused (${res.status}) but changed ${changed.join(', ')}`);
        } else if (e.name.includes('paper')) freeEmployees.shift();
      }
    }
    // Whatever was accepted, every stored file lies inside DATA_DIR/files and no name reached a path.
    const stored = await rowsOf(`select storage_path from stored_file`);
    for (const s of stored) expect(s.storage_path!.startsWith(join(t.dataDir, 'files'))).toBe(true);
    for (const s of stored) expect(s.storage_path).not.toMatch(/\.\.|passwd|evil/);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 600_000);
});
