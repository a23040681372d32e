/**
 * Training and evaluation pipelines behind `npm run model:train` / `model:eval` (and the determinism
 * test): featurise, cross-validate, calibrate, quantise, encode. Pure functions of their inputs.
 */
import { bucketCsr, buildRawCsr, computeIdf, Featuriser, fitVocabulary, rawCharTokens, selectRows, VocabularyIndex, vocabularyCsr, weightCsr, type Csr, type FeatureParams, type MinDf } from './features.js';
import { applyPlatt, decisionValues, fitPlatt, macroF1, precisionAt, rocAuc, stratifiedFolds, trainLogisticLbfgs, type LbfgsOptions, type Platt } from './linear-model.js';
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

export interface TrainConfig {
  readonly features: FeatureParams;
  /** The hate model's columns: an exact vocabulary fitted on the training rows with this min_df per block. */
  readonly hate: CvOptions & { readonly minDf: MinDf };
  /** The partisan model's columns: 2^features.bits hash buckets. */
  readonly partisan: CvOptions;
}

export const DEFAULT_CONFIG: TrainConfig = {
  features: { bits: 18, minChar: 2, maxChar: 5 },
  hate: { C: 4, maxIter: 300, tol: 1e-4, balanced: true, memory: 10, folds: 5, seed: 42, minDf: { word: 1, char: 2 } },
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
  /** Mean over folds of the macro-F1 at the uncalibrated threshold 0 (class-balanced model). */
  readonly macroF1: number;
  readonly macroF1Std: number;
  readonly auc: number;
  /** Out-of-fold decision values, in row order. */
  readonly oof: Float64Array;
}

/** Model input of the training and test rows of one fold (columns, idf and normalisation fitted on the training rows only). */
export type Design = (train: readonly number[], test: readonly number[]) => { train: Csr; test: Csr };

/** Stratified k-fold CV of one label. */
export function crossValidate(rows: number, design: Design, y: Uint8Array, label: string, opts: CvOptions): CvResult {
  const folds = stratifiedFolds(y, opts.folds, opts.seed);
  const oof = new Float64Array(rows);
  const scores: number[] = [];
  for (let k = 0; k < opts.folds; k++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < rows; i++) (folds[i] === k ? te : tr).push(i);
    const x = design(tr, te);
    const model = trainLogisticLbfgs(x.train, [Uint8Array.from(tr, (i) => y[i]!)], opts);
    const { q, scale } = quantiseWeights(model.w);
    const z = decisionValues({ labels: 1, w: Float32Array.from(q, (v) => v * scale), b: model.b }, x.test, 0);
    te.forEach((row, i) => (oof[row] = z[i]!));
    scores.push(macroF1(Uint8Array.from(te, (i) => y[i]!), Uint8Array.from(z, (v) => (v > 0 ? 1 : 0))));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return { label, positives: y.reduce((a, b) => a + b, 0), macroF1: mean, macroF1Std: std, auc: rocAuc(y, oof), oof };
}

/** The hate model's design: exact vocabulary (min_df per block), TF-IDF with the stored (quantised) idf, L2 per block. */
export function vocabularyDesign(raw: Csr, minDf: MinDf): Design {
  return (train, test) => {
    const index = new VocabularyIndex(fitVocabulary(raw, train, minDf));
    const xtr = vocabularyCsr(raw, train, index);
    const idf = shippedIdf(computeIdf(xtr));
    return { train: weightCsr(xtr, idf), test: weightCsr(vocabularyCsr(raw, test, index), idf) };
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
    let platt: Platt = { a: 1, b: 0 };
    let metrics: Record<string, number> = {};
    if (calibrate.includes(name)) {
      const res = crossValidate(raw.rows, design, y, name, cfg.hate);
      cv.push(res);
      platt = fitPlatt(res.oof, y);
      metrics = { cv_macro_f1: round6(res.macroF1), cv_auc: round6(res.auc) };
      log(`  ${name}: CV macro-F1 ${res.macroF1.toFixed(4)} ± ${res.macroF1Std.toFixed(4)}, AUC ${res.auc.toFixed(4)}`);
    }
    const model = trainLogisticLbfgs(x, [y], cfg.hate);
    const { q, scale } = quantiseWeights(model.w);
    quantised.push(q);
    labels.push({ name, bias: round6(model.b[0]!), scale, platt: { a: round6(platt.a), b: round6(platt.b) }, metrics });
    log(`  ${name}: trained (${y.reduce((a, b) => a + b, 0)} positives)`);
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
