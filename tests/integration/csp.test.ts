/**
 * The Content-Security-Policy: strict for scripts (only Netra's own files: no inline script, no eval,
 * no inline event handlers, no plugins, no <base> hijack, no framing), lenient only for styles
 * (Mantine injects <style> tags and style attributes; 'unsafe-inline' there allows CSS, not script).
 * Checked on API answers, errors and every HTML entry; and the built HTML must not need an inline
 * script to start. Whether the app then really runs under the policy in Chromium is the XSS journey's job.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

const HAS_WEB = existsSync(join(WEB_DIST, 'index.html'));

function directives(header: unknown): Map<string, string[]> {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** The policy's promises, whatever else it holds. */
function expectStrict(header: unknown, where: string) {
  const csp = directives(header);
  const scriptSources = csp.get('script-src') ?? csp.get('default-src');
  expect(scriptSources, `${where}: script-src`).toEqual(["'self'"]);
  expect(csp.get('script-src-attr'), `${where}: script-src-attr`).toEqual(["'none'"]);
  expect(csp.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
  expect(csp.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
  expect(csp.get('base-uri'), `${where}: base-uri`).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get('form-action'), `${where}: form-action`).toEqual(["'self'"]);
  // Nothing anywhere in the policy may allow script by a back door.
  for (const [name, values] of csp) {
    for (const value of values) {
      if (name.startsWith('style-src') && value === "'unsafe-inline'") continue; // styles only, on purpose
      expect(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:'], `${where}: ${name} ${value}`).not.toContain(value);
      if (name.startsWith('script') || name === 'default-src' || name === 'worker-src') expect(value, `${where}: ${name} ${value}`).not.toMatch(/^(data:|blob:|'nonce-|'sha)/);
    }
  }
}

/** Every <script> loads a file; no inline code, no inline event handler, no javascript: URL. */
function expectNoInlineScript(html: string, where: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  for (const [, attributes, body] of scripts) {
    expect(attributes, `${where}: <script${attributes}> has no src`).toMatch(/\bsrc\s*=/i);
    expect(body!.trim(), `${where}: inline script body`).toBe('');
  }
  expect(html, `${where}: inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html, `${where}: javascript: URL`).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
}

describe(`Content-Security-Policy on ${TEST_DB}`, () => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    client = new TestClient(t);
  });
  afterAll(() => t.close());

  it('sets the strict policy, no framing and no sniffing on API answers and errors', async () => {
    const answers = [
      ['GET /api/health', await client.get('/api/health')],
      ['GET /api/auth/session', await client.get('/api/auth/session')],
      ['an unknown API route (404)', await client.get('/api/tidak-ada')],
      ['a refused sign-in (400)', await client.post('/api/auth/login', { username: '' })],
      ['a malformed URL (400)', await client.get('/api/units/%E0%A4%A')],
    ] as const;
    for (const [where, res] of answers.slice(0, 4)) {
      expect(res.status, where).toBeLessThan(500);
      expectStrict(res.headers['content-security-policy'], where);
      expect(res.headers['x-content-type-options'], where).toBe('nosniff');
      expect(res.headers['x-frame-options'], where).toBe('DENY');
    }
    // A malformed URL is refused by Fastify before any hook (so without these headers), as JSON in the error shape.
    expect(answers[4][1].status).toBe(400);
    expect(answers[4][1].body.error.code).toBe('BAD_REQUEST');
  });

  it('keeps style-src as the one lenient directive and says why (Mantine writes inline styles)', async () => {
    const csp = directives((await client.get('/api/health')).headers['content-security-policy']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(readFileSync('src/server/http/security-headers.ts', 'utf8')).toMatch(/Mantine injects <style> tags/);
  });

  it.skipIf(!HAS_WEB)('sets it on every HTML entry: the app shell, client routes, /transparansi', async () => {
    for (const path of ['/', '/index.html', '/lapor', '/masuk', '/verifikasi/00000000-0000-0000-0000-000000000000', '/aturan', '/transparansi']) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(String(res.headers['content-type']), path).toMatch(/^text\/html/);
      expectStrict(res.headers['content-security-policy'], path);
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expectNoInlineScript(res.raw.toString('utf8'), path);
    }
  });

  it('builds HTML that needs no inline script (dist/web when built, else the source entries)', () => {
    const dir = HAS_WEB ? WEB_DIST : 'src/web';
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(expect.arrayContaining(['index.html', 'transparansi.html']));
    for (const page of pages) expectNoInlineScript(readFileSync(join(dir, page), 'utf8'), `${dir}/${page}`);
    // Nothing in the build configuration turns the entries into inline code (single-file builds etc.).
    const vite = readFileSync('vite.config.ts', 'utf8');
    expect(vite).not.toMatch(/singlefile|inlineDynamicImports/i);
  });

  it('serves the API docs page without inline script too', async () => {
    let res = await client.get('/api/docs');
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 3; hops++) res = await client.get(new URL(String(res.headers.location), 'http://netra.test/api/docs').pathname);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expectStrict(res.headers['content-security-policy'], '/api/docs');
    expectNoInlineScript(res.raw.toString('utf8'), '/api/docs');
  });
});
