/**
 * Hashed sparse features of a token stream: word unigrams + bigrams and character 2–5-grams inside
 * word boundaries (like scikit-learn's `char_wb`), each block with sublinear tf (1 + ln tf) and L2
 * normalised. Indices are FNV-1a hashes folded into 2^bits buckets; the featuriser reuses its buffers,
 * so one post allocates nothing but the returned view.
 */

export interface FeatureParams {
  /** log2 of the number of hash buckets. */
  readonly bits: number;
  readonly minChar: number;
  readonly maxChar: number;
}

export const DEFAULT_FEATURES: FeatureParams = { bits: 18, minChar: 2, maxChar: 5 };

export interface SparseVector {
  readonly idx: Int32Array;
  readonly val: Float32Array;
  readonly nnz: number;
}

const FNV_PRIME = 0x01000193;
/** 1 + ln(tf) for small counts. */
const LOG_TF = Float64Array.from({ length: 64 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));
const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x9e3779b1;
const CHAR_SEED = 0x85ebca6b;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Tokens that are whole symbols: placeholders, rule features, emoji; no character n-grams. */
const isSymbol = (t: string) => t.charCodeAt(0) === 0x27e8 /* ⟨ */ || t.charCodeAt(0) >= 0xd800 || t.length === 0;

export class Featuriser {
  readonly dim: number;
  private readonly mask: number;
  // Small open-addressing table (bucket → entry), sized to the post so it stays in the L1/L2 cache.
  private keys = new Int32Array(4096);
  private stamp = new Int32Array(4096);
  private pos = new Int32Array(4096);
  private tableMask = 4095;
  private gen = 0;
  private idx = new Int32Array(4096);
  private val = new Float32Array(4096);
  private n = 0;
  /** Entries of the word block in the last result (the character block follows). */
  wordNnz = 0;

  constructor(readonly params: FeatureParams = DEFAULT_FEATURES) {
    this.dim = 1 << params.bits;
    this.mask = this.dim - 1;
  }

  /** Bucket of a word unigram (to explain which words raised a score). */
  wordIndex(token: string): number {
    return fmix(hashString(token, WORD_SEED)) & this.mask;
  }

  private add(h: number): void {
    const i = fmix(h) & this.mask;
    let slot = i & this.tableMask;
    while (this.stamp[slot] === this.gen) {
      if (this.keys[slot] === i) {
        this.val[this.pos[slot]!]! += 1;
        return;
      }
      slot = (slot + 1) & this.tableMask;
    }
    if (this.n === this.idx.length) {
      const idx = new Int32Array(this.n * 2);
      idx.set(this.idx);
      this.idx = idx;
      const val = new Float32Array(this.n * 2);
      val.set(this.val);
      this.val = val;
    }
    this.stamp[slot] = this.gen;
    this.keys[slot] = i;
    this.pos[slot] = this.n;
    this.idx[this.n] = i;
    this.val[this.n] = 1;
    this.n++;
  }

  /** Sublinear tf, idf and L2 normalisation of entries [from, this.n). */
  private closeBlock(from: number, idf: Float32Array | null, raw: boolean): void {
    let sq = 0;
    for (let k = from; k < this.n; k++) {
      const tf = this.val[k]!;
      const v = (tf < 64 ? LOG_TF[tf]! : 1 + Math.log(tf)) * (idf ? idf[this.idx[k]!]! : 1);
      this.val[k] = v;
      sq += v * v;
    }
    if (sq === 0 || raw) return;
    const inv = 1 / Math.sqrt(sq);
    for (let k = from; k < this.n; k++) this.val[k]! *= inv;
  }

  private nextBlock(): void {
    this.gen++;
    if (this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  /**
   * Features of `tokens` plus `extra` whole-token features (rule ids). The returned arrays are views of
   * internal buffers, valid until the next call; copy them to keep them.
   */
  featurise(tokens: readonly string[], extra: readonly string[] = [], idf: Float32Array | null = null, raw = false): SparseVector {
    this.n = 0;
    // Size the table for at most ~50 % load: every character can start 4 n-grams, every token 2 words.
    let bound = extra.length + 2;
    for (const t of tokens) bound += 2 + 4 * (t.length + 2);
    if (bound * 2 > this.keys.length) {
      let size = this.keys.length;
      while (size < bound * 2) size *= 2;
      this.keys = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.pos = new Int32Array(size);
      this.tableMask = size - 1;
      this.gen = 0;
    }
    // Word block: unigrams, bigrams and the extra features.
    this.nextBlock();
    let prev = 0;
    for (let t = 0; t < tokens.length; t++) {
      const h = hashString(tokens[t]!, WORD_SEED);
      this.add(h);
      if (t > 0) this.add(Math.imul(prev ^ BIGRAM_SEED, FNV_PRIME) ^ h);
      prev = h;
    }
    for (const e of extra) this.add(hashString(e, WORD_SEED));
    this.closeBlock(0, idf, raw);
    this.wordNnz = this.n;
    // Character block: n-grams of " token " for ordinary tokens.
    const charStart = this.n;
    this.nextBlock();
    const { minChar, maxChar } = this.params;
    for (const tok of tokens) {
      if (isSymbol(tok)) continue;
      const len = tok.length + 2;
      for (let i = 0; i + minChar <= len; i++) {
        let h = CHAR_SEED;
        for (let k = 0; k < maxChar && i + k < len; k++) {
          const p = i + k;
          const c = p === 0 || p === len - 1 ? 32 : tok.charCodeAt(p - 1);
          h = Math.imul(h ^ c, FNV_PRIME);
          if (k + 1 >= minChar) this.add(h ^ (k + 1));
        }
      }
    }
    this.closeBlock(charStart, idf, raw);
    return { idx: this.idx.subarray(0, this.n), val: this.val.subarray(0, this.n), nnz: this.n };
  }
}

/** Rows of sparse vectors (CSR), the training matrix. */
export interface Csr {
  readonly rows: number;
  readonly dim: number;
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float32Array;
  /** Raw matrices only: where each row's character block starts. */
  readonly split?: Int32Array;
}

/**
 * Featurises every document into a CSR matrix of raw sublinear tf values (no idf, not normalised);
 * `weightCsr` turns it into model input once the idf is known.
 */
export function buildRawCsr(featuriser: Featuriser, docs: readonly { tokens: readonly string[]; extra?: readonly string[] }[]): Csr {
  const ptr = new Int32Array(docs.length + 1);
  const split = new Int32Array(docs.length);
  let idx = new Int32Array(1 << 16);
  let val = new Float32Array(1 << 16);
  let nnz = 0;
  docs.forEach((d, r) => {
    const v = featuriser.featurise(d.tokens, d.extra ?? [], null, true);
    while (nnz + v.nnz > idx.length) {
      const i2 = new Int32Array(idx.length * 2);
      i2.set(idx);
      idx = i2;
      const v2 = new Float32Array(val.length * 2);
      v2.set(val);
      val = v2;
    }
    idx.set(v.idx, nnz);
    val.set(v.val, nnz);
    split[r] = nnz + featuriser.wordNnz;
    nnz += v.nnz;
    ptr[r + 1] = nnz;
  });
  return { rows: docs.length, dim: featuriser.dim, ptr, idx: idx.slice(0, nnz), val: val.slice(0, nnz), split };
}

/** Smoothed idf per bucket, ln((1 + N) / (1 + df)) + 1, from the rows of a raw matrix. */
export function computeIdf(raw: Csr): Float32Array {
  const df = new Int32Array(raw.dim);
  const seen = new Int32Array(raw.dim).fill(-1);
  for (let r = 0; r < raw.rows; r++) {
    for (let k = raw.ptr[r]!; k < raw.ptr[r + 1]!; k++) {
      const j = raw.idx[k]!;
      if (seen[j] !== r) {
        seen[j] = r;
        df[j]!++;
      }
    }
  }
  const idf = new Float32Array(raw.dim);
  for (let j = 0; j < raw.dim; j++) idf[j] = Math.log((1 + raw.rows) / (1 + df[j]!)) + 1;
  return idf;
}

/** Applies idf to a raw matrix and L2-normalises each row's word and character blocks. */
export function weightCsr(raw: Csr, idf: Float32Array): Csr {
  if (!raw.split) throw new Error('weightCsr needs a raw matrix');
  const val = new Float32Array(raw.val.length);
  for (let r = 0; r < raw.rows; r++) {
    const blocks: [number, number][] = [
      [raw.ptr[r]!, raw.split[r]!],
      [raw.split[r]!, raw.ptr[r + 1]!],
    ];
    for (const [a, b] of blocks) {
      let sq = 0;
      for (let k = a; k < b; k++) {
        const v = raw.val[k]! * idf[raw.idx[k]!]!;
        val[k] = v;
        sq += v * v;
      }
      if (sq === 0) continue;
      const inv = 1 / Math.sqrt(sq);
      for (let k = a; k < b; k++) val[k]! *= inv;
    }
  }
  return { rows: raw.rows, dim: raw.dim, ptr: raw.ptr, idx: raw.idx, val };
}

/** The rows `rows` of a CSR matrix, in that order. */
export function selectRows(m: Csr, rows: readonly number[]): Csr {
  let nnz = 0;
  for (const r of rows) nnz += m.ptr[r + 1]! - m.ptr[r]!;
  const ptr = new Int32Array(rows.length + 1);
  const split = m.split ? new Int32Array(rows.length) : undefined;
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let k = 0;
  rows.forEach((r, i) => {
    const a = m.ptr[r]!;
    const b = m.ptr[r + 1]!;
    idx.set(m.idx.subarray(a, b), k);
    val.set(m.val.subarray(a, b), k);
    if (split) split[i] = k + (m.split![r]! - a);
    k += b - a;
    ptr[i + 1] = k;
  });
  return { rows: rows.length, dim: m.dim, ptr, idx, val, ...(split ? { split } : {}) };
}
