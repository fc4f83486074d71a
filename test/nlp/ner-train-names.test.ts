// The train-name list of the Persian and Arabic models: types and reliability per phrase, cross-fold lists that
// leave a document's own fold out, features at the listed tokens, and the list surviving a model file round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTrainNames, crossFoldTrainNames } from '../../scripts/ner-train-names.js';
import { reliabilityBit, trainNameFeatures, TRAIN_NAME_BITS } from '../../src/nlp/ner/train-names.js';
import { FeatureExtractor, type Lexicon } from '../../src/nlp/ner/features.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { loadModelFile, saveModel } from '../../src/nlp/ner/model-io.js';
import type { ConllDocument } from '../../src/nlp/ner/conll.js';

// Invented sentences in the training sets' style (one per document): a ministry twice, a word that is a name once
// ("العربی" as a newspaper) and common elsewhere, a city.
const sentence = (tokens: string, tags: string): ConllDocument => ({ sentences: [{ tokens: tokens.split(' '), tags: tags.split(' ') }] });
const docs: ConllDocument[] = [
  sentence('وزارت امور خارجه اعلام کرد', 'B-ORG I-ORG I-ORG O O'),
  sentence('سخنگوی وزارت امور خارجه گفت', 'O B-ORG I-ORG I-ORG O'),
  sentence('روزنامه العربی نوشت', 'O B-ORG O'),
  sentence('زبان العربی و فارسی', 'O O O O'),
  sentence('در شیراز باران آمد', 'O B-LOC O O'),
];

test('the list keeps each phrase with its types and how often its occurrences were names', () => {
  const list = buildTrainNames(docs);
  const ministry = list.lookup(['وزارت', 'امور', 'خارجه']);
  assert.equal(ministry & TRAIN_NAME_BITS.ORG, TRAIN_NAME_BITS.ORG);
  assert.equal(ministry & TRAIN_NAME_BITS.always, TRAIN_NAME_BITS.always);
  const paper = list.lookup(['العربی']);
  assert.equal(paper & TRAIN_NAME_BITS.ORG, TRAIN_NAME_BITS.ORG);
  // Named once in two occurrences: "mostly", not "always".
  assert.equal(paper & TRAIN_NAME_BITS.mostly, TRAIN_NAME_BITS.mostly);
  assert.equal(list.lookup(['باران']), 0);
  assert.equal(reliabilityBit(1, 5), TRAIN_NAME_BITS.rarely);
});

test('cross-fold lists leave out the names of a document’s own fold', () => {
  const lists = crossFoldTrainNames(docs, 5);
  assert.equal(lists.length, docs.length);
  // The city is named only in the last document: its own list does not have it, the others do.
  assert.equal(lists[4]!.lookup(['شیراز']), 0);
  assert.notEqual(lists[0]!.lookup(['شیراز']), 0);
  // The ministry is in two documents: each sees it through the other.
  assert.notEqual(lists[0]!.lookup(['وزارت', 'امور', 'خارجه']), 0);
  assert.notEqual(lists[1]!.lookup(['وزارت', 'امور', 'خارجه']), 0);
});

test('features mark the first, inner and last tokens of a listed phrase; unlisted tokens get none', () => {
  const list = buildTrainNames(docs);
  const f = trainNameFeatures(list, ['به', 'وزارت', 'امور', 'خارجه', 'رفت']);
  assert.equal(f[0]!.length, 0);
  assert.equal(f[4]!.length, 0);
  assert.ok(f[1]!.length > 0 && f[2]!.length > 0 && f[3]!.length > 0);
  // B, I and L positions are different features.
  assert.notDeepEqual(f[1], f[2]);
  assert.notDeepEqual(f[2], f[3]);
});

test('a document state’s own list replaces the lexicon’s; the list survives a model file round trip', () => {
  const full = buildTrainNames(docs);
  const lexicon: Lexicon = { script: 'arabic', gazetteer: new Gazetteer(), capBuckets: new Map(), clusters: new Map(), trainNames: full };
  const ex = new FeatureExtractor(lexicon);
  const tokens = ['در', 'شیراز', 'باران', 'آمد'];
  const withList = ex.sentence(tokens, ex.scanDocument([tokens])).feats.length;
  const state = ex.scanDocument([tokens]);
  state.trainNames = crossFoldTrainNames(docs, 5)[4]!;
  assert.ok(ex.sentence(tokens, state).feats.length < withList, 'the fold list lacks the city');
  const path = join(mkdtempSync(join(tmpdir(), 'tn-')), 'm.bin.gz');
  const T = 3;
  saveModel(path, { version: 't', lexicon, pruneBelow: 0, params: { keys: new Uint32Array([1]), weights: new Float32Array(T), transitions: { tags: ['O', 'U-LOC', 'U-ORG'], scores: new Float32Array(T * T), start: new Float32Array(T) } } });
  const loaded = loadModelFile(path).lexicon.trainNames;
  assert.deepEqual(loaded?.entries(), full.entries());
});

test('token roles: a token inside listed names marks tokens of unlisted names built from it', () => {
  const list = buildTrainNames(docs);
  // "وزارت" opens an ORG in training; "وزارت نیرو" is not listed, yet its first token gets role features.
  const f = trainNameFeatures(list, ['وزارت', 'نیرو', 'گفت']);
  assert.ok(f[0]!.length > 0);
  assert.equal(f[1]!.length, 0);
  assert.equal(f[2]!.length, 0);
  // Without roles in the list (NER_TOKEN_ROLES=0), the same tokens get nothing.
  const before = process.env.NER_TOKEN_ROLES;
  process.env.NER_TOKEN_ROLES = '0';
  try {
    assert.equal(trainNameFeatures(buildTrainNames(docs), ['وزارت', 'نیرو', 'گفت'])[0]!.length, 0);
  } finally {
    if (before === undefined) delete process.env.NER_TOKEN_ROLES;
    else process.env.NER_TOKEN_ROLES = before;
  }
});
