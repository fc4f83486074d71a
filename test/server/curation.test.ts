/**
 * Curation over HTTP on the sample corpus: events and claims in the review queue (accept, reject, undo; a rejection
 * that survives reprocess, an acceptance kept when no longer proposed), an entity added from a span, evidence and a
 * denial attached to a relation, and exports with and without rejected proposals.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Stage } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { defaultStages, finishIngest, runStages } from '../../src/pipeline.js';
import { sampleApp, closeApp } from '../helpers.js';
import { protectEntity } from '../../src/network/protection/entities.js';

interface Span { documentId: string; start: number; end: number; text: string }
interface FactItem { id: string; kind: string; state: string; type: string; summary: string; documentId: string; evidence: Span[]; entities: { id: string; name: string }[]; review?: { by?: string; kept?: boolean }; rejection?: { by?: string; reason?: string } }

describe('curation over HTTP: events and claims reviewed, entities and evidence made by hand, rejected in exports', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  const queue = async (kind: string, query = ''): Promise<{ items: FactItem[]; total: number }> => {
    const res = await app.inject({ method: 'GET', url: `/api/review?kind=${kind}&limit=500${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const decide = (kind: string, id: string, body: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/review/${kind}s/${id}`, payload: body });
  const reprocess = async (stages: Stage[]) => {
    await runStages(store, stages, ALL_COLLECTIONS, undefined, { force: true });
    await finishIngest(store, 'iran-cables');
  };
  // Events and claims as every read sees them (timeline, entity pages and exports read these lists).
  const eventMarks = async () => new Set((await store.listEvents(ALL_COLLECTIONS)).map((e) => `${e.type}@${e.evidence[0]?.documentId}:${e.evidence[0]?.start}`));
  const claimMarks = async () => new Set((await store.listClaims(ALL_COLLECTIONS)).map((c) => `${c.stance}@${c.evidence[0]?.documentId}:${c.evidence[0]?.start}`));

  it('lists events and claims with their evidence spans, filtered by kind and type', async () => {
    const events = await queue('event');
    const claims = await queue('claim');
    assert.ok(events.total > 0 && claims.total > 0, `${events.total} events, ${claims.total} claims`);
    assert.ok(events.items.every((x) => x.kind === 'event' && x.state === 'unreviewed' && /^[0-9a-f]{16}\.[0-9a-f]{12}$/u.test(x.id)));
    assert.ok(claims.items.every((x) => x.kind === 'claim' && (x.type === 'asserts' || x.type === 'denies')));
    for (const x of [events.items[0]!, claims.items[0]!]) {
      const doc = (await app.inject({ method: 'GET', url: `/api/documents/${x.documentId}` })).json() as { text: string };
      const e = x.evidence[0]!;
      assert.equal(doc.text.slice(e.start, e.end), e.text, 'the evidence opens the reader at the span');
    }
    const type = events.items[0]!.type;
    const typed = await queue('event', `&type=${type}`);
    assert.ok(typed.total >= 1 && typed.items.every((x) => x.type === type));
    assert.equal((await app.inject({ method: 'GET', url: '/api/review?kind=note' })).statusCode, 400);
    assert.equal((await app.inject({ method: 'GET', url: '/api/review?type=no_such_relation' })).statusCode, 400);
  });

  it('a rejected event leaves every read and stays rejected after reprocess; undo brings it back', async () => {
    const item = (await queue('event')).items[0]!;
    const mark = `${item.type}@${item.documentId}:${item.evidence[0]!.start}`;
    assert.ok((await eventMarks()).has(mark));
    assert.equal((await decide('event', item.id, { verdict: 'maybe' })).statusCode, 400);
    const res = await decide('event', item.id, { verdict: 'rejected', reason: 'no such meeting', by: 'ana' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().by, res.json().reason, res.json().kind], ['ana', 'no such meeting', 'event']);
    assert.equal((await eventMarks()).has(mark), false, 'rejected: out of the timeline, entity pages and exports');
    await reprocess(defaultStages());
    assert.equal((await eventMarks()).has(mark), false, 'the extractor proposed it again; it stays rejected');
    const rejected = (await queue('event', '&state=rejected')).items.find((x) => x.id === item.id);
    assert.deepEqual([rejected?.rejection?.by, rejected?.rejection?.reason], ['ana', 'no such meeting']);
    const undo = await app.inject({ method: 'DELETE', url: `/api/review/events/${item.id}?by=ana` });
    assert.equal(undo.statusCode, 200, undo.body);
    assert.ok((await eventMarks()).has(mark), 'undone: back in every read');
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/review/events/${item.id}` })).statusCode, 404, 'nothing left to undo');
    assert.equal((await decide('event', `${item.documentId}.000000000000`, { verdict: 'accepted' })).statusCode, 404);
  });

  it('a rejected claim stays out after reprocess; an accepted claim stays, marked kept, when a model no longer proposes it', async () => {
    const [first, second] = (await queue('claim')).items;
    const rejectedMark = `${first!.type}@${first!.documentId}:${first!.evidence[0]!.start}`;
    assert.equal((await decide('claim', first!.id, { verdict: 'rejected', by: 'ana' })).statusCode, 200);
    assert.equal((await decide('claim', second!.id, { verdict: 'accepted', by: 'bob' })).statusCode, 200);
    assert.equal((await claimMarks()).has(rejectedMark), false);
    assert.equal((await store.listClaims(ALL_COLLECTIONS)).find((c) => c.evidence[0]?.start === second!.evidence[0]!.start && c.evidence[0]?.documentId === second!.documentId)?.review?.by, 'bob');
    const silent: Stage = { name: 'facts', version: 'proposes-nothing', run: () => ({ relations: [], events: [], claims: [] }) };
    await reprocess([silent]);
    const left = await store.listClaims(ALL_COLLECTIONS);
    assert.equal(left.length, 1, 'only the accepted claim is left');
    assert.deepEqual([left[0]!.review?.verdict, left[0]!.review?.kept, left[0]!.review?.by, left[0]!.evidence[0]!.start], ['accepted', true, 'bob', second!.evidence[0]!.start]);
    assert.equal((await store.listEvents(ALL_COLLECTIONS)).length, 0, 'no event was accepted');
    await reprocess(defaultStages());
    assert.equal((await claimMarks()).has(rejectedMark), false, 'proposed again: still rejected');
    const accepted = (await queue('claim', '&state=accepted')).items;
    assert.deepEqual(accepted.map((x) => x.id), [second!.id], 'proposed again: accepted, no longer kept');
    // Undo the rejection for the tests below.
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/review/claims/${first!.id}` })).statusCode, 200);
  });

  it('POST /api/entities turns a span into an entity (stage analyst, who and when) that survives reprocess', async () => {
    const docs = (await app.inject({ method: 'GET', url: '/api/documents?limit=5' })).json() as { items: { id: string }[] };
    const documentId = docs.items[0]!.id;
    const doc = (await app.inject({ method: 'GET', url: `/api/documents/${documentId}` })).json() as { text: string };
    // A span no mention covers: a capitalised word the NER left alone, found rather than hard-coded.
    const mentions = await store.listMentions(documentId, ALL_COLLECTIONS);
    const free = [...doc.text.matchAll(/\b[A-Z][a-z]{5,}\b/gu)].find((m) => !mentions.some((x) => x.start < m.index + m[0].length && m.index < x.end))!;
    assert.ok(free, 'a word without a mention');
    const evidence = { documentId, start: free.index, end: free.index + free[0].length };
    const name = `${free[0]} Analyst Group`;
    const res = await app.inject({ method: 'POST', url: '/api/entities', payload: { type: 'ORG', name, evidence, by: 'carol' } });
    assert.equal(res.statusCode, 201, res.body);
    const made = res.json() as { entity: { id: string; name: string; type: string }; stage: string; by: string; at: string };
    assert.deepEqual([made.stage, made.by, made.entity.type], ['analyst', 'carol', 'ORG']);
    assert.ok(!Number.isNaN(Date.parse(made.at)));
    const page = await app.inject({ method: 'GET', url: `/api/entities/${made.entity.id}` });
    assert.equal(page.statusCode, 200, page.body);
    const mention = (await store.listMentions(documentId, ALL_COLLECTIONS)).find((m) => m.stage === 'analyst' && m.start === evidence.start);
    assert.equal(mention?.entityId, made.entity.id);
    assert.equal(mention?.text, free[0]);
    await reprocess(defaultStages());
    assert.ok((await store.listMentions(documentId, ALL_COLLECTIONS)).some((m) => m.stage === 'analyst' && m.start === evidence.start), 'kept by reprocess');
    assert.ok((await store.listEntities(ALL_COLLECTIONS)).some((e) => e.type === 'ORG' && e.documentIds.includes(documentId) && e.aliases.concat(e.name).some((n) => n.includes(free[0]))));
    assert.equal((await app.inject({ method: 'POST', url: '/api/entities', payload: { type: 'THING', name, evidence } })).statusCode, 400);
    assert.equal((await app.inject({ method: 'POST', url: '/api/entities', payload: { type: 'ORG', name, evidence: { ...evidence, end: 10 ** 7 } } })).statusCode, 400);
    assert.equal((await app.inject({ method: 'POST', url: '/api/entities', payload: { type: 'ORG', name, evidence: { ...evidence, documentId: '0'.repeat(16) } } })).statusCode, 404);
  });

  it('evidence attached to a relation shows with who and when; a denial counts among its contradictions', async () => {
    const rel = (await store.listRelations(ALL_COLLECTIONS)).find((r) => !r.contradictions?.length && r.confidence < 1 && !r.review && r.stage !== 'analyst')!;
    const documentId = rel.evidence[0]!.documentId;
    const doc = (await app.inject({ method: 'GET', url: `/api/documents/${documentId}` })).json() as { text: string; sentences: { start: number; end: number }[] };
    const { start: s0, end: e0 } = doc.sentences.find(({ start }) => !rel.evidence.some((e) => e.start === start))!;
    const { start: s1, end: e1 } = doc.sentences.filter(({ start }) => start !== s0 && !rel.evidence.some((e) => e.start === start)).at(-1)!;
    const attach = await app.inject({ method: 'POST', url: `/api/relations/${rel.id}/evidence`, payload: { evidence: { documentId, start: s0, end: e0 }, by: 'dora' } });
    assert.equal(attach.statusCode, 201, attach.body);
    const deny = await app.inject({ method: 'POST', url: `/api/relations/${rel.id}/evidence`, payload: { evidence: { documentId, start: s1, end: e1 }, denial: true, by: 'dora', entity: rel.target } });
    assert.equal(deny.statusCode, 201, deny.body);
    const shown = (await app.inject({ method: 'GET', url: `/api/relations/${rel.id}` })).json() as { evidence: (Span & { analyst?: { by: string; at: string } })[]; contradictions: Span[] };
    const added = shown.evidence.find((e) => e.start === s0);
    assert.equal(added?.analyst?.by, 'dora');
    assert.equal(added?.text, doc.text.slice(s0, e0));
    assert.ok(shown.evidence.filter((e) => e.start !== s0).every((e) => !e.analyst), 'extracted evidence carries no analyst mark');
    // The relation keeps its extraction's provenance and confidence: the cited sentence is the analyst's, not the relation.
    const whole = shown as unknown as { confidence: number; stage: string; version: string; review?: unknown };
    assert.deepEqual([whole.confidence, whole.stage, whole.version, whole.review], [rel.confidence, rel.stage, rel.version, undefined]);
    const edge = (await store.listEdges(ALL_COLLECTIONS)).find((e) => e.id === rel.id);
    assert.deepEqual([edge?.confidence, edge?.review], [rel.confidence, 'unreviewed'], 'the network edge too');
    const ends = (await store.listEntityRelations([rel.source], ALL_COLLECTIONS)).find((r) => r.id === rel.id);
    assert.deepEqual([ends?.confidence, ends?.stage, ends?.review], [rel.confidence, rel.stage, undefined], 'the entity page too');
    assert.deepEqual(shown.contradictions.map((e) => e.start), [s1], 'the denial is listed as one');
    assert.equal(shown.evidence.some((e) => e.start === s1), false, 'a denial is never support');
    assert.equal((await app.inject({ method: 'POST', url: `/api/relations/rel_${'0'.repeat(16)}/evidence`, payload: { evidence: { documentId, start: s0, end: e0 } } })).statusCode, 404);
    // Read by key from an entity that is not one of its ends: no such relation.
    assert.equal((await app.inject({ method: 'POST', url: `/api/relations/${rel.id}/evidence`, payload: { evidence: { documentId, start: s0, end: e0 }, entity: `ent_${'0'.repeat(16)}` } })).statusCode, 404);
    // The attachment is a decision like any other: undone through the review API.
    const undo = await app.inject({ method: 'DELETE', url: `/api/review/relations/${(attach.json() as { proposal: string }).proposal}` });
    assert.equal(undo.statusCode, 200, undo.body);
    const after = (await app.inject({ method: 'GET', url: `/api/relations/${rel.id}` })).json() as { evidence: Span[] };
    assert.equal(after.evidence.some((e) => e.start === s0), false);
  });

  it('exports leave rejected relations, events and claims out unless includeRejected, then mark them', async () => {
    const rel = (await app.inject({ method: 'GET', url: '/api/review?limit=1' })).json() as { items: { id: string; type: string; evidence: Span[] }[] };
    const relation = rel.items[0]!;
    const event = (await queue('event')).items[0]!;
    const claim = (await queue('claim')).items[0]!;
    assert.equal((await app.inject({ method: 'POST', url: `/api/review/relations/${relation.id}`, payload: { verdict: 'rejected', by: 'eve' } })).statusCode, 200);
    assert.equal((await decide('event', event.id, { verdict: 'rejected', by: 'eve' })).statusCode, 200);
    assert.equal((await decide('claim', claim.id, { verdict: 'rejected', by: 'eve' })).statusCode, 200);
    type Exported = { relations: { id: string; rejected?: boolean; review?: { verdict: string; by: string } }[]; events: { id: string; rejected?: boolean }[]; claims: { id: string; rejected?: boolean }[] };
    const plain = (await app.inject({ method: 'GET', url: '/api/export' })).json() as Exported;
    assert.ok([...plain.relations, ...plain.events, ...plain.claims].every((x) => !x.rejected));
    assert.equal(plain.relations.some((r) => r.id === relation.id), false);
    const all = (await app.inject({ method: 'GET', url: '/api/export?includeRejected=true' })).json() as Exported;
    const r = all.relations.find((x) => x.id === relation.id);
    assert.deepEqual([r?.rejected, r?.review?.verdict, r?.review?.by], [true, 'rejected', 'eve']);
    assert.deepEqual(all.events.filter((x) => x.rejected).map((x) => x.id), [event.id]);
    assert.deepEqual(all.claims.filter((x) => x.rejected).map((x) => x.id), [claim.id]);
    assert.equal(all.relations.length, plain.relations.length + 1);
    const csv = (await app.inject({ method: 'GET', url: '/api/export?format=csv&includeRejected=true' })).body;
    assert.equal(csv.split('\r\n').filter((l) => l.includes(',rejected,')).length, 1, 'the CSV marks the rejected row');
    assert.equal((await app.inject({ method: 'GET', url: '/api/export?format=gexf&includeRejected=true' })).statusCode, 400);
  });

  it('a rejected relation exported with includeRejected names a protected entity by its pseudonym only', async () => {
    const first = (await app.inject({ method: 'GET', url: '/api/export?includeRejected=true' })).body;
    const listed = JSON.parse(first) as { relations: { id: string; source: string; rejected?: boolean }[] };
    const rejected = listed.relations.find((r) => r.rejected)!;
    const [brief] = await store.getEntityBriefs([rejected.source], ALL_COLLECTIONS);
    assert.ok(brief, 'the rejected relation names a resolved entity');
    const name = new RegExp(`(?<![\\p{L}\\p{N}])${brief.name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    assert.match(first, name, 'named before it is protected');
    await protectEntity(store, ALL_COLLECTIONS, brief.id, 'eve');
    const body = (await app.inject({ method: 'GET', url: '/api/export?includeRejected=true' })).body;
    const again = (JSON.parse(body) as { relations: { id: string }[] }).relations.find((r) => r.id === rejected.id);
    assert.ok(again, 'still listed');
    assert.doesNotMatch(body, name, `${brief.name} appears nowhere in the export`);
  });
});
