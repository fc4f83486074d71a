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

const DOCUMENTS = 5000;
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
      assert.match(s.error.message, /took longer than [\d.]+ m?s and was stopped; narrow the query/u);
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

  it('keeps costly searches to one lane: four at once leave the other readers to a simple search', async (ctx) => {
    const queries = [SLOW, Array(64).fill('the').join(' OR '), `${Array(63).fill('the').join(' ')} of`, `of ${Array(63).fill('the').join(' OR ')}`];
    let fastest = Infinity;
    for (const q of queries) {
      const t = performance.now();
      await search(inline, q);
      fastest = Math.min(fastest, performance.now() - t);
    }
    // Each costly search alone takes 2.5 budgets (unless this machine is so fast that the 250 ms floor applies).
    const budget = Math.max(250, Math.round(fastest / 2.5));
    const pooled = await openCorpus(path, { searchBudgetMs: budget });
    opened.push(pooled);
    await pooled.startSearchReaders();
    const start = performance.now();
    const costly = queries.map((q) => timed(start, search(pooled, q)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const simple = await Promise.all(['Tehran', 'oil OR gas', '"armed forces"'].map((q) => timed(start, search(pooled, q))));
    const results = await Promise.all(costly);
    ctx.diagnostic(`fastest costly alone ${fastest.toFixed(0)} ms, budget ${budget} ms; simple searches at ${simple.map((r) => r.at.toFixed(0)).join(', ')} ms; costly ones `
      + results.map((r) => `${r.error ? (r.error as Error).message.slice(0, 20) : 'answered'} at ${r.at.toFixed(0)} ms`).join('; '));
    // Answered in full, not stopped: had they waited for readers busy with costly searches, they would have run out of
    // budget (a search left with a tenth of it is refused), as the costly ones do.
    for (const [i, r] of simple.entries()) assert.deepEqual(r.value, await search(inline, ['Tehran', 'oil OR gas', '"armed forces"'][i]!), String(r.error));
    const stopped = results.filter((r) => r.error);
    for (const r of stopped) assert.ok(r.error instanceof SearchTimeoutError, String(r.error));
    for (const r of results) assert.ok(r.at < 3 * budget, `every costly search answered near its budget: ${r.at.toFixed(0)} ms`);
    if (fastest > 2 * budget) {
      assert.equal(stopped.length, 4, 'none fits the budget');
      // Without the lane, three would run at once (and be stopped as too slow) and one would find every reader busy.
      const waited = stopped.filter((r) => /^Other costly searches are running/u.test((r.error as Error).message)).length;
      assert.ok(waited >= 2, `costly searches waited for the lane (${waited} of 4 say so)`);
    }
    assert.deepEqual(await search(pooled, 'oil'), await search(inline, 'oil'), 'the pool works afterwards');
  });
});
