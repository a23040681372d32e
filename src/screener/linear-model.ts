/**
 * Sparse logistic regression for several binary labels at once: AdaGrad SGD with L2 regularisation,
 * balanced class weights (so rare labels do not collapse to "always 0"), a fixed seed for the example
 * order, and float64 arithmetic in a fixed order, so training is bit-for-bit repeatable. Also Platt
 * calibration, stratified folds and the metrics the CLIs report.
 */
import type { Csr } from './features.js';

export interface TrainOptions {
  readonly epochs: number;
  /** L2 strength per update. */
  readonly lambda: number;
  /** AdaGrad base learning rate. */
  readonly eta: number;
  readonly seed: number;
  /** Balanced: each class weighs N / (2 · N_class). */
  readonly balanced: boolean;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 12, lambda: 1e-5, eta: 0.2, seed: 20240214, balanced: true };

/** Weights of L labels, interleaved per feature: w[feature * L + label]. */
export interface MultiModel {
  readonly labels: number;
  readonly dim: number;
  readonly w: Float64Array;
  readonly b: Float64Array;
}

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, seed: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  const rnd = prng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Trains one logistic regression per label column of `y` (y[label][row] ∈ {0,1}). */
export function trainLogistic(x: Csr, y: readonly Uint8Array[], opts: TrainOptions = DEFAULT_TRAIN): MultiModel {
  const L = y.length;
  const w = new Float64Array(x.dim * L);
  const g2 = new Float64Array(x.dim * L);
  const b = new Float64Array(L);
  const gb2 = new Float64Array(L);
  const cw = y.map((col) => {
    let pos = 0;
    for (let i = 0; i < x.rows; i++) pos += col[i]!;
    const neg = x.rows - pos;
    if (!opts.balanced || pos === 0 || neg === 0) return [1, 1] as const;
    return [x.rows / (2 * neg), x.rows / (2 * pos)] as const;
  });
  const grad = new Float64Array(L);
  const eps = 1e-8;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const order = shuffled(x.rows, (opts.seed + epoch * 7919) >>> 0);
    for (let r = 0; r < x.rows; r++) {
      const row = order[r]!;
      const a = x.ptr[row]!;
      const e = x.ptr[row + 1]!;
      for (let l = 0; l < L; l++) grad[l] = b[l]!;
      for (let k = a; k < e; k++) {
        const base = x.idx[k]! * L;
        const v = x.val[k]!;
        for (let l = 0; l < L; l++) grad[l]! += w[base + l]! * v;
      }
      for (let l = 0; l < L; l++) {
        const label = y[l]![row]!;
        grad[l] = (sigmoid(grad[l]!) - label) * cw[l]![label]!;
        gb2[l]! += grad[l]! * grad[l]!;
        b[l]! -= (opts.eta * grad[l]!) / Math.sqrt(gb2[l]! + eps);
      }
      for (let k = a; k < e; k++) {
        const base = x.idx[k]! * L;
        const v = x.val[k]!;
        for (let l = 0; l < L; l++) {
          const j = base + l;
          const gj = grad[l]! * v + opts.lambda * w[j]!;
          g2[j]! += gj * gj;
          w[j]! -= (opts.eta * gj) / Math.sqrt(g2[j]! + eps);
        }
      }
    }
  }
  return { labels: L, dim: x.dim, w, b };
}

/** Decision values (log-odds before calibration) of every row for label `l`. */
export function decisionValues(m: { labels: number; w: ArrayLike<number>; b: ArrayLike<number> }, x: Csr, l: number): Float64Array {
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) {
    let z = m.b[l]!;
    for (let k = x.ptr[r]!; k < x.ptr[r + 1]!; k++) z += m.w[x.idx[k]! * m.labels + l]! * x.val[k]!;
    out[r] = z;
  }
  return out;
}

/** Platt scaling P(y=1|z) = σ(a·z + b), fitted by Newton's method on smoothed targets (Lin, Lin & Weng 2007). */
export interface Platt {
  readonly a: number;
  readonly b: number;
}

export function fitPlatt(z: ArrayLike<number>, y: ArrayLike<number>): Platt {
  const n = z.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const neg = n - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = Math.log((pos + 1) / (neg + 1));
  // Cross-entropy of σ(fx) against t, written stably: (1−t)·fx + log(1 + e^{−fx}).
  const nll = (A: number, B: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const t = y[i] ? hi : lo;
      const fx = A * z[i]! + B;
      f += fx >= 0 ? (1 - t) * fx + Math.log1p(Math.exp(-fx)) : -t * fx + Math.log1p(Math.exp(fx));
    }
    return f;
  };
  let f = nll(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const t = y[i] ? hi : lo;
      const p = sigmoid(a * z[i]! + b);
      const d2 = p * (1 - p);
      h11 += z[i]! * z[i]! * d2;
      h22 += d2;
      h21 += z[i]! * d2;
      const d1 = p - t;
      g1 += z[i]! * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-6 && Math.abs(g2) < 1e-6) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    let step = 1;
    while (step >= 1e-10) {
      const fn = nll(a + step * da, b + step * db);
      if (fn < f + 1e-4 * step * (g1 * da + g2 * db)) {
        a += step * da;
        b += step * db;
        f = fn;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

export const applyPlatt = (p: Platt, z: number) => sigmoid(p.a * z + p.b);

/** Fold number (0..k−1) of every row, stratified on the label and shuffled with `seed`. */
export function stratifiedFolds(y: ArrayLike<number>, k: number, seed: number): Int32Array {
  const fold = new Int32Array(y.length);
  for (const cls of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) rows.push(i);
    const order = shuffled(rows.length, (seed + cls * 104729) >>> 0);
    order.forEach((o, i) => {
      fold[rows[o]!] = i % k;
    });
  }
  return fold;
}

/** Mean of the F1 of class 1 and class 0 (scikit-learn's `average='macro'`). */
export function macroF1(y: ArrayLike<number>, pred: ArrayLike<number>): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < y.length; i++) {
    if (pred[i]) {
      if (y[i]) tp++;
      else fp++;
    } else if (y[i]) fn++;
    else tn++;
  }
  const f1 = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
}

/**
 * The decision threshold that maximises macro-F1 on (y, z): the midpoint between two consecutive
 * distinct decision values (predict 1 when z > t); ties between thresholds go to the one nearest 0.
 */
export function bestThreshold(y: ArrayLike<number>, z: ArrayLike<number>): { threshold: number; macroF1: number } {
  const n = y.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => z[b]! - z[a]! || a - b);
  let P = 0;
  for (let i = 0; i < n; i++) P += y[i]!;
  const N = n - P;
  const f1 = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  let best = { threshold: 0, macroF1: macroF1(y, Uint8Array.from(z, (v) => (v > 0 ? 1 : 0))) };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (y[idx[i]!]) tp++;
    else fp++;
    if (z[idx[i + 1]!] === z[idx[i]!]) continue;
    const fn = P - tp;
    const tn = N - fp;
    const f = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    const t = (z[idx[i]!]! + z[idx[i + 1]!]!) / 2;
    if (f > best.macroF1 + 1e-12 || (Math.abs(f - best.macroF1) <= 1e-12 && Math.abs(t) < Math.abs(best.threshold))) best = { threshold: t, macroF1: f };
  }
  return best;
}

/** ROC AUC with ties counted as half. */
export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => score[a]! - score[b]! || a - b);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && score[idx[j + 1]!] === score[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[idx[k]!]) {
      pos++;
      rankSum += rank;
    }
    i = j + 1;
  }
  const neg = y.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Share of positives among the `k` highest scores (ties broken by row order). */
export function precisionAt(y: ArrayLike<number>, score: ArrayLike<number>, k: number): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  const top = idx.slice(0, Math.min(k, idx.length));
  return top.reduce((s, i) => s + (y[i] ? 1 : 0), 0) / top.length;
}

export interface LbfgsOptions {
  /** Inverse L2 strength, as scikit-learn's C: minimise ½‖w‖² + C · Σ weight_i · logloss_i. */
  readonly C: number;
  readonly maxIter: number;
  /** Stop when the gradient's max-norm falls below this. */
  readonly tol: number;
  readonly balanced: boolean;
  /** Memory of the L-BFGS update. */
  readonly memory: number;
}

export const DEFAULT_LBFGS: LbfgsOptions = { C: 4, maxIter: 300, tol: 1e-4, balanced: true, memory: 10 };

/**
 * Full-batch L-BFGS for each label column in turn: the exact optimum of the regularised objective,
 * independent of example order, hence repeatable.
 */
export function trainLogisticLbfgs(x: Csr, y: readonly Uint8Array[], opts: LbfgsOptions = DEFAULT_LBFGS): MultiModel {
  const L = y.length;
  const w = new Float64Array(x.dim * L);
  const b = new Float64Array(L);
  const D = x.dim + 1; // last coordinate: bias
  const z = new Float64Array(x.rows);
  for (let l = 0; l < L; l++) {
    const col = y[l]!;
    let pos = 0;
    for (let i = 0; i < x.rows; i++) pos += col[i]!;
    const neg = x.rows - pos;
    const cw = !opts.balanced || pos === 0 || neg === 0 ? [1, 1] : [x.rows / (2 * neg), x.rows / (2 * pos)];
    const evaluate = (theta: Float64Array, grad: Float64Array): number => {
      grad.fill(0);
      let f = 0;
      for (let j = 0; j < x.dim; j++) {
        const v = theta[j]!;
        f += 0.5 * v * v;
        grad[j] = v;
      }
      const bias = theta[x.dim]!;
      for (let r = 0; r < x.rows; r++) {
        let s = bias;
        for (let k = x.ptr[r]!; k < x.ptr[r + 1]!; k++) s += theta[x.idx[k]!]! * x.val[k]!;
        z[r] = s;
      }
      for (let r = 0; r < x.rows; r++) {
        const label = col[r]!;
        const c = opts.C * cw[label]!;
        const s = label ? z[r]! : -z[r]!;
        f += c * (s > 0 ? Math.log1p(Math.exp(-s)) : -s + Math.log1p(Math.exp(s)));
        const g = c * (sigmoid(z[r]!) - label);
        grad[x.dim]! += g;
        for (let k = x.ptr[r]!; k < x.ptr[r + 1]!; k++) grad[x.idx[k]!]! += g * x.val[k]!;
      }
      return f;
    };
    const theta = minimiseLbfgs(evaluate, D, opts);
    for (let j = 0; j < x.dim; j++) w[j * L + l] = theta[j]!;
    b[l] = theta[x.dim]!;
  }
  return { labels: L, dim: x.dim, w, b };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** L-BFGS with Armijo backtracking; starts from zero. */
function minimiseLbfgs(evaluate: (theta: Float64Array, grad: Float64Array) => number, D: number, opts: LbfgsOptions): Float64Array {
  const theta = new Float64Array(D);
  const grad = new Float64Array(D);
  let f = evaluate(theta, grad);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(D);
  const next = new Float64Array(D);
  const nextGrad = new Float64Array(D);
  const alpha = new Float64Array(opts.memory);
  for (let iter = 0; iter < opts.maxIter; iter++) {
    let gmax = 0;
    for (let j = 0; j < D; j++) gmax = Math.max(gmax, Math.abs(grad[j]!));
    if (gmax < opts.tol) break;
    // Two-loop recursion: dir = −H·grad.
    for (let j = 0; j < D; j++) dir[j] = -grad[j]!;
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(S[k]!, dir);
      alpha[k] = a;
      const yk = Y[k]!;
      for (let j = 0; j < D; j++) dir[j]! -= a * yk[j]!;
    }
    const gamma = S.length ? dot(S[S.length - 1]!, Y[Y.length - 1]!) / dot(Y[Y.length - 1]!, Y[Y.length - 1]!) : 1 / Math.max(1, Math.sqrt(dot(grad, grad)));
    for (let j = 0; j < D; j++) dir[j]! *= gamma;
    for (let k = 0; k < S.length; k++) {
      const bcoef = rho[k]! * dot(Y[k]!, dir);
      const sk = S[k]!;
      for (let j = 0; j < D; j++) dir[j]! += sk[j]! * (alpha[k]! - bcoef);
    }
    let slope = dot(grad, dir);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let j = 0; j < D; j++) dir[j] = -grad[j]!;
      slope = dot(grad, dir);
    }
    let step = 1;
    let fNext = 0;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < D; j++) next[j] = theta[j]! + step * dir[j]!;
      fNext = evaluate(next, nextGrad);
      if (fNext <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < f)) break;
    const s = new Float64Array(D);
    const yv = new Float64Array(D);
    for (let j = 0; j < D; j++) {
      s[j] = next[j]! - theta[j]!;
      yv[j] = nextGrad[j]! - grad[j]!;
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      if (S.length === opts.memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    theta.set(next);
    grad.set(nextGrad);
    const rel = (f - fNext) / Math.max(1, Math.abs(f));
    f = fNext;
    if (rel < 1e-9) break;
  }
  return theta;
}
