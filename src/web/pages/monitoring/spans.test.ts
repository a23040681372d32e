import { describe, expect, it } from 'vitest';
import { leadingSignal, segmentText, type SpanReason } from './spans';

const r = (start: number, end: number, signal: SpanReason['signal'] = 'partisan'): SpanReason => ({ start, end, signal, why: `${start}-${end}` });

describe('segmentText', () => {
  it('cuts the text at span edges and keeps every character once', () => {
    const text = 'Ayo coblos nomor 2 sekarang';
    const segs = segmentText(text, [r(4, 18), r(11, 18, 'hoax')]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => [s.text, s.reasons.length])).toEqual([['Ayo ', 0], ['coblos ', 1], ['nomor 2', 2], [' sekarang', 0]]);
    expect(leadingSignal(segs[2]!.reasons)).toBe('hoax');
  });

  it('clips offsets outside the text and never splits an emoji', () => {
    const text = 'ok ✌️👍 ya';
    const thumbs = text.indexOf('👍');
    const segs = segmentText(text, [r(thumbs + 1, 99), r(-5, 0), r(3, 3)]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.reasons.length)?.text).toBe('👍 ya');
  });

  it('returns one plain segment without reasons, and markup stays text', () => {
    expect(segmentText('<b>halo</b>', [])).toEqual([{ text: '<b>halo</b>', start: 0, reasons: [] }]);
  });
});
