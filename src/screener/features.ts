/**
 * Sparse features of a token stream: word unigrams + bigrams and character 2–5-grams inside word
 * boundaries (like scikit-learn's `char_wb`), each block with sublinear tf (1 + ln tf) and, once
 * weighted, L2 normalised. Every n-gram is a 32-bit key (FNV-1a + a final mix); a model maps keys to
 * columns either by folding them into 2^bits hash buckets (partisanship) or through an exact
 * vocabulary fitted on its training data (hate speech / abusive, like scikit-learn's TfidfVectorizer
 * with min_df). The featuriser reuses its buffers, so one post allocates nothing but the returned view.
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
  // Small open-addressing table (key → entry), sized to the post so it stays in the L1/L2 cache.
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

  constructor(readonly params: FeatureParams = DEFAULT_FEATURES) {}

  /** Key of a word unigram (to explain which words raised a score). */
  wordKey(token: string): number {
    return fmix(hashString(token, WORD_SEED)) | 0;
  }

  private add(h: number): void {
    const i = fmix(h) | 0;
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

  /** Sublinear tf of entries [from, this.n). */
  private closeBlock(from: number): void {
    for (let k = from; k < this.n; k++) {
      const tf = this.val[k]!;
      this.val[k] = tf < 64 ? LOG_TF[tf]! : 1 + Math.log(tf);
    }
  }

  private nextBlock(): void {
    this.gen++;
    if (this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }

  /**
   * Raw features (32-bit keys, sublinear tf; no idf, not normalised): the word block of `tokens`
   * plus `extra` whole-token features (rule ids) comes first (`wordNnz` entries), then the character
   * block of `charTokens` (by default the same tokens). Each key occurs once per block. The returned
   * arrays are views of internal buffers, valid until the next call; copy them to keep them.
   */
  featurise(tokens: readonly string[], extra: readonly string[] = [], charTokens: readonly string[] = tokens): SparseVector {
    this.n = 0;
    // Size the table for at most ~50 % load: every character can start 4 n-grams, every token 2 words.
    let bound = extra.length + 2;
    for (const t of tokens) bound += 2 + 4 * (t.length + 2);
    if (charTokens !== tokens) for (const t of charTokens) bound += 4 * (t.length + 2);
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
    this.closeBlock(0);
    this.wordNnz = this.n;
    // Character block: n-grams of " token " for ordinary tokens.
    const charStart = this.n;
    this.nextBlock();
    for (const tok of charTokens) if (!isSymbol(tok)) this.charNgrams(tok, 0, tok.length);
    this.closeBlock(charStart);
    return { idx: this.idx.subarray(0, this.n), val: this.val.subarray(0, this.n), nnz: this.n };
  }

  /** Character n-grams of " " + s[from, to) + " ". */
  private charNgrams(s: string, from: number, to: number): void {
    const { minChar, maxChar } = this.params;
    const len = to - from + 2;
    for (let i = 0; i + minChar <= len; i++) {
      let h = CHAR_SEED;
      for (let k = 0; k < maxChar && i + k < len; k++) {
        const p = i + k;
        const c = p === 0 || p === len - 1 ? 32 : s.charCodeAt(from + p - 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        if (k + 1 >= minChar) this.add(h ^ (k + 1));
      }
    }
  }

  /**
   * Only a character block (`wordNnz` = 0): the n-grams of `rawCharTokens(source)`, computed in place
   * without splitting the text into strings (the screener's hot path). Same keys and values as
   * `featurise([], [], rawCharTokens(source))`.
   */
  featuriseRawChars(source: string): SparseVector {
    const text = source.toLowerCase();
    this.n = 0;
    const bound = 4 * (text.length + 2) + 2;
    if (bound * 2 > this.keys.length) {
      let size = this.keys.length;
      while (size < bound * 2) size *= 2;
      this.keys = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.pos = new Int32Array(size);
      this.tableMask = size - 1;
      this.gen = 0;
    }
    this.nextBlock(); // empty word block
    this.wordNnz = 0;
    this.nextBlock();
    const end = text.length;
    let i = 0;
    while (i < end) {
      while (i < end && isWhitespace(text.charCodeAt(i))) i++;
      if (i >= end) break;
      const start = i;
      while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
      const first = text.charCodeAt(start);
      if (first !== 0x27e8 && first < 0xd800) this.charNgrams(text, start, i);
    }
    this.closeBlock(0);
    return { idx: this.idx.subarray(0, this.n), val: this.val.subarray(0, this.n), nnz: this.n };
  }
}

const WHITESPACE = /\s+/;
/** The characters of JavaScript's `\s` (WhiteSpace and LineTerminator). */
function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The character-block tokens of the hate model: the lower-cased original text split on white space,
 * punctuation and symbols kept (scikit-learn's `char_wb` analyser). "bodoh!!!", "@user" or "-_-" carry
 * signal that the normalised tokens drop; the partisanship model keeps the normalised tokens, whose
 * placeholders make it independent of the camp.
 */
export function rawCharTokens(source: string): string[] {
  const parts = source.toLowerCase().split(WHITESPACE);
  if (parts.length > 0 && parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
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
 * Featurises every document into a CSR matrix of raw features: 32-bit keys (`dim` 0: not columns
 * yet) with sublinear tf, no idf, not normalised. `bucketCsr` (hashed models) or `vocabularyCsr`
 * (models with a vocabulary) turn the keys into columns; `weightCsr` then applies idf and L2.
 */
export function buildRawCsr(featuriser: Featuriser, docs: readonly { tokens: readonly string[]; extra?: readonly string[]; chars?: readonly string[] }[]): Csr {
  const ptr = new Int32Array(docs.length + 1);
  const split = new Int32Array(docs.length);
  let idx = new Int32Array(1 << 16);
  let val = new Float32Array(1 << 16);
  let nnz = 0;
  docs.forEach((d, r) => {
    const v = featuriser.featurise(d.tokens, d.extra ?? [], d.chars ?? d.tokens);
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
  return { rows: docs.length, dim: 0, ptr, idx: idx.slice(0, nnz), val: val.slice(0, nnz), split };
}

/** Hashed columns: every key folded into 2^bits buckets (colliding keys of a row stay separate entries). */
export function bucketCsr(raw: Csr, bits: number): Csr {
  const mask = (1 << bits) - 1;
  return { ...raw, dim: 1 << bits, idx: raw.idx.map((k) => k & mask) };
}

/**
 * The exact vocabulary of a model (up to 32-bit key collisions, ~1 in 10^4 keys): the sorted keys of
 * the word block (columns 0 … words.length − 1) and of the character block (the following columns).
 */
export interface Vocabulary {
  readonly words: Int32Array;
  readonly chars: Int32Array;
}

export interface MinDf {
  readonly word: number;
  readonly char: number;
}

/** Keys with a document frequency of at least `minDf` in `rows` of a raw matrix, per block (like scikit-learn's min_df). */
export function fitVocabulary(raw: Csr, rows: readonly number[], minDf: MinDf): Vocabulary {
  if (!raw.split) throw new Error('fitVocabulary needs a raw matrix');
  const dfWord = new Map<number, number>();
  const dfChar = new Map<number, number>();
  for (const r of rows) {
    const split = raw.split[r]!;
    for (let k = raw.ptr[r]!; k < raw.ptr[r + 1]!; k++) {
      const m = k < split ? dfWord : dfChar;
      const key = raw.idx[k]!;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  const keep = (df: Map<number, number>, min: number) => {
    const out: number[] = [];
    for (const [key, n] of df) if (n >= min) out.push(key);
    return Int32Array.from(out).sort();
  };
  return { words: keep(dfWord, minDf.word), chars: keep(dfChar, minDf.char) };
}

/**
 * Open-addressing index of a vocabulary: (key, block) → column. Linear probing over a power-of-two
 * table at most half full; keys are already well mixed, so the low bits are the slot.
 */
export class VocabularyIndex {
  /** [key, column + 1] per slot; column + 1 = 0 marks an empty slot. */
  readonly table: Int32Array;
  readonly mask: number;
  readonly words: number;
  readonly size: number;

  constructor(vocab: Vocabulary) {
    this.words = vocab.words.length;
    this.size = vocab.words.length + vocab.chars.length;
    let slots = 1024;
    while (slots < this.size * 2) slots *= 2;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
    const put = (key: number, col: number) => {
      let s = key & this.mask;
      while (this.table[s * 2 + 1] !== 0) s = (s + 1) & this.mask;
      this.table[s * 2] = key;
      this.table[s * 2 + 1] = col + 1;
    };
    vocab.words.forEach((key, i) => put(key, i));
    vocab.chars.forEach((key, i) => put(key, this.words + i));
  }

  /** Column of `key` in the word block (`char` false) or character block, or −1. */
  column(key: number, char: boolean): number {
    const t = this.table;
    let s = key & this.mask;
    for (;;) {
      const c = t[s * 2 + 1]!;
      if (c === 0) return -1;
      if (t[s * 2] === key && c > this.words === char) return c - 1;
      s = (s + 1) & this.mask;
    }
  }
}

/** The rows `rows` of a raw matrix with keys replaced by vocabulary columns; keys outside the vocabulary are dropped. */
export function vocabularyCsr(raw: Csr, rows: readonly number[], index: VocabularyIndex): Csr {
  if (!raw.split) throw new Error('vocabularyCsr needs a raw matrix');
  let nnz = 0;
  for (const r of rows) nnz += raw.ptr[r + 1]! - raw.ptr[r]!;
  const ptr = new Int32Array(rows.length + 1);
  const split = new Int32Array(rows.length);
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let n = 0;
  rows.forEach((r, i) => {
    const s = raw.split![r]!;
    for (let k = raw.ptr[r]!; k < raw.ptr[r + 1]!; k++) {
      if (k === s) split[i] = n;
      const col = index.column(raw.idx[k]!, k >= s);
      if (col < 0) continue;
      idx[n] = col;
      val[n] = raw.val[k]!;
      n++;
    }
    if (s === raw.ptr[r + 1]!) split[i] = n;
    ptr[i + 1] = n;
  });
  return { rows: rows.length, dim: index.size, ptr, idx: idx.slice(0, n), val: val.slice(0, n), split };
}

/** Smoothed idf per column, ln((1 + N) / (1 + df)) + 1, from the rows of a raw matrix. */
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
