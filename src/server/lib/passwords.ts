import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config.js';

/**
 * argon2id with a given memory (KiB) and time cost, parallelism 1. The encoded hash carries its own
 * parameters (`$argon2id$v=19$m=…,t=…,p=…$…`), so a hash made with other costs still verifies.
 */
export function createArgon2Hasher(memoryKib: number, timeCost: number) {
  const options = { algorithm: 2 as const, memoryCost: memoryKib, timeCost, parallelism: 1 };
  return {
    hash: (password: string) => hash(password, options),
    verify: (stored: string, password: string) => verify(stored, password).catch(() => false),
  };
}

/** argon2id with the memory/time cost from config (raised above the library default on purpose). */
export function createPasswordHasher(config: Pick<Config, 'ARGON2_MEMORY_KIB' | 'ARGON2_TIME_COST'>) {
  return createArgon2Hasher(config.ARGON2_MEMORY_KIB, config.ARGON2_TIME_COST);
}
export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
