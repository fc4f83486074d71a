/** Full-text search over the tsvector column: ts_rank_cd ranking (title weighted), filters, facets in one pass, snippets. */
import type { SearchResponse } from '../../model/index.js';
import type { Scope, SearchRequest } from '../store.js';
import { highlightTerms, QuerySyntaxError } from '../query.js';
import { SearchTimeoutError, searchTimeoutMessage } from '../query-errors.js';
import { makeSnippet } from '../snippet.js';
import { FACET_NAMES, rankFacets } from '../shared/facets.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';
import { toTsQuery, toLooseTsQuery, windowCondition } from './text-search.js';
import { type Db, Params, scopeSql, filterSql, SUMMARY_COLUMNS } from './sql.js';

const FACETS: Record<(typeof FACET_NAMES)[number], string> = {
  collection: 'd.collection',
  format: 'd.format',
  language: "coalesce(d.language, '')",
  source: "coalesce(d.source, '')",
  year: "coalesce(substr(d.published, 1, 4), '')",
};
// Weights of D, C, B, A: a title word (A) counts ten times a body word (D). Normalisation 1 divides by 1 + log(length):
// a milder counterpart of bm25's length normalisation, so long documents do not win on repetition alone.
const WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";
const NORMALISATION = 1;

// PostgreSQL's error code for a statement cancelled by statement_timeout.
const QUERY_CANCELED = '57014';

/** Runs work in a transaction of its own (see inTransaction). */
export type InTransaction = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

/**
 * Runs a search request within a scope. The ranked page and the facet counts are two statements run at once, each in a
 * transaction of its own from `run` (two connections: the search takes as long as the slower, not both). With
 * `budgetMs` each statement gets what is left of the budget as its statement_timeout, and a search past it fails with
 * SearchTimeoutError.
 */
export async function searchDocuments(run: InTransaction, req: SearchRequest, scope: Scope, budgetMs?: number): Promise<SearchResponse> {
  const started = Date.now();
  // SET cannot take a parameter; the value is a whole number we computed.
  const limitTime = async (db: Db): Promise<void> => {
    if (budgetMs !== undefined) await db.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(budgetMs - (Date.now() - started)))}`);
  };
  const p = new Params();
  const q = p.add(toTsQuery(req.query));
  // Long texts (fts_exact false) are matched through their windows, since their one tsvector lost positions.
  const match = `((d.fts_exact AND d.fts @@ ${q}::tsquery) OR (NOT d.fts_exact AND ${windowCondition(req.query, (v) => p.add(v))}))`;
  const where = `${match} AND ${scopeSql(p, scope, req.collections)} AND ${filterSql(p, req)}`;
  const page = new Params();
  page.values.push(...p.values);
  const loose = page.add(toLooseTsQuery(req.query));
  try {
    // Rank on ids alone, then read the few rows shown: sorting whole texts would copy every match.
    const rankedPage = run(async (db) => {
      await limitTime(db);
      return db.query<DocumentRow & { rank: number }>(`WITH page AS (
        SELECT d.id, ts_rank_cd(${WEIGHTS}, d.fts, CASE WHEN d.fts_exact THEN ${q} ELSE ${loose} END::tsquery, ${NORMALISATION})::float8
          AS rank FROM documents d WHERE ${where}
        ORDER BY rank DESC, d.id LIMIT ${page.add(req.limit)} OFFSET ${page.add(req.offset)})
      SELECT ${SUMMARY_COLUMNS}, d.text, page.rank FROM page JOIN documents d ON d.id = page.id ORDER BY page.rank DESC, d.id`, page.values);
    });
    // One pass over the matches counts every facet and the total: one grouping set per facet and the empty set, each row
    // of the answer naming its set by GROUPING() (the bit of each facet column left out of it is 1).
    const names = FACET_NAMES.map((_, i) => `f${i}`);
    const facetCounts = run(async (db) => {
      await limitTime(db);
      return db.query<Record<string, string | number>>(`SELECT ${names.join(', ')}, GROUPING(${names.join(', ')}) AS g, count(*)::int AS n
        FROM (SELECT ${FACET_NAMES.map((name, i) => `${FACETS[name]} AS f${i}`).join(', ')} FROM documents d WHERE ${where}) m
        GROUP BY GROUPING SETS (${names.map((n) => `(${n})`).join(', ')}, ())`, p.values);
    });
    const [ranked, counted] = await Promise.all([rankedPage, facetCounts]);
    const counts = FACET_NAMES.map(() => new Map<string, number>());
    let total = 0;
    for (const r of counted.rows) {
      const left = Number(r.g);
      const i = names.findIndex((_, k) => (left & (1 << (names.length - 1 - k))) === 0);
      if (i < 0) total = Number(r.n);
      else counts[i]!.set(String(r[names[i]!]), Number(r.n));
    }
    const terms = highlightTerms(req.query);
    return {
      results: ranked.rows.map((r) => ({ document: toSummary(r), score: r.rank, snippet: makeSnippet(r.text ?? '', terms) })),
      total,
      facets: rankFacets(counts),
    };
  } catch (err) {
    if (budgetMs !== undefined && (err as { code?: string }).code === QUERY_CANCELED) throw new SearchTimeoutError(searchTimeoutMessage(budgetMs), budgetMs);
    // The compiler quotes every word, so this only happens for queries the engine itself refuses (e.g. too complex).
    if (err instanceof Error && /tsquery/iu.test(err.message)) throw new QuerySyntaxError(`The search engine rejected the query: ${err.message}`);
    throw err;
  }
}
