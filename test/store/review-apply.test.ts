/** The pure part of review: which decision is in force after undos, and a stage's relations with decisions applied. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Proposal, ReviewRecord } from '../../src/model/index.js';
import { applyReviews, decisionInForce, proposalId, type OutputRelation } from '../../src/store/shared/review-apply.js';

const DOC = '0123456789abcdef';
const rel = (id: string, type: string, start: number): OutputRelation => ({
  id, type, source: `${DOC}#PERSON:qassem soleimani`, target: `${DOC}#LOC:baghdad`, confidence: 0.5,
  evidence: [{ documentId: DOC, start, end: start + 30, text: 'Soleimani travelled to Baghdad.' }], attrs: {},
});
let n = 0;
const record = (r: OutputRelation, verdict: ReviewRecord['verdict'], extra: Partial<ReviewRecord> = {}): ReviewRecord => {
  const snapshot: Proposal = { ...r, id: proposalId(DOC, r), collection: 'c', documentId: DOC, stage: 'facts', version: 'v1', attrs: {} };
  return { id: ++n, collection: 'c', proposal: snapshot.id, documentId: DOC, verdict, at: `2026-01-0${n}T00:00:00Z`, snapshot, ...extra };
};

describe('review decisions applied', () => {
  it('derives the proposal id from span, type and ends, not from the row id', () => {
    assert.equal(proposalId(DOC, rel('rel_a', 'met', 10)), proposalId(DOC, rel('rel_b', 'met', 10)));
    assert.notEqual(proposalId(DOC, rel('rel_a', 'met', 10)), proposalId(DOC, rel('rel_a', 'met', 11)));
    assert.notEqual(proposalId(DOC, rel('rel_a', 'met', 10)), proposalId(DOC, rel('rel_a', 'paid', 10)));
    assert.match(proposalId(DOC, rel('rel_a', 'met', 10)), /^0123456789abcdef\.[0-9a-f]{12}$/u);
  });

  it('undo cancels the latest decision not yet undone', () => {
    const r = rel('rel_a', 'met', 0);
    const [a, b, u1, u2] = [record(r, 'accepted'), record(r, 'rejected'), record(r, 'undo'), record(r, 'undo')];
    assert.equal(decisionInForce([a!, b!])?.verdict, 'rejected');
    assert.equal(decisionInForce([a!, b!, u1!])?.verdict, 'accepted');
    assert.equal(decisionInForce([a!, b!, u1!, u2!]), null);
  });

  it('leaves out rejected proposals, marks accepted ones, keeps accepted ones no longer proposed, passes the rest through', () => {
    const [kept, rejected, accepted, other] = [rel('rel_1', 'met', 0), rel('rel_2', 'met', 40), rel('rel_3', 'located_in', 80), rel('rel_4', 'paid', 120)];
    const records = [record(kept!, 'accepted', { by: 'ana' }), record(rejected!, 'rejected'), record(accepted!, 'accepted')];
    // A new model run: new row ids, the kept one no longer proposed.
    const rerun = [{ ...rejected!, id: 'rel_9' }, { ...accepted!, id: 'rel_8' }, other!];
    const out = applyReviews(DOC, 'facts', rerun, records);
    assert.deepEqual(out.map((r) => [r.type, r.evidence[0]!.start, r.review?.verdict ?? null, r.review?.kept ?? false]).sort(), [
      ['located_in', 80, 'accepted', false], ['met', 0, 'accepted', true], ['paid', 120, null, false],
    ].sort());
    assert.equal(out.find((r) => r.type === 'paid'), other, 'an undecided relation passes through untouched');
    assert.deepEqual(applyReviews(DOC, 'other-stage', rerun, records).length, 2, 'kept only by the stage that proposed it');
  });
});
