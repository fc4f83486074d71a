/**
 * Merges in the review queue over HTTP on the extracted sample corpus: resolution's merges (rule, score, the two names'
 * first mentions as evidence) wait as proposals; reject undoes the merge, accept keeps it, undo returns to the decision
 * before; each recorded with who and when, audited, and kept when the collection is resolved again from scratch.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { MergeReviewItem } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { resolveEntities } from '../../src/pipeline/resolve-collection.js';
import { closeApp, sampleApp } from '../helpers.js';

const COLLECTION = 'iran-cables';

describe('merges in the review queue', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  const queue = async (query: string): Promise<{ total: number; items: MergeReviewItem[] }> => {
    const res = await app.inject({ method: 'GET', url: `/api/review?kind=merge&limit=500&${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const decide = (id: string, verdict: string, reason?: string) => app.inject({
    method: 'POST', url: `/api/review/merges/${id}`, payload: { verdict, by: 'mara', ...(reason ? { reason } : {}) },
  });
  const undo = (id: string) => app.inject({ method: 'DELETE', url: `/api/review/merges/${id}?by=mara` });
  /** The entity each candidate key is in now. */
  const together = async (item: MergeReviewItem): Promise<boolean> => {
    const map = await store.resolution.entityOfKeys(COLLECTION, [item.a, item.b]);
    assert.ok(map.get(item.a) && map.get(item.b), 'both candidates are resolved');
    return map.get(item.a) === map.get(item.b);
  };

  it('lists the merges resolution made by a rule, with score, priority and the names as they appear in their documents', async () => {
    const page = await queue('');
    const reasons = (await store.reviews.merges.reasons(ALL_COLLECTIONS)).filter((r) => r.reason.rule !== 'exact-norm');
    assert.ok(page.total > 0 && page.total === new Set(reasons.map((r) => [r.reason.a, r.reason.b].sort().join(' '))).size,
      `every merge but exact-name ones is a proposal (${page.total} of ${reasons.length} reasons)`);
    assert.ok(page.items.every((x) => x.kind === 'merge' && x.state === 'unreviewed' && x.type !== 'exact-norm'));
    for (let i = 1; i < page.items.length; i++) assert.ok(page.items[i - 1]!.priority >= page.items[i]!.priority, 'highest priority first');
    for (const x of page.items.slice(0, 10)) {
      assert.equal(x.evidence.length, 2, `both names of ${x.id} are cited`);
      for (const e of x.evidence) {
        const doc = await store.getDocument(e.documentId, ALL_COLLECTIONS);
        assert.equal(doc?.text.slice(e.start, e.end), e.text, 'evidence is a span of the stored text');
      }
      assert.equal(x.entities.length, 1, 'one entity holds both sides');
      assert.ok(await together(x));
    }
    const rule = page.items[0]!.type;
    assert.ok((await queue(`type=${rule}`)).items.every((x) => x.type === rule));
    const entity = page.items[0]!.entities[0]!.id;
    assert.ok((await queue(`entity=${entity}`)).items.every((x) => x.entities.some((e) => e.id === entity)));
  });

  it('reject undoes the merge (recorded, audited, kept by a full resolution); undo joins the names again', async () => {
    const [item] = (await queue('')).items;
    assert.ok(item);
    const res = await decide(item.id, 'rejected', 'different people');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().verdict, res.json().by, res.json().reason, res.json().kind], ['rejected', 'mara', 'different people', 'merge']);
    assert.equal(await together(item), false, 'the two names are apart');
    const rejected = (await queue('state=rejected')).items.find((x) => x.id === item.id);
    assert.ok(rejected, 'listed as rejected');
    assert.equal(rejected.rejection?.by, 'mara');
    assert.equal(rejected.rejection?.reason, 'different people');
    assert.equal(rejected.entities.length, 2, 'the two sides are two entities now');
    assert.ok(!(await queue('')).items.some((x) => x.id === item.id), 'no longer waiting');
    await resolveEntities(store, COLLECTION);
    assert.equal(await together(item), false, 'a full resolution keeps them apart');
    const audit = await store.trust.listAudit({ limit: 100 });
    assert.ok(audit.some((a) => a.action === 'review' && a.target === item.id), 'audited');

    assert.equal((await undo(item.id)).statusCode, 200);
    assert.equal(await together(item), true, 'resolution joins them again');
    assert.equal((await store.resolution.latestDecision(COLLECTION, item.a, item.b))?.kind, 'clear', 'the pair is back with resolution');
    assert.ok(!(await queue('state=rejected')).items.some((x) => x.id === item.id));
    assert.equal((await undo(item.id)).statusCode, 404, 'nothing left to undo');
  });

  it('accept keeps the merge as a user merge; undo returns to the decision before', async () => {
    const [item] = (await queue('')).items;
    assert.ok(item);
    assert.equal((await decide(item.id, 'rejected')).statusCode, 200);
    assert.equal(await together(item), false);
    const res = await decide(item.id, 'accepted');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await together(item), true, 'accepting after a rejection joins them again');
    assert.equal((await store.resolution.latestDecision(COLLECTION, item.a, item.b))?.kind, 'merge');
    const accepted = (await queue('state=accepted')).items.find((x) => x.id === item.id);
    assert.equal(accepted?.review?.by, 'mara');
    await resolveEntities(store, COLLECTION);
    assert.equal(await together(item), true, 'kept by a full resolution');
    assert.equal((await undo(item.id)).statusCode, 200);
    assert.equal(await together(item), false, 'undoing the acceptance restores the rejection before it');
    assert.ok((await queue('state=rejected')).items.some((x) => x.id === item.id));
    assert.equal((await undo(item.id)).statusCode, 200);
    assert.equal(await together(item), true);
  });

  it('writes a decision\'s review record in the transaction of its resolution decision: a failure after it leaves both, before it neither', async () => {
    const items = (await queue('')).items;
    const original = store.resolution.commit.bind(store.resolution);
    const failing = (when: 'before' | 'after') => async (...args: Parameters<typeof original>) => {
      if (when === 'before') throw new Error('the process died before the commit');
      await original(...args);
      throw new Error('the process died after the commit');
    };
    for (const [item, when] of [[items[0]!, 'before'], [items[1]!, 'after']] as const) {
      const earlier = await store.resolution.latestDecision(COLLECTION, item.a, item.b);
      const before = (await store.reviews.merges.records(ALL_COLLECTIONS, item.id)).length;
      store.resolution.commit = failing(when);
      try {
        assert.equal((await decide(item.id, 'rejected', 'crash test')).statusCode, 500);
      } finally {
        store.resolution.commit = original;
      }
      const latest = await store.resolution.latestDecision(COLLECTION, item.a, item.b);
      const records = (await store.reviews.merges.records(ALL_COLLECTIONS, item.id)).slice(before);
      if (when === 'before') {
        assert.deepEqual([latest?.id, records], [earlier?.id, []], 'neither the decision nor its record');
        assert.equal(await together(item), true);
      } else {
        assert.deepEqual([latest?.kind, records.map((r) => [r.verdict, r.reason])], ['split', [['rejected', 'crash test']]], 'the decision with its record');
        assert.equal(await together(item), false);
      }
    }
  });

  it('refuses bad and unknown ids', async () => {
    assert.equal((await decide('nothex', 'accepted')).statusCode, 400);
    assert.equal((await decide('0123456789abcdef.0123456789ab', 'accepted')).statusCode, 404);
    assert.equal((await decide('0123456789abcdef.0123456789ab', 'maybe')).statusCode, 400);
  });
});
