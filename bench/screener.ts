/**
 * Screener benchmark (issue 6): posts per second on one core through the real `screen()` (normaliser,
 * watchlist rules, hashed features, three linear models, reasons) with the example watchlist, over a
 * mix of the partisanship development set and the hate-speech tweets, repeated to BENCH_SCREEN_POSTS
 * posts (default 100,000). In the same run, the limit: a bare pass over the same texts doing only
 * NFKC + lower case + split on whitespace (no rules, no features, no models). Also printed: model
 * load time (cold, first load in this process) and memory (RSS, heap) after loading and after the run.
 *
 *   npm run bench -- screener     BENCH_SCREEN_POSTS=100000
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { resolvePaths } from '../src/screener/cli-paths.js';
import { readHateDataset, readPartisanDataset } from '../src/screener/datasets.js';
import { checkPost, loadScreener } from '../src/screener/screener.js';
import { compileWatchlist, parseWatchlist } from '../src/screener/watchlist.js';
import { f1, fmtInt, header, mib, rate, table, type Summary } from './lib.js';

const POSTS = Number(process.env.BENCH_SCREEN_POSTS ?? 100_000);
const TARGET = 10_000;

/** Drops the few dataset rows the screener refuses (e.g. mojibake decoded as replacement characters). */
function isScreenable(text: string): boolean {
  try {
    checkPost({ id: 'x', text });
    return true;
  } catch {
    return false;
  }
}

export async function runScreenerBench(): Promise<Summary[]> {
  header('screener: posts/s on one core through screen()');
  const root = join(import.meta.dirname, '..');
  const paths = resolvePaths(new Map());
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const screener = loadScreener(join(root, 'models'));
  const loadMs = performance.now() - t0;
  const afterLoad = process.memoryUsage();
  const watchlist = compileWatchlist(parseWatchlist(JSON.parse(readFileSync(paths.watchlist, 'utf8'))));

  const texts = [...readPartisanDataset(paths.partisanData).posts.map((p) => p.text), ...readHateDataset(paths.hateData).rows.map((r) => r.text)].filter(isScreenable);
  const posts = Array.from({ length: POSTS }, (_, i) => ({ id: String(i), text: texts[i % texts.length]! }));
  const chars = posts.reduce((s, p) => s + p.text.length, 0);
  console.log(`${fmtInt(POSTS)} posts (${texts.length} distinct texts, mean ${f1(chars / POSTS)} chars), model ${screener.version}`);

  // Warm-up (JIT), then the measured passes.
  for (let i = 0; i < 5000; i++) screener.screen(posts[i % posts.length]!, watchlist);
  let sink = 0;
  const measure = (run: () => void, repeats: number) => {
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    for (let r = 0; r < repeats; r++) run();
    const cpu = process.cpuUsage(cpu0);
    return { wallMs: (performance.now() - t) / repeats, cpuMs: (cpu.user + cpu.system) / 1000 / repeats };
  };
  const load = () => loadavg()[0]!.toFixed(2);
  const loadStart = load();
  const screenT = measure(() => {
    for (const p of posts) sink += screener.screen(p, watchlist).score;
  }, 1);
  const afterRun = process.memoryUsage();
  const limitT = measure(() => {
    for (const p of posts) sink += p.text.normalize('NFKC').toLowerCase().split(/\s+/).length;
  }, 2);
  if (sink === -1) console.log('');

  // The process is single-threaded: CPU time is the one-core figure even when other work shares the
  // machine; wall-clock time is printed beside it (equal on a quiet machine).
  const screenRate = rate(POSTS, screenT.cpuMs);
  const limitRate = rate(POSTS, limitT.cpuMs);
  table([
    ['', 'posts/s (CPU time)', 'posts/s (wall clock)', 'µs CPU/post'],
    ['screen() (real screener)', fmtInt(screenRate), fmtInt(rate(POSTS, screenT.wallMs)), f1((screenT.cpuMs * 1000) / POSTS)],
    ['limit: NFKC + lower case + split', fmtInt(limitRate), fmtInt(rate(POSTS, limitT.wallMs)), f1((limitT.cpuMs * 1000) / POSTS)],
  ]);
  console.log(`1-minute load average ${loadStart} at start, ${load()} at end (${availableParallelism()} cores)`);
  console.log(`model load: ${f1(loadMs)} ms (hate ${fmtInt(readFileSync(join(root, 'models/hate.model')).length)} B + partisan ${fmtInt(readFileSync(join(root, 'models/partisan.model')).length)} B)`);
  console.log(`memory: RSS ${mib(rssBefore)} before load → ${mib(afterLoad.rss)} after load → ${mib(afterRun.rss)} after the run; heap used ${mib(afterLoad.heapUsed)} after load, ${mib(afterRun.heapUsed)} after the run (includes the ${fmtInt(POSTS)} input posts)`);
  return [
    { bench: 'screener', backend: '—', metric: 'posts/s, one core (CPU time)', value: fmtInt(screenRate), limit: fmtInt(limitRate), ratio: `${f1((100 * screenRate) / limitRate)} %`, target: `≥ ${fmtInt(TARGET)}`, met: screenRate >= TARGET },
    { bench: 'screener', backend: '—', metric: 'model load', value: `${f1(loadMs)} ms`, limit: '—', ratio: '—', target: '—', met: null },
  ];
}

if (process.argv[1] === import.meta.filename) await runScreenerBench();
