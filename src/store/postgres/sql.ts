/** SQL helpers for the PostgreSQL store: numbered parameters, the caller's scope, the search filters. */
import type pg from 'pg';
import type { Scope, SearchRequest } from '../store.js';

/** Runs queries: the pool, or one client inside a transaction. Strings travel through escapeText/restoreText. */
export interface Db {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

// PostgreSQL text cannot hold NUL, which SQLite keeps (JSON records and PDFs can carry it). An escape with the
// noncharacter U+FFFF keeps every string exact: NUL -> U+FFFF "0", U+FFFF -> U+FFFF U+FFFF. Offsets are computed on the
// restored strings in JavaScript, never in SQL, so the longer stored form does not matter.
const ESCAPE = '\uFFFF';

/** A string as stored in PostgreSQL (see ESCAPE). */
export function escapeText(s: string): string {
  return s.includes('\u0000') || s.includes(ESCAPE) ? s.replace(/[\u0000\uFFFF]/gu, (c) => (c === ESCAPE ? ESCAPE + ESCAPE : `${ESCAPE}0`)) : s;
}

/** A stored string as it was given. */
export function restoreText(s: string): string {
  return s.includes(ESCAPE) ? s.replace(/\uFFFF([\s\S])/gu, (_, c: string) => (c === '0' ? '\u0000' : ESCAPE)) : s;
}

const escapeValue = (v: unknown): unknown =>
  typeof v === 'string' ? escapeText(v) : Array.isArray(v) ? v.map(escapeValue) : v;

const restoreValue = (v: unknown): unknown =>
  typeof v === 'string' ? restoreText(v) : Array.isArray(v) ? v.map(restoreValue) : v;

/** Wraps a pool or client so every parameter is escaped and every string read back restored. */
export function wrapDb(q: pg.Pool | pg.PoolClient): Db {
  return {
    async query<R>(sql: string, params: unknown[] = []) {
      const result: pg.QueryResult | pg.QueryResult[] = await q.query(sql, params.map(escapeValue));
      // A script of several statements (a migration) answers with one result per statement: the last one counts.
      const res = Array.isArray(result) ? result[result.length - 1]! : result;
      const rows = res.rows.map((row: Record<string, unknown>) => {
        for (const k of Object.keys(row)) row[k] = restoreValue(row[k]);
        return row as R;
      });
      return { rows, rowCount: res.rowCount };
    },
  };
}

/** Collects parameter values and hands out their $n placeholders, so fragments compose without counting by hand. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Restricts rows aliased `d` to the scope's collections (and an optional narrower list). */
export function scopeSql(p: Params, scope: Scope, narrow?: readonly string[], column = 'd.collection'): string {
  let allowed: readonly string[] | '*' = scope.collections;
  if (narrow && narrow.length > 0) allowed = allowed === '*' ? narrow : narrow.filter((c) => allowed.includes(c));
  if (allowed === '*') return 'TRUE';
  if (allowed.length === 0) return 'FALSE';
  return `${column} = ANY(${p.add([...allowed])}::text[])`;
}

/** The search filters (language, format, source, date range) over `d`. */
export function filterSql(p: Params, req: SearchRequest): string {
  const parts: string[] = [];
  if (req.language) parts.push(`d.language = ${p.add(req.language)}`);
  if (req.format) parts.push(`d.format = ${p.add(req.format)}`);
  if (req.source) parts.push(`d.source = ${p.add(req.source)}`);
  // Partial dates compare on the common prefix: "2019-11" lies within from "2019" and to "2019".
  if (req.publishedFrom) { const v = p.add(req.publishedFrom); parts.push(`substr(d.published, 1, length(${v}::text)) >= ${v}`); }
  if (req.publishedTo) { const v = p.add(req.publishedTo); parts.push(`substr(d.published, 1, length(${v}::text)) <= ${v}`); }
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}

/** Columns of a DocumentSummary, selected from documents aliased `d`. */
export const SUMMARY_COLUMNS = `d.id, d.collection, d.sha256, d.path, d.parent_id, d.format, d.mime_type, d.title, d.source,
  d.published, d.author, d.language, d.length, d.ingested_at`;

/** Runs `work` in one transaction on a dedicated client: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (db: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(wrapDb(client));
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (err) {
    // A client that cannot even roll back is broken: release it with the error so the pool discards it.
    const broken = await client.query('ROLLBACK').then(() => false, () => true);
    client.release(broken ? (err as Error) : undefined);
    throw err;
  }
}
