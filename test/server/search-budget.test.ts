/**
 * /api/search under hostile queries (issue 14): queries over a limit are 400s naming the limit and the value, a slow
 * query within the limits is a 503 at its budget, and requests made meanwhile are answered first.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { parseQuery } from '../../src/store/query.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { CORPUS_SOURCE, corpusStoreFile, openCorpus } from '../store/search-corpus.js';

const DOCUMENTS = 3000;
const SLOW = Array(64).fill('the').join(' ');
const url = (q: string): string => `/api/search?q=${encodeURIComponent(q)}`;

describe(`/api/search with limits and a time budget (${DOCUMENTS} documents, ${CORPUS_SOURCE})`, () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  let budget = 0;
  let slowAlone = 0;
  let documentId = '';
  before(async () => {
    const path = await corpusStoreFile(DOCUMENTS);
    // The budget follows this machine's speed: a quarter of the slow query's time on the calling thread.
    const inline = await openCorpus(path, { searchReaders: 0 });
    // A ledger of 1,500 different words starting with "zq", so a prefix over the limit exists whatever the corpus.
    const ledger = `Ledger ${Array.from({ length: 1500 }, (_, i) => `zq${i.toString(36)}`).join(' ')}`;
    await inline.putDocuments([{ collection: 'corpus', sentences: [], doc: {
      sha256: 'f'.repeat(64), path: 'ledger.txt', format: 'text', text: ledger, original: new TextEncoder().encode(ledger),
    } }]);
    const t = performance.now();
    await inline.search({ query: parseQuery(SLOW), limit: 20, offset: 0 }, ALL_COLLECTIONS);
    slowAlone = performance.now() - t;
    await inline.close();
    budget = Math.max(250, Math.round(slowAlone / 4));
    store = await openCorpus(path, { searchBudgetMs: budget });
    app = await buildApp({ store, webRoot: '/nonexistent' });
    await store.startSearchReaders();
    const warm = await app.inject({ method: 'GET', url: url('Tehran') });
    documentId = warm.json<{ results: { document: { id: string } }[] }>().results[0]!.document.id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  // [what, query, message]: the queries of the hardening report, and one over each limit the store checks.
  const refused: [string, string, RegExp][] = [
    ['330 x a* joined by OR', Array(330).fill('a*').join(' OR '), /^A query may hold at most 64 terms; this one has 330\.$/u],
    ['"the " x 399', 'the '.repeat(399), /^A query may hold at most 64 terms; this one has 399\.$/u],
    ['a NEAR of 160 common words', `NEAR(${Array.from({ length: 160 }, (_, i) => ['the', 'of', 'and', 'in'][i % 4]).join(' ')}, 10)`,
      /^A query may hold at most 64 terms; this one has 160\.$/u],
    ['2,500 characters', 'Iran '.repeat(500), /^A query may be at most 2,000 characters long; this one has 2,500\.$/u],
    ['a prefix standing for 1,500 words', 'Ledger AND zq*', /^A prefix may stand for at most 1,000 different words; "zq\*" stands for 1,500 in this store: type more of the word\.$/u],
    ['NEAR of 9', 'NEAR(the of and in to a is for on, 10)', /^A NEAR may join at most 8 words or phrases; this one joins 9\.$/u],
  ];
  for (const [what, q, message] of refused) {
    it(`answers 400 naming the limit: ${what}`, async () => {
      const res = await app.inject({ method: 'GET', url: url(q) });
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json<{ error: string; message: string }>();
      assert.equal(body.error, 'bad-query');
      assert.match(body.message, message);
    });
  }

  it('answers 503 to a slow query at its budget; a search, /api/schema and a document made meanwhile come first', async (ctx) => {
    const start = performance.now();
    const at = async (path: string) => {
      const res = await app.inject({ method: 'GET', url: path });
      return { res, at: performance.now() - start };
    };
    const slow = at(url(SLOW));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [s, simple, schema, doc] = await Promise.all([slow, at(url('Tehran')), at('/api/schema'), at(`/api/documents/${documentId}`)]);
    ctx.diagnostic(`slow alone ${slowAlone.toFixed(0)} ms, budget ${budget} ms; search ${simple.at.toFixed(0)} ms, schema `
      + `${schema.at.toFixed(0)} ms, document ${doc.at.toFixed(0)} ms, slow ${s.res.statusCode} at ${s.at.toFixed(0)} ms`);
    for (const other of [simple, schema, doc]) {
      assert.equal(other.res.statusCode, 200, other.res.body);
      assert.ok(other.at < s.at, `answered at ${other.at.toFixed(0)} ms, before the slow query (${s.at.toFixed(0)} ms)`);
    }
    assert.ok(simple.res.json<{ total: number }>().total > 0);
    if (slowAlone > 2 * budget) {
      assert.equal(s.res.statusCode, 503, s.res.body);
      const body = s.res.json<{ error: string; message: string }>();
      assert.equal(body.error, 'search-timeout');
      assert.match(body.message, /^The search took longer than [\d.]+ m?s and was stopped; narrow the query/u);
      assert.ok(s.at < slowAlone, `stopped at its budget (${s.at.toFixed(0)} ms), not when the query would have ended`);
    } else {
      assert.ok([200, 503].includes(s.res.statusCode));
    }
    const after = await app.inject({ method: 'GET', url: url('oil OR gas') });
    assert.equal(after.statusCode, 200, 'the next search runs on a replacement reader');
  });
});
