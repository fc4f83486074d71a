/** The Store conformance suite: every implementation runs these same tests (SQLite now, PostgreSQL later). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedDocument } from '../../src/model/index.js';
import type { Store, NewDocument } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { parseQuery } from '../../src/store/query.js';
import { sha256Hex, factId } from '../../src/store/ids.js';
import { splitSentences } from '../../src/nlp/sentences.js';

/** What an implementation supplies to the suite. */
export interface StoreHarness {
  /** A new, empty, migrated store. */
  create(): Promise<Store>;
  /** Overwrites the stored original bytes of `sha256` behind the store's back (to test verify). */
  corruptOriginal(store: Store, sha256: string): Promise<void>;
}

/** Builds an ExtractedDocument from text, as a handler would. */
export function textDoc(path: string, text: string, extra: Partial<ExtractedDocument> = {}): ExtractedDocument {
  const original = new TextEncoder().encode(text);
  return { path, sha256: sha256Hex(original), original, format: 'text', text, ...extra };
}

function item(collection: string, doc: ExtractedDocument, parentIndex?: number): NewDocument {
  return { doc, collection, sentences: splitSentences(doc.text), parentIndex };
}

const search = (store: Store, q: string, extra: Record<string, unknown> = {}) =>
  store.search({ query: parseQuery(q), limit: 10, offset: 0, collections: ['news', 'leaks', 'fa'], ...extra }, ALL_COLLECTIONS);

/** Registers the suite for one implementation. */
export function storeConformance(name: string, harness: StoreHarness): void {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await harness.create();
      await store.putDocuments([item('news', textDoc('a.txt', 'Qassem Soleimani commanded the Quds Force.\nHe travelled to Baghdad in 2019.', { title: 'Quds Force chief', language: 'en', published: '2019-11', source: 'Outlet A' }))]);
      await store.putDocuments([item('news', textDoc('b.txt', 'The Intercept published leaked Iranian intelligence cables about Iraq.', { language: 'en', published: '2019-11-18' }))]);
      await store.putDocuments([item('leaks', textDoc('c.txt', 'Cables show the ministry of intelligence paid agents in Baghdad.', { language: 'en' }))]);
      await store.putDocuments([item('fa', textDoc('d.txt', 'قاسم سلیمانی فرمانده نیروی قدس بود. كتائب حزب الله', { language: 'fa' }))]);
    });
    after(async () => store.close());

    it('migrating twice is harmless', async () => {
      await store.migrate();
      assert.equal((await store.stats(ALL_COLLECTIONS)).documents, 4);
    });

    it('stores a document once per collection and content (re-ingest is a no-op)', async () => {
      const doc = textDoc('copy-of-a.txt', 'Qassem Soleimani commanded the Quds Force.\nHe travelled to Baghdad in 2019.');
      const [again] = await store.putDocuments([item('news', doc)]);
      assert.equal(again!.created, false);
      const found = await store.findBySha256('news', doc.sha256);
      assert.equal(found?.path, 'a.txt');
      const [elsewhere] = await store.putDocuments([item('other', doc)]);
      assert.equal(elsewhere!.created, true);
      assert.notEqual(elsewhere!.id, again!.id);
    });

    it('keeps text, sentences and metadata exactly', async () => {
      const hit = (await search(store, 'Soleimani')).results[0]!;
      const doc = (await store.getDocument(hit.document.id, ALL_COLLECTIONS))!;
      assert.equal(doc.title, 'Quds Force chief');
      assert.equal(doc.published, '2019-11');
      assert.equal(doc.sentences.length, 2);
      assert.equal(doc.text.slice(doc.sentences[1]!.start, doc.sentences[1]!.end), 'He travelled to Baghdad in 2019.');
    });

    it('links children to their parent in one batch', async () => {
      const parent = textDoc('bundle.zip', '', { format: 'zip' });
      const child = textDoc('bundle.zip!/inner.txt', 'An inner memo about the Badr Organization.');
      const [p, c] = await store.putDocuments([item('news', parent), item('news', child, 0)]);
      const stored = await store.getDocument(c!.id, ALL_COLLECTIONS);
      assert.equal(stored?.parentId, p!.id);
      assert.deepEqual((await store.listChildren(p!.id, ALL_COLLECTIONS)).map((d) => d.path), ['bundle.zip!/inner.txt']);
    });

    it('ranks, phrases, prefixes, booleans and NEAR', async () => {
      assert.equal((await search(store, 'cables')).total, 2);
      assert.equal((await search(store, '"intelligence cables"')).total, 1);
      assert.equal((await search(store, 'Soleim*')).total, 1);
      assert.equal((await search(store, 'cables -Intercept')).total, 1);
      assert.equal((await search(store, 'cables NOT ministry')).total, 1);
      assert.equal((await search(store, 'Soleimani OR Intercept')).total, 2);
      assert.equal((await search(store, 'cables AND (Intercept OR agents)')).total, 2);
      assert.equal((await search(store, 'NEAR(ministry agents, 3)')).total, 1);
      assert.equal((await search(store, 'ministry NEAR/1 agents')).total, 0);
      // A title match outranks a body-only match.
      const ranked = await search(store, 'Quds OR cables');
      assert.equal(ranked.results[0]!.document.path, 'a.txt');
    });

    it('returns snippets whose hits are exact slices of the text', async () => {
      const hit = (await search(store, 'baghdad')).results.find((r) => r.document.path === 'c.txt')!;
      const hits = hit.snippet.parts.filter((p) => p.hit).map((p) => p.text);
      assert.deepEqual(hits, ['Baghdad']);
    });

    it('matches Arabic-script variants: ي/ی, ك/ک, tatweel and diacritics', async () => {
      assert.equal((await search(store, 'سليماني')).total, 1, 'Arabic yeh finds Persian yeh');
      assert.equal((await search(store, 'كتائب')).total, 1);
      assert.equal((await search(store, 'کتائب')).total, 1, 'keheh finds Arabic kaf');
      assert.equal((await search(store, 'سلـيمانی')).total, 1, 'tatweel ignored');
      assert.equal((await search(store, 'قَاسِم')).total, 1, 'diacritics ignored');
    });

    it('restricts every read to the caller scope', async () => {
      const onlyLeaks = { collections: ['leaks'] };
      const res = await store.search({ query: parseQuery('Baghdad'), limit: 10, offset: 0 }, onlyLeaks);
      assert.deepEqual(res.results.map((r) => r.document.collection), ['leaks']);
      const newsDoc = (await search(store, 'Soleimani')).results[0]!.document;
      assert.equal(await store.getDocument(newsDoc.id, onlyLeaks), null);
      assert.equal((await store.stats({ collections: [] })).documents, 0);
      const narrowed = await store.search({ query: parseQuery('Baghdad'), limit: 10, offset: 0, collections: ['news'] }, onlyLeaks);
      assert.equal(narrowed.total, 0, 'a narrower list cannot widen the scope');
    });

    it('filters and counts facets', async () => {
      const res = await search(store, 'cables OR Baghdad', { publishedFrom: '2019', publishedTo: '2019' });
      assert.equal(res.total, 2);
      assert.deepEqual(res.facets.year, [{ value: '2019', count: 2 }]);
      const all = await search(store, 'cables OR Baghdad');
      assert.deepEqual(all.facets.collection!.map((f) => f.value).sort(), ['leaks', 'news']);
      assert.equal((await search(store, 'Baghdad', { collections: ['leaks'] })).total, 1);
    });

    it('pages results', async () => {
      const first = await search(store, 'cables OR Baghdad', { limit: 1 });
      const second = await search(store, 'cables OR Baghdad', { limit: 1, offset: 1 });
      assert.equal(first.total, 3);
      assert.notEqual(first.results[0]!.document.id, second.results[0]!.document.id);
    });

    it('replaces a stage output without touching other stages', async () => {
      const doc = (await search(store, 'Soleimani')).results[0]!.document;
      const m = (start: number, end: number, text: string) => ({ documentId: doc.id, start, end, text, type: 'PERSON' as const, norm: text.toLowerCase() });
      await store.putStageOutput(doc.id, 'ner', 'v1', { mentions: [m(0, 16, 'Qassem Soleimani')] });
      await store.putStageOutput(doc.id, 'gazetteer', 'g1', { mentions: [m(7, 16, 'Soleimani')] });
      await store.putStageOutput(doc.id, 'ner', 'v2', { mentions: [m(0, 6, 'Qassem'), m(7, 16, 'Soleimani')] });
      const mentions = await store.listMentions(doc.id, ALL_COLLECTIONS);
      assert.deepEqual(mentions.map((x) => `${x.stage}@${x.version}:${x.text}`), ['ner@v2:Qassem', 'gazetteer@g1:Soleimani', 'ner@v2:Soleimani']);
      assert.equal((await store.stageVersions('ner')).get(doc.id), 'v2');
      const entities = await store.listEntities({ collections: ['news'] });
      const soleimani = entities.find((e) => e.name === 'Soleimani')!;
      assert.equal(soleimani.mentionCount, 2);
      assert.deepEqual(soleimani.documentIds, [doc.id]);
    });

    it('stores relations, events and claims with evidence', async () => {
      const doc = (await search(store, 'Soleimani')).results[0]!.document;
      const ev = { documentId: doc.id, start: 0, end: 42, text: 'Qassem Soleimani commanded the Quds Force.' };
      await store.putStageOutput(doc.id, 'relations', 'r1', {
        relations: [{ id: 'rel_1', type: 'controls', source: 'e1', target: 'e2', confidence: 0.9, evidence: [ev] }],
        events: [{ id: 'evt_1', type: 'travel', date: '2019', participants: ['e1'], evidence: [ev] }],
        claims: [{ id: 'clm_1', speaker: null, speakerText: 'sources', text: 'x', stance: 'denies', evidence: [ev] }],
      });
      await store.putStageOutput(doc.id, 'relations', 'r1', {
        relations: [{ id: 'rel_2', type: 'controls', source: 'e1', target: 'e2', confidence: 0.8, evidence: [ev] }],
      });
      const relations = await store.listRelations(ALL_COLLECTIONS);
      assert.equal(relations.length, 1, 're-running the stage replaced its earlier relation');
      assert.equal(relations[0]!.confidence, 0.8);
      assert.deepEqual(relations[0]!.evidence, [ev]);
      assert.equal(relations[0]!.independentSources, 1);
      assert.deepEqual(await store.listEvents(ALL_COLLECTIONS), []);
    });

    it('merges relations across documents, counts independent sources, lists denials beside them', async () => {
      const docs = (await store.search({ query: parseQuery('cables OR Baghdad OR Soleimani'), limit: 10, offset: 0, collections: ['news'] }, ALL_COLLECTIONS)).results.map((r) => r.document);
      const [d1, d2] = docs.filter((d) => d.collection === 'news');
      const ev = (id: string) => ({ documentId: id, start: 0, end: 3, text: '' });
      const rel = (docId: string, id: string, extra: Record<string, unknown> = {}) => ({
        id, type: 'met', source: `${docId}#PERSON:a`, target: `${docId}#PERSON:b`, confidence: 0.7, evidence: [ev(docId)], attrs: extra,
      });
      const withText = async (docId: string, r: ReturnType<typeof rel>) => {
        const doc = (await store.getDocument(docId, ALL_COLLECTIONS))!;
        return { ...r, evidence: [{ ...r.evidence[0]!, text: doc.text.slice(0, 3) }] };
      };
      await store.putStageOutput(d1!.id, 'test-merge', 't1', { relations: [await withText(d1!.id, rel(d1!.id, 'm1'))] });
      await store.putStageOutput(d2!.id, 'test-merge', 't1', { relations: [await withText(d2!.id, rel(d2!.id, 'm2', { negated: true }))] });
      // Resolve both documents' "a" and "b" into the same two entities.
      const entity = (id: string, type: 'PERSON', name: string, members: string[]) =>
        ({ id, collection: 'news', type, name, aliases: [], mentionCount: members.length, documentIds: [d1!.id, d2!.id], members, reasons: [{ rule: 'exact-norm', score: 1, a: members[0]!, b: members[1]! }] });
      await store.putEntities('news', [
        entity('ent_a', 'PERSON', 'A', [`${d1!.id}#PERSON:a`, `${d2!.id}#PERSON:a`]),
        entity('ent_b', 'PERSON', 'B', [`${d1!.id}#PERSON:b`, `${d2!.id}#PERSON:b`]),
      ], 'resolve', 'r1');
      let met = (await store.listRelations({ collections: ['news'] })).filter((r) => r.type === 'met');
      assert.equal(met.length, 1);
      assert.deepEqual([met[0]!.source, met[0]!.target], ['ent_a', 'ent_b']);
      assert.equal(met[0]!.independentSources, 1, 'the denial is not support');
      assert.equal(met[0]!.contradictions!.length, 1);
      await store.putStageOutput(d2!.id, 'test-merge', 't1', { relations: [await withText(d2!.id, rel(d2!.id, 'm2'))] });
      met = (await store.listRelations({ collections: ['news'] })).filter((r) => r.type === 'met');
      assert.equal(met[0]!.independentSources, 2);
      assert.equal(met[0]!.evidence.length, 2);
      await store.putDuplicateGroups(new Map(), new Map([[d1!.id, 'g'], [d2!.id, 'g']]));
      met = (await store.listRelations({ collections: ['news'] })).filter((r) => r.type === 'met');
      assert.equal(met[0]!.independentSources, 1, 'near-duplicates count once');
      const ofA = await store.listRelations({ collections: ['news'] }, [`${d1!.id}#PERSON:a`, `${d2!.id}#PERSON:a`]);
      assert.deepEqual(ofA.map((r) => [r.id, r.evidence.length]), [[met[0]!.id, 2]], 'by member keys: the entity\'s relations, complete');
      assert.deepEqual(await store.listRelations({ collections: ['news'] }, [`${d1!.id}#PERSON:nobody`]), []);
      assert.deepEqual(await store.listRelations({ collections: ['news'] }, []), []);
      const a = await store.getEntity('ent_a', ALL_COLLECTIONS);
      assert.deepEqual(a?.members.length, 2);
      assert.equal(a?.reasons[0]!.rule, 'exact-norm');
      assert.equal(await store.getEntity('ent_a', { collections: ['leaks'] }), null);
      await store.putStageOutput(d1!.id, 'test-merge', 't1', {});
      await store.putStageOutput(d2!.id, 'test-merge', 't1', {});
      await store.putEntities('news', [], 'resolve', 'r1');
    });

    it('keeps merge and split decisions per collection', async () => {
      await store.addDecision('news', { kind: 'merge', a: 'x#PERSON:a', b: 'y#PERSON:b', at: '2026-01-01T00:00:00Z', by: 'ana' });
      await store.addDecision('news', { kind: 'split', a: 'x#PERSON:a', b: 'y#PERSON:b', at: '2026-01-02T00:00:00Z' });
      const list = await store.listDecisions('news');
      assert.deepEqual(list.map((d) => d.kind), ['merge', 'split']);
      assert.equal(list[0]!.by, 'ana');
      assert.deepEqual(await store.listDecisions('leaks'), []);
    });

    it('records and clears failures', async () => {
      await store.recordFailure({ collection: 'news', path: 'bad.pdf', code: 'corrupt-pdf', message: 'truncated', at: new Date().toISOString() });
      await store.recordFailure({ collection: 'news', path: 'bad.pdf', code: 'corrupt-pdf', message: 'still truncated', at: new Date().toISOString() });
      assert.deepEqual((await store.listFailures(ALL_COLLECTIONS)).map((f) => f.message), ['still truncated']);
      assert.equal((await store.stats(ALL_COLLECTIONS)).failures, 1);
      await store.clearFailures('news', 'bad.pdf');
      assert.equal((await store.stats(ALL_COLLECTIONS)).failures, 0);
    });

    it('records a failed stage run with its reason, lists it in scope, and a later success replaces it', async () => {
      const doc = (await search(store, 'Soleimani')).results[0]!.document;
      const other = (await search(store, 'Intercept')).results[0]!.document;
      await store.putStageOutput(other.id, 'test-fail', 'f1', {});
      await store.putStageFailure(doc.id, 'test-fail', 'f1', 'RangeError: Maximum call stack size exceeded');
      const runs = await store.stageRuns('test-fail', ALL_COLLECTIONS);
      assert.deepEqual(runs.get(doc.id), { version: 'f1', status: 'failed' });
      assert.deepEqual(runs.get(other.id), { version: 'f1', status: 'done' });
      assert.equal((await store.stageVersions('test-fail')).get(doc.id), 'f1', 'a failed run counts as run at its version');
      // Asked by id (more ids than one statement binds: unknown ones are ignored), and restricted to the scope.
      const many = [...Array.from({ length: 1200 }, (_, i) => `nosuchdoc${i}`), doc.id];
      assert.deepEqual([...(await store.stageRuns('test-fail', ALL_COLLECTIONS, many)).keys()], [doc.id]);
      assert.equal((await store.stageRuns('test-fail', { collections: ['leaks'] })).size, 0);
      const failures = await store.listStageFailures(ALL_COLLECTIONS);
      assert.deepEqual(failures.map((f) => [f.documentId, f.collection, f.path, f.stage, f.version, f.reason]),
        [[doc.id, 'news', 'a.txt', 'test-fail', 'f1', 'RangeError: Maximum call stack size exceeded']]);
      assert.ok(!Number.isNaN(Date.parse(failures[0]!.at)));
      assert.deepEqual(await store.listStageFailures({ collections: ['leaks'] }), []);
      await store.putStageFailure(doc.id, 'test-fail', 'f2', 'Error: again');
      assert.deepEqual((await store.listStageFailures(ALL_COLLECTIONS)).map((f) => [f.version, f.reason]), [['f2', 'Error: again']]);
      await store.putStageOutput(doc.id, 'test-fail', 'f2', {});
      assert.deepEqual((await store.stageRuns('test-fail', ALL_COLLECTIONS, [doc.id])).get(doc.id), { version: 'f2', status: 'done' });
      assert.deepEqual(await store.listStageFailures(ALL_COLLECTIONS), []);
    });

    it('verifies originals against their SHA-256', async () => {
      const clean = await store.verifyOriginals();
      assert.deepEqual(clean.problems, []);
      assert.ok(clean.checked >= 5);
      const doc = (await search(store, 'Intercept')).results[0]!.document;
      assert.deepEqual(Buffer.from((await store.readOriginal(doc.sha256))!).toString('utf8').slice(0, 12), 'The Intercep');
      await harness.corruptOriginal(store, doc.sha256);
      const dirty = await store.verifyOriginals();
      assert.deepEqual(dirty.problems.map((p) => [p.problem, p.paths]), [['mismatch', ['b.txt']]]);
    });
    it('stores a batch whole or not at all', async () => {
      const good = textDoc('atomic-good.txt', 'A memo that must never be stored without its attachment.');
      const bad = { ...textDoc('atomic-good.txt!/broken.bin', 'Broken attachment.'), original: undefined } as unknown as ExtractedDocument;
      await assert.rejects(store.putDocuments([item('news', good), item('news', bad, 0)]));
      assert.equal(await store.findBySha256('news', good.sha256), null, 'the parent stored before the failing child was rolled back');
    });

    it('keeps phrases within the title or the text, NEAR in either order and around phrases, quotes inert', async () => {
      assert.equal((await search(store, '"Quds Force chief"')).total, 1);
      assert.equal((await search(store, '"chief Qassem"')).total, 0, 'a phrase does not run from the title into the text');
      assert.equal((await search(store, 'NEAR(agents ministry, 3)')).total, 1);
      assert.equal((await search(store, 'NEAR("ministry of" agents, 2)')).total, 1);
      assert.equal((await search(store, 'NEAR("ministry of" agents, 1)')).total, 0);
      assert.equal((await search(store, "Soleimani's OR O'Brien\\ OR 'Baghdad'")).total, 2, 'quotes and backslashes are not query syntax');
    });

    it('maps event participants, places and claim speakers to entities', async () => {
      const doc = (await search(store, 'Soleimani')).results[0]!.document;
      const ev = { documentId: doc.id, start: 0, end: 16, text: 'Qassem Soleimani' };
      const person = `${doc.id}#PERSON:qassem soleimani`;
      await store.putStageOutput(doc.id, 'test-events', 'e1', {
        events: [{ id: 'evt_t1', type: 'travel', date: '2019', precision: 'year', participants: [person], place: `${doc.id}#LOC:baghdad`, evidence: [ev] }],
        claims: [{ id: 'clm_t1', speaker: person, speakerText: 'Qassem Soleimani', text: 'x', stance: 'asserts', evidence: [ev] }],
      });
      const event = (await store.listEvents({ collections: ['news'] })).find((e) => e.id === 'evt_t1')!;
      assert.deepEqual(event.participants, [factId('ent', 'news', 'PERSON', 'qassem soleimani')]);
      assert.equal(event.place, factId('ent', 'news', 'LOC', 'baghdad'));
      assert.equal(event.precision, 'year');
      assert.deepEqual(event.evidence, [ev]);
      const claim = (await store.listClaims(ALL_COLLECTIONS)).find((c) => c.id === 'clm_t1')!;
      assert.equal(claim.speaker, factId('ent', 'news', 'PERSON', 'qassem soleimani'));
      assert.equal(claim.stance, 'asserts');
      assert.deepEqual((await store.listEvents({ collections: ['leaks'] })).filter((e) => e.id === 'evt_t1'), []);
      assert.deepEqual((await store.listClaims({ collections: [] })), []);
      await store.putStageOutput(doc.id, 'test-events', 'e1', {});
      assert.equal((await store.listEvents(ALL_COLLECTIONS)).some((e) => e.id === 'evt_t1'), false);
    });

    it('lists documents, collections, candidates and signatures', async () => {
      const page = await store.listDocuments({ collections: ['news'] }, 2, 0);
      assert.equal(page.total, 4);
      assert.deepEqual(page.items.map((d) => d.path), ['a.txt', 'b.txt']);
      assert.deepEqual(await store.listCollections(), ['fa', 'leaks', 'news', 'other']);
      const stats = await store.stats({ collections: ['leaks'] });
      assert.deepEqual([stats.documents, stats.characters], [1, 'Cables show the ministry of intelligence paid agents in Baghdad.'.length]);
      const doc = (await search(store, 'Soleimani')).results[0]!.document;
      const key = `${doc.id}#PERSON:qassem soleimani`;
      const m = (start: number, end: number, text: string) => ({ documentId: doc.id, start, end, text, type: 'PERSON' as const, norm: 'qassem soleimani', entityKey: key });
      await store.putStageOutput(doc.id, 'test-keys', 'k1', { mentions: [m(0, 16, 'Qassem Soleimani'), m(7, 16, 'Soleimani'), m(7, 16, 'Soleimani')] });
      const candidate = (await store.listCandidates('news')).find((c) => c.key === key)!;
      assert.deepEqual([candidate.name, candidate.aliases, candidate.mentionCount, candidate.documentIds], ['Qassem Soleimani', ['Soleimani'], 3, [doc.id]]);
      assert.deepEqual(await store.listCandidates('leaks'), []);
      await store.putStageOutput(doc.id, 'test-keys', 'k1', {});
      await store.putDuplicateGroups(new Map([[doc.id, new Uint8Array([1, 2, 3, 250])]]), new Map());
      const signatures = await store.listSignatures('news');
      assert.deepEqual(signatures.find((s) => s.id === doc.id)?.signature, new Uint8Array([1, 2, 3, 250]));
      assert.equal(signatures.filter((s) => s.signature === null).length, signatures.length - 1);
    });
    it('finds phrases and NEAR anywhere in a long text (past 16,383 words, common words past 256 occurrences)', async () => {
      const text = `${'The minister of the interior met the envoy of the council. '.repeat(1800)}Finally the red ledger was found in the ministry of finance.`;
      await store.putDocuments([item('long', textDoc('long.txt', text, { title: 'A long report' }))]);
      const total = async (q: string) => (await store.search({ query: parseQuery(q), limit: 10, offset: 0, collections: ['long'] }, ALL_COLLECTIONS)).total;
      assert.equal(await total('"red ledger"'), 1);
      assert.equal(await total('"the red ledger"'), 1);
      assert.equal(await total('"ministry of finance"'), 1);
      assert.equal(await total('"envoy of the council"'), 1);
      assert.equal(await total('"ledger red"'), 0);
      assert.equal(await total('"interior finance"'), 0);
      assert.equal(await total('NEAR(finance ledger, 6)'), 1);
      assert.equal(await total('NEAR(finance ledger, 5)'), 0);
      assert.equal(await total('ledger -"minister of the interior"'), 0);
      assert.equal(await total('"red ledger" -zebra'), 1);
      assert.equal(await total('"long report" AND "red ledger"'), 1);
      const hit = (await store.search({ query: parseQuery('"red ledger"'), limit: 10, offset: 0, collections: ['long'] }, ALL_COLLECTIONS)).results[0]!;
      assert.deepEqual(hit.snippet.parts.filter((x) => x.hit).map((x) => x.text), ['red ledger']);
    });
    it('keeps NUL and other rare characters exactly, in text, metadata and evidence', async () => {
      const text = 'Record\u0000one names the envoy\uFFFF; tab\there.';
      const [r] = await store.putDocuments([item('ctl', textDoc('record\u0000.json', text, { title: 'T\u0000', meta: { k: 'v\u0000' } }))]);
      const doc = (await store.getDocument(r!.id, ALL_COLLECTIONS))!;
      assert.deepEqual([doc.text, doc.title, doc.path, doc.meta.k], [text, 'T\u0000', 'record\u0000.json', 'v\u0000']);
      const res = await store.search({ query: parseQuery('envoy'), limit: 10, offset: 0, collections: ['ctl'] }, ALL_COLLECTIONS);
      assert.equal(res.total, 1);
      assert.equal(res.results[0]!.snippet.parts.map((x) => x.text).join(''), text);
      const ev = { documentId: r!.id, start: 0, end: 10, text: text.slice(0, 10) };
      await store.putStageOutput(r!.id, 'test-ctl', 'c1', {
        claims: [{ id: 'clm_ctl', speaker: null, speakerText: 'record\u0000', text: text.slice(0, 10), stance: 'asserts', evidence: [ev] }],
      });
      const claim = (await store.listClaims({ collections: ['ctl'] }))[0]!;
      assert.deepEqual([claim.speakerText, claim.text, claim.evidence], ['record\u0000', text.slice(0, 10), [ev]]);
    });
  });
}
