/**
 * The conformance suite of analyst review (Store.reviews) on every engine: a rejected proposal stays out when the stage
 * proposes it again, an accepted one stays (marked kept) when the stage no longer proposes it, undo restores, an edit
 * survives a re-run, and a relation made by hand (stage `analyst`) survives the stage's re-runs.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Relation } from '../../src/model/index.js';
import type { Store, StageOutput } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { proposalId } from '../../src/store/shared/review-apply.js';
import { textDoc } from './conformance.js';

// A wire report as ingested: hard-wrapped lines, a name split over a line break.
const TEXT = 'BAGHDAD (Reuters) - Qassem Soleimani met Prime Minister Adil\nAbdul-Mahdi in Baghdad on Tuesday. Soleimani also paid\nthe Kataib Hezbollah militia, officials said.';

type Out = NonNullable<StageOutput['relations']>[number];

/** Registers the suite for one engine; `create` gives a new, empty, migrated store. */
export function reviewConformance(name: string, create: () => Promise<Store>): void {
  describe(`Review conformance: ${name}`, () => {
    let store: Store;
    let doc: string;
    const key = (type: string, norm: string) => `${doc}#${type}:${norm}`;
    const span = (s: string) => ({ documentId: doc, start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
    const met = (version: string): Out => ({
      id: `rel_met_${version}`, type: 'met', source: key('PERSON', 'qassem soleimani'), target: key('PERSON', 'adil abdul-mahdi'), confidence: 0.4,
      evidence: [span('Qassem Soleimani met Prime Minister Adil\nAbdul-Mahdi in Baghdad on Tuesday.')], attrs: { rule: 'model' },
    });
    const paid = (version: string): Out => ({
      id: `rel_paid_${version}`, type: 'paid', source: key('PERSON', 'qassem soleimani'), target: key('ORG', 'kataib hezbollah'), confidence: 0.7,
      evidence: [span('Soleimani also paid\nthe Kataib Hezbollah militia, officials said.')], attrs: { rule: 'model' },
    });
    const rerun = (version: string, relations: Out[]) => store.putStageOutput(doc, 'facts', version, { relations });
    const relations = async (): Promise<Relation[]> => store.listRelations(ALL_COLLECTIONS);
    const byType = async (type: string) => (await relations()).find((r) => r.type === type);

    before(async () => {
      store = await create();
      const d = textDoc('wire.txt', TEXT, { language: 'en' });
      doc = (await store.putDocuments([{ doc: d, collection: 'wire', sentences: splitSentences(TEXT) }]))[0]!.id;
      await rerun('v1', [met('v1'), paid('v1')]);
    });
    after(() => store.close());

    it('lists proposals with stable ids; a rejected one leaves every read and stays rejected when proposed again', async () => {
      const proposals = await store.reviews.proposals(ALL_COLLECTIONS);
      assert.equal(proposals.length, 2);
      const id = proposalId(doc, met('v1'));
      assert.ok(proposals.some((p) => p.id === id), 'the id is derived from document, span, type and end keys');
      const record = await store.reviews.decide(id, { verdict: 'rejected', by: 'ana', reason: 'they spoke by phone' }, ALL_COLLECTIONS);
      assert.deepEqual([record?.verdict, record?.by, record?.reason], ['rejected', 'ana', 'they spoke by phone']);
      assert.equal(await byType('met'), undefined);
      assert.equal((await store.listEdges(ALL_COLLECTIONS)).some((e) => e.type === 'met'), false);
      // Reprocess: a new version proposes it again under a new row id.
      await rerun('v2', [met('v2'), paid('v2')]);
      assert.equal(await byType('met'), undefined, 'still rejected after the stage ran again');
      const all = await store.reviews.proposals(ALL_COLLECTIONS, { withRejected: true });
      assert.deepEqual(all.filter((p) => p.rejected).map((p) => p.id), [id]);
      assert.equal(await store.reviews.proposals({ collections: ['elsewhere'] }).then((x) => x.length), 0, 'scope applies');
    });

    it('undo restores a rejected proposal, and is itself recorded', async () => {
      const id = proposalId(doc, met('v1'));
      const undo = await store.reviews.decide(id, { verdict: 'undo', by: 'ana' }, ALL_COLLECTIONS);
      assert.equal(undo?.verdict, 'undo');
      const back = await byType('met');
      assert.ok(back);
      assert.equal(back.review, undefined, 'unreviewed again');
      assert.deepEqual((await store.reviews.records(doc)).map((r) => r.verdict), ['rejected', 'undo']);
      assert.equal(await store.reviews.decide(id, { verdict: 'undo' }, ALL_COLLECTIONS), null, 'nothing left to undo');
    });

    it('an accepted proposal carries its review, and is kept (marked) when the stage no longer proposes it', async () => {
      const id = proposalId(doc, paid('v1'));
      await store.reviews.decide(id, { verdict: 'accepted', by: 'bob' }, ALL_COLLECTIONS);
      let funds = await byType('paid');
      assert.deepEqual([funds?.review?.verdict, funds?.review?.by, funds?.review?.kept], ['accepted', 'bob', undefined]);
      assert.equal((await store.listEdges(ALL_COLLECTIONS)).find((e) => e.type === 'paid')?.review, 'accepted');
      await rerun('v3', [met('v3')]);
      funds = await byType('paid');
      assert.ok(funds, 'kept although no longer proposed');
      assert.equal(funds.review?.kept, true);
      assert.equal(funds.evidence[0]?.text, paid('v1').evidence[0]!.text);
      assert.equal((await store.listEdges(ALL_COLLECTIONS)).find((e) => e.type === 'paid')?.review, 'kept');
      // Proposed again: a current proposal, accepted, no longer marked kept; one relation, not two.
      await rerun('v4', [met('v4'), paid('v4')]);
      const all = (await relations()).filter((r) => r.type === 'paid');
      assert.equal(all.length, 1);
      assert.equal(all[0]!.evidence.length, 1);
      assert.equal(all[0]!.review?.kept, undefined);
    });

    it('an edit changes type and direction, and survives the stage running again', async () => {
      const id = proposalId(doc, met('v1'));
      await store.reviews.decide(id, { verdict: 'edited', by: 'ana', edit: { type: 'controls', source: met('v1').target, target: met('v1').source } }, ALL_COLLECTIONS);
      assert.equal(await byType('met'), undefined);
      await rerun('v5', [met('v5'), paid('v5')]);
      const edited = await byType('controls');
      assert.equal(edited?.review?.verdict, 'edited');
      assert.equal(await byType('met'), undefined);
      const [p] = (await store.reviews.proposals(ALL_COLLECTIONS)).filter((x) => x.id === id);
      assert.equal(p?.source, met('v1').target, 'the row holds the edited ends, under the original proposal id');
    });

    it('a relation made by hand cites its span, has stage analyst and survives the stage running again', async () => {
      const ev = span('Adil\nAbdul-Mahdi in Baghdad');
      const rec = await store.reviews.add({
        documentId: doc, type: 'located_in', source: key('PERSON', 'adil abdul-mahdi'), target: key('LOC', 'baghdad'), confidence: 1, attrs: { rule: 'analyst' }, evidence: [ev],
      }, 'carol', ALL_COLLECTIONS);
      assert.equal(rec?.verdict, 'added');
      await rerun('v6', [met('v6')]);
      const made = await byType('located_in');
      assert.deepEqual([made?.stage, made?.review?.by, made?.evidence[0]?.text], ['analyst', 'carol', 'Adil\nAbdul-Mahdi in Baghdad']);
      await store.reviews.decide(rec!.proposal, { verdict: 'undo', by: 'carol' }, ALL_COLLECTIONS);
      assert.equal(await byType('located_in'), undefined, 'undoing an addition removes it');
    });

    it('evidence attached by hand to an extracted relation leaves its confidence, stage and review as extracted', async () => {
      await rerun('v7', [met('v7'), paid('v7')]);
      const before = (await byType('paid'))!;
      const edgeBefore = (await store.listEdges(ALL_COLLECTIONS)).find((e) => e.type === 'paid')!;
      const rec = await store.reviews.add({
        documentId: doc, type: 'paid', source: key('PERSON', 'qassem soleimani'), target: key('ORG', 'kataib hezbollah'), confidence: 1, attrs: { rule: 'analyst' },
        evidence: [span('BAGHDAD (Reuters) - Qassem Soleimani met')],
      }, 'dora', ALL_COLLECTIONS);
      const after = (await byType('paid'))!;
      assert.equal(after.evidence.length, before.evidence.length + 1);
      assert.equal(after.evidence.find((e) => e.start === 0)?.analyst?.by, 'dora');
      assert.deepEqual([after.confidence, after.stage, after.review], [before.confidence, before.stage, before.review]);
      const edge = (await store.listEdges(ALL_COLLECTIONS)).find((e) => e.type === 'paid')!;
      assert.deepEqual([edge.confidence, edge.review, edge.evidenceCount], [edgeBefore.confidence, edgeBefore.review, edgeBefore.evidenceCount + 1]);
      await store.reviews.decide(rec!.proposal, { verdict: 'undo', by: 'dora' }, ALL_COLLECTIONS);
    });

    it('lists the merge reasons of resolved entities in scope and records decisions on merges', async () => {
      const [a, b] = [key('PERSON', 'qassem soleimani'), key('PERSON', 'soleimani')];
      await store.putEntities('wire', [{
        id: 'ent_00000000000000aa', collection: 'wire', type: 'PERSON', name: 'Qassem Soleimani', aliases: ['Soleimani'], mentionCount: 2, documentIds: [doc],
        members: [a, b], reasons: [{ rule: 'partial-name', score: 0.8, a, b, evidence: '"Qassem Soleimani" ~ "Soleimani"' }],
      }], 'resolve', 'resolve@test');
      const reasons = await store.reviews.merges.reasons(ALL_COLLECTIONS);
      assert.deepEqual(reasons.map((r) => [r.entity.id, r.entity.mentionCount, r.reason.rule, r.reason.a, r.reason.b]), [['ent_00000000000000aa', 2, 'partial-name', a, b]]);
      assert.deepEqual(await store.reviews.merges.reasons({ collections: ['elsewhere'] }), [], 'scoped by collection');
      const proposal = `${doc}.0123456789ab`;
      const snapshot = { id: proposal, kind: 'merge' as const, collection: 'wire', documentId: doc, stage: 'resolve', version: 'resolve@test', fact: { a, b, evidence: [] } };
      const made = await store.reviews.merges.record({ collection: 'wire', kind: 'merge', proposal, documentId: doc, verdict: 'rejected', by: 'ana', reason: 'two men', at: '2026-01-01T00:00:00.000Z', snapshot });
      await store.reviews.merges.record({ collection: 'wire', kind: 'merge', proposal: `${doc}.ba9876543210`, documentId: doc, verdict: 'accepted', at: '2026-01-01T00:00:01.000Z', snapshot });
      assert.deepEqual([made.kind, made.verdict, made.by, made.reason, made.snapshot.fact.a], ['merge', 'rejected', 'ana', 'two men', a]);
      assert.deepEqual((await store.reviews.merges.records(ALL_COLLECTIONS, proposal)).map((r) => r.id), [made.id]);
      assert.equal((await store.reviews.merges.records(ALL_COLLECTIONS)).length, 2);
      assert.deepEqual(await store.reviews.merges.records({ collections: ['elsewhere'] }), []);
      assert.ok((await store.reviews.facts.records(doc)).some((r) => r.kind === 'merge'), 'kept beside the event and claim records');
    });

    it('reads proposals with their first span only (same ids, states and order keys) and the evidence of some rows on demand', async () => {
      const full = await store.reviews.proposals(ALL_COLLECTIONS, { withRejected: true });
      const light = await store.reviews.proposals(ALL_COLLECTIONS, { withRejected: true, evidence: 'first' });
      const sig = (p: (typeof full)[number]) => [p.id, p.rowId ?? null, Boolean(p.rejected), p.review?.verdict ?? null, p.sourceEntity, p.targetEntity, p.confidence,
        p.evidence[0]?.start ?? null, p.evidence[0]?.end ?? null];
      const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      assert.ok(full.length >= 2);
      assert.deepEqual(light.map(sig).sort(byId), full.map(sig).sort(byId));
      assert.ok(light.filter((p) => !p.rejected).every((p) => p.evidence.length <= 1 && p.evidence.every((e) => e.text === '')), 'no sentence text read');
      const rows = full.filter((p) => !p.rejected && p.rowId);
      const evidence = await store.reviews.evidenceOf(rows.map((p) => p.rowId!));
      for (const p of rows) assert.deepEqual(evidence.get(p.rowId!), p.evidence, p.id);
      assert.equal((await store.reviews.evidenceOf([])).size, 0);
    });
  });
}
