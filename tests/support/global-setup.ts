/** Builds a migrated template database once per run; each test file copies it (fast, isolated). */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrateDatabase, openPglite, openPostgres } from '../../src/server/db/client.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, withDatabase } from './template.js';

export default async function setup(): Promise<void> {
  await preparePglite();
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = PG_TEMPLATE_DB();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      // Built under a private name and renamed, so two runs at once never see a half-migrated template.
      const building = `${name}_b${process.pid}`;
      await admin.query(`create database "${building}"`);
      const database = openPostgres(withDatabase(url, building), 2);
      await migrateDatabase(database);
      await database.close();
      try {
        await admin.query(`alter database "${building}" rename to "${name}"`);
      } catch {
        await admin.query(`drop database if exists "${building}" with (force)`); // another run won the race
      }
    }
    await admin.end();
  }
}

async function preparePglite(): Promise<void> {
  const file = PGLITE_TEMPLATE();
  if (existsSync(file)) return;
  const database = await openPglite();
  if (database.kind !== 'pglite') return;
  await migrateDatabase(database);
  const dump = await database.lite.dumpDataDir('gzip');
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename: a concurrent run reads either no template or a whole one.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  await database.close();
}
