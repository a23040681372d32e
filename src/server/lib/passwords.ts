import { hash, verify } from '@node-rs/argon2';
import type { Config } from '../config.js';

/** argon2id with the memory/time cost from config (raised above the library default on purpose). */
export function createPasswordHasher(config: Pick<Config, 'ARGON2_MEMORY_KIB' | 'ARGON2_TIME_COST'>) {
  const options = { algorithm: 2 as const, memoryCost: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_TIME_COST, parallelism: 1 };
  return {
    hash: (password: string) => hash(password, options),
    verify: (stored: string, password: string) => verify(stored, password).catch(() => false),
  };
}
export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
