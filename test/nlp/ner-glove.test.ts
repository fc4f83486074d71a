// GloVe word clusters as NER features: looked up by the lower-cased word, firing features of their own (also for a
// word no other table knows), learnt across words of one cluster, kept through a model file round trip; the k-means
// hierarchy that makes them nests its levels and is deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeatureExtractor, type Lexicon } from '../../src/nlp/ner/features.js';
import { neighbourFeatures } from '../../src/nlp/ner/word-features.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { hashString, mixHash } from '../../src/nlp/ner/hash.js';
import { loadModelFile, saveModel } from '../../src/nlp/ner/model-io.js';
import { trainPerceptron, type TrainingDocument } from '../../src/nlp/ner/perceptron.js';
import { MODEL_TAGS } from '../../src/nlp/ner/tags.js';
import { recognizerFromModel } from '../../src/nlp/ner/index.js';
import { WeightTable } from '../../src/nlp/ner/weight-table.js';
import { clusterHierarchy } from '../../scripts/ner-clusters.js';
import { parseGloveSpec } from '../../scripts/glove-clusters.js';

// Invented words: cluster 3 holds places, cluster 5 people (coarse 1 and 2); "kelvar" and "mirel" are never in training.
const PLACES = ['Zorbia', 'Quennat', 'Tarvos', 'Lumbek', 'Ostrang', 'Pelmio'];
const PEOPLE = ['Anselt', 'Bridia', 'Corvek', 'Dashos', 'Evrang', 'Folmio'];
const GLOVE = new Map<string, number[]>([
  ...[...PLACES, 'Kelvar'].map((w): [string, number[]] => [w.toLowerCase(), [1, 3]]),
  ...[...PEOPLE, 'Mirel'].map((w): [string, number[]] => [w.toLowerCase(), [2, 5]]),
]);
const lexicon = (glove?: Map<string, number[]>): Lexicon => ({
  clusters: new Map([['said', [0, 9]]]),
  capBuckets: new Map(),
  gazetteer: new Gazetteer(),
  ...(glove ? { glove } : {}),
});

test('a word only GloVe knows gets its cluster features, looked up in lower case, as a neighbour too', () => {
  const ex = new FeatureExtractor(lexicon(GLOVE));
  const g0 = hashString('g0:1');
  const g1 = hashString('g1:3');
  for (const spelling of ['Kelvar', 'KELVAR', 'kelvar']) {
    const w = ex.word(spelling);
    assert.ok(w.own.includes(g0) && w.own.includes(g1), spelling);
    assert.ok(!w.own.includes(hashString('g:none')));
  }
  const w = ex.word('Kelvar');
  // Next neighbours see both levels, a word two away only the coarsest.
  assert.equal(neighbourFeatures(w, 1).length, w.ctx.length);
  assert.ok(w.ctx.slice(0, w.far).includes(g0) && !w.ctx.slice(0, w.far).includes(g1));
  assert.ok(ex.word('Unheardof').own.includes(hashString('g:none')));
  // Without a GloVe table nothing GloVe fires, and the neighbour window is the old one.
  const plain = new FeatureExtractor(lexicon()).word('Kelvar');
  assert.ok(!plain.own.some((h) => h === g0 || h === g1 || h === hashString('g:none')));
  assert.equal(plain.far, 3);
});

// "X said": places and people in the same context; only the GloVe cluster tells which an unseen word is.
function training(): TrainingDocument[] {
  const tag = (t: string): number => MODEL_TAGS.indexOf(t);
  const docs: TrainingDocument[] = [];
  for (const [w, t] of PLACES.flatMap((p, i) => [[p, 'U-LOC'], [PEOPLE[i]!, 'U-PER']])) {
    for (const tail of ['said .', 'said on Monday .']) {
      const tokens = `${w} ${tail}`.split(' ');
      docs.push({ sentences: [{ tokens, gold: Int32Array.from(tokens, (_, i) => tag(i === 0 ? t! : 'O')) }] });
    }
  }
  return docs;
}

function trainModel(glove?: Map<string, number[]>) {
  const lex = lexicon(glove);
  const extractor = new FeatureExtractor(lex);
  const p = trainPerceptron(training(), MODEL_TAGS, extractor, { epochs: 10, seed: 3, minCount: 1 });
  return { p, lex, extractor };
}

test('the GloVe cluster carries a type learnt on some words to an unseen word of the same cluster', () => {
  const types = (glove?: Map<string, number[]>): Array<string | undefined> => {
    const { p, lex, extractor } = trainModel(glove);
    const rec = recognizerFromModel({ version: 't', tags: MODEL_TAGS, table: new WeightTable(p.keys, p.weights, MODEL_TAGS.length), transitions: p.transitions, lexicon: lex, extractor });
    const type = (text: string): string | undefined => rec.recognize(text, [{ start: 0, end: text.length }]).find((s) => s.text !== 'Monday')?.type;
    return [type('Kelvar said on Monday.'), type('Mirel said on Monday.')];
  };
  assert.deepEqual(types(GLOVE), ['LOC', 'PERSON']);
  // Without the table the two unseen words are not told apart.
  assert.notDeepEqual(types(), ['LOC', 'PERSON']);
});

test('the GloVe table survives the model file; a file without one loads an empty table and has no glove entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-glove-'));
  const { p, lex } = trainModel(GLOVE);
  const file = join(dir, 'with.bin.gz');
  saveModel(file, { version: 'with', params: p, lexicon: lex, pruneBelow: 0 });
  const loaded = loadModelFile(file);
  assert.deepEqual(loaded.lexicon.glove, GLOVE);
  assert.ok(loaded.extractor.word('MIREL').own.includes(hashString('g1:5')));
  assert.equal(loaded.lexicon.gloveCase, undefined);
  // The case-conjoined variant (NER_GLOVE_CASE=1) is recorded in the file and fires for each case class apart.
  const caseFile = join(dir, 'case.bin.gz');
  saveModel(caseFile, { version: 'case', params: p, lexicon: { ...lex, gloveCase: true }, pruneBelow: 0 });
  const cased = loadModelFile(caseFile).extractor;
  assert.ok(cased.word('Mirel').own.includes(mixHash(hashString('g1:5'), cased.word('Mirel').caseClass)));
  assert.ok(!cased.word('Mirel').own.includes(mixHash(hashString('g1:5'), cased.word('mirel').caseClass)));
  assert.ok(cased.word('mirel').own.includes(mixHash(hashString('g1:5'), cased.word('mirel').caseClass)));
  const old = trainModel();
  const oldFile = join(dir, 'without.bin.gz');
  saveModel(oldFile, { version: 'without', params: old.p, lexicon: old.lex, pruneBelow: 0 });
  assert.ok(!gunzipSync(readFileSync(oldFile)).toString('utf8').includes('"glove"'));
  assert.equal(loadModelFile(oldFile).lexicon.glove?.size ?? 0, 0);
});

test('the cluster hierarchy nests its levels and is deterministic', () => {
  // Four well-separated directions in 8 dimensions, 10 noisy points each.
  const dim = 8;
  const n = 40;
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    x[i * dim + (i % 4) * 2] = 1;
    x[i * dim + ((i * 7) % dim)]! += 0.05;
    let s = 0;
    for (let d = 0; d < dim; d++) s += x[i * dim + d]! ** 2;
    for (let d = 0; d < dim; d++) x[i * dim + d]! /= Math.sqrt(s);
  }
  const ids = clusterHierarchy(x, n, dim, [6, 2], () => {});
  assert.deepEqual(clusterHierarchy(x, n, dim, [6, 2], () => {}), ids);
  const coarseOf = new Map<number, number>();
  for (const [coarse, fine] of ids) {
    assert.equal(coarseOf.get(fine!) ?? coarse, coarse, 'a fine cluster lies in one coarse cluster');
    coarseOf.set(fine!, coarse!);
  }
  assert.ok(new Set(ids.map((r) => r[0])).size <= 2);
  assert.deepEqual(parseGloveSpec('1000,200', 'NER_GLOVE')?.levels, [1000, 200]);
  assert.equal(parseGloveSpec(undefined, 'NER_GLOVE'), null);
  assert.equal(parseGloveSpec('0', 'NER_GLOVE'), null);
  assert.throws(() => parseGloveSpec('1000,x', 'NER_GLOVE'), /NER_GLOVE=1000,x/);
});
