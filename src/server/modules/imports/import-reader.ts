/**
 * Streaming readers for CSV and XLSX employee files. Neither holds the whole file: 100,000 rows must
 * import in constant memory. Row numbers are the ones a person sees in Excel (header = row 1).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Cell } from './import-normalize.js';

export type FileFormat = 'csv' | 'xlsx';

export interface SourceRow {
  rowNumber: number;
  cells: Cell[];
}

/** Decides the format from the content, never from the name alone: XLSX is a ZIP, CSV is text without NUL bytes. */
export async function sniffFormat(path: string): Promise<FileFormat | null> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
    if (bytesRead === 0 || head.includes(0)) return null;
    const text = head.toString('utf8');
    return /[;,\t]/.test(text.split(/\r?\n/)[0] ?? '') ? 'csv' : null;
  } finally {
    await handle.close();
  }
}

/** The delimiter used in the header line, outside quotes: one of ; , or tab (never a mix). */
export function sniffDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0];
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** Makes headers unique and non-empty so they can key a mapping. */
export function cleanHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim() || `Kolom ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
}

function countingStream(path: string, onBytes: (n: number) => void) {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let total = 0;
  stream.on('data', (chunk) => onBytes((total += chunk.length)));
  return stream;
}

async function* readCsv(path: string, onBytes: (n: number) => void): AsyncGenerator<SourceRow> {
  const delimiter = sniffDelimiter(await firstLine(path));
  const parser = countingStream(path, onBytes).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true, relax_quotes: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { rowNumber: info.lines, cells: record.map((text) => ({ text })) };
  }
}

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), isNumber: true };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), date: value };
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (v.richText) return { text: v.richText.map((r) => r.text).join('') };
    if ('result' in v) return xlsxCell(v.result);
    if (typeof v.text === 'string') return { text: v.text };
  }
  return { text: String(value) };
}

async function* readXlsx(path: string, onBytes: (n: number) => void): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(countingStream(path, onBytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1);
      const cells = values.map(xlsxCell);
      if (cells.every((c) => c.text.trim() === '')) continue;
      yield { rowNumber: row.number, cells };
    }
    return; // the first worksheet holds the master
  }
}

/** Every non-empty row of the file, header included, reporting bytes read for progress. */
export function readRows(path: string, format: FileFormat, onBytes: (n: number) => void = () => {}): AsyncGenerator<SourceRow> {
  return format === 'csv' ? readCsv(path, onBytes) : readXlsx(path, onBytes);
}

/** The header row only. */
export async function readHeaders(path: string, format: FileFormat): Promise<string[]> {
  const rows = readRows(path, format);
  try {
    const first = await rows.next();
    return first.done ? [] : cleanHeaders(first.value.cells.map((c) => c.text));
  } finally {
    await rows.return(undefined);
  }
}
