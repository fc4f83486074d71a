/** Conformance of the capped reads around a hub (the strongest relations and edges, and the true total), run by every backend. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Relation } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { toEdgeRecord } from '../../src/store/shared/edges.js';
import type { StoreHarness } from './conformance.js';
import { writeHub, type Hub } from './hub-fixture.js';
import { entityEventsOf } from '../../src/network/entity-events.js';

const HUB = { collections: ['hub'] };
const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Registers the suite for one implementation. */
export function strongestConformance(name: string, harness: StoreHarness): void {
  describe(`Store strongest reads: ${name}`, () => {
    let store: Store;
    let hub: Hub;
    let all: Relation[];
    const to = (ids: string[]) => byId(all.filter((r) => ids.includes(r.target)));

    before(async () => {
      store = await harness.create();
      hub = await writeHub(store, 'hub', [4, 6, 9]);
      all = await store.listEntityRelations([hub.hub], HUB);
    });
    after(async () => store.close());

    it('keeps the strongest relations of a hub, complete, and counts them all', async () => {
      assert.equal(all.length, 19, 'the only-denied pair is no relation');
      const top = await store.listStrongestEntityRelations(hub.hub, HUB, 4);
      assert.equal(top.total, 19);
      assert.deepEqual(byId(top.items), to(hub.bySources[0]), 'the four with three sources, with their evidence');
      assert.ok(top.items.every((r) => r.evidence.length === 3));
      const ten = await store.listStrongestEntityRelations(hub.hub, HUB, 10);
      assert.deepEqual(byId(ten.items), to([...hub.bySources[0], ...hub.bySources[1]]));
      const every = await store.listStrongestEntityRelations(hub.hub, HUB, 100);
      assert.deepEqual([byId(every.items), every.total], [byId(all), 19], 'uncapped it is the whole read');
      assert.deepEqual(await store.listStrongestEntityRelations(hub.hub, { collections: ['other'] }, 10), { items: [], total: 0 });
    });

    it('pages a hub\'s events the newest first (undated last, then id), as its events read whole and sorted', async () => {
      const [d0, d1] = hub.documents;
      const key = (d: string, name: string) => `${d}#ORG:${name}`;
      // Dated by day, month or year, some undated, some on the same date; the place is another entity.
      const events = (d: string, from: number) => Array.from({ length: 20 }, (_, i) => ({
        id: `ev${from + i}`, type: 'meeting', date: (from + i) % 7 === 0 ? '' : (from + i) % 5 === 0 ? `${1990 + (i % 4)}` : `${1990 + (i % 4)}-0${1 + (i % 3)}-1${i % 2}`,
        participants: [key(d, 'hub'), key(d, 'payee 0 0')], place: key(d, 'payee 1 0'), evidence: [{ documentId: d, start: 0, end: 8, text: 'Wire one' }],
      }));
      await store.putStageOutput(d0!, 'events-test', 'e1', { events: events(d0!, 0) });
      await store.putStageOutput(d1!, 'events-test', 'e1', { events: events(d1!, 20) });
      try {
        const whole = entityEventsOf(await store.listEntityEvents(hub.hub, HUB), hub.hub);
        assert.equal(whole.length, 40);
        const paged = [];
        for (let offset = 0; offset < 45; offset += 7) {
          const page = await store.listEntityEventsPage(hub.hub, HUB, offset, 7);
          assert.equal(page.total, 40);
          paged.push(...page.items);
        }
        assert.deepEqual(paged, whole, 'the same events, completed the same way, in the same order');
        assert.deepEqual(await store.listEntityEventsPage(hub.hub, { collections: ['other'] }, 0, 5), { items: [], total: 0 });
        const place = await store.listEntityEventsPage(hub.bySources[1][0]!, HUB, 0, 100);
        assert.deepEqual([place.total, place.items.map((e) => e.id)], [40, whole.map((e) => e.id)], 'by place');
      } finally {
        for (const d of [d0!, d1!]) await store.putStageOutput(d, 'events-test', 'e2', { events: [] });
      }
    });

    it('pages the strongest relations: the next after an offset, in the same choice, summaries too', async () => {
      const next = await store.listStrongestEntityRelations(hub.hub, HUB, 6, 4);
      assert.deepEqual([byId(next.items), next.total], [to(hub.bySources[1]), 19], 'the six with two sources after the four with three');
      const last = await store.listStrongestEntityRelations(hub.hub, HUB, 100, 10);
      assert.deepEqual(byId(last.items), to(hub.bySources[2]));
      assert.deepEqual((await store.listStrongestEntityRelations(hub.hub, HUB, 5, 19)).items, []);
      const summaries = await store.listEntityRelationSummaries(hub.hub, HUB, 6, { evidence: 1, offset: 4 });
      assert.deepEqual([summaries.items.map((r) => r.id).sort(), summaries.total], [next.items.map((r) => r.id).sort(), 19]);
      assert.ok(summaries.items.every((r) => r.evidence.length === 1 && r.evidenceCount === 2));
    });

    it('keeps the strongest edges around entities, after the filters their counts decide', async () => {
      const edges = await store.listStrongestEdges(HUB, [hub.hub], 4);
      assert.equal(edges.total, 19);
      assert.deepEqual(byId(edges.items), to(hub.bySources[0]).map(toEdgeRecord));
      const two = await store.listStrongestEdges(HUB, [hub.hub], 100, { minSources: 2 });
      assert.deepEqual([two.items.length, two.total], [10, 10]);
      assert.equal((await store.listStrongestEdges(HUB, [hub.hub], 100, { relationTypes: ['met'] })).total, 0);
      assert.equal((await store.listStrongestEdges(HUB, [hub.hub], 100, { minConfidence: 0.9 })).total, 0);
      const around = await store.listStrongestEdges(HUB, [hub.bySources[2][0]!, hub.bySources[1][0]!], 1);
      assert.deepEqual([around.items.map((e) => e.target), around.total], [[hub.bySources[1][0]], 2], 'several entities at once');
      assert.deepEqual(await store.listStrongestEdges(HUB, [], 5), { items: [], total: 0 });
      // An edge with both ends among the entities is found from both sides and counted once.
      const pair = await store.listStrongestEdges(HUB, [hub.hub, hub.bySources[0][0]!], 100);
      assert.deepEqual([pair.items.length, pair.total], [19, 19]);
      assert.deepEqual(byId(pair.items), byId(all).map(toEdgeRecord));
    });
  });
}
