/** Protected identities on a PostgreSQL store (a server this file starts and stops), as on SQLite: protect, read, export. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { EXPORT_FORMAT_IDS } from '../../src/export/formats.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';
import { FAST_SCRYPT } from './trust-fixture.js';
import { COLLECTION, corpusFolder, leaks } from './protect-fixture.js';

if (!hasPostgres()) {
  describe('protected identities on PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  describe('protected identities on PostgreSQL', () => {
    const server = new TestServer();
    let store: PostgresStore;
    let app: FastifyInstance;
    const cookies: Record<string, string> = {};
    before(async () => {
      store = new PostgresStore(await databaseMaker(server, 'cablegraph_protect')());
      await store.migrate();
      await ingestPaths([corpusFolder()], { store, collection: COLLECTION, stages: defaultStages(), finish: finishIngest });
      const hash = await hashPassword('a long password', FAST_SCRYPT);
      await store.trust.addUser('ana', 'viewer', hash);
      await store.trust.grant('ana', COLLECTION, false);
      await store.trust.addUser('ben', 'editor', hash);
      await store.trust.grant('ben', COLLECTION, true);
      app = await buildApp({ store, webRoot: '/nonexistent' });
      for (const name of ['ana', 'ben']) {
        const login = await app.inject({ method: 'POST', url: '/login', payload: { name, password: 'a long password' } });
        assert.equal(login.statusCode, 200, login.body);
        cookies[name] = String(login.headers['set-cookie']).split(';')[0]!;
      }
    });
    after(async () => {
      await app?.close();
      await store?.close();
      server.stop();
    });

    it('protects, hides the name from a viewer on reads and from every export, and keeps the number after unprotect', async () => {
      const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
      const write = (method: 'POST' | 'DELETE', url: string) => app.inject({ method, url, headers: { cookie: cookies.ben!, origin: 'http://localhost:80' } });
      const informant = (await store.searchEntities({ q: 'Karim Jabbari', limit: 1, offset: 0 }, { collections: '*' })).items[0]!;
      const doc = (await store.listDocuments({ collections: '*' }, 10, 0)).items.find((d) => d.path.endsWith('informant-wire.txt'))!;
      const first = await write('POST', `/api/entities/${informant.id}/protect`);
      assert.equal(first.statusCode, 200, first.body);
      for (const url of [`/api/entities/${informant.id}`, `/api/documents/${doc.id}`, '/api/entities?q=Jabbari', '/api/graph?minConfidence=0', '/api/search?q=cable',
        ...EXPORT_FORMAT_IDS.map((f) => `/api/export?format=${f}`), '/api/export?format=csv&file=entities.csv']) {
        const res = await get('ana', url);
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.deepEqual(leaks(res.body, ['Karim Jabbari', 'Jabbari']), [], url);
      }
      assert.equal((await get('ana', '/api/search?q=Jabbari')).statusCode, 400);
      assert.match((await get('ben', `/api/entities/${informant.id}`)).body, /Karim Jabbari/u);
      assert.equal((await write('DELETE', `/api/entities/${informant.id}/protect`)).statusCode, 200);
      assert.match((await get('ana', `/api/entities/${informant.id}`)).body, /Karim Jabbari/u);
      assert.equal((await write('POST', `/api/entities/${informant.id}/protect`)).json().pseudonym, first.json().pseudonym);
    });
  });
}
