/**
 * The case recaps in the Tata Naskah Dinas look: the Bupati's weekly recap and the periodic report
 * for BKN and Bawaslu. Both are drawn from the dashboard's figures (exact counts: only case readers
 * generate them) with bar charts as SVG (pdfmake `svg`, no chart library or browser). A plain
 * function of its input, callable from a route or a job.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CASE_STATE_LABELS, type CaseState } from '../../../shared/case-workflow.js';
import type { CaseInsightsT, CellT } from '../../../shared/contracts/insights.contract.js';
import { letterhead, renderPdf } from '../../lib/pdf.js';
import { barChartSvg } from '../../lib/svg-bar-chart.js';

export interface CaseRecapInput {
  variant: 'bupati_weekly' | 'bkn_bawaslu_periodic';
  instansi: string;
  address: string | null;
  /** City printed before the date of the signature block. */
  place: string;
  /** "24 November 2026". */
  dateText: string;
  generatedAtText: string;
  eventName: string | null;
  /** "17 – 23 November 2026". */
  periodText: string;
  /** Figures from the start of the election to the end of the period. */
  view: CaseInsightsT;
  /** Figures of the period itself (the Bupati recap's "this week"). */
  periodView: CaseInsightsT;
  signerTitle: string;
}

const num = (n: number) => n.toLocaleString('id-ID');
const show = (c: CellT) => (c.value === null ? (c.suppressed === 'small' ? '<5' : '×') : num(c.value));
const pct = (r: number | null) => (r === null ? '-' : `${(Math.round(r * 1000) / 10).toLocaleString('id-ID')}%`);
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, ...extra }) as TableCell;
const heading = (text: string): Content => ({ text, bold: true, fontSize: 11, margin: [0, 8, 0, 6] });
/** A heading kept on the same page as the block that follows it. */
const section = (title: string, first: Content): Content => ({ stack: [heading(title), first], unbreakable: true });
const head = (labels: string[]) => labels.map((h) => cell(h, { bold: true, fillColor: '#e8eef5' }));
const sumCells = (cells: CellT[]) => cells.reduce((s, c) => s + (c.value ?? 0), 0);

function keyFigures(p: CaseRecapInput): Content {
  const v = p.view;
  const overdue = sumCells(v.steps.map((s) => s.overdue));
  const open = sumCells(v.steps.map((s) => s.open));
  const rows: [string, string][] = [
    ['Kasus tercatat', show(v.cases.total)],
    ['Orang terlapor', show(v.subjects.total)],
    [p.variant === 'bupati_weekly' ? 'Kasus baru dalam periode ini' : 'Kasus yang masuk dalam periode ini', show(p.periodView.cases.total)],
    ['Kasus masih berjalan', num(open)],
    ['Tahap yang melewati tenggat', num(overdue)],
    ['Rekomendasi kepada PPK / sudah diputus', `${show(v.ppk.recommended)} / ${show(v.ppk.decided)} (${pct(v.ppk.followUpRate)})`],
    ['Menunggu keputusan PPK', `${show(v.ppk.waiting)}${v.ppk.maxWaitingWorkingDays !== null ? ` (terlama ${num(v.ppk.maxWaitingWorkingDays)} hari kerja)` : ''}`],
  ];
  return { table: { widths: [210, 8, '*'], body: rows.map(([k, val]) => [cell(k), cell(':'), cell(val, { bold: true })]) }, layout: 'noBorders', margin: [0, 0, 0, 6] };
}

function chart(title: string, rows: { label: string; cell: CellT }[], color: string): Content {
  const data = rows.map((r) => ({ label: r.label, value: r.cell.value, valueText: show(r.cell) }));
  if (data.length === 0) return { text: `${title}: belum ada data.`, italics: true, fontSize: 9, margin: [0, 0, 0, 8] };
  return { svg: barChartSvg(data, { width: 483, labelWidth: 190, color, title, fontSize: 8 }), width: 483, margin: [0, 0, 0, 10] };
}

const nonZero = (rows: CaseInsightsT['cases']['byState']) => rows.filter((r) => r.cell.value !== 0);
const top = (rows: CaseInsightsT['cases']['byState'], n: number) => [...nonZero(rows)].sort((a, b) => (b.cell.value ?? 0) - (a.cell.value ?? 0)).slice(0, n);

function stepsTable(v: CaseInsightsT): Content {
  const body = v.steps
    .filter((s) => s.completed > 0 || s.open.value !== 0)
    .map((s) => [
      cell(CASE_STATE_LABELS[s.state as CaseState] ?? s.state),
      cell(s.avgWorkingDays === null ? '-' : s.avgWorkingDays.toLocaleString('id-ID'), { alignment: 'right' }),
      cell(show(s.open), { alignment: 'right' }),
      cell(show(s.overdue), { alignment: 'right', color: s.overdue.value ? '#c62828' : undefined }),
    ]);
  if (body.length === 0) return { text: 'Belum ada kasus.', italics: true, margin: [0, 0, 0, 8] };
  return { table: { headerRows: 1, widths: ['*', 80, 70, 70], body: [head(['Tahap', 'Rata-rata hari kerja', 'Berjalan', 'Terlambat']), ...body] }, fontSize: 8.5, layout: 'lightHorizontalLines', margin: [0, 0, 0, 10] };
}

function ppkTable(v: CaseInsightsT): Content {
  if (v.ppk.byPpk.length === 0) return { text: 'Belum ada rekomendasi kepada PPK.', italics: true, margin: [0, 0, 0, 8] };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 70, 60, 60, 80],
      body: [head(['PPK', 'Rekomendasi', 'Diputus', 'Tindak lanjut', 'Rata-rata hari']), ...v.ppk.byPpk.map((r) => [cell(r.ppkName), cell(num(r.recommended), { alignment: 'right' }), cell(num(r.decided), { alignment: 'right' }), cell(pct(r.followUpRate), { alignment: 'right' }), cell(r.avgDaysToDecide === null ? '-' : r.avgDaysToDecide.toLocaleString('id-ID'), { alignment: 'right' })])],
    },
    fontSize: 8.5,
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  };
}

function complianceTable(v: CaseInsightsT): Content {
  if (v.compliance.length === 0) return { text: 'Tidak ada kampanye ikrar pada pemilihan ini.', italics: true, margin: [0, 0, 0, 8] };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 50, 50, 45, 70, 50],
      body: [
        head(['Kampanye', 'Sasaran', 'TTD', '%', 'Apel lapor/wajib', 'Unit terlambat']),
        ...v.compliance.map((c) => [cell(c.campaignName), cell(num(c.target), { alignment: 'right' }), cell(num(c.signed), { alignment: 'right' }), cell(c.signedPct === null ? '-' : `${c.signedPct.toLocaleString('id-ID')}%`, { alignment: 'right' }), cell(`${num(c.apelReported)}/${num(c.apelRequired)}`, { alignment: 'right' }), cell(num(c.overdueUnits), { alignment: 'right' })]),
      ],
    },
    fontSize: 8.5,
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  };
}

const TITLES = {
  bupati_weekly: 'REKAPITULASI MINGGUAN PENANGANAN PELANGGARAN NETRALITAS ASN',
  bkn_bawaslu_periodic: 'LAPORAN BERKALA PENANGANAN PELANGGARAN NETRALITAS ASN',
} as const;

/** Renders the recap. */
export function renderCaseRecapPdf(p: CaseRecapInput): Promise<Buffer> {
  const v = p.view;
  const addressee = p.variant === 'bupati_weekly' ? 'Kepada Yth. Bupati selaku Pejabat Pembina Kepegawaian' : 'Kepada Yth. Kepala Badan Kepegawaian Negara dan Ketua Badan Pengawas Pemilihan Umum';
  return renderPdf({
    info: { title: `${TITLES[p.variant]} ${p.periodText}`, author: p.instansi, creator: 'Netra' },
    content: [
      ...letterhead(p.instansi, p.address),
      { text: TITLES[p.variant], alignment: 'center', bold: true, fontSize: 12 },
      { text: p.eventName ?? 'Seluruh pemilihan', alignment: 'center', margin: [0, 2, 0, 0] },
      { text: `Periode ${p.periodText}`, alignment: 'center', fontSize: 9.5, margin: [0, 2, 0, 10] },
      { text: addressee, fontSize: 9.5, margin: [0, 0, 0, 8] },
      section('A. Ringkasan', keyFigures(p)),
      section('B. Kasus per Tahap dan Waktu Penanganan', chart('Kasus per tahap', nonZero(v.cases.byState).map((r) => ({ label: CASE_STATE_LABELS[r.key as CaseState] ?? r.label, cell: r.cell })), '#0ca678')),
      stepsTable(v),
      section('C. Terlapor per Jenis Pelanggaran dan Perangkat Daerah', chart('Jenis pelanggaran (10 terbanyak)', top(v.subjects.byItem, 10), '#e8590c')),
      chart('Perangkat daerah (10 terbanyak)', top(v.subjects.byUnit, 10), '#1c7ed6'),
      ...(p.variant === 'bkn_bawaslu_periodic'
        ? [chart('Kelas jabatan', nonZero(v.subjects.byJabatanClass), '#7048e8'), chart('Kategori pegawai', nonZero(v.subjects.byCategory), '#0c8599'), { text: 'Rincian per terlapor (nama, NIP, jabatan, unit, pelanggaran, rekomendasi, keputusan dan pelaksanaan sanksi) terlampir dalam berkas XLSX.', fontSize: 9, italics: true, margin: [0, 0, 0, 8] } as Content]
        : []),
      section('D. Tindak Lanjut Rekomendasi oleh PPK', ppkTable(v)),
      section('E. Kepatuhan Ikrar dan Apel Netralitas', complianceTable(v)),
      // Tata Naskah Dinas: place and date, office, and a blank for the wet signature.
      {
        columns: [
          { width: '*', text: '' },
          { width: 220, stack: [{ text: `${p.place}, ${p.dateText}` }, { text: p.signerTitle, margin: [0, 2, 0, 40] }, { text: '(........................................)' }] },
        ],
        margin: [0, 16, 0, 0],
        unbreakable: true,
      },
    ],
    footer: (current: number, total: number) => ({ margin: [56, 8, 56, 0], fontSize: 7, color: '#666', text: `Dibuat oleh Netra pada ${p.generatedAtText} · hal. ${current}/${total}` }),
  });
}
