/** The relation model's caches (shared weights per feature) give what computing afresh gives; features follow the view's parse. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLASSES } from '../../src/extract/relation-model/classes.js';
import { pairFeatures } from '../../src/extract/relation-model/features.js';
import { classProbabilities, softmax, type LinearModel } from '../../src/extract/relation-model/linear.js';
import { sentenceViews } from '../../src/extract/relation-model/sentence-view.js';
import { mayBeShared, sharedKeys } from '../../src/extract/relation-model/shared.js';
import { inputFor } from './helpers.js';

test('context words follow the parse the view has when the features are read', () => {
  const input = inputFor('The ministry paid Hassan Ali in Baghdad.', [['Hassan Ali', 'PERSON'], ['Baghdad', 'LOC']]);
  const view = sentenceViews(input.text, input.sentences, input.mentions)[0]!;
  assert.ok(pairFeatures(view, 0, 1).includes('a-1:pay'), 'rough lemma without a parse');
  const n = view.tokens.length;
  const head = new Int32Array(n).fill(-1);
  view.parse = { upos: Array(n).fill('X'), lemma: view.tokens.map((t) => (t.text === 'paid' ? 'give' : t.text.toLowerCase())), head, deprel: Array(n).fill('dep') };
  const f = pairFeatures(view, 0, 1);
  assert.ok(f.includes('a-1:give') && !f.includes('a-1:pay'), 'the parse lemma once the view is parsed');
});

test('shared weights are summed as sharedKeys lists them, and follow a replaced shared index', () => {
  const C = CLASSES.length;
  const feats = ['bias', 'tb:paid', 'tb:paid|PO', 'tl:paid|nsubj|obj', 'rule:met', 'cA:of|PO', 'bw:x'];
  const keys = [...new Set(sharedKeys(feats).map(([, k]) => k))];
  const model: LinearModel = {
    version: 't', classes: CLASSES.map((c) => c.name), index: new Map([['bias', 0]]), weights: Float32Array.from({ length: C }, (_, k) => k / 7),
    sharedIndex: new Map(keys.map((k, i) => [k, i])), shared: Float32Array.from(keys, (_, i) => 0.3 + i / 3), calibration: { a: 1, b: 0 },
  };
  const expected = (m: LinearModel): Float64Array => {
    const s = new Float64Array(C);
    for (let c = 0; c < C; c++) s[c] = m.weights[c]!;
    for (const [c, key] of sharedKeys(feats)) {
      const r = m.sharedIndex.get(key);
      if (r !== undefined) s[c]! += m.shared[r]!;
    }
    return softmax(s);
  };
  assert.ok(keys.length > 0);
  assert.deepEqual(classProbabilities(model, feats), expected(model));
  assert.deepEqual(classProbabilities(model, feats), expected(model), 'the second time, from the cache');
  model.sharedIndex = new Map(keys.slice(1).map((k, i) => [k, i]));
  assert.deepEqual(classProbabilities(model, feats), expected(model), 'a new shared index is read, not the cached rows');
  for (const f of feats) if (sharedKeys([f]).length > 0) assert.ok(mayBeShared(f), f);
});
