/**
 * Training and evaluation pipelines behind `npm run model:train` / `model:eval` (and the determinism
 * test): featurise, cross-validate, calibrate, quantise, encode. Pure functions of their inputs.
 */
import { bucketCsr, buildRawCsr, computeIdf, Featuriser, fitVocabulary, rawCharTokens, selectRows, VocabularyIndex, vocabularyCsr, weightCsr, type Csr, type FeatureParams, type MinDf } from './features.js';
import { applyPlatt, bestThreshold, decisionValues, fitPlatt, macroF1, precisionAt, rocAuc, stratifiedFolds, trainLogisticLbfgs, type LbfgsOptions, type Platt } from './linear-model.js';
import { dequantiseIdf, encodeModel, MODEL_FORMAT, quantiseIdf, quantiseWeights, round6, type LabelHeader } from './model-file.js';
import { normalise } from './normalise.js';
import { applyRules, campNeutralSource } from './rules.js';
import type { Dataset, PartisanPost } from './datasets.js';
import type { CompiledWatchlist } from './watchlist.js';

/** Bump when normalisation, rules or featurisation change the features of a text. */
export const FEATURE_CODE_VERSION = 'features-2029.4';

export const HATE_LICENCE = 'CC BY-NC-SA 4.0 (trained on Ibrohim & Budi 2019, id-multi-label-hate-speech-and-abusive-language-detection)';
export const PARTISAN_LICENCE = 'AGPL-3.0-or-later (project licence; trained on data/partisan-dev, CC BY 4.0)';

export type CvOptions = LbfgsOptions & { readonly folds: number; readonly seed: number };

/**
 * Labels trained as two logistic regressions, one on the word block and one on the character block,
 * whose decision values are averaged (one linear model over all columns, so the file format and the
 * screener are unchanged), with C (from `Cs`) and the decision threshold chosen by `innerFolds`-fold
 * CV on the training rows only (nested inside each CV fold when evaluating).
 */
export interface TuningOptions {
  /** The tuned labels and the C values each may choose from. */
  readonly Cs: Readonly<Record<string, readonly number[]>>;
  readonly innerFolds: number;
}

/** The tuning of one label (its C grid and the inner folds), or null: one model over all columns at the config's C, threshold 0. */
export type LabelTuning = { readonly Cs: readonly number[]; readonly innerFolds: number } | null;
export const labelTuning = (t: TuningOptions, label: string): LabelTuning => (Object.hasOwn(t.Cs, label) ? { Cs: t.Cs[label]!, innerFolds: t.innerFolds } : null);

export interface TrainConfig {
  readonly features: FeatureParams;
  /** The hate model's columns: an exact vocabulary fitted on the training rows with this min_df per block. */
  readonly hate: CvOptions & { readonly minDf: MinDf; readonly tuned: TuningOptions };
  /** The partisan model's columns: 2^features.bits hash buckets. */
  readonly partisan: CvOptions;
}

export const DEFAULT_CONFIG: TrainConfig = {
  features: { bits: 18, minChar: 2, maxChar: 5 },
  hate: { C: 4, maxIter: 300, tol: 1e-4, balanced: true, memory: 10, folds: 5, seed: 42, minDf: { word: 1, char: 2 }, tuned: { Cs: { Abusive: [4, 16] }, innerFolds: 3 } },
  partisan: { C: 4, maxIter: 300, tol: 1e-4, balanced: true, memory: 10, folds: 5, seed: 42 },
};

/** The partisan classifier's input of a text: camp-independent tokens plus rule features. */
export function featureDoc(text: string, watchlist: CompiledWatchlist | null): { tokens: string[]; extra: string[] } {
  const rules = applyRules(normalise(text), watchlist);
  return { tokens: rules.featureTokens, extra: rules.ruleFeatures };
}

/**
 * The hate classifier's input: words as for partisanship, characters of the raw lower-cased text with
 * watchlist references blanked (`campNeutralSource`; the training data has no watchlist). The screener
 * computes the same features in place.
 */
export function hateDoc(text: string, watchlist: CompiledWatchlist | null = null): { tokens: string[]; extra: string[]; chars: string[] } {
  const norm = normalise(text);
  const rules = applyRules(norm, watchlist);
  return { tokens: rules.featureTokens, extra: rules.ruleFeatures, chars: rawCharTokens(campNeutralSource(norm.source, rules)) };
}

export interface CvResult {
  readonly label: string;
  readonly positives: number;
  /** Mean over folds of the macro-F1 at the model's threshold (0, or the one chosen on the training folds). */
  readonly macroF1: number;
  readonly macroF1Std: number;
  readonly auc: number;
  /** Out-of-fold decision values, in row order. */
  readonly oof: Float64Array;
  /** Per fold: the C and threshold chosen on its training rows (tuned labels only). */
  readonly chosen?: readonly { readonly C: number; readonly threshold: number }[];
}

/**
 * Model input of the training and test rows of one fold (columns, idf and normalisation fitted on the
 * training rows only); `words`: columns below it are the word block (vocabulary designs).
 */
export type Design = (train: readonly number[], test: readonly number[]) => { train: Csr; test: Csr; words?: number };

/** A label's weights as they ship (int8 · scale) and its bias. */
interface Fitted {
  readonly q: Int8Array;
  readonly scale: number;
  readonly bias: number;
}

/** The columns [lo, hi) of a CSR matrix, renumbered from 0. */
function columnBlock(x: Csr, lo: number, hi: number): Csr {
  const ptr = new Int32Array(x.rows + 1);
  let n = 0;
  for (let k = 0; k < x.idx.length; k++) if (x.idx[k]! >= lo && x.idx[k]! < hi) n++;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  n = 0;
  for (let r = 0; r < x.rows; r++) {
    for (let k = x.ptr[r]!; k < x.ptr[r + 1]!; k++) {
      const j = x.idx[k]!;
      if (j < lo || j >= hi) continue;
      idx[n] = j - lo;
      val[n] = x.val[k]!;
      n++;
    }
    ptr[r + 1] = n;
  }
  return { rows: x.rows, dim: hi - lo, ptr, idx, val };
}

/**
 * One logistic regression over all columns, or (`blocks`) one per block (word columns below `words`,
 * character columns above), decision values averaged: w = ½(w_word ⊕ w_char), b = ½(b_word + b_char).
 */
function fitLabel(x: Csr, y: Uint8Array, opts: LbfgsOptions, blocks: { words: number } | null): Fitted {
  if (!blocks) {
    const m = trainLogisticLbfgs(x, [y], opts);
    return { ...quantiseWeights(m.w), bias: m.b[0]! };
  }
  const w = new Float64Array(x.dim);
  let bias = 0;
  for (const [lo, hi] of [
    [0, blocks.words],
    [blocks.words, x.dim],
  ] as const) {
    const m = trainLogisticLbfgs(columnBlock(x, lo, hi), [y], opts);
    for (let j = 0; j < hi - lo; j++) w[lo + j] = 0.5 * m.w[j]!;
    bias += 0.5 * m.b[0]!;
  }
  return { ...quantiseWeights(w), bias };
}

const shippedDecisions = (f: Fitted, x: Csr) => decisionValues({ labels: 1, w: Float32Array.from(f.q, (v) => v * f.scale), b: [f.bias] }, x, 0);

export interface Selection {
  readonly C: number;
  readonly threshold: number;
  /** Out-of-fold macro-F1 at that C and threshold (optimistic: the threshold is fitted on it). */
  readonly macroF1: number;
  /** Out-of-fold decision values at the chosen C, in the order of `rows`. */
  readonly oof: Float64Array;
}

/**
 * Chooses C (from `tuning.Cs`) and the decision threshold of a block-averaged model by stratified
 * `folds`-fold CV on `rows` only: the pair with the best out-of-fold macro-F1 (ties: the first C).
 */
export function selectByCv(rows: readonly number[], design: Design, y: Uint8Array, opts: LbfgsOptions, Cs: readonly number[], folds: number, seed: number): Selection {
  const ys = Uint8Array.from(rows, (r) => y[r]!);
  const fold = stratifiedFolds(ys, folds, seed);
  const oof = Cs.map(() => new Float64Array(rows.length));
  for (let k = 0; k < folds; k++) {
    const a: number[] = [];
    const b: number[] = [];
    const at: number[] = [];
    rows.forEach((r, i) => (fold[i] === k ? (b.push(r), at.push(i)) : a.push(r)));
    const x = design(a, b);
    if (x.words === undefined) throw new Error('selectByCv needs a design with word/char blocks');
    const ya = Uint8Array.from(a, (r) => y[r]!);
    Cs.forEach((C, c) => {
      const z = shippedDecisions(fitLabel(x.train, ya, { ...opts, C }, { words: x.words! }), x.test);
      at.forEach((i, n) => (oof[c]![i] = z[n]!));
    });
  }
  let best: Selection | null = null;
  Cs.forEach((C, c) => {
    const t = bestThreshold(ys, oof[c]!);
    if (!best || t.macroF1 > best.macroF1) best = { C, threshold: t.threshold, macroF1: t.macroF1, oof: oof[c]! };
  });
  return best!;
}

/**
 * Stratified k-fold CV of one label. With `tuning` the label is a block-averaged model whose C and
 * threshold are chosen inside each training fold (`selectByCv`, nested CV); the test fold is only
 * used for the figure.
 */
export function crossValidate(rows: number, design: Design, y: Uint8Array, label: string, opts: CvOptions, tuning: LabelTuning = null): CvResult {
  const folds = stratifiedFolds(y, opts.folds, opts.seed);
  const oof = new Float64Array(rows);
  const scores: number[] = [];
  const chosen: { C: number; threshold: number }[] = [];
  for (let k = 0; k < opts.folds; k++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < rows; i++) (folds[i] === k ? te : tr).push(i);
    const sel = tuning ? selectByCv(tr, design, y, opts, tuning.Cs, tuning.innerFolds, (opts.seed + 1000 * (k + 1)) >>> 0) : null;
    const x = design(tr, te);
    const fitted = fitLabel(x.train, Uint8Array.from(tr, (i) => y[i]!), sel ? { ...opts, C: sel.C } : opts, sel ? { words: x.words! } : null);
    const z = shippedDecisions(fitted, x.test);
    const threshold = sel ? sel.threshold : 0;
    if (sel) chosen.push({ C: sel.C, threshold });
    te.forEach((row, i) => (oof[row] = z[i]!));
    scores.push(macroF1(Uint8Array.from(te, (i) => y[i]!), Uint8Array.from(z, (v) => (v > threshold ? 1 : 0))));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return { label, positives: y.reduce((a, b) => a + b, 0), macroF1: mean, macroF1Std: std, auc: rocAuc(y, oof), oof, ...(tuning ? { chosen } : {}) };
}

/** The hate model's design: exact vocabulary (min_df per block), TF-IDF with the stored (quantised) idf, L2 per block. */
export function vocabularyDesign(raw: Csr, minDf: MinDf): Design {
  return (train, test) => {
    const index = new VocabularyIndex(fitVocabulary(raw, train, minDf));
    const xtr = vocabularyCsr(raw, train, index);
    const idf = shippedIdf(computeIdf(xtr));
    return { train: weightCsr(xtr, idf), test: weightCsr(vocabularyCsr(raw, test, index), idf), words: index.words };
  };
}

/** The partisan model's design: 2^bits hash buckets, sublinear tf, L2 per block, no idf. */
export function hashedDesign(raw: Csr, bits: number): Design {
  const hashed = bucketCsr(raw, bits);
  const noIdf = ones(hashed.dim);
  return (train, test) => ({ train: weightCsr(selectRows(hashed, train), noIdf), test: weightCsr(selectRows(hashed, test), noIdf) });
}

/** Features of the hate-speech rows (no watchlist), as a raw keyed matrix. */
export function hateRawCsr(ds: Dataset, features: FeatureParams): Csr {
  return buildRawCsr(new Featuriser(features), ds.rows.map((r) => hateDoc(r.text, null)));
}

const ones = (n: number) => new Float32Array(n).fill(1);
/** The idf as the model file stores it (quantised), so training sees what inference will use. */
function shippedIdf(idf: Float32Array): Float32Array {
  const { q, min, step } = quantiseIdf(idf);
  return dequantiseIdf(q, min, step);
}

export interface HateTrainResult {
  readonly bytes: Buffer;
  readonly cv: CvResult[];
}

/**
 * Trains the hate-speech/abusive models: one logistic regression per label on TF-IDF-like hashed
 * features; labels in `calibrate` are cross-validated and Platt-calibrated on out-of-fold values.
 */
export function trainHateModel(ds: Dataset, cfg: TrainConfig = DEFAULT_CONFIG, calibrate: readonly string[] = ['HS', 'Abusive'], log: (s: string) => void = () => {}): HateTrainResult {
  const raw = hateRawCsr(ds, cfg.features);
  const all = Array.from({ length: raw.rows }, (_, i) => i);
  const vocabulary = fitVocabulary(raw, all, cfg.hate.minDf);
  const columns = vocabularyCsr(raw, all, new VocabularyIndex(vocabulary));
  const idfQ = quantiseIdf(computeIdf(columns));
  const x = weightCsr(columns, dequantiseIdf(idfQ.q, idfQ.min, idfQ.step));
  const design = vocabularyDesign(raw, cfg.hate.minDf);
  const labels: LabelHeader[] = [];
  const quantised: Int8Array[] = [];
  const cv: CvResult[] = [];
  ds.labels.forEach((name, l) => {
    const y = Uint8Array.from(ds.rows, (r) => r.labels[l]!);
    const tuning = labelTuning(cfg.hate.tuned, name);
    let platt: Platt = { a: 1, b: 0 };
    let metrics: Record<string, number> = {};
    if (calibrate.includes(name)) {
      const res = crossValidate(raw.rows, design, y, name, cfg.hate, tuning);
      cv.push(res);
      platt = fitPlatt(res.oof, y);
      metrics = { cv_macro_f1: round6(res.macroF1), cv_auc: round6(res.auc) };
      log(`  ${name}: CV macro-F1 ${res.macroF1.toFixed(4)} ± ${res.macroF1Std.toFixed(4)}, AUC ${res.auc.toFixed(4)}${res.chosen ? ` (chosen per fold: ${res.chosen.map((c) => `C=${c.C} t=${c.threshold.toFixed(3)}`).join(', ')})` : ''}`);
    }
    // Tuned labels: C and threshold chosen by CV on all rows (the procedure the nested CV above evaluates).
    const sel = tuning ? selectByCv(all, design, y, cfg.hate, tuning.Cs, cfg.hate.folds, cfg.hate.seed) : null;
    const fitted = fitLabel(x, y, sel ? { ...cfg.hate, C: sel.C } : cfg.hate, sel ? { words: vocabulary.words.length } : null);
    quantised.push(fitted.q);
    const fit = sel ? { threshold: round6(sel.threshold), fit: { blocks: 'average' as const, C: sel.C } } : {};
    labels.push({ name, bias: round6(fitted.bias), scale: fitted.scale, platt: { a: round6(platt.a), b: round6(platt.b) }, ...fit, metrics });
    log(`  ${name}: trained (${y.reduce((a, b) => a + b, 0)} positives${sel ? `; C=${sel.C}, threshold ${sel.threshold.toFixed(3)}` : ''})`);
  });
  const bytes = encodeModel(
    {
      format: MODEL_FORMAT,
      kind: 'hate',
      licence: HATE_LICENCE,
      features: cfg.features,
      vocab: { words: vocabulary.words.length, chars: vocabulary.chars.length, minDf: cfg.hate.minDf },
      idf: { min: idfQ.min, step: idfQ.step },
      labels,
      inputs: { data: { file: 'data/id-multilabel-hate-speech/train.csv', sha256: ds.sha256, rows: ds.rows.length }, train: cfg.hate, code: FEATURE_CODE_VERSION },
    },
    quantised,
    idfQ.q,
    vocabulary,
  );
  return { bytes, cv };
}

export interface PartisanTrainResult {
  readonly bytes: Buffer;
  readonly cv: CvResult;
  readonly heldout: { readonly auc: number; readonly precisionAt50: number; readonly macroF1: number; readonly n: number; readonly positives: number };
}

/**
 * Trains the partisanship model on the train split (camp-independent tokens + rule features, no idf),
 * Platt-calibrates it on out-of-fold values and reports ROC AUC and precision@50 on the held-out split.
 */
export function trainPartisanModel(posts: readonly PartisanPost[], sha256: string, watchlist: CompiledWatchlist, cfg: TrainConfig = DEFAULT_CONFIG): PartisanTrainResult {
  const featuriser = new Featuriser(cfg.features);
  const train = posts.filter((p) => p.split === 'train');
  const held = posts.filter((p) => p.split === 'heldout');
  const rawTrain = bucketCsr(buildRawCsr(featuriser, train.map((p) => featureDoc(p.text, watchlist))), cfg.features.bits);
  const y = Uint8Array.from(train, (p) => p.label);
  const cv = crossValidate(rawTrain.rows, hashedDesign(rawTrain, cfg.features.bits), y, 'partisan', cfg.partisan);
  const platt = fitPlatt(cv.oof, y);
  const noIdf = ones(rawTrain.dim);
  const model = trainLogisticLbfgs(weightCsr(rawTrain, noIdf), [y], cfg.partisan);
  const { q, scale } = quantiseWeights(model.w);
  const w = Float32Array.from(q, (v) => v * scale);
  const rawHeld = bucketCsr(buildRawCsr(featuriser, held.map((p) => featureDoc(p.text, watchlist))), cfg.features.bits);
  const z = decisionValues({ labels: 1, w, b: model.b }, weightCsr(rawHeld, noIdf), 0);
  const yh = Uint8Array.from(held, (p) => p.label);
  const prob = Float64Array.from(z, (v) => applyPlatt(platt, v));
  const heldout = {
    auc: rocAuc(yh, prob),
    precisionAt50: precisionAt(yh, prob, 50),
    macroF1: macroF1(yh, Uint8Array.from(prob, (p) => (p >= 0.5 ? 1 : 0))),
    n: held.length,
    positives: yh.reduce((a, b) => a + b, 0),
  };
  const bytes = encodeModel(
    {
      format: MODEL_FORMAT,
      kind: 'partisan',
      licence: PARTISAN_LICENCE,
      features: cfg.features,
      vocab: null,
      idf: null,
      labels: [{ name: 'partisan', bias: round6(model.b[0]!), scale, platt: { a: round6(platt.a), b: round6(platt.b) }, metrics: { cv_macro_f1: round6(cv.macroF1), cv_auc: round6(cv.auc), heldout_auc: round6(heldout.auc), heldout_p_at_50: round6(heldout.precisionAt50) } }],
      inputs: { data: { file: 'data/partisan-dev/posts.jsonl', sha256, train: train.length, heldout: held.length }, watchlist: watchlist.watchlist.election.id, train: cfg.partisan, code: FEATURE_CODE_VERSION },
    },
    [q],
    null,
  );
  return { bytes, cv, heldout };
}
