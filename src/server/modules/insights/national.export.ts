/** The national/provincial table as XLSX: one row per tenant and the totals, suppressed cells as on screen ("<5", "×"). */
import ExcelJS from 'exceljs';
import { CASE_STATUS_GROUP_LABELS, CASE_STATUS_GROUPS, type NationalFiguresT, type NationalViewT } from '../../../shared/contracts/national.contract.js';
import { cellValue } from './insights.export.js';

export const NATIONAL_HEADER = [
  'Kode wilayah',
  'Instansi',
  'Pegawai aktif',
  'Kampanye',
  'Sasaran ikrar',
  'Sudah tanda tangan',
  '% tanda tangan',
  'Unit wajib apel',
  'Apel dilaporkan',
  'Apel diterima',
  'Kasus',
  ...CASE_STATUS_GROUPS.map((g) => CASE_STATUS_GROUP_LABELS[g]),
  'Terbukti',
  'Disanksi',
  'Rekomendasi ke PPK',
  'Diputus PPK',
  'Tindak lanjut PPK',
  'Rata-rata hari menunggu PPK',
  'Data per tanggal',
];

function figures(f: NationalFiguresT): (string | number | null)[] {
  return [
    f.employees,
    f.pledge.campaigns,
    f.pledge.target,
    f.pledge.signed,
    f.pledge.signedPct,
    f.apel.required,
    f.apel.reported,
    f.apel.accepted,
    cellValue(f.cases.total),
    ...CASE_STATUS_GROUPS.map((g) => cellValue(f.cases.byStatus[g])),
    cellValue(f.cases.proven),
    cellValue(f.cases.sanctioned),
    cellValue(f.ppk.recommended),
    cellValue(f.ppk.decided),
    f.ppk.followUpRate === null ? null : `${Math.round(f.ppk.followUpRate * 1000) / 10}%`,
    f.ppk.avgWaitingDays,
  ];
}

/** Renders the workbook (≤ 515 rows: built in memory). */
export async function renderNationalXlsx(view: NationalViewT, meta: { viewer: string; electionName: string | null; provinceName: string | null; generatedAt: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Netra';
  const ws = wb.addWorksheet('Rekap per instansi');
  const note = [
    `Rekap ${meta.provinceName ? `provinsi ${meta.provinceName}` : 'nasional'} · dilihat oleh ${meta.viewer} (${view.scope === 'platform' ? 'pengelola platform' : 'akses pengawasan'}) · ${view.rows.length} instansi`,
    `Pemilihan: ${meta.electionName ?? 'semua (kampanye yang sedang berjalan; semua kasus)'} · Data per ${view.filters.asOf} (hitungan harian terakhir setiap instansi)`,
    `Dibuat ${meta.generatedAt} · jumlah kasus di bawah ${view.threshold} disamarkan ("<${view.threshold}"; "×" disamarkan agar angka <${view.threshold} tidak dapat dihitung dari jumlahnya)`,
  ];
  for (const line of note) ws.addRow([line]).font = { italic: true, color: { argb: 'FF555555' } };
  ws.addRow([]);
  const head = ws.addRow(NATIONAL_HEADER);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } }));
  for (const r of view.rows) ws.addRow([r.wilayahCode, r.name, ...figures(r), r.statDate]);
  const total = ws.addRow([null, `Jumlah (${view.totals.tenants} instansi)`, ...figures(view.totals), null]);
  total.font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 36 : 14));
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: note.length + 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
