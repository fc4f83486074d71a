/** Full-text search over the FTS5 index: bm25 ranking, filters, facets, and snippets from the stored text. */
import type Database from 'better-sqlite3';
import type { SearchResponse, FacetCounts } from '../../model/index.js';
import type { Scope, SearchRequest } from '../store.js';
import { highlightTerms, QuerySyntaxError } from '../query.js';
import { makeSnippet } from '../snippet.js';
import { toFts5 } from './fts-query.js';
import { searchCost } from './search-cost.js';
import { filterClause, scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';
import { FACET_NAMES, rankFacets } from '../shared/facets.js';

// Title matches weigh more than body matches.
const BM25 = 'bm25(document_fts, 4.0, 1.0)';
const FACETS: Record<(typeof FACET_NAMES)[number], string> = {
  collection: 'd.collection',
  format: 'd.format',
  language: "coalesce(d.language, '')",
  source: "coalesce(d.source, '')",
  year: "coalesce(substr(d.published, 1, 4), '')",
};

/** Counts values per facet over the matching rows (columns in FACET_NAMES order). */
function countFacets(rows: string[][]): FacetCounts {
  const counts = FACET_NAMES.map(() => new Map<string, number>());
  for (const row of rows) row.forEach((value, i) => counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + 1));
  return rankFacets(counts);
}

/** Runs a search request within a scope (`checked`: searchCost already ran on this query, so limits were checked). */
export function searchDocuments(db: Database.Database, req: SearchRequest, scope: Scope, checked = false): SearchResponse {
  if (!checked) searchCost(db, req.query);
  const match = toFts5(req.query);
  const s = scopeClause(scope, req.collections);
  const f = filterClause(req);
  const from = `FROM document_fts JOIN documents d ON d.rowid = document_fts.rowid
    WHERE document_fts MATCH ? AND ${s.sql} AND ${f.sql}`;
  const params = [match, ...s.params, ...f.params];
  try {
    // Rank on ids alone, then read the few rows shown: sorting whole texts would copy every match.
    const ranked = db.prepare(`SELECT d.rowid AS rowid, ${BM25} AS rank ${from} ORDER BY rank, d.id LIMIT ? OFFSET ?`)
      .all(...params, req.limit, req.offset) as { rowid: number; rank: number }[];
    const read = db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.rowid = ?`);
    const rows = ranked.map((r) => ({ ...(read.get(r.rowid) as DocumentRow), rank: r.rank }));
    // One pass over the matches gives the total and every facet (cheaper than one GROUP BY query per facet).
    const matches = db.prepare(`SELECT ${FACET_NAMES.map((name) => `${FACETS[name]} AS ${name}`).join(', ')} ${from}`)
      .raw().all(...params) as string[][];
    const facets = countFacets(matches);
    const total = matches.length;
    const terms = highlightTerms(req.query);
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
