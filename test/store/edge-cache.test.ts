/**
 * The neighbourhood cache (src/store/shared/edge-cache.ts) on a real SQLite file and a real PostgreSQL database: repeated
 * reads answer what the uncached reads answer, and a write by this store or by another connection (another store, a
 * plain SQL connection) is seen by the next read; on PostgreSQL a write not yet committed is not, and is once committed.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { readGraph } from '../../src/network/graph-read.js';
import { writeHub, type Hub } from './hub-fixture.js';
import { databaseMaker, hasPostgres, PG_BIN, TestServer } from './pg-server.js';
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

/** SQL deleting the relation rows of one entity (the hub's strong neighbour), for a plain connection. */
const DELETE_NEIGHBOUR = (p: (n: number) => string): string =>
  `DELETE FROM relations WHERE id IN (SELECT relation_id FROM relation_ends WHERE source_entity = ${p(1)} OR target_entity = ${p(2)})`;

/** One engine's stores on one database: cached or not, and a plain connection deleting a neighbour's relation rows. */
interface Engine {
  open(edgeCache: boolean): Promise<Store>;
  /** Deletes the rows; `whilePending` runs before the deletion commits (PostgreSQL), or after it (SQLite autocommits). */
  deleteNeighbour(gone: string, whilePending: () => Promise<void>): Promise<void>;
}

/**
 * Repeated reads equal the uncached store's; a deletion by another connection, a write by this store and a resolution
 * written by another store are each seen by the next read.
 */
async function seesEveryWrite(engine: Engine): Promise<void> {
  const cached = await engine.open(true);
  const hub = await writeHub(cached, 'hood', [4, 6, 9], 2);
  const plain = await engine.open(false);
  const first = await reads(cached, hub);
  assert.deepEqual(first, await reads(plain, hub));
  assert.deepEqual(await reads(cached, hub), first, 'read again from the cache');
  assert.equal((first[0] as { items: unknown[] }).items.length, 5);

  // Another connection deletes the relation rows of one strong neighbour: the next read no longer has it.
  const gone = hub.bySources[0][0]!;
  await engine.deleteNeighbour(gone, async () => assert.deepEqual(await reads(cached, hub), first, 'a write not committed is not seen'));
  const afterDelete = await reads(cached, hub);
  assert.deepEqual(afterDelete, await reads(plain, hub));
  assert.notDeepEqual(afterDelete, first, 'the deletion changed the answers');
  const strongest = afterDelete[0] as { items: { source: string; target: string }[] };
  assert.ok(strongest.items.every((e) => e.target !== gone && e.source !== gone), 'the deleted relation is not read from the cache');

  // This store writes: the first document's facts replaced by none (every neighbour loses that document's support).
  const before = await reads(cached, hub);
  await cached.putStageOutput(hub.documents[0]!, 'facts', 'f2', { relations: [] });
  const afterOwnWrite = await reads(cached, hub);
  assert.deepEqual(afterOwnWrite, await reads(plain, hub));
  assert.notDeepEqual(afterOwnWrite, before, 'the write changed the answers');

  // Another store (its own connection, as a worker, another process or another machine) writes the resolution again.
  const writer = await engine.open(false);
  await writer.putEntities('hood', [], 'resolve', 'r2');
  const afterResolution = await reads(cached, hub);
  assert.deepEqual(afterResolution, await reads(plain, hub));
  assert.notDeepEqual(afterResolution, afterOwnWrite);
}

describe('SQLite neighbourhood cache', () => {
  after(async () => { for (const s of stores) await s.close(); });

  it('answers repeated reads as the uncached store does, and sees writes from this and other connections', async () => {
    const path = join(tempDir('cablegraph-edge-cache-'), 'hub.db');
    await seesEveryWrite({
      open: (edgeCache) => open(path, edgeCache),
      deleteNeighbour: async (gone) => {
        const other = new Database(path);
        other.prepare(DELETE_NEIGHBOUR(() => '?')).run(gone, gone);
        other.close();
      },
    });
  });
});

if (!hasPostgres()) {
  describe('PostgreSQL neighbourhood cache', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  describe('PostgreSQL neighbourhood cache', () => {
    const server = new TestServer();
    const createDatabase = databaseMaker(server, 'cablegraph_edges');
    const opened: Store[] = [];
    after(async () => {
      for (const s of opened) await s.close();
      server.stop();
    });

    it('answers repeated reads as the uncached store does, and sees a write once it is committed, by any connection', async () => {
      const url = await createDatabase();
      await seesEveryWrite({
        open: async (edgeCache) => {
          const s = new PostgresStore(url, { edgeCache });
          await s.migrate();
          opened.push(s);
          return s;
        },
        // In a transaction: not seen until it commits.
        deleteNeighbour: async (gone, whilePending) => {
          const other = new pg.Client({ connectionString: url });
          await other.connect();
          try {
            await other.query('BEGIN');
            await other.query(DELETE_NEIGHBOUR((n) => `$${n}`), [gone, gone]);
            await whilePending();
            await other.query('COMMIT');
          } finally {
            await other.end();
          }
        },
      });
    });
  });
}
