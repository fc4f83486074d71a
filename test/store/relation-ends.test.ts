/** relation_ends conformance (see conformance-ends.ts) on a real SQLite file and on a PostgreSQL 15 server this file starts. */
import { after, describe, it } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { endsConformance } from './conformance-ends.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from './pg-server.js';

endsConformance('SQLite', {
  async create() {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-ends-')), 'test.db'));
    await store.migrate();
    return store;
  },
  async rows(store, sql) {
    const db = new Database((store as SqliteStore).path);
    try {
      const stmt = db.prepare(sql);
      return stmt.reader ? stmt.all() as Record<string, unknown>[] : (stmt.run(), []);
    } finally {
      db.close();
    }
  },
});

if (!hasPostgres()) {
  describe('relation_ends conformance: PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent` }, () => undefined);
  });
} else {
  const server = new TestServer();
  after(() => server.stop());
  const createDatabase = databaseMaker(server);
  endsConformance('PostgreSQL', {
    async create() {
      const store = new PostgresStore(await createDatabase());
      await store.migrate();
      return store;
    },
    async rows(store, sql) {
      const client = new pg.Client({ connectionString: (store as PostgresStore).url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
  });
}
