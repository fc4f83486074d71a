/** The relation model's parts: classes, features, partial-label training, calibration and the model file. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLASSES, NONE, classOf, classesOfTypes } from '../../src/extract/relation-model/classes.js';
import { pairFeatures } from '../../src/extract/relation-model/features.js';
import { classProbabilities, loadLinearModel, saveLinearModel, calibrate } from '../../src/extract/relation-model/linear.js';
import { candidatePairs, sentenceViews, MAX_AHEAD } from '../../src/extract/relation-model/sentence-view.js';
import { trainLinear } from '../../src/extract/relation-model/train.js';
import { fitPlatt, reliability } from '../../src/extract/relation-model/calibrate.js';
import { inputFor } from './helpers.js';

test('classes: none first, symmetric types once, directed types twice', () => {
  assert.equal(CLASSES[NONE]!.name, 'none');
  assert.equal(CLASSES.filter((c) => c.type === 'met').length, 1);
  assert.equal(CLASSES.filter((c) => c.type === 'paid').length, 2);
  assert.equal(classOf('met', true), classOf('met', false));
  assert.notEqual(classOf('paid', true), classOf('paid', false));
  assert.equal(CLASSES[classOf('paid', true)]!.reversed, true);
  assert.deepEqual(classesOfTypes(['met', 'paid']).map((c) => CLASSES[c]!.name).sort(), ['met', 'paid<', 'paid>']);
});

test('sentence views keep sentences with two different entities; pairs are bounded per mention', () => {
  const input = inputFor('Smith met Jones in Paris. Smith left. Smith praised Smith.', [
    ['Smith', 'PERSON'], ['Jones', 'PERSON'], ['Paris', 'LOC'], ['Smith', 'PERSON', 'Smith', 2], ['Smith', 'PERSON', 'Smith', 3], ['Smith', 'PERSON', 'Smith', 4],
  ]);
  const views = sentenceViews(input.text, input.sentences, input.mentions);
  assert.equal(views.length, 1);
  assert.deepEqual(candidatePairs(views[0]!), [[0, 1], [0, 2], [1, 2]]);
  const names = Array.from({ length: 30 }, (_, i) => `Name${i}`);
  const list = inputFor(`${names.join(', ')} met.`, names.map((n) => [n, 'PERSON'] as [string, 'PERSON']));
  const pairs = candidatePairs(sentenceViews(list.text, list.sentences, list.mentions)[0]!);
  assert.ok(pairs.length <= 30 * MAX_AHEAD, `pairs grow linearly with a list (${pairs.length})`);
});

test('surface features name the types, the words between and trigger classes', () => {
  const input = inputFor('The ministry paid Hassan Ali $5,000 in Baghdad.', [['Hassan Ali', 'PERSON'], ['Baghdad', 'LOC']]);
  const view = sentenceViews(input.text, input.sentences, input.mentions)[0]!;
  const f = pairFeatures(view, 0, 1, ['rule:located_in>']);
  assert.ok(f.includes('ty:PL'));
  assert.ok(f.includes('rule:located_in>|PL'));
  assert.ok(f.includes('bw:in'));
  assert.ok(f.includes('a-1:pay'), 'the word before the first name, lemmatised');
});

test('partial labels: a set that does not annotate a type never teaches that it is absent', () => {
  // Feature "x" always means met in set A; set B (which does not annotate met) has "x" pairs left unlabelled.
  const met = classOf('met', false);
  const noMet = CLASSES.flatMap((c, k) => (k === NONE || c.type === 'met' ? [k] : []));
  const examples = [
    ...Array.from({ length: 50 }, () => ({ feats: ['bias', 'x'], gold: [met], weight: 1 })),
    ...Array.from({ length: 200 }, () => ({ feats: ['bias', 'x'], gold: noMet, weight: 1 })),
    ...Array.from({ length: 200 }, () => ({ feats: ['bias', 'y'], gold: [NONE], weight: 1 })),
  ];
  const model = trainLinear(examples, { epochs: 10, rate: 0.2, l2: 0, minCount: 1, seed: 1 }, 'test');
  const px = classProbabilities(model, ['bias', 'x']);
  const py = classProbabilities(model, ['bias', 'y']);
  assert.ok(px[met]! > 0.8, `met stays likely for x (${px[met]})`);
  assert.ok(py[NONE]! > 0.9);
});

test('the model file round-trips (weights quantised) and refuses other files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relmodel-'));
  try {
    const model = trainLinear([{ feats: ['a'], gold: [classOf('attacked', false)], weight: 1 }, { feats: ['b'], gold: [NONE], weight: 1 }],
      { epochs: 5, rate: 0.5, l2: 0, minCount: 1, seed: 3 }, 'v-test');
    model.calibration = { a: 0.8, b: -0.2 };
    saveLinearModel(join(dir, 'm.bin.gz'), model);
    const back = loadLinearModel(join(dir, 'm.bin.gz'));
    assert.equal(back.version, 'v-test');
    assert.deepEqual(back.calibration, model.calibration);
    const [p, q] = [classProbabilities(model, ['a']), classProbabilities(back, ['a'])];
    for (let c = 0; c < CLASSES.length; c++) assert.ok(Math.abs(p[c]! - q[c]!) < 1e-3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Platt calibration pulls over-confident probabilities down and the reliability table shows it', () => {
  // Raw 0.9 is right only 60% of the time, raw 0.6 only 30%.
  const outcomes = [
    ...Array.from({ length: 100 }, (_, i) => ({ p: 0.9, right: i < 60 })),
    ...Array.from({ length: 100 }, (_, i) => ({ p: 0.6, right: i < 30 })),
  ];
  const cal = fitPlatt(outcomes);
  assert.ok(Math.abs(calibrate(cal, 0.9) - 0.6) < 0.05, `0.9 -> ${calibrate(cal, 0.9)}`);
  assert.ok(Math.abs(calibrate(cal, 0.6) - 0.3) < 0.05, `0.6 -> ${calibrate(cal, 0.6)}`);
  const rows = reliability(outcomes, cal).filter((r) => r.count > 0);
  for (const r of rows) assert.ok(Math.abs(r.meanConfidence - r.precision) < 0.06, JSON.stringify(r));
});

test('Platt calibration converges when many predictions sit at a probability of 1 and only some are right', () => {
  // A model trained on other labels is sure (p ~ 1) of 300 pairs, 200 of them right; a plain Newton step ran away here
  // (a = 2776), which made every calibrated confidence 0 or 1.
  const outcomes = [
    ...Array.from({ length: 300 }, (_, i) => ({ p: 0.99999999, right: i < 200 })),
    ...Array.from({ length: 100 }, (_, i) => ({ p: 0.55, right: i < 60 })),
  ];
  const cal = fitPlatt(outcomes);
  assert.ok(Math.abs(cal.a) < 10, JSON.stringify(cal));
  assert.ok(Math.abs(calibrate(cal, 0.99999999) - 2 / 3) < 0.05, `1 -> ${calibrate(cal, 0.99999999)}`);
  assert.ok(Math.abs(calibrate(cal, 0.55) - 0.6) < 0.05, `0.55 -> ${calibrate(cal, 0.55)}`);
});
