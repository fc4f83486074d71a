/** The network routes in-process on the extracted sample corpus: entities, relations, graph, timeline, documents, decisions. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { sampleApp, closeApp } from '../helpers.js';

describe('network API', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));
  const get = (url: string) => app.inject({ method: 'GET', url });
  const find = async (q: string) => (await get(`/api/entities?q=${encodeURIComponent(q)}`)).json().items[0];

  it('finds an entity by a spelling variant and shows its page', async () => {
    const e = await find('Qasem Soleimani');
    assert.equal(e.type, 'PERSON');
    const view = (await get(`/api/entities/${e.id}`)).json();
    assert.ok(view.relations.length > 0);
    for (const r of view.relations) {
      assert.ok(r.evidence.length > 0 && typeof r.evidence[0].text === 'string');
      assert.ok(r.independentSources >= 1);
    }
    assert.ok(view.documents.length >= 1);
  });

  it('returns a relation with its evidence and names', async () => {
    const graph = (await get('/api/graph')).json();
    const edge = graph.edges[0];
    const rel = (await get(`/api/relations/${edge.id}`)).json();
    assert.equal(rel.id, edge.id);
    assert.ok(rel.sourceName && rel.targetName);
    assert.ok(rel.evidence.length >= 1);
  });

  it('filters the graph and hides low-confidence edges by default', async () => {
    const all = (await get('/api/graph?minConfidence=0')).json();
    const shown = (await get('/api/graph')).json();
    assert.ok(all.edges.length >= shown.edges.length);
    assert.ok(shown.edges.every((e: { confidence: number }) => e.confidence >= 0.5));
    const onlyRoles = (await get('/api/graph?relationTypes=role_in')).json();
    assert.ok(onlyRoles.edges.length > 0 && onlyRoles.edges.every((e: { type: string }) => e.type === 'role_in'));
    const e = await find('Hejazi');
    const hood = (await get(`/api/graph?entity=${e.id}&hops=1`)).json();
    assert.ok(hood.nodes.some((n: { id: string }) => n.id === e.id));
    assert.ok(hood.edges.every((x: { source: string; target: string }) => x.source === e.id || x.target === e.id));
  });

  it('lists dated events on the timeline', async () => {
    const t = (await get('/api/timeline')).json();
    assert.ok(t.events.length > 0);
    const dates = t.events.map((e: { date: string }) => e.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(t.events.some((e: { date: string }) => e.date === '2020-01-03'));
  });

  it('gives the reader mentions with entity ids and the facts found in the document', async () => {
    const docs = (await get('/api/documents')).json().items;
    const doc = (await get(`/api/documents/${docs[0].id}`)).json();
    assert.ok(doc.mentions.length > 10);
    assert.ok(doc.mentions.every((m: { entityId: string; start: number; end: number; text: string }) =>
      /^ent_/.test(m.entityId) && doc.text.slice(m.start, m.end) === m.text));
    for (const list of [doc.relations, doc.events, doc.claims]) {
      for (const x of list) for (const ev of x.evidence) assert.equal(doc.text.slice(ev.start, ev.end), ev.text);
    }
  });

  it('rejects bad network parameters with 400s', async () => {
    for (const url of ['/api/entities/nope', '/api/graph?relationTypes=loves', '/api/graph?minConfidence=2', '/api/timeline?from=yesterday', '/api/relations/x']) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.ok(res.json().message);
    }
    assert.equal((await get('/api/entities/ent_0000000000000000')).statusCode, 404);
    const bad = await app.inject({ method: 'POST', url: '/api/decisions/merge', payload: { a: 'ent_0000000000000000' } });
    assert.equal(bad.statusCode, 400);
  });

  it('merges two entities on request and splits them again', async () => {
    const a = await find('Hejazi');
    const b = await find('Abu Fadak');
    const merged = await app.inject({ method: 'POST', url: '/api/decisions/merge', payload: { a: a.id, b: b.id, by: 'test' } });
    assert.equal(merged.statusCode, 200, merged.body);
    const after = (await get(`/api/entities?q=${encodeURIComponent('Abu Fadak')}`)).json().items[0];
    const view = (await get(`/api/entities/${after.id}`)).json();
    assert.ok(view.entity.members.length >= 2);
    assert.ok(view.entity.reasons.some((r: { rule: string }) => /user|decision|merge/i.test(r.rule)));
    const fadakMember = view.entity.members.find((m: string) => /fadak/.test(m));
    const split = await app.inject({ method: 'POST', url: '/api/decisions/split', payload: { entity: after.id, member: fadakMember } });
    assert.equal(split.statusCode, 200, split.body);
    const apart = await find('Abu Fadak');
    const hejazi = await find('Hejazi');
    assert.notEqual(apart.id, hejazi.id);
  });
});
