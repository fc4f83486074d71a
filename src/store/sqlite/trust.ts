/** The SQLite executor of the shared TrustStore (users, tokens, sessions, audit log). */
import type Database from 'better-sqlite3';
import { SqlTrustStore } from '../shared/trust-store.js';

/** The trust tables of a SQLite store. */
export function sqliteTrust(db: Database.Database): SqlTrustStore {
  return new SqlTrustStore({
    async all<T>(sql: string, params: unknown[]): Promise<T[]> {
      const s = db.prepare(sql);
      if (s.reader) return s.all(...params) as T[];
      s.run(...params);
      return [];
    },
    async run(sql: string, params: unknown[]): Promise<number> {
      return db.prepare(sql).run(...params).changes;
    },
    isUniqueViolation: (err) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE',
  });
}
