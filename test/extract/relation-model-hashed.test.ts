/** Hashed pair scoring (hashed.ts) gives classProbabilities over pairFeatures' strings, bit for bit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLASSES } from '../../src/extract/relation-model/classes.js';
import { emitPairFeatures, pairFeatures, type FeatureSink } from '../../src/extract/relation-model/features.js';
import { featureHash, HashedFeatures, pairProbabilities } from '../../src/extract/relation-model/hashed.js';
import { loadRelationModel } from '../../src/extract/relation-model/index.js';
import { classProbabilities, type LinearModel } from '../../src/extract/relation-model/linear.js';
import { candidatePairs, sentenceViews } from '../../src/extract/relation-model/sentence-view.js';
import { sharedKeys } from '../../src/extract/relation-model/shared.js';
import { EMPTY_LEXICON } from '../../src/extract/relation-model/word-lexicon.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import { inputFor } from './helpers.js';

const parser = loadParser();

/** Parsed views of a few sentences with names of every type, triggers, coordination and negation. */
function views(): ReturnType<typeof sentenceViews> {
  const input = inputFor(
    'Iran and Iraq did not sign the treaty in Geneva. The ministry paid Hassan Ali $5,000 in Baghdad, the capital of Iraq. ' +
      'General Ahmed Saleh, the leader of the Free Army, met Kurdish officials in Erbil.',
    [['Iran', 'LOC'], ['Iraq', 'LOC'], ['Geneva', 'LOC'], ['Hassan Ali', 'PERSON'], ['Baghdad', 'LOC'], ['Iraq', 'LOC', 'Iraq', 1],
      ['Ahmed Saleh', 'PERSON'], ['Free Army', 'ORG'], ['Kurdish', 'MISC'], ['Erbil', 'LOC']],
  );
  const out = sentenceViews(input.text, input.sentences, input.mentions);
  for (const v of out) v.parse = parser.parse(v.tokens.map((t) => t.text));
  return out;
}

test('the shipped model: hashed scores equal string scores for every pair, bit for bit', () => {
  const model = loadRelationModel();
  let pairs = 0;
  for (const view of views()) {
    for (const [i, j] of candidatePairs(view)) {
      const extra = ['rule:located_in>', 'rr:in-place>'];
      assert.deepEqual(pairProbabilities(model, view, i, j, extra, model.lexicon), classProbabilities(model, pairFeatures(view, i, j, extra, model.lexicon)));
      pairs++;
    }
  }
  assert.ok(pairs >= 6, `pairs scored (${pairs})`);
});

test('the sink sees, part by part, the strings pairFeatures returns; feature hashes tell features apart', () => {
  const view = views()[1]!;
  const parts: string[][] = [];
  const sink: FeatureSink = { add: (...p: (string | undefined)[]) => void parts.push(p.filter((x): x is string => x !== undefined)) };
  emitPairFeatures(view, 0, 1, [], EMPTY_LEXICON, sink);
  assert.deepEqual([...new Set(parts.map((p) => p.join('')))], pairFeatures(view, 0, 1));
  assert.ok(parts.some((p) => p.length > 2), 'features are emitted in parts');
  assert.deepEqual(featureHash('bw:the|PO'), featureHash('bw:the|PO'));
  assert.notDeepEqual(featureHash('bw:the|PO'), featureHash('bw:the|OP'));
});

test('a model held in memory (weights not int16 steps) and shared-only features score alike', () => {
  const C = CLASSES.length;
  const view = views()[0]!;
  const feats = pairFeatures(view, 0, 1, ['rule:met']);
  // Every other feature gets a row of odd float weights; the typed ones also shared keys, one with no row at all.
  const rowFeats = feats.filter((_, k) => k % 2 === 0);
  const keys = [...new Set(sharedKeys([...feats, 'rule:met']).map(([, k]) => k))];
  assert.ok(keys.length > 0, 'the pair has typed features');
  const model: LinearModel = {
    version: 't', classes: CLASSES.map((c) => c.name), calibration: { a: 1, b: 0 },
    index: new Map(rowFeats.map((f, r) => [f, r])), weights: Float32Array.from({ length: rowFeats.length * C }, (_, k) => Math.sin(k) / 3),
    sharedIndex: new Map(keys.map((k, r) => [k, r])), shared: Float32Array.from(keys, (_, r) => Math.cos(r)),
  };
  assert.equal(new HashedFeatures(model).scale, 0, 'these weights are not int16 steps');
  assert.deepEqual(pairProbabilities(model, view, 0, 1, ['rule:met']), classProbabilities(model, feats));
  // Grown (as in training): the table is rebuilt, not reused.
  model.index.set(feats[1]!, rowFeats.length);
  model.weights = Float32Array.from({ length: (rowFeats.length + 1) * C }, (_, k) => Math.sin(k) / 3);
  assert.deepEqual(pairProbabilities(model, view, 0, 1, ['rule:met']), classProbabilities(model, feats));
});
