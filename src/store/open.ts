/** Opens the store a path or URL names: a SQLite file now, postgres:// when the PostgreSQL store lands. */
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/** Where the store lives when neither --db nor CABLEGRAPH_DB says otherwise. */
export const DEFAULT_DB = 'cablegraph.db';

/** Opens and migrates the store at `location`. */
export async function openStore(location: string = process.env.CABLEGRAPH_DB || DEFAULT_DB): Promise<Store> {
  if (/^postgres(ql)?:\/\//u.test(location)) {
    throw new Error('PostgreSQL stores are not supported yet: use a SQLite file path.');
  }
  const store = new SqliteStore(location);
  await store.migrate();
  return store;
}
