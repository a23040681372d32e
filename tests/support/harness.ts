/**
 * An in-process Netra for integration tests: a fresh copy of the migrated template database
 * (PGlite or PostgreSQL, per NETRA_TEST_DB), jobs run inline, mail to an optional SMTP URL,
 * and a client that keeps cookies and sends the CSRF token like the web app does.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/server/app.js';
import { createDeps } from '../../src/server/boot.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import type { AppDeps } from '../../src/server/deps.js';
import { InlineJobQueue } from '../../src/server/jobs/queue.js';
import { seedDemo, DEMO_PASSWORD, type DemoResult } from '../../src/server/seed/demo.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, withDatabase } from './template.js';

export const TEST_DB = (process.env.NETRA_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export { DEMO_PASSWORD };

async function openTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `netra_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${PG_TEMPLATE_DB()}"`);
        break;
      } catch (error) {
        if (attempt >= 10) throw error; // another file is copying the template right now
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
    await admin.end();
    const database = openPostgres(withDatabase(url, name), 5);
    return {
      database,
      url: withDatabase(url, name),
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  const blob = new Blob([readFileSync(PGLITE_TEMPLATE())]);
  return { database: await openPglite(undefined, blob), drop: async () => {} };
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  dataDir: string;
  /** The PostgreSQL URL of this test's database (undefined on PGlite). */
  databaseUrl?: string;
  /** Everything the server logged, one JSON line per entry. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts an app on a fresh database; `env` overrides configuration. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    JOBS_INLINE: 'true',
    ARGON2_MEMORY_KIB: '19456',
    ARGON2_TIME_COST: '2',
    LOG_LEVEL: 'info',
    ...env,
  });
  const logs: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }));
  const { database, url, drop } = await openTestDatabase();
  const deps = createDeps(config, database, log, new InlineJobQueue(log));
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    dataDir,
    databaseUrl: url,
    logs,
    async close() {
      await app.close();
      deps.mailer.close();
      await deps.pdf.close();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Seeds a small demo tenant (all roles; `employees` generated employees). */
export function seedTenant(t: TestApp, slug = 'kab-contoh', name = 'Kabupaten Contoh', employees = 150): Promise<DemoResult> {
  return seedDemo(t.deps, { employees, slug, name });
}

export interface Response {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** A browser-like client: keeps cookies, sends x-csrf-token on every state-changing request. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private readonly t: TestApp) {}

  /** The Cookie header this client sends (for replaying a request with stale cookies). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get csrf(): string | undefined {
    return this.cookies.get('netra_csrf');
  }

  async request(options: InjectOptions & { csrf?: string | false }): Promise<Response> {
    const method = (options.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && options.csrf !== false && !this.csrf) await this.request({ method: 'GET', url: '/api/auth/session' });
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = options.csrf ?? this.csrf ?? '';
    const res = await this.t.app.inject({ ...options, headers });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let body: unknown = null;
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json')) body = res.json();
    return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }

  async login(username: string, password = DEMO_PASSWORD, tenant?: string): Promise<Response> {
    const res = await this.post('/api/auth/login', { username, password, ...(tenant ? { tenant } : {}) });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** Employee sign-in with NIP + one-time code read from the dev outbox (no SMTP configured). */
  async loginEmployee(idNumber: string, tenant?: string): Promise<Response> {
    await this.post('/api/auth/otp/request', { idNumber, ...(tenant ? { tenant } : {}) });
    const rows = (await this.t.deps.db.execute(`select body from mail_message order by created_at desc limit 1` as never)) as unknown as { rows: { body: string }[] };
    const code = rows.rows[0]?.body.match(/Kode masuk Netra Anda: (\d{6})/)?.[1];
    if (!code) throw new Error(`no OTP mail for ${idNumber}`);
    const res = await this.post('/api/auth/otp/verify', { idNumber, code, ...(tenant ? { tenant } : {}) });
    if (res.status !== 200) throw new Error(`employee login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** Sends multipart/form-data with text fields and one file field. */
  multipart(url: string, fields: Record<string, string>, file?: { field?: string; name: string; content: Buffer; type: string }) {
    const boundary = `----netra${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }

  /** Uploads a file as multipart/form-data field "file". */
  upload(url: string, fileName: string, content: Buffer | string, contentType = 'text/csv') {
    const boundary = `----netra${randomBytes(8).toString('hex')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
    const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return this.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }
}
