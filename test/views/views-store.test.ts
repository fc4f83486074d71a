/** The saved-views store on both engines (migration 16): add, get, list newest first, delete; JSON fields round-trip. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';
import { tempDir } from '../helpers.js';

async function exercise(store: Store): Promise<void> {
  const layout = { ent_0123456789abcdef: { x: -1.25, y: 3e-7 } };
  const first = await store.views.addView({ name: 'Ring «one»', query: { entity: 'ent_0123456789abcdef', hops: 2, reviewedOnly: true, relationTypes: 'paid' }, selected: ['ent_0123456789abcdef'], layout, collections: ['b', 'a'], by: 'ana' });
  const second = await store.views.addView({ name: 'Two', query: {}, selected: [], layout: {}, collections: ['a'], by: null });
  assert.ok(second.id > first.id);
  assert.deepEqual(first.collections, ['a', 'b'], 'collections stored sorted');
  assert.deepEqual(await store.views.getView(first.id), first);
  assert.deepEqual(first.layout, layout);
  assert.deepEqual(first.query, { entity: 'ent_0123456789abcdef', hops: 2, reviewedOnly: true, relationTypes: 'paid' });
  assert.deepEqual((await store.views.listViews()).map((v) => v.id), [second.id, first.id]);
  assert.equal(await store.views.deleteView(first.id), true);
  assert.equal(await store.views.deleteView(first.id), false);
  assert.equal(await store.views.getView(first.id), null);
}

describe('saved views store on SQLite', () => {
  it('adds, reads, lists and deletes views', async () => {
    const store = await openStore(join(tempDir(), 'views.db'));
    try {
      await exercise(store);
    } finally {
      await store.close();
    }
  });
});

describe('saved views store on PostgreSQL', { skip: hasPostgres() ? false : `${PG_BIN}/initdb is absent` }, () => {
  const server = hasPostgres() ? new TestServer() : null;
  after(() => server?.stop());
  it('adds, reads, lists and deletes views', async () => {
    const store = new PostgresStore(await databaseMaker(server!, 'cablegraph_views')());
    await store.migrate();
    try {
      await exercise(store);
    } finally {
      await store.close();
    }
  });
});
