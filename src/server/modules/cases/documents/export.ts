/**
 * The case export in the fields BKN (SBT/I'DIS) and Bawaslu ask for: one row per reported person per
 * case, as XLSX (real dates, NIP as text) or CSV (UTF-8 with BOM so Excel reads the accents, RFC 4180
 * quoting, and a guard against formula injection since the text comes from reports and case notes).
 */
import ExcelJS from 'exceljs';
import { CASE_ORIGIN_LABELS, CASE_STATE_LABELS, CLOSE_REASON_LABELS, FORWARD_TARGET_LABELS, SANCTION_LABELS, TIER_LABELS } from '../../../../shared/case-workflow.js';
import type { CaseExportRow } from './case-document.types.js';

const LIST_LABELS: Record<string, string> = { kode_etik: 'Kode etik', disiplin: 'Disiplin', pp94: 'Disiplin (PP 94/2021)' };
const FINDING_LABELS: Record<string, string> = { proven: 'Terbukti', not_proven: 'Tidak terbukti' };

/** A code becomes its label; text that is already a label passes through. */
const label = (labels: Record<string, string>, value: string | null) => (value === null ? null : (labels[value] ?? value));
/** "bawaslu,bkn" → "Bawaslu Kabupaten/Kota, Badan Kepegawaian Negara (BKN)". */
const labelList = (labels: Record<string, string>, value: string | null) => (value === null ? null : value.split(/\s*,\s*/).map((v) => labels[v] ?? v).join(', '));

type Kind = 'text' | 'date' | 'id';
interface ExportColumn {
  header: string;
  width: number;
  kind: Kind;
  value: (row: CaseExportRow) => string | null;
}

const text = (header: string, width: number, value: ExportColumn['value']): ExportColumn => ({ header, width, kind: 'text', value });
const date = (header: string, value: ExportColumn['value']): ExportColumn => ({ header, width: 13, kind: 'date', value });

/** Column order as BKN (SBT/I'DIS) and Bawaslu list their fields. */
const COLUMNS: ExportColumn[] = [
  text('Nomor Kasus', 16, (r) => r.caseNumber),
  date('Tanggal Registrasi', (r) => r.registeredOn),
  text('Sumber', 26, (r) => label(CASE_ORIGIN_LABELS, r.origin)),
  text('Nomor Surat Asal', 24, (r) => r.channelRef),
  text('Pemilihan', 36, (r) => r.electionName),
  text('Kontestasi', 32, (r) => r.contestName),
  date('Tanggal Kejadian', (r) => r.actDate),
  date('Tanggal Diketahui', (r) => r.discoveredOn),
  text('Tempat', 28, (r) => r.place),
  text('Jenis Perbuatan', 26, (r) => r.actKind),
  text('Uraian', 60, (r) => r.summary),
  text('Nama Terlapor', 28, (r) => r.subjectName),
  { header: 'NIP/NIK', width: 21, kind: 'id', value: (r) => r.subjectIdNumber },
  text('Status Kepegawaian', 16, (r) => r.subjectCategory),
  text('Jabatan', 28, (r) => r.subjectPosition),
  text('Unit Kerja', 32, (r) => r.subjectUnit),
  text('Kode Pelanggaran', 10, (r) => r.itemCode),
  text('Uraian Pelanggaran', 48, (r) => r.itemAct),
  text('Jenis (Kode Etik/Disiplin)', 14, (r) => label(LIST_LABELS, r.list)),
  text('Tingkat Sanksi', 22, (r) => label(TIER_LABELS, r.tier)),
  text('Hasil', 14, (r) => label(FINDING_LABELS, r.finding)),
  text('Rekomendasi', 22, (r) => label(TIER_LABELS, r.recommendedTier)),
  date('Tanggal Rekomendasi', (r) => r.recommendedOn),
  text('Jenis Sanksi', 36, (r) => label(SANCTION_LABELS, r.sanction)),
  text('Nomor SK', 26, (r) => r.skNumber),
  date('Tanggal SK', (r) => r.skDate),
  date('Tanggal Pelaksanaan', (r) => r.executedOn),
  date("Tanggal Input I'DIS", (r) => r.idisRecordedOn),
  text('Status', 22, (r) => label(CASE_STATE_LABELS, r.state)),
  text('Alasan Penutupan', 28, (r) => label(CLOSE_REASON_LABELS, r.closeReason)),
  text('Diteruskan Ke', 30, (r) => labelList(FORWARD_TARGET_LABELS, r.forwardedTo)),
];

/** The export's header row, in order. */
export const CASE_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** 'YYYY-MM-DD' (or a timestamp starting with it) as a UTC-midnight Date, which Excel shows as that day. */
function excelDate(value: string | null): Date | string | null {
  const m = value?.match(ISO_DAY);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

/** The XLSX workbook: header row bold and frozen, widths set, dates as real dates, NIP/NIK as text (18 digits). */
export async function renderCasesXlsx(rows: CaseExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Netra';
  const sheet = workbook.addWorksheet('Kasus Netralitas', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.kind === 'id' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => (c.kind === 'date' ? excelDate(c.value(row)) : c.value(row))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// OWASP CSV injection: a cell starting with = + - @ (or tab/CR) is run as a formula by Excel; a leading ' makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formulas, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV: UTF-8 BOM, comma-separated, CRLF line ends, dates as YYYY-MM-DD. */
export function renderCasesCsv(rows: CaseExportRow[]): string {
  const cell = (c: ExportColumn, row: CaseExportRow) => {
    const value = c.value(row);
    return c.kind === 'date' ? (value?.match(ISO_DAY)?.[0] ?? value) : value;
  };
  const lines = [COLUMNS.map((c) => csvField(c.header)), ...rows.map((row) => COLUMNS.map((c) => csvField(cell(c, row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
