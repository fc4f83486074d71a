/** The entity page carries a few evidence sentences per relation and their count; the rest come a page at a time. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { EntityView, EvidencePage, Relation } from '../../src/model/index.js';
import { RELATION_EVIDENCE } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { sampleApp, closeApp, MEETINGS_FIXTURE } from '../helpers.js';

describe('entity page evidence, paged', () => {
  let app: FastifyInstance;
  let store: Store;
  let all: Relation[];
  before(async () => {
    ({ app, store } = await sampleApp(true));
    // A relation with more evidence than the page shows, whatever the sample articles yield.
    await ingestPaths([MEETINGS_FIXTURE], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
    all = await store.listRelations(ALL_COLLECTIONS);
  });
  after(() => closeApp(app, store));

  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as T;
  };

  it('lists at most a few sentences per relation with their count, and pages through the rest in order', async () => {
    // The entity with the most evidence on one relation.
    const richest = [...all].sort((a, b) => b.evidence.length - a.evidence.length)[0]!;
    assert.ok(richest.evidence.length > RELATION_EVIDENCE, `a relation with more than ${RELATION_EVIDENCE} sentences (${richest.evidence.length})`);
    const entity = richest.source;
    const view = await get<EntityView>(`/api/entities/${entity}`);
    for (const r of view.relations) {
      const whole = all.find((x) => x.id === r.id)!;
      assert.equal(r.evidenceCount, whole.evidence.length, 'the count is every sentence');
      assert.deepEqual(r.evidence, whole.evidence.slice(0, RELATION_EVIDENCE), 'the first sentences, in order');
    }
    const url = (offset: number, limit: number) => `/api/entities/${entity}/relations/${richest.id}/evidence?offset=${offset}&limit=${limit}`;
    const first = await get<EvidencePage>(url(RELATION_EVIDENCE, 2));
    assert.equal(first.total, richest.evidence.length);
    assert.deepEqual(first.items, richest.evidence.slice(RELATION_EVIDENCE, RELATION_EVIDENCE + 2));
    const rest = await get<EvidencePage>(url(0, 200));
    assert.deepEqual(rest.items, richest.evidence);
  });

  it('answers 404 for a relation the entity does not have, 400 for a malformed id', async () => {
    const r = all[0]!;
    const stranger = all.find((x) => x.source !== r.source && x.target !== r.source && x.source !== r.target && x.target !== r.target);
    assert.ok(stranger);
    const res = await app.inject({ method: 'GET', url: `/api/entities/${r.source}/relations/${stranger.id}/evidence` });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal((await app.inject({ method: 'GET', url: `/api/entities/${r.source}/relations/nope/evidence` })).statusCode, 400);
  });
});
