/**
 * HTTP benchmark: requests/s and p99 of an authenticated employee-list page (the real app, buildApp,
 * demo tenant with 3,000 employees, signed in as admin.bkpsdm) vs a bare Fastify route returning
 * {ok:true}, on the same machine in the same run, for PGlite and PostgreSQL.
 *
The server runs in this process; autocannon runs in a child process (programmatic API) but the
 * two — and PostgreSQL's backends — share the machine's cores, so figures are lower than on a
 * machine where the load generator runs elsewhere.
 *
 *   npm run bench -- http          BENCH_BACKENDS=pglite npm run bench -- http
 */
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/demo.js';
import { fmtInt, header, openBench, secs, table, type Backend, type Summary } from './lib.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 2;
const EMPLOYEES = 3000;
const PAGE_PATH = '/api/employees?page=3&pageSize=25';

interface LoadResult {
  requestsAverage: number;
  requestsTotal: number;
  latencyP50: number;
  latencyP99: number;
  latencyAverage: number;
  latencyMax: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

/** autocannon's programmatic API, run in a child process (bench/load-worker.mjs). */
function load(url: string, headers: Record<string, string>, duration: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-worker.mjs', import.meta.url)), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.once('message', (m) => (result = m as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code} and no result`))));
    child.send({ url, headers, connections: CONNECTIONS, duration, pipelining: 1 });
  });
}

/** Warm-up (not recorded), then the measured run; any non-2xx or socket error fails the benchmark. */
async function measure(label: string, url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  await load(url, headers, WARMUP_S);
  const r = await load(url, headers, DURATION_S);
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.ok2xx === 0) {
    throw new Error(`${label}: ${r.ok2xx} 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts — figures would be meaningless`);
  }
  return r;
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

/** Signs in like the web app: GET the session for the CSRF cookie, then POST the login with it. */
async function signIn(base: string): Promise<string> {
  const session = await fetch(`${base}/api/auth/session`);
  const pre = cookiesOf(session);
  const csrf = pre.netra_csrf;
  if (!session.ok || !csrf) throw new Error(`GET /api/auth/session: ${session.status}, no netra_csrf cookie`);
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `netra_csrf=${csrf}` },
    body: JSON.stringify({ username: 'admin.bkpsdm', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const jar = { ...pre, ...cookiesOf(res) };
  if (!jar.netra_sid) throw new Error('login returned no netra_sid cookie');
  return Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

interface HttpResult {
  backend: Backend;
  page: LoadResult;
  bare: LoadResult;
  seedMs: number;
}

async function runBackend(backend: Backend): Promise<HttpResult> {
  const env = await openBench(backend);
  const app = await buildApp(env.deps, { logger: false });
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ ok: true }));
  try {
    const t0 = performance.now();
    await seedDemo(env.deps, { employees: EMPLOYEES });
    const seedMs = performance.now() - t0;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const cookie = await signIn(base);
    const check = await fetch(`${base}${PAGE_PATH}`, { headers: { cookie } });
    const body = (await check.json()) as { items?: unknown[]; total?: number };
    if (check.status !== 200 || body.items?.length !== 25 || body.total !== EMPLOYEES) {
      throw new Error(`employee page check failed: ${check.status} items=${body.items?.length} total=${body.total}`);
    }
    const page = await measure(`${backend} employee page`, `${base}${PAGE_PATH}`, { cookie });
    await app.close();

    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/hello`;
    const bareResult = await measure('bare Fastify', bareUrl);
    return { backend, page, bare: bareResult, seedMs };
  } finally {
    await app.close();
    await bare.close();
    await env.close();
  }
}

/** autocannon records whole milliseconds: 0 means under 1 ms. */
const ms = (n: number) => (n === 0 ? '<1' : String(n));

function report(r: HttpResult): Summary[] {
  header(`http — ${r.backend}`);
  console.log(`seed: demo tenant with ${fmtInt(EMPLOYEES)} employees in ${secs(r.seedMs)}; ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured`);
  const ratio = r.page.requestsAverage / r.bare.requestsAverage;
  table([
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests'],
    [`GET ${PAGE_PATH} (signed in)`, fmtInt(r.page.requestsAverage), ms(r.page.latencyP50), ms(r.page.latencyP99), ms(r.page.latencyMax), fmtInt(r.page.requestsTotal)],
    ['LIMIT bare Fastify GET /hello', fmtInt(r.bare.requestsAverage), ms(r.bare.latencyP50), ms(r.bare.latencyP99), ms(r.bare.latencyMax), fmtInt(r.bare.requestsTotal)],
  ]);
  console.log(`employee page / bare Fastify = ${(ratio * 100).toFixed(1)}% of the requests/s; p99 ${ms(r.page.latencyP99)} ms vs ${ms(r.bare.latencyP99)} ms`);
  return [
    {
      bench: 'http',
      backend: r.backend,
      metric: 'req/s (p99)',
      value: `${fmtInt(r.page.requestsAverage)} (${ms(r.page.latencyP99)} ms)`,
      limit: `${fmtInt(r.bare.requestsAverage)} (${ms(r.bare.latencyP99)} ms) bare`,
      ratio: `${(ratio * 100).toFixed(1)}%`,
      target: '— (none set)',
      met: null,
    },
  ];
}

export async function runHttpBench(): Promise<Summary[]> {
  const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim()) as Backend[];
  header(`http benchmark: back ends ${backends.join(', ')}`);
  console.log('note: server (this process), autocannon (child process) and PostgreSQL share the same 2 cores.');
  const out: Summary[] = [];
  for (const backend of backends) out.push(...report(await runBackend(backend)));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runHttpBench().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
