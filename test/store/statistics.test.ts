/**
 * Store.refreshStatistics on a PostgreSQL 15 server this file starts (and on a real SQLite file): an ingest leaves the
 * planner statistics of the tables it grew, so a hub's reads are planned well before autovacuum gets to them.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { SAMPLE_CORPUS } from '../helpers.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from './pg-server.js';

describe('planner statistics after an ingest: SQLite', () => {
  it('keeps none (its reads name their indexes)', async () => {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-stats-')), 'test.db'));
    await store.migrate();
    try {
      assert.deepEqual(await store.refreshStatistics(0), []);
    } finally {
      await store.close();
    }
  });
});

if (!hasPostgres()) {
  describe('planner statistics after an ingest: PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent` }, () => undefined);
  });
} else {
  const server = new TestServer();
  after(() => server.stop());
  const createDatabase = databaseMaker(server);

  describe('planner statistics after an ingest: PostgreSQL', () => {
    it('analyses the tables an ingest grew, at its end, and then none until they grow again', async () => {
      const url = await createDatabase();
      const store = new PostgresStore(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await store.migrate();
        // pg_class.reltuples is -1 until a table is first analysed or vacuumed; relpages is set by the same.
        const stats = async (): Promise<Map<string, { tuples: number; pages: number; size: number }>> => new Map((await client.query<{ t: string; tuples: number; pages: number; size: string }>(
          `SELECT c.relname AS t, c.reltuples::float8 AS tuples, c.relpages AS pages, pg_relation_size(c.oid) / current_setting('block_size')::int AS size
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`)).rows
          .map((r) => [r.t, { tuples: Number(r.tuples), pages: Number(r.pages), size: Number(r.size) }]));
        const before = await stats();
        assert.equal(before.get('relations')!.tuples, -1, 'a new table has no statistics');
        await ingestPaths([SAMPLE_CORPUS], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
        const grown = [...(await stats())].filter(([, s]) => s.size > 8);
        assert.ok(grown.length > 0, 'some table holds more than 8 pages after the ingest');
        for (const [table, s] of grown) {
          assert.ok(s.tuples > 0 && s.pages > 0, `${table} analysed at the end of the ingest (${s.size} pages)`);
        }
        // Every table with rows, down to one page, when asked; then nothing more until a table grows.
        const small = await store.refreshStatistics(0);
        assert.ok(small.includes('relations') && small.includes('relation_ends') && small.includes('evidence'), small.join(', '));
        const counted = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM relations')).rows[0]!.n);
        assert.equal((await stats()).get('relations')!.tuples, counted, 'the relations table\'s statistics count its rows');
        assert.deepEqual(await store.refreshStatistics(0), [], 'nothing grew since');
        assert.deepEqual(await store.refreshStatistics(), []);
      } finally {
        await client.end();
        await store.close();
      }
    });
  });
}
