import { describe, expect, it } from 'vitest';
import { createReceiptSessions, FailureLimiter, newReceiptKey, newReportNumber, normaliseCode, normaliseNumber } from './receipt.js';

describe('receipt', () => {
  it('draws 100-bit keys and random numbers in readable groups', () => {
    expect(newReceiptKey()).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(Array.from({ length: 200 }, newReportNumber)).size).toBe(200);
  });

  it('accepts what a person types: case, spaces, O for 0 and I/L for 1', () => {
    expect(normaliseCode('ab0c-1ddd')).toBe(normaliseCode('ABOC LDDD'));
    expect(normaliseNumber('lp 7k3q 9xz2')).toBe('LP-7K3Q-9XZ2');
  });

  it('signs sessions statelessly and refuses tampered or expired ones', () => {
    const sessions = createReceiptSessions(Buffer.alloc(32, 1));
    const value = sessions.issue('t', 'r', 1_000);
    expect(sessions.read(value, 2_000)).toMatchObject({ tenantId: 't', reportId: 'r' });
    expect(sessions.read(value.replace(/^./, 'x'), 2_000)).toBeNull();
    expect(sessions.read(value, 1_000 + 31 * 60_000)).toBeNull();
    expect(createReceiptSessions(Buffer.alloc(32, 2)).read(value, 2_000)).toBeNull();
  });

  it('blocks a number after 5 failures and an address after 20', () => {
    const limiter = new FailureLimiter();
    for (let i = 0; i < 5; i++) limiter.recordFailure('1.2.3.4', 'LP-A', 0);
    expect(limiter.isBlocked('9.9.9.9', 'LP-A', 1)).toBe(true);
    expect(limiter.isBlocked('1.2.3.4', 'LP-B', 1)).toBe(false);
    for (let i = 0; i < 15; i++) limiter.recordFailure('1.2.3.4', `LP-${i}`, 0);
    expect(limiter.isBlocked('1.2.3.4', 'LP-NEW', 1)).toBe(true);
    expect(limiter.isBlocked('1.2.3.4', 'LP-NEW', 16 * 60_000)).toBe(false);
  });
});
