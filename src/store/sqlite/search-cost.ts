/**
 * What a search will cost, read from FTS5's own vocabulary before it runs: a prefix standing for too many words is
 * refused (QUERY_LIMITS.maxPrefixExpansion), and the places its words occur are counted, so the reader pool can keep
 * costly searches to one lane while simple ones run beside them.
 */
import type Database from 'better-sqlite3';
import type { QueryNode } from '../query.js';
import { checkPrefixExpansion, QUERY_LIMITS } from '../query-limits.js';

// The index's vocabulary, one row per word with its document and occurrence counts; a temp table, so read-only
// connections can make it and no migration is needed.
const VOCABULARY = 'CREATE VIRTUAL TABLE IF NOT EXISTS temp.cablegraph_fts_words USING fts5vocab(main, document_fts, row)';
// Counting stops here: a one-letter prefix in a large store stands for tens of thousands of words.
const COUNT_UP_TO = QUERY_LIMITS.maxPrefixExpansion * 10 + 1;

/**
 * A search whose words occur this often in all (counted once per place in the query) is costly: FTS5 walks those
 * places and bm25 weighs each of them. Measured on 7,176 Factbook sections: `the` x 32 (2.5 M) 0.8 s, `the` x 64 (5 M)
 * 3 s, 30 common words OR-ed (360 k) 0.5 s; `oil OR gas` (1.8 k) and `border* -dispute` (1.5 k) a few ms.
 */
export const COSTLY_SEARCH = 250_000;

/** The first string after every string that starts with `prefix` (in SQLite's byte order, which is code point order). */
function afterPrefix(prefix: string): string {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  return points.join('') + String.fromCodePoint(last + 1 === 0xd800 ? 0xe000 : last + 1);
}

/**
 * Places in the index the query's words occur (a word twice in the query counts twice; a prefix counts every word it
 * stands for). Throws QueryLimitError for a prefix standing for more words than the limit.
 */
export function searchCost(db: Database.Database, query: QueryNode): number {
  db.exec(VOCABULARY);
  const word = db.prepare('SELECT cnt FROM temp.cablegraph_fts_words WHERE term = ?').pluck();
  const prefix = db.prepare(`SELECT count(*) AS n, coalesce(sum(cnt), 0) AS cnt FROM (SELECT cnt FROM temp.cablegraph_fts_words
    WHERE term >= ? AND term < ? LIMIT ${COUNT_UP_TO})`);
  const seen = new Map<string, number>();
  const occurrences = (w: string, isPrefix: boolean): number => {
    const key = `${isPrefix ? '*' : '='}${w}`;
    let n = seen.get(key);
    if (n === undefined) {
      if (isPrefix) {
        const r = prefix.get(w, afterPrefix(w)) as { n: number; cnt: number };
        checkPrefixExpansion(w, r.n, COUNT_UP_TO);
        n = r.cnt;
      } else {
        n = (word.get(w) as number | undefined) ?? 0;
      }
      seen.set(key, n);
    }
    return n;
  };
  const visit = (q: QueryNode): number => {
    switch (q.kind) {
      case 'term': return occurrences(q.word, q.prefix);
      case 'phrase': return q.words.reduce((sum, w) => sum + occurrences(w, false), 0);
      case 'not': return visit(q.positive) + visit(q.negative);
      default: return q.children.reduce((sum, c) => sum + visit(c), 0);
    }
  };
  return visit(query);
}
