/** The HTTP API, called in-process (no port): every route, good and bad parameters. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/store.js';
import type { SearchResponse, StoredDocument } from '../../src/model/index.js';
import { sampleApp, closeApp } from '../helpers.js';

describe('HTTP API', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp());
  });
  after(() => closeApp(app, store));

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('searches with snippets, totals and facets', async () => {
    const res = await get('/api/search?q=Iranian&limit=2');
    assert.equal(res.statusCode, 200);
    const body = res.json<SearchResponse>();
    assert.equal(body.total, 3);
    assert.equal(body.results.length, 2);
    assert.ok(body.results[0]!.snippet.parts.some((p) => p.hit && /^iranian$/i.test(p.text)));
    assert.deepEqual(body.facets.collection, [{ value: 'iran-cables', count: 3 }]);
    const page2 = (await get('/api/search?q=Iranian&limit=2&offset=2')).json<SearchResponse>();
    assert.equal(page2.results.length, 1);
  });

  it('explains a query syntax error with a 400', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('"Quds Force')}`);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'bad-query');
    assert.match(res.json().message, /Unbalanced quote/);
  });

  const bad: [string, RegExp][] = [
    ['/api/search', /q/],
    ['/api/search?q=', /q/],
    ['/api/search?q=Iran&limit=0', /limit/],
    ['/api/search?q=Iran&limit=abc', /limit/],
    ['/api/search?q=Iran&offset=-1', /offset/],
    ['/api/search?q=Iran&from=2019-13-45x', /from/],
    ['/api/search?q=Iran&bogus=1', /additional/],
    ['/api/documents?limit=1000', /limit/],
    ['/api/documents/not-an-id', /id/],
    ['/api/export?format=xml', /format/],
  ];
  for (const [url, message] of bad) {
    it(`rejects ${url} with a 400 and a message`, async () => {
      const res = await get(url);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().message, message);
    });
  }

  it('lists and returns documents', async () => {
    const list = (await get('/api/documents?limit=10')).json<{ items: { id: string }[]; total: number }>();
    assert.equal(list.total, 3);
    const res = await get(`/api/documents/${list.items[0]!.id}`);
    assert.equal(res.statusCode, 200);
    const doc = res.json<StoredDocument & { children: unknown[]; mentions: unknown[] }>();
    assert.ok(doc.text.length > 1000);
    assert.ok(doc.sentences.length > 10);
    assert.deepEqual(doc.children, []);
    assert.ok(Array.isArray(doc.mentions));
  });

  it('answers 404 for an unknown document and an unknown route', async () => {
    assert.equal((await get('/api/documents/0123456789abcdef')).statusCode, 404);
    const res = await get('/api/nothing-here');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error, 'not-found');
  });

  it('reports stats', async () => {
    const stats = (await get('/api/stats')).json();
    assert.equal(stats.documents, 3);
    assert.deepEqual(stats.byLanguage, [{ value: 'en', count: 3 }]);
  });

  it('exports the JSON contract', async () => {
    const res = await get('/api/export');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.version, 1);
    assert.equal(body.documents.length, 3);
    for (const key of ['id', 'title', 'source', 'published', 'language', 'sha256', 'path', 'parent']) assert.ok(key in body.documents[0], key);
    for (const key of ['entities', 'relations', 'events', 'claims']) assert.ok(Array.isArray(body[key]), key);
  });

  it('describes itself in OpenAPI at /api/docs', async () => {
    const spec = (await get('/api/docs/json')).json();
    assert.equal(spec.openapi.startsWith('3'), true);
    assert.ok(spec.paths['/api/search']);
    assert.ok(spec.paths['/api/documents/{id}']);
    assert.equal((await get('/api/docs')).statusCode < 400, true);
  });

  it('keeps documents outside the scope invisible', async () => {
    const scoped = await buildApp({ store, webRoot: '/nonexistent', scope: { collections: ['someone-else'] } });
    const res = await scoped.inject({ method: 'GET', url: '/api/search?q=Soleimani' });
    assert.equal(res.json().total, 0);
    await scoped.close();
  });
});
