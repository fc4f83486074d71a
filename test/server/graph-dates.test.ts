/** The graph's date range: edges kept when a supporting document was published in the range, partial dates compared at their precision. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Entity, Relation } from '../../src/model/index.js';
import { buildGraph, dateWithin } from '../../src/network/graph.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { sampleApp, closeApp } from '../helpers.js';

describe('dateWithin', () => {
  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['2019-11-20', '2019', '2019', true],
    ['2019-11-20', '2019-12', undefined, false],
    ['2019-11-20', undefined, '2019-11', true],
    ['2019-11-20', '2019-11-21', undefined, false],
    ['2020', '2019', '2020-06', true],
    ['', '2019', undefined, false],
    ['2018-01-01', undefined, undefined, true],
  ];
  for (const [date, from, to, expected] of cases) {
    it(`${date || '(undated)'} in ${from ?? '…'}..${to ?? '…'} -> ${expected}`, () => assert.equal(dateWithin(date, from, to), expected));
  }
});

describe('buildGraph with a date range', () => {
  const entity = (id: string): Entity => ({ id, collection: 'c', type: 'PERSON', name: id, aliases: [], mentionCount: 1, documentIds: [] });
  const relation = (id: string, documentId: string): Relation => ({
    id, type: 'met', source: 'a', target: 'b', confidence: 0.9, independentSources: 1, stage: 'facts', version: '1',
    evidence: [{ documentId, start: 0, end: 1, text: 'x' }],
  });
  const entities = [entity('a'), entity('b')];
  const relations = [relation('r2019', 'd2019'), relation('r2021', 'd2021'), relation('rundated', 'dnone')];
  const documentDates = new Map([['d2019', '2019-11-20'], ['d2021', '2021-02']]);

  it('keeps only edges whose documents fall in the range', () => {
    const ids = (from?: string, to?: string) => buildGraph(entities, relations, { from, to, documentDates }).edges.map((e) => e.id).sort();
    assert.deepEqual(ids('2019', '2019'), ['r2019']);
    assert.deepEqual(ids('2020'), ['r2021']);
    assert.deepEqual(ids(undefined, '2021-01'), ['r2019']);
    assert.deepEqual(ids(), ['r2019', 'r2021', 'rundated'], 'no range: every edge, dated or not');
  });
});

describe('GET /api/graph?from=&to=', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  it('filters edges by the publication dates of their documents and rejects malformed dates', async () => {
    const all = (await app.inject({ url: '/api/graph?minConfidence=0' })).json() as { edges: { id: string }[] };
    const docs = (await store.listDocuments(ALL_COLLECTIONS, 100, 0)).items;
    const dated = new Map(docs.filter((d) => d.published).map((d) => [d.id, d.published as string]));
    assert.ok(dated.size > 0, 'the sample corpus has a dated document');
    const year = [...dated.values()][0]!.slice(0, 4);
    const inYear = (await app.inject({ url: `/api/graph?minConfidence=0&from=${year}&to=${year}` })).json() as { edges: { id: string }[] };
    const relations = await store.listRelations(ALL_COLLECTIONS);
    const expected = relations.filter((r) => all.edges.some((e) => e.id === r.id) && r.evidence.some((e) => dated.get(e.documentId)?.startsWith(year))).map((r) => r.id).sort();
    assert.deepEqual(inYear.edges.map((e) => e.id).sort(), expected);
    assert.ok(inYear.edges.length < all.edges.length, 'undated documents fall outside the range');
    const none = (await app.inject({ url: '/api/graph?from=1900&to=1901' })).json() as { edges: unknown[]; nodes: unknown[] };
    assert.deepEqual(none, { nodes: [], edges: [], total: { nodes: 0, edges: 0 } });
    assert.equal((await app.inject({ url: '/api/graph?from=2019-1' })).statusCode, 400);
  });
});
