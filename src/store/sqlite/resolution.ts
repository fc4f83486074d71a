/** The SQLite executor of the shared resolution SQL: statements run synchronously, a plan in one IMMEDIATE transaction. */
import type Database from 'better-sqlite3';
import { GuardFailed, SQLITE_DIALECT, type SqlExecutor, type Statement } from '../shared/resolution-sql.js';
import { SqlResolutionStore } from '../shared/resolution-store.js';
import { indexPendingNames } from './entity-search.js';

/** Runs shared SQL (resolution, review) on one better-sqlite3 connection. */
export function sqliteExecutor(db: Database.Database): SqlExecutor {
  return {
    dialect: SQLITE_DIALECT,
    async all<T>(sql: string, params: unknown[]): Promise<T[]> {
      return db.prepare(sql).all(...params) as T[];
    },
    async run(plan: Iterable<Statement>, beforeCommit?: () => void) {
      const rows: unknown[][] = [];
      try {
        db.transaction(() => {
          for (const s of plan) {
            const prepared = db.prepare(s.sql);
            if (s.returns) rows.push(prepared.all(...s.params));
            else if (prepared.run(...s.params).changes !== 1 && s.guard) throw new GuardFailed();
          }
          // The names of the entities this step wrote are indexed with it: otherwise the next entity search pays for a
          // whole resolution's names (seconds after a large ingest) and could see a half-indexed collection.
          indexPendingNames(db);
          beforeCommit?.();
        }).immediate();
      } catch (err) {
        if (err instanceof GuardFailed) return { ok: false, rows: [] };
        throw err;
      }
      return { ok: true, rows };
    },
  };
}

/** The resolution index of a SQLite store. */
export function sqliteResolution(db: Database.Database): SqlResolutionStore {
  return new SqlResolutionStore(sqliteExecutor(db));
}
