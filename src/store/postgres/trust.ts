/** The PostgreSQL executor of the shared TrustStore (users, tokens, sessions, audit log). */
import { numberPlaceholders } from '../shared/resolution-sql.js';
import { SqlTrustStore } from '../shared/trust-store.js';
import type { Db } from './sql.js';

/** The trust tables of a PostgreSQL store. */
export function postgresTrust(db: Db): SqlTrustStore {
  return new SqlTrustStore({
    async all<T>(sql: string, params: unknown[]): Promise<T[]> {
      return (await db.query<T>(numberPlaceholders(sql), params)).rows;
    },
    async run(sql: string, params: unknown[]): Promise<number> {
      return (await db.query(numberPlaceholders(sql), params)).rowCount ?? 0;
    },
    // 23505: unique_violation.
    isUniqueViolation: (err) => (err as { code?: string }).code === '23505',
  });
}
