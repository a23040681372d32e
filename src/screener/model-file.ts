/**
 * The stored model format: `NETRAMDL` magic, a little-endian u32 header length, a JSON header, then
 * (when the header has `vocab`) the vocabulary's keys as little-endian int32 (word block, then
 * character block), for every label its int8-quantised weights (one byte per column, w = q · scale:
 * a column is a vocabulary entry, or a hash bucket when there is no vocabulary) and, when the header
 * has `idf`, one byte per column of quantised idf. Serialisation has no clock and no map
 * ordering effects, so the same training run always writes the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FeatureParams, MinDf, Vocabulary } from './features.js';
import type { Platt } from './linear-model.js';

const MAGIC = 'NETRAMDL';
export const MODEL_FORMAT = 'netra.screener-model/v2';

export interface LabelHeader {
  readonly name: string;
  readonly bias: number;
  /** Dequantisation factor of the int8 weights. */
  readonly scale: number;
  /** Calibration of the decision value into a probability. */
  readonly platt: Platt;
  /**
   * Decision threshold on the decision value (z > threshold: positive), chosen by CV on the training
   * data; absent: 0. `screen()` uses the calibrated probability, not this yes/no cut.
   */
  readonly threshold?: number;
  /** How the weights were trained when not one model over all columns at the config's C. */
  readonly fit?: { readonly blocks: 'average'; readonly C: number };
  /** Cross-validated figures recorded at training time (informative). */
  readonly metrics: Record<string, number>;
}

export interface ModelHeader {
  readonly format: typeof MODEL_FORMAT;
  readonly kind: 'hate' | 'partisan';
  /** sha256 of the training inputs and the payload, first 16 hex digits. */
  readonly version: string;
  readonly licence: string;
  readonly features: FeatureParams;
  /** Exact vocabulary (sizes of its word and character blocks, the min_df it was fitted with); null: 2^bits hash buckets. */
  readonly vocab: { readonly words: number; readonly chars: number; readonly minDf: MinDf } | null;
  /** Quantised idf: idf = min + q · step; absent for models without idf. */
  readonly idf: { readonly min: number; readonly step: number } | null;
  readonly labels: readonly LabelHeader[];
  /** What produced the model: data files with their sha256, parameters, code version. */
  readonly inputs: Record<string, unknown>;
}

export interface StoredModel {
  readonly header: ModelHeader;
  readonly vocabulary: Vocabulary | null;
  /** Dequantised weights per label, in header order. */
  readonly weights: Float32Array[];
  readonly idf: Float32Array | null;
  /** The stored int8 weights per label (empty for labels not asked for) and the stored idf bytes. */
  readonly quantised: Int8Array[];
  readonly idfBytes: Uint8Array | null;
}

/** Rounds to 6 significant digits so headers print identically everywhere. */
export const round6 = (x: number) => Number(x.toPrecision(6));

export function quantiseWeights(w: ArrayLike<number>): { q: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = round6(max > 0 ? max / 127 : 1);
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
  return { q, scale };
}

export function quantiseIdf(idf: Float32Array): { q: Uint8Array; min: number; step: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of idf) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  min = round6(min);
  const step = round6(max > min ? (max - min) / 255 : 1);
  const q = new Uint8Array(idf.length);
  for (let i = 0; i < idf.length; i++) q[i] = Math.max(0, Math.min(255, Math.round((idf[i]! - min) / step)));
  return { q, min, step };
}

export const dequantiseIdf = (q: Uint8Array, min: number, step: number) => Float32Array.from(q, (v) => min + v * step);

/** Writes a model file; the version is computed from the inputs and the payload bytes. */
export function encodeModel(header: Omit<ModelHeader, 'version'>, quantised: Int8Array[], idf: Uint8Array | null, vocabulary: Vocabulary | null = null): Buffer {
  if (Boolean(header.vocab) !== Boolean(vocabulary)) throw new Error('vocab header and vocabulary must come together');
  const keys = Buffer.alloc(vocabulary ? 4 * (vocabulary.words.length + vocabulary.chars.length) : 0);
  if (vocabulary) [...vocabulary.words, ...vocabulary.chars].forEach((k, i) => keys.writeInt32LE(k, 4 * i));
  const payload = Buffer.concat([keys, ...quantised.map((q) => Buffer.from(q.buffer, q.byteOffset, q.byteLength)), ...(idf ? [Buffer.from(idf)] : [])]);
  const version = createHash('sha256').update(JSON.stringify({ ...header, labels: header.labels.map((l) => ({ ...l, metrics: {} })) })).update(payload).digest('hex').slice(0, 16);
  const json = Buffer.from(JSON.stringify({ ...header, version }, null, 1), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, json, payload]);
}

export class ModelFileError extends Error {}

/** Reads and checks a model file. */
export function decodeModel(bytes: Buffer, labels?: readonly string[], dequantise = true): StoredModel {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) throw new ModelFileError('bukan berkas model Netra');
  const len = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + len)) as ModelHeader;
  if (header.format !== MODEL_FORMAT) throw new ModelFileError(`format model tidak dikenal: ${String(header.format)}`);
  const dim = header.vocab ? header.vocab.words + header.vocab.chars : 1 << header.features.bits;
  const keyBytes = header.vocab ? 4 * dim : 0;
  const expected = 12 + len + keyBytes + dim * header.labels.length + (header.idf ? dim : 0);
  if (bytes.length !== expected) throw new ModelFileError(`ukuran berkas model salah (${bytes.length} ≠ ${expected})`);
  let vocabulary: Vocabulary | null = null;
  if (header.vocab) {
    const keys = new Int32Array(dim);
    for (let i = 0; i < dim; i++) keys[i] = bytes.readInt32LE(12 + len + 4 * i);
    vocabulary = { words: keys.subarray(0, header.vocab.words), chars: keys.subarray(header.vocab.words) };
  }
  const body = 12 + len + keyBytes;
  const weights: Float32Array[] = [];
  const quantised: Int8Array[] = [];
  header.labels.forEach((l, i) => {
    if (labels && !labels.includes(l.name)) {
      weights.push(new Float32Array(0));
      quantised.push(new Int8Array(0));
      return;
    }
    const q = new Int8Array(bytes.buffer, bytes.byteOffset + body + i * dim, dim);
    quantised.push(q);
    weights.push(dequantise ? Float32Array.from(q, (v) => v * l.scale) : new Float32Array(0));
  });
  const idfOffset = body + dim * header.labels.length;
  const idfBytes = header.idf ? new Uint8Array(bytes.buffer, bytes.byteOffset + idfOffset, dim) : null;
  const idf = dequantise && header.idf && idfBytes ? dequantiseIdf(idfBytes, header.idf.min, header.idf.step) : null;
  return { header, vocabulary, weights, idf, quantised, idfBytes };
}

export function readModelFile(path: string, labels?: readonly string[], dequantise = true): StoredModel {
  return decodeModel(readFileSync(path), labels, dequantise);
}
