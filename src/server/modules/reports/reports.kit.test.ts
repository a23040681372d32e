import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './reports.kit.js';

describe('limitConcurrency (receipt-key hashes one at a time per half core)', () => {
  it('runs at most `limit` at once, in arrival order, and passes results and failures through', async () => {
    let active = 0;
    let peak = 0;
    const order: string[] = [];
    const slow = async (tag: string) => {
      active++;
      peak = Math.max(peak, active);
      order.push(tag);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (tag === 'bad') throw new Error('boom');
      return `h:${tag}`;
    };
    const limited = limitConcurrency({ hash: slow, verify: async (stored, pw) => (await slow(pw)) === stored }, 1);
    const results = await Promise.allSettled([limited.hash('a'), limited.hash('bad'), limited.hash('c'), limited.verify('h:d', 'd')]);
    expect(peak).toBe(1);
    expect(order).toEqual(['a', 'bad', 'c', 'd']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(['h:a', 'rejected', 'h:c', true]);
  });
});
