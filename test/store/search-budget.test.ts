/**
 * Searches run in reader processes with a time budget: a slow query is stopped at its budget while a simple search and
 * other reads are answered meanwhile, the pool recovers, and results are the same as a search on the calling thread.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseQuery, SearchTimeoutError } from '../../src/store/query.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { CORPUS_SOURCE, corpusStoreFile, openCorpus } from './search-corpus.js';

const DOCUMENTS = 3000;
// Within every limit, yet slow: bm25 weighs 64 phrases at every position of the commonest word.
const SLOW = Array(64).fill('the').join(' ');
const NORMAL = ['Tehran', 'oil OR gas', '"armed forces"', 'border* -dispute', 'NEAR(capital city, 5)', '(export OR import) AND petroleum'];

const search = (store: SqliteStore, q: string) => store.search({ query: parseQuery(q), limit: 20, offset: 0 }, ALL_COLLECTIONS);

/** When a promise settled (ms after `start`) and how. */
async function timed<T>(start: number, work: Promise<T>): Promise<{ at: number; value?: T; error?: unknown }> {
  try {
    const value = await work;
    return { at: performance.now() - start, value };
  } catch (error) {
    return { at: performance.now() - start, error };
  }
}

/** Processes this one started (Linux /proc), or null where that cannot be read. */
function childProcesses(): number[] | null {
  const file = `/proc/${process.pid}/task/${process.pid}/children`;
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\s+/u).filter(Boolean).map(Number) : null;
}

describe(`search budget on ${DOCUMENTS} documents (${CORPUS_SOURCE})`, () => {
  let path = '';
  let inline: SqliteStore;
  const opened: SqliteStore[] = [];
  before(async () => {
    path = await corpusStoreFile(DOCUMENTS);
    inline = await openCorpus(path, { searchReaders: 0 });
    opened.push(inline);
  });
  after(async () => { for (const s of opened) await s.close(); });

  it('returns the same results, scores, snippets and facets through the readers as on the calling thread', async () => {
    const pooled = await openCorpus(path, {});
    opened.push(pooled);
    for (const q of NORMAL) assert.deepEqual(await search(pooled, q), await search(inline, q), q);
    const paged = { query: parseQuery('the'), limit: 5, offset: 40, collections: ['corpus'] };
    assert.deepEqual(await pooled.search(paged, ALL_COLLECTIONS), await inline.search(paged, ALL_COLLECTIONS));
  });

  it('stops a slow query at its budget while a simple search and a document read are answered first', async (ctx) => {
    // The budget follows this machine's speed: a quarter of the slow query's time, ten times a simple one's.
    let t = performance.now();
    await search(inline, SLOW);
    const slowAlone = performance.now() - t;
    t = performance.now();
    await search(inline, 'Tehran');
    const simpleAlone = performance.now() - t;
    const budget = Math.max(250, Math.round(slowAlone / 4), Math.round(simpleAlone * 10));

    const pooled = await openCorpus(path, { searchBudgetMs: budget });
    opened.push(pooled);
    // Readers started, so what is measured below is the budget, not a start.
    await pooled.startSearchReaders();
    const id = (await search(pooled, 'Tehran')).results[0]!.document.id;

    const start = performance.now();
    const slow = timed(start, search(pooled, SLOW));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const simple = timed(start, search(pooled, 'Tehran'));
    const read = timed(start, pooled.getDocument(id, ALL_COLLECTIONS));
    const [s, q, st] = await Promise.all([slow, simple, read]);
    ctx.diagnostic(`alone: slow ${slowAlone.toFixed(0)} ms, simple ${simpleAlone.toFixed(0)} ms; budget ${budget} ms; together: `
      + `simple ${q.at.toFixed(0)} ms, document ${st.at.toFixed(0)} ms, slow ${s.error ? 'stopped' : 'answered'} at ${s.at.toFixed(0)} ms`);

    assert.deepEqual(q.value, await search(inline, 'Tehran'), 'the simple search is answered in full');
    assert.equal(st.value?.id, id, 'other reads are answered');
    assert.ok(q.at < s.at && st.at < s.at, `simple search (${q.at.toFixed(0)} ms) and document read (${st.at.toFixed(0)} ms) come before the slow one (${s.at.toFixed(0)} ms)`);
    if (slowAlone > 2 * budget) {
      assert.ok(s.error instanceof SearchTimeoutError, `the slow query is stopped, got ${String(s.error ?? 'an answer')}`);
      assert.match(s.error.message, /took longer than .* s and was stopped; narrow the query/u);
      assert.ok(s.at < slowAlone, `answered at its budget (${s.at.toFixed(0)} ms), not when the query would have ended (${slowAlone.toFixed(0)} ms)`);
    } else {
      assert.ok(s.value || s.error instanceof SearchTimeoutError, 'answered or stopped, nothing else');
    }

    // The stopped reader is gone (killed, not left running the query) and replaced: several searches at once all succeed.
    const again = await Promise.all(NORMAL.slice(0, 3).map((qq) => search(pooled, qq)));
    for (const [i, res] of again.entries()) assert.deepEqual(res, await search(inline, NORMAL[i]!));
    const children = childProcesses();
    if (children) assert.ok(children.length <= 3 + 3, `reader processes: at most 3 per pooled store, found ${children.length} children`);
  });

  it('runs a search queued behind a stopped one on the reader that replaces it', async () => {
    const pooled = await openCorpus(path, { searchBudgetMs: 250, searchReaders: 1 });
    opened.push(pooled);
    await pooled.startSearchReaders();
    const start = performance.now();
    const slow = timed(start, search(pooled, SLOW));
    const queued = timed(start, search(pooled, 'oil OR gas'));
    const [s, q] = await Promise.all([slow, queued]);
    assert.ok(s.error instanceof SearchTimeoutError || s.value, 'answered or stopped, nothing else');
    assert.deepEqual(q.value, await search(inline, 'oil OR gas'), `the queued search is answered (${String(q.error ?? '')})`);
  });
});
