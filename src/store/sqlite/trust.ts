/** The SQLite executor of the shared TrustStore (users, tokens, sessions, audit log) and ProtectionStore. */
import type Database from 'better-sqlite3';
import { SqlTrustStore, type TrustSql } from '../shared/trust-store.js';
import { SqlProtectionStore } from '../shared/protection-store.js';
import { SqlCurationStore } from '../shared/curation-store.js';
import { SqlViewsStore } from '../shared/views-store.js';

function executor(db: Database.Database): TrustSql {
  return {
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
  };
}

/** The trust tables of a SQLite store. */
export function sqliteTrust(db: Database.Database): SqlTrustStore {
  return new SqlTrustStore(executor(db));
}

/** The protection tables of a SQLite store. */
export function sqliteProtection(db: Database.Database): SqlProtectionStore {
  return new SqlProtectionStore(executor(db));
}

/** The curation tables (grades, notes, tags) of a store. */
export function sqliteCuration(db: Database.Database): SqlCurationStore {
  return new SqlCurationStore(executor(db));
}

/** The saved views of a store. */
export function sqliteViews(db: Database.Database): SqlViewsStore {
  return new SqlViewsStore(executor(db));
}
