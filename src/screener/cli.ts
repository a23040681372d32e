/**
 * Batch screener: `netra screen --watchlist watchlist.json < posts.jsonl > scores.jsonl`.
 * One JSON object per input line out; a bad line gives `{ id?, line, error: { code, message } }` and
 * processing continues. Exit code 0 when the input was read to the end (even with bad lines), 2 on
 * fatal problems (usage, missing or invalid watchlist, missing models).
 */
import { readFileSync } from 'node:fs';
import { ACT_KINDS, type ActKind } from './catalogue.js';
import { parseArgs } from './cli-paths.js';
import { checkPost, loadScreener, ModelLoadError, ScreenerInputError, type Screener } from './screener.js';
import { compileWatchlist, parseWatchlist, WatchlistError, type CompiledWatchlist } from './watchlist.js';

/** Lines longer than this (bytes) are refused without being parsed or kept in memory. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

const USAGE = `Pemakaian: netra screen --watchlist watchlist.json [--models DIR] [--act-kind ${ACT_KINDS.join('|')}] < posts.jsonl > scores.jsonl
  Baris masukan: { "id", "text", "posted_at"? }   Baris keluaran: { "id", "score", "signals", "pair"?, "item"?, "reasons", "model_version" }`;

class FatalError extends Error {}

interface LineError {
  id?: string;
  line: number;
  error: { code: string; message: string };
}

/** Screens one input line; never throws for bad input. */
export function screenLine(screener: Screener, watchlist: CompiledWatchlist, line: string, lineNo: number, actKind: ActKind): object {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { line: lineNo, error: { code: 'LINE_NOT_JSON', message: 'Baris bukan JSON yang valid' } } satisfies LineError;
  }
  const id = typeof value === 'object' && value !== null && 'id' in value && (typeof value.id === 'string' || typeof value.id === 'number') ? String(value.id) : undefined;
  try {
    const post = checkPost(value);
    return screener.screen(post, watchlist, { actKind });
  } catch (error) {
    if (error instanceof ScreenerInputError) return { ...(id !== undefined ? { id } : {}), line: lineNo, error: { code: error.code, message: error.message } } satisfies LineError;
    return { ...(id !== undefined ? { id } : {}), line: lineNo, error: { code: 'INTERNAL', message: 'Kesalahan internal saat menyaring baris ini' } } satisfies LineError;
  }
}

/** Splits a byte stream into lines without holding an over-long line in memory. */
async function* lines(input: AsyncIterable<Buffer>): AsyncGenerator<{ text: string | null; bytes: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  for await (const chunk of input) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      size += piece.length;
      if (!tooLong && size <= MAX_LINE_BYTES) parts.push(piece);
      yield { text: tooLong || size > MAX_LINE_BYTES ? null : Buffer.concat(parts).toString('utf8'), bytes: size };
      parts = [];
      size = 0;
      tooLong = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    size += rest.length;
    if (size > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
    } else if (rest.length) parts.push(Buffer.from(rest));
  }
  if (size > 0) yield { text: tooLong || size > MAX_LINE_BYTES ? null : Buffer.concat(parts).toString('utf8'), bytes: size };
}

async function runScreen(args: Map<string, string>): Promise<number> {
  const watchlistPath = args.get('watchlist');
  if (!watchlistPath || watchlistPath === 'true') throw new FatalError(`Opsi --watchlist wajib diisi.\n${USAGE}`);
  const actKind = (args.get('act-kind') ?? 'post') as ActKind;
  if (!ACT_KINDS.includes(actKind)) throw new FatalError(`--act-kind tidak dikenal: ${actKind} (pilihan: ${ACT_KINDS.join(', ')})`);
  let raw: string;
  try {
    raw = readFileSync(watchlistPath, 'utf8');
  } catch {
    throw new FatalError(`Berkas watchlist tidak dapat dibaca: ${watchlistPath}`);
  }
  let watchlist: CompiledWatchlist;
  try {
    watchlist = compileWatchlist(parseWatchlist(JSON.parse(raw)));
  } catch (error) {
    if (error instanceof WatchlistError) throw new FatalError(`${error.userMessage}:\n  ${error.issues.join('\n  ')}`);
    throw new FatalError(`Berkas watchlist bukan JSON yang valid: ${watchlistPath}`);
  }
  for (const w of watchlist.warnings) process.stderr.write(`peringatan watchlist: ${w}\n`);
  const screener = loadScreener(args.get('models'));
  process.stderr.write(`model ${screener.version} dimuat dalam ${screener.loadMs.toFixed(0)} ms\n`);

  let lineNo = 0;
  let out: string[] = [];
  const flush = async () => {
    if (!out.length) return;
    const ok = process.stdout.write(out.join(''));
    out = [];
    if (!ok) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  };
  for await (const { text } of lines(process.stdin as AsyncIterable<Buffer>)) {
    lineNo++;
    let result: object;
    if (text === null) result = { line: lineNo, error: { code: 'LINE_TOO_LONG', message: `Baris lebih dari ${MAX_LINE_BYTES} byte dan dilewati` } };
    else if (text.trim() === '') continue;
    else result = screenLine(screener, watchlist, text, lineNo, actKind);
    out.push(JSON.stringify(result) + '\n');
    if (out.length >= 256) await flush();
  }
  await flush();
  return 0;
}

/** Entry point of `netra`; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'screen') return await runScreen(parseArgs(rest));
    if (command === 'help' || command === '--help' || command === '-h' || command === undefined) {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new FatalError(`Perintah tidak dikenal: ${command}\n${USAGE}`);
  } catch (error) {
    if (error instanceof FatalError || error instanceof ModelLoadError) {
      process.stderr.write(`netra: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
