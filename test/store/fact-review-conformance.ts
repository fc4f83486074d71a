/**
 * The conformance suite of event and claim review (Store.reviews.facts) on every engine: a rejected event or claim
 * leaves every read and stays out when the stage proposes it again, an accepted one stays (marked kept) when the stage no
 * longer proposes it, undo restores; a name marked by hand is an `analyst` mention the stage's re-runs keep; rejected
 * proposals read back for exports.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, StageOutput } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { factProposalId } from '../../src/store/shared/fact-review-apply.js';
import { textDoc } from './conformance.js';

const TEXT = 'Qassem Soleimani met Adil Abdul-Mahdi in Baghdad on 2 May 2019. The ministry denied that Soleimani paid the militia.';

type Ev = NonNullable<StageOutput['events']>[number];
type Cl = NonNullable<StageOutput['claims']>[number];

/** Registers the suite for one engine; `create` gives a new, empty, migrated store. */
export function factReviewConformance(name: string, create: () => Promise<Store>): void {
  describe(`Event and claim review conformance: ${name}`, () => {
    let store: Store;
    let doc: string;
    const key = (type: string, norm: string) => `${doc}#${type}:${norm}`;
    const span = (s: string) => ({ documentId: doc, start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
    const meeting = (version: string): Ev => ({
      id: `evt_${version}`, type: 'meeting', date: '2019-05-02', precision: 'day', participants: [key('PERSON', 'qassem soleimani'), key('PERSON', 'adil abdul-mahdi')],
      place: key('LOC', 'baghdad'), evidence: [span('Qassem Soleimani met Adil Abdul-Mahdi in Baghdad on 2 May 2019.')],
    });
    const denial = (version: string): Cl => ({
      id: `clm_${version}`, speaker: key('ORG', 'ministry'), speakerText: 'The ministry', text: 'Soleimani paid the militia', stance: 'denies',
      evidence: [span('The ministry denied that Soleimani paid the militia.')],
    });
    const rerun = (version: string, out: StageOutput) => store.putStageOutput(doc, 'facts', version, out);

    before(async () => {
      store = await create();
      const d = textDoc('meeting.txt', TEXT, { language: 'en' });
      doc = (await store.putDocuments([{ doc: d, collection: 'wire', sentences: splitSentences(TEXT) }]))[0]!.id;
      await rerun('v1', { events: [meeting('v1')], claims: [denial('v1')] });
    });
    after(() => store.close());

    it('a rejected event leaves every read, stays out when proposed again, and undo restores it', async () => {
      const id = factProposalId('event', doc, meeting('v1'));
      const proposals = await store.reviews.facts.proposals('event', ALL_COLLECTIONS);
      assert.deepEqual(proposals.map((p) => p.id), [id]);
      assert.equal(proposals[0]!.entities.length, 3, 'participants and place');
      const record = await store.reviews.facts.decide('event', id, { verdict: 'rejected', by: 'ana', reason: 'a phone call' }, ALL_COLLECTIONS);
      assert.deepEqual([record?.verdict, record?.by, record?.reason, record?.kind], ['rejected', 'ana', 'a phone call', 'event']);
      assert.equal((await store.listEvents(ALL_COLLECTIONS)).length, 0);
      await rerun('v2', { events: [meeting('v2')], claims: [denial('v2')] });
      assert.equal((await store.listEvents(ALL_COLLECTIONS)).length, 0, 'still rejected after the stage ran again');
      const rejected = await store.listRejected(ALL_COLLECTIONS);
      assert.deepEqual([rejected.events.map((e) => e.id), rejected.events[0]?.rejected.by, rejected.events[0]?.participants.length], [[id], 'ana', 2]);
      assert.equal((await store.reviews.facts.proposals('event', { collections: ['elsewhere'] }, { withRejected: true })).length, 0, 'scope applies');
      assert.equal((await store.reviews.facts.decide('event', id, { verdict: 'undo' }, ALL_COLLECTIONS))?.verdict, 'undo');
      const back = await store.listEvents(ALL_COLLECTIONS);
      assert.deepEqual([back.length, back[0]?.review, back[0]?.date], [1, undefined, '2019-05-02']);
      assert.equal(await store.reviews.facts.decide('event', id, { verdict: 'undo' }, ALL_COLLECTIONS), null, 'nothing left to undo');
    });

    it('an accepted claim carries its review and is kept, marked, when the stage no longer proposes it', async () => {
      const id = factProposalId('claim', doc, denial('v1'));
      await store.reviews.facts.decide('claim', id, { verdict: 'accepted', by: 'bob' }, ALL_COLLECTIONS);
      assert.deepEqual((await store.listClaims(ALL_COLLECTIONS)).map((c) => [c.review?.verdict, c.review?.by, c.review?.kept]), [['accepted', 'bob', undefined]]);
      await rerun('v3', { events: [meeting('v3')] });
      const kept = await store.listClaims(ALL_COLLECTIONS);
      assert.deepEqual(kept.map((c) => [c.stance, c.review?.kept, c.evidence[0]?.text]), [['denies', true, denial('v1').evidence[0]!.text]]);
      await rerun('v4', { events: [meeting('v4')], claims: [denial('v4')] });
      const again = await store.listClaims(ALL_COLLECTIONS);
      assert.deepEqual(again.map((c) => [c.review?.verdict, c.review?.kept]), [['accepted', undefined]], 'one claim, no longer kept');
      const [p] = await store.reviews.facts.proposals('claim', ALL_COLLECTIONS);
      assert.equal(p?.id, id, 'the same proposal');
    });

    it('a name marked by hand is an analyst mention, recorded with who and when, that the stage re-runs keep', async () => {
      const s = span('ministry');
      const rec = await store.reviews.facts.addMention({ ...s, type: 'ORG', norm: 'ministry', entityKey: key('ORG', 'ministry') }, 'carol', ALL_COLLECTIONS);
      assert.deepEqual([rec?.kind, rec?.verdict, rec?.by], ['entity', 'added', 'carol']);
      await store.reviews.facts.addMention({ ...s, type: 'ORG', norm: 'ministry', entityKey: key('ORG', 'ministry') }, 'carol', ALL_COLLECTIONS);
      await rerun('v5', { mentions: [], events: [meeting('v5')], claims: [denial('v5')] });
      const analyst = (await store.listMentions(doc, ALL_COLLECTIONS)).filter((m) => m.stage === 'analyst');
      assert.deepEqual(analyst.map((m) => [m.start, m.end, m.text, m.entityKey]), [[s.start, s.end, 'ministry', key('ORG', 'ministry')]], 'one mention, kept');
      assert.equal(await store.reviews.facts.addMention({ ...s, type: 'ORG', norm: 'x', entityKey: key('ORG', 'x') }, undefined, { collections: ['elsewhere'] }), null);
    });

    it('reads event and claim proposals with their first span only (same ids and order keys) and the evidence of some rows on demand', async () => {
      for (const kind of ['event', 'claim'] as const) {
        const full = await store.reviews.facts.proposals(kind, ALL_COLLECTIONS, { withRejected: true });
        const light = await store.reviews.facts.proposals(kind, ALL_COLLECTIONS, { withRejected: true, evidence: 'first' });
        const sig = (p: (typeof full)[number]) => [p.id, p.rowId ?? null, Boolean(p.rejected), p.review?.verdict ?? null, p.entities.join(' '),
          p.fact.evidence[0]?.start ?? null, p.fact.evidence[0]?.end ?? null];
        const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
        assert.deepEqual(light.map(sig).sort(byId), full.map(sig).sort(byId), kind);
        assert.ok(light.filter((p) => !p.rejected).every((p) => p.fact.evidence.every((e) => e.text === '')), 'no sentence text read');
        const rows = full.filter((p) => !p.rejected && p.rowId);
        const evidence = await store.reviews.facts.evidenceOf(kind, rows.map((p) => p.rowId!));
        for (const p of rows) assert.deepEqual(evidence.get(p.rowId!), p.fact.evidence, p.id);
      }
      assert.ok((await store.reviews.facts.proposals('event', ALL_COLLECTIONS)).length + (await store.reviews.facts.proposals('claim', ALL_COLLECTIONS)).length > 0, 'something to compare');
    });
  });
}
