import { describe, expect, it } from 'vitest';
import { barChartSvg } from './svg-bar-chart.js';

describe('barChartSvg', () => {
  it('draws one bar per value, scaled to the largest, and prints suppressed values without a bar', () => {
    const svg = barChartSvg([{ label: 'Verifikasi', value: 10 }, { label: 'Klarifikasi', value: 5 }, { label: 'Pemeriksaan', value: null, valueText: '<5' }], { width: 400, labelWidth: 100 });
    const bars = [...svg.matchAll(/<rect x="100" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="#0ca678"\/>/g)].map((m) => Number(m[1]));
    expect(bars).toEqual([248, 124]); // bar area = 400 − 100 − 44 − 8
    expect(svg).toContain('&lt;5');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('escapes labels and cuts long ones', () => {
    const svg = barChartSvg([{ label: 'A & B <script>', value: 1 }, { label: 'x'.repeat(200), value: 2 }], { labelWidth: 80, fontSize: 8 });
    expect(svg).toContain('A &amp; B &lt;script&gt;');
    expect(svg).not.toContain('x'.repeat(20));
    expect(svg).toContain('…');
  });
});
