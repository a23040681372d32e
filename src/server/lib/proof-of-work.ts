/**
 * Self-hosted proof of work (altcha v2, PBKDF2/SHA-256): abuse control without a third party and
 * without tracking the client. A challenge is HMAC-signed and expires; a solved challenge is
 * accepted once (replays are refused from a short-lived in-memory set, never the database).
 * The widget posts `altcha` = base64(JSON {challenge, solution}).
 */
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHmac } from 'node:crypto';
import type { Config } from '../config.js';
import { AppError } from '../http/app-error.js';

export const POW_ALGORITHM = 'PBKDF2/SHA-256';
const TTL_MS = 10 * 60_000;

export interface ProofOfWork {
  issue(): Promise<Challenge>;
  /** Throws POW_INVALID unless `payload` solves a live challenge of ours not used before. */
  redeem(payload: string | undefined): Promise<void>;
}

/** Decodes the widget payload; null when it is not the expected shape. */
function decode(payload: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { challenge?: Challenge; solution?: Solution };
    if (!parsed.challenge?.parameters || !parsed.solution || typeof parsed.solution.counter !== 'number') return null;
    return { challenge: parsed.challenge, solution: parsed.solution };
  } catch {
    return null;
  }
}

export function createProofOfWork(config: Pick<Config, 'POW_COST' | 'POW_MAX_NUMBER'>, secret: Buffer): ProofOfWork {
  const hmacSignatureSecret = createHmac('sha256', secret).update('altcha-challenge').digest('hex');
  const hmacKeySignatureSecret = createHmac('sha256', secret).update('altcha-key').digest('hex');
  const used = new Map<string, number>(); // challenge signature → expiry (ms)
  const sweep = (now: number) => {
    for (const [k, exp] of used) if (exp < now) used.delete(k);
  };
  return {
    issue: () =>
      createChallenge({
        algorithm: POW_ALGORITHM,
        cost: config.POW_COST,
        counter: randomInt(config.POW_MAX_NUMBER, Math.max(1, Math.floor(config.POW_MAX_NUMBER / 2))),
        deriveKey,
        expiresAt: new Date(Date.now() + TTL_MS),
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      }),
    async redeem(payload) {
      const decoded = payload ? decode(payload) : null;
      if (!decoded) throw new AppError('POW_INVALID', { altcha: 'Jawaban anti-spam tidak ada atau rusak.' });
      const result = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret }).catch(() => null);
      if (!result?.verified) throw new AppError('POW_INVALID', { expired: result?.expired ?? false });
      const now = Date.now();
      sweep(now);
      const id = decoded.challenge.signature ?? decoded.challenge.parameters.nonce;
      if (used.has(id)) throw new AppError('POW_INVALID', { replayed: true });
      used.set(id, (decoded.challenge.parameters.expiresAt ?? now / 1000 + TTL_MS / 1000) * 1000);
    },
  };
}
