/** Streamed exports against the loading builders on a PostgreSQL store (a server this file starts and stops). */
import { describe, it } from 'node:test';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';
import { streamEquivalence } from './stream-equivalence.js';

if (!hasPostgres()) {
  describe('streamed exports: PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  const server = new TestServer();
  streamEquivalence('PostgreSQL', async () => {
    const store = new PostgresStore(await databaseMaker(server, 'cablegraph_stream')());
    await store.migrate();
    return store;
  }, () => server.stop());
}
