/**
 * `npm run model:train`: rebuilds models/hate.model and models/partisan.model (and models/metrics.json)
 * from the data files, deterministically (same inputs → same bytes).
 *
 *   npm run model:train -- [--hate-data PATH] [--partisan-data PATH] [--watchlist PATH] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHateDataset, readPartisanDataset } from './datasets.js';
import { HATE_MODEL_FILE, PARTISAN_MODEL_FILE } from './screener.js';
import { parseArgs, resolvePaths } from './cli-paths.js';
import { DEFAULT_CONFIG, trainHateModel, trainPartisanModel } from './training.js';
import { compileWatchlist, parseWatchlist } from './watchlist.js';

const args = parseArgs(process.argv.slice(2));
const paths = resolvePaths(args);
const started = performance.now();
const secs = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// --only partisan: keep the stored hate model (its training takes minutes) and rebuild the partisan one.
const onlyPartisan = args.get('only') === 'partisan';
let hateResult: { bytes: Buffer; cv: ReturnType<typeof trainHateModel>['cv'] };
if (onlyPartisan) {
  hateResult = { bytes: readFileSync(join(paths.out, HATE_MODEL_FILE)), cv: [] };
} else {
  console.log(`hate-speech data: ${paths.hateData}`);
  const hate = readHateDataset(paths.hateData);
  console.log(`training hate/abusive models (${hate.rows.length} tweets, ${hate.labels.length} labels; CV + Platt for HS, Abusive)…`);
  hateResult = trainHateModel(hate, DEFAULT_CONFIG, ['HS', 'Abusive'], (s) => console.log(`${s} [${secs()}]`));
}

console.log(`partisanship data: ${paths.partisanData}; watchlist ${paths.watchlist}`);
const partisan = readPartisanDataset(paths.partisanData);
const watchlist = compileWatchlist(parseWatchlist(JSON.parse(readFileSync(paths.watchlist, 'utf8'))));
const partisanResult = trainPartisanModel(partisan.posts, partisan.sha256, watchlist, DEFAULT_CONFIG);
console.log(`  partisan: CV macro-F1 ${partisanResult.cv.macroF1.toFixed(4)}, held-out AUC ${partisanResult.heldout.auc.toFixed(4)}, P@50 ${partisanResult.heldout.precisionAt50.toFixed(3)} [${secs()}]`);

mkdirSync(paths.out, { recursive: true });
writeFileSync(join(paths.out, HATE_MODEL_FILE), hateResult.bytes);
writeFileSync(join(paths.out, PARTISAN_MODEL_FILE), partisanResult.bytes);
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const previous = onlyPartisan ? (JSON.parse(readFileSync(join(paths.out, 'metrics.json'), 'utf8')) as { hate: { cv: unknown[] } }).hate.cv : null;
const metrics = {
  hate: { file: HATE_MODEL_FILE, sha256: sha(hateResult.bytes), bytes: hateResult.bytes.length, cv: previous ?? hateResult.cv.map((c) => ({ label: c.label, positives: c.positives, macro_f1: r4(c.macroF1), macro_f1_std: r4(c.macroF1Std), auc: r4(c.auc) })) },
  partisan: { file: PARTISAN_MODEL_FILE, sha256: sha(partisanResult.bytes), bytes: partisanResult.bytes.length, cv_macro_f1: r4(partisanResult.cv.macroF1), cv_auc: r4(partisanResult.cv.auc), heldout: { ...partisanResult.heldout, auc: r4(partisanResult.heldout.auc), precisionAt50: r4(partisanResult.heldout.precisionAt50), macroF1: r4(partisanResult.heldout.macroF1) } },
};
writeFileSync(join(paths.out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
console.log(`wrote ${paths.out}/${HATE_MODEL_FILE} (${hateResult.bytes.length} B, sha256 ${metrics.hate.sha256.slice(0, 16)}), ${PARTISAN_MODEL_FILE} (${partisanResult.bytes.length} B, sha256 ${metrics.partisan.sha256.slice(0, 16)}), metrics.json in ${secs()}`);
