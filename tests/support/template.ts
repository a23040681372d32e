/** Where the migrated template databases live; shared by the global setup and each test file. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER } from '../../src/server/db/client.js';

/** Changes whenever a migration changes, so a stale template is never reused. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_FOLDER).sort()) if (f.endsWith('.sql')) hash.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  return hash.digest('hex').slice(0, 12);
}

export const PGLITE_TEMPLATE = () => join(process.cwd(), 'node_modules', '.cache', 'netra-test', `pglite-${migrationsFingerprint()}.tar.gz`);
export const PG_TEMPLATE_DB = () => `netra_tpl_${migrationsFingerprint()}`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty PostgreSQL database next to TEST_DATABASE_URL, for tests that start the real server on it. */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`create database "${name}"`);
  return { url: withDatabase(admin, name), drop: () => run(`drop database if exists "${name}" with (force)`) };
}
