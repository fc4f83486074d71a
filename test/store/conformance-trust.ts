/** TrustStore conformance: users, grants, tokens, sessions and the audit log behave alike on every engine. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { TrustError } from '../../src/store/trust.js';

/** Runs the suite; `exec` runs raw SQL on the store's database (to prove the audit log refuses changes). */
export function trustConformance(name: string, create: () => Promise<Store>, exec: (store: Store, sql: string) => Promise<void>): void {
  describe(`TrustStore conformance: ${name}`, () => {
    it('adds users once, lists them with their grants, and updates a grant in place', async () => {
      const store = await create();
      try {
        assert.equal(await store.trust.hasUsers(), false);
        const ana = await store.trust.addUser('ana', 'editor', 'scrypt$x');
        await store.trust.addUser('Björn', 'viewer', 'scrypt$y');
        assert.equal(await store.trust.hasUsers(), true);
        await assert.rejects(store.trust.addUser('ana', 'admin', 'h'), TrustError);
        await assert.rejects(store.trust.grant('nobody', 'a', false), /No user named "nobody"/);
        await store.trust.grant('ana', 'leaks-b', false);
        await store.trust.grant('ana', 'leaks-a', false);
        await store.trust.grant('ana', 'leaks-a', true);
        assert.deepEqual(await store.trust.grants(ana.id), [{ collection: 'leaks-a', write: true }, { collection: 'leaks-b', write: false }]);
        assert.equal(await store.trust.revoke('ana', 'leaks-b'), true);
        assert.equal(await store.trust.revoke('ana', 'leaks-b'), false);
        const list = await store.trust.listUsers();
        assert.deepEqual(list.map((u) => [u.name, u.role, u.grants.length]), [['Björn', 'viewer', 0], ['ana', 'editor', 1]]);
        assert.equal((await store.trust.getUser('ana'))?.passwordHash, 'scrypt$x');
        assert.equal((await store.trust.getUserById(ana.id))?.name, 'ana');
        assert.equal(await store.trust.getUser('ANA'), null, 'names are exact');
      } finally {
        await store.close();
      }
    });

    it('finds tokens by digest with expiry and revocation, and sessions until deleted or pruned', async () => {
      const store = await create();
      try {
        const u = await store.trust.addUser('ana', 'viewer', 'h');
        await store.trust.addToken('t1', 'ana', 'd1', '2026-01-02T00:00:00.000Z');
        await store.trust.addToken('t2', 'ana', 'd2', null);
        assert.deepEqual(await store.trust.findToken('d1'), {
          id: 't1', userId: u.id, userName: 'ana', created: (await store.trust.listTokens())[0]!.created, expires: '2026-01-02T00:00:00.000Z', revoked: false,
        });
        assert.equal(await store.trust.findToken('nope'), null);
        assert.equal(await store.trust.revokeToken('t2'), true);
        assert.equal((await store.trust.findToken('d2'))?.revoked, true);
        assert.equal(await store.trust.revokeToken('t9'), false);
        await store.trust.putSession('s1', u.id, '2026-01-01T00:00:00.000Z');
        await store.trust.putSession('s2', u.id, '2027-01-01T00:00:00.000Z');
        assert.deepEqual(await store.trust.getSession('s1'), { userId: u.id, expires: '2026-01-01T00:00:00.000Z' });
        await store.trust.pruneSessions('2026-06-01T00:00:00.000Z');
        assert.equal(await store.trust.getSession('s1'), null);
        await store.trust.deleteSession('s2');
        assert.equal(await store.trust.getSession('s2'), null);
      } finally {
        await store.close();
      }
    });

    it('appends audit rows, filters them by user and time, keeps at most the cap, and refuses to change a row', async () => {
      const store = await create();
      try {
        for (let i = 0; i < 25; i++) {
          await store.trust.appendAudit({
            at: `2026-12-0${1 + (i % 3)}T10:00:${String(i).padStart(2, '0')}.000Z`, user: i % 2 === 0 ? 'ana' : null, address: '10.0.0.1',
            action: 'search', target: null, details: { q: `query ${i}`, quote: 'a "b" \u0627' },
          }, 10);
        }
        const all = await store.trust.listAudit({ limit: 100 });
        assert.ok(all.length <= 10 && all.length >= 9, `kept ${all.length} of 25 under a cap of 10`);
        assert.equal(all[0]!.details.q, 'query 24', 'newest first, the newest kept');
        assert.deepEqual(all[0]!.details, { q: 'query 24', quote: 'a "b" \u0627' });
        assert.ok(all.every((r) => Number(String(r.details.q).split(' ')[1]) >= 15), 'the oldest rows went first');
        const ana = await store.trust.listAudit({ user: 'ana' });
        assert.ok(ana.length > 0 && ana.every((r) => r.user === 'ana'));
        const since = await store.trust.listAudit({ since: '2026-12-03' });
        assert.ok(since.length > 0 && since.every((r) => r.at >= '2026-12-03'));
        await assert.rejects(exec(store, "UPDATE audit_log SET action = 'nothing'"), /append-only/);
        assert.equal((await store.trust.listAudit({ limit: 1 }))[0]!.action, 'search');
      } finally {
        await store.close();
      }
    });
  });
}
