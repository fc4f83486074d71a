/** Collection-level type voting over candidates that share a normalised name. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityCandidate, EntityType } from '../../src/model/index.js';
import { voteTypes } from '../../src/pipeline/type-vote.js';

const cand = (doc: string, type: EntityType, norm: string, mentionCount: number): EntityCandidate => ({
  key: `${doc}#${type}:${norm}`, collection: 'c', type, name: norm, aliases: [], documentIds: [doc], mentionCount,
});

describe('voteTypes', () => {
  it('gives a minority tagging the majority type', () => {
    const out = voteTypes([cand('d1', 'ORG', 'islamic state', 3), cand('d2', 'ORG', 'islamic state', 2), cand('d3', 'MISC', 'islamic state', 1)]);
    assert.deepEqual(out.map((c) => c.type), ['ORG', 'ORG', 'ORG']);
    assert.equal(out[2]!.key, 'd3#MISC:islamic state', 'keys stay, so user decisions still apply');
  });

  it('keeps types apart when neither has two thirds of the mentions', () => {
    const out = voteTypes([cand('d1', 'LOC', 'washington', 3), cand('d2', 'PERSON', 'washington', 2)]);
    assert.deepEqual(out.map((c) => c.type), ['LOC', 'PERSON']);
  });

  it('leaves names with one type alone', () => {
    const input = [cand('d1', 'PERSON', 'qassem soleimani', 4), cand('d2', 'ORG', 'quds force', 1)];
    assert.deepEqual(voteTypes(input), input);
  });
});
