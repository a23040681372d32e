/**
 * The server under test as a child process (`src/server/main.ts`, what `npm start` runs) and a small
 * HTTP client for the load. Every request opens its own connection, so a request sent after a
 * restart never reuses a socket of the killed process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY = 'Netra berjalan di';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServer(env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, pid: child.pid!, output: () => output, exited };
}

/** Waits for the start banner; throws with the server's output when it exits or times out first. */
export async function waitReady(server: ServerProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!server.output().includes(READY)) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`server exited during start (code ${server.child.exitCode}, signal ${server.child.signalCode}):\n${server.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
    await sleep(50);
  }
  return Date.now() - started;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Reply {
  status: number;
  body: any;
  setCookies: string[];
}

/** One request on its own connection. Rejects on a socket error (what a killed server gives). */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string>, body?: Buffer | string, timeoutMs = 60_000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const all = { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
    const req = httpRequest({ host: '127.0.0.1', port, path, method, agent: false, headers: all, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if ((res.headers['content-type'] ?? '').includes('json')) {
          try {
            parsed = JSON.parse(text);
          } catch {
            /* keep the text */
          }
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, setCookies: res.headers['set-cookie'] ?? [] });
      });
    });
    req.on('timeout', () => req.destroy(new Error('request timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export interface FilePart {
  name: string;
  type: string;
  content: Buffer;
}

export function multipart(fields: Record<string, string>, files: FilePart[]): { contentType: string; body: Buffer } {
  const boundary = `----netraproof${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** A cookie-keeping client that sends the CSRF header like the web app. The port can change between rounds. */
export class Client {
  private readonly cookies = new Map<string, string>();
  constructor(public port: number) {}

  private absorb(setCookies: string[]): void {
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private headers(method: string, extra: Record<string, string>): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') h['x-csrf-token'] = this.cookies.get('netra_csrf') ?? '';
    return h;
  }

  private async ensureCsrf(method: string): Promise<void> {
    if (method !== 'GET' && !this.cookies.has('netra_csrf')) await this.call('GET', '/api/auth/session');
  }

  async call(method: string, path: string, body?: unknown): Promise<Reply> {
    await this.ensureCsrf(method);
    const extra: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const res = await rawRequest(this.port, method, path, this.headers(method, extra), body === undefined ? undefined : JSON.stringify(body));
    this.absorb(res.setCookies);
    return res;
  }

  async form(path: string, fields: Record<string, string>, files: FilePart[]): Promise<Reply> {
    await this.ensureCsrf('POST');
    const { contentType, body } = multipart(fields, files);
    const res = await rawRequest(this.port, 'POST', path, this.headers('POST', { 'content-type': contentType }), body);
    this.absorb(res.setCookies);
    return res;
  }

  async login(username: string, password = 'Netra-Demo-2026!'): Promise<void> {
    const res = await this.call('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
