/** The receipt as a PDF the reporter keeps: number, key, how to use them. Rendered on request, never stored. */
import { formatIsoDateId } from '../../lib/dates.js';
import { letterhead, renderPdf } from '../../lib/pdf.js';

export interface ReceiptPdfInput {
  instansi: string;
  address: string | null;
  number: string;
  key: string;
  receivedOn: string;
  portalUrl: string;
}

export function renderReceiptPdf(p: ReceiptPdfInput): Promise<Buffer> {
  return renderPdf({
    info: { title: `Tanda terima ${p.number}`, author: p.instansi },
    content: [
      ...letterhead(p.instansi, p.address, 'Satuan Tugas Netralitas ASN'),
      { text: 'TANDA TERIMA LAPORAN', alignment: 'center', bold: true, fontSize: 13, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [150, '*'],
          body: [
            ['Nomor laporan', { text: p.number, bold: true, fontSize: 14 }],
            ['Kunci tanda terima', { text: p.key, bold: true, fontSize: 14, characterSpacing: 1 }],
            ['Tanggal diterima', formatIsoDateId(p.receivedOn)],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 12],
      },
      { text: 'Simpan dokumen ini di tempat yang aman.', bold: true },
      {
        ul: [
          `Dengan nomor laporan dan kunci di atas Anda dapat melihat status laporan, membaca pesan dari Satgas, menjawab, dan menambah bukti di ${p.portalUrl}.`,
          'Kunci hanya ditampilkan satu kali dan tidak dapat dipulihkan: Netra hanya menyimpan sidik kriptografisnya.',
          'Jangan bagikan kunci kepada siapa pun. Petugas tidak akan pernah menanyakannya.',
        ],
        margin: [0, 6, 0, 0],
      },
    ],
  });
}
