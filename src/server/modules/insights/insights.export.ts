/** The case dashboard as XLSX: one sheet per breakdown, suppressed cells written as "<5" / "×" like on screen. */
import ExcelJS from 'exceljs';
import { CASE_STATE_LABELS, type CaseState } from '../../../shared/case-workflow.js';
import type { CaseInsightsT, CellT } from '../../../shared/contracts/insights.contract.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sections of the workbook; `?section=` picks one. */
export const INSIGHT_SECTIONS = ['byState', 'byOrigin', 'byMonth', 'byItem', 'byUnit', 'byJabatanClass', 'byCategory', 'steps', 'ppk', 'monitoring', 'compliance'] as const;
export type InsightSection = (typeof INSIGHT_SECTIONS)[number];

const SHEET_NAMES: Record<InsightSection, string> = {
  byState: 'Kasus per tahap',
  byOrigin: 'Kasus per asal',
  byMonth: 'Kasus per bulan',
  byItem: 'Terlapor per pelanggaran',
  byUnit: 'Terlapor per unit',
  byJabatanClass: 'Terlapor per kelas jabatan',
  byCategory: 'Terlapor per kategori',
  steps: 'Waktu per tahap',
  ppk: 'Tindak lanjut PPK',
  monitoring: 'Pengawasan medsos',
  compliance: 'Kepatuhan ikrar',
};

/** A cell as on screen: the number, "<5", or "×". */
export function cellValue(c: CellT): number | string {
  return c.value ?? (c.suppressed === 'small' ? '<5' : '×');
}

const dropEmpty = (view: CaseInsightsT) => (rows: CaseInsightsT['cases']['byState']) => (view.isSuppressed ? rows : rows.filter((r) => r.cell.value !== 0));

/** Renders the workbook (a few hundred rows at most: built in memory). */
export async function renderCaseInsightsXlsx(view: CaseInsightsT, meta: { instansi: string; eventName: string | null; generatedAt: string }, section?: InsightSection): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Netra';
  const keep = dropEmpty(view);
  const wanted = section ? [section] : INSIGHT_SECTIONS;
  const note = [
    `${meta.instansi} · ${view.filters.unitName}`,
    `Pemilihan: ${meta.eventName ?? 'semua'} · Periode: ${view.filters.from ?? 'awal'} s.d. ${view.filters.to ?? view.today}`,
    `Dibuat ${meta.generatedAt}${view.isSuppressed ? ' · angka di bawah 5 disamarkan ("<5"; "×" disamarkan agar angka <5 tidak dapat dihitung)' : ''}`,
  ];
  const sheet = (s: InsightSection, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(SHEET_NAMES[s]);
    for (const line of note) ws.addRow([line]).font = { italic: true, color: { argb: 'FF555555' } };
    ws.addRow([]);
    const head = ws.addRow(header);
    head.font = { bold: true };
    head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } }));
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 48 : 16));
  };
  const breakdown = (s: InsightSection, label: string, rows: CaseInsightsT['cases']['byState'], total: CellT) =>
    sheet(s, [label, 'Jumlah'], [...keep(rows).map((r) => [r.label, cellValue(r.cell)]), ['Jumlah', cellValue(total)]]);

  for (const s of wanted) {
    if (s === 'byState') breakdown(s, 'Tahap', view.cases.byState, view.cases.total);
    if (s === 'byOrigin') breakdown(s, 'Asal kasus', view.cases.byOrigin, view.cases.total);
    if (s === 'byMonth') breakdown(s, 'Bulan diterima', view.cases.byMonth, view.cases.total);
    if (s === 'byItem') breakdown(s, 'Pelanggaran (katalog)', view.subjects.byItem, view.subjects.total);
    if (s === 'byUnit') breakdown(s, 'Unit', view.subjects.byUnit, view.subjects.total);
    if (s === 'byJabatanClass') breakdown(s, 'Kelas jabatan', view.subjects.byJabatanClass, view.subjects.total);
    if (s === 'byCategory') breakdown(s, 'Kategori pegawai', view.subjects.byCategory, view.subjects.total);
    if (s === 'steps')
      sheet(s, ['Tahap', 'Selesai dilalui', 'Rata-rata hari kalender', 'Rata-rata hari kerja', 'Sedang di tahap ini', 'Terlambat', 'Terlambat terlama (hari kerja)'],
        view.steps.map((t) => [CASE_STATE_LABELS[t.state as CaseState] ?? t.state, t.completed, t.avgCalendarDays, t.avgWorkingDays, cellValue(t.open), cellValue(t.overdue), t.maxOverdueWorkingDays]));
    if (s === 'ppk')
      sheet(s, ['PPK', 'Rekomendasi', 'Diputus', 'Tingkat tindak lanjut', 'Rata-rata hari sampai keputusan'], [
        ['Semua', cellValue(view.ppk.recommended), cellValue(view.ppk.decided), view.ppk.followUpRate === null ? null : Math.round(view.ppk.followUpRate * 1000) / 10 + '%', view.ppk.avgDaysToDecide],
        ...view.ppk.byPpk.map((p) => [p.ppkName, p.recommended, p.decided, p.followUpRate === null ? null : Math.round(p.followUpRate * 1000) / 10 + '%', p.avgDaysToDecide]),
        [],
        ['Menunggu keputusan sekarang', cellValue(view.ppk.waiting), null, null, null],
        ['Rata-rata lama menunggu (hari kerja)', view.ppk.avgWaitingWorkingDays, null, null, null],
      ]);
    if (s === 'monitoring' && view.monitoring) {
      const m = view.monitoring;
      const pct = (v: number | null) => (v === null ? null : `${v}%`);
      const bandLabel = { high: 'Risiko tinggi (≥ 70)', medium: 'Risiko sedang (40–69)', low: 'Risiko rendah (< 40)' } as const;
      sheet(s, ['Kelompok', 'Tangkapan', 'Menunggu telaah', 'Relevan', 'Tidak relevan', 'Tingkat temuan'], [
        ['Semua', m.captured, m.pending, m.relevant, m.notRelevant, pct(m.hitRatePct)],
        ...m.byBand.map((b) => [bandLabel[b.band], b.captured, b.pending, b.relevant, b.notRelevant, pct(b.hitRatePct)]),
        [],
        ['Minggu (Senin)', 'Tangkapan', 'Ditelaah', 'Relevan', null, null],
        ...m.byWeek.map((w) => [w.week, w.captured, w.reviewed, w.relevant, null, null]),
        [],
        ['Kasus dibuka dari tangkapan', m.casesOpened, null, null, null, null],
        ['Umur antrean tertua (hari)', m.oldestPendingDays, null, null, null, null],
      ]);
    }
    if (s === 'compliance')
      sheet(s, ['Kampanye', 'Sasaran', 'Sudah tanda tangan', '% tanda tangan', 'Unit wajib apel', 'Apel dilaporkan', 'Apel diterima', 'Unit terlambat'],
        view.compliance.map((c) => [c.campaignName, c.target, c.signed, c.signedPct, c.apelRequired, c.apelReported, c.apelAccepted, c.overdueUnits]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
