/**
 * Protected identities over HTTP: an editor with write protects an informant; from then on a viewer (and an editor who
 * may only read) finds the name on no route (entity page, entity search, graph, document text, search, timeline,
 * review queue, relations) and in no export format, while an editor with write sees it marked; only an admin may unmask
 * an export, which is audited; unprotecting restores the names.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { EXPORT_FORMAT_IDS } from '../../src/export/formats.js';
import { protectedCorpus, leaks, NAMES } from './protect-fixture.js';

describe('protected identities over the API', () => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  let informant = '';
  let payer = '';
  let docId = '';
  let relationIds: string[] = [];
  let otherDocs: string[] = [];

  before(async () => {
    let password: string;
    ({ store, password } = await protectedCorpus());
    app = await buildApp({ store, webRoot: '/nonexistent' });
    for (const name of ['ana', 'ben', 'eve', 'root']) {
      const res = await app.inject({ method: 'POST', url: '/login', payload: { name, password }, remoteAddress: '10.9.0.1' });
      assert.equal(res.statusCode, 200, res.body);
      cookies[name] = String(res.headers['set-cookie']).split(';')[0]!;
    }
    const find = async (q: string) => (await store.searchEntities({ q, limit: 1, offset: 0 }, { collections: '*' })).items[0]!;
    const [inf, pay] = [await find('Karim Jabbari'), await find('Hadi al-Amiri')];
    // The fixture is meaningful only if resolution merged other spellings into both ("JABBARI", "Amiri").
    assert.ok(inf.aliases.some((a) => /^jabbari$/iu.test(a)), `aliases of the informant: ${inf.aliases.join(', ')}`);
    assert.ok(pay.aliases.some((a) => /^amiri$/iu.test(a)), `aliases of the payer: ${pay.aliases.join(', ')}`);
    informant = inf.id;
    payer = pay.id;
    const docs = (await store.listDocuments({ collections: '*' }, 10, 0)).items;
    docId = docs.find((d) => d.path.endsWith('informant-wire.txt'))!.id;
    otherDocs = docs.filter((d) => d.id !== docId).map((d) => d.id);
    relationIds = (await store.listEntityRelations([informant, payer], { collections: '*' })).map((r) => r.id);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const as = (user: string, url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET'): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: { cookie: cookies[user]!, ...(method !== 'GET' ? { origin: 'http://localhost:80' } : {}) } });

  /** Every read a viewer could use to learn a name. */
  const reads = (): string[] => [
    `/api/entities/${informant}`, `/api/entities/${payer}`, `/api/entities/${informant}/members`, `/api/entities/${payer}/members?limit=200`, '/api/entities?q=Jabbari', '/api/entities?q=Karim%20Jabbari', '/api/entities?q=Amiri',
    '/api/entities?limit=200', '/api/graph?minConfidence=0', `/api/graph?entity=${payer}&hops=2&minConfidence=0`, `/api/documents/${docId}`,
    '/api/documents?limit=100', '/api/search?q=cable', '/api/search?q=farm%20OR%20Basra', '/api/timeline', `/api/timeline?entity=${payer}`,
    '/api/review?state=all&limit=500', ...relationIds.map((id) => `/api/relations/${id}`), ...otherDocs.map((id) => `/api/documents/${id}`),
    `/api/review?entity=${payer}&state=all`, ...EXPORT_FORMAT_IDS.map((f) => `/api/export?format=${f}`), '/api/export?format=csv&file=entities.csv',
  ];

  it('lets only an editor with write protect, and audits it', async () => {
    assert.equal((await as('ana', `/api/entities/${informant}/protect`, 'POST')).statusCode, 403);
    assert.equal((await as('eve', `/api/entities/${informant}/protect`, 'POST')).statusCode, 403, 'an editor without write on the collection');
    const res = await as('ben', `/api/entities/${informant}/protect`, 'POST');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.json().pseudonym, /^Protected (person|organisation) 1$/u);
    const second = await as('ben', `/api/entities/${payer}/protect`, 'POST');
    assert.equal(second.json().pseudonym, 'Protected person 1'.replace('1', res.json().pseudonym.includes('person') ? '2' : '1'));
    const audit = await store.trust.listAudit({ user: 'ben' });
    assert.deepEqual(audit.filter((a) => a.action === 'entity-protected').map((a) => a.target).sort(), [informant, payer].sort());
  });

  it('shows a viewer and a read-only editor no protected name on any read or export, and refuses a search for it', async (t) => {
    for (const user of ['ana', 'eve']) {
      const found: string[] = [];
      for (const url of reads()) {
        const res = await as(user, url);
        assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
        for (const n of leaks(res.body)) found.push(`${url} -> ${n}`);
      }
      t.diagnostic(`${user}: ${reads().length} reads (${relationIds.length} relations), ${found.length} leaks`);
      assert.deepEqual(found, []);
      for (const q of ['Jabbari', 'jabbari', '"Karim Jabbari"', 'Jabb*', 'al-Amiri', 'Hadi AND Amiri', 'farm AND Amiri']) {
        const res = await as(user, `/api/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
        assert.equal(res.json().error, 'protected-name');
      }
      assert.equal((await as(user, '/api/search?q=Karim')).statusCode, 200, 'a given name alone is not a protected name');
    }
    // The same reads show the names to an editor with write: the sweep can see a leak when there is one.
    let shown = 0;
    for (const url of reads().filter((u) => !u.startsWith('/api/export'))) if (leaks((await as('ben', url)).body).length > 0) shown++;
    t.diagnostic(`ben (editor with write) sees protected names on ${shown} reads`);
    assert.ok(shown >= 10, `${shown}`);
  });

  it('keeps the reader consistent: the masked text has the stored length, mention spans carry the pseudonym', async () => {
    const stored = await store.getDocument(docId, { collections: '*' });
    const doc = (await as('ana', `/api/documents/${docId}`)).json() as { text: string; mentions: { start: number; end: number; text: string; entityId: string; protected?: { pseudonym: string; masked: boolean } }[] };
    assert.equal(doc.text.length, stored!.text.length);
    assert.deepEqual(leaks(doc.text), []);
    const masked = doc.mentions.filter((m) => m.protected?.masked);
    assert.ok(masked.length >= 4, `${masked.length} mentions of protected entities`);
    for (const m of masked) {
      assert.equal(m.text, m.protected!.pseudonym);
      assert.match(doc.text.slice(m.start, m.end), /^[[\]PO0-9\u2592\n]+$/u, 'the span is masked in place');
    }
    // Text around the names is untouched.
    assert.match(doc.text, /a logistics officer who\npassed details of weapons shipments/u);
  });

  it('does not find a protected entity by its name for a viewer, but lists it under its pseudonym', async () => {
    const byName = (await as('ana', '/api/entities?q=Jabbari')).json() as { items: { id: string }[]; total: number };
    assert.deepEqual(byName.items.filter((e) => e.id === informant), []);
    const all = (await as('ana', '/api/entities?limit=200')).json() as { items: { id: string; name: string; aliases: string[] }[] };
    const listed = all.items.find((e) => e.id === informant)!;
    assert.match(listed.name, /^Protected (person|organisation) 1$/u);
    assert.deepEqual(listed.aliases, []);
    const page = (await as('ana', `/api/entities/${informant}`)).json() as { entity: { name: string; protected: { masked: boolean } } };
    assert.equal(page.entity.protected.masked, true);
  });

  it('finds an entity by its member key, but not a protected one for a viewer (the key holds the name)', async () => {
    const [key] = (await store.getEntity(informant, { collections: '*' }))!.members;
    const url = `/api/entities/by-member?key=${encodeURIComponent(key!)}`;
    assert.equal((await as('ana', url)).statusCode, 404);
    assert.deepEqual((await as('ben', url)).json(), { id: informant });
    assert.equal((await as('ana', `/api/entities/by-member?key=${encodeURIComponent((await store.getEntity(payer, { collections: '*' }))!.members[0]!)}`)).statusCode, 404);
    const other = (await store.searchEntities({ limit: 50, offset: 0 }, { collections: '*' })).items.find((e) => e.id !== informant && e.id !== payer)!;
    const [otherKey] = (await store.getEntity(other.id, { collections: '*' }))!.members;
    assert.deepEqual((await as('ana', `/api/entities/by-member?key=${encodeURIComponent(otherKey!)}`)).json(), { id: other.id }, 'an unprotected entity');
    assert.equal((await as('ana', '/api/entities/by-member?key=nobody')).statusCode, 404);
    assert.equal((await as('ana', '/api/entities/by-member')).statusCode, 400, 'the key is required');
  });

  it('shows an editor with write the names, marked protected', async () => {
    const page = (await as('ben', `/api/entities/${informant}`)).json() as { entity: { name: string; protected: { pseudonym: string; masked: boolean } } };
    assert.equal(page.entity.name, 'Karim Jabbari');
    assert.deepEqual(page.entity.protected, { pseudonym: page.entity.protected.pseudonym, masked: false });
    assert.ok((await as('ben', '/api/search?q=Jabbari')).json().total >= 1);
    assert.ok(((await as('ben', '/api/entities?q=Jabbari')).json() as { items: { id: string }[] }).items.some((e) => e.id === informant));
    const doc = (await as('ben', `/api/documents/${docId}`)).json() as { text: string };
    assert.match(doc.text, /Karim Jabbari/u);
  });

  it('pseudonymises every export format for an editor too; only an admin may unmask, and that is audited', async () => {
    for (const url of reads().filter((u) => u.startsWith('/api/export'))) {
      const res = await as('ben', url);
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual(leaks(res.body), [], url);
      assert.match(res.body, /Protected (person|organisation) \d/u, url);
    }
    const refused = await as('ben', '/api/export?format=json&unmask=1');
    assert.equal(refused.statusCode, 403, refused.body);
    const unmasked = await as('root', '/api/export?format=gexf&unmask=1');
    assert.equal(unmasked.statusCode, 200);
    assert.match(unmasked.body, /Jabbari/u);
    const rows = await store.trust.listAudit({ user: 'root' });
    assert.ok(rows.some((r) => r.action === 'unmask' && (r.details as { format?: string }).format === 'gexf'));
    assert.deepEqual(leaks((await as('root', '/api/export?format=gexf')).body), [], 'even an admin gets pseudonyms without unmask');
  });

  it('unprotects (editor with write), restores the names for the viewer, and audits it', async () => {
    assert.equal((await as('ana', `/api/entities/${informant}/protect`, 'DELETE')).statusCode, 403);
    const res = await as('ben', `/api/entities/${informant}/protect`, 'DELETE');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await as('ben', `/api/entities/${informant}/protect`, 'DELETE')).statusCode, 400, 'not protected any more');
    const page = (await as('ana', `/api/entities/${informant}`)).json() as { entity: { name: string; protected?: unknown } };
    assert.equal(page.entity.name, 'Karim Jabbari');
    assert.equal(page.entity.protected, undefined);
    assert.deepEqual(leaks((await as('ana', `/api/entities/${payer}`)).body, NAMES.filter((n) => /amiri/iu.test(n))), [], 'the other stays protected');
    assert.ok((await store.trust.listAudit({ user: 'ben' })).some((a) => a.action === 'entity-unprotected' && a.target === informant));
  });
});
