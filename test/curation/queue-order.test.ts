/**
 * The review queue's order and paging over HTTP on the extracted sample corpus, after decisions of every kind: the
 * relation queue (read with first spans, sentences for the page only) gives the same pages, evidence and totals as the
 * whole read ordered in full; events and claims come highest priority first (the centrality of the entities they name),
 * with the sentences the whole read gives.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { FactReviewItem, ReviewItem } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import type { StoredProposal } from '../../src/store/review.js';
import { stateOf } from '../../src/network/review.js';
import { closeApp, sampleApp } from '../helpers.js';

describe('review queue order and paging', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  const get = async <T>(url: string): Promise<{ total: number; items: T[] }> => {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  /** Merged-edge degree per entity, counted from the edge list. */
  const degrees = async (): Promise<Map<string, number>> => {
    const out = new Map<string, number>();
    for (const e of await store.listEdges(ALL_COLLECTIONS)) for (const x of [e.source, e.target]) out.set(x, (out.get(x) ?? 0) + 1);
    return out;
  };

  it('pages relations as the whole read ordered in full does, with each page\'s evidence, after accept, reject and edit', async () => {
    const first = (await get<ReviewItem>('/api/review?limit=500')).items;
    assert.ok(first.length > 10, `${first.length} proposals`);
    const decide = async (id: string, body: object) => {
      const res = await app.inject({ method: 'POST', url: `/api/review/relations/${id}`, payload: { by: 'mara', ...body } });
      assert.equal(res.statusCode, 200, res.body);
    };
    await decide(first[0]!.id, { verdict: 'rejected', reason: 'misread' });
    await decide(first[1]!.id, { verdict: 'accepted' });
    await decide(first[2]!.id, { verdict: 'edited', edit: { swap: true } });

    // The reference: every proposal read with its evidence, filtered and ordered in full.
    const degree = await degrees();
    const all = await store.reviews.proposals(ALL_COLLECTIONS, { withRejected: true });
    const priority = (p: StoredProposal) => (1 - p.confidence) * Math.log(1 + (degree.get(p.sourceEntity) ?? 0) + (degree.get(p.targetEntity) ?? 0));
    const reference = (keep: (p: StoredProposal) => boolean) => all.filter(keep).sort((a, b) => priority(b) - priority(a)
      || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) || (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0) || (a.id < b.id ? -1 : 1));
    const entity = first[3]!.source.id;
    const documentId = first[3]!.documentId;
    const cases: [string, (p: StoredProposal) => boolean][] = [
      ['', (p) => stateOf(p) === 'unreviewed'],
      ['&state=all', () => true],
      ['&state=rejected', (p) => stateOf(p) === 'rejected'],
      ['&state=accepted', (p) => stateOf(p) === 'accepted'],
      [`&entity=${entity}`, (p) => stateOf(p) === 'unreviewed' && (p.sourceEntity === entity || p.targetEntity === entity)],
      [`&document=${documentId}&state=all`, (p) => p.documentId === documentId],
      [`&type=${first[4]!.type}&minConfidence=0.5`, (p) => stateOf(p) === 'unreviewed' && p.type === first[4]!.type && p.confidence >= 0.5],
    ];
    for (const [query, keep] of cases) {
      const expected = reference(keep);
      assert.ok(expected.length > 0, `the case ${query || 'default'} lists something`);
      for (const [offset, limit] of [[0, 7], [7, 7], [Math.max(0, expected.length - 3), 5]] as const) {
        const page = await get<ReviewItem>(`/api/review?limit=${limit}&offset=${offset}${query}`);
        assert.equal(page.total, expected.length, `total of ${query}`);
        const want = expected.slice(offset, offset + limit);
        assert.deepEqual(page.items.map((x) => [x.id, x.state]), want.map((p) => [p.id, stateOf(p)]), `page ${offset} of ${query}`);
        assert.deepEqual(page.items.map((x) => x.evidence), want.map((p) => p.evidence), `evidence of page ${offset} of ${query}`);
        assert.ok(page.items.every((x) => x.evidence.length > 0 && x.evidence.every((e) => e.text.length > 0)), 'sentences are shown');
      }
    }
  });

  for (const kind of ['event', 'claim'] as const) {
    it(`orders ${kind}s by the centrality of the entities they name, not by document`, async () => {
      const degree = await degrees();
      const { items, total } = await get<FactReviewItem>(`/api/review?kind=${kind}&state=all&limit=500`);
      assert.ok(total > 1 && items.length === total, `${total} ${kind}s`);
      for (const x of items) {
        const expected = Math.log(1 + [...new Set(x.entities.map((e) => e.id))].reduce((n, e) => n + (degree.get(e) ?? 0), 0));
        assert.equal(x.priority, Math.round(expected * 1e4) / 1e4, `priority of ${x.id}`);
      }
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1]!, items[i]!];
        assert.ok(a.priority > b.priority || (a.priority === b.priority && (a.documentId < b.documentId
          || (a.documentId === b.documentId && (a.evidence[0]?.start ?? 0) <= (b.evidence[0]?.start ?? 0)))), `${a.id} before ${b.id}`);
      }
      const whole = new Map((await store.reviews.facts.proposals(kind, ALL_COLLECTIONS, { withRejected: true })).map((p) => [p.id, p.fact.evidence]));
      for (const x of items) assert.deepEqual(x.evidence, whole.get(x.id), `the sentences of ${x.id}, read for its page`);
      assert.ok(items.every((x) => x.evidence[0]?.text), 'sentences are shown');
      const page = await get<FactReviewItem>(`/api/review?kind=${kind}&state=all&limit=3&offset=2`);
      assert.deepEqual(page.items.map((x) => x.id), items.slice(2, 5).map((x) => x.id), 'pages follow the order');
    });
  }
});
