// The name bonus of a NER model file: a score added where a name of a type starts, kept in the file's header and
// applied to the transitions when the file is loaded; rewriting a file's header changes nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNameBonus, loadModelFile, rewriteModelHeader, saveModel } from '../../src/nlp/ner/model-io.js';
import { viterbi } from '../../src/nlp/ner/decode.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import type { Lexicon } from '../../src/nlp/ner/features.js';

const TAGS = ['O', 'B-LOC', 'I-LOC', 'L-LOC', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'U-ORG'];
const T = TAGS.length;
const lexicon: Lexicon = { gazetteer: new Gazetteer(), capBuckets: new Map(), clusters: new Map() };

function writeModel(dir: string, nameBonus?: Record<string, number>): string {
  const path = join(dir, `m-${Math.random().toString(36).slice(2)}.bin.gz`);
  const scores = Float32Array.from({ length: T * T }, (_, i) => (i % 7) / 10);
  const start = Float32Array.from({ length: T }, (_, i) => i / 20);
  const weights = Float32Array.from({ length: 2 * T }, (_, i) => (i % 5) - 2);
  saveModel(path, { version: 'test-1', lexicon, pruneBelow: 0, nameBonus, params: { keys: new Uint32Array([3, 9]), weights, transitions: { tags: TAGS, scores, start } } });
  return path;
}

test('the bonus is added to the transitions into B- and U- tags of its type only, and to their start scores', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-bonus-'));
  try {
    const plain = loadModelFile(writeModel(dir));
    const bonused = loadModelFile(writeModel(dir, { LOC: 1.5 }));
    for (let t = 0; t < T; t++) {
      const expected = TAGS[t] === 'B-LOC' || TAGS[t] === 'U-LOC' ? 1.5 : 0;
      assert.ok(Math.abs(bonused.transitions.start[t]! - plain.transitions.start[t]! - expected) < 1e-6, `start of ${TAGS[t]}`);
      for (let p = 0; p < T; p++) {
        assert.ok(Math.abs(bonused.transitions.scores[p * T + t]! - plain.transitions.scores[p * T + t]! - expected) < 1e-6, `${TAGS[p]} -> ${TAGS[t]}`);
      }
    }
    assert.deepEqual([...bonused.table.weights], [...plain.table.weights]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bonus turns a token the model scores just under a name into one; without it the token stays O', () => {
  const scores = new Float32Array(T * T);
  const start = new Float32Array(T);
  const model = { tags: TAGS, scores, start };
  // One token: O scores 1.0, U-LOC 0.6, U-ORG 0.
  const emissions = new Float32Array(T);
  emissions[0] = 1;
  emissions[TAGS.indexOf('U-LOC')] = 0.6;
  assert.equal(TAGS[viterbi(emissions, 1, model)[0]!], 'O');
  addNameBonus(TAGS, scores, start, { LOC: 0.5 });
  assert.equal(TAGS[viterbi(emissions, 1, model)[0]!], 'U-LOC');
  // A negative bonus keeps names out that the model would find.
  emissions[TAGS.indexOf('U-ORG')] = 1.2;
  assert.equal(TAGS[viterbi(emissions, 1, model)[0]!], 'U-ORG');
  addNameBonus(TAGS, scores, start, { ORG: -0.5 });
  assert.equal(TAGS[viterbi(emissions, 1, model)[0]!], 'U-LOC');
});

test('rewriting the header sets version and bonus and keeps the weights; an empty bonus restores the trained transitions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-bonus-'));
  try {
    const path = writeModel(dir);
    const plain = loadModelFile(path);
    const withBonus = join(dir, 'with.bin.gz');
    rewriteModelHeader(path, withBonus, { version: 'test-2', nameBonus: { ORG: 2 } });
    const a = loadModelFile(withBonus);
    assert.equal(a.version, 'test-2');
    assert.deepEqual([...a.table.keys], [...plain.table.keys]);
    assert.deepEqual([...a.table.weights], [...plain.table.weights]);
    assert.ok(Math.abs(a.transitions.start[TAGS.indexOf('U-ORG')]! - plain.transitions.start[TAGS.indexOf('U-ORG')]! - 2) < 1e-6);
    const back = join(dir, 'back.bin.gz');
    rewriteModelHeader(withBonus, back, { version: 'test-1' });
    const b = loadModelFile(back);
    assert.deepEqual([...b.transitions.scores], [...plain.transitions.scores]);
    assert.deepEqual([...b.transitions.start], [...plain.transitions.start]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
