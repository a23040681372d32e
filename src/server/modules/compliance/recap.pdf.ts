/**
 * The recap for the Bupati: one page-set in the Tata Naskah Dinas look with the totals, a table per
 * OPD, a bar chart of % signed (pdfmake canvas rectangles, no chart library or browser) and the list
 * of late units. A plain function of its input, callable from a route or a job.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ComplianceUnitView } from '../../../shared/contracts/compliance.contract.js';
import { letterhead, renderPdf } from '../../lib/pdf.js';
import { APEL_STATUS_LABEL, overdueReason } from './compliance.labels.js';

export interface RecapInput {
  instansi: string;
  address: string | null;
  campaignName: string;
  eventName: string;
  /** "24 November 2026" in the tenant's zone. */
  dateText: string;
  /** City of the campaign, printed before the date of the signature block. */
  place: string;
  generatedAtText: string;
  signDeadlineText: string;
  apelDeadlineText: string | null;
  /** The compliance tree in display order (depth 0 = the top of the recap). */
  units: ComplianceUnitView[];
}

const BAR_WIDTH = 250;
const pctText = (p: number | null) => (p === null ? '-' : `${p.toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
const num = (n: number) => n.toLocaleString('id-ID');
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, ...extra }) as TableCell;

/** Green from 90 %, amber from 50 %, red below: the thresholds BKPSDM reads at a glance. */
function barColor(p: number | null): string {
  if (p === null) return '#bbbbbb';
  return p >= 90 ? '#2e7d32' : p >= 50 ? '#f9a825' : '#c62828';
}

function bar(p: number | null): Content {
  const filled = Math.max(0, Math.min(1, (p ?? 0) / 100)) * BAR_WIDTH;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 1, w: BAR_WIDTH, h: 9, color: '#eeeeee' },
      ...(filled > 0 ? [{ type: 'rect' as const, x: 0, y: 1, w: filled, h: 9, color: barColor(p) }] : []),
    ],
  };
}

function totalsBlock(top: ComplianceUnitView[]): Content {
  const sum = (f: (u: ComplianceUnitView) => number) => top.reduce((s, u) => s + f(u), 0);
  const target = sum((u) => u.targetSubtree);
  const signed = sum((u) => u.signedSubtree);
  const rows: [string, string][] = [
    ['Pegawai sasaran', num(target)],
    ['Sudah menandatangani', `${num(signed)} (${pctText(target ? Math.round((signed * 1000) / target) / 10 : null)})`],
    ['Belum menandatangani', num(target - signed)],
    ['Unit wajib apel', num(sum((u) => u.rollup.apelRequired))],
    ['Laporan apel disampaikan', num(sum((u) => u.rollup.apelReported))],
    ['Laporan apel diterima', num(sum((u) => u.rollup.apelAccepted))],
    ['Unit terlambat', num(sum((u) => u.rollup.overdue))],
  ];
  return { table: { widths: [170, 8, '*'], body: rows.map(([k, v]) => [cell(k), cell(':'), cell(v, { bold: true })]) }, layout: 'noBorders', margin: [0, 0, 0, 10] };
}

function opdTable(opds: ComplianceUnitView[]): Content {
  const head = ['No', 'Perangkat Daerah / Unit', 'Sasaran', 'TTD', '%', 'Apel unit', 'Rekap apel (unit dan bawahannya)'].map((h) => cell(h, { bold: true, fillColor: '#e8eef5', alignment: 'center' }));
  const body = opds.map((u, i) => [
    cell(String(i + 1), { alignment: 'right' }),
    cell(u.name),
    cell(num(u.targetSubtree), { alignment: 'right' }),
    cell(num(u.signedSubtree), { alignment: 'right' }),
    cell(pctText(u.signedPct), { alignment: 'right' }),
    cell(u.apelRequired ? APEL_STATUS_LABEL[u.apelStatus] : '-', { color: u.apelOverdue ? '#c62828' : undefined }),
    cell(u.rollup.apelRequired ? `${u.rollup.apelReported}/${u.rollup.apelRequired} lapor, ${u.rollup.apelAccepted} diterima` : '-'),
  ]);
  return { table: { headerRows: 1, widths: [16, '*', 40, 32, 36, 72, 84], body: [head, ...body] }, fontSize: 8.5, layout: 'lightHorizontalLines', margin: [0, 0, 0, 12] };
}

function chart(opds: ComplianceUnitView[]): Content {
  return {
    table: {
      widths: [170, BAR_WIDTH, '*'],
      body: opds.map((u) => [cell(u.name, { fontSize: 7.5, noWrap: false }), bar(u.signedPct) as TableCell, cell(pctText(u.signedPct), { fontSize: 7.5 })]),
    },
    layout: { defaultBorder: false, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [0, 0, 0, 12],
  };
}

function overdueList(units: ComplianceUnitView[]): Content {
  const late = units.filter((u) => u.overdue);
  if (late.length === 0) return { text: 'Tidak ada unit yang terlambat.', italics: true, margin: [0, 0, 0, 10] };
  return {
    table: {
      headerRows: 1,
      widths: [16, '*', 80, 80, 40],
      body: [
        ['No', 'Unit', 'Terlambat pada', 'Status apel', '% TTD'].map((h) => cell(h, { bold: true, fillColor: '#fbe9e7' })),
        ...late.map((u, i) => [cell(String(i + 1)), cell(u.name), cell(overdueReason(u)), cell(u.apelRequired ? APEL_STATUS_LABEL[u.apelStatus] : '-'), cell(pctText(u.signedPct), { alignment: 'right' })]),
      ],
    },
    fontSize: 8.5,
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  };
}

const heading = (text: string): Content => ({ text, bold: true, fontSize: 11, margin: [0, 6, 0, 6] });

/** Renders the recap. OPD rows are the units one level below the top of the tree shown. */
export function renderRecapPdf(p: RecapInput): Promise<Buffer> {
  const top = p.units.filter((u) => u.depth === 0);
  const opds = p.units.filter((u) => u.depth === 1);
  return renderPdf({
    info: { title: `Rekapitulasi ${p.campaignName}`, author: p.instansi, creator: 'Netra' },
    content: [
      ...letterhead(p.instansi, p.address),
      { text: 'REKAPITULASI PELAKSANAAN IKRAR NETRALITAS ASN DAN PAKTA INTEGRITAS', alignment: 'center', bold: true, fontSize: 12 },
      { text: p.campaignName, alignment: 'center', margin: [0, 2, 0, 0] },
      { text: `${p.eventName} — keadaan per ${p.dateText}`, alignment: 'center', fontSize: 9.5, margin: [0, 2, 0, 12] },
      { text: `Batas penandatanganan: ${p.signDeadlineText}${p.apelDeadlineText ? ` · Batas laporan apel: ${p.apelDeadlineText}` : ''}`, fontSize: 9, margin: [0, 0, 0, 8] },
      heading('A. Ringkasan'),
      totalsBlock(top),
      heading('B. Rincian per Perangkat Daerah'),
      opdTable(opds),
      heading('C. Persentase Penandatanganan per Perangkat Daerah'),
      chart(opds),
      heading('D. Unit yang Terlambat'),
      overdueList(p.units),
      // Tata Naskah Dinas: place and date, office and a blank for the wet signature of the head of BKPSDM.
      {
        columns: [
          { width: '*', text: '' },
          { width: 220, stack: [{ text: `${p.place}, ${p.dateText}` }, { text: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', margin: [0, 2, 0, 40] }, { text: '(........................................)' }] },
        ],
        margin: [0, 16, 0, 0],
        unbreakable: true,
      },
    ],
    footer: (current: number, total: number) => ({ margin: [56, 8, 56, 0], fontSize: 7, color: '#666', text: `Dibuat oleh Netra pada ${p.generatedAtText} · hal. ${current}/${total}` }),
  });
}
