/**
 * `npm run model:eval`: stratified 5-fold cross-validated macro-F1 per label of the hate-speech data
 * (the same pipeline and quantisation as the stored models) and, for partisanship, CV on the train
 * split plus ROC AUC and precision@50 on the held-out split.
 *
 *   npm run model:eval -- [--labels HS,Abusive | --labels all] [--skip-partisan] [--hate-data PATH] [--partisan-data PATH]
 *                         [--seed N] [--per-fold] [--folds-out PATH]
 *
 * --seed N: the hate labels' stratified folds (and Abusive's inner folds) from seed N instead of 42.
 * --per-fold: also print each fold's macro-F1. --folds-out PATH: write each evaluated label's folds as
 * JSON ({"HS": [fold of row 0, …], …}), the folds.json that models/baseline-sklearn.py reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readHateDataset, readPartisanDataset } from './datasets.js';
import { parseArgs, resolvePaths } from './cli-paths.js';
import { crossValidate, DEFAULT_CONFIG, labelTuning, hateRawCsr, trainPartisanModel, vocabularyDesign } from './training.js';
import { macroF1, stratifiedFolds } from './linear-model.js';
import { compileWatchlist, parseWatchlist } from './watchlist.js';

const args = parseArgs(process.argv.slice(2));
const paths = resolvePaths(args);
const started = performance.now();
const secs = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

const seed = args.has('seed') ? Number(args.get('seed')) : DEFAULT_CONFIG.hate.seed;
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed harus bilangan bulat ≥ 0: ${args.get('seed')}`);
const hateCfg = { ...DEFAULT_CONFIG.hate, seed };
const foldsOut: Record<string, number[]> = {};

const hate = readHateDataset(paths.hateData);
const wanted = (args.get('labels') ?? 'all') === 'all' ? hate.labels : args.get('labels')!.split(',');
console.log(`hate-speech data ${paths.hateData}: ${hate.rows.length} tweets; stratified ${DEFAULT_CONFIG.hate.folds}-fold CV (seed ${hateCfg.seed}), L-BFGS logistic regression C=${DEFAULT_CONFIG.hate.C}, balanced class weights, word 1–2-grams (min_df ${DEFAULT_CONFIG.hate.minDf.word}) + char_wb ${DEFAULT_CONFIG.features.minChar}–${DEFAULT_CONFIG.features.maxChar}-grams (min_df ${DEFAULT_CONFIG.hate.minDf.char}), vocabulary and idf per fold, int8 weights; ${Object.entries(DEFAULT_CONFIG.hate.tuned.Cs).map(([l, c]) => `${l} C ∈ {${c.join(', ')}}`).join(', ')}: word and char models averaged, C and threshold chosen by ${DEFAULT_CONFIG.hate.tuned.innerFolds}-fold CV inside each training fold (nested)`);
const raw = hateRawCsr(hate, DEFAULT_CONFIG.features);
const design = vocabularyDesign(raw, DEFAULT_CONFIG.hate.minDf);
console.log('label           positives  macro-F1 (± sd)     ROC AUC');
for (const name of wanted) {
  const l = hate.labels.indexOf(name);
  if (l < 0) throw new Error(`label tidak dikenal: ${name}`);
  const tuning = labelTuning(DEFAULT_CONFIG.hate.tuned, name);
  const y = Uint8Array.from(hate.rows, (r) => r.labels[l]!);
  const res = crossValidate(raw.rows, design, y, name, hateCfg, tuning);
  const chosen = res.chosen ? `   word/char models averaged; chosen on each training fold: ${res.chosen.map((c) => `C=${c.C} t=${c.threshold.toFixed(3)}`).join(', ')}` : '';
  console.log(`${name.padEnd(15)} ${String(res.positives).padStart(9)}  ${res.macroF1.toFixed(4)} (± ${res.macroF1Std.toFixed(4)})  ${res.auc.toFixed(4)}   [${secs()}]${chosen}`);
  // The folds crossValidate used (same function, same seed); per fold, the macro-F1 of its out-of-fold decision values.
  const folds = stratifiedFolds(y, hateCfg.folds, hateCfg.seed);
  foldsOut[name] = Array.from(folds);
  if (args.get('per-fold') === 'true') {
    const perFold = Array.from({ length: hateCfg.folds }, (_, k) => {
      const te = Array.from(folds.keys()).filter((i) => folds[i] === k);
      const threshold = res.chosen ? res.chosen[k]!.threshold : 0;
      return macroF1(Uint8Array.from(te, (i) => y[i]!), Uint8Array.from(te, (i) => (res.oof[i]! > threshold ? 1 : 0)));
    });
    console.log(`${name.padEnd(15)} per fold (seed ${hateCfg.seed}): ${perFold.map((f) => f.toFixed(4)).join(' ')}`);
  }
}
if (args.has('folds-out')) writeFileSync(args.get('folds-out')!, `${JSON.stringify(foldsOut)}\n`);

if (args.get('skip-partisan') === 'true') process.exit(0);
const partisan = readPartisanDataset(paths.partisanData);
const watchlist = compileWatchlist(parseWatchlist(JSON.parse(readFileSync(paths.watchlist, 'utf8'))));
const p = trainPartisanModel(partisan.posts, partisan.sha256, watchlist, DEFAULT_CONFIG);
console.log(`\npartisan (${paths.partisanData}): CV on train split macro-F1 ${p.cv.macroF1.toFixed(4)} (± ${p.cv.macroF1Std.toFixed(4)}), AUC ${p.cv.auc.toFixed(4)}`);
console.log(`partisan held-out split (${p.heldout.n} posts, ${p.heldout.positives} partisan; unseen template families): ROC AUC ${p.heldout.auc.toFixed(4)}, precision@50 ${p.heldout.precisionAt50.toFixed(3)}, macro-F1 at p≥0.5 ${p.heldout.macroF1.toFixed(4)}   [${secs()}]`);
