/**
 * Reads around a hub: the entity page shows the strongest relations with the true total and says so; a neighbourhood
 * follows the strongest edges of each hop and says so; a small neighbourhood is read whole, as before.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { viewEntity } from '../../src/network/entity-view.js';
import { entityEvents } from '../../src/network/entity-events.js';
import { readEntityRelations } from '../../src/network/curation/curate-views.js';
import { ENTITY_EVENTS, ENTITY_RELATIONS } from '../../src/model/index.js';
import { readGraph, HOP_EDGES } from '../../src/network/graph-read.js';
import { buildGraph } from '../../src/network/graph.js';
import { writeHub } from '../store/hub-fixture.js';
import { tempDir } from '../helpers.js';

const stores: Store[] = [];
async function store(): Promise<Store> {
  const s = await openStore(join(tempDir('cablegraph-hub-'), 'hub.db'));
  stores.push(s);
  return s;
}

describe('reads around a hub', () => {
  after(async () => { for (const s of stores) await s.close(); });

  it('shows the strongest relations of a hub on its page, with the true count and a note', async () => {
    const s = await store();
    const strong = ENTITY_RELATIONS - 40;
    const hub = await writeHub(s, 'hub', [strong / 2, strong / 2, 100]);
    const view = (await viewEntity(s, hub.hub, ALL_COLLECTIONS))!;
    assert.equal(view.relations.length, ENTITY_RELATIONS);
    assert.equal(view.relationCount, strong + 100);
    assert.match(view.relationsNote ?? '', new RegExp(`${ENTITY_RELATIONS} strongest of ${strong + 100}`, 'u'));
    const shown = new Set(view.relations.map((r) => r.other?.id));
    assert.ok([...hub.bySources[0], ...hub.bySources[1]].every((id) => shown.has(id)), 'every relation with more sources is shown');
    assert.equal(view.relations.filter((r) => hub.bySources[2].includes(r.other!.id)).length, 40, 'the rest of the page from the weakest');
    assert.ok(!shown.has(hub.deniedOnly));
    assert.ok(view.relations.every((r) => r.evidence.length === r.independentSources), 'each shown relation complete');
  });

  it('pages through a hub\'s relations after the page\'s strongest: no overlap, no gap, never a stronger one later', async () => {
    const s = await store();
    const hub = await writeHub(s, 'pages', [30, 30, 45]);
    const whole = (await viewEntity(s, hub.hub, ALL_COLLECTIONS, { relations: { offset: 0, limit: 1000 } }))!;
    assert.equal(whole.relations.length, 105);
    const first = (await viewEntity(s, hub.hub, ALL_COLLECTIONS))!;
    const pages = [first.relations];
    for (let offset = ENTITY_RELATIONS; offset < 120; offset += 20) {
      const page = (await readEntityRelations(s, ALL_COLLECTIONS, hub.hub, { offset, limit: 20 }))!;
      assert.equal(page.total, 105);
      assert.ok(page.items.every((r) => r.evidenceCount === r.independentSources && r.direction === 'out' && r.other !== null), 'summaries as the page has them');
      assert.ok(page.items.every((r) => r.evidence.every((e) => page.grades[e.documentId] === undefined)), 'no grades in an ungraded store');
      pages.push(page.items);
    }
    const ids = pages.flat().map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'no relation on two pages');
    assert.deepEqual([...ids].sort(), whole.relations.map((r) => r.id).sort(), 'every relation on some page');
    const sources = pages.map((p) => p.map((r) => r.independentSources));
    for (let i = 1; i < sources.length; i++) {
      if (sources[i]!.length > 0) assert.ok(Math.min(...sources[i - 1]!) >= Math.max(...sources[i]!), `page ${i} holds no relation stronger than page ${i - 1}`);
    }
    assert.equal(await readEntityRelations(s, ALL_COLLECTIONS, 'ent_0000000000000000', { offset: 0, limit: 5 }), null);
  });

  it('lists a hub\'s newest events on its page, counts them all, and pages through the rest in the same order', async () => {
    const s = await store();
    const hub = await writeHub(s, 'events', [2, 2, 2]);
    const [d0, d1] = hub.documents;
    const key = (d: string, name: string) => `${d}#ORG:${name}`;
    // 70 events over two documents: dated by day, month or year, some undated, with a payee as the other participant.
    const events = (d: string, from: number) => Array.from({ length: 35 }, (_, i) => ({
      id: `ev${from + i}`, type: 'meeting', date: (from + i) % 7 === 0 ? '' : (from + i) % 5 === 0 ? `${1990 + i}` : `${1990 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`,
      participants: [key(d, 'hub'), key(d, 'payee 0 0')], place: key(d, 'payee 1 0'), evidence: [{ documentId: d, start: 0, end: 8, text: 'Wire one' }],
    }));
    await s.putStageOutput(d0!, 'events-test', 'e1', { events: events(d0!, 0) });
    await s.putStageOutput(d1!, 'events-test', 'e1', { events: events(d1!, 35) });
    const all = (await entityEvents(s, hub.hub, ALL_COLLECTIONS, 0, 1000))!;
    assert.equal(all.total, 70);
    const dates = all.items.map((e) => e.date ?? '');
    const undated = dates.indexOf('');
    assert.ok(undated > 0 && dates.slice(undated).every((x) => x === ''), 'undated last');
    assert.deepEqual(dates.slice(0, undated), [...dates.slice(0, undated)].sort().reverse(), 'the newest first');
    const view = (await viewEntity(s, hub.hub, ALL_COLLECTIONS))!;
    assert.deepEqual([view.events.map((e) => e.id), view.eventCount], [all.items.slice(0, ENTITY_EVENTS).map((e) => e.id), 70]);
    const paged: string[] = [];
    for (let offset = 0; offset < 75; offset += 20) {
      const page = (await entityEvents(s, hub.hub, ALL_COLLECTIONS, offset, 20))!;
      assert.equal(page.total, 70);
      assert.deepEqual(Object.values(page.names).sort(), page.items.length > 0 ? ['hub', 'payee 0 0', 'payee 1 0'] : []);
      paged.push(...page.items.map((e) => e.id));
    }
    assert.deepEqual(paged, all.items.map((e) => e.id));
    assert.equal(await entityEvents(s, 'ent_0000000000000000', ALL_COLLECTIONS, 0, 5), null);
  });

  it('shows a small entity page whole, without a note', async () => {
    const s = await store();
    const hub = await writeHub(s, 'small', [2, 3, 4]);
    const view = (await viewEntity(s, hub.hub, ALL_COLLECTIONS))!;
    assert.deepEqual([view.relations.length, view.relationCount, view.relationsNote], [9, 9, undefined]);
  });

  it('follows the strongest edges of each hop around a hub and says so', async () => {
    const s = await store();
    const hub = await writeHub(s, 'hood', [HOP_EDGES / 2, HOP_EDGES / 2, 30], 2);
    const graph = await readGraph(s, ALL_COLLECTIONS, { entity: hub.hub, hops: 2 });
    const nodes = new Set(graph.nodes.map((n) => n.id));
    assert.ok([...hub.bySources[0], ...hub.bySources[1]].every((id) => nodes.has(id)), 'the strongest neighbours are in');
    assert.ok(hub.bySources[2].every((id) => !nodes.has(id)), 'the weakest ring-one neighbours are left out');
    assert.ok(graph.nodes.length <= 1 + 2 * HOP_EDGES, `${graph.nodes.length} nodes`);
    assert.ok(graph.nodes.some((n) => n.id.startsWith('ent_f')), 'the second ring is reached');
    assert.match(graph.note ?? '', new RegExp(`${HOP_EDGES} strongest relations of each hop`, 'u'));
  });

  it('reads a small neighbourhood whole, as the whole network would give it', async () => {
    const s = await store();
    const hub = await writeHub(s, 'whole', [2, 2, 2], 2);
    const graph = await readGraph(s, ALL_COLLECTIONS, { entity: hub.hub, hops: 2 });
    const everything = await readGraph(s, ALL_COLLECTIONS, {});
    const entities = everything.nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, mentionCount: n.mentionCount }));
    const expected = buildGraph(entities, await s.listEdges(ALL_COLLECTIONS), { entity: hub.hub, hops: 2 });
    assert.deepEqual(graph, expected);
    assert.equal(graph.note, undefined);
    assert.equal(graph.nodes.length, 1 + 6 + 12);
  });
});
