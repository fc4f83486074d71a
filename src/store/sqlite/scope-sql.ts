/** SQL fragments shared by the SQLite store's queries: the caller's scope and the search filters. */
import type { Scope, SearchRequest } from '../store.js';

/** A WHERE fragment with its parameters. */
export interface Clause {
  sql: string;
  params: unknown[];
}

/** Restricts rows of documents aliased `d` to the scope's collections (and an optional narrower list). */
export function scopeClause(scope: Scope, narrow?: readonly string[], column = 'd.collection'): Clause {
  let allowed: readonly string[] | '*' = scope.collections;
  if (narrow && narrow.length > 0) allowed = allowed === '*' ? narrow : narrow.filter((c) => allowed.includes(c));
  if (allowed === '*') return { sql: '1', params: [] };
  if (allowed.length === 0) return { sql: '0', params: [] };
  return { sql: `${column} IN (${allowed.map(() => '?').join(', ')})`, params: [...allowed] };
}

/** The search filters (language, format, source, date range) as one clause over `d`. */
export function filterClause(req: SearchRequest): Clause {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (req.language) { parts.push('d.language = ?'); params.push(req.language); }
  if (req.format) { parts.push('d.format = ?'); params.push(req.format); }
  if (req.source) { parts.push('d.source = ?'); params.push(req.source); }
  // Partial dates compare on the common prefix: "2019-11" lies within from "2019" and to "2019".
  if (req.publishedFrom) { parts.push('substr(d.published, 1, length(?)) >= ?'); params.push(req.publishedFrom, req.publishedFrom); }
  if (req.publishedTo) { parts.push('substr(d.published, 1, length(?)) <= ?'); params.push(req.publishedTo, req.publishedTo); }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

/** Columns of a DocumentSummary, selected from documents aliased `d`. */
export const SUMMARY_COLUMNS = `d.id, d.collection, d.sha256, d.path, d.parent_id, d.format, d.mime_type, d.title, d.source,
  d.published, d.author, d.language, d.length, d.ingested_at`;
