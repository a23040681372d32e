/**
 * Public API of the screener: `loadScreener(modelDir)` reads the stored models once; `screen(post,
 * watchlist)` gives a calibrated 0–100 risk score, per-signal scores, the matched pair, the suggested
 * catalogue item and the reasons as spans of the original text. No database, no network.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Featuriser } from './features.js';
import { applyPlatt, type Platt } from './linear-model.js';
import { readModelFile, type ModelHeader } from './model-file.js';
import { MAX_TEXT_CHARS, normalise } from './normalise.js';
import { applyRules, campNeutralSource, type RuleHit } from './rules.js';
import { compileWatchlist, type CompiledWatchlist, type Watchlist } from './watchlist.js';
import { suggestItem, type ActKind, type SuggestedItem } from './catalogue.js';

export { suggestItem, type ActKind, type SuggestedItem } from './catalogue.js';

export const HATE_MODEL_FILE = 'hate.model';
export const PARTISAN_MODEL_FILE = 'partisan.model';

/** Texts longer than this are refused outright (the CLI refuses the line before parsing it). */
export const MAX_INPUT_CHARS = 1_000_000;

export interface Post {
  /** Id of the post in the caller's system. */
  readonly id: string;
  readonly text: string;
  /** When it was posted (ISO 8601 date or date-time); decides kode etik vs disiplin. */
  readonly posted_at?: string;
}

export interface Reason {
  readonly signal: 'partisan' | 'hate' | 'abusive' | 'hoax';
  /** Offsets (UTF-16 units) into the original text. */
  readonly start: number;
  readonly end: number;
  /** The highlighted original text. */
  readonly text: string;
  /** Indonesian explanation. */
  readonly why: string;
  /** Rule id for rule hits; "model" for words that raised a classifier score. */
  readonly rule: string;
}

export interface ScreenResult {
  readonly id: string;
  /** Calibrated risk, 0–100 (one decimal). */
  readonly score: number;
  /** Per-signal scores, 0–100 (integers). */
  readonly signals: { readonly partisan: number; readonly hate: number; readonly abusive: number; readonly hoax: number };
  /** Ballot number of the pair the post refers to most. */
  readonly pair?: number;
  readonly pair_label?: string;
  readonly item?: SuggestedItem;
  readonly reasons: Reason[];
  /** The text was cut at MAX_TEXT_CHARS characters before screening. */
  readonly truncated?: true;
  /** Versions of the hate and partisan models ("<hate>+<partisan>"). */
  readonly model_version: string;
}

export interface ScreenOptions {
  /** Kind of act the post is (default "post"). */
  readonly actKind?: ActKind;
}

export type ScreenerErrorCode = 'POST_INVALID' | 'TEXT_EMPTY' | 'TEXT_BINARY' | 'TEXT_TOO_LONG' | 'POSTED_AT_INVALID';

/** A post the screener refuses; `message` is Indonesian and safe to show. */
export class ScreenerInputError extends Error {
  constructor(
    readonly code: ScreenerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class ModelLoadError extends Error {}

/**
 * How the score combines the signals (a policy choice, not learned). P = calibrated partisanship
 * probability (rules are features of that model), H = hoax-claim match (0–1), A = max(hate, abusive),
 * E = the post talks about the election. risk = 1 − (1 − P)(1 − 0.8·H)(1 − w·A) with w = 0.5 when E,
 * 0.15 otherwise. With no hoax and no hate the score is the calibrated P itself.
 */
export const SCORE_WEIGHTS = { hoax: 0.8, hateInElection: 0.5, hateOtherwise: 0.15 } as const;

/** A signal at or above this (0–1) adds the words that raised it to the reasons and allows an item. */
const EXPLAIN_AT = 0.5;

interface Calibrated {
  bias: number;
  platt: Platt;
}

export interface Screener {
  /** "<hate version>+<partisan version>". */
  readonly version: string;
  readonly headers: { readonly hate: ModelHeader; readonly partisan: ModelHeader };
  /** Milliseconds spent loading the models. */
  readonly loadMs: number;
  /** Screens one post; throws ScreenerInputError for posts it refuses. */
  screen(post: Post, watchlist: Watchlist | CompiledWatchlist | null, opts?: ScreenOptions): ScreenResult;
}

const compiledCache = new WeakMap<Watchlist, CompiledWatchlist>();
function compiledOf(w: Watchlist | CompiledWatchlist | null): CompiledWatchlist | null {
  if (!w) return null;
  if ('root' in w) return w;
  let c = compiledCache.get(w);
  if (!c) compiledCache.set(w, (c = compileWatchlist(w)));
  return c;
}

/** Checks a post's fields and text; throws ScreenerInputError with an Indonesian message. */
export function checkPost(value: unknown): Post {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ScreenerInputError('POST_INVALID', 'Baris harus berupa objek JSON { "id", "text", "posted_at"? }');
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'number' && Number.isFinite(v.id) ? String(v.id) : v.id;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 200) throw new ScreenerInputError('POST_INVALID', 'Kolom "id" wajib diisi (teks atau angka, paling panjang 200 karakter)');
  if (typeof v.text !== 'string') throw new ScreenerInputError('POST_INVALID', 'Kolom "text" wajib berupa teks');
  if (v.posted_at !== undefined && v.posted_at !== null && (typeof v.posted_at !== 'string' || !isValidDate(v.posted_at))) {
    throw new ScreenerInputError('POSTED_AT_INVALID', 'Kolom "posted_at" harus tanggal ISO 8601, misalnya 2029-10-01 atau 2029-10-01T08:30:00+07:00');
  }
  checkText(v.text);
  return { id, text: v.text, ...(typeof v.posted_at === 'string' ? { posted_at: v.posted_at } : {}) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function isValidDate(s: string): boolean {
  return s.length <= 40 && ISO_DATE.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s));
}

function checkText(text: string): void {
  if (text.length > MAX_INPUT_CHARS) throw new ScreenerInputError('TEXT_TOO_LONG', `Teks terlalu panjang (${text.length} karakter; batas ${MAX_INPUT_CHARS})`);
  if (text.trim() === '') throw new ScreenerInputError('TEXT_EMPTY', 'Teks unggahan kosong');
  // Binary junk: NUL bytes, many control characters, replacement characters or lone surrogates.
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new ScreenerInputError('TEXT_BINARY', 'Teks berisi data biner (byte NUL), bukan teks unggahan');
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) i++;
      else bad++;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad++;
  }
  if (bad > 0 && bad >= Math.max(3, text.length * 0.1)) throw new ScreenerInputError('TEXT_BINARY', 'Teks berisi data biner atau karakter tidak valid, bukan teks unggahan');
}

/** Loads the stored models from `modelDir` (default: the repository's models/ folder). */
export function loadScreener(modelDir = join(import.meta.dirname, '..', '..', 'models')): Screener {
  const started = performance.now();
  const hatePath = join(modelDir, HATE_MODEL_FILE);
  const partisanPath = join(modelDir, PARTISAN_MODEL_FILE);
  for (const p of [hatePath, partisanPath]) if (!existsSync(p)) throw new ModelLoadError(`Berkas model tidak ditemukan: ${p} (jalankan npm run model:train)`);
  const hate = readModelFile(hatePath, ['HS', 'Abusive'], false);
  const partisan = readModelFile(partisanPath, undefined, false);
  if (JSON.stringify(hate.header.features) !== JSON.stringify(partisan.header.features)) throw new ModelLoadError('Model hate dan partisan memakai parameter fitur yang berbeda');
  if (!hate.vocabulary || !hate.idfBytes || !hate.header.idf) throw new ModelLoadError('Model hate tanpa kosakata/idf (format lama? jalankan npm run model:train)');
  if (partisan.header.vocab) throw new ModelLoadError('Model partisan harus memakai hash bucket');
  const labelOf = (name: string) => {
    const i = hate.header.labels.findIndex((l) => l.name === name);
    if (i < 0) throw new ModelLoadError(`Label ${name} tidak ada di model`);
    return i;
  };
  const hsIdx = labelOf('HS');
  const abIdx = labelOf('Abusive');
  // Hate model: one open-addressing table per block (word, char) over its vocabulary, whose slots hold
  // the key and, packed in one int32, the int8 weights of HS and Abusive and the idf byte — one memory
  // access per feature, the character table (~1 MiB) mostly in cache. Keys not in the vocabulary are
  // dropped, as scikit-learn's TfidfVectorizer does.
  const vocab = hate.vocabulary;
  const hsQ = hate.quantised[hsIdx]!;
  const abQ = hate.quantised[abIdx]!;
  const idfQ = hate.idfBytes;
  const buildTable = (keys: Int32Array, firstCol: number): { t: Int32Array; mask: number } => {
    let slots = 1024;
    while (slots < keys.length * 2) slots *= 2;
    const mask = slots - 1;
    const t = new Int32Array(slots * 2);
    for (let i = 0; i < keys.length; i++) {
      const col = firstCol + i;
      let s = keys[i]! & mask;
      while (t[s * 2 + 1] !== 0) s = (s + 1) & mask;
      t[s * 2] = keys[i]!;
      // bits 0–7 HS + 128, 8–15 Abusive + 128, 16–23 idf byte, 24: occupied.
      t[s * 2 + 1] = (hsQ[col]! + 128) | ((abQ[col]! + 128) << 8) | (idfQ[col]! << 16) | (1 << 24);
    }
    return { t, mask };
  };
  const wordTable = buildTable(vocab.words, 0);
  const charTable = buildTable(vocab.chars, vocab.words.length);
  const idfMin = hate.header.idf.min;
  const idfStep = hate.header.idf.step;
  /** Packed slot value of `key` in a block's table, 0 when absent. */
  const lookup = (table: { t: Int32Array; mask: number }, key: number): number => {
    const t = table.t;
    const mask = table.mask;
    let s = key & mask;
    for (;;) {
      const p = t[s * 2 + 1]!;
      if (p === 0 || t[s * 2] === key) return p;
      s = (s + 1) & mask;
    }
  };
  // Partisan model: int8 weight per hash bucket.
  const partisanMask = (1 << partisan.header.features.bits) - 1;
  const paQ = partisan.quantised[0]!;
  const scales = [hate.header.labels[hsIdx]!.scale, hate.header.labels[abIdx]!.scale, partisan.header.labels[0]!.scale] as const;
  const cal = (h: ModelHeader, i: number): Calibrated => ({ bias: h.labels[i]!.bias, platt: h.labels[i]!.platt });
  const hsCal = cal(hate.header, hsIdx);
  const abCal = cal(hate.header, abIdx);
  const paCal = cal(partisan.header, 0);
  const featuriser = new Featuriser(hate.header.features);
  const version = `${hate.header.version}+${partisan.header.version}`;
  const loadMs = performance.now() - started;
  const acc = new Float64Array(10);

  function screen(post: Post, watchlist: Watchlist | CompiledWatchlist | null, opts: ScreenOptions = {}): ScreenResult {
    const checked = checkPost(post);
    const compiled = compiledOf(watchlist);
    const norm = normalise(checked.text);
    const rules = applyRules(norm, compiled);
    // Per block (word, char): Σ tf² (partisan norm), Σ (tf·idf)² over vocabulary entries (hate norm),
    // and the three dot products. The partisan model reads the normalised tokens' word and character
    // blocks; the hate model their word block and the character block of the raw lower-cased text.
    acc.fill(0);
    let v = featuriser.featurise(rules.featureTokens, rules.ruleFeatures);
    const wordNnz = featuriser.wordNnz;
    for (let k = 0; k < v.nnz; k++) {
      const x = v.val[k]!;
      const key = v.idx[k]!;
      const o = k < wordNnz ? 0 : 5;
      acc[o]! += x * x;
      acc[o + 4]! += paQ[key & partisanMask]! * x;
      if (o !== 0) continue;
      const p = lookup(wordTable, key);
      if (p === 0) continue;
      const xi = x * (idfMin + ((p >>> 16) & 255) * idfStep);
      acc[1]! += xi * xi;
      acc[2]! += ((p & 255) - 128) * xi;
      acc[3]! += (((p >>> 8) & 255) - 128) * xi;
    }
    v = featuriser.featuriseRawChars(campNeutralSource(norm.source, rules));
    for (let k = 0; k < v.nnz; k++) {
      const p = lookup(charTable, v.idx[k]!);
      if (p === 0) continue;
      const xi = v.val[k]! * (idfMin + ((p >>> 16) & 255) * idfStep);
      acc[6]! += xi * xi;
      acc[7]! += ((p & 255) - 128) * xi;
      acc[8]! += (((p >>> 8) & 255) - 128) * xi;
    }
    const inv = (s: number) => (s > 0 ? 1 / Math.sqrt(s) : 0);
    const rw = inv(acc[0]!);
    const rc = inv(acc[5]!);
    const iw = inv(acc[1]!);
    const ic = inv(acc[6]!);
    const pHate = applyPlatt(hsCal.platt, hsCal.bias + scales[0] * (acc[2]! * iw + acc[7]! * ic));
    const pAbusive = applyPlatt(abCal.platt, abCal.bias + scales[1] * (acc[3]! * iw + acc[8]! * ic));
    const pPartisan = applyPlatt(paCal.platt, paCal.bias + scales[2] * (acc[4]! * rw + acc[9]! * rc));
    const hoax = rules.hoax;
    const a = Math.max(pHate, pAbusive);
    const wHate = rules.electionContext ? SCORE_WEIGHTS.hateInElection : SCORE_WEIGHTS.hateOtherwise;
    const risk = 1 - (1 - pPartisan) * (1 - SCORE_WEIGHTS.hoax * hoax) * (1 - wHate * a);

    const reasons: Reason[] = rules.hits.map((h: RuleHit) => ({ signal: h.signal, start: h.start, end: h.end, text: norm.source.slice(h.start, h.end), why: h.why, rule: h.rule }));
    const explain = (signal: Reason['signal'], slot: number, p: number, what: string) => {
      if (p < EXPLAIN_AT) return;
      for (const r of topWords(rules.featureTokens, rules.featureSpans, slot)) {
        if (rules.hits.some((h) => h.start < r[1] && r[0] < h.end)) continue; // already explained by a rule
        if (reasons.some((x) => x.rule === 'model' && x.start === r[0] && x.end === r[1])) continue;
        reasons.push({ signal, start: r[0], end: r[1], text: norm.source.slice(r[0], r[1]), why: `Kata yang menaikkan skor ${what}`, rule: 'model' });
      }
    };
    explain('partisan', 2, pPartisan, 'keberpihakan');
    explain('hate', 0, pHate, 'ujaran kebencian');
    explain('abusive', 1, pAbusive, 'bahasa kasar');
    reasons.sort((x, y) => x.start - y.start || y.end - x.end);

    const pair = rules.pair ?? undefined;
    const pairLabel = pair !== undefined ? compiled?.watchlist.pairs.find((p) => p.number === pair)?.label : undefined;
    const isPartisan = pPartisan >= EXPLAIN_AT || rules.hits.some((h) => h.rule === 'vote_call' || h.rule === 'gesture' || h.rule === 'campaign_event');
    const penetapan = compiled?.watchlist.election.penetapan_calon_on;
    const item = isPartisan && checked.posted_at && penetapan ? suggestItem(opts.actKind ?? 'post', checked.posted_at, penetapan) : null;
    return {
      id: checked.id,
      score: Math.round(risk * 1000) / 10,
      signals: { partisan: Math.round(pPartisan * 100), hate: Math.round(pHate * 100), abusive: Math.round(pAbusive * 100), hoax: Math.round(hoax * 100) },
      ...(pair !== undefined ? { pair } : {}),
      ...(pairLabel ? { pair_label: pairLabel } : {}),
      ...(item ? { item } : {}),
      reasons,
      ...(norm.truncated ? { truncated: true as const } : {}),
      model_version: version,
    };
  }

  /** The (at most 3) feature tokens whose unigram weight raised the signal most. */
  function topWords(tokens: readonly string[], spans: readonly [number, number][], slot: number): [number, number][] {
    const scored: { w: number; i: number }[] = [];
    const seen = new Set<string>();
    tokens.forEach((t, i) => {
      if (seen.has(t)) return;
      seen.add(t);
      const key = featuriser.wordKey(t);
      const p = slot === 2 ? 0 : lookup(wordTable, key);
      const w = slot === 2 ? paQ[key & partisanMask]! : p === 0 ? 0 : ((p >>> (8 * slot)) & 255) - 128;
      if (w > 0) scored.push({ w, i });
    });
    scored.sort((x, y) => y.w - x.w || x.i - y.i);
    return scored.slice(0, 3).map((s) => spans[s.i]!);
  }

  return { version, headers: { hate: hate.header, partisan: partisan.header }, loadMs, screen };
}

export { MAX_TEXT_CHARS };
