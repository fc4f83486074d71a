/** Browser-facing defences: Host allow-list (DNS rebinding), security headers on every response, Origin check on writes. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { hostPolicy, hostHeaderName } from '../../src/server/hosts.js';
import { sampleStore, tempDir } from '../helpers.js';

/** A built web root with an index page, a script and a worker, as vite writes them. */
function webRoot(): string {
  const dir = join(tempDir(), 'web');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/main.js"></script>');
  writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1);');
  return dir;
}

function assertSecurityHeaders(res: LightMyRequestResponse, what: string): void {
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP forbids framing`);
  assert.match(csp, /script-src 'self'(;|$)/, `${what}: CSP runs only own scripts`);
  assert.doesNotMatch(csp, /unsafe-eval/, what);
  assert.equal(res.headers['x-frame-options'], 'DENY', what);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(res.headers['referrer-policy'], 'same-origin', what);
}

describe('server security', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    ({ store } = await sampleStore());
    app = await buildApp({ store, webRoot: webRoot(), allowedHosts: ['cables.example.org'] });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  describe('Host allow-list', () => {
    const rebound = ['attacker.test', 'attacker.test:7878', '127.0.0.1.attacker.test', 'localhost.', 'LOCALHOST.attacker.test:80', '10.0.0.5:7878'];
    for (const host of rebound) {
      it(`refuses Host ${host} with 421 on every kind of route`, async () => {
        for (const url of ['/api/stats', '/', '/assets/main.js', '/api/docs', '/api/docs/json', '/documents/abc', '/api/nothing']) {
          const res = await app.inject({ method: 'GET', url, headers: { host } });
          assert.equal(res.statusCode, 421, `${host} ${url}`);
          assert.equal(res.json().error, 'misdirected');
          assert.match(res.json().message, /--allowed-host/);
          assert.doesNotMatch(res.body, /iran-cables|Cablegraph API/, 'nothing of the store or the docs leaks');
        }
        const merge = await app.inject({ method: 'POST', url: '/api/decisions/merge', headers: { host }, payload: { a: 'ent_0000000000000001', b: 'ent_0000000000000002' } });
        assert.equal(merge.statusCode, 421);
      });
    }

    it('refuses a malformed Host', async () => {
      for (const host of ['a b', 'evil.test/x', 'user@localhost']) {
        const res = await app.inject({ method: 'GET', url: '/api/stats', headers: { host } });
        assert.equal(res.statusCode, 421, JSON.stringify(host));
      }
    });

    const allowed = ['localhost', 'localhost:7878', 'LocalHost:7878', '127.0.0.1:7878', '127.0.0.1', '[::1]:7878', 'cables.example.org', 'Cables.Example.org:443'];
    for (const host of allowed) {
      it(`serves Host ${host}`, async () => {
        const api = await app.inject({ method: 'GET', url: '/api/stats', headers: { host } });
        assert.equal(api.statusCode, 200);
        assert.equal(api.json().documents, 3);
        const page = await app.inject({ method: 'GET', url: '/', headers: { host } });
        assert.equal(page.statusCode, 200);
      });
    }

    it('answers for the names the bind address implies', () => {
      const loop = hostPolicy('127.0.0.1');
      assert.deepEqual([...loop.names].sort(), ['127.0.0.1', '::1', 'localhost']);
      assert.equal(loop.named.size, 0);
      const lan = hostPolicy('192.168.1.20', ['wiki.lan']);
      assert.ok(lan.names.has('192.168.1.20') && lan.names.has('wiki.lan') && lan.named.has('wiki.lan'));
      assert.ok(!lan.names.has('127.0.0.1'), 'a server bound to one LAN address is not reached through loopback');
      const all = hostPolicy('0.0.0.0');
      assert.ok(all.names.has('127.0.0.1') && all.names.has('0.0.0.0'));
      assert.ok(!all.names.has('attacker.test'));
      assert.throws(() => hostPolicy('127.0.0.1', ['https://cables.example.org']), /bare host name/);
      assert.throws(() => hostPolicy('127.0.0.1', ['cables.example.org:8080']), /bare host name/);
      assert.equal(hostHeaderName('[0:0:0:0:0:0:0:1]:80'), '::1');
    });

    it('refuses a rebinding Host over a real socket, and serves the bound address', async () => {
      const server = await buildApp({ store, webRoot: '/nonexistent' });
      await server.listen({ host: '127.0.0.1', port: 0 });
      try {
        const { port } = server.server.address() as AddressInfo;
        const get = (host: string): Promise<{ status: number; body: string }> => new Promise((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/api/stats', headers: { host } }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => { body += c.toString(); });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
        const evil = await get(`rebind.attacker.test:${port}`);
        assert.equal(evil.status, 421);
        assert.doesNotMatch(evil.body, /"documents"/);
        // HTTP/1.0 lets a client leave Host out; a browser never does, so neither is served.
        const bare = await new Promise<string>((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port }, () => socket.end('GET /api/stats HTTP/1.0\r\n\r\n'));
          let text = '';
          socket.on('data', (c: Buffer) => { text += c.toString(); });
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
        assert.match(bare, /^HTTP\/1\.[01] 421 /);
        const own = await get(`127.0.0.1:${port}`);
        assert.equal(own.status, 200);
        assert.equal(JSON.parse(own.body).documents, 3);
      } finally {
        await server.close();
      }
    });
  });

  describe('security headers', () => {
    const cases: [string, string, Record<string, string>, number][] = [
      ['API answer', '/api/stats', {}, 200],
      ['web page', '/', {}, 200],
      ['static script', '/assets/main.js', {}, 200],
      ['client-side route', '/documents/abc', {}, 200],
      ['API docs', '/api/docs/json', {}, 200],
      ['bad request', '/api/search?q=', {}, 400],
      ['API 404', '/api/nothing', {}, 404],
      ['misdirected Host', '/api/stats', { host: 'attacker.test' }, 421],
    ];
    for (const [what, url, headers, status] of cases) {
      it(`are on a ${what} (${status})`, async () => {
        const res = await app.inject({ method: 'GET', url, headers });
        assert.equal(res.statusCode, status, res.body.slice(0, 200));
        assertSecurityHeaders(res, what);
      });
    }

    it('are on a refused write, an internal error and a token refusal', async () => {
      const cross = await app.inject({ method: 'POST', url: '/api/decisions/merge', headers: { origin: 'http://attacker.test' }, payload: {} });
      assert.equal(cross.statusCode, 403);
      assertSecurityHeaders(cross, 'cross-origin write');
      const { store: s2 } = await sampleStore();
      const broken = await buildApp({ store: s2, webRoot: '/nonexistent', token: 'Zt4n0kq8Vx2bR7mLp3sW9yHc' });
      await s2.close(); // every store call now fails: a 500
      try {
        const denied = await broken.inject({ method: 'GET', url: '/api/stats' });
        assert.equal(denied.statusCode, 401);
        assertSecurityHeaders(denied, '401');
        const failed = await broken.inject({ method: 'GET', url: '/api/stats', headers: { authorization: 'Bearer Zt4n0kq8Vx2bR7mLp3sW9yHc' } });
        assert.equal(failed.statusCode, 500);
        assertSecurityHeaders(failed, '500');
      } finally {
        await broken.close();
      }
    });
  });

  describe('Origin check on writes', () => {
    const merge = (headers: Record<string, string>) => app.inject({
      method: 'POST', url: '/api/decisions/merge', headers: { host: 'localhost:7878', ...headers },
      payload: { a: 'ent_0000000000000001', b: 'ent_0000000000000002' },
    });

    const refused: [string, Record<string, string>][] = [
      ['another site', { origin: 'http://attacker.test' }],
      ['another port of the same machine', { origin: 'http://localhost:3000' }],
      ['a sandboxed frame or file', { origin: 'null' }],
      ['another site, told by Referer only', { referer: 'http://attacker.test/page.html' }],
      ['a cross-site fetch that hid its Origin', { 'sec-fetch-site': 'cross-site' }],
    ];
    for (const [what, headers] of refused) {
      it(`refuses a write from ${what} with 403`, async () => {
        const res = await merge(headers);
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error, 'cross-origin');
      });
    }

    const accepted: [string, Record<string, string>][] = [
      ['the workbench itself', { origin: 'http://localhost:7878', 'sec-fetch-site': 'same-origin' }],
      ['the workbench, told by Referer', { referer: 'http://localhost:7878/entities/ent_1' }],
      ['a name given with --allowed-host (a proxy in front)', { origin: 'https://cables.example.org' }],
      ['a client that sends no Origin (curl)', {}],
    ];
    for (const [what, headers] of accepted) {
      it(`lets a write from ${what} reach the route`, async () => {
        const res = await merge(headers);
        // The ids do not exist: the route itself answers.
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error, 'bad-decision');
      });
    }

    it('does not check reads', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/stats', headers: { origin: 'http://attacker.test' } });
      assert.equal(res.statusCode, 200);
    });
  });
});
