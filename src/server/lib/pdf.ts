/**
 * pdfmake on the server: Roboto from the package, no network or disk access beyond the fonts, and
 * the Tata Naskah Dinas look shared by every official document (kop, double rule, A4 margins).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const fontsDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.addFonts({
    Roboto: {
      normal: join(fontsDir, 'Roboto-Regular.ttf'),
      bold: join(fontsDir, 'Roboto-Medium.ttf'),
      italics: join(fontsDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontsDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  configured = true;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return (await pdfmake.createPdf({ pageSize: 'A4', pageMargins: [56, 48, 56, 56], defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 }, ...doc }).getBuffer()) as Buffer;
}

/** Kop surat: the Pemda's name and address over a double rule. */
export function letterhead(instansi: string, address: string | null, unitName?: string): Content[] {
  return [
    { text: instansi.toUpperCase(), alignment: 'center', bold: true, fontSize: 14 },
    ...(unitName ? [{ text: unitName.toUpperCase(), alignment: 'center' as const, bold: true, fontSize: 12 }] : []),
    ...(address ? [{ text: address, alignment: 'center' as const, fontSize: 9 }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 483, y2: 4, lineWidth: 2 }, { type: 'line', x1: 0, y1: 7, x2: 483, y2: 7, lineWidth: 0.5 }], margin: [0, 0, 0, 14] },
  ];
}
