/**
 * Prepared statements for the hottest reads (every request's session, the signing read). A prepared
 * query is bound to the database object it was built on, so it is built once per `Db` (or transaction)
 * and kept in a WeakMap: the SQL is built once instead of per call, and PostgreSQL parses it once per
 * connection (node-postgres names it) instead of per execution.
 */
import type { DbOrTx } from './client.js';

export function preparedPerDb<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<DbOrTx, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
