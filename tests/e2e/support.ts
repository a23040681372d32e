/**
 * End-to-end support: the real server as a child process on a fresh DATA_DIR (embedded PGlite,
 * demo tenant seeded on first start), and Debian's Chromium driven by playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROMIUM = process.env.NETRA_CHROMIUM ?? '/usr/bin/chromium';
export const SKIP_E2E = process.env.NETRA_SKIP_E2E === '1';
export const ARTIFACTS = join(ROOT, 'test-results', 'e2e');
export const DEMO_PASSWORD = 'Netra-Demo-2026!';
export const ADMIN_USERNAME = 'admin.bkpsdm';

/** Builds dist/web when it is missing: the server only serves the SPA when it exists. */
export function ensureWebBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  // NODE_ENV=production: vitest sets NODE_ENV=test, which would build React's development runtime.
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0 || !existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error(`vite build gagal (status ${result.status ?? result.signal}); dist/web/index.html tidak ada.`);
  }
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium tidak ditemukan di ${CHROMIUM}. Pasang dengan \`apt-get update && apt-get install -y chromium\` ` +
        '(CI memasangnya di .ci/run), atau lewati tes ini dengan NETRA_SKIP_E2E=1.',
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** Config variables the server reads; the child gets none of the parent's, only ours. */
const SERVER_KEYS = [
  'NODE_ENV', 'HOST', 'PORT', 'PUBLIC_URL', 'DATABASE_URL', 'DATA_DIR', 'LOG_LEVEL', 'SEED_DEMO', 'DEMO_EMPLOYEES',
  'SMTP_URL', 'MAIL_FROM', 'COOKIE_SECURE', 'SESSION_TTL_HOURS', 'ARGON2_MEMORY_KIB', 'ARGON2_TIME_COST',
  'LOGIN_MAX_FAILURES', 'LOGIN_LOCK_MINUTES', 'OTP_TTL_MINUTES', 'IMPORT_MAX_BYTES', 'JOBS_INLINE',
];

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `node --import tsx src/server/main.ts` and waits until GET /api/health answers. */
export async function startServer(timeoutMs = 90_000, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of SERVER_KEYS) delete env[key];
  Object.assign(env, {
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_EMPLOYEES: '300',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });

  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((done) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      done();
    });
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      const { code, signal } = exited as { code: number | null; signal: NodeJS.Signals | null };
      throw new Error(`Server berhenti sebelum siap (kode ${code ?? signal}).\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Server tidak menjawab /api/health dalam ${timeoutMs / 1000} detik.\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, dataDir, output: () => log, stop };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  // Finish CSS transitions (Stepper icons, overlays) so the picture shows the settled state.
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/** Waits until the locator's text matches; on timeout, says what the text was. */
export async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = (await locator.innerText({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => last)) ?? '';
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`Teks ${pattern} tidak muncul dalam ${timeoutMs} ms. Teks terakhir:\n${last}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export interface Journey {
  server(): RunningServer;
  browser(): Browser;
  /** Uncaught errors of every watched page; a journey asserts it stays empty. */
  pageErrors: string[];
  watch(page: Page, label: string): void;
}

/**
 * The life cycle every journey shares, registered with beforeAll/afterAll (call it inside describe):
 * check Chromium, build the web app if needed, start a fresh server, launch the browser; stop both.
 */
export function useJourney(serverEnv: Record<string, string> = {}): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    assertChromium();
    ensureWebBuilt();
    server = await startServer(undefined, serverEnv);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });
  return {
    server: () => server!,
    browser: () => browser!,
    pageErrors,
    watch: (page, label) => page.on('pageerror', (err) => pageErrors.push(`[${label}] ${err.stack ?? err.message}`)),
  };
}
