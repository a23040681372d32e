/**
 * One database type for both back ends: embedded PGlite (default) or a PostgreSQL server.
 * Repositories receive `Db` (or a transaction, which has the same type) and never know which.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; same API as Db. Always pass it down: on PGlite, using the outer db inside a transaction hangs. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export type Database =
  | { kind: 'pglite'; db: Db; lite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Db; pool: pg.Pool; close(): Promise<void> };

// int8 and numeric come back as strings from pg; dates stay strings (like PGlite) to keep results equal.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** Opens PGlite in `dataDir` (or memory when dataDir is undefined) with an optional preloaded data dir dump. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  const lite = await PGlite.create({ dataDir, loadDataDir });
  const db = drizzlePglite(lite, { schema }) as unknown as Db;
  return { kind: 'pglite', db, lite, close: () => lite.close() };
}

/** Connects to a PostgreSQL server. */
export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* a broken idle client is dropped by the pool; queries report their own errors */
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { kind: 'postgres', db, pool, close: () => pool.end() };
}

/** Applies the committed SQL migrations (same folder and journal on both back ends). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  else await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
}
