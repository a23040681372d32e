/**
 * `npm run bench` runs every benchmark in order; `npm run bench -- import` (or `-- http`, `-- signing`, `-- intake`, `-- cases`, `-- dashboard`) runs one.
 * The soak (`npm run bench -- soak [--find-max | --short | --minutes M --rate R]`, bench/soak.ts) runs only
 * when named: it lasts 30 minutes by default.
 * Each benchmark prints its figure and the same machine's limit measured in the same run; a summary
 * table closes the run. Nothing is written to disk: bench/RESULTS.md is written by hand from a run.
 *
 * Environment: BENCH_ROWS (import rows, default 100000), BENCH_BACKENDS (e.g. "pglite" or
 * "postgres,pglite"), BENCH_PG_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_PG_DB (database dropped and re-created per back end, default netra_bench),
 * BENCH_DURATION / BENCH_CONNECTIONS (http load, default 10 s / 10), BENCH_SIGN_EMPLOYEES / BENCH_SIGN_CLIENTS
 * / BENCH_SIGN_PDFS (signing: employees seeded, concurrent clients, PDFs rendered; default 2500 / 50 / 50),
 * BENCH_INTAKE_REPORTS / BENCH_INTAKE_CLIENTS / BENCH_POW_COST (intake: reports measured, concurrent clients,
 * proof-of-work cost of the bench server; default 150 / 10 / 20), BENCH_CASES / BENCH_CASE_EVENTS / BENCH_CASES_REQUESTS /
 * BENCH_CASES_CLIENTS (cases: cases and events generated, requests per endpoint, concurrent clients; default
 * 50000 / 500000 / 200 / 4; PostgreSQL only), BENCH_DASHBOARD_SCALE / BENCH_DASHBOARD_REQUESTS / BENCH_DASHBOARD_ROUNDS /
 * BENCH_DASHBOARD_DB (dashboard: share of the 4.7 million employees and 100,000 cases, requests per endpoint,
 * measuring rounds, the kept dataset database; default 1 / 60 / 2 / netra_bench_dashboard; `--reuse` measures
 * the kept dataset again, `--drop` drops it; PostgreSQL only); the soak's options are flags (see bench/soak.ts).
 */
import { runCasesBench } from './cases.js';
import { runDashboardBench } from './dashboard.js';
import { runHttpBench } from './http.js';
import { runImportBench } from './import.js';
import { runIntakeBench } from './intake.js';
import { runScreenerBench } from './screener.js';
import { runSigningBench } from './signing.js';
import { runSoakBench } from './soak.js';
import { loadavg } from 'node:os';
import { header, machineLine, table, type Summary } from './lib.js';

const BENCHES: Record<string, () => Promise<Summary[]>> = { import: runImportBench, http: runHttpBench, signing: runSigningBench, intake: runIntakeBench, cases: runCasesBench, dashboard: runDashboardBench, screener: runScreenerBench, soak: runSoakBench };
/** Run only when named. */
const ON_REQUEST = new Set(['soak']);

// Names are the arguments that are not flags and not a flag's value (`--minutes 30`).
const args = process.argv.slice(2);
const requested = args.filter((a, i) => !a.startsWith('-') && (a in BENCHES || !(i > 0 && args[i - 1]!.startsWith('--') && !args[i - 1]!.includes('='))));
const unknown = requested.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (available: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
const selected = requested.length ? requested : Object.keys(BENCHES).filter((name) => !ON_REQUEST.has(name));

console.log(`Netra benchmarks: ${selected.join(', ')}`);
console.log(`machine: ${machineLine()}`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
console.log(`started: ${new Date().toISOString()}; load average (1/5/15 min) ${load()} — other work on the machine skews every figure`);

const started = performance.now();
const summaries: Summary[] = [];
const failures: string[] = [];
for (const name of selected) {
  const t = performance.now();
  try {
    summaries.push(...(await BENCHES[name]!()));
  } catch (error) {
    failures.push(name);
    console.error(`\n${name} benchmark FAILED:`, error);
  }
  console.log(`(${name}: ${((performance.now() - t) / 1000).toFixed(0)} s)`);
}

header('summary');
if (summaries.length) {
  table([
    ['bench', 'back end', 'metric', 'figure', 'limit (same run)', 'of limit', 'target', 'met'],
    ...summaries.map((s) => [s.bench, s.backend, s.metric, s.value, s.limit, s.ratio, s.target, s.met === null ? '—' : s.met ? 'yes' : 'NO']),
  ]);
}
if (failures.length) console.log(`FAILED: ${failures.join(', ')}`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s; load average at end ${load()} (includes this run's own load); machine: ${machineLine()}`);
process.exit(failures.length ? 1 : 0);
