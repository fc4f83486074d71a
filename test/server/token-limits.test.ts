/** Token strength (refused beyond loopback when under 128 bits) and the limit on wrong tokens per client address. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { newToken, tokenBits, weakTokenProblem, MIN_TOKEN_BITS } from '../../src/server/auth.js';
import { FailureLimiter, clientKey } from '../../src/server/rate-limit.js';
import { checkServeOptions } from '../../src/cli/serve.js';
import { ROOT, sampleStore, tempDir } from '../helpers.js';

describe('token strength', () => {
  it('makes random tokens of at least 128 bits', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const t = newToken();
      assert.ok(tokenBits(t) >= MIN_TOKEN_BITS, `${t}: ${tokenBits(t)} bits`);
      assert.equal(weakTokenProblem(t), null);
      seen.add(t);
    }
    assert.equal(seen.size, 50);
  });

  const weak = ['a', 'password', 'test-token-0123456789', 'a'.repeat(64), 'abababababababababababababababab', '12345678901234567890123456789012345',
    randomBytes(15).toString('hex'), randomBytes(15).toString('base64url').slice(0, 21)];
  for (const t of weak) {
    it(`finds ${JSON.stringify(t)} too weak, saying how to make one`, () => {
      assert.match(weakTokenProblem(t) ?? '', /too weak.*openssl rand/s);
    });
  }

  const strong = [randomBytes(16).toString('hex'), randomBytes(17).toString('base64url').slice(0, 22), 'correct horse battery staple, then 7 more words!'];
  for (const t of strong) {
    it(`accepts ${JSON.stringify(t)}`, () => assert.equal(weakTokenProblem(t), null));
  }

  it('refuses a weak token only where other machines can connect', () => {
    assert.throws(() => checkServeOptions('0.0.0.0', { token: 'a' }), /too weak/);
    assert.throws(() => checkServeOptions('192.168.1.20', { token: 'short-token' }), /too weak/);
    assert.doesNotThrow(() => checkServeOptions('0.0.0.0', { token: newToken() }));
    assert.doesNotThrow(() => checkServeOptions('0.0.0.0', {}), 'no token: serve makes one');
    assert.throws(() => checkServeOptions('127.0.0.1', { allowedHosts: ['http://x.test/'] }), /bare host name/);
  });

  it('refuses a weak token in buildApp beyond loopback too', async () => {
    const { store } = await sampleStore();
    try {
      await assert.rejects(buildApp({ store, webRoot: '/nonexistent', bindHost: '0.0.0.0', token: 'a' }), /too weak/);
    } finally {
      await store.close();
    }
  });

  it('`cablegraph serve` exits 64 on --token a or a short $CABLEGRAPH_TOKEN beyond loopback, before opening the store', () => {
    const db = join(tempDir(), 'never.db');
    const cli = [process.execPath, '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--host', '0.0.0.0', '--port', '0'];
    for (const [args, env] of [[['--token', 'a'], {}], [[], { CABLEGRAPH_TOKEN: 'hunter2hunter2' }]] as const) {
      const r = spawnSync(cli[0]!, [...cli.slice(1), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
      assert.equal(r.status, 64, r.stderr);
      assert.match(r.stderr, /too weak.*128/s);
      assert.ok(!existsSync(db));
    }
  });
});

describe('wrong-token limit', () => {
  const token = newToken();
  let store: Store;
  let app: FastifyInstance;
  let clock = 1_000_000;
  before(async () => {
    ({ store } = await sampleStore());
    app = await buildApp({ store, webRoot: '/nonexistent', token, authLimit: { burst: 5, perMinute: 6, now: () => clock } });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const stats = (bearer: string, remoteAddress = '203.0.113.7') =>
    app.inject({ method: 'GET', url: '/api/stats', headers: { authorization: `Bearer ${bearer}` }, remoteAddress });

  it('answers 429 with Retry-After after N wrong tokens, refuses even the right one meanwhile, and lets it in after the wait', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await stats(`guess-${i}`)).statusCode, 401, `guess ${i}`);
    const limited = await stats('guess-5');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error, 'too-many-attempts');
    const wait = Number(limited.headers['retry-after']);
    assert.equal(wait, 10, '6 per minute: one guess back every 10 s');
    assert.equal((await stats(token)).statusCode, 429, 'no guess is checked while limited');
    assert.equal((await stats(token, '198.51.100.9')).statusCode, 200, 'another address is not affected');
    clock += (wait - 1) * 1000;
    assert.equal((await stats(token)).statusCode, 429);
    clock += 1000;
    assert.equal((await stats(token)).statusCode, 200);
    assert.equal((await stats('guess-6')).statusCode, 401);
    assert.equal((await stats('guess-7')).statusCode, 429, 'one guess regained, one spent');
    clock += 60_000;
  });

  it('counts the login link and a cookie as guesses too', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < 3; i++) {
      assert.equal((await app.inject({ method: 'GET', url: `/login?token=wrong${i}`, remoteAddress: ip })).statusCode, 401);
    }
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/stats', headers: { cookie: `cablegraph_session=c${i}` }, remoteAddress: ip });
      assert.equal(res.statusCode, 401);
    }
    const res = await app.inject({ method: 'GET', url: `/login?token=${token}`, remoteAddress: ip });
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) > 0);
  });

  it('does not count the same wrong token twice (a stale cookie after a restart is not an attack)', async () => {
    for (let i = 0; i < 20; i++) {
      assert.equal((await stats('stale-session-token', '192.0.2.50')).statusCode, 401, `request ${i}`);
    }
    assert.equal((await stats(token, '192.0.2.50')).statusCode, 200);
  });

  it('does not count requests that bring no token', async () => {
    for (let i = 0; i < 20; i++) {
      assert.equal((await app.inject({ method: 'GET', url: '/api/stats', remoteAddress: '192.0.2.60' })).statusCode, 401);
    }
    assert.equal((await stats(token, '192.0.2.60')).statusCode, 200);
  });

  it('counts an IPv6 client by its /64, and IPv4-mapped addresses as IPv4', () => {
    assert.equal(clientKey('2001:db8:0:1::5'), clientKey('2001:0db8:0000:0001:ffff:1:2:3'));
    assert.notEqual(clientKey('2001:db8:0:1::5'), clientKey('2001:db8:0:2::5'));
    assert.equal(clientKey('::ffff:10.0.0.1'), '10.0.0.1');
    assert.equal(clientKey('::1'), '0:0:0:0');
  });

  it('forgets the longest-idle clients past its size cap', () => {
    const now = 0;
    const limiter = new FailureLimiter({ burst: 2, perMinute: 1, maxClients: 100, now: () => now });
    limiter.fail('attacker', 'g1');
    limiter.fail('attacker', 'g2');
    assert.ok(limiter.retryAfter('attacker') > 0);
    for (let i = 0; i < 500; i++) limiter.fail(`10.0.${i >> 8}.${i & 255}`, 'x');
    assert.ok(limiter.size <= 100, `${limiter.size} clients remembered`);
  });
});
