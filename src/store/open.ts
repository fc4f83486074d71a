/** Opens the store a path or URL names: postgres:// (or postgresql://) for PostgreSQL, anything else is a SQLite file. */
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

/** Where the store lives when neither --db nor CABLEGRAPH_DB says otherwise. */
export const DEFAULT_DB = 'cablegraph.db';

/** Opens and migrates the store at `location`. */
export async function openStore(location: string = process.env.CABLEGRAPH_DB || DEFAULT_DB): Promise<Store> {
  const store = /^postgres(ql)?:\/\//u.test(location) ? new PostgresStore(location) : new SqliteStore(location);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
