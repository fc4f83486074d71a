/** The relation model's optional hidden layer and word lexicon: what a linear model cannot learn, and the model file. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLASSES, NONE, classOf } from '../../src/extract/relation-model/classes.js';
import { pairFeatures } from '../../src/extract/relation-model/features.js';
import { classProbabilities, loadLinearModel, saveLinearModel } from '../../src/extract/relation-model/linear.js';
import { sentenceViews } from '../../src/extract/relation-model/sentence-view.js';
import { trainLinear, type TrainExample } from '../../src/extract/relation-model/train.js';
import { inputFor } from './helpers.js';

const A = classOf('attacked', false);
// Exclusive or: "a" alone or "b" alone is an attack, both together or neither are not. No linear model separates it.
const XOR: TrainExample[] = Array.from({ length: 40 }, () => [
  { feats: ['bias', 'a'], gold: [A], weight: 1 }, { feats: ['bias', 'b'], gold: [A], weight: 1 },
  { feats: ['bias', 'a', 'b'], gold: [NONE], weight: 1 }, { feats: ['bias'], gold: [NONE], weight: 1 },
]).flat();
const cases = [['bias', 'a'], ['bias', 'b'], ['bias', 'a', 'b'], ['bias']];

test('a hidden layer learns a combination of features that the linear model alone cannot', () => {
  const opts = { epochs: 30, rate: 0.1, l2: 0, minCount: 1, seed: 1 };
  const linear = trainLinear(XOR, opts, 'lin');
  const deep = trainLinear(XOR, { ...opts, hidden: 8 }, 'deep');
  const pl = cases.map((f) => classProbabilities(linear, f)[A]!);
  const pd = cases.map((f) => classProbabilities(deep, f)[A]!);
  assert.ok(pl.every((p) => Math.abs(p - 0.5) < 0.1), `linear stays undecided: ${pl.map((p) => p.toFixed(2))}`);
  assert.ok(pd[0]! > 0.8 && pd[1]! > 0.8 && pd[2]! < 0.2 && pd[3]! < 0.2, `hidden layer: ${pd.map((p) => p.toFixed(2))}`);
});

test('training with a hidden layer is deterministic and the model file round-trips it with the word lexicon', () => {
  const opts = { epochs: 10, rate: 0.1, l2: 1e-3, minCount: 1, seed: 5, dropout: 0.2, hidden: 4 };
  const m1 = trainLinear(XOR, opts, 'v');
  const m2 = trainLinear(XOR, opts, 'v');
  assert.deepEqual(m1.deep, m2.deep);
  m1.lexicon = { soft: new Map([['nominated', ['role_in']]]), cluster: new Map([['nominated', 3]]) };
  const dir = mkdtempSync(join(tmpdir(), 'reldeep-'));
  try {
    saveLinearModel(join(dir, 'm.bin.gz'), m1);
    const back = loadLinearModel(join(dir, 'm.bin.gz'));
    assert.equal(back.deep?.hidden, 4);
    assert.deepEqual(back.lexicon?.soft.get('nominated'), ['role_in']);
    assert.equal(back.lexicon?.cluster.get('nominated'), 3);
    for (const f of cases) {
      const [p, q] = [classProbabilities(m1, f), classProbabilities(back, f)];
      for (let c = 0; c < CLASSES.length; c++) assert.ok(Math.abs(p[c]! - q[c]!) < 2e-3, `${f}: ${p[c]} vs ${q[c]}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the word lexicon adds soft-trigger and cluster features for content words only', () => {
  const text = 'Zarif nominated Abadi for the post in Baghdad.';
  const input = inputFor(text, [['Zarif', 'PERSON'], ['Abadi', 'PERSON'], ['Baghdad', 'LOC']]);
  const view = sentenceViews(input.text, input.sentences, input.mentions)[0]!;
  const words = view.tokens.map((t) => t.text);
  view.parse = {
    upos: words.map((w) => (w === 'nominated' ? 'VERB' : w === 'post' ? 'NOUN' : /^[A-Z]/.test(w) ? 'PROPN' : w === '.' ? 'PUNCT' : 'ADP')),
    lemma: words.map((w) => (w === 'nominated' ? 'nominate' : w.toLowerCase())),
    head: Int32Array.from(words, (w) => (w === 'nominated' ? -1 : 1)), deprel: words.map((w, k) => (w === 'nominated' ? 'root' : k === 0 ? 'nsubj' : k === 2 ? 'obj' : 'obl')),
  };
  const lex = { soft: new Map([['nominated', ['role_in' as const]], ['for', ['paid' as const]]]), cluster: new Map([['nominated', 7]]) };
  const plain = pairFeatures(view, 0, 1);
  const withLex = pairFeatures(view, 0, 1, [], lex);
  assert.ok(!plain.some((f) => f.endsWith('|~') || f.startsWith('lcak:')));
  assert.ok(withLex.includes('tl:role_in|nsubj|obj|~'), withLex.join(' '));
  assert.ok(withLex.includes('lcak:7|nsubj|obj'));
  const later = pairFeatures(view, 1, 2, [], lex);
  assert.ok(later.includes('bw:for'), 'the function word lies between Abadi and Baghdad');
  assert.ok(!later.some((f) => f.startsWith('tb:paid')), 'a function word takes no soft trigger');
});
