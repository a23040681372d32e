/**
 * Deterministic Indonesian normaliser: Unicode NFKC per code point, lower case, diacritics and
 * zero-width characters dropped, URL masking, mentions kept as handle tokens, hashtag splitting,
 * leetspeak and letter-run repair, slang expansion; emoji, numbers and negations are kept.
 * Every token carries the offsets of the ORIGINAL text it came from, so rule hits can be shown as
 * highlighted spans. Single pass over the text with reused buffers: no regex on the hot path.
 */
import { DOUBLE_LETTER_WORDS, SLANG } from './slang.js';

/** Longer texts are cut at this many UTF-16 units and flagged as truncated. */
export const MAX_TEXT_CHARS = 20_000;

export type TokenKind = 'word' | 'number' | 'handle' | 'url' | 'emoji';

export interface Token {
  /** Normalised form ("dukung", "02", "@budi_sari01", "⟨url⟩", "✌"). */
  readonly text: string;
  /** Start offset (UTF-16 units) in the original text. */
  readonly start: number;
  /** End offset (exclusive) in the original text. */
  readonly end: number;
  readonly kind: TokenKind;
  /** Index into `hashtags` when the token is a part of a hashtag, else -1. */
  readonly hashtag: number;
}

export interface Hashtag {
  /** Lower-case hashtag without `#` and separators ("sukamajumaju02"). */
  readonly compact: string;
  readonly start: number;
  readonly end: number;
  /** Token index range [first, last) of the hashtag's parts. */
  readonly first: number;
  readonly last: number;
}

export interface NormalisedText {
  /** The text the offsets point into (the input, cut at MAX_TEXT_CHARS). */
  readonly source: string;
  readonly truncated: boolean;
  readonly tokens: Token[];
  readonly hashtags: Hashtag[];
}

export const URL_TOKEN = '⟨url⟩';

// --- character folding -------------------------------------------------------------------------

const C_SEP = 0;
const C_LETTER = 1;
const C_DIGIT = 2;
const C_EMOJI = 3;

const foldCache = new Map<number, string>();
const classCache = new Map<number, number>();
const PICTO = /\p{Extended_Pictographic}/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{Nd}/u;
const MARKS = /\p{M}/gu;

/** NFKC + lower case + diacritics removed, for one non-ASCII code point; '' drops it. */
function foldCodePoint(cp: number): string {
  let out = foldCache.get(cp);
  if (out !== undefined) return out;
  // Zero-width characters and joiners are a common way to dodge keyword filters ("c\u200Boblos").
  if ((cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff || cp === 0xad) out = '';
  else if (cp >= 0x1f3fb && cp <= 0x1f3ff) out = ''; // skin-tone modifiers
  else if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) out = ''; // variation selectors
  else {
    const ch = String.fromCodePoint(cp);
    out = PICTO.test(ch) ? ch : ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '');
  }
  if (foldCache.size > 50_000) foldCache.clear(); // binary junk must not grow the cache without bound
  foldCache.set(cp, out);
  return out;
}

function classOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 97 && cp <= 122) return C_LETTER;
    if (cp >= 48 && cp <= 57) return C_DIGIT;
    return C_SEP;
  }
  let c = classCache.get(cp);
  if (c !== undefined) return c;
  const ch = String.fromCodePoint(cp);
  c = PICTO.test(ch) ? C_EMOJI : LETTER.test(ch) ? C_LETTER : DIGIT.test(ch) ? C_DIGIT : C_SEP;
  if (classCache.size > 50_000) classCache.clear();
  classCache.set(cp, c);
  return c;
}

// Reused buffers: folded code points, their source offsets and whether the source letter was upper case.
let cps = new Int32Array(1024);
let srcStart = new Int32Array(1024);
let srcEnd = new Int32Array(1024);
let upper = new Uint8Array(1024);

function ensureCapacity(n: number): void {
  if (cps.length >= n) return;
  const size = Math.max(n, cps.length * 2);
  const grow = <T extends Int32Array | Uint8Array>(a: T, make: (k: number) => T): T => {
    const b = make(size);
    b.set(a);
    return b;
  };
  cps = grow(cps, (k) => new Int32Array(k));
  srcStart = grow(srcStart, (k) => new Int32Array(k));
  srcEnd = grow(srcEnd, (k) => new Int32Array(k));
  upper = grow(upper, (k) => new Uint8Array(k));
}

/** Folds `source` into the buffers; returns the folded length. */
function fold(source: string): number {
  let n = 0;
  ensureCapacity(source.length + 16);
  for (let i = 0; i < source.length; ) {
    let cp = source.charCodeAt(i);
    let len = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < source.length) {
      const lo = source.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    if (cp < 128) {
      const isUpper = cp >= 65 && cp <= 90;
      cps[n] = isUpper ? cp + 32 : cp;
      upper[n] = isUpper ? 1 : 0;
      srcStart[n] = i;
      srcEnd[n] = i + len;
      n++;
    } else {
      const folded = foldCodePoint(cp);
      const isUpper = folded.length > 0 && String.fromCodePoint(cp) !== String.fromCodePoint(cp).toLowerCase();
      for (let k = 0; k < folded.length; ) {
        const f = folded.codePointAt(k)!;
        k += f > 0xffff ? 2 : 1;
        ensureCapacity(n + 8);
        cps[n] = f;
        upper[n] = isUpper ? 1 : 0;
        srcStart[n] = i;
        srcEnd[n] = i + len;
        n++;
      }
    }
    i += len;
  }
  return n;
}

// --- token helpers -----------------------------------------------------------------------------

const LEET: Record<number, number> = { 48: 111, 49: 105, 51: 101, 52: 97, 53: 115, 55: 116, 64: 97, 36: 115 };
const isLeet = (cp: number) => LEET[cp] !== undefined;

function codePointsToString(from: number, to: number, buf: Int32Array = cps): string {
  let s = '';
  for (let k = from; k < to; k++) {
    const c = buf[k]!;
    s += c < 0x10000 ? String.fromCharCode(c) : String.fromCodePoint(c);
  }
  return s;
}

let currentSource = '';

/** Text of the folded run [a, b): a slice of the source when it maps 1:1 onto ASCII source characters. */
function runText(a: number, b: number): string {
  const from = srcStart[a]!;
  if (srcEnd[b - 1]! - from === b - a) {
    let ascii = true;
    for (let k = from; k < from + (b - a); k++) if (currentSource.charCodeAt(k) >= 128) ascii = false;
    if (ascii) {
      const s = currentSource.slice(from, from + (b - a));
      return upperSeen(a, b) ? s.toLowerCase() : s;
    }
  }
  return codePointsToString(a, b);
}

function upperSeen(a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (upper[k] === 1) return true;
  return false;
}

/** Collapses letter runs of 3+ to one letter ("dukunggg" → "dukung"), keeping real doubles ("maaaf" → "maaf"). */
export function repairLetterRuns(word: string): string {
  let hasRun = false;
  for (let i = 2; i < word.length; i++) {
    if (word[i] === word[i - 1] && word[i] === word[i - 2]) {
      hasRun = true;
      break;
    }
  }
  if (!hasRun) return word;
  let one = '';
  let two = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (i === 0 || word[i - 1] !== ch) one += ch;
    if (!(i >= 2 && word[i - 1] === ch && word[i - 2] === ch)) two += ch;
  }
  if (DOUBLE_LETTER_WORDS.has(two) && !DOUBLE_LETTER_WORDS.has(one)) return two;
  return one;
}

interface Builder {
  tokens: Token[];
  hashtags: Hashtag[];
}

function pushWord(b: Builder, word: string, start: number, end: number, hashtag: number): void {
  const repaired = repairLetterRuns(word);
  const slang = SLANG.get(repaired);
  if (slang === undefined) {
    b.tokens.push({ text: repaired, start, end, kind: 'word', hashtag });
    return;
  }
  for (const part of slang.split(' ')) b.tokens.push({ text: part, start, end, kind: 'word', hashtag });
}

/**
 * Emits the tokens of an alphanumeric run [a, b) of the folded buffer: leetspeak digits between letters
 * become letters ("c0bl0s" → "coblos", "4nj1ng" → "anjing"), the rest splits at letter/digit
 * boundaries so real numbers survive ("maju02" → "maju", "02").
 */
function emitRun(b: Builder, a: number, end: number, hashtag: number, splitCase: boolean): void {
  if (!splitCase) {
    let plain = true;
    for (let k = a; k < end && plain; k++) if (classOf(cps[k]!) !== C_LETTER) plain = false;
    if (plain) {
      pushWord(b, runText(a, end), srcStart[a]!, srcEnd[end - 1]!, hashtag);
      return;
    }
  }
  // Leetspeak: a maximal group of leet digits with letters on both sides is converted; when at least
  // one inner group was converted, single leet digits at the edges are converted too.
  const out = new Int32Array(end - a);
  for (let k = a; k < end; k++) out[k - a] = cps[k]!;
  const letterAt = (k: number) => classOf(out[k]!) === C_LETTER;
  let converted = false;
  for (let k = 0; k < out.length; ) {
    if (!letterAt(k) && isLeet(out[k]!)) {
      let j = k;
      while (j < out.length && !letterAt(j) && isLeet(out[j]!)) j++;
      if (k > 0 && j < out.length && letterAt(k - 1) && letterAt(j)) {
        for (let m = k; m < j; m++) out[m] = LEET[out[m]!]!;
        converted = true;
      }
      k = j;
    } else k++;
  }
  if (converted) {
    const last = out.length - 1;
    if (out.length > 2 && isLeet(out[0]!) && !letterAt(0) && letterAt(1)) out[0] = LEET[out[0]!]!;
    if (out.length > 2 && isLeet(out[last]!) && !letterAt(last) && letterAt(last - 1)) out[last] = LEET[out[last]!]!;
  }
  // Split at letter/digit boundaries (and at camel case inside hashtags).
  let s = 0;
  for (let k = 1; k <= out.length; k++) {
    const boundary =
      k === out.length ||
      (classOf(out[k]!) === C_DIGIT) !== (classOf(out[k - 1]!) === C_DIGIT) ||
      (splitCase && upper[a + k] === 1 && upper[a + k - 1] === 0) ||
      (splitCase && k + 1 < out.length && upper[a + k] === 1 && upper[a + k - 1] === 1 && upper[a + k + 1] === 0 && classOf(out[k + 1]!) === C_LETTER);
    if (!boundary) continue;
    const text = codePointsToString(s, k, out);
    const start = srcStart[a + s]!;
    const stop = srcEnd[a + k - 1]!;
    if (classOf(out[s]!) === C_DIGIT) b.tokens.push({ text, start, end: stop, kind: 'number', hashtag });
    else if (text.length > 0 && !(out[s] === 64 || out[s] === 36)) pushWord(b, text, start, stop, hashtag);
    s = k;
  }
}

const isWordCp = (cp: number) => {
  const c = classOf(cp);
  return c === C_LETTER || c === C_DIGIT;
};
const isHandleCp = (cp: number) => isWordCp(cp) || cp === 95 || cp === 46; // _ .

function startsWith(at: number, end: number, s: string): boolean {
  if (end - at < s.length) return false;
  for (let k = 0; k < s.length; k++) if (cps[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

const DOMAIN_TAIL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|id|co|ly|net|org|me|io|gl|sh|gg|tv|info|app|site|xyz)(\/\S*)?$/;

/** Is the whitespace-delimited chunk [a, b) a link? */
function isUrlChunk(a: number, b: number): boolean {
  if (startsWith(a, b, 'http://') || startsWith(a, b, 'https://') || startsWith(a, b, 'www.')) return true;
  let hasDot = false;
  for (let k = a; k < b; k++) if (cps[k] === 46) hasDot = true;
  return hasDot && b - a < 300 && DOMAIN_TAIL.test(codePointsToString(a, b));
}

/** Tokenises one whitespace-free chunk [a, b). */
function emitChunk(bld: Builder, a: number, b: number): void {
  let k = a;
  while (k < b) {
    const cp = cps[k]!;
    const cls = classOf(cp);
    if (cp === 64 /* @ */ && k + 1 < b && isHandleCp(cps[k + 1]!) && (k === a || !isWordCp(cps[k - 1]!))) {
      let j = k + 1;
      while (j < b && isHandleCp(cps[j]!)) j++;
      while (j > k + 1 && cps[j - 1] === 46) j--; // trailing dots are punctuation
      bld.tokens.push({ text: codePointsToString(k, j), start: srcStart[k]!, end: srcEnd[j - 1]!, kind: 'handle', hashtag: -1 });
      k = j;
    } else if (cp === 35 /* # */ && k + 1 < b && isWordCp(cps[k + 1]!)) {
      let j = k + 1;
      while (j < b && (isWordCp(cps[j]!) || cps[j] === 95)) j++;
      const index = bld.hashtags.length;
      const first = bld.tokens.length;
      let compact = '';
      let p = k + 1;
      for (let q = k + 1; q <= j; q++) {
        if (q === j || cps[q] === 95) {
          if (q > p) emitRun(bld, p, q, index, true);
          compact += codePointsToString(p, q);
          p = q + 1;
        }
      }
      bld.hashtags.push({ compact, start: srcStart[k]!, end: srcEnd[j - 1]!, first, last: bld.tokens.length });
      k = j;
    } else if (cls === C_LETTER || cls === C_DIGIT) {
      // Alphanumeric run; '@' and '$' inside letters are leetspeak ("b@ngs@t").
      let j = k + 1;
      while (j < b) {
        const c = cps[j]!;
        if (isWordCp(c)) j++;
        else if ((c === 64 || c === 36) && j + 1 < b && classOf(cps[j + 1]!) === C_LETTER && classOf(cps[j - 1]!) === C_LETTER) j++;
        else break;
      }
      emitRun(bld, k, j, -1, false);
      k = j;
    } else if (cls === C_EMOJI) {
      bld.tokens.push({ text: String.fromCodePoint(cp), start: srcStart[k]!, end: srcEnd[k]!, kind: 'emoji', hashtag: -1 });
      k++;
    } else k++;
  }
}

const isSpace = (cp: number) => cp === 32 || (cp >= 9 && cp <= 13) || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029;

/** Cuts `text` at MAX_TEXT_CHARS without splitting a surrogate pair. */
export function truncateText(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_TEXT_CHARS) return { text, truncated: false };
  let cut = MAX_TEXT_CHARS;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return { text: text.slice(0, cut), truncated: true };
}

/** Normalises one post into tokens with offsets into the original text. */
export function normalise(input: string): NormalisedText {
  const { text: source, truncated } = truncateText(input);
  currentSource = source;
  const n = fold(source);
  const bld: Builder = { tokens: [], hashtags: [] };
  let k = 0;
  while (k < n) {
    if (isSpace(cps[k]!)) {
      k++;
      continue;
    }
    let j = k;
    while (j < n && !isSpace(cps[j]!)) j++;
    if (isUrlChunk(k, j)) bld.tokens.push({ text: URL_TOKEN, start: srcStart[k]!, end: srcEnd[j - 1]!, kind: 'url', hashtag: -1 });
    else emitChunk(bld, k, j);
    k = j;
  }
  return { source, truncated, tokens: bld.tokens, hashtags: bld.hashtags };
}

/** The normalised tokens joined by spaces (for tests, debugging and the "limit" of the benchmark). */
export function normalisedString(text: string): string {
  return normalise(text).tokens.map((t) => t.text).join(' ');
}
