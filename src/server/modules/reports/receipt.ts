/**
 * The reporter's receipt: a random report number, a 100-bit key shown once, a stateless receipt
 * session and the in-memory limiter for wrong keys. Nothing about a receipt login is stored.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../../lib/tokens.js';

/** Crockford base32: no I, L, O or U, so a key read aloud or retyped is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  return [...randomBytes(length)].map((b) => ALPHABET[b & 31]).join('');
}

const group = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** LP-XXXX-XXXX: 40 random bits, unique per tenant (retried on collision), never sequential. */
export const newReportNumber = () => `LP-${group(randomCode(8))}`;

/** 20 characters = 100 bits, grouped XXXX-XXXX-XXXX-XXXX-XXXX. */
export const newReceiptKey = () => group(randomCode(20));

/** Canonical form of a typed key or number: upper case, no separators, O→0 and I/L→1 as Crockford says. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The report number as stored, from whatever the reporter typed ("lp 7k3q 9xz2" works). */
export function normaliseNumber(input: string): string {
  const bare = normaliseCode(input).replace(/^1P/, 'LP').replace(/^LP/, '');
  return `LP-${group(bare)}`;
}

/** Where the web app shows the receipt portal (used in the receipt PDF and in notice e-mails). */
export const receiptPortalUrl = (publicUrl: string) => `${publicUrl}/lapor/cek`;

export const RECEIPT_COOKIE = 'netra_receipt';
export const RECEIPT_SESSION_MINUTES = 30;

export interface ReceiptSession {
  tenantId: string;
  reportId: string;
  exp: number;
}

/** HMAC-signed cookie value carrying {tenantId, reportId, exp}; the server keeps no session row. */
export function createReceiptSessions(secret: Buffer) {
  const key = createHmac('sha256', secret).update('receipt-session').digest();
  const mac = (data: string) => createHmac('sha256', key).update(data).digest('base64url');
  return {
    issue(tenantId: string, reportId: string, now = Date.now()): string {
      const data = Buffer.from(JSON.stringify({ tenantId, reportId, exp: now + RECEIPT_SESSION_MINUTES * 60_000 })).toString('base64url');
      return `${data}.${mac(data)}`;
    },
    read(value: string | undefined, now = Date.now()): ReceiptSession | null {
      if (!value) return null;
      const [data, sig] = value.split('.');
      if (!data || !sig || !safeEqual(sig, mac(data))) return null;
      try {
        const session = JSON.parse(Buffer.from(data, 'base64url').toString()) as ReceiptSession;
        return session.exp > now ? session : null;
      } catch {
        return null;
      }
    },
  };
}
export type ReceiptSessions = ReturnType<typeof createReceiptSessions>;

/**
 * Wrong-key limiter, in memory only: per client address (kept as a salted hash, so not even a heap
 * dump shows the address) and per report number. A restart forgets it; the proof of work and the
 * 100-bit key make guessing hopeless anyway, this only stops an online grind early.
 */
export class FailureLimiter {
  private readonly salt = randomBytes(16);
  private readonly failures = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly maxPerAddress = 20,
    private readonly maxPerNumber = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private key(kind: string, value: string) {
    return `${kind}:${createHash('sha256').update(this.salt).update(value).digest('base64url')}`;
  }

  private over(key: string, max: number, now: number) {
    const entry = this.failures.get(key);
    return entry !== undefined && entry.resetAt > now && entry.count >= max;
  }

  /** True when either the address or the number has used up its failures. */
  isBlocked(address: string, number: string, now = Date.now()): boolean {
    return this.over(this.key('ip', address), this.maxPerAddress, now) || this.over(this.key('no', number), this.maxPerNumber, now);
  }

  recordFailure(address: string, number: string, now = Date.now()): void {
    if (this.failures.size > 100_000) this.failures.clear(); // bounded memory under a flood
    for (const key of [this.key('ip', address), this.key('no', number)]) {
      const entry = this.failures.get(key);
      if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
      else entry.count++;
    }
  }
}
