/**
 * Users, roles and collection permissions over HTTP: a viewer of collection A sees nothing of B on any route (documents,
 * names, counts, evidence), writes need an editor with write, sign-in is limited and expires, and the audit log records
 * what was done and cannot be changed through the API.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { EXPORT_FORMAT_IDS } from '../../src/export/formats.js';
import { newApiToken, secretDigest } from '../../src/server/auth/secrets.js';
import { twoCollections, CANARY } from './trust-fixture.js';

const A = { collections: ['leaks-a'] };
const B = { collections: ['leaks-b'] };

describe('users, roles and collection permissions', () => {
  let store: Store;
  let app: FastifyInstance;
  let password: string;
  let clock = Date.parse('2026-12-03T09:00:00Z');
  const cookies: Record<string, string> = {};
  /** What only B holds: document ids and paths, entity and relation ids, the canary word. */
  let secretsOfB: string[] = [];
  let relationsOfB: { id: string; source: string }[] = [];

  before(async () => {
    ({ store, password } = await twoCollections());
    app = await buildApp({ store, webRoot: '/nonexistent', now: () => clock, login: { limit: { burst: 3, perMinute: 3, now: () => clock } } });
    const docs = (await store.listDocuments(B, 100, 0)).items;
    const entities = await store.listEntities(B);
    const relations = await store.listRelations(B);
    secretsOfB = [CANARY, ...docs.flatMap((d) => [d.id, d.path.split('/').pop()!]), ...entities.map((e) => e.id), ...relations.map((r) => r.id)];
    for (const name of ['ana', 'ben', 'root']) {
      const res = await app.inject({ method: 'POST', url: '/login', payload: { name, password }, remoteAddress: `10.1.0.${name.length}` });
      assert.equal(res.statusCode, 200, res.body);
      const setCookie = String(res.headers['set-cookie']);
      assert.match(setCookie, /^cablegraph_session=[\w-]{32}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
      cookies[name] = setCookie.split(';')[0]!;
    }
    // Curation of B by the admin: a note naming the canary, a tag and a grade, so the notes, tags and grade routes have
    // something of B to leak.
    const write = async (method: 'POST' | 'PUT', url: string, payload: object): Promise<void> => {
      const res = await app.inject({ method, url, payload, headers: { cookie: cookies.root!, origin: 'http://localhost:80' } });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    };
    await write('POST', '/api/notes', { target: { kind: 'document', id: docs[0]!.id }, text: `source says ${CANARY}` });
    await write('POST', '/api/notes', { target: { kind: 'entity', id: entities[0]!.id }, text: `seen with ${CANARY}` });
    await write('PUT', '/api/tags', { target: { kind: 'entity', id: entities[0]!.id }, tag: 'informant' });
    await write('PUT', `/api/documents/${docs[0]!.id}/grade`, { reliability: 'B', credibility: 2 });
    relationsOfB = relations.map((r) => ({ id: r.id, source: r.source }));
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const as = (user: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: { cookie: cookies[user]!, ...(payload ? { origin: 'http://localhost:80' } : {}) }, payload });

  /** Every read route and export, with the ids of B the caller should not be able to open. */
  async function sweep(user: string): Promise<{ url: string; status: number; body: string }[]> {
    const urls = ['/api/stats', '/api/documents?limit=100', '/api/entities?limit=100', `/api/entities?q=${CANARY}`, '/api/entities?q=Soleimani',
      '/api/graph?minConfidence=0', '/api/timeline', '/api/search?q=Iraq&limit=100', `/api/search?q=${CANARY}`, '/api/search?q=Iraq&collection=leaks-b',
      '/api/search?q=Soleimani', '/api/me', '/api/review?state=all&limit=500', '/api/graph?reviewedOnly=true&minConfidence=0', ...EXPORT_FORMAT_IDS.map((f) => `/api/export?format=${f}`), '/api/export?format=csv&file=entities.csv',
      '/api/review?kind=event&state=all&limit=500', '/api/review?kind=claim&state=all&limit=500', '/api/review?kind=merge&state=all&limit=500', '/api/export?format=json&includeRejected=true',
      '/api/export?format=json&minGrade=F6', '/api/graph?minGrade=F6&minConfidence=0', '/api/notes?limit=100', `/api/notes?q=${CANARY}`, '/api/tags',
      '/api/tags?tag=informant', '/api/entities?tag=informant', '/api/outlets', `/api/search?q=${CANARY}&tag=informant`];
    for (const r of relationsOfB) urls.push(`/api/entities/${r.source}/relations/${r.id}/evidence`);
    for (const id of secretsOfB) {
      if (id.startsWith('doc_') || /^[0-9a-f]{16}$/.test(id)) urls.push(`/api/documents/${id}`, `/api/documents/${id}/grade`);
      if (id.startsWith('ent_')) urls.push(`/api/entities/${id}`, `/api/entities/${id}?minGrade=F6`, `/api/entities/${id}/members`, `/api/notes?kind=entity&id=${id}`, `/api/graph?entity=${id}`, `/api/timeline?entity=${id}`);
      if (id.startsWith('rel_')) urls.push(`/api/relations/${id}`);
    }
    const out = [];
    for (const url of urls) {
      const res = await as(user, url);
      // A 404 names the id it was asked for: that echo is not a leak, anything else of B is.
      const asked = url.split(/[/?=&]/).filter((part) => secretsOfB.includes(part));
      out.push({ url, status: res.statusCode, body: asked.reduce((body, id) => body.split(id).join(''), res.body) });
    }
    return out;
  }

  it('refuses callers without a session or token, and sends a browser to the sign-in form', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/stats' })).statusCode, 401);
    const page = await app.inject({ method: 'GET', url: '/documents/x', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 302);
    assert.equal(page.headers.location, '/login?next=%2Fdocuments%2Fx', 'the sign-in form knows the page asked for');
    const form = await app.inject({ method: 'GET', url: '/login?next=%2Fdocuments%2Fx' });
    assert.match(form.body, /<form method="post" action="\/login">/);
    assert.match(form.body, /name="next" value="\/documents\/x"/);
    assert.match(String(form.headers['content-security-policy']), /script-src 'self'/);
  });

  it('after signing in with the form, opens the page asked for, and never another site', async () => {
    const post = (next: string) => app.inject({
      method: 'POST', url: '/login', remoteAddress: '10.3.3.3',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
      payload: new URLSearchParams({ name: 'ana', password, next }).toString(),
    });
    for (const [next, to] of [['/documents/x?tab=2', '/documents/x?tab=2'], ['//evil.example/', '/'], ['https://evil.example/', '/'], ['/\\evil.example', '/'], ['javascript:alert(1)', '/']]) {
      const res = await post(next!);
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, to, `next=${next}`);
    }
  });

  it('tells each caller their role and collections', async () => {
    assert.deepEqual((await as('ana', '/api/me')).json(), { name: 'ana', role: 'viewer', read: ['leaks-a'], write: [] });
    assert.deepEqual((await as('ben', '/api/me')).json(), { name: 'ben', role: 'editor', read: ['leaks-a', 'leaks-b'], write: ['leaks-b'] });
    assert.deepEqual((await as('root', '/api/me')).json(), { name: 'root', role: 'admin', read: '*', write: '*' });
  });

  it('shows a viewer of A nothing of B on any route: no document, name, id or count (the same sweep as admin finds them)', async (t) => {
    const answers = await sweep('ana');
    const leaks = answers.filter((r) => secretsOfB.some((s) => r.body.includes(s)));
    t.diagnostic(`${answers.length} requests as a viewer of A, ${new Set(answers.map((r) => r.url.split(/[/?]/).slice(0, 3).join('/'))).size} resources (stats, documents, grades, entities, relations, evidence pages, graph, timeline, search, review, notes, tags, outlets, export, me), ${leaks.length} leaks`);
    assert.deepEqual(leaks.map((r) => `${r.url} -> ${secretsOfB.find((s) => r.body.includes(s))}`), []);
    const seen = (await sweep('root')).filter((r) => secretsOfB.some((s) => r.body.includes(s)));
    assert.ok(seen.length >= 10, `the admin sees B on ${seen.length} routes`);
  });

  it('answers 404 for a document or entity of B, exactly as for one that does not exist', async () => {
    const docB = (await store.listDocuments(B, 1, 0)).items[0]!;
    const mine = await as('ana', `/api/documents/${docB.id}`);
    const none = await as('ana', `/api/documents/${'0'.repeat(docB.id.length)}`);
    assert.equal(mine.statusCode, 404);
    assert.equal(none.statusCode, 404);
    assert.equal((await as('ben', `/api/documents/${docB.id}`)).statusCode, 200, 'ben may read B');
    const entB = (await store.listEntities(B))[0]!;
    assert.equal((await as('ana', `/api/entities/${entB.id}`)).statusCode, 404);
    assert.equal((await as('ben', `/api/entities/${entB.id}`)).statusCode, 200);
  });

  it('counts only A in search totals and facets', async () => {
    const res = (await as('ana', '/api/search?q=Iraq&limit=100')).json() as { total: number; results: { document: { collection: string } }[]; facets: Record<string, { value: string; count: number }[]> };
    const all = (await as('root', '/api/search?q=Iraq&limit=100')).json() as { total: number };
    assert.equal(res.total, (await store.listDocuments(A, 100, 0)).total, 'both documents of A mention Iraq');
    assert.ok(all.total > res.total, `admin ${all.total} > viewer ${res.total}`);
    assert.deepEqual([...new Set(res.results.map((r) => r.document.collection))], ['leaks-a']);
    for (const [facet, values] of Object.entries(res.facets)) {
      assert.equal(values.reduce((n, v) => n + v.count, 0) <= res.total, true, facet);
      if (facet === 'collection') assert.deepEqual(values.map((v) => v.value), ['leaks-a']);
    }
    assert.equal((await as('ana', '/api/search?q=Iraq&collection=leaks-b')).json().total, 0, 'a filter cannot widen the scope');
  });

  it('shows an entity named in A and B with only the evidence, aliases and documents of A', async () => {
    const inA = (await store.searchEntities({ q: 'Soleimani', limit: 5, offset: 0 }, A)).items;
    const inB = (await store.searchEntities({ q: 'Soleimani', limit: 5, offset: 0 }, B)).items;
    assert.ok(inA.length > 0 && inB.length > 0, 'Soleimani is named in both collections');
    const listed = (await as('ana', '/api/entities?q=Soleimani')).json() as { items: { id: string }[] };
    assert.ok(listed.items.length > 0, 'A has a Soleimani');
    assert.deepEqual(listed.items.filter((e) => inB.some((b) => b.id === e.id)), []);
    const page = (await as('ana', `/api/entities/${inA[0]!.id}`)).json() as { documents: { id: string; collection: string }[] };
    const docsA = new Set((await store.listDocuments(A, 100, 0)).items.map((d) => d.id));
    const cited = [...JSON.stringify(page).matchAll(/"documentId":"([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(cited.length > 0, 'the page cites evidence');
    assert.deepEqual(cited.filter((id) => !docsA.has(id)), []);
    assert.deepEqual([...new Set(page.documents.map((d) => d.collection))], ['leaks-a']);
  });

  it('lets only an editor with write change entities; viewers and read-only grants get 403', async () => {
    const people = (await store.listEntities(B)).filter((e) => e.type === 'PERSON');
    const peopleA = (await store.listEntities(A)).filter((e) => e.type === 'PERSON');
    assert.ok(people.length >= 2 && peopleA.length >= 2, 'people to merge in A and B');
    const mergeA = { a: peopleA[0]!.id, b: peopleA[1]!.id };
    assert.equal((await as('ana', '/api/decisions/merge', 'POST', mergeA)).statusCode, 403, 'viewer');
    assert.equal((await as('ben', '/api/decisions/merge', 'POST', mergeA)).statusCode, 403, 'editor who may only read A');
    const res = await as('ben', '/api/decisions/merge', 'POST', { a: people[0]!.id, b: people[1]!.id });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().decisions[0].by, 'ben', 'recorded as the signed-in user');
    const decision = res.json().decisions[0].id as number;
    assert.equal((await as('ben', `/api/decisions/${decision}`)).statusCode, 200);
    assert.equal((await as('ana', `/api/decisions/${decision}`)).statusCode, 404, 'a decision in B is not there for a viewer of A');
  });

  it('lets only an editor with write review relations; a proposal of another collection is not there for a viewer', async () => {
    const [inA] = await store.reviews.proposals(A);
    const [inB] = await store.reviews.proposals(B);
    assert.ok(inA && inB, 'proposals in A and B');
    const verdict = { verdict: 'rejected', reason: 'not stated' };
    assert.equal((await as('ana', `/api/review/relations/${inA.id}`, 'POST', verdict)).statusCode, 403, 'viewer');
    assert.equal((await as('ben', `/api/review/relations/${inA.id}`, 'POST', verdict)).statusCode, 403, 'editor who may only read A');
    assert.equal((await as('ana', `/api/review/relations/${inB.id}`, 'POST', verdict)).statusCode, 404, 'B is not there for a viewer of A');
    const res = await as('ben', `/api/review/relations/${inB.id}`, 'POST', { ...verdict, by: 'someone else' });
    assert.equal(res.statusCode, 200, res.body);
    const [record] = (await store.reviews.records(inB.documentId)).filter((r) => r.proposal === inB.id);
    assert.equal(record?.by, 'ben', 'recorded as the signed-in user, not the name the request gives');
    const queue = (await as('ana', '/api/review?state=all&limit=500')).json() as { items: { documentId: string }[] };
    const docsA = new Set((await store.listDocuments(A, 100, 0)).items.map((d) => d.id));
    assert.ok(queue.items.length > 0, 'the viewer sees the queue of A');
    assert.deepEqual(queue.items.filter((i) => !docsA.has(i.documentId)), [], 'and nothing of B');
  });

  it('lets only an editor with write review events and claims, add entities and attach evidence; audited as the signed-in user', async () => {
    const [eventA] = await store.reviews.facts.proposals('event', A);
    const [claimB] = await store.reviews.facts.proposals('claim', B);
    assert.ok(eventA && claimB, 'an event in A and a claim in B');
    const verdict = { verdict: 'rejected' };
    assert.equal((await as('ana', `/api/review/events/${eventA.id}`, 'POST', verdict)).statusCode, 403, 'viewer');
    assert.equal((await as('ben', `/api/review/events/${eventA.id}`, 'POST', verdict)).statusCode, 403, 'editor who may only read A');
    assert.equal((await as('ana', `/api/review/claims/${claimB.id}`, 'POST', verdict)).statusCode, 404, 'B is not there for a viewer of A');
    const span = { documentId: eventA.documentId, start: eventA.fact.evidence[0]!.start, end: eventA.fact.evidence[0]!.end };
    assert.equal((await as('ana', '/api/entities', 'POST', { type: 'ORG', name: 'Some Group', evidence: span })).statusCode, 403);
    const relA = (await store.listRelations(A))[0]!;
    assert.equal((await as('ben', `/api/relations/${relA.id}/evidence`, 'POST', { evidence: span })).statusCode, 403);
    const res = await as('ben', `/api/review/claims/${claimB.id}`, 'POST', { ...verdict, by: 'someone else' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().by, 'ben', 'recorded as the signed-in user');
    const queue = (await as('ana', '/api/review?kind=claim&state=all&limit=500')).json() as { items: { documentId: string }[] };
    const docsA = new Set((await store.listDocuments(A, 100, 0)).items.map((d) => d.id));
    assert.deepEqual(queue.items.filter((i) => !docsA.has(i.documentId)), [], 'the viewer sees nothing of B');
    const audit = await store.trust.listAudit({ limit: 50 });
    assert.ok(audit.some((r) => r.user === 'ben' && r.action === 'review' && r.target === claimB.id), 'the decision is audited');
  });

  it('refuses a cross-origin POST that carries the session cookie', async () => {
    const people = (await store.listEntities(B)).filter((e) => e.type === 'PERSON');
    const res = await app.inject({
      method: 'POST', url: '/api/decisions/split', payload: { entity: people[0]!.id, member: 'x' },
      headers: { cookie: cookies.ben!, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error, 'cross-origin');
    const logout = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: cookies.ben!, origin: 'https://evil.example' } });
    assert.equal(logout.statusCode, 403);
    assert.equal((await as('ben', '/api/stats')).statusCode, 200, 'the session survived');
  });

  it('limits wrong passwords per account and per address, and then refuses even the right one', async () => {
    const login = (name: string, pw: string, ip: string) => app.inject({ method: 'POST', url: '/login', payload: { name, password: pw }, remoteAddress: ip });
    for (let i = 0; i < 3; i++) assert.equal((await login('ana', `wrong ${i}`, `192.0.2.${i + 1}`)).statusCode, 401);
    const limited = await login('ana', password, '192.0.2.99');
    assert.equal(limited.statusCode, 429, 'the account is limited whatever the address');
    assert.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After');
    for (let i = 0; i < 3; i++) assert.equal((await login(`nobody${i}`, 'x', '198.51.100.7')).statusCode, 401);
    assert.equal((await login('root', password, '198.51.100.7')).statusCode, 429, 'the address is limited whatever the account');
    clock += 120_000;
    assert.equal((await login('ana', password, '192.0.2.99')).statusCode, 200, 'back after the wait');
  });

  it('accepts a user token until it expires or is revoked, and expires sessions', async () => {
    const { id, token } = newApiToken();
    await store.trust.addToken(id, 'ana', secretDigest(token), new Date(clock + 3_600_000).toISOString());
    const get = (bearer: string) => app.inject({ method: 'GET', url: '/api/stats', headers: { authorization: `Bearer ${bearer}` }, remoteAddress: '203.0.113.5' });
    const ok = await get(token);
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json().byCollection.map((c: { value: string }) => c.value), ['leaks-a']);
    assert.equal((await get(`${token}x`)).statusCode, 401);
    clock += 3_600_001;
    assert.equal((await get(token)).statusCode, 401, 'expired');
    const second = newApiToken();
    await store.trust.addToken(second.id, 'ana', secretDigest(second.token), null);
    assert.equal((await get(second.token)).statusCode, 200);
    await store.trust.revokeToken(second.id);
    assert.equal((await get(second.token)).statusCode, 401, 'revoked');
    assert.equal((await as('root', '/api/stats')).statusCode, 200);
    clock += 12 * 3_600_000;
    assert.equal((await as('root', '/api/stats')).statusCode, 401, 'the session expired');
  });

  it('writes audit rows that admins read and nobody deletes or changes through the API', async () => {
    const res = await app.inject({ method: 'POST', url: '/login', payload: { name: 'root', password }, remoteAddress: '10.9.9.9' });
    cookies.root = String(res.headers['set-cookie']).split(';')[0]!;
    assert.equal((await as('ana', '/api/audit')).statusCode, 401, "ana's session expired");
    const anaLogin = await app.inject({ method: 'POST', url: '/login', payload: { name: 'ana', password }, remoteAddress: '10.9.9.8' });
    cookies.ana = String(anaLogin.headers['set-cookie']).split(';')[0]!;
    assert.equal((await as('ana', '/api/audit')).statusCode, 403);
    const rows = (await as('root', '/api/audit?limit=10000')).json().items as { user: string | null; action: string; target: string | null; details: Record<string, unknown>; address: string }[];
    type Row = (typeof rows)[number];
    const has = (user: string | null, action: string, test: (r: Row) => boolean = () => true): boolean =>
      rows.some((r) => r.user === user && r.action === action && test(r));
    assert.ok(has('ana', 'login', (r) => r.address === '10.9.9.8'), 'login with address');
    assert.ok(has(null, 'login-failed', (r) => r.target === 'ana' && r.details.reason === 'wrong-password'), 'failed login');
    assert.ok(has('ana', 'search', (r) => r.details.q === CANARY), 'search with its query');
    assert.ok(has('ben', 'document', (r) => r.details.collection === 'leaks-b'), 'document opened');
    assert.ok(has('ana', 'export', (r) => r.details.format === 'stix'), 'export with its format');
    assert.ok(has('ben', 'merge'), 'merge');
    for (const method of ['DELETE', 'PUT', 'POST', 'PATCH'] as const) {
      const r: LightMyRequestResponse = await app.inject({ method, url: '/api/audit', headers: { cookie: cookies.root! } });
      assert.equal(r.statusCode, 404, method);
    }
    assert.ok((await store.trust.listAudit({ limit: 100_000 })).length >= rows.length, 'no row went');
  });

  it('ends a session on logout; behind a TLS proxy the cookie is Secure', async () => {
    const res = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: cookies.ana! } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['set-cookie']), /Max-Age=0/);
    assert.equal((await as('ana', '/api/stats')).statusCode, 401);
    assert.ok((await store.trust.listAudit({ user: 'ana', limit: 5 })).some((r) => r.action === 'logout'), 'logout audited');
    const behindTls = await buildApp({ store, webRoot: '/nonexistent', now: () => clock, login: { secureCookies: true } });
    try {
      const login = await behindTls.inject({ method: 'POST', url: '/login', payload: { name: 'ana', password }, remoteAddress: '10.7.7.7' });
      assert.match(String(login.headers['set-cookie']), /; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200; Secure$/);
    } finally {
      await behindTls.close();
    }
  });
});
