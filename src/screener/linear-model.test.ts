import { describe, expect, it } from 'vitest';
import { bestThreshold, macroF1 } from './linear-model.js';

describe('bestThreshold', () => {
  it('finds the macro-F1-maximising cut between decision values', () => {
    const y = [0, 0, 0, 1, 0, 1, 1, 1];
    const z = [-2, -1, -0.5, -0.4, 0.3, 0.5, 1, 2];
    const best = bestThreshold(y, z);
    // Cuts at −0.45 and 0.4 tie (macro-F1 0.873); the one nearer 0 wins.
    expect(best.threshold).toBeCloseTo(0.4, 10);
    expect(best.macroF1).toBeCloseTo(macroF1(y, z.map((v) => (v > best.threshold ? 1 : 0))), 12);
    expect(best.macroF1).toBeGreaterThan(macroF1(y, z.map((v) => (v > 0 ? 1 : 0))));
  });

  it('keeps 0 when no cut does better, and never splits tied values', () => {
    expect(bestThreshold([0, 1], [-1, 1]).threshold).toBe(0);
    const t = bestThreshold([0, 1, 0, 1], [0.2, 0.2, 0.2, 0.2]).threshold;
    expect(t).toBe(0);
  });
});
