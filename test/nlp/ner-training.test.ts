// NER training: partial (silver) labels, domain copies of features, feature dropout; on small hand-made documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureExtractor, type Lexicon } from '../../src/nlp/ner/features.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { mixHash } from '../../src/nlp/ner/hash.js';
import { trainPerceptron, type TrainingDocument } from '../../src/nlp/ner/perceptron.js';
import { viterbi } from '../../src/nlp/ner/decode.js';
import { emissionScores, WeightTable } from '../../src/nlp/ner/weight-table.js';
import { MODEL_TAGS } from '../../src/nlp/ner/tags.js';

const T = MODEL_TAGS.length;
const tag = (t: string): number => MODEL_TAGS.indexOf(t);
const lexicon = (): Lexicon => ({ clusters: new Map(), capBuckets: new Map(), gazetteer: new Gazetteer() });

function doc(sentences: Array<[string, string[]]>): TrainingDocument {
  return { sentences: sentences.map(([text, tags]) => ({ tokens: text.split(' '), gold: Int32Array.from(tags, tag) })) };
}

// Gold: "Zorbic" is MISC (a nationality-like word), names of people are PER.
const GOLD: TrainingDocument[] = [
  doc([['The Zorbic delegation met Anna Berg .', ['O', 'U-MISC', 'O', 'O', 'B-PER', 'L-PER', 'O']]]),
  doc([['A Zorbic official said Karl Vint left .', ['O', 'U-MISC', 'O', 'O', 'B-PER', 'L-PER', 'O', 'O']]]),
  doc([['Zorbic troops saw Mira Holt .', ['U-MISC', 'O', 'O', 'B-PER', 'L-PER', 'O']]]),
];
// Silver: the same word left unlabelled (the silver set has no MISC), people labelled.
const SILVER_TEXT: Array<[string, string[]]> = Array.from({ length: 6 }, (_, i) => [
  `The Zorbic envoy met Ola Sand${i} .`,
  ['O', 'O', 'O', 'O', 'B-PER', 'L-PER', 'O'],
]);

function silver(partial: boolean, domain?: number): TrainingDocument[] {
  return SILVER_TEXT.map((s) => {
    const d = doc([s]);
    if (partial) {
      for (const sent of d.sentences) {
        const allowed = new Uint8Array(sent.tokens.length * T);
        sent.gold.forEach((g, i) => {
          allowed[i * T + g] = 1;
          if (g === 0) for (const t of ['B-MISC', 'I-MISC', 'L-MISC', 'U-MISC']) allowed[i * T + tag(t)] = 1;
        });
        sent.allowed = allowed;
      }
    }
    return domain ? { ...d, domain } : d;
  });
}

function tagOf(docs: TrainingDocument[], sentence: string, word: string, opts: { dropout?: number } = {}): string {
  const ex = new FeatureExtractor(lexicon());
  const p = trainPerceptron(docs, MODEL_TAGS, ex, { epochs: 8, seed: 3, minCount: 1, ...opts });
  const table = new WeightTable(p.keys, p.weights, T);
  const tokens = sentence.split(' ');
  const { feats, starts } = ex.sentence(tokens, ex.scanDocument([tokens]));
  const best = viterbi(emissionScores((k) => table.row(k), table.weights, T, feats, starts), tokens.length, p.transitions);
  return MODEL_TAGS[best[tokens.indexOf(word)]!]!;
}

test('silver sentences with partial labels do not unlearn a type they lack; hard O labels do', () => {
  const probe = 'The Zorbic envoy met Ola Sand9 .';
  assert.equal(tagOf([...GOLD, ...silver(true)], probe, 'Zorbic'), 'U-MISC');
  assert.equal(tagOf([...GOLD, ...silver(false)], probe, 'Zorbic'), 'O');
});

test('domain copies of features are trained but left out of the result', () => {
  const ex = new FeatureExtractor(lexicon());
  const domain = 0x1234;
  const docs = [...GOLD, ...silver(false, domain)];
  const p = trainPerceptron(docs, MODEL_TAGS, ex, { epochs: 4, seed: 1, minCount: 1 });
  const keys = new Set(p.keys);
  const copies = new Set<number>();
  for (const d of docs.slice(GOLD.length)) {
    const tokens = d.sentences[0]!.tokens;
    for (const f of ex.sentence(tokens, ex.scanDocument([tokens])).feats) copies.add(mixHash(f, domain));
  }
  assert.ok([...copies].every((k) => !keys.has(k)));
  // The shared features still learnt from the silver people.
  assert.equal(tagOf(docs, 'The envoy met Ola Sand2 .', 'Sand2'), 'L-PER');
});

test('feature dropout is deterministic for a seed', () => {
  const run = (): Float32Array => trainPerceptron(GOLD, MODEL_TAGS, new FeatureExtractor(lexicon()), { epochs: 3, seed: 5, minCount: 1, dropout: 0.3 }).weights;
  assert.deepEqual(run(), run());
});
