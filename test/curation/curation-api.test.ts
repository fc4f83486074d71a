/**
 * Curation over HTTP on the extracted sample corpus: Admiralty grades of documents and outlets (set, inherit, remove,
 * audited), the "at least B2" filter on the graph, entity pages and exports, corroboration by grade; notes and tags
 * (CRUD, own-only edits, admins delete any, search by note text and by tag, exported in JSON and CSV), and the
 * permissions: a viewer may read but not write.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Relation } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { outletKey } from '../../src/store/curation.js';
import { sampleStore } from '../helpers.js';
import { FAST_SCRYPT } from '../server/trust-fixture.js';

const COLLECTION = 'iran-cables';

describe('curation over the API', () => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  let relations: Relation[] = [];
  let docIds: string[] = [];

  before(async () => {
    ({ store } = await sampleStore(true));
    const password = 'correct horse battery';
    const hash = await hashPassword(password, FAST_SCRYPT);
    for (const [name, role, write] of [['ana', 'viewer', false], ['ben', 'editor', true], ['cal', 'editor', true], ['root', 'admin', false]] as const) {
      await store.trust.addUser(name, role, hash);
      if (role !== 'admin') await store.trust.grant(name, COLLECTION, write);
    }
    app = await buildApp({ store, webRoot: '/nonexistent' });
    for (const name of ['ana', 'ben', 'cal', 'root']) {
      const res = await app.inject({ method: 'POST', url: '/login', payload: { name, password }, remoteAddress: '10.9.0.1' });
      assert.equal(res.statusCode, 200, res.body);
      cookies[name] = String(res.headers['set-cookie']).split(';')[0]!;
    }
    relations = await store.listRelations(ALL_COLLECTIONS);
    docIds = (await store.listDocuments(ALL_COLLECTIONS, 100, 0)).items.map((d) => d.id);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const as = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: { cookie: cookies[user]!, ...(method !== 'GET' ? { origin: 'http://localhost:80' } : {}) }, ...(payload ? { payload: payload as object } : {}) });
  const docsOf = (r: Relation) => [...new Set(r.evidence.map((e) => e.documentId))];

  it('grades a document and an outlet: own grade first, else the outlet\'s; removal falls back; audited; a viewer is refused', async () => {
    const docs = (await store.listDocuments(ALL_COLLECTIONS, 100, 0)).items;
    const withSource = docs.find((d) => d.source);
    assert.ok(withSource, 'a sample document names its outlet');
    const url = `/api/documents/${withSource.id}/grade`;
    assert.equal((await as('ben', 'GET', url)).json().grade, null, 'ungraded at first');
    // The outlet as another spelling (case, "www.") still meets the document's source.
    const outlet = `  ${withSource.source!.toUpperCase()} `;
    const put = await as('ben', 'PUT', '/api/outlets/grade', { collection: COLLECTION, outlet, reliability: 'C', credibility: 3 });
    assert.equal(put.statusCode, 200, put.body);
    let g = (await as('ana', 'GET', url)).json().grade;
    assert.deepEqual([g.code, g.from, g.by], ['C3', 'outlet', 'ben']);
    const outlets = (await as('ana', 'GET', '/api/outlets')).json().items as { outlet: string; grade: { code: string } | null }[];
    assert.equal(outlets.find((o) => o.outlet === outletKey(withSource.source!))?.grade?.code, 'C3');
    assert.equal((await as('ben', 'PUT', url, { reliability: 'A', credibility: 1 })).statusCode, 200);
    g = (await as('ana', 'GET', url)).json().grade;
    assert.deepEqual([g.code, g.from], ['A1', 'document']);
    assert.equal((await as('ben', 'DELETE', url)).statusCode, 200);
    assert.equal((await as('ana', 'GET', url)).json().grade.code, 'C3', 'the outlet\'s grade applies again');
    const refused = await as('ana', 'PUT', url, { reliability: 'A', credibility: 1 });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal((await as('ana', 'PUT', '/api/outlets/grade', { collection: COLLECTION, outlet, reliability: 'A', credibility: 1 })).statusCode, 403);
    assert.equal((await as('ben', 'PUT', url, { reliability: 'G', credibility: 1 })).statusCode, 400, 'G is no reliability');
    assert.equal((await as('ben', 'PUT', url, { reliability: 'A', credibility: 7 })).statusCode, 400, '7 is no credibility');
    assert.equal((await as('ben', 'DELETE', `/api/outlets/grade?collection=${COLLECTION}&outlet=${encodeURIComponent(outlet)}`)).statusCode, 200);
    assert.equal((await as('ana', 'GET', url)).json().grade, null);
    const audit = await store.trust.listAudit({ limit: 1000 });
    const actions = audit.map((a) => a.action);
    for (const a of ['outlet-grade-set', 'grade-set', 'grade-removed', 'outlet-grade-removed']) assert.ok(actions.includes(a), `audited: ${a}`);
  });

  it('filters the graph, entity pages and exports by "at least B2" and counts corroboration by grade', async () => {
    // The relation with the most documents; its first document graded A1, its second C3 (weaker than B2), the rest ungraded.
    const rel = [...relations].sort((a, b) => docsOf(b).length - docsOf(a).length)[0]!;
    const [strong, weak] = docsOf(rel);
    assert.ok(strong);
    await as('ben', 'PUT', `/api/documents/${strong}/grade`, { reliability: 'A', credibility: 1 });
    if (weak) await as('ben', 'PUT', `/api/documents/${weak}/grade`, { reliability: 'C', credibility: 3 });
    const meets = new Set([strong]);

    // Corroboration on the relation: every independent source counted once, the A1 one among them.
    const one = (await as('ana', 'GET', `/api/relations/${rel.id}`)).json();
    const counts = one.corroboration as Record<string, number>;
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), rel.independentSources, JSON.stringify(counts));
    assert.ok((counts.A1 ?? 0) >= 1, JSON.stringify(counts));
    if (weak && rel.independentSources === docsOf(rel).length) assert.equal(counts.C3, 1, JSON.stringify(counts));
    assert.equal(one.grades[strong], 'A1');

    // Graph: only edges with a supporting document graded at least B2.
    const graph = (await as('ana', 'GET', '/api/graph?minConfidence=0&minSources=0&minGrade=B2')).json() as { edges: { id: string }[] };
    const expected = relations.filter((r) => r.evidence.some((e) => meets.has(e.documentId))).map((r) => r.id).sort();
    assert.deepEqual(graph.edges.map((e) => e.id).sort(), expected);
    assert.ok(expected.includes(rel.id));
    assert.equal((await as('ana', 'GET', '/api/graph?minGrade=B9')).statusCode, 400);

    // Entity page: relations keep only evidence from graded-enough documents.
    const page = (await as('ana', 'GET', `/api/entities/${rel.source}?minGrade=b2`)).json() as { relations: Relation[]; grades: Record<string, string> };
    assert.ok(page.relations.some((r) => r.id === rel.id));
    for (const r of page.relations) for (const e of r.evidence) assert.ok(meets.has(e.documentId), `${r.id} cites ${e.documentId}`);
    const unfiltered = (await as('ana', 'GET', `/api/entities/${rel.source}`)).json() as { relations: Relation[]; grades: Record<string, string> };
    assert.ok(unfiltered.relations.length >= page.relations.length);
    assert.equal(unfiltered.grades[strong], 'A1', 'grades travel beside evidence');

    // Export: JSON with minGrade keeps the same relations, with grades and corroboration.
    const exp = (await as('ana', 'GET', '/api/export?minGrade=B2')).json() as { minGrade: string; relations: (Relation & { corroboration: Record<string, number> })[]; documents: { id: string; grade: { code: string } | null }[] };
    assert.equal(exp.minGrade, 'B2');
    assert.deepEqual(exp.relations.map((r) => r.id).sort(), expected);
    for (const r of exp.relations) for (const e of r.evidence) assert.ok(meets.has(e.documentId));
    assert.equal(exp.documents.find((d) => d.id === strong)?.grade?.code, 'A1');
    const all = (await as('ana', 'GET', '/api/export')).json() as { relations: (Relation & { corroboration: Record<string, number> })[] };
    assert.equal(all.relations.length, relations.length);
    assert.deepEqual(all.relations.find((r) => r.id === rel.id)?.corroboration, counts);
    const csv = (await as('ana', 'GET', '/api/export?format=csv&minGrade=B2')).body;
    assert.equal(csv.trim().split('\r\n').length, expected.length + 1, 'one CSV row per relation kept');
  });

  it('notes: write, list, edit own, delete own (admins any), search by text, export; a viewer may not write', async () => {
    const entity = relations[0]!.source;
    const target = { kind: 'entity', id: entity };
    const made = await as('ben', 'POST', '/api/notes', { target, text: 'Check the quixotrel payments against the ledger.' });
    assert.equal(made.statusCode, 201, made.body);
    const note = made.json() as { id: number; by: string };
    assert.equal(note.by, 'ben');
    assert.equal((await as('ana', 'POST', '/api/notes', { target, text: 'a viewer note' })).statusCode, 403);
    assert.equal((await as('ben', 'POST', '/api/notes', { target: { kind: 'entity', id: 'ent_0000000000000000' }, text: 'x' })).statusCode, 404);
    assert.equal((await as('ben', 'POST', '/api/notes', { target: { kind: 'entity', id: docIds[0] }, text: 'x' })).statusCode, 400);
    const listed = (await as('ana', 'GET', `/api/notes?kind=entity&id=${entity}`)).json() as { items: { id: number; text: string }[] };
    assert.deepEqual(listed.items.map((n) => n.id), [note.id]);
    assert.equal((await as('cal', 'PATCH', `/api/notes/${note.id}`, { text: 'taken over' })).statusCode, 403, 'only the author edits');
    assert.equal((await as('cal', 'DELETE', `/api/notes/${note.id}`)).statusCode, 403, 'an editor deletes only their own');
    const edited = await as('ben', 'PATCH', `/api/notes/${note.id}`, { text: 'Check the quixotrel transfers against the ledger.' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.ok(edited.json().editedAt);
    // Search: the note is found as its target.
    const found = (await as('ana', 'GET', '/api/search?q=quixotrel')).json() as { total: number; notes: { target: { kind: string; id: string; label: string } }[] };
    assert.equal(found.total, 0, 'no document has the word');
    assert.deepEqual(found.notes.map((n) => [n.target.kind, n.target.id]), [['entity', entity]]);
    assert.equal((await as('ana', 'GET', '/api/search?q=quixotrel%20NOT%20transfers')).json().notes, undefined);
    assert.equal((await as('ana', 'GET', '/api/notes?q=quixo*')).json().items.length, 1);
    // Exported with the entity (JSON) and as a column (CSV).
    const exp = (await as('ana', 'GET', '/api/export')).json() as { entities: { id: string; notes: { text: string; by: string }[] }[] };
    assert.deepEqual(exp.entities.find((e) => e.id === entity)?.notes.map((n) => [n.text, n.by]), [['Check the quixotrel transfers against the ledger.', 'ben']]);
    const csv = (await as('ana', 'GET', '/api/export?format=csv&file=entities.csv')).body;
    assert.match(csv, /quixotrel transfers/);
    // A relation note, deleted by an admin.
    const relNote = (await as('cal', 'POST', '/api/notes', { target: { kind: 'relation', id: relations[0]!.id }, text: 'single source?' })).json() as { id: number };
    assert.equal((await as('ana', 'GET', `/api/relations/${relations[0]!.id}`)).json().curation.notes[`relation:${relations[0]!.id}`][0].text, 'single source?');
    assert.equal((await as('root', 'DELETE', `/api/notes/${relNote.id}`)).statusCode, 200);
    assert.equal((await as('ana', 'GET', `/api/notes?kind=relation&id=${relations[0]!.id}`)).json().items.length, 0);
    const actions = (await store.trust.listAudit({ limit: 1000 })).map((a) => a.action);
    for (const a of ['note-added', 'note-edited', 'note-deleted']) assert.ok(actions.includes(a), `audited: ${a}`);
  });

  it('tags: add, filter search results and entity lists, export, remove; a viewer may not tag', async () => {
    const doc = docIds[0]!;
    const entity = relations[0]!.target;
    assert.equal((await as('ben', 'PUT', '/api/tags', { target: { kind: 'document', id: doc }, tag: 'Follow Up' })).statusCode, 200);
    assert.equal((await as('ben', 'PUT', '/api/tags', { target: { kind: 'entity', id: entity }, tag: 'follow-up' })).statusCode, 200);
    assert.equal((await as('ana', 'PUT', '/api/tags', { target: { kind: 'document', id: doc }, tag: 'x' })).statusCode, 403);
    assert.equal((await as('ben', 'PUT', '/api/tags', { target: { kind: 'document', id: doc }, tag: 'no spaces? no!' })).statusCode, 400);
    // Every sample document mentions Iran; with the tag only the tagged one is left.
    const all = (await as('ana', 'GET', '/api/search?q=Iran')).json() as { total: number };
    assert.ok(all.total > 1);
    const tagged = (await as('ana', 'GET', '/api/search?q=Iran&tag=follow-up')).json() as { total: number; results: { document: { id: string } }[] };
    assert.deepEqual(tagged.results.map((r) => r.document.id), [doc]);
    const ents = (await as('ana', 'GET', '/api/entities?tag=follow-up')).json() as { items: { id: string }[]; total: number };
    assert.deepEqual(ents.items.map((e) => e.id), [entity]);
    const exp = (await as('ana', 'GET', '/api/export')).json() as { documents: { id: string; tags: string[] }[]; entities: { id: string; tags: string[] }[] };
    assert.deepEqual(exp.documents.find((d) => d.id === doc)?.tags, ['follow-up']);
    assert.deepEqual(exp.entities.find((e) => e.id === entity)?.tags, ['follow-up']);
    assert.equal((await as('ben', 'DELETE', '/api/tags', { target: { kind: 'entity', id: entity }, tag: 'follow-up' })).json().removed, true);
    assert.equal((await as('ana', 'GET', '/api/entities?tag=follow-up')).json().total, 0);
  });

  it('hides a note on a protected entity from those who may not see it, and pseudonymises it in exports', async () => {
    const rel = relations.find((r) => r.type !== 'located_in') ?? relations[0]!;
    const entity = rel.source;
    const [brief] = await store.getEntityBriefs([entity], ALL_COLLECTIONS);
    assert.equal((await as('ben', 'POST', `/api/entities/${entity}/protect`)).statusCode, 200);
    const note = (await as('ben', 'POST', '/api/notes', { target: { kind: 'entity', id: entity }, text: `Met ${brief!.name} twice.` })).json() as { id: number };
    assert.ok(note.id);
    const twice = (user: string) => as(user, 'GET', `/api/notes?kind=entity&id=${entity}`).then((r) => (r.json().items as { id: number }[]).filter((n) => n.id === note.id).length);
    assert.equal(await twice('ben'), 1, 'the editor with write sees it');
    assert.equal((await as('ana', 'GET', `/api/notes?kind=entity&id=${entity}`)).json().items.length, 0, 'the viewer sees no note on it');
    const exp = (await as('ben', 'GET', '/api/export')).body;
    assert.ok(!exp.includes(`Met ${brief!.name} twice.`), 'the export pseudonymises the note');
    assert.match(exp, /Met Protected [a-z]+ \d+ twice\./u);
  });
});
