/**
 * Review over HTTP on the sample corpus: the queue (order, filters, evidence spans), reject that survives reprocess,
 * accept that survives a model no longer proposing it, undo, the reviewed-only filter, and a relation made by hand with
 * its span in the network and exports (stage analyst).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Stage } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { defaultStages, finishIngest, runStages } from '../../src/pipeline.js';
import { sampleApp, closeApp } from '../helpers.js';

interface Item { id: string; state: string; type: string; confidence: number; priority: number; documentId: string; source: { id: string }; target: { id: string }; evidence: { documentId: string; start: number; end: number; text: string }[] }

describe('review over HTTP', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  const queue = async (query = ''): Promise<{ items: Item[]; total: number }> => {
    const res = await app.inject({ method: 'GET', url: `/api/review?limit=500${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const decide = (id: string, body: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/review/relations/${id}`, payload: body });
  // Evidence of every relation the store reads (the network, entity pages and exports all read these).
  const cited = async () => new Set((await store.listRelations(ALL_COLLECTIONS)).flatMap((r) => r.evidence.map((e) => `${r.type}@${e.documentId}:${e.start}`)));
  const reprocess = async (stages: Stage[]) => {
    await runStages(store, stages, ALL_COLLECTIONS, undefined, { force: true });
    await finishIngest(store, 'iran-cables');
  };

  it('lists proposals by priority, with evidence spans that open the reader at the sentence', async () => {
    const { items, total } = await queue();
    assert.ok(total > 10 && items.length === total, `${total} proposals`);
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.priority >= items[i]!.priority, 'highest priority first');
    const first = items[0]!;
    const doc = (await app.inject({ method: 'GET', url: `/api/documents/${first.documentId}` })).json() as { text: string };
    const e = first.evidence[0]!;
    assert.equal(doc.text.slice(e.start, e.end), e.text);
    const type = first.type;
    assert.ok((await queue(`&type=${type}`)).items.every((x) => x.type === type));
    const entity = first.source.id;
    assert.ok((await queue(`&entity=${entity}`)).items.every((x) => x.source.id === entity || x.target.id === entity));
    assert.ok((await queue('&minConfidence=0.5')).items.every((x) => x.confidence >= 0.5));
    assert.equal((await app.inject({ method: 'GET', url: '/api/review?state=maybe' })).statusCode, 400);
  });

  it('a rejected proposal leaves the network and stays rejected after reprocess; undo brings it back', async () => {
    const [item] = (await queue()).items;
    const mark = `${item!.type}@${item!.documentId}:${item!.evidence[0]!.start}`;
    assert.ok((await cited()).has(mark));
    const res = await decide(item!.id, { verdict: 'rejected', reason: 'not in the sentence', by: 'ana' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().by, res.json().reason], ['ana', 'not in the sentence']);
    assert.equal((await cited()).has(mark), false);
    await reprocess(defaultStages());
    assert.equal((await cited()).has(mark), false, 'the extractor proposed it again; it stays rejected');
    assert.ok((await queue('&state=rejected')).items.some((x) => x.id === item!.id));
    const undo = await app.inject({ method: 'DELETE', url: `/api/review/relations/${item!.id}?by=ana` });
    assert.equal(undo.statusCode, 200, undo.body);
    assert.ok((await cited()).has(mark));
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/review/relations/${item!.id}` })).statusCode, 404, 'nothing left to undo');
  });

  it('an accepted proposal stays when a new model no longer proposes it, marked so; reviewed-only keeps it', async () => {
    const [, item] = (await queue()).items;
    assert.equal((await decide(item!.id, { verdict: 'accepted', by: 'bob' })).statusCode, 200);
    const silent: Stage = { name: 'facts', version: 'proposes-nothing', run: () => ({ relations: [], events: [], claims: [] }) };
    await reprocess([silent]);
    const rels = await store.listRelations(ALL_COLLECTIONS);
    assert.equal(rels.length, 1, 'only the accepted relation is left');
    assert.deepEqual([rels[0]!.review?.verdict, rels[0]!.review?.kept, rels[0]!.review?.by], ['accepted', true, 'bob']);
    const graph = (await app.inject({ method: 'GET', url: '/api/graph?minConfidence=0&reviewedOnly=true' })).json() as { edges: { review: string }[] };
    assert.deepEqual(graph.edges.map((e) => e.review), ['kept']);
    const exported = (await app.inject({ method: 'GET', url: '/api/export' })).json() as { relations: { review?: { verdict: string; by: string } }[] };
    assert.deepEqual(exported.relations.map((r) => r.review?.verdict), ['accepted, no longer proposed']);
    await reprocess(defaultStages());
    assert.ok((await queue('&state=accepted')).items.some((x) => x.id === item!.id), 'proposed again: accepted, no longer kept');
    const all = (await app.inject({ method: 'GET', url: '/api/graph?minConfidence=0' })).json() as { edges: { review: string }[] };
    const reviewed = (await app.inject({ method: 'GET', url: '/api/graph?minConfidence=0&reviewedOnly=true' })).json() as { edges: { review: string }[] };
    assert.ok(all.edges.length > reviewed.edges.length && reviewed.edges.every((e) => e.review === 'accepted'));
  });

  it('an edit changes type and direction, recorded; an unknown type is refused', async () => {
    const item = (await queue()).items.find((x) => x.type !== 'controls' && x.source.id !== x.target.id)!;
    assert.equal((await decide(item.id, { verdict: 'edited', edit: { type: 'no_such_type' } })).statusCode, 400);
    const res = await decide(item.id, { verdict: 'edited', edit: { type: 'controls', swap: true }, by: 'dan' });
    assert.equal(res.statusCode, 200, res.body);
    const edited = (await store.listRelations(ALL_COLLECTIONS)).find((r) => r.review?.verdict === 'edited');
    assert.ok(edited);
    assert.deepEqual([edited.type, edited.source, edited.target, edited.review?.by], ['controls', item.target.id, item.source.id, 'dan']);
    assert.ok((await queue('&state=accepted')).items.some((x) => x.id === item.id), 'the proposal keeps its id once edited');
  });

  it('a relation made by hand from a span shows in the network and exports with stage analyst, and survives reprocess', async () => {
    const { items } = await queue();
    const item = items.find((x) => x.type !== 'met')!;
    const e = item.evidence[0]!;
    const body = { type: 'met', source: item.source.id, target: item.target.id, evidence: { documentId: e.documentId, start: e.start, end: e.end }, by: 'carol' };
    const res = await app.inject({ method: 'POST', url: '/api/relations', payload: body });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().snapshot.stage, 'analyst');
    assert.equal((await app.inject({ method: 'POST', url: '/api/relations', payload: { ...body, evidence: { ...body.evidence, end: 10 ** 7 } } })).statusCode, 400);
    await reprocess(defaultStages());
    const [a, b] = [item.source.id, item.target.id].sort();
    const graph = (await app.inject({ method: 'GET', url: '/api/graph?minConfidence=0&reviewedOnly=true' })).json() as { edges: { type: string; source: string; target: string }[] };
    assert.ok(graph.edges.some((x) => x.type === 'met' && [x.source, x.target].sort().join() === [a, b].join()));
    const exported = (await app.inject({ method: 'GET', url: '/api/export' })).json() as { relations: { type: string; stage: string; evidence: { start: number }[]; review?: { by: string } }[] };
    const made = exported.relations.find((r) => r.stage === 'analyst');
    assert.ok(made && made.review?.by === 'carol' && made.evidence.some((x) => x.start === e.start));
    const csv = (await app.inject({ method: 'GET', url: '/api/export?format=csv&reviewedOnly=true' })).body;
    assert.match(csv, /,accepted,analyst,/u, 'the CSV row says reviewed and stage analyst');
  });
});
