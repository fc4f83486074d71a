/**
 * What the resolution index needs from an SQL engine: lists and row sets bound as one parameter (so no statement
 * grows with an entity's size), and a plan of statements run in one transaction behind a version guard.
 * SQL here uses `?` placeholders; the PostgreSQL executor numbers them.
 */

/** A statement with its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
  /** Must change exactly one row, else the whole plan is rolled back (the optimistic version check). */
  guard?: boolean;
  /** Its rows are returned (INSERT ... RETURNING). */
  returns?: boolean;
}

/** A column of a bound row set. */
export type Column = [name: string, type: 'text' | 'int'];

/** Engine differences the shared SQL needs. */
export interface Dialect {
  /** `col` is one of `values`, bound as one parameter. */
  inList(col: string, values: readonly string[]): { sql: string; params: unknown[] };
  /** A parenthesised subquery yielding `rows` under the column names (bound as one parameter per engine rules). */
  rows(columns: Column[], rows: unknown[][]): { sql: string; params: unknown[] };
  /** Deletes the dirty marks of these (document, mark) pairs, and only those. */
  deleteDirty(pairs: { id: string; seq: number }[]): Statement;
  /** Null-safe "differs from". */
  differs: string;
  /**
   * Statements around a full run's rewrite of a collection's candidate -> entity map, where the engine's per-row
   * triggers would be slow (SQLite): `before` sets them aside, `after` does their work for the whole collection at once.
   * Absent: the triggers do it (PostgreSQL's are per statement already).
   */
  wholeMap?: { before(collection: string): Statement[]; after(collection: string): Statement[] };
}

/** Runs SQL for the shared resolution code: reads, and plans in one transaction. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T>(sql: string, params: unknown[]): Promise<T[]>;
  /** Runs the plan atomically; ok is false (nothing changed) when a guard statement did not change exactly one row. */
  run(plan: Iterable<Statement>, beforeCommit?: () => void): Promise<{ ok: boolean; rows: unknown[][] }>;
}

/** SQLite: lists and rows travel as JSON text read by json_each. */
export const SQLITE_DIALECT: Dialect = {
  inList: (col, values) => ({ sql: `${col} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] }),
  rows: (columns, rows) => ({
    sql: `(SELECT ${columns.map(([name], i) => `value ->> ${i} AS ${name}`).join(', ')} FROM json_each(?))`,
    params: [JSON.stringify(rows)],
  }),
  deleteDirty: (pairs) => ({
    sql: `DELETE FROM resolve_dirty WHERE rowid IN (SELECT r.rowid FROM json_each(?) j
      JOIN resolve_dirty r ON r.document_id = j.value ->> 0 AND r.seq = j.value ->> 1)`,
    params: [JSON.stringify(pairs.map((p) => [p.id, p.seq]))],
  }),
  differs: 'IS NOT',
  // Migration 25: the map-row triggers skip a collection listed in resolve_bulk; one UPDATE then sets the ends of all
  // its relation rows (relation_ends.collection, .source and .target mirror the relation and its document).
  wholeMap: {
    before: (collection) => [{ sql: 'INSERT INTO resolve_bulk (collection) VALUES (?)', params: [collection] }],
    after: (collection) => [
      {
        sql: `UPDATE relation_ends SET
          source_entity = (SELECT m.entity_id FROM entity_members m WHERE m.collection = relation_ends.collection AND m.candidate_key = relation_ends.source),
          target_entity = (SELECT m.entity_id FROM entity_members m WHERE m.collection = relation_ends.collection AND m.candidate_key = relation_ends.target)
          WHERE collection = ?`,
        params: [collection],
      },
      { sql: 'DELETE FROM resolve_bulk WHERE collection = ?', params: [collection] },
    ],
  },
};

/** PostgreSQL: lists and rows travel as arrays (one per column) read by ANY and unnest. */
export const POSTGRES_DIALECT: Dialect = {
  inList: (col, values) => ({ sql: `${col} = ANY(?::text[])`, params: [[...values]] }),
  rows: (columns, rows) => ({
    sql: `(SELECT * FROM unnest(${columns.map(([, t]) => `?::${t === 'int' ? 'bigint' : 'text'}[]`).join(', ')}) AS u(${columns.map(([n]) => n).join(', ')}))`,
    params: columns.map((_, i) => rows.map((r) => r[i])),
  }),
  deleteDirty: (pairs) => ({
    sql: 'DELETE FROM resolve_dirty r USING unnest(?::text[], ?::bigint[]) AS v(id, seq) WHERE r.document_id = v.id AND r.seq = v.seq',
    params: [pairs.map((p) => p.id), pairs.map((p) => p.seq)],
  }),
  differs: 'IS DISTINCT FROM',
};

/** Numbers `?` placeholders as $1, $2, ... for PostgreSQL (the shared SQL never uses `?` otherwise). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/gu, () => `$${++n}`);
}

/** Builds a statement from SQL fragments and values: strings are SQL, `{ sql, params }` pieces bring parameters. */
export function stmt(parts: (string | { sql: string; params: unknown[] })[], extra: Partial<Statement> = {}): Statement {
  let sql = '';
  const params: unknown[] = [];
  for (const p of parts) {
    if (typeof p === 'string') sql += p;
    else {
      sql += p.sql;
      params.push(...p.params);
    }
  }
  return { sql, params, ...extra };
}

/** A single bound value as a fragment. */
export function val(v: unknown): { sql: string; params: unknown[] } {
  return { sql: '?', params: [v] };
}

/** Raised inside a transaction when a guard fails, so the executor rolls back and reports ok: false. */
export class GuardFailed extends Error {
  constructor() {
    super('resolution changed meanwhile');
    this.name = 'GuardFailed';
  }
}
