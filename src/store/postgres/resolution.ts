/** The PostgreSQL executor of the shared resolution SQL: numbered parameters, a plan in one transaction. */
import type pg from 'pg';
import { GuardFailed, numberPlaceholders, POSTGRES_DIALECT, type SqlExecutor, type Statement } from '../shared/resolution-sql.js';
import { SqlResolutionStore } from '../shared/resolution-store.js';
import { inTransaction, type Db } from './sql.js';
import { indexPendingNames } from './entity-search.js';

/** Runs shared SQL (resolution, review) on a pool (reads) and one client per plan (writes). */
export function postgresExecutor(pool: pg.Pool, db: Db): SqlExecutor {
  return {
    dialect: POSTGRES_DIALECT,
    async all<T>(sql: string, params: unknown[]): Promise<T[]> {
      return (await db.query<T>(numberPlaceholders(sql), params)).rows;
    },
    async run(plan: Iterable<Statement>, beforeCommit?: () => void) {
      const rows: unknown[][] = [];
      try {
        await inTransaction(pool, async (tx) => {
          for (const s of plan) {
            const res = await tx.query(numberPlaceholders(s.sql), s.params);
            if (s.returns) rows.push(res.rows);
            else if (s.guard && res.rowCount !== 1) throw new GuardFailed();
          }
          // The names of the entities this step wrote are indexed with it (see the SQLite twin).
          await indexPendingNames(tx);
          beforeCommit?.();
        });
      } catch (err) {
        if (err instanceof GuardFailed) return { ok: false, rows: [] };
        throw err;
      }
      return { ok: true, rows };
    },
  };
}

/** The resolution index of a PostgreSQL store. */
export function postgresResolution(pool: pg.Pool, db: Db): SqlResolutionStore {
  return new SqlResolutionStore(postgresExecutor(pool, db));
}
