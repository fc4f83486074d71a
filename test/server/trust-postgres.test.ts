/** Sign-in, scope and audit on a PostgreSQL store (a server this file starts and stops), as on SQLite. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { newApiToken, secretDigest } from '../../src/server/auth/secrets.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';
import { tempDir } from '../helpers.js';
import { FAST_SCRYPT } from './trust-fixture.js';

if (!hasPostgres()) {
  describe('users and scopes on PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  describe('users and scopes on PostgreSQL', () => {
    const server = new TestServer();
    let store: PostgresStore;
    let app: FastifyInstance;
    let cookie = '';
    before(async () => {
      store = new PostgresStore(await databaseMaker(server, 'cablegraph_trust')());
      await store.migrate();
      const dir = tempDir();
      for (const [name, text] of [['a', 'KABUL - The ministry paid the contractor\nin cash, officials said.\n'], ['b', 'HERAT - The ministry met the\nGovernor twice in April.\n']] as const) {
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, `${name}.txt`), text);
        await ingestPaths([join(dir, name)], { store, collection: `desk-${name}` });
      }
      await store.trust.addUser('ana', 'viewer', await hashPassword('a long password', FAST_SCRYPT));
      await store.trust.grant('ana', 'desk-a', false);
      app = await buildApp({ store, webRoot: '/nonexistent' });
    });
    after(async () => {
      await app?.close();
      await store?.close();
      server.stop();
    });

    it('signs in and reads only the granted collection; the other is 404', async () => {
      const login = await app.inject({ method: 'POST', url: '/login', payload: { name: 'ana', password: 'a long password' } });
      assert.equal(login.statusCode, 200, login.body);
      cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const search = (await app.inject({ method: 'GET', url: '/api/search?q=ministry', headers: { cookie } })).json() as { total: number; facets: { collection: { value: string }[] } };
      assert.equal(search.total, 1);
      assert.deepEqual(search.facets.collection.map((f) => f.value), ['desk-a']);
      const other = (await store.listDocuments({ collections: ['desk-b'] }, 1, 0)).items[0]!;
      assert.equal((await app.inject({ method: 'GET', url: `/api/documents/${other.id}`, headers: { cookie } })).statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/api/stats' })).statusCode, 401);
    });

    it('accepts a user token, then not once revoked, and records what was done', async () => {
      const { id, token } = newApiToken();
      await store.trust.addToken(id, 'ana', secretDigest(token), null);
      const get = () => app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual(((await get()).json() as { items: { collection: string }[] }).items.map((d) => d.collection), ['desk-a']);
      await store.trust.revokeToken(id);
      assert.equal((await get()).statusCode, 401);
      const actions = (await store.trust.listAudit({ user: 'ana' })).map((r) => r.action);
      assert.deepEqual([...new Set(actions)].sort(), ['login', 'search']);
    });
  });
}
