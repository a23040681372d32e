import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: { d: new Date('2026-01-02T03:04:05.678Z'), c: [{ z: 1, y: 2 }] } })).toBe(
      '{"a":{"c":[{"y":2,"z":1}],"d":"2026-01-02T03:04:05.678Z"},"b":1}',
    );
  });
  it('drops undefined and keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});
