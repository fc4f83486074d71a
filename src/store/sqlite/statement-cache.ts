/**
 * Statements kept per connection by their SQL, for reads run once per document during an ingest (a document and its
 * mentions): preparing the same SQL again for every document cost about 1.5% of the ingest's main thread. Only for
 * statements answered with `get` or `all`: a statement being iterated is busy and cannot be run again meanwhile.
 */
import type Database from 'better-sqlite3';

// A handful of SQL texts per kind of read (one per kind of scope); the cap only guards against SQL that varies freely.
const MAX_STATEMENTS = 64;
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** `db.prepare(sql)`, prepared once per connection. */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) {
    if (byText.size >= MAX_STATEMENTS) byText.clear();
    byText.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
}
