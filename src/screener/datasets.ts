/**
 * Readers of the training files: the multi-label hate-speech CSV (Ibrohim & Budi 2019, CC BY-NC-SA 4.0)
 * with its byte-level quirks, and the partisanship development set (JSONL).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const HATE_LABELS = ['HS', 'Abusive', 'HS_Individual', 'HS_Group', 'HS_Religion', 'HS_Race', 'HS_Physical', 'HS_Gender', 'HS_Other', 'HS_Weak', 'HS_Moderate', 'HS_Strong'] as const;
export type HateLabel = (typeof HATE_LABELS)[number];

export interface LabelledText {
  readonly id: string;
  readonly text: string;
  /** One 0/1 value per label of the data set. */
  readonly labels: Uint8Array;
}

export interface Dataset {
  readonly labels: readonly string[];
  readonly rows: LabelledText[];
  /** SHA-256 of the file bytes, part of the model version. */
  readonly sha256: string;
}

/**
 * Decodes one tweet of the dataset as its SPLIT.md describes: the cell read as latin1 gives the
 * original bytes; literal `\xNN` runs are turned back into bytes, the bytes decoded as UTF-8, literal
 * `\n` become spaces, the stray trailing `'` is dropped, and the masks USER/URL become a mention and a
 * link so the normaliser treats them like real ones.
 */
export function decodeHateTweet(cell: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x5c && cell[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(cell.slice(i + 2, i + 4))) {
      bytes.push(parseInt(cell.slice(i + 2, i + 4), 16));
      i += 3;
    } else bytes.push(c & 0xff);
  }
  let text = Buffer.from(bytes).toString('utf8').replace(/\\n/g, ' ');
  if (text.endsWith("'")) text = text.slice(0, -1);
  return text.replace(/\bUSER\b/g, '@user').replace(/\bURL\b/g, 'http://url');
}

/** Reads the hate-speech CSV (id, Tweet, 12 labels). */
export function readHateDataset(path: string): Dataset {
  const raw = readFileSync(path);
  const records = parse(raw.toString('latin1'), { relax_quotes: true }) as string[][];
  const [header, ...body] = records;
  if (!header || header[1] !== 'Tweet') throw new Error(`${path}: kolom yang diharapkan id,Tweet,HS,… tidak ditemukan`);
  const labels = header.slice(2);
  const rows = body.map((r) => ({ id: r[0]!, text: decodeHateTweet(r[1] ?? ''), labels: Uint8Array.from(r.slice(2).map((v) => (v.trim() === '1' ? 1 : 0))) }));
  return { labels, rows, sha256: createHash('sha256').update(raw).digest('hex') };
}

export const PartisanPostSchema = z.object({
  id: z.string(),
  text: z.string(),
  label: z.union([z.literal(0), z.literal(1)]),
  split: z.enum(['train', 'heldout']),
  /** Template family (posts of one family share phrasing; a family is in one split only). */
  family: z.string(),
  /** Why the post is labelled so; marks hard negatives. */
  note: z.string().optional(),
});
export type PartisanPost = z.infer<typeof PartisanPostSchema>;

/** Reads the partisanship development set (JSONL). */
export function readPartisanDataset(path: string): { posts: PartisanPost[]; sha256: string } {
  const raw = readFileSync(path);
  const posts = raw
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = PartisanPostSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
  return { posts, sha256: createHash('sha256').update(raw).digest('hex') };
}
