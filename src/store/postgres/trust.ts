/** The PostgreSQL executor of the shared TrustStore (users, tokens, sessions, audit log) and ProtectionStore. */
import { numberPlaceholders } from '../shared/resolution-sql.js';
import { SqlTrustStore, type TrustSql } from '../shared/trust-store.js';
import { SqlProtectionStore } from '../shared/protection-store.js';
import { SqlCurationStore } from '../shared/curation-store.js';
import { SqlViewsStore } from '../shared/views-store.js';
import type { Db } from './sql.js';

function executor(db: Db): TrustSql {
  return {
    async all<T>(sql: string, params: unknown[]): Promise<T[]> {
      return (await db.query<T>(numberPlaceholders(sql), params)).rows;
    },
    async run(sql: string, params: unknown[]): Promise<number> {
      return (await db.query(numberPlaceholders(sql), params)).rowCount ?? 0;
    },
    // 23505: unique_violation.
    isUniqueViolation: (err) => (err as { code?: string }).code === '23505',
  };
}

/** The trust tables of a PostgreSQL store. */
export function postgresTrust(db: Db): SqlTrustStore {
  return new SqlTrustStore(executor(db));
}

/** The protection tables of a PostgreSQL store. */
export function postgresProtection(db: Db): SqlProtectionStore {
  return new SqlProtectionStore(executor(db));
}

/** The curation tables (grades, notes, tags) of a store. */
export function postgresCuration(db: Db): SqlCurationStore {
  return new SqlCurationStore(executor(db));
}

/** The saved views of a store. */
export function postgresViews(db: Db): SqlViewsStore {
  return new SqlViewsStore(executor(db));
}
