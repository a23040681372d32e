/** Builders for pengaduan tests: a solved proof of work, multi-file form posts, and a whole-database search. */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { randomBytes } from 'node:crypto';
import type { TestApp, TestClient } from './harness.js';

/** Settings that keep the proof of work and the limits small enough for tests. */
export const REPORT_TEST_ENV = {
  POW_COST: '1',
  POW_MAX_NUMBER: '20',
  REPORT_FILE_MAX_BYTES: String(300 * 1024),
  REPORT_TOTAL_MAX_BYTES: String(500 * 1024),
  REPORT_MAX_FILES: '3',
  REPORT_SUBMIT_PER_HOUR: '1000',
};

/** Fetches a challenge and solves it like the altcha widget; returns the `altcha` form value. */
export async function solvePow(client: TestClient, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await client.request({ method: 'GET', url: '/api/public/pow', ...extra });
  const challenge = res.body as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('proof of work not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export interface UploadFile {
  name: string;
  content: Buffer;
  type: string;
}

/** multipart/form-data with text fields and any number of `file` parts. */
export function postForm(client: TestClient, url: string, fields: Record<string, string>, files: UploadFile[] = [], extra: Record<string, unknown> = {}) {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, ...((extra.headers as Record<string, string>) ?? {}) };
  return client.request({ method: 'POST', url, payload: Buffer.concat(parts), ...extra, headers });
}

/** A minimal valid form; override any field. */
export const reportForm = (overrides: Record<string, unknown> = {}) => ({
  identityMode: 'anonim',
  reported: { name: 'Budi Santoso', agency: 'Dinas Pendidikan', position: 'Kepala Seksi' },
  actKind: 'kampanye_media_sosial',
  actDate: '2026-01-10',
  discoveredOn: null,
  place: 'Facebook',
  description: 'Yang bersangkutan membagikan poster calon bupati nomor urut 2 di akun Facebook pribadinya.',
  links: ['https://facebook.com/contoh/posts/1'],
  ...overrides,
});

/** Submits a public report with a fresh proof of work. */
export async function submitReport(client: TestClient, form: Record<string, unknown> = reportForm(), files: UploadFile[] = [], extra: Record<string, unknown> = {}) {
  const altcha = await solvePow(client, extra);
  return postForm(client, '/api/public/reports', { report: JSON.stringify(form), altcha }, files, extra);
}

export async function loginReceipt(client: TestClient, number: string, key: string, extra: Record<string, unknown> = {}) {
  const altcha = await solvePow(client, extra);
  return client.request({ method: 'POST', url: '/api/public/receipt/login', payload: { number, key, altcha }, ...extra });
}

const rowsOf = async <T>(t: TestApp, query: string) => ((await t.deps.db.execute(query as never)) as unknown as { rows: T[] }).rows;

/** Every table of every schema the app writes (public, and pg-boss's when present). */
export async function allTables(t: TestApp): Promise<string[]> {
  const rows = await rowsOf<{ s: string; n: string }>(t, `select table_schema as s, table_name as n from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
  return rows.map((r) => `"${r.s}"."${r.n}"`);
}

/** Tables whose rows (as JSON text) contain `needle`, case-insensitive. */
export async function tablesContaining(t: TestApp, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const table of await allTables(t)) {
    const [row] = await rowsOf<{ n: number }>(t, `select count(*)::int as n from ${table} x where row_to_json(x)::text ilike '%${needle.replace(/'/g, "''")}%'`);
    if (row!.n > 0) hits.push(table);
  }
  return hits;
}

export const sqlRows = rowsOf;
