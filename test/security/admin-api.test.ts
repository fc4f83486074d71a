/**
 * The admin API (/api/admin/...) over HTTP on a real SQLite store: only admins reach it (no credentials 401, viewer and
 * editor 403, nothing changed), cross-origin writes are refused, every change is audited with the admin and their
 * address, and its changes take effect on the next request (grant, role, disable, remove, tokens). Also: reads of a
 * relation, an entity, a neighbourhood and a timeline write one compact audit row each, under the size cap; and the
 * sign-in limiter's counts are shared by two servers on one store and survive a restart.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { twoCollections } from '../server/trust-fixture.js';

const A = { collections: ['leaks-a'] };
const ROOT_IP = '10.20.0.1';
const ORIGIN = 'http://localhost:80';

describe('admin API', () => {
  let store: Store;
  let app: FastifyInstance;
  let password: string;
  const cookies: Record<string, string> = {};

  const login = async (target: FastifyInstance, name: string, pw: string, ip: string): Promise<LightMyRequestResponse> =>
    target.inject({ method: 'POST', url: '/login', payload: { name, password: pw }, remoteAddress: ip });
  const signIn = async (name: string, pw = password, ip = `10.30.0.${name.length}`): Promise<void> => {
    const res = await login(app, name, pw, ip);
    assert.equal(res.statusCode, 200, `${name}: ${res.body}`);
    cookies[name] = String(res.headers['set-cookie']).split(';')[0]!;
  };
  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const as = (user: string | null, method: Method, url: string, payload?: object, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    app.inject({
      method, url, payload, remoteAddress: user === 'root' ? ROOT_IP : '10.40.0.9',
      headers: { ...(user ? { cookie: cookies[user]! } : {}), ...(method !== 'GET' ? { origin: ORIGIN } : {}), ...extra },
    });

  before(async () => {
    ({ store, password } = await twoCollections());
    app = await buildApp({ store, webRoot: '/nonexistent' });
    for (const name of ['ana', 'ben', 'root']) await signIn(name, password, name === 'root' ? ROOT_IP : undefined);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  /** Every admin route with a request that would change something if it were allowed. */
  const ROUTES: [Method, string, object?][] = [
    ['GET', '/api/admin/users'],
    ['POST', '/api/admin/users', { name: 'mallory', role: 'admin', password: 'a long enough password' }],
    ['PATCH', '/api/admin/users/ana', { role: 'admin' }],
    ['DELETE', '/api/admin/users/ana'],
    ['PUT', '/api/admin/users/ana/grants/leaks-b', { write: true }],
    ['DELETE', '/api/admin/users/ben/grants/leaks-b'],
    ['GET', '/api/admin/tokens'],
    ['POST', '/api/admin/tokens', { user: 'ana' }],
    ['DELETE', '/api/admin/tokens/0123456789ab'],
  ];

  it('answers 401 without credentials and 403 to a viewer and an editor on every admin route, changing nothing', async () => {
    const before = JSON.stringify(await store.trust.listUsers());
    const auditBefore = (await store.trust.listAudit({ limit: 100_000 })).length;
    for (const [method, url, payload] of ROUTES) {
      assert.equal((await as(null, method, url, payload)).statusCode, 401, `${method} ${url} without credentials`);
      for (const user of ['ana', 'ben']) {
        const res = await as(user, method, url, payload);
        assert.equal(res.statusCode, 403, `${method} ${url} as ${user}: ${res.body}`);
        assert.equal(res.json().error, 'forbidden');
      }
    }
    assert.equal(JSON.stringify(await store.trust.listUsers()), before, 'no user, role or grant changed');
    assert.equal((await store.trust.listTokens()).length, 0, 'no token made');
    const all = await store.trust.listAudit({ limit: 100_000 });
    const newRows = all.slice(0, all.length - auditBefore);
    assert.deepEqual(newRows.filter((r) => /^(user-|grant|revoke|role-|token-)/.test(r.action)), [], 'no admin action recorded');
  });

  it('refuses a cross-origin write that carries an admin session', async () => {
    for (const [method, url, payload] of ROUTES.filter(([m]) => m !== 'GET')) {
      const res = await as('root', method, url, payload, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.equal(res.json().error, 'cross-origin');
    }
    // A plain HTML form posted from another site (no JSON, no script): refused by its Origin before the body is read.
    const form = await app.inject({
      method: 'POST', url: '/api/admin/users', remoteAddress: ROOT_IP,
      headers: { cookie: cookies.root!, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=mallory&role=admin&password=a+long+enough+password',
    });
    assert.equal(form.statusCode, 403);
    assert.equal(await store.trust.getUser('mallory'), null);
    assert.equal((await store.trust.getUser('ana'))?.role, 'viewer');
  });

  it('lets an admin add a user, grant, change role, make and revoke tokens, disable and remove; each takes effect at once and is audited', async () => {
    const started = (await store.trust.listAudit({ limit: 1 }))[0]?.id ?? 0;
    const secret = 'cleo has a long password';
    const added = await as('root', 'POST', '/api/admin/users', { name: 'cleo', role: 'viewer', password: secret });
    assert.equal(added.statusCode, 201, added.body);
    assert.ok(!added.body.includes(secret) && !added.body.includes('scrypt'), 'neither the password nor its hash comes back');
    assert.equal((await as('root', 'PUT', '/api/admin/users/cleo/grants/leaks-a', { write: false })).statusCode, 200);
    await signIn('cleo', secret);
    assert.deepEqual((await as('cleo', 'GET', '/api/me')).json(), { name: 'cleo', role: 'viewer', read: ['leaks-a'], write: [] });
    const docs = (await as('cleo', 'GET', '/api/documents?limit=100')).json() as { items: { collection: string }[]; total: number };
    assert.equal(docs.total, (await store.listDocuments(A, 100, 0)).total);
    assert.deepEqual([...new Set(docs.items.map((d) => d.collection))], ['leaks-a']);

    const listed = (await as('root', 'GET', '/api/admin/users')).json() as { users: { name: string; lastLogin: string | null; grants: unknown[] }[]; collections: string[] };
    assert.deepEqual(listed.collections.sort(), ['leaks-a', 'leaks-b']);
    const cleo = listed.users.find((u) => u.name === 'cleo')!;
    assert.deepEqual(cleo.grants, [{ collection: 'leaks-a', write: false }]);
    assert.ok(cleo.lastLogin && Date.now() - Date.parse(cleo.lastLogin) < 60_000, 'the sign-in is recorded');
    assert.ok(!JSON.stringify(listed).includes('scrypt$'), 'no password hash listed');

    assert.equal((await as('root', 'PATCH', '/api/admin/users/cleo', { role: 'editor' })).statusCode, 200);
    assert.equal((await as('root', 'PUT', '/api/admin/users/cleo/grants/leaks-b', { write: true })).statusCode, 200);
    assert.deepEqual((await as('cleo', 'GET', '/api/me')).json(), { name: 'cleo', role: 'editor', read: ['leaks-a', 'leaks-b'], write: ['leaks-b'] });
    assert.deepEqual((await as('root', 'DELETE', '/api/admin/users/cleo/grants/leaks-b')).json(), { had: true });
    assert.deepEqual((await as('cleo', 'GET', '/api/me')).json().read, ['leaks-a'], 'the revoked grant is gone on the next request');

    const made = await as('root', 'POST', '/api/admin/tokens', { user: 'cleo', expires: '1d' });
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.headers['cache-control'], 'no-store');
    const { token, record } = made.json() as { token: string; record: { id: string; expires: string } };
    assert.ok(Math.abs(Date.parse(record.expires) - Date.now() - 86_400_000) < 60_000, 'expires in a day');
    const bearer = () => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` }, remoteAddress: '10.50.0.1' });
    assert.equal((await bearer()).json().name, 'cleo');
    const tokens = await as('root', 'GET', '/api/admin/tokens');
    assert.ok(!tokens.body.includes(token) && tokens.body.includes(record.id), 'tokens are listed by id, never by secret');
    assert.equal((await as('root', 'DELETE', `/api/admin/tokens/${record.id}`)).statusCode, 200);
    assert.equal((await bearer()).statusCode, 401, 'revoked');

    const again = (await as('root', 'POST', '/api/admin/tokens', { user: 'cleo' })).json() as { token: string; record: { id: string; expires: null } };
    assert.equal(again.record.expires, null);
    assert.equal((await as('root', 'PATCH', '/api/admin/users/cleo', { disabled: true })).statusCode, 200);
    assert.equal((await as('cleo', 'GET', '/api/me')).statusCode, 401, 'a disabled user\'s session ends');
    assert.equal((await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${again.token}` } })).statusCode, 401, 'and their token stops working');
    const refused = await login(app, 'cleo', secret, '10.60.0.1');
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal((await login(app, 'cleo', 'a wrong password', '10.60.0.1')).statusCode, 401, 'a wrong password says nothing of the account');
    assert.equal((await as('root', 'PATCH', '/api/admin/users/cleo', { disabled: false })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${again.token}` } })).json().name, 'cleo', 'enabled again');
    await signIn('cleo', secret);

    assert.equal((await as('root', 'DELETE', '/api/admin/users/cleo')).statusCode, 200);
    assert.equal((await as('cleo', 'GET', '/api/me')).statusCode, 401, 'a removed user\'s session ends');
    assert.equal((await login(app, 'cleo', secret, '10.60.0.2')).statusCode, 401);
    assert.deepEqual((await store.trust.listTokens()).filter((t) => t.userName === 'cleo'), [], 'their tokens went with them');

    const rows = (await store.trust.listAudit({ limit: 10_000 })).filter((r) => r.id > started && r.user === 'root').reverse();
    assert.deepEqual(rows.map((r) => r.action).filter((a) => /^(user-|grant|revoke|role-|token-)/.test(a)), [
      'user-created', 'grant', 'role-changed', 'grant', 'revoke', 'token-created', 'token-revoked', 'token-created', 'user-disabled', 'user-enabled', 'user-removed',
    ]);
    for (const r of rows) assert.equal(r.address, ROOT_IP, `${r.action} from the admin's address`);
    assert.ok(rows.every((r) => !JSON.stringify(r).includes(secret) && !JSON.stringify(r).includes(token)), 'no password or token in the log');
    assert.deepEqual(rows.find((r) => r.action === 'grant')?.details, { collection: 'leaks-a', write: false });
    const grants = (await as('root', 'GET', '/api/audit?action=grant')).json().items as { action: string; target: string }[];
    assert.deepEqual(grants.map((r) => `${r.action} ${r.target}`), ['grant cleo', 'grant cleo'], 'the log filtered by action');
  });

  it('refuses bad input with a clear status and message, and keeps an admin who can sign in', async () => {
    const cases: [Method, string, object | undefined, number, RegExp][] = [
      ['POST', '/api/admin/users', { name: 'dora', role: 'viewer', password: 'short' }, 400, /at least 10 characters/],
      ['POST', '/api/admin/users', { name: 'bad name!', role: 'viewer', password: 'a long enough password' }, 400, /user name/],
      ['POST', '/api/admin/users', { name: 'dora', role: 'owner', password: 'a long enough password' }, 400, /role/],
      ['POST', '/api/admin/users', { name: 'ana', role: 'viewer', password: 'a long enough password' }, 409, /exists already/],
      ['PATCH', '/api/admin/users/nobody', { role: 'editor' }, 404, /No user named "nobody"/],
      ['PUT', '/api/admin/users/nobody/grants/leaks-a', { write: false }, 404, /No user/],
      ['POST', '/api/admin/tokens', { user: 'ana', expires: 'soon' }, 400, /90m, 12h, 30d or 2w/],
      ['POST', '/api/admin/tokens', { user: 'nobody' }, 404, /No user/],
      ['DELETE', '/api/admin/tokens/ffffffffffff', undefined, 404, /No token/],
      ['DELETE', '/api/admin/users/root', undefined, 409, /yourself/],
      ['PATCH', '/api/admin/users/root', { disabled: true }, 409, /yourself/],
      ['PATCH', '/api/admin/users/root', { role: 'viewer' }, 409, /yourself/],
    ];
    for (const [method, url, payload, status, message] of cases) {
      const res = await as('root', method, url, payload);
      assert.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`);
      assert.match(res.json().message, message);
    }
    assert.equal(await store.trust.getUser('dora'), null);
    // Two admins: one may disable the other, who is then out at once.
    assert.equal((await as('root', 'PATCH', '/api/admin/users/ben', { role: 'admin' })).statusCode, 200);
    await signIn('ben');
    assert.equal((await as('ben', 'PATCH', '/api/admin/users/root', { disabled: true })).statusCode, 200);
    assert.equal((await as('root', 'GET', '/api/admin/users')).statusCode, 401, 'root is disabled now');
    assert.equal((await as('ben', 'PATCH', '/api/admin/users/root', { disabled: false })).statusCode, 200);
    await signIn('root', password, ROOT_IP);
    assert.equal((await as('root', 'PATCH', '/api/admin/users/ben', { role: 'editor' })).statusCode, 200);
    // The single --token (an admin that is no user) may not take away the last admin who can sign in.
    const token = 'Tq8vX2mZ7pL4nR9wK3sD6fH1jB5cY0aE';
    const withToken = await buildApp({ store, webRoot: '/nonexistent', token });
    try {
      const bearer = { authorization: `Bearer ${token}` };
      for (const [method, payload] of [['PATCH', { role: 'viewer' }], ['PATCH', { disabled: true }], ['DELETE', undefined]] as const) {
        const res = await withToken.inject({ method, url: '/api/admin/users/root', headers: bearer, payload });
        assert.equal(res.statusCode, 409, `${method} ${JSON.stringify(payload)}: ${res.body}`);
        assert.match(res.json().message, /last admin/);
      }
      assert.equal((await withToken.inject({ method: 'PATCH', url: '/api/admin/users/ana', headers: bearer, payload: { role: 'editor' } })).statusCode, 200);
      assert.equal((await store.trust.listAudit({ limit: 1 }))[0]!.user, 'token', 'changes by the single token are audited as "token"');
      assert.equal((await withToken.inject({ method: 'PATCH', url: '/api/admin/users/ana', headers: bearer, payload: { role: 'viewer' } })).statusCode, 200);
    } finally {
      await withToken.close();
    }
    assert.equal((await store.trust.getUser('root'))?.role, 'admin');
  });

  it('writes one compact audit row for each read of a relation, an entity, a neighbourhood and a timeline', async () => {
    const entity = (await store.listEntities(A)).find((e) => e.type === 'PERSON')!;
    const relation = (await store.listRelations(A))[0]!;
    const reads: [string, string, string | null][] = [
      [`/api/relations/${relation.id}`, 'relation', relation.id],
      [`/api/entities/${entity.id}`, 'entity', entity.id],
      [`/api/graph?entity=${entity.id}&hops=2`, 'graph', entity.id],
      ['/api/graph', 'graph', null],
      [`/api/timeline?entity=${entity.id}`, 'timeline', entity.id],
      ['/api/timeline', 'timeline', null],
    ];
    for (const [url, action, target] of reads) {
      const last = (await store.trust.listAudit({ limit: 1 }))[0]!.id;
      const res = await as('ana', 'GET', url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      const rows = (await store.trust.listAudit({ limit: 100 })).filter((r) => r.id > last);
      assert.equal(rows.length, 1, `one row for ${url}`);
      assert.deepEqual({ user: rows[0]!.user, action: rows[0]!.action, target: rows[0]!.target, address: rows[0]!.address }, { user: 'ana', action, target, address: '10.40.0.9' });
      assert.ok(JSON.stringify(rows[0]!.details).length < 100, `compact details: ${JSON.stringify(rows[0]!.details)}`);
    }
    // A relation of B is not there for a viewer of A, and its 404 is not logged as a read.
    const relB = (await store.listRelations({ collections: ['leaks-b'] }))[0]!;
    const last = (await store.trust.listAudit({ limit: 1 }))[0]!.id;
    assert.equal((await as('ana', 'GET', `/api/relations/${relB.id}`)).statusCode, 404);
    assert.deepEqual((await store.trust.listAudit({ limit: 10 })).filter((r) => r.id > last), []);
  });

  it('keeps the audit log under its size cap however many reads are audited', async () => {
    const capped = await buildApp({ store, webRoot: '/nonexistent', audit: { maxRows: 40 } });
    try {
      const entity = (await store.listEntities(A))[0]!;
      for (let i = 0; i < 120; i++) {
        const url = [`/api/entities/${entity.id}`, '/api/graph?hops=1', '/api/timeline'][i % 3]!;
        assert.equal((await capped.inject({ method: 'GET', url, headers: { cookie: cookies.ana! } })).statusCode, 200);
      }
      const rows = await store.trust.listAudit({ limit: 100_000 });
      assert.ok(rows.length <= 40, `${rows.length} rows kept, cap 40`);
      assert.equal(rows[0]!.action, 'timeline', 'the newest read is kept');
    } finally {
      await capped.close();
    }
  });

  it('shares failed sign-in counts between two servers on one store, and keeps them across a restart', async () => {
    let clock = Date.now();
    const limit = { burst: 3, perMinute: 3, now: () => clock };
    const one = await buildApp({ store, webRoot: '/nonexistent', login: { limit } });
    const two = await buildApp({ store, webRoot: '/nonexistent', login: { limit } });
    try {
      assert.equal((await login(one, 'ana', 'wrong 1', '192.0.2.1')).statusCode, 401);
      assert.equal((await login(one, 'ana', 'wrong 1', '192.0.2.1')).statusCode, 401, 'the same wrong password again');
      assert.equal((await login(two, 'ana', 'wrong 2', '192.0.2.2')).statusCode, 401);
      assert.equal((await login(two, 'ana', password, '192.0.2.3')).statusCode, 200, 'two guesses counted, the third try passes');
      assert.equal((await login(one, 'ana', 'wrong 3', '192.0.2.4')).statusCode, 401);
      const limited = await login(two, 'ana', password, '192.0.2.5');
      assert.equal(limited.statusCode, 429, 'three wrong passwords on two servers: the account waits on both');
      await one.close();
      const restarted = await buildApp({ store, webRoot: '/nonexistent', login: { limit } });
      try {
        assert.equal((await login(restarted, 'ana', password, '192.0.2.6')).statusCode, 429, 'a restart forgets nothing');
        for (let i = 0; i < 3; i++) assert.equal((await login(restarted, `nobody${i}`, 'x', '198.51.100.9')).statusCode, 401);
        assert.equal((await login(two, 'root', password, '198.51.100.9')).statusCode, 429, 'per address too, across servers');
        clock += 60_000;
        assert.equal((await login(restarted, 'ana', password, '192.0.2.7')).statusCode, 200, 'back after the wait');
      } finally {
        await restarted.close();
      }
    } finally {
      await one.close().catch(() => undefined);
      await two.close();
    }
  });
});
