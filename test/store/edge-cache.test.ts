/**
 * The SQLite neighbourhood cache (src/store/sqlite/edge-cache.ts) on a real file: repeated reads answer what the uncached
 * reads answer, and a write by this connection or by another one (another store, a plain SQL connection) is seen by the
 * next read.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { readGraph } from '../../src/network/graph-read.js';
import { writeHub, type Hub } from './hub-fixture.js';
import { tempDir } from '../helpers.js';

const stores: Store[] = [];
async function open(path: string, edgeCache = true): Promise<SqliteStore> {
  const s = new SqliteStore(path, { searchReaders: 0, edgeCache });
  await s.migrate();
  stores.push(s);
  return s;
}

/** What the neighbourhood reads give around the hub: strongest edges (capped and not, filtered), edges among nodes, a 2-hop graph. */
async function reads(s: Store, hub: Hub): Promise<unknown[]> {
  const ring = [...hub.bySources[0], ...hub.bySources[1]];
  return [
    await s.listStrongestEdges(ALL_COLLECTIONS, [hub.hub], 5),
    await s.listStrongestEdges(ALL_COLLECTIONS, [hub.hub], 100, { minSources: 2 }),
    await s.listStrongestEdges(ALL_COLLECTIONS, ring, 7, { inside: new Set([hub.hub, ...ring]) }),
    await s.listEdges(ALL_COLLECTIONS, { between: [hub.hub, ...ring] }),
    await s.listEdges(ALL_COLLECTIONS, { between: [hub.hub, ...hub.bySources[0]] }),
    await readGraph(s, ALL_COLLECTIONS, { entity: hub.hub, hops: 2 }),
  ];
}

describe('SQLite neighbourhood cache', () => {
  after(async () => { for (const s of stores) await s.close(); });

  it('answers repeated reads as the uncached store does, and sees writes from this and other connections', async () => {
    const path = join(tempDir('cablegraph-edge-cache-'), 'hub.db');
    const cached = await open(path);
    const hub = await writeHub(cached, 'hood', [4, 6, 9], 2);
    const plain = await open(path, false);
    const first = await reads(cached, hub);
    assert.deepEqual(first, await reads(plain, hub));
    assert.deepEqual(await reads(cached, hub), first, 'read again from the cache');
    assert.equal((first[0] as { items: unknown[] }).items.length, 5);

    // Another connection deletes the relation rows of one strong neighbour: the next read no longer has it.
    const gone = hub.bySources[0][0]!;
    const other = new Database(path);
    other.prepare(`DELETE FROM relations WHERE id IN (SELECT relation_id FROM relation_ends WHERE source_entity = ? OR target_entity = ?)`).run(gone, gone);
    other.close();
    const afterDelete = await reads(cached, hub);
    assert.deepEqual(afterDelete, await reads(plain, hub));
    assert.notDeepEqual(afterDelete, first, 'the deletion changed the answers');
    const strongest = afterDelete[0] as { items: { source: string; target: string }[] };
    assert.ok(strongest.items.every((e) => e.target !== gone && e.source !== gone), 'the deleted relation is not read from the cache');

    // This connection writes: the first document's facts replaced by none (every neighbour loses that document's support).
    const before = await reads(cached, hub);
    await cached.putStageOutput(hub.documents[0]!, 'facts', 'f2', { relations: [] });
    const afterOwnWrite = await reads(cached, hub);
    assert.deepEqual(afterOwnWrite, await reads(plain, hub));
    assert.notDeepEqual(afterOwnWrite, before, 'the write changed the answers');

    // Another store (its own connection, as a worker or another process) writes the resolution again.
    const writer = await open(path, false);
    await writer.putEntities('hood', [], 'resolve', 'r2');
    const afterResolution = await reads(cached, hub);
    assert.deepEqual(afterResolution, await reads(plain, hub));
    assert.notDeepEqual(afterResolution, afterOwnWrite);
  });
});
