/** Conformance of the reads by key (entity search, one entity's facts, edges, one document's facts), run by every backend. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityListItem, ResolvedEntityRecord, EntityType, Relation } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type EdgeRecord, type Store } from '../../src/store/store.js';
import { toEdgeRecord } from '../../src/store/shared/edges.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { textDoc, type StoreHarness } from './conformance.js';

const KEYS = { collections: ['keys'] };

/** Registers the reads-by-key suite for one implementation. */
export function keyReadsConformance(name: string, harness: StoreHarness): void {
  describe(`Store reads by key: ${name}`, () => {
    let store: Store;
    let d1: string;
    let d2: string;
    const key = (doc: string, type: string, norm: string) => `${doc}#${type}:${norm}`;
    const entity = (id: string, type: EntityType, name: string, aliases: string[], members: string[], mentionCount: number): ResolvedEntityRecord =>
      ({ id, collection: 'keys', type, name, aliases, mentionCount, documentIds: [d1, d2], members, reasons: [] });
    const ev = (doc: string, text: string) => ({ documentId: doc, start: 0, end: text.length, text });

    before(async () => {
      store = await harness.create();
      const texts = ['General Qassem Soleimani met Hadi al-Amiri in Baghdad.', 'Soleimani met al-Amiri again; the Badr Organization denied it.'];
      const put = await store.putDocuments(texts.map((text, i) => ({ doc: textDoc(`k${i}.txt`, text), collection: 'keys', sentences: splitSentences(text) })));
      [d1, d2] = put.map((p) => p.id) as [string, string];
      await store.putDocuments([{ doc: textDoc('other.txt', 'Soleimani elsewhere.'), collection: 'other', sentences: [] }]);
      await store.putStageOutput(d1, 'facts', 'f1', {
        relations: [{ id: 'r1', type: 'met', source: key(d1, 'PERSON', 'qassem soleimani'), target: key(d1, 'PERSON', 'hadi al amiri'), confidence: 0.9, evidence: [ev(d1, 'General')] }],
        events: [{ id: 'e1', type: 'meeting', date: '2019', participants: [key(d1, 'PERSON', 'qassem soleimani')], place: key(d1, 'LOC', 'baghdad'), evidence: [ev(d1, 'General')] }],
        claims: [{ id: 'c1', speaker: key(d1, 'PERSON', 'hadi al amiri'), speakerText: 'Hadi al-Amiri', text: 'x', stance: 'asserts', evidence: [ev(d1, 'General')] }],
      });
      await store.putStageOutput(d2, 'facts', 'f1', {
        relations: [
          { id: 'r2', type: 'met', source: key(d2, 'PERSON', 'soleimani'), target: key(d2, 'PERSON', 'al amiri'), confidence: 0.6, evidence: [ev(d2, 'Soleimani')] },
          { id: 'r3', type: 'met', source: key(d2, 'PERSON', 'soleimani'), target: key(d2, 'PERSON', 'al amiri'), confidence: 0.6, evidence: [ev(d2, 'Sol')], attrs: { negated: true } },
          { id: 'r4', type: 'role_in', source: key(d2, 'PERSON', 'al amiri'), target: key(d2, 'ORG', 'badr organization'), confidence: 0.8, evidence: [ev(d2, 'Badr')] },
        ],
        claims: [{ id: 'c2', speaker: key(d2, 'ORG', 'badr organization'), speakerText: 'the Badr Organization', text: 'denied', stance: 'denies', evidence: [ev(d2, 'the')] }],
      });
      await store.putEntities('keys', [
        entity('ent_soleimani', 'PERSON', 'Qassem Soleimani', ['Soleimani'], [key(d1, 'PERSON', 'qassem soleimani'), key(d2, 'PERSON', 'soleimani')], 2),
        entity('ent_amiri', 'PERSON', 'Hadi al-Amiri', ['al-Amiri'], [key(d1, 'PERSON', 'hadi al amiri'), key(d2, 'PERSON', 'al amiri')], 2),
        entity('ent_badr', 'ORG', 'Badr Organization', [], [key(d2, 'ORG', 'badr organization')], 1),
        entity('ent_baghdad', 'LOC', 'Baghdad', [], [key(d1, 'LOC', 'baghdad')], 1),
        entity('ent_solei', 'ORG', 'Soleimani Foundation', [], [key(d2, 'ORG', 'soleimani foundation')], 5),
      ], 'resolve', 'r1');
    });
    after(async () => store.close());

    const search = async (q: string | undefined, extra: { type?: EntityType; limit?: number; offset?: number } = {}) =>
      store.searchEntities({ q, limit: extra.limit ?? 10, offset: extra.offset ?? 0, type: extra.type }, KEYS);
    const ids = async (q: string | undefined, extra = {}) => (await search(q, extra)).items.map((e) => e.id);
    // The whole records of the listed entities (search items carry no members or merge reasons), to write them again.
    const records = async (items: EntityListItem[]): Promise<ResolvedEntityRecord[]> =>
      Promise.all(items.map(async (e) => (await store.getEntity(e.id, KEYS))!));

    it('finds entities by normalised name, transliteration variant and word prefix, best match first', async () => {
      assert.deepEqual(await ids('qassem soleimani'), ['ent_soleimani'], 'case and the title do not matter');
      assert.deepEqual(await ids('Gen. Qasem Suleimani'), ['ent_soleimani'], 'a spelling variant');
      // An exact alias outranks a word prefix, even of a more mentioned entity.
      assert.deepEqual(await ids('Soleimani'), ['ent_soleimani', 'ent_solei']);
      assert.deepEqual(await ids('solei'), ['ent_solei', 'ent_soleimani'], 'prefixes rank by mentions');
      assert.deepEqual(await ids('amiri'), ['ent_amiri'], 'a word inside the name');
      assert.deepEqual(await ids('leimani'), [], 'not from inside a word');
      assert.deepEqual(await ids('so'), [], 'too short for a prefix');
      assert.deepEqual(await ids('solei', { type: 'PERSON' }), ['ent_soleimani']);
      const page = await search('solei', { limit: 1, offset: 1 });
      assert.deepEqual([page.items.map((e) => e.id), page.total], [['ent_soleimani'], 2]);
      assert.deepEqual([page.items[0]!.aliases, page.items[0]!.documentCount, page.items[0]!.mentionCount], [['Soleimani'], 2, 2],
        'items come with their aliases and counts');
      for (const field of ['reasons', 'members', 'documentIds']) {
        assert.ok(!(field in page.items[0]!), `list items leave ${field} to the entity itself (a hub has tens of thousands)`);
      }
      assert.deepEqual((await store.getEntity('ent_soleimani', KEYS))!.reasons, []);
      assert.equal((await store.searchEntities({ q: 'soleimani', limit: 10, offset: 0 }, { collections: ['leaks'] })).total, 0, 'scope');
    });

    it('finds the entity holding a member key, in the scope only', async () => {
      assert.equal(await store.entityOfMember(key(d2, 'PERSON', 'soleimani'), KEYS), 'ent_soleimani');
      assert.equal(await store.entityOfMember(key(d2, 'PERSON', 'soleimani'), ALL_COLLECTIONS), 'ent_soleimani');
      assert.equal(await store.entityOfMember(key(d2, 'PERSON', 'soleimani'), { collections: ['other'] }), null, 'another collection');
      assert.equal(await store.entityOfMember(key(d2, 'PERSON', 'nobody'), KEYS), null, 'no such member');
    });

    it('lists entities most mentioned first, a page at a time', async () => {
      assert.deepEqual(await ids(undefined, { limit: 2 }), ['ent_solei', 'ent_amiri']);
      assert.equal((await search(undefined)).total, 5);
      assert.deepEqual(await ids(undefined, { type: 'LOC' }), ['ent_baghdad']);
    });

    it('follows a rewrite of the entities: new names are found, old ones are not', async () => {
      const before = (await store.getEntity('ent_badr', KEYS))!;
      await store.putEntities('keys', [
        ...await records((await search(undefined)).items.filter((e) => e.id !== 'ent_badr')),
        { ...before, name: 'Badr Brigades', aliases: ['Badr Corps'] },
      ], 'resolve', 'r2');
      assert.deepEqual(await ids('badr organization'), []);
      assert.deepEqual(await ids('Badr Corps'), ['ent_badr']);
      await store.putEntities('keys', [...await records((await search(undefined)).items.filter((e) => e.id !== 'ent_badr')), before], 'resolve', 'r3');
      assert.deepEqual(await ids('badr organization'), ['ent_badr']);
    });

    it('reads one entity\'s relations, events and claims by member key, the same as the whole reads filtered', async () => {
      const all = await store.listRelations(KEYS);
      const mine = (id: string) => all.filter((r) => r.source === id || r.target === id);
      for (const id of ['ent_soleimani', 'ent_amiri', 'ent_badr']) {
        assert.deepEqual(await store.listEntityRelations([id], KEYS), mine(id), id);
      }
      const met = (await store.listEntityRelations(['ent_soleimani'], KEYS))[0]!;
      assert.deepEqual([met.independentSources, met.evidence.length, met.contradictions!.length], [2, 2, 1]);
      assert.deepEqual((await store.listEntityEvents('ent_soleimani', KEYS)).map((e) => [e.id, e.participants, e.place]), [['e1', ['ent_soleimani'], 'ent_baghdad']]);
      assert.deepEqual((await store.listEntityEvents('ent_baghdad', KEYS)).map((e) => e.id), ['e1'], 'by place');
      assert.deepEqual(await store.listEntityEvents('ent_badr', KEYS), []);
      assert.deepEqual((await store.listEntityClaims('ent_badr', KEYS)).map((c) => [c.id, c.speaker]), [['c2', 'ent_badr']]);
      assert.deepEqual((await store.getClaims(['c1', 'nope'], KEYS)).map((c) => c.speaker), ['ent_amiri']);
      assert.deepEqual(await store.listEntityRelations(['ent_soleimani'], { collections: ['other'] }), []);
    });

    it('reads edges without sentences, all or around some entities', async () => {
      const byId = (list: EdgeRecord[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      const all = await store.listRelations(KEYS);
      assert.deepEqual(byId(await store.listEdges(KEYS)), byId(all.map(toEdgeRecord)));
      const around = await store.listEdges(KEYS, { around: ['ent_badr'] });
      assert.deepEqual(around, byId(all.filter((r) => r.target === 'ent_badr' || r.source === 'ent_badr').map(toEdgeRecord)));
      assert.deepEqual(around[0]!.documentIds, [d2]);
      assert.deepEqual(await store.listEdges(KEYS, { around: [] }), []);
      const ends = (ids: string[]) => byId(all.filter((r) => ids.includes(r.source) && ids.includes(r.target)).map(toEdgeRecord));
      assert.deepEqual(await store.listEdges(KEYS, { between: ['ent_badr', 'ent_amiri'] }), ends(['ent_badr', 'ent_amiri']));
      assert.deepEqual(await store.listEdges(KEYS, { between: ['ent_badr', 'ent_soleimani'] }), []);
      assert.deepEqual(await store.listEdges(KEYS, { between: ['ent_soleimani', 'ent_amiri', 'ent_badr'] }), byId(all.map(toEdgeRecord)));
      const met = (await store.listEdges(KEYS, { around: ['ent_soleimani'] }))[0]!;
      assert.deepEqual([met.evidenceCount, met.independentSources, met.contradicted, met.documentIds], [2, 2, true, [d1, d2].sort()]);
    });

    it('reads entity briefs and document summaries by id', async () => {
      const briefs = await store.getEntityBriefs(['ent_badr', 'ent_nobody', 'ent_amiri'], KEYS);
      assert.deepEqual(briefs.map((b) => b.name).sort(), ['Badr Organization', 'Hadi al-Amiri']);
      assert.deepEqual((await store.getDocumentSummaries([d2, 'nope', d1], KEYS)).map((d) => d.path), ['k1.txt', 'k0.txt']);
      assert.deepEqual(await store.getDocumentSummaries([d1], { collections: ['other'] }), []);
    });

    it('reads one document\'s facts and mentions through its own keys', async () => {
      const facts = await store.listDocumentFacts(d1, KEYS);
      const all = await store.listRelations(KEYS);
      const here = (list: Relation[]) => list.filter((r) => r.evidence.some((e) => e.documentId === d1)).map((r) => r.id);
      assert.deepEqual(here(facts.relations), here(all));
      assert.equal(facts.relations.find((r) => r.type === 'met')!.independentSources, 2, 'merged with the other document');
      assert.deepEqual([facts.events.map((e) => e.id), facts.claims.map((c) => c.id)], [['e1'], ['c1']]);
      await store.putStageOutput(d1, 'mentions', 'm1', {
        mentions: [
          { documentId: d1, start: 8, end: 24, text: 'Qassem Soleimani', type: 'PERSON', norm: 'qassem soleimani', entityKey: key(d1, 'PERSON', 'qassem soleimani') },
          { documentId: d1, start: 29, end: 42, text: 'Hadi al-Amiri', type: 'PERSON', norm: 'hadi al amiri' },
        ],
      });
      assert.deepEqual((await store.listMentions(d1, KEYS)).map((m) => m.entityId), ['ent_soleimani', 'ent_amiri'], 'a mention without a key maps by its name');
      await store.putStageOutput(d1, 'mentions', 'm1', {});
    });

    it('reads an entity with 20,000 member keys and mentions (no statement grows with it)', async () => {
      const n = 20_000;
      const members = Array.from({ length: n }, (_, i) => key(d2, 'PERSON', `member ${i}`));
      const mentions = members.map((k, i) => ({ documentId: d2, start: i, end: i + 1, text: 'S', type: 'PERSON' as const, norm: `member ${i}`, entityKey: k }));
      await store.putStageOutput(d2, 'big', 'b1', {
        mentions,
        relations: [{ id: 'rbig', type: 'paid', source: members[n - 1]!, target: key(d2, 'PERSON', 'al amiri'), confidence: 0.9, evidence: [ev(d2, 'Sol')] }],
      });
      const rest = await records((await search(undefined)).items.filter((e) => e.id !== 'ent_big'));
      await store.putEntities('keys', [...rest, entity('ent_big', 'PERSON', 'Big Name', [], members, n)], 'resolve', 'r4');
      assert.equal((await store.getEntity('ent_big', KEYS))!.members.length, n);
      assert.deepEqual((await store.listEntityRelations(['ent_big'], KEYS)).map((r) => [r.source, r.target]), [['ent_big', 'ent_amiri']]);
      assert.equal((await store.listRelations(KEYS, members)).length, 1);
      assert.equal((await ids('big name'))[0], 'ent_big');
      const read = await store.listMentions(d2, KEYS);
      assert.equal(read.filter((m) => m.entityId === 'ent_big').length, n);
      await store.putStageOutput(d2, 'big', 'b1', {});
      await store.putEntities('keys', rest, 'resolve', 'r5');
    });
  });
}
