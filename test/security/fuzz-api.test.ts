/**
 * Fuzzing every API route with generated input (fixed seed): random Unicode, huge strings, wrong JSON types, malformed
 * JSON, path tricks and query-syntax garbage. The goal: no 5xx, and the server still answers afterwards. The slowest
 * request is printed (no timed assertion: timings belong to the benchmarks).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { InjectOptions } from 'light-my-request';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { seededRandom } from '../../src/nlp/random.js';
import { tempDir } from '../helpers.js';

const PER_ROUTE = 150;
const rand = seededRandom(20261203);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const GARBAGE = ['"unterminated', 'NEAR(', 'a AND OR NOT', '*', '((((((((', ')))', '-', '""', 'a* b* c* d* e* f*', 'NEAR(a b, 99999999)',
  '../../etc/passwd', '%2e%2e%2f%2e%2e%2f', '\u0000', '\ud800', '<script>', "' OR 1=1 --", '${jndi:x}', '%', '%%', '\\', '\u202e',
  'حسین کریمی', '外務省', 'ent_', 'doc_', '0'.repeat(16), 'f'.repeat(16) + '.' + 'a'.repeat(12), '-1', '1e308', 'NaN', 'null', '[]', '{}'];

/** A random string: garbage, random code points (lone surrogates included), or a huge run. */
function str(): string {
  const r = rand();
  if (r < 0.4) return pick(GARBAGE);
  if (r < 0.8) return Array.from({ length: 1 + Math.floor(rand() * 40) }, () => String.fromCharCode(Math.floor(rand() * 0xffff))).join('');
  return pick(['a', 'ب', '\u0000', '(', '"', ' ']).repeat(1 + Math.floor(rand() * 200_000));
}

/** A random JSON value of any type. */
function value(depth = 0): unknown {
  const r = rand();
  if (r < 0.3) return str();
  if (r < 0.45) return pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER]);
  if (r < 0.55) return pick([true, false, null]);
  if (r < 0.75 && depth < 3) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
  if (depth < 3) return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(['a', 'b', 'type', 'source', 'target', 'evidence', 'verdict', 'entity', 'member', 'by', str()]), value(depth + 1)]));
  return str();
}

const enc = (s: string): string => {
  try { return encodeURIComponent(s); } catch { return '%ZZ'; }
};

describe('API fuzzing', () => {
  let store: Store;
  let app: FastifyInstance;
  let ids: string[] = [];

  before(async () => {
    const dir = tempDir('cablegraph-fuzz-');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'memo.txt'), 'The governor of Basra, Asaad al-Eidani, met Hossein Karimi in Baghdad on Monday. Karimi paid the broker.\n');
    store = await openStore(join(dir, 'store.db'));
    await ingestPaths([join(dir, 'in')], { store, collection: 'c', stages: defaultStages(), finish: finishIngest });
    const docs = (await store.listDocuments({ collections: ['c'] }, 10, 0)).items.map((d) => d.id);
    const ents = (await store.listEntities({ collections: ['c'] })).map((e) => e.id);
    ids = [...docs, ...ents];
    app = await buildApp({ store });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const GETS: ((s: () => string) => string)[] = [
    (s) => `/api/search?q=${enc(s())}&limit=${enc(s())}`, (s) => `/api/search?q=${enc(s())}&collection=${enc(s())}&language=${enc(s())}`,
    (s) => `/api/documents?limit=${enc(s())}&offset=${enc(s())}`, (s) => `/api/documents/${enc(s())}`, (s) => `/api/documents/${enc(s())}/original`,
    (s) => `/api/entities?q=${enc(s())}&type=${enc(s())}`, (s) => `/api/entities/${enc(s())}`, (s) => `/api/relations/${enc(s())}`,
    (s) => `/api/graph?entity=${enc(s())}&minConfidence=${enc(s())}&depth=${enc(s())}`, (s) => `/api/timeline?entity=${enc(s())}&from=${enc(s())}`,
    (s) => `/api/export?format=${enc(s())}&file=${enc(s())}`, (s) => `/api/export?format=${enc(s())}&unmask=${enc(s())}`, (s) => `/api/review?state=${enc(s())}&type=${enc(s())}&minConfidence=${enc(s())}`,
    (s) => `/api/notes?kind=${enc(s())}&id=${enc(s())}&q=${enc(s())}`, (s) => `/api/notes?q=${enc(s())}`, (s) => `/api/tags?tag=${enc(s())}&kind=${enc(s())}`,
    (s) => `/api/outlets?collection=${enc(s())}`, (s) => `/api/documents/${enc(s())}/grade`, (s) => `/api/graph?minGrade=${enc(s())}&minConfidence=0`,
    (s) => `/api/entities/${enc(s())}?minGrade=${enc(s())}`, (s) => `/api/entities?tag=${enc(s())}`, (s) => `/api/search?q=${enc(s())}&tag=${enc(s())}`,
    (s) => `/api/decisions/${enc(s())}`, (s) => `/api/stats?x=${enc(s())}`, (s) => `/api/me?${enc(s())}=${enc(s())}`, (s) => `/api/audit?user=${enc(s())}`,
    (s) => `/api/${pick(['../', '..%2f', '%2e%2e/', './/', ''])}${enc(s().slice(0, 200))}`, (s) => `/${pick(['../../', '%2e%2e%2f', ''])}${enc(s().slice(0, 200))}`,
  ];
  const WRITES = ['/api/decisions/merge', '/api/decisions/split', '/api/relations', `/api/review/relations/${'0'.repeat(16)}.${'a'.repeat(12)}`,
    '/api/entities/ent_0123456789abcdef/protect', '/login', '/logout', '/api/notes', '/api/notes/1', '/api/tags', '/api/outlets/grade', '/api/documents/0123456789abcdef/grade'];
  /** Methods a write route takes besides POST. */
  const OTHER_METHODS: Record<string, ('PUT' | 'PATCH' | 'DELETE')[]> = {
    '/api/notes/1': ['PATCH', 'DELETE'], '/api/tags': ['PUT', 'DELETE'], '/api/outlets/grade': ['PUT', 'DELETE'], '/api/documents/0123456789abcdef/grade': ['PUT', 'DELETE'],
  };

  it(`answers ${PER_ROUTE} generated requests per route without a 5xx and stays up`, async () => {
    const fails: string[] = [];
    let slowest = { ms: 0, what: '' };
    let sent = 0;
    const some = (): string => (rand() < 0.3 && ids.length > 0 ? pick(ids) : str());
    const send = async (what: string, req: InjectOptions): Promise<void> => {
      const t0 = performance.now();
      const res = await app.inject(req);
      const ms = performance.now() - t0;
      sent++;
      if (ms > slowest.ms) slowest = { ms, what: what.slice(0, 120) };
      if (res.statusCode >= 500) fails.push(`${res.statusCode} ${what.slice(0, 200)}: ${res.body.slice(0, 200)}`);
    };
    for (const make of GETS) for (let i = 0; i < PER_ROUTE; i++) {
      const url = make(some);
      await send(`GET ${url}`, { method: 'GET', url });
    }
    for (const url of WRITES) for (let i = 0; i < PER_ROUTE; i++) {
      const malformed = rand() < 0.3;
      const payload = malformed ? pick(['{', '{"a":', '[1,2', 'null', '"x"', str()]) : JSON.stringify(value());
      const other = OTHER_METHODS[url];
      const method = other ? pick(other) : (url.includes('/review/') || url.endsWith('/protect')) && rand() < 0.3 ? 'DELETE' : 'POST';
      await send(`${method} ${url} ${payload.slice(0, 80)}`, { method, url, payload, headers: { 'content-type': pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded']) } });
    }
    console.log(`# ${sent} requests on ${GETS.length + WRITES.length} route shapes; slowest ${slowest.ms.toFixed(0)} ms (${slowest.what}); 5xx: ${fails.length}`);
    assert.deepEqual(fails.slice(0, 10), [], `${fails.length} requests answered 5xx`);
    assert.equal((await app.inject({ method: 'GET', url: '/api/stats' })).statusCode, 200, 'still up');
  });

  it(`answers ${PER_ROUTE} generated requests per admin route (as the single token, an admin) without a 5xx`, async () => {
    const token = 'Fz7qN2vL9xW4kT1mR6pB3sJ8dH5cY0aG';
    const admin = await buildApp({ store, token });
    try {
      const fails: string[] = [];
      let sent = 0;
      const name = (): string => (rand() < 0.3 ? pick(['fuzz', 'fuzz-2', 'x']) : str().slice(0, rand() < 0.5 ? 120 : 5000));
      // Structured bodies with random fields reach past the schema into the operations; raw ones test the parser.
      const body = (): string => (rand() < 0.3 ? pick(['{', '{"a":', '[1,2', 'null', '"x"', str()]) : JSON.stringify(rand() < 0.5 ? value() : {
        name: name(), role: pick(['viewer', 'editor', 'admin', str()]), password: pick(['a long enough password', str()]),
        user: name(), expires: pick(['30d', '0d', '9999999w', str()]), write: pick([true, false, str()]), disabled: pick([true, false, 1, str()]),
      }));
      const shapes: (() => { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body: boolean })[] = [
        () => ({ method: 'GET', url: `/api/admin/users?${enc(str())}=${enc(str())}`, body: false }),
        () => ({ method: 'GET', url: `/api/admin/tokens?${enc(str())}=1`, body: false }),
        () => ({ method: 'POST', url: '/api/admin/users', body: true }),
        () => ({ method: 'PATCH', url: `/api/admin/users/${enc(name())}`, body: true }),
        () => ({ method: 'DELETE', url: `/api/admin/users/${enc(name())}`, body: false }),
        () => ({ method: pick(['PUT', 'DELETE'] as const), url: `/api/admin/users/${enc(name())}/grants/${enc(str().slice(0, 300))}`, body: true }),
        () => ({ method: 'POST', url: '/api/admin/tokens', body: true }),
        () => ({ method: 'DELETE', url: `/api/admin/tokens/${enc(pick(['0123456789ab', str()]))}`, body: false }),
      ];
      for (const shape of shapes) for (let i = 0; i < PER_ROUTE; i++) {
        const { method, url, body: withBody } = shape();
        const payload = withBody ? body() : undefined;
        const res = await admin.inject({
          method, url, payload, headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': pick(['application/json', 'application/json', 'text/plain']) } : {}) },
        });
        sent++;
        if (res.statusCode >= 500) fails.push(`${res.statusCode} ${method} ${url.slice(0, 120)} ${String(payload).slice(0, 80)}: ${res.body.slice(0, 200)}`);
      }
      console.log(`# ${sent} requests on ${shapes.length} admin route shapes; 5xx: ${fails.length}`);
      assert.deepEqual(fails.slice(0, 10), [], `${fails.length} requests answered 5xx`);
      assert.equal((await admin.inject({ method: 'GET', url: '/api/admin/users', headers: { authorization: `Bearer ${token}` } })).statusCode, 200, 'still up');
    } finally {
      await admin.close();
    }
  });
});
