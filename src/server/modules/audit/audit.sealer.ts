/**
 * The sealer chains committed audit entries. Writers insert their entry unsealed inside their own
 * transaction (no lock, so a signing surge does not queue on one row); the sealer, under a
 * per-tenant lock that only sealers take, gives each waiting entry the next `seq`, the previous
 * hash and its own hash. The chain's order is the order of sealing: an entry whose transaction
 * commits late is sealed in a later batch. Until sealed (normally well under a second) an entry
 * is protected by the database trigger only; docs/SECURITY.md states this window.
 */
import type { Db } from '../../db/client.js';
import { findLastSealed, listTenantsWithUnsealed, listUnsealed, lockChainForSealing, sealEntries, type SealedLink } from './audit.repository.js';
import { GENESIS_HASH, hashAuditEntry } from './audit.hash.js';

const BATCH = 500;

/**
 * Seals every committed, unsealed entry of one tenant; returns how many. With `wait: false` it
 * returns 0 at once if another sealer (another process) is at work on the tenant.
 */
export async function sealAuditChain(db: Db, tenantId: string, opts: { wait: boolean }): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (!(await lockChainForSealing(tx, tenantId, opts.wait))) return 0;
      const waiting = await listUnsealed(tx, tenantId, BATCH);
      if (waiting.length === 0) return 0;
      const last = await findLastSealed(tx, tenantId);
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const links: SealedLink[] = [];
      for (const row of waiting) {
        seq++;
        const hash = hashAuditEntry({ ...row, seq, prevHash });
        links.push({ id: row.id, seq, prevHash, hash });
        prevHash = hash;
      }
      await sealEntries(tx, tenantId, links);
      return links.length;
    });
    sealed += n;
    if (n < BATCH) return sealed;
  }
}

/** Seals every tenant with waiting entries. */
export async function sealAllAuditChains(db: Db, opts: { wait: boolean }): Promise<number> {
  let sealed = 0;
  for (const tenantId of await listTenantsWithUnsealed(db)) sealed += await sealAuditChain(db, tenantId, opts);
  return sealed;
}

export interface AuditSealerHandle {
  stop(): Promise<void>;
}

/**
 * Runs the sealer in the server process every `intervalMs` (the probe for waiting entries is one
 * read of a partial index). Several server processes may run it: the per-tenant try-lock keeps
 * them out of each other's way. Entries left unsealed by a crash are sealed on the first tick.
 */
export function startAuditSealer(db: Db, opts: { intervalMs: number; onError: (err: unknown) => void }): AuditSealerHandle {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = sealAllAuditChains(db, { wait: false })
      .catch(opts.onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
