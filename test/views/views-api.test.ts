/**
 * Saved views and their dossiers over HTTP (issue 12, item 6), on the protected-identity fixture: an editor with write
 * saves a view around the man who paid the informant; who may read, save and delete it; every write audited; the
 * dossier lists the view's edges with every citation, grade and note, never a rejected edge, and names no protected
 * entity in either format; the HTML page asks for nothing outside itself.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/store.js';
import type { Dossier } from '../../src/export/dossier.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { protectedCorpus, leaks } from '../server/protect-fixture.js';
import { FAST_SCRYPT } from '../server/trust-fixture.js';

describe('saved views and dossiers over the API', () => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  let informant = '';
  let payer = '';
  let viewId = 0;
  let wireDoc = '';
  let rejected = '';
  const query = () => ({ entity: payer, hops: 1, minConfidence: 0 });

  before(async () => {
    let password: string;
    ({ store, password } = await protectedCorpus());
    // zed edits another collection only.
    await store.trust.addUser('zed', 'editor', await hashPassword(password, FAST_SCRYPT));
    await store.trust.grant('zed', 'elsewhere', true);
    app = await buildApp({ store, webRoot: '/nonexistent' });
    for (const name of ['ana', 'ben', 'eve', 'root', 'zed']) {
      const res = await app.inject({ method: 'POST', url: '/login', payload: { name, password }, remoteAddress: '10.9.0.2' });
      assert.equal(res.statusCode, 200, res.body);
      cookies[name] = String(res.headers['set-cookie']).split(';')[0]!;
    }
    const find = async (q: string) => (await store.searchEntities({ q, limit: 1, offset: 0 }, { collections: '*' })).items[0]!;
    informant = (await find('Karim Jabbari')).id;
    payer = (await find('Hadi al-Amiri')).id;
    wireDoc = (await store.listDocuments({ collections: '*' }, 10, 0)).items.find((d) => d.path.endsWith('informant-wire.txt'))!.id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const as = (user: string, url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', payload?: unknown) =>
    app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

  it('lets an editor with write save a view, refuses a viewer and a read-only editor, and audits the save', async () => {
    for (const id of [informant, payer]) assert.equal((await as('ben', `/api/entities/${id}/protect`, 'POST')).statusCode, 200);
    const body = { name: 'Who paid the informant', query: query(), selected: [payer], layout: { [payer]: { x: 1.5, y: -2 } } };
    assert.equal((await as('ana', '/api/views', 'POST', body)).statusCode, 403, 'a viewer');
    assert.equal((await as('eve', '/api/views', 'POST', body)).statusCode, 403, 'an editor who may only read');
    assert.equal((await as('zed', '/api/views', 'POST', { ...body, collections: ['cables'] })).statusCode, 404, 'a collection zed cannot read');
    assert.equal((await as('ben', '/api/views', 'POST', { ...body, query: { ...query(), relationTypes: 'bribes' } })).statusCode, 400, 'an unknown relation type');
    const res = await as('ben', '/api/views', 'POST', body);
    assert.equal(res.statusCode, 201, res.body);
    const view = res.json();
    viewId = view.id;
    assert.deepEqual([view.name, view.by, view.collections, view.selected, view.layout], [body.name, 'ben', ['cables'], [payer], body.layout]);
    assert.deepEqual(view.query, query());
    const audit = (await store.trust.listAudit({ user: 'ben' })).filter((a) => a.action === 'view-saved');
    assert.deepEqual(audit.map((a) => a.target), [`view:${viewId}`]);
  });

  it('lists and opens a view for those who read its collections, and answers 404 to others', async () => {
    for (const user of ['ana', 'ben', 'root']) {
      const list = await as(user, '/api/views');
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json().items.map((v: { id: number }) => v.id), [viewId], user);
      const one = await as(user, `/api/views/${viewId}`);
      assert.equal(one.statusCode, 200);
      assert.deepEqual(one.json().selected, [payer]);
    }
    assert.deepEqual((await as('zed', '/api/views')).json().items, []);
    assert.equal((await as('zed', `/api/views/${viewId}`)).statusCode, 404);
    assert.equal((await as('zed', `/api/views/${viewId}/dossier?format=json`)).statusCode, 404);
    assert.equal((await as('ben', '/api/views/99999')).statusCode, 404);
  });

  it('lists the view\'s edges in the dossier, each with every citation, grades and notes, never a rejected one', async () => {
    await store.curation.setDocumentGrade(wireDoc, 'cables', { reliability: 'B', credibility: 2, by: 'ben' });
    type Edge = { id: string; type: string; source: string; target: string };
    const graph = (await as('root', `/api/graph?entity=${payer}&hops=1&minConfidence=0`)).json() as { edges: Edge[] };
    assert.ok(graph.edges.length >= 2, `the payer's neighbourhood has ${graph.edges.length} edges`);
    // Reject every proposal of the last edge: the merged relation leaves the network, and must leave the dossier.
    const last = graph.edges[graph.edges.length - 1]!;
    rejected = last.id;
    const noted = graph.edges[0]!.id;
    const queue = (await as('root', `/api/review?entity=${payer}&state=all&limit=500`)).json() as { items: { id: string; type: string; source: { id: string }; target: { id: string } }[] };
    const proposals = queue.items.filter((i) => i.type === last.type
      && [i.source.id, i.target.id].sort().join() === [last.source, last.target].sort().join());
    assert.ok(proposals.length > 0, 'the edge\'s proposals are in the queue');
    for (const p of proposals) assert.equal((await as('ben', `/api/review/relations/${p.id}`, 'POST', { verdict: 'rejected' })).statusCode, 200);
    assert.equal((await as('ben', '/api/notes', 'POST', { target: { kind: 'relation', id: noted }, text: 'Checked with the desk: <b>two</b> sources.' })).statusCode, 201);

    const res = await as('ana', `/api/views/${viewId}/dossier?format=json`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/u);
    const dossier = res.json() as Dossier;
    const expected = graph.edges.map((e) => e.id).filter((id) => id !== rejected).sort();
    assert.deepEqual(dossier.edges.map((e) => e.id).sort(), expected);
    const full = new Map((await store.listEntityRelations([payer], { collections: '*' })).map((r) => [r.id, r]));
    for (const e of dossier.edges) {
      const r = full.get(e.id)!;
      assert.equal(e.citations.length, r.evidence.length, `every citation of ${e.id}`);
      for (const c of e.citations) {
        assert.ok(c.title && c.sentence && c.end > c.start, JSON.stringify(c));
        assert.equal(c.grade, c.documentId === wireDoc ? 'B2' : null);
      }
      assert.equal(Object.values(e.corroboration).reduce((a, b) => a + b, 0), r.independentSources);
      assert.ok(['unreviewed', 'accepted', 'added', 'edited', 'accepted, no longer proposed'].includes(e.review.verdict), e.review.verdict);
    }
    assert.deepEqual(dossier.edges.find((e) => e.id === noted)!.notes.map((n) => [n.text, n.by]), [['Checked with the desk: <b>two</b> sources.', 'ben']]);
    assert.ok(dossier.entities.some((e) => e.id === payer && e.selected));
    assert.deepEqual(leaks(res.body), [], 'no protected name in the JSON dossier');
  });

  it('renders one self-contained, escaped HTML page naming no protected entity', async () => {
    for (const user of ['ana', 'ben', 'root']) {
      const res = await as(user, `/api/views/${viewId}/dossier?format=html`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/html/u);
      assert.equal(res.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      const html = res.body;
      assert.deepEqual(leaks(html), [], `no protected name in the HTML dossier for ${user}`);
      assert.doesNotMatch(html, /https?:\/\//iu, 'no reference to another host');
      assert.doesNotMatch(html, /<script/iu);
      assert.doesNotMatch(html, /<(img|link|iframe|object|embed)\b|url\(/iu);
      assert.match(html, /Checked with the desk: &lt;b&gt;two&lt;\/b&gt; sources\./u, 'note text escaped');
      assert.match(html, /grade B2/u);
      assert.match(html, /Protected person \d/u, 'the informant under the pseudonym');
      assert.ok(!html.includes(rejected), 'the rejected edge is not listed');
    }
    assert.ok((await store.trust.listAudit({ user: 'ana' })).some((a) => a.action === 'dossier' && a.target === `view:${viewId}`));
  });

  it('keeps several selected nodes; unmasks the dossier for an admin or an editor with write (audited), refuses the others', async () => {
    const neighbours = (await as('root', `/api/graph?entity=${payer}&hops=1&minConfidence=0`)).json() as { nodes: { id: string }[] };
    const selected = [payer, informant, ...neighbours.nodes.map((n) => n.id).filter((id) => id !== payer && id !== informant).slice(0, 1)];
    assert.equal(selected.length, 3);
    const saved = await as('ben', '/api/views', 'POST', { name: 'Three people', query: query(), selected, layout: {} });
    assert.equal(saved.statusCode, 201, saved.body);
    const id = saved.json().id as number;
    assert.deepEqual((await as('ana', `/api/views/${id}`)).json().selected, selected);
    const masked = await as('ana', `/api/views/${id}/dossier?format=json`);
    const dossier = masked.json() as Dossier;
    assert.deepEqual(dossier.view.selected, selected);
    assert.deepEqual(dossier.entities.filter((e) => e.selected).map((e) => e.id).sort(), selected.filter((x) => dossier.entities.some((e) => e.id === x)).sort());
    assert.ok(dossier.entities.filter((e) => e.selected).length >= 2, 'several entities flagged selected');
    assert.deepEqual(leaks(masked.body), [], 'pseudonyms by default');
    for (const user of ['ana', 'eve', 'zed']) {
      const res = await as(user, `/api/views/${id}/dossier?format=json&unmask=1`);
      assert.equal(res.statusCode, user === 'zed' ? 404 : 403, `${user}: ${res.body}`);
    }
    for (const user of ['ben', 'root']) {
      const res = await as(user, `/api/views/${id}/dossier?format=html&unmask=1`);
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(leaks(res.body).length > 0, `${user} reads the protected names`);
      assert.ok((await store.trust.listAudit({ user })).some((a) => a.action === 'unmask' && a.target === `view:${id}`), `${user}'s unmask is audited`);
    }
    await store.views.deleteView(id);
  });

  it('deletes a view for its author or an admin only, audited', async () => {
    assert.equal((await as('ana', `/api/views/${viewId}`, 'DELETE')).statusCode, 403);
    assert.equal((await as('eve', `/api/views/${viewId}`, 'DELETE')).statusCode, 403);
    assert.equal((await as('zed', `/api/views/${viewId}`, 'DELETE')).statusCode, 404);
    assert.equal((await as('ben', `/api/views/${viewId}`, 'DELETE')).statusCode, 204);
    assert.equal((await as('ben', `/api/views/${viewId}`)).statusCode, 404);
    assert.deepEqual((await store.trust.listAudit({ user: 'ben' })).filter((a) => a.action === 'view-deleted').map((a) => a.target), [`view:${viewId}`]);
  });
});
