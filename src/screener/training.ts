/**
 * Training and evaluation pipelines behind `npm run model:train` / `model:eval` (and the determinism
 * test): featurise, cross-validate, calibrate, quantise, encode. Pure functions of their inputs.
 */
import { buildRawCsr, computeIdf, Featuriser, selectRows, weightCsr, type Csr, type FeatureParams } from './features.js';
import { applyPlatt, decisionValues, fitPlatt, macroF1, precisionAt, rocAuc, stratifiedFolds, trainLogisticLbfgs, type LbfgsOptions, type Platt } from './linear-model.js';
import { dequantiseIdf, encodeModel, quantiseIdf, quantiseWeights, round6, type LabelHeader } from './model-file.js';
import { normalise } from './normalise.js';
import { applyRules } from './rules.js';
import type { Dataset, PartisanPost } from './datasets.js';
import type { CompiledWatchlist } from './watchlist.js';

/** Bump when normalisation, rules or featurisation change the features of a text. */
export const FEATURE_CODE_VERSION = 'features-2029.3';

export const HATE_LICENCE = 'CC BY-NC-SA 4.0 (trained on Ibrohim & Budi 2019, id-multi-label-hate-speech-and-abusive-language-detection)';
export const PARTISAN_LICENCE = 'AGPL-3.0-or-later (project licence; trained on data/partisan-dev, CC BY 4.0)';

export interface TrainConfig {
  readonly features: FeatureParams;
  readonly hate: LbfgsOptions & { readonly folds: number; readonly seed: number };
  readonly partisan: LbfgsOptions & { readonly folds: number; readonly seed: number };
}

export const DEFAULT_CONFIG: TrainConfig = {
  features: { bits: 18, minChar: 2, maxChar: 5 },
  hate: { C: 4, maxIter: 300, tol: 1e-4, balanced: true, memory: 10, folds: 5, seed: 42 },
  partisan: { C: 4, maxIter: 300, tol: 1e-4, balanced: true, memory: 10, folds: 5, seed: 42 },
};

/** The classifier input of a text: camp-independent tokens plus rule features. */
export function featureDoc(text: string, watchlist: CompiledWatchlist | null): { tokens: string[]; extra: string[] } {
  const rules = applyRules(normalise(text), watchlist);
  return { tokens: rules.featureTokens, extra: rules.ruleFeatures };
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

/** Stratified k-fold CV of one label; idf (when used) is fitted on each training fold only. */
export function crossValidate(raw: Csr, y: Uint8Array, label: string, opts: TrainConfig['hate'], useIdf: boolean): CvResult {
  const folds = stratifiedFolds(y, opts.folds, opts.seed);
  const oof = new Float64Array(raw.rows);
  const scores: number[] = [];
  for (let k = 0; k < opts.folds; k++) {
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < raw.rows; i++) (folds[i] === k ? te : tr).push(i);
    const rawTr = selectRows(raw, tr);
    const idf = useIdf ? shippedIdf(computeIdf(rawTr)) : ones(raw.dim);
    const model = trainLogisticLbfgs(weightCsr(rawTr, idf), [Uint8Array.from(tr, (i) => y[i]!)], opts);
    const { q, scale } = quantiseWeights(model.w);
    const z = decisionValues({ labels: 1, w: Float32Array.from(q, (v) => v * scale), b: model.b }, weightCsr(selectRows(raw, te), idf), 0);
    te.forEach((row, i) => (oof[row] = z[i]!));
    scores.push(macroF1(Uint8Array.from(te, (i) => y[i]!), Uint8Array.from(z, (v) => (v > 0 ? 1 : 0))));
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const std = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
  return { label, positives: y.reduce((a, b) => a + b, 0), macroF1: mean, macroF1Std: std, auc: rocAuc(y, oof), oof };
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
  const featuriser = new Featuriser(cfg.features);
  const raw = buildRawCsr(featuriser, ds.rows.map((r) => featureDoc(r.text, null)));
  const idfQ = quantiseIdf(computeIdf(raw));
  const idf = dequantiseIdf(idfQ.q, idfQ.min, idfQ.step);
  const x = weightCsr(raw, idf);
  const labels: LabelHeader[] = [];
  const quantised: Int8Array[] = [];
  const cv: CvResult[] = [];
  ds.labels.forEach((name, l) => {
    const y = Uint8Array.from(ds.rows, (r) => r.labels[l]!);
    let platt: Platt = { a: 1, b: 0 };
    let metrics: Record<string, number> = {};
    if (calibrate.includes(name)) {
      const res = crossValidate(raw, y, name, cfg.hate, true);
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
      format: 'netra.screener-model/v1',
      kind: 'hate',
      licence: HATE_LICENCE,
      features: cfg.features,
      idf: { min: idfQ.min, step: idfQ.step },
      labels,
      inputs: { data: { file: 'data/id-multilabel-hate-speech/train.csv', sha256: ds.sha256, rows: ds.rows.length }, train: cfg.hate, code: FEATURE_CODE_VERSION },
    },
    quantised,
    idfQ.q,
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
  const rawTrain = buildRawCsr(featuriser, train.map((p) => featureDoc(p.text, watchlist)));
  const y = Uint8Array.from(train, (p) => p.label);
  const cv = crossValidate(rawTrain, y, 'partisan', cfg.partisan, false);
  const platt = fitPlatt(cv.oof, y);
  const noIdf = ones(featuriser.dim);
  const model = trainLogisticLbfgs(weightCsr(rawTrain, noIdf), [y], cfg.partisan);
  const { q, scale } = quantiseWeights(model.w);
  const w = Float32Array.from(q, (v) => v * scale);
  const rawHeld = buildRawCsr(featuriser, held.map((p) => featureDoc(p.text, watchlist)));
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
      format: 'netra.screener-model/v1',
      kind: 'partisan',
      licence: PARTISAN_LICENCE,
      features: cfg.features,
      idf: null,
      labels: [{ name: 'partisan', bias: round6(model.b[0]!), scale, platt: { a: round6(platt.a), b: round6(platt.b) }, metrics: { cv_macro_f1: round6(cv.macroF1), cv_auc: round6(cv.auc), heldout_auc: round6(heldout.auc), heldout_p_at_50: round6(heldout.precisionAt50) } }],
      inputs: { data: { file: 'data/partisan-dev/posts.jsonl', sha256, train: train.length, heldout: held.length }, watchlist: watchlist.watchlist.election.id, train: cfg.partisan, code: FEATURE_CODE_VERSION },
    },
    [q],
    null,
  );
  return { bytes, cv, heldout };
}
