/**
 * On PostgreSQL (a server this file starts and stops): two server processes' worth of apps on one database share the
 * sign-in limiter's counts, a restart keeps them, and the admin API's changes (migration 15: last sign-in, disabled)
 * behave as on SQLite.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';
import { FAST_SCRYPT } from '../server/trust-fixture.js';

const PASSWORD = 'a long password';

if (!hasPostgres()) {
  describe('admin and sign-in limits on PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  describe('admin and sign-in limits on PostgreSQL', () => {
    const server = new TestServer();
    let url: string;
    const stores: PostgresStore[] = [];
    const apps: FastifyInstance[] = [];
    let clock = Date.parse('2026-12-03T09:00:00Z');
    const limit = { burst: 3, perMinute: 3, now: () => clock };

    /** An app on its own connection pool, as a separate server process would have. */
    async function serverProcess(): Promise<FastifyInstance> {
      const store = new PostgresStore(url);
      await store.migrate();
      stores.push(store);
      const app = await buildApp({ store, webRoot: '/nonexistent', now: () => clock, login: { limit } });
      apps.push(app);
      return app;
    }
    const login = (app: FastifyInstance, name: string, password: string, ip: string): Promise<LightMyRequestResponse> =>
      app.inject({ method: 'POST', url: '/login', payload: { name, password }, remoteAddress: ip });

    before(async () => {
      url = await databaseMaker(server, 'cablegraph_admin')();
      const first = new PostgresStore(url);
      await first.migrate();
      stores.push(first);
      await first.trust.addUser('root', 'admin', await hashPassword(PASSWORD, FAST_SCRYPT));
      await first.trust.addUser('ana', 'viewer', await hashPassword(PASSWORD, FAST_SCRYPT));
      await first.trust.addUser('bea', 'viewer', await hashPassword(PASSWORD, FAST_SCRYPT));
    });
    after(async () => {
      for (const app of apps) await app.close();
      for (const store of stores) await store.close();
      server.stop();
    });

    it('shares failed sign-ins between two processes, per account and per address, and keeps them across a restart', async () => {
      const [one, two] = [await serverProcess(), await serverProcess()];
      assert.equal((await login(one, 'ana', 'wrong 1', '192.0.2.1')).statusCode, 401);
      assert.equal((await login(two, 'ana', 'wrong 1', '192.0.2.1')).statusCode, 401, 'the same wrong password again, on the other process');
      assert.equal((await login(two, 'ana', 'wrong 2', '192.0.2.2')).statusCode, 401);
      assert.equal((await login(one, 'ana', PASSWORD, '192.0.2.3')).statusCode, 200, 'two guesses counted: the right password still passes');
      assert.equal((await login(one, 'ana', 'wrong 3', '192.0.2.4')).statusCode, 401);
      assert.equal((await login(two, 'ana', PASSWORD, '192.0.2.5')).statusCode, 429, 'the account waits on both');
      const restarted = await serverProcess();
      assert.equal((await login(restarted, 'ana', PASSWORD, '192.0.2.6')).statusCode, 429, 'and after a restart');
      for (let i = 0; i < 3; i++) assert.equal((await login(i % 2 ? one : two, `nobody${i}`, 'x', '198.51.100.7')).statusCode, 401);
      assert.equal((await login(restarted, 'root', PASSWORD, '198.51.100.7')).statusCode, 429, 'the address waits whatever the account');
      clock += 60_000;
      assert.equal((await login(restarted, 'ana', PASSWORD, '192.0.2.7')).statusCode, 200, 'back after the wait');
      // Three wrong passwords at the same moment on three processes: each is counted and the account then waits. (The
      // store takes a guess in one statement; this interleaving does not always expose a read-then-write race, so it is
      // a check of the outcome, not a proof of atomicity.)
      await Promise.all([login(one, 'bea', 'wrong a', '203.0.113.1'), login(two, 'bea', 'wrong b', '203.0.113.2'), login(restarted, 'bea', 'wrong c', '203.0.113.3')]);
      assert.equal((await login(one, 'bea', PASSWORD, '203.0.113.4')).statusCode, 429);
    });

    it('lets an admin add, disable and remove a user; last sign-in recorded', async () => {
      const app = apps[0]!;
      const res = await login(app, 'root', PASSWORD, '10.0.0.1');
      assert.equal(res.statusCode, 200, res.body);
      const headers = { cookie: String(res.headers['set-cookie']).split(';')[0]!, origin: 'http://localhost:80' };
      const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) => app.inject({ method, url: path, headers, payload, remoteAddress: '10.0.0.1' });
      assert.equal((await call('POST', '/api/admin/users', { name: 'cleo', role: 'editor', password: 'cleo has a long one' })).statusCode, 201);
      assert.equal((await login(app, 'cleo', 'cleo has a long one', '10.0.0.2')).statusCode, 200);
      const cleo = ((await call('GET', '/api/admin/users')).json() as { users: { name: string; lastLogin: string | null; disabled: boolean }[] }).users.find((u) => u.name === 'cleo')!;
      assert.equal(cleo.lastLogin, new Date(clock).toISOString());
      assert.equal(cleo.disabled, false);
      assert.equal((await call('PATCH', '/api/admin/users/cleo', { disabled: true })).statusCode, 200);
      assert.equal((await login(app, 'cleo', 'cleo has a long one', '10.0.0.2')).statusCode, 403);
      assert.equal((await call('DELETE', '/api/admin/users/cleo')).statusCode, 200);
      assert.equal((await login(app, 'cleo', 'cleo has a long one', '10.0.0.2')).statusCode, 401);
      const actions = (await stores[0]!.trust.listAudit({ user: 'root', limit: 20 })).map((r) => r.action).reverse();
      assert.deepEqual(actions.filter((a) => a.startsWith('user-')), ['user-created', 'user-disabled', 'user-removed']);
    });
  });
}
