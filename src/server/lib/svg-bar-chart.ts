/**
 * A horizontal bar chart as an SVG string, for pdfmake's `svg` node: official recaps carry their
 * charts without a chart library or a browser. Pure; text is escaped.
 */

export interface BarDatum {
  label: string;
  /** Null draws no bar and prints `valueText` (e.g. "<5"). */
  value: number | null;
  /** What to print after the bar; default the value. */
  valueText?: string;
}

export interface BarChartOptions {
  width?: number;
  rowHeight?: number;
  labelWidth?: number;
  color?: string;
  fontSize?: number;
  /** Printed above the bars. */
  title?: string;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Cuts a label to fit roughly `width` points at `fontSize` (average Roboto glyph ≈ 0.56 em). */
function fit(label: string, width: number, fontSize: number): string {
  const max = Math.max(4, Math.floor(width / (fontSize * 0.56)));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function barChartSvg(data: readonly BarDatum[], options: BarChartOptions = {}): string {
  const { width = 480, rowHeight = 18, labelWidth = 170, color = '#0ca678', fontSize = 8 } = options;
  const top = options.title ? fontSize * 2 : 4;
  const valueWidth = 44;
  const barArea = width - labelWidth - valueWidth - 8;
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const height = top + data.length * rowHeight + 4;
  const rows = data.map((d, i) => {
    const y = top + i * rowHeight;
    const w = d.value === null ? 0 : Math.max(d.value > 0 ? 1 : 0, (d.value / max) * barArea);
    const text = d.valueText ?? (d.value === null ? '' : d.value.toLocaleString('id-ID'));
    return [
      `<text x="${labelWidth - 6}" y="${y + rowHeight * 0.68}" font-size="${fontSize}" text-anchor="end" fill="#333333">${escapeXml(fit(d.label, labelWidth - 8, fontSize))}</text>`,
      `<rect x="${labelWidth}" y="${y + rowHeight * 0.18}" width="${barArea}" height="${rowHeight * 0.64}" fill="#eeeeee"/>`,
      w > 0 ? `<rect x="${labelWidth}" y="${y + rowHeight * 0.18}" width="${w.toFixed(1)}" height="${rowHeight * 0.64}" fill="${color}"/>` : '',
      `<text x="${labelWidth + barArea + 6}" y="${y + rowHeight * 0.68}" font-size="${fontSize}" fill="#333333">${escapeXml(text)}</text>`,
    ].join('');
  });
  const title = options.title ? `<text x="0" y="${fontSize * 1.2}" font-size="${fontSize + 1}" font-weight="bold" fill="#222222">${escapeXml(options.title)}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Roboto">${title}${rows.join('')}</svg>`;
}
