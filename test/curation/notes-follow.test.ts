/**
 * Notes and tags on entities follow merges and splits (over HTTP, on the extracted sample corpus): after a merge the
 * merged entity shows both entities' notes and tags (a tag both had, once); a split (the undo of the merge) gives each
 * back to the entity it was written on; removing a tag from the merged entity removes it whoever it came from.
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
});
