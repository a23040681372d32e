/** The berita acara pelaksanaan apel (Tata Naskah Dinas look) with the daftar hadir as its annex. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/contracts/apel.contract.js';
import { formatIsoDateId } from '../../lib/dates.js';
import { letterhead, renderPdf } from '../../lib/pdf.js';

export interface BeritaAcaraInput {
  instansi: string;
  address: string | null;
  unitName: string;
  eventName: string;
  number: string;
  heldOn: string;
  place: string;
  leaderName: string;
  readerName: string;
  witnesses: string[];
  notes: string | null;
  /** City printed above the signature (the campaign's place of signing). */
  signingPlace: string;
  /** Date of the document, e.g. "24 November 2026". */
  dateText: string;
  attendance: { name: string; idNumber: string | null; jabatanName: string | null; status: AttendanceStatus }[];
}

const dayName = (iso: string) => new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

function countsOf(attendance: BeritaAcaraInput['attendance']): Record<AttendanceStatus, number> {
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
  for (const a of attendance) counts[a.status]++;
  return counts;
}

function summaryRows(p: BeritaAcaraInput): TableCell[][] {
  const counts = countsOf(p.attendance);
  const absent = p.attendance.length - counts.hadir;
  const reasons = ATTENDANCE_STATUSES.filter((s) => s !== 'hadir').map((s) => `${ATTENDANCE_LABELS[s].toLowerCase()} ${counts[s]}`).join(', ');
  const rows: [string, string][] = [
    ['Pimpinan apel', p.leaderName],
    ['Pembaca ikrar', p.readerName],
    ['Saksi', p.witnesses.length ? p.witnesses.join('; ') : '-'],
    ['Jumlah pegawai', `${p.attendance.length} orang`],
    ['Hadir', `${counts.hadir} orang`],
    ['Tidak hadir', `${absent} orang (${reasons})`],
  ];
  return rows.map(([label, value]) => [{ text: label }, { text: ':' }, { text: value }]);
}

function signatureBlocks(p: BeritaAcaraInput): Content {
  const witnessStack: Content[] = p.witnesses.length
    ? [{ text: 'Saksi-saksi:', margin: [0, 0, 0, 6] }, ...p.witnesses.map((w, i) => ({ columns: [{ width: 14, text: `${i + 1}.` }, { width: '*', text: w }, { width: 90, text: '(.....................)', alignment: 'right' as const }], margin: [0, 0, 0, 14] as [number, number, number, number] }))]
    : [];
  return {
    columns: [
      { width: '*', stack: witnessStack },
      { width: 20, text: '' },
      {
        width: 200,
        stack: [
          { text: `${p.signingPlace}, ${p.dateText}` },
          { text: 'Pimpinan Apel,', margin: [0, 0, 0, 48] },
          { text: p.leaderName, bold: true, decoration: 'underline' },
        ],
      },
    ],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
}

function attendanceTable(p: BeritaAcaraInput): Content {
  const header: TableCell[] = ['No', 'Nama', 'NIP', 'Jabatan', 'Keterangan'].map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const body: TableCell[][] = p.attendance.map((a, i) => [
    { text: String(i + 1), alignment: 'right' },
    { text: a.name },
    { text: a.idNumber ?? '-', noWrap: true },
    { text: a.jabatanName ?? '-' },
    { text: ATTENDANCE_LABELS[a.status] },
  ]);
  return { table: { headerRows: 1, dontBreakRows: true, widths: [20, '*', 104, 110, 78], body: [header, ...body] }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 }, fontSize: 8.5 };
}

/** Renders the berita acara: the statement, the counts, signature blocks, then the daftar hadir annex. */
export function renderBeritaAcaraPdf(p: BeritaAcaraInput): Promise<Buffer> {
  const opening = `Pada hari ini ${dayName(p.heldOn)}, tanggal ${formatIsoDateId(p.heldOn)}, bertempat di ${p.place}, telah dilaksanakan apel pengucapan ikrar netralitas Aparatur Sipil Negara dalam rangka ${p.eventName} di lingkungan ${p.unitName}, dengan keterangan sebagai berikut:`;
  return renderPdf({
    info: { title: `Berita Acara ${p.number}`, author: p.instansi, subject: p.eventName, creator: 'Netra' },
    content: [
      ...letterhead(p.instansi, p.address, p.unitName),
      { text: 'BERITA ACARA PELAKSANAAN APEL', alignment: 'center', bold: true, fontSize: 12 },
      { text: 'PENGUCAPAN IKRAR NETRALITAS APARATUR SIPIL NEGARA', alignment: 'center', bold: true, fontSize: 12 },
      { text: `Nomor: ${p.number}`, alignment: 'center', margin: [0, 2, 0, 14] },
      { text: opening, alignment: 'justify', margin: [0, 0, 0, 8] },
      { table: { widths: [110, 8, '*'], body: summaryRows(p) }, layout: 'noBorders', margin: [12, 0, 0, 8] },
      ...(p.notes ? [{ text: [{ text: 'Catatan: ', bold: true }, p.notes], alignment: 'justify' as const, margin: [0, 0, 0, 8] as [number, number, number, number] }] : []),
      { text: 'Daftar hadir pegawai terlampir dan merupakan bagian yang tidak terpisahkan dari berita acara ini.', alignment: 'justify', margin: [0, 0, 0, 4] },
      { text: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.', alignment: 'justify' },
      signatureBlocks(p),
      { text: 'LAMPIRAN', bold: true, pageBreak: 'before' },
      { text: `Berita Acara Nomor ${p.number}`, margin: [0, 0, 0, 2] },
      { text: `DAFTAR HADIR APEL IKRAR NETRALITAS ASN — ${p.unitName.toUpperCase()}`, alignment: 'center', bold: true, margin: [0, 8, 0, 8] },
      attendanceTable(p),
    ],
    footer: (current: number, total: number) => ({ margin: [56, 8, 56, 0], fontSize: 7, color: '#666', columns: [{ text: `Berita acara ${p.number} · dibuat dengan Netra` }, { text: `hal. ${current}/${total}`, alignment: 'right' }] }),
  });
}
