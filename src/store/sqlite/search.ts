/** Full-text search over the FTS5 index: bm25 ranking, filters, facets, and snippets from the stored text. */
import type Database from 'better-sqlite3';
import type { SearchResponse, FacetCounts } from '../../model/index.js';
import type { Scope, SearchRequest } from '../store.js';
import { highlightTerms, QuerySyntaxError } from '../query.js';
import { makeSnippet } from '../snippet.js';
import { toFts5 } from './fts-query.js';
import { filterClause, scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import { toSummary, type DocumentRow } from './rows.js';

// Title matches weigh more than body matches.
const BM25 = 'bm25(document_fts, 4.0, 1.0)';
const FACETS: Record<string, string> = {
  collection: 'd.collection',
  format: 'd.format',
  language: "coalesce(d.language, '')",
  source: "coalesce(d.source, '')",
  year: "coalesce(substr(d.published, 1, 4), '')",
};
const FACET_LIMIT = 25;

/** Runs a search request within a scope. */
export function searchDocuments(db: Database.Database, req: SearchRequest, scope: Scope): SearchResponse {
  const match = toFts5(req.query);
  const s = scopeClause(scope, req.collections);
  const f = filterClause(req);
  const from = `FROM document_fts JOIN documents d ON d.rowid = document_fts.rowid
    WHERE document_fts MATCH ? AND ${s.sql} AND ${f.sql}`;
  const params = [match, ...s.params, ...f.params];
  try {
    const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text, ${BM25} AS rank ${from} ORDER BY rank, d.id LIMIT ? OFFSET ?`)
      .all(...params, req.limit, req.offset) as (DocumentRow & { rank: number })[];
    const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
    const terms = highlightTerms(req.query);
    const facets: FacetCounts = {};
    for (const [name, expr] of Object.entries(FACETS)) {
      facets[name] = (db.prepare(`SELECT ${expr} AS value, count(*) AS count ${from} GROUP BY value ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`)
        .all(...params) as { value: string; count: number }[]).filter((v) => v.value !== '');
    }
    return {
      results: rows.map((r) => ({ document: toSummary(r), score: -r.rank, snippet: makeSnippet(r.text ?? '', terms) })),
      total,
      facets,
    };
  } catch (err) {
    // The compiler quotes every word, so this only happens for queries FTS5 itself rejects (e.g. a NEAR it cannot apply).
    if (err instanceof Error && /fts5/i.test(err.message)) throw new QuerySyntaxError(`The search engine rejected the query: ${err.message}`);
    throw err;
  }
}
