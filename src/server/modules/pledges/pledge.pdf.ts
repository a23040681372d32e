/** The signed pledge as a PDF in the Tata Naskah Dinas look, with a QR code to the verification page. */
import type { Content } from 'pdfmake/interfaces';
import { letterhead, renderPdf } from '../../lib/pdf.js';
import { fillTemplate, IDENTITY_LABELS, type TextContext } from './pledge-text.js';

export interface PledgePdfInput {
  instansi: string;
  address: string | null;
  context: TextContext;
  ikrar: { title: string; body: string; version: number };
  pakta: { title: string; body: string; version: number };
  identity: Record<string, string>;
  place: string;
  dateText: string;
  signedAtText: string;
  typedName: string;
  drawnSignature: string | null;
  method: 'online' | 'paper';
  textSha256: string;
  signatureId: string;
  keyId: string;
  verifyUrl: string;
}

function paragraphs(body: string): Content[] {
  return body.split('\n').map((line) => {
    const item = line.match(/^(\d+\.|-)\s+(.*)$/);
    if (item) return { columns: [{ width: 18, text: item[1] === '-' ? '•' : item[1]! }, { width: '*', text: item[2]!, alignment: 'justify' as const }], margin: [12, 0, 0, 2] as [number, number, number, number] };
    return { text: line, alignment: 'justify' as const, margin: [0, 0, 0, 4] as [number, number, number, number] };
  });
}

export function renderPledgePdf(p: PledgePdfInput): Promise<Buffer> {
  const identityRows = IDENTITY_LABELS.map(([key, label]) => [{ text: label }, { text: ':' }, { text: p.identity[key] ?? '-' }]);
  const signatureBlock: Content[] = [
    { text: `${p.place}, ${p.dateText}`, margin: [0, 0, 0, 4] },
    { text: 'Yang membuat pernyataan,', margin: [0, 0, 0, 4] },
    p.drawnSignature ? { image: p.drawnSignature, fit: [150, 60] } : { text: p.method === 'paper' ? '(ditandatangani di atas kertas)' : '(ditandatangani secara elektronik)', italics: true, color: '#555', margin: [0, 14, 0, 14] },
    { text: p.typedName, bold: true, decoration: 'underline' },
    { text: `${p.identity.labelNomor ?? 'NIP'}. ${p.identity.nomorIdentitas ?? '-'}` },
  ];
  return renderPdf({
    pageMargins: [56, 40, 56, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    info: { title: `${p.pakta.title} — ${p.identity.nama ?? ''}`, author: p.instansi, subject: p.context.pemilihan, creator: 'Netra' },
    content: [
      ...letterhead(p.instansi, p.address),
      { text: p.ikrar.title, alignment: 'center', bold: true, fontSize: 12, margin: [0, 0, 0, 8] },
      ...paragraphs(fillTemplate(p.ikrar.body, p.context)),
      { text: p.pakta.title, alignment: 'center', bold: true, fontSize: 12, margin: [0, 12, 0, 8] },
      { text: 'Yang bertanda tangan di bawah ini:', margin: [0, 0, 0, 4] },
      { table: { widths: [110, 8, '*'], body: identityRows }, layout: 'noBorders', margin: [12, 0, 0, 8] },
      ...paragraphs(fillTemplate(p.pakta.body, p.context)),
      {
        columns: [
          { width: '*', stack: [{ qr: p.verifyUrl, fit: 92 }, { text: 'Pindai untuk memeriksa keaslian', fontSize: 7.5, color: '#555', margin: [0, 4, 0, 0] }] },
          { width: 220, stack: signatureBlock },
        ],
        margin: [0, 10, 0, 0],
        unbreakable: true,
      },
    ],
    footer: (current: number, total: number) => ({
      margin: [56, 8, 56, 0],
      fontSize: 7,
      color: '#666',
      text: `Ikrar v${p.ikrar.version} · Pakta v${p.pakta.version} · ditandatangani ${p.signedAtText} · SHA-256 teks ${p.textSha256} · kunci ${p.keyId} · ${p.verifyUrl} · hal. ${current}/${total}`,
    }),
  });
}
