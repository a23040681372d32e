/**
 * Cutting a post text into segments for highlighting: each segment carries the reasons that cover it.
 * Overlapping and nested spans are fine; offsets outside the text are clipped, and an offset inside a
 * surrogate pair is moved off it, so an emoji is never split. The segments are rendered as React
 * text (never as HTML), so the post's own markup shows literally.
 */
export interface SpanReason {
  signal: 'partisan' | 'hate' | 'abusive' | 'hoax';
  start: number;
  end: number;
  why: string;
}

export interface Segment<R extends SpanReason = SpanReason> {
  text: string;
  start: number;
  reasons: R[];
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function clip(text: string, offset: number): number {
  const at = Math.max(0, Math.min(text.length, Math.trunc(offset)));
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

export function segmentText<R extends SpanReason>(text: string, reasons: readonly R[]): Segment<R>[] {
  const spans = reasons.map((r) => ({ r, start: clip(text, r.start), end: clip(text, r.end) })).filter((s) => s.end > s.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment<R>[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.r);
    const previous = out.at(-1);
    // Neighbours covered by the same reasons stay one segment.
    if (previous && previous.reasons.length === covering.length && previous.reasons.every((r, j) => r === covering[j])) previous.text += text.slice(start, end);
    else out.push({ text: text.slice(start, end), start, reasons: covering });
  }
  return out;
}

/** The strongest signal of a segment decides its colour: hoax, hate, abusive, then partisan. */
export function leadingSignal(reasons: readonly SpanReason[]): SpanReason['signal'] | null {
  for (const s of ['hoax', 'hate', 'abusive', 'partisan'] as const) if (reasons.some((r) => r.signal === s)) return s;
  return null;
}
