/**
 * The network API read by key answers as the whole-collection reads it replaced, on the extracted sample corpus: entity
 * search, entity pages, neighbourhoods (1 and 2 hops), the whole graph and document pages are compared with the same
 * views computed from every entity, relation, event and claim of the store.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Entity, Relation, Event, Claim, EntityType } from '../../src/model/index.js';
import { DEFAULT_MIN_CONFIDENCE, ENTITY_DOCUMENTS, ENTITY_EVENTS, RELATION_EVIDENCE } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { buildGraph } from '../../src/network/graph.js';
import { findEntities } from '../../src/network/find-entity.js';
import { normalizeName } from '../../src/resolve/index.js';
import { nameQuery, scoreNames } from '../../src/store/shared/name-keys.js';
import { sampleApp, closeApp } from '../helpers.js';

describe('network API reads by key, compared with whole-collection reads', () => {
  let app: FastifyInstance;
  let store: Store;
  let entities: Entity[];
  let relations: Relation[];
  let events: Event[];
  let claims: Claim[];
  before(async () => {
    ({ app, store } = await sampleApp(true));
    [entities, relations, events, claims] = await Promise.all([
      store.listEntities(ALL_COLLECTIONS), store.listRelations(ALL_COLLECTIONS), store.listEvents(ALL_COLLECTIONS), store.listClaims(ALL_COLLECTIONS),
    ]);
  });
  after(() => closeApp(app, store));
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
    return res.json();
  };
  /** Every page of an entity list (the API serves at most 200 a page). */
  const allPages = async (url: string): Promise<{ items: Entity[]; total: number }> => {
    const items: Entity[] = [];
    let total = 0;
    for (let offset = 0; offset === 0 || offset < total; offset += 200) {
      const page = await get(`${url}&limit=200&offset=${offset}`);
      items.push(...page.items);
      total = page.total;
    }
    return { items, total };
  };
  /** An entity's documents as the page should order them, from every mention of each document. */
  const rankedDocuments = async (e: Entity): Promise<{ id: string; mentions: number | null }[]> => {
    const docs = await store.getDocumentSummaries(e.documentIds, ALL_COLLECTIONS);
    const resolved = ((await store.listEntityMembers(e.id, ALL_COLLECTIONS, 0, 1))?.total ?? 0) > 0;
    const counted = await Promise.all(docs.map(async (d) => ({
      id: d.id, published: d.published, mentions: resolved ? (await store.listMentions(d.id, ALL_COLLECTIONS)).filter((m) => m.entityId === e.id).length : null,
    })));
    return counted.sort((a, b) => (b.mentions ?? 0) - (a.mentions ?? 0)
      || (a.published === b.published ? 0 : a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1) || (a.id < b.id ? -1 : 1))
      .map(({ id, mentions }) => ({ id, mentions }));
  };
  const top = () => [...entities].sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id)).slice(0, 12);

  it('finds the entities a search over every entity finds: names, aliases, variants and word prefixes', async () => {
    const queries = top().flatMap((e) => [e.name, ...e.aliases.slice(0, 2), e.name.toUpperCase(), e.name.split(/\s+/).at(-1)!.slice(0, 4)]);
    assert.ok(queries.length > 30);
    for (const q of queries) {
      const query = nameQuery(q);
      const score = (e: Entity) => scoreNames(query, e.type, [e.name, ...e.aliases]);
      // The same matches; ties in score and mentions ordered by name (code points) and id, as the index orders them.
      const expected = findEntities(entities, q).sort((a, b) => score(b) - score(a) || b.mentionCount - a.mentionCount
        || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
      const page = await allPages(`/api/entities?q=${encodeURIComponent(q)}`);
      assert.equal(page.total, expected.length, q);
      assert.deepEqual(page.items.map((e) => e.id), expected.map((e) => e.id), q);
    }
  });

  it('differs from the earlier substring search only by names matched from inside a word', async () => {
    for (const e of top()) {
      const q = e.name.split(/\s+/).at(-1)!;
      const norm = normalizeName(q);
      const substring = entities.filter((x) => [x.name, ...x.aliases].some((n) => normalizeName(n, x.type).includes(norm)));
      const found = new Set((await allPages(`/api/entities?q=${encodeURIComponent(q)}`)).items.map((x) => x.id));
      for (const x of substring) {
        if (found.has(x.id)) continue;
        const words = [x.name, ...x.aliases].flatMap((n) => normalizeName(n, x.type).split(' '));
        assert.ok(!words.some((w) => w.startsWith(norm.split(' ')[0]!)), `${x.name} lost for "${q}"`);
      }
    }
  });

  it('lists entities most mentioned first, filtered by type and paged', async () => {
    const all = await allPages('/api/entities?');
    assert.equal(all.total, entities.length);
    assert.deepEqual(all.items.map((e) => e.id).sort(), entities.map((e) => e.id).sort());
    const counts = all.items.map((e) => e.mentionCount);
    assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a));
    const type: EntityType = 'ORG';
    const orgs = await get(`/api/entities?type=${type}&limit=3&offset=2`);
    assert.equal(orgs.total, entities.filter((e) => e.type === type).length);
    assert.deepEqual(orgs.items.map((e: Entity) => e.id), all.items.filter((e) => e.type === type).slice(2, 5).map((e) => e.id));
  });

  it('shows entity pages with the relations, events, claims and documents the whole reads give', async () => {
    for (const e of top()) {
      const view = await get(`/api/entities/${e.id}`);
      const mine = relations.filter((r) => r.source === e.id || r.target === e.id);
      assert.deepEqual(view.relations.map((r: Relation) => r.id).sort(), mine.map((r) => r.id).sort(), e.name);
      // The first RELATION_EVIDENCE sentences of each and how many there are (the rest: the relation's evidence pages).
      for (const r of view.relations) {
        const whole = mine.find((x) => x.id === r.id)!.evidence;
        assert.deepEqual([r.evidence, r.evidenceCount], [whole.slice(0, RELATION_EVIDENCE), whole.length]);
      }
      // The same relations a page at a time (GET /api/entities/:id/relations), strongest first (each page by type), each once.
      const pagedRelations: string[] = [];
      const sourcesOf = (id: string): number => mine.find((r) => r.id === id)!.independentSources;
      let weakest = Infinity;
      for (let offset = 0; offset < mine.length + 2; offset += 2) {
        const page = await get(`/api/entities/${e.id}/relations?offset=${offset}&limit=2`);
        assert.equal(page.total, mine.length);
        for (const r of page.items as (Relation & { evidenceCount: number })[]) assert.deepEqual([r.evidence, r.evidenceCount], [view.relations.find((x: Relation) => x.id === r.id).evidence, view.relations.find((x: Relation) => x.id === r.id).evidenceCount]);
        const ids = page.items.map((r: Relation) => r.id) as string[];
        assert.ok(ids.every((id) => sourcesOf(id) <= weakest), 'no page holds a relation with more sources than an earlier one');
        weakest = Math.min(weakest, ...ids.map(sourcesOf));
        pagedRelations.push(...ids);
      }
      assert.deepEqual([...pagedRelations].sort(), mine.map((r) => r.id).sort(), e.name);
      // Its events, the newest first (undated last, then id), the first ENTITY_EVENTS on the page and the rest paged.
      const mineEvents = events.filter((x) => x.participants.includes(e.id) || x.place === e.id).sort((a, b) => {
        const [da, db] = [a.date ?? '', b.date ?? ''];
        return da !== db ? (da < db ? 1 : -1) : a.id < b.id ? -1 : 1; // newest first; '' (undated) sorts last
      });
      assert.deepEqual([view.events.map((x: Event) => x.id), view.eventCount], [mineEvents.slice(0, ENTITY_EVENTS).map((x) => x.id), mineEvents.length], e.name);
      const pagedEvents: string[] = [];
      for (let offset = 0; offset < mineEvents.length + 2; offset += 2) {
        const page = await get(`/api/entities/${e.id}/events?offset=${offset}&limit=2`);
        assert.equal(page.total, mineEvents.length);
        for (const x of page.items as Event[]) for (const p of [...x.participants, x.place ?? ''].filter((id) => id && id !== e.id)) assert.ok(page.names[p], `the page names ${p}`);
        pagedEvents.push(...page.items.map((x: Event) => x.id));
      }
      assert.deepEqual(pagedEvents, mineEvents.map((x) => x.id), e.name);
      assert.deepEqual(view.claims.map((x: Claim) => x.id), claims.filter((x) => x.speaker === e.id).map((x) => x.id));
      // Its documents, most mentions of it first (counted from the mentions read whole), then newest, then id; the rest paged.
      const ranked = await rankedDocuments(e);
      assert.equal(view.documentCount, e.documentIds.length, e.name);
      assert.deepEqual(view.documents.map((d: { id: string; mentions: number }) => [d.id, d.mentions]), ranked.slice(0, ENTITY_DOCUMENTS).map((d) => [d.id, d.mentions]), e.name);
      const paged: string[] = [];
      for (let offset = 0; offset < ranked.length; offset += 2) {
        const page = await get(`/api/entities/${e.id}/documents?offset=${offset}&limit=2`);
        assert.equal(page.total, ranked.length);
        paged.push(...page.items.map((d: { id: string }) => d.id));
      }
      assert.deepEqual(paged, ranked.map((d) => d.id), e.name);
      for (const r of view.relations) assert.equal(r.other?.name, entities.find((x) => x.id === (r.direction === 'out' ? r.target : r.source))?.name);
    }
  });

  it('lists an entity page\'s first members with their reasons, and the rest a page at a time', async () => {
    const merged = top().filter((e) => e.id.startsWith('ent_')).slice(0, 4);
    assert.ok(merged.length > 0);
    for (const e of merged) {
      const whole = (await store.getEntity(e.id, ALL_COLLECTIONS))!;
      const naming = (k: string) => whole.reasons.filter((r) => r.a === k || r.b === k);
      const view = await get(`/api/entities/${e.id}`);
      assert.deepEqual([view.members.total, view.reasonCount], [whole.members.length, whole.reasons.length], e.name);
      assert.deepEqual(view.entity.members, whole.members.slice(0, 200));
      assert.ok(view.members.items.every((m: { key: string; document?: { id: string } }) => m.document?.id === m.key.slice(0, m.key.indexOf('#'))), 'the page\'s members carry their documents');
      assert.equal(view.membersNote, undefined, 'the sample entities fit on one page');
      const keys: string[] = [];
      for (let offset = 0; offset < whole.members.length; offset += 3) {
        const page = await get(`/api/entities/${e.id}/members?offset=${offset}&limit=3`);
        assert.equal(page.total, whole.members.length);
        for (const m of page.items) assert.deepEqual([m.reasonCount, m.reasons], [naming(m.key).length, naming(m.key).slice(0, 3)], m.key);
        // Each member names the document it was gathered from, read by id (the page lists only the first documents).
        for (const m of page.items as { key: string; document?: { id: string; title: string | null; path: string } }[]) {
          const doc = (await store.getDocumentSummaries([m.key.slice(0, m.key.indexOf('#'))], ALL_COLLECTIONS))[0]!;
          assert.deepEqual(m.document, { id: doc.id, title: doc.title, path: doc.path }, m.key);
        }
        keys.push(...page.items.map((m: { key: string }) => m.key));
      }
      assert.deepEqual(keys, whole.members);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/entities/ent_0000000000000000/members' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: `/api/entities/${merged[0]!.id}/members?limit=5000` })).statusCode, 400);
    assert.equal((await app.inject({ method: 'GET', url: '/api/entities/ent_0000000000000000/relations' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: `/api/entities/${merged[0]!.id}/relations?limit=5000` })).statusCode, 400);
    assert.equal((await app.inject({ method: 'GET', url: `/api/entities/${merged[0]!.id}/relations?minGrade=Z9` })).statusCode, 400);
  });

  it('returns the neighbourhoods (1 and 2 hops) and the whole network buildGraph gives over every relation', async () => {
    for (const e of top()) {
      for (const hops of [1, 2]) {
        for (const minConfidence of [0, DEFAULT_MIN_CONFIDENCE]) {
          const expected = buildGraph(entities, relations, { entity: e.id, hops, minConfidence, minSources: 1, limit: 5000 });
          assert.deepEqual(await get(`/api/graph?entity=${e.id}&hops=${hops}&minConfidence=${minConfidence}`), expected, `${e.name} ${hops}`);
        }
      }
    }
    assert.deepEqual(await get('/api/graph?minConfidence=0'), buildGraph(entities, relations, { minConfidence: 0, minSources: 1, limit: 5000 }));
  });

  it('caps the whole network to its most connected nodes and says how many matched', async () => {
    const full = await get('/api/graph?minConfidence=0');
    assert.ok(full.nodes.length > 4 && full.note === undefined);
    const capped = await get('/api/graph?minConfidence=0&limit=4');
    assert.equal(capped.nodes.length, 4);
    assert.deepEqual(capped.total, full.total);
    assert.match(capped.note, new RegExp(`Showing 4 of ${full.nodes.length} entities`));
  });

  it('gives document pages the facts found in them, as filtering every fact did', async () => {
    const docs = (await get('/api/documents')).items as { id: string }[];
    for (const d of docs) {
      const page = await get(`/api/documents/${d.id}`);
      const here = <T extends { id: string; evidence: { documentId: string }[] }>(list: T[]) =>
        list.filter((x) => x.evidence.some((ev) => ev.documentId === d.id)).map((x) => ({ ...x, evidence: x.evidence.filter((ev) => ev.documentId === d.id) }));
      const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(sortById(page.relations), sortById(JSON.parse(JSON.stringify(here(relations)))));
      assert.deepEqual(page.events, JSON.parse(JSON.stringify(here(events))));
      assert.deepEqual(page.claims, JSON.parse(JSON.stringify(here(claims))));
    }
  });
  it('reads a relation by key from one of its ends as reading every relation finds it', async () => {
    const sample = [...relations].sort((a, b) => b.evidence.length - a.evidence.length || (a.id < b.id ? -1 : 1)).slice(0, 15);
    assert.ok(sample.length > 5);
    for (const r of sample) {
      const whole = await get(`/api/relations/${r.id}`);
      assert.deepEqual(await get(`/api/relations/${r.id}?entity=${r.source}`), whole, r.id);
      assert.deepEqual(await get(`/api/relations/${r.id}?entity=${r.target}`), whole, r.id);
    }
    // An entity that is not one of its ends has no such relation.
    const r = sample[0]!;
    const stranger = entities.find((e) => e.id !== r.source && e.id !== r.target)!;
    assert.equal((await app.inject({ method: 'GET', url: `/api/relations/${r.id}?entity=${stranger.id}` })).statusCode, 404);
  });
});
