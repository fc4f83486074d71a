/**
 * Notes and tags on entities follow merges and splits (over HTTP, on the extracted sample corpus): after a merge the
 * merged entity shows both entities' notes and tags (a tag both had, once); a split (the undo of the merge) gives each
 * back to the entity it was written on; removing a tag from the merged entity removes it whoever it came from. Notes
 * and tags on a relation follow it when an end is merged (its id changes) and split back, in the API and the export.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { ResolvedEntityRecord } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { closeApp, sampleApp } from '../helpers.js';

const COLLECTION = 'iran-cables';

describe('notes and tags follow merges and splits', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  const post = async (url: string, payload: object, method: 'POST' | 'PUT' | 'DELETE' = 'POST') => {
    const res = await app.inject({ method, url, payload });
    assert.ok(res.statusCode < 300, `${url}: ${res.body}`);
    return res.json();
  };
  const notesOf = async (id: string): Promise<string[]> => (await app.inject({ method: 'GET', url: `/api/notes?kind=entity&id=${id}` })).json().items.map((n: { text: string }) => n.text).sort();
  const tagsOf = async (id: string): Promise<string[]> => (await app.inject({ method: 'GET', url: `/api/tags?kind=entity&id=${id}` })).json().items.map((t: { tag: string }) => t.tag).sort();
  const entityOf = async (key: string): Promise<string> => (await store.resolution.entityOfKeys(COLLECTION, [key])).get(key)!;

  it('moves notes and tags to the merged entity and back on split', async () => {
    const people: ResolvedEntityRecord[] = [];
    for (const e of (await store.listEntities(ALL_COLLECTIONS)).filter((x) => x.type === 'PERSON')) {
      const full = await store.getEntity(e.id, ALL_COLLECTIONS);
      if (full && full.members.length > 0) people.push(full);
      if (people.length === 2) break;
    }
    const [a, b] = people;
    assert.ok(a && b, 'two resolved people');
    await post('/api/notes', { target: { kind: 'entity', id: a.id }, text: 'note on A', by: 'nora' });
    await post('/api/notes', { target: { kind: 'entity', id: b.id }, text: 'note on B', by: 'nora' });
    for (const [e, tags] of [[a, ['shared', 'only-a']], [b, ['shared', 'only-b']]] as const) {
      for (const tag of tags) await post('/api/tags', { target: { kind: 'entity', id: e.id }, tag }, 'PUT');
    }

    await post('/api/decisions/merge', { a: a.id, b: b.id, by: 'nora' });
    const merged = await entityOf(a.members[0]!);
    assert.equal(merged, await entityOf(b.members[0]!), 'merged');
    const gone = [a.id, b.id].find((id) => id !== merged)!;
    assert.deepEqual(await notesOf(merged), ['note on A', 'note on B'], 'both notes on the merged entity');
    assert.deepEqual(await notesOf(gone), [], 'none left under the id that went');
    assert.deepEqual(await tagsOf(merged), ['only-a', 'only-b', 'shared'], 'both tag sets, "shared" once');
    const tagged = (await app.inject({ method: 'GET', url: '/api/tags?tag=shared' })).json().items as { target: { id: string } }[];
    assert.deepEqual(tagged.map((t) => t.target.id), [merged], 'the tag names the merged entity once');
    const found = (await app.inject({ method: 'GET', url: `/api/notes?q=${encodeURIComponent('"note on B"')}` })).json().items as { target: { id: string } }[];
    assert.ok(found.length > 0 && found.every((n) => n.target.id === merged), 'search finds the note under the merged entity');

    await post('/api/decisions/split', { entity: merged, member: b.members[0]!, by: 'nora' });
    const [backA, backB] = [await entityOf(a.members[0]!), await entityOf(b.members[0]!)];
    assert.notEqual(backA, backB, 'split again');
    assert.deepEqual(await notesOf(backA), ['note on A']);
    assert.deepEqual(await notesOf(backB), ['note on B']);
    assert.deepEqual(await tagsOf(backB), ['only-b', 'shared']);

    await post('/api/decisions/merge', { a: a.id, b: b.id, by: 'nora' });
    const again = await entityOf(a.members[0]!);
    await post('/api/tags', { target: { kind: 'entity', id: again }, tag: 'shared' }, 'DELETE');
    assert.deepEqual(await tagsOf(again), ['only-a', 'only-b'], 'removed from the merged entity, whoever tagged which half');
  });

  it('keeps a relation\'s notes and tags on it when an end is merged into another entity and split back (API and export)', async () => {
    const entities = await store.listEntities(ALL_COLLECTIONS);
    const full = async (id: string) => store.getEntity(id, ALL_COLLECTIONS);
    // A relation whose source is a one-member entity E, and an entity F of E's type whose key sorts first (so the merge
    // takes F's id and the relation's id changes).
    let pick: { rel: { id: string; type: string; source: string; target: string }; e: ResolvedEntityRecord; f: ResolvedEntityRecord } | null = null;
    for (const rel of await store.listRelations(ALL_COLLECTIONS)) {
      const e = await full(rel.source);
      if (!e || e.members.length !== 1) continue;
      for (const candidate of entities.filter((x) => x.type === e.type && x.id !== e.id && x.id !== rel.target)) {
        const f = await full(candidate.id);
        if (f && f.members.length > 0 && f.members[0]! < e.members[0]!) {
          pick = { rel, e, f };
          break;
        }
      }
      if (pick) break;
    }
    assert.ok(pick, 'a relation with a one-member end and an entity to merge it into');
    const { rel, e, f } = pick;
    const relNotes = async (id: string): Promise<string[]> => (await app.inject({ method: 'GET', url: `/api/notes?kind=relation&id=${id}` })).json().items.map((n: { text: string }) => n.text);
    const relTags = async (id: string): Promise<string[]> => (await app.inject({ method: 'GET', url: `/api/tags?kind=relation&id=${id}` })).json().items.map((t: { tag: string }) => t.tag);
    const exported = async (id: string) => ((await app.inject({ method: 'GET', url: '/api/export?format=json' })).json().relations as { id: string; notes: { text: string }[]; tags: string[] }[])
      .find((r) => r.id === id);
    await post('/api/notes', { target: { kind: 'relation', id: rel.id }, text: 'note on the edge', by: 'nora' });
    await post('/api/tags', { target: { kind: 'relation', id: rel.id }, tag: 'check-edge' }, 'PUT');

    await post('/api/decisions/merge', { a: f.id, b: e.id, by: 'nora' });
    const merged = await entityOf(e.members[0]!);
    assert.notEqual(merged, e.id, 'the end has a new id');
    const now = (await store.listRelations(ALL_COLLECTIONS)).find((r) => r.type === rel.type && r.source === merged && r.target === rel.target);
    assert.ok(now && now.id !== rel.id, 'the relation has a new id');
    assert.deepEqual(await relNotes(now.id), ['note on the edge'], 'the note is read under the relation now');
    assert.deepEqual(await relTags(now.id), ['check-edge']);
    assert.deepEqual(await relNotes(rel.id), [], 'none left under the id that went');
    const shown = (await app.inject({ method: 'GET', url: `/api/relations/${now.id}` })).json() as { curation: { notes: Record<string, { text: string }[]>; tags: Record<string, string[]> } };
    assert.deepEqual([shown.curation.notes[`relation:${now.id}`]?.map((n) => n.text), shown.curation.tags[`relation:${now.id}`]], [['note on the edge'], ['check-edge']],
      'shown on the relation');
    const inExport = await exported(now.id);
    assert.deepEqual([inExport?.notes.map((n) => n.text), inExport?.tags], [['note on the edge'], ['check-edge']], 'exported with it');

    await post('/api/decisions/split', { entity: merged, member: e.members[0]!, by: 'nora' });
    assert.equal(await entityOf(e.members[0]!), e.id, 'split back');
    assert.deepEqual(await relNotes(rel.id), ['note on the edge'], 'back under the first id');
    assert.deepEqual(await relTags(rel.id), ['check-edge']);
    assert.deepEqual((await exported(rel.id))?.notes.map((n) => n.text), ['note on the edge']);
  });
});
