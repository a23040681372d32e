/** Runs `src/server/main.ts` as a real child process (what `npm start` runs), for start-up and crash tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { expect } from 'vitest';

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
  output: () => string;
  exited: Promise<number | null>;
}

export function startServer(env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_EMPLOYEES: '120', ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitFor(check: () => boolean, what: string, ms = 45_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A cookie-keeping HTTP client for a running server, sending the CSRF header like the web app. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private absorb(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      this.cookies.set(name!.trim(), rest.join('='));
    }
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    if (method !== 'GET' && !this.cookies.has('netra_csrf')) await this.call('GET', '/api/auth/session');
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('netra_csrf') ?? '';
    const res = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.absorb(res);
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }

  async login(username: string, password = 'Netra-Demo-2026!'): Promise<void> {
    const res = await this.call('POST', '/api/auth/login', { username, password });
    expect(res.status).toBe(200);
  }
}

export interface RawReply {
  status: number;
  body: any;
  cookies: Record<string, string>;
}

/**
 * One request on its own connection from source address `ip` (127.x.y.z), like a separate phone.
 * Rejects on a socket error, which is what a crash test expects when the server is killed mid-request.
 */
export function rawRequest(port: number, ip: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers, ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}) };
    const req = httpRequest({ host: '127.0.0.1', port, path, method, localAddress: ip, agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('error', reject);
      res.on('end', () => {
        const cookies: Record<string, string> = {};
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const i = pair!.indexOf('=');
          cookies[pair!.slice(0, i)] = pair!.slice(i + 1);
        }
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body, cookies });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
