/** Access control: with a token, nothing is served without it; /login turns the token into a session cookie. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../../src/server/auth.js';
import type { Store } from '../../src/store/store.js';
import { sampleApp, closeApp } from '../helpers.js';

describe('access control', () => {
  let app: FastifyInstance;
  let store: Store;
  const token = 'test-token-0123456789';
  before(async () => {
    ({ app, store } = await sampleApp(false, { token }));
  });
  after(() => closeApp(app, store));

  it('refuses requests without the token', async () => {
    for (const url of ['/api/search?q=Iran', '/api/documents', '/api/export', '/api/docs/json', '/']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, url);
    }
    const wrong = await app.inject({ method: 'GET', url: '/api/stats', headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
  });

  it('accepts the bearer token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/stats', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().documents, 3);
  });

  it('logs in with the link and then serves with the session cookie', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/login?token=guess' })).statusCode, 401);
    const login = await app.inject({ method: 'GET', url: `/login?token=${token}` });
    assert.equal(login.statusCode, 302);
    const cookie = String(login.headers['set-cookie']);
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=.+; HttpOnly; SameSite=Strict`));
    const res = await app.inject({ method: 'GET', url: '/api/stats', headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(res.statusCode, 200);
  });
});
