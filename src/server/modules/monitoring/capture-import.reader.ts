/**
 * Reading a social-listening export (CSV with a header row, or JSONL: one JSON object per line) into
 * checked rows. Pure: no database. Columns (docs/MONITORING.md): platform, url, handle, display_name,
 * text, posted_at, act_kind, employee_nip (the last three optional). A problem with the file as a
 * whole (not text, no header, missing columns) refuses the file; a problem with a row is reported
 * for that row in Indonesian, with its row number.
 */
import { parse } from 'csv-parse/sync';
import { CAPTURE_ACT_KINDS, MAX_CAPTURE_TEXT, PLATFORMS, type CaptureActKind, type Platform } from '../../../shared/contracts/monitoring.contract.js';
import { checkPost, ScreenerInputError } from '../../../screener/screener.js';
import { sha256Text } from './scoring.js';

export const IMPORT_COLUMNS = ['platform', 'url', 'handle', 'display_name', 'text', 'posted_at', 'act_kind', 'employee_nip'] as const;
export const REQUIRED_IMPORT_COLUMNS = ['platform', 'url', 'handle', 'text', 'posted_at'] as const;
/** Rows per file: bigger exports are split (one transaction holds every row of a file). */
export const MAX_IMPORT_ROWS = 50_000;

export class ImportFileError extends Error {}

export interface RawRow {
  /** Row number as the user sees it (JSONL: the line; CSV: the record's first line, header = 1). */
  row: number;
  fields: Record<string, unknown>;
}

export interface RowIssue {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportCandidate {
  row: number;
  platform: Platform;
  url: string;
  handle: string;
  displayName: string | null;
  text: string;
  textSha256: string;
  postedAt: Date;
  actKind: CaptureActKind;
  employeeNip: string | null;
}

const PLATFORM_ALIASES: Record<string, Platform> = {
  fb: 'facebook', 'facebook.com': 'facebook', ig: 'instagram', 'instagram.com': 'instagram', twitter: 'x', 'x.com': 'x', 'twitter.com': 'x',
  tt: 'tiktok', 'tiktok.com': 'tiktok', yt: 'youtube', 'youtube.com': 'youtube', wa: 'whatsapp', tg: 'telegram', lainnya: 'other', lain: 'other',
};
const ACT_ALIASES: Record<string, CaptureActKind> = {
  unggahan: 'post', posting: 'post', status: 'post', tweet: 'post', video: 'post', komentar: 'comment', reply: 'comment', balasan: 'comment',
  suka: 'like', reaction: 'like', reaksi: 'like', favorite: 'like', bagikan: 'share', retweet: 'share', repost: 'share', forward: 'share', teruskan: 'share',
  follow: 'follow_join_group', join: 'follow_join_group', join_group: 'follow_join_group', ikuti: 'follow_join_group', gabung: 'follow_join_group', subscribe: 'follow_join_group',
  foto: 'photo_gesture', photo: 'photo_gesture', gestur: 'photo_gesture', gesture: 'photo_gesture',
};

const short = (value: string, max = 60) => (value.length > max ? `${value.slice(0, max)}…` : value);

/** Decodes the file as UTF-8 text; binary data and other encodings refuse the file. */
export function decodeText(bytes: Buffer): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new ImportFileError('Berkas berisi data biner, bukan CSV atau JSONL.');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError('Berkas bukan teks UTF-8. Simpan ulang sebagai CSV (UTF-8) atau JSONL.');
  }
}

/** JSONL when the first non-blank character opens an object, CSV otherwise. */
export function sniffFormat(text: string): 'csv' | 'jsonl' {
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** The file's rows with their numbers, plus the lines that are not JSON objects (JSONL). */
export function readRows(text: string, format: 'csv' | 'jsonl'): { rows: RawRow[]; issues: RowIssue[] } {
  return format === 'jsonl' ? readJsonl(text) : readCsv(text);
}

function readJsonl(text: string): { rows: RawRow[]; issues: RowIssue[] } {
  const rows: RawRow[] = [];
  const issues: RowIssue[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const row = i + 1;
    if (rows.length + issues.length >= MAX_IMPORT_ROWS) throw new ImportFileError(`Berkas memuat lebih dari ${MAX_IMPORT_ROWS.toLocaleString('id-ID')} baris; bagi menjadi beberapa berkas.`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      issues.push({ row, column: null, message: 'Baris bukan JSON yang valid.' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ row, column: null, message: 'Baris harus berupa objek JSON { "platform", "url", "handle", "text", "posted_at", … }.' });
      return;
    }
    rows.push({ row, fields: value as Record<string, unknown> });
  });
  if (rows.length + issues.length === 0) throw new ImportFileError('Berkas tidak berisi baris data.');
  if (rows.length === 0) throw new ImportFileError('Tidak ada satu baris pun yang berupa objek JSON: berkas ini bukan JSONL.');
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !rows.some((r) => c in r.fields));
  if (missing.length) throw new ImportFileError(`Kolom wajib tidak ada di berkas: ${missing.join(', ')}.`);
  return { rows, issues };
}

function readCsv(text: string): { rows: RawRow[]; issues: RowIssue[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, delimiter: sniffDelimiter(text), max_record_size: 4 * MAX_CAPTURE_TEXT }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(`Berkas CSV tidak dapat dibaca${line ? ` (sekitar baris ${line})` : ''}: periksa tanda kutip yang tidak ditutup.`);
  }
  const [header, ...data] = records;
  if (!header) throw new ImportFileError('Berkas kosong.');
  const names = header.record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new ImportFileError(`Kolom wajib tidak ada di baris judul: ${missing.join(', ')}. Kolom yang dikenal: ${IMPORT_COLUMNS.join(', ')}.`);
  if (data.length === 0) throw new ImportFileError('Berkas tidak berisi baris data.');
  if (data.length > MAX_IMPORT_ROWS) throw new ImportFileError(`Berkas memuat lebih dari ${MAX_IMPORT_ROWS.toLocaleString('id-ID')} baris; bagi menjadi beberapa berkas.`);
  // info.lines is the line a record ends on; the row number is where it starts (the line after the previous record).
  let previousEnd = header.info.lines;
  const rows = data.map(({ record, info }) => {
    const fields: Record<string, unknown> = {};
    names.forEach((name, i) => {
      if (name && record[i] !== undefined) fields[name] = record[i];
    });
    const row = { row: previousEnd + 1, fields };
    previousEnd = info.lines;
    return row;
  });
  return { rows, issues: [] };
}

/** Comma unless the header line has more semicolons (Excel with an Indonesian locale saves with ";"). */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** "+07:00" for Asia/Jakarta: the zone's offset at that instant. */
function zoneOffset(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(part);
  return m ? `${m[1]}:${m[2] ?? '00'}` : 'Z';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

/** Parses posted_at: ISO 8601 (with or without a zone) or DD/MM/YYYY [HH:MM]; without a zone, the tenant's. */
export function parsePostedAt(value: string, timeZone: string): Date | null {
  const v = value.trim();
  const iso = ISO.exec(v);
  const dmy = iso ? null : DMY.exec(v);
  if (!iso && !dmy) return null;
  const pad = (x: string | undefined) => (x ?? '0').padStart(2, '0');
  const [y, mo, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : [dmy![3]!, pad(dmy![2]), pad(dmy![1])];
  const [h, mi, s] = iso ? [pad(iso[4]), pad(iso[5]), pad(iso[6])] : [pad(dmy![4]), pad(dmy![5]), pad(dmy![6])];
  const zone = iso?.[7];
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const offset = zone ? (zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`) : zoneOffset(timeZone, new Date(`${local}Z`));
  const date = new Date(`${local}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject 31 February and friends: the parsed date must keep its day.
  if (new Date(`${y}-${mo}-${d}T12:00:00Z`).toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  return date;
}

const asText = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

/** Checks one row; returns the candidate, or every problem found in the row. */
export function checkRow(raw: RawRow, timeZone: string, now = new Date()): { candidate: ImportCandidate } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const f = raw.fields;
  const problem = (column: string | null, message: string) => issues.push({ row: raw.row, column, message });

  const platformText = asText(f.platform)?.trim().toLowerCase() ?? '';
  const platform = (PLATFORMS as readonly string[]).includes(platformText) ? (platformText as Platform) : PLATFORM_ALIASES[platformText];
  if (!platformText) problem('platform', 'Platform wajib diisi.');
  else if (!platform) problem('platform', `Platform "${short(platformText, 30)}" tidak dikenal; gunakan salah satu: ${PLATFORMS.join(', ')}.`);

  const urlText = asText(f.url)?.trim() ?? '';
  let url: string | null = null;
  if (!urlText) problem('url', 'URL wajib diisi.');
  else if (urlText.length > 2000) problem('url', 'URL terlalu panjang (maksimal 2.000 karakter).');
  else {
    try {
      const parsed = new URL(urlText);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.') && !/\s/.test(urlText)) url = urlText;
    } catch {
      // reported below
    }
    if (!url) problem('url', `URL tidak valid: "${short(urlText)}" (tulis alamat lengkap yang diawali http:// atau https://).`);
  }

  const handle = (asText(f.handle) ?? '').trim().replace(/^@+/, '');
  if (!handle) problem('handle', 'Nama akun (handle) wajib diisi.');
  else if (handle.length > 100 || /[\u0000-\u001f]/.test(handle)) problem('handle', 'Nama akun (handle) tidak valid (maksimal 100 karakter, tanpa karakter kontrol).');

  const displayName = (asText(f.display_name) ?? '').trim();
  if (displayName.length > 200) problem('display_name', 'Nama tampilan terlalu panjang (maksimal 200 karakter).');

  const text = typeof f.text === 'string' ? f.text : null;
  if (text === null) problem('text', f.text === undefined || f.text === null ? 'Teks unggahan wajib diisi.' : 'Teks unggahan harus berupa teks.');
  else if (text.length > MAX_CAPTURE_TEXT) problem('text', `Teks terlalu panjang (${text.length.toLocaleString('id-ID')} karakter; maksimal ${MAX_CAPTURE_TEXT.toLocaleString('id-ID')}).`);
  else {
    try {
      checkPost({ id: String(raw.row), text });
    } catch (error) {
      if (!(error instanceof ScreenerInputError)) throw error;
      problem('text', `${error.message}.`);
    }
  }

  const postedText = asText(f.posted_at)?.trim() ?? '';
  const postedAt = postedText ? parsePostedAt(postedText, timeZone) : null;
  if (!postedText) problem('posted_at', 'Waktu unggahan (posted_at) wajib diisi.');
  else if (!postedAt) problem('posted_at', `Waktu unggahan tidak valid: "${short(postedText, 40)}" (contoh: 2026-11-20T09:15:00+07:00 atau 20/11/2026 09:15).`);
  else if (postedAt.getTime() > now.getTime() + 10 * 60_000) problem('posted_at', 'Waktu unggahan di masa depan.');
  else if (postedAt.getUTCFullYear() < 2000) problem('posted_at', 'Waktu unggahan sebelum tahun 2000 tidak masuk akal.');

  const actText = (asText(f.act_kind) ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  const actKind = !actText ? 'post' : (CAPTURE_ACT_KINDS as readonly string[]).includes(actText) ? (actText as CaptureActKind) : ACT_ALIASES[actText];
  if (!actKind) problem('act_kind', `Jenis perbuatan "${short(actText, 30)}" tidak dikenal; gunakan salah satu: ${CAPTURE_ACT_KINDS.join(', ')}.`);

  const nipText = (asText(f.employee_nip) ?? '').replace(/[\s.]/g, '');
  if (nipText && !/^[0-9]{8,20}$/.test(nipText)) problem('employee_nip', `NIP/NIK tidak valid: "${short(nipText, 30)}" (hanya angka, 8–20 digit).`);

  if (issues.length) return { issues };
  return {
    candidate: { row: raw.row, platform: platform!, url: url!, handle, displayName: displayName || null, text: text!, textSha256: sha256Text(text!), postedAt: postedAt!, actKind: actKind!, employeeNip: nipText || null },
  };
}
