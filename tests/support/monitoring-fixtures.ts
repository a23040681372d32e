/**
 * Builders for monitoring tests: the case world (demo tenant, Pilkada with a known penetapan date)
 * plus the demo watchlist, capture bodies, multipart with several files, and import uploads.
 */
import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { expect } from 'vitest';
import { demoWatchlist } from '../../src/server/seed/demo-monitoring.js';
import { startCaseWorld, type CaseWorld } from './case-fixtures.js';
import { TestClient, type Response } from './harness.js';

export interface MonitoringWorld extends CaseWorld {
  inspektorat: TestClient;
  pimpinan: TestClient;
  contestId: string;
  watchlist: { id: string; version: number; sha256: string };
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export async function startMonitoringWorld(): Promise<MonitoringWorld> {
  const w = await startCaseWorld(200);
  const inspektorat = new TestClient(w.t);
  await inspektorat.login('inspektorat');
  const pimpinan = new TestClient(w.t);
  await pimpinan.login('pimpinan.disdik');
  const contestId = w.event.contests[0]!.id;
  const res = await w.satgas.request({ method: 'PUT', url: '/api/monitoring/watchlists', payload: { electionEventId: w.event.id, electionContestId: contestId, document: demoWatchlist() } });
  if (res.status !== 200) throw new Error(`watchlist: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...w, inspektorat, pimpinan, contestId, watchlist: { id: res.body.id, version: res.body.version, sha256: res.body.sha256 } };
}

/** A capture form body; posted an hour ago unless overridden. */
export function captureBody(w: MonitoringWorld, overrides: Record<string, unknown> = {}) {
  return {
    platform: 'facebook',
    url: `https://facebook.com/budi.pns/posts/${randomBytes(4).toString('hex')}`,
    accountHandle: '@budi.pns',
    accountName: 'Budi Pegawai',
    employeeId: null,
    employeeConfirmed: false,
    text: 'Ayo coblos nomor 2! Teguh–Maya pasti menang ✌️ #TeguhMaya02',
    actKind: 'post',
    postedAt: new Date(Date.now() - 3_600_000).toISOString(),
    electionEventId: w.event.id,
    electionContestId: w.contestId,
    ...overrides,
  };
}

export interface UploadFile {
  name: string;
  content: Buffer;
  type: string;
  field?: string;
}

/** multipart/form-data with text fields and any number of files. */
export function multipart(client: TestClient, url: string, fields: Record<string, string>, files: UploadFile[] = []): Promise<Response> {
  const boundary = `----netra${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return client.request({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

export function capture(client: TestClient, body: Record<string, unknown>, files: UploadFile[] = []): Promise<Response> {
  return multipart(client, '/api/monitoring/captures', { capture: JSON.stringify(body) }, files);
}

/** Captures and fails the test unless it is accepted. */
export async function captured(client: TestClient, body: Record<string, unknown>, files: UploadFile[] = []) {
  const res = await capture(client, body, files);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function screenshot(color = '#1877f2'): Promise<Buffer> {
  return sharp({ create: { width: 360, height: 640, channels: 3, background: color } }).png().toBuffer();
}

export function importFile(client: TestClient, fileName: string, content: string | Buffer, options: Record<string, unknown> = {}): Promise<Response> {
  return multipart(client, '/api/monitoring/imports', { options: JSON.stringify(options) }, [{ name: fileName, content: Buffer.isBuffer(content) ? content : Buffer.from(content), type: 'text/plain' }]);
}

/** The error body every refusal carries. */
export function expectError(res: Response, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(res.body.error).toHaveProperty('details');
}
