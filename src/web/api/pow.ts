/**
 * Proof of work for the public report form and the receipt login: fetch a challenge from our own
 * server (GET /api/public/pow), solve it in Web Workers, and encode the payload the server redeems
 * (`altcha` = base64(JSON {challenge, solution})). No third-party request is ever made.
 */
import type { Challenge } from 'altcha-lib/types';
import { api, ApiError } from './client';
import type { PowChallengeT } from './types';
import i18n from '../i18n';

/** A challenge lives 10 minutes on the server; re-solve well before. */
const MAX_AGE_MS = 7 * 60_000;

async function solve(signal?: AbortSignal): Promise<string> {
  const challenge = (await api<PowChallengeT>('/api/public/pow', { signal })) as unknown as Challenge;
  const { solveChallengeWorkers } = await import('altcha-lib');
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort());
  const solution = await solveChallengeWorkers({
    challenge,
    concurrency: Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
    controller,
    createWorker: () => new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' }),
  });
  if (!solution) throw new ApiError(0, 'POW_FAILED', i18n.t('reports.pow.failed'));
  return btoa(JSON.stringify({ challenge, solution }));
}

/**
 * Solves ahead of time (`prepare`) so the submit feels instant, and hands each solution out once
 * (`take`): the server refuses a replayed challenge.
 */
export function createPowSolver() {
  let pending: { promise: Promise<string>; at: number } | null = null;
  const start = () => {
    const entry = { promise: solve(), at: Date.now() };
    entry.promise.catch(() => {
      if (pending === entry) pending = null;
    });
    pending = entry;
    return entry;
  };
  return {
    prepare(): void {
      if (!pending || Date.now() - pending.at > MAX_AGE_MS) start();
    },
    async take(): Promise<string> {
      const entry = pending && Date.now() - pending.at <= MAX_AGE_MS ? pending : start();
      pending = null;
      return entry.promise;
    },
  };
}
