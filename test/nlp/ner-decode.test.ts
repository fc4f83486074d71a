// Viterbi decoding: BILOU constraints and transition scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viterbi, allowedMasks } from '../../src/nlp/ner/decode.js';
import { MODEL_TAGS, chunksToBilou, chunksToIob2, allowedTransition } from '../../src/nlp/ner/tags.js';

const T = MODEL_TAGS.length;
const idx = (t: string): number => MODEL_TAGS.indexOf(t);

/** Emissions that prefer the given tag at each position by `margin`. */
function emissionsFor(pref: string[], margin = 1): Float32Array {
  const e = new Float32Array(pref.length * T);
  pref.forEach((t, i) => (e[i * T + idx(t)] = margin));
  return e;
}

const flat = { tags: MODEL_TAGS, scores: new Float32Array(T * T), start: new Float32Array(T) };

test('decodes the preferred sequence when it is well formed', () => {
  const want = ['B-PER', 'L-PER', 'O', 'U-LOC'];
  assert.deepEqual(Array.from(viterbi(emissionsFor(want), 4, flat), (t) => MODEL_TAGS[t]), want);
});

test('never emits an ill-formed sequence: I- cannot start, B- cannot end a sentence', () => {
  const out = Array.from(viterbi(emissionsFor(['I-ORG', 'B-ORG']), 2, flat), (t) => MODEL_TAGS[t]!);
  assert.ok(allowedMasks(MODEL_TAGS).first[idx(out[0]!)]);
  assert.ok(allowedTransition(out[0]!, out[1]!));
  assert.notEqual(out[1], 'B-ORG');
});

test('transition scores can outweigh emissions', () => {
  const scores = new Float32Array(T * T);
  scores[idx('B-ORG') * T + idx('L-ORG')] = 5;
  const e = emissionsFor(['B-ORG', 'O']);
  const out = Array.from(viterbi(e, 2, { tags: MODEL_TAGS, scores, start: new Float32Array(T) }), (t) => MODEL_TAGS[t]);
  assert.deepEqual(out, ['B-ORG', 'L-ORG']);
});

test('empty sentence decodes to nothing', () => {
  assert.equal(viterbi(new Float32Array(0), 0, flat).length, 0);
});

test('chunks convert to BILOU and IOB2', () => {
  const chunks = [{ start: 0, end: 3, type: 'ORG' }, { start: 4, end: 5, type: 'PER' }];
  assert.deepEqual(chunksToBilou(chunks, 5), ['B-ORG', 'I-ORG', 'L-ORG', 'O', 'U-PER']);
  assert.deepEqual(chunksToIob2(chunks, 5), ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-PER']);
});
