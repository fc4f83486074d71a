/** Coordinated names: the "[A and B] [C]" repair, its document features, and the shipped model on real sentences. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/tokenize.js';
import { Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { DocumentWords, coordFeatures, splitCoordinations, type CoordModel } from '../../src/nlp/ner/coordination.js';
import { loadRecognizer } from '../../src/nlp/ner/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { Chunk } from '../../src/nlp/ner/tags.js';

const lexicon = { capBuckets: new Map<string, number>([['industry', 1]]), gazetteer: new Gazetteer() };
const show = (text: string, chunks: Chunk[]): string[] => {
  const ts = tokenize(text);
  return chunks.map((c) => `${text.slice(ts[c.start]!.start, ts[c.end - 1]!.end)}/${c.type}`);
};

test('splits "[A and B] [C]" into "A" and "B C" when the model says two names, and nothing else', () => {
  const text = 'raids on Harakat Nujaba and Saraya Khorasani fighters';
  const chunks: Chunk[] = [
    { start: 2, end: 6, type: 'ORG' }, // Harakat Nujaba and Saraya
    { start: 6, end: 7, type: 'PER' }, // Khorasani
  ];
  const yes: CoordModel = { version: 't', threshold: 0.5, bias: 1, weights: {} };
  const no: CoordModel = { ...yes, bias: -1 };
  assert.deepEqual(show(text, splitCoordinations(chunks, tokenize(text), lexicon, yes)), ['Harakat Nujaba/ORG', 'Saraya Khorasani/ORG']);
  assert.deepEqual(show(text, splitCoordinations(chunks, tokenize(text), lexicon, no)), ['Harakat Nujaba and Saraya/ORG', 'Khorasani/PER']);
  // A chunk spanning "and" with nothing right after it is never split, whatever the model says.
  const whole = 'the Securities and Exchange Commission said';
  const one: Chunk[] = [{ start: 1, end: 5, type: 'ORG' }];
  assert.deepEqual(show(whole, splitCoordinations(one, tokenize(whole), lexicon, yes)), ['Securities and Exchange Commission/ORG']);
  // A gap between the chunks: not the shape.
  const gap = 'Trade and Industry Minister Tungky Ariwibowo';
  const two: Chunk[] = [{ start: 0, end: 3, type: 'ORG' }, { start: 4, end: 6, type: 'PER' }];
  assert.deepEqual(show(gap, splitCoordinations(two, tokenize(gap), lexicon, yes)), ['Trade and Industry/ORG', 'Tungky Ariwibowo/PER']);
});

test('document features: a side that occurs alone elsewhere, not joined to capitals or a conjunction', () => {
  const sentences = ['Banc One and First Chicago declined', 'Shares of Banc One rose', 'First Chicago and Norwest fell'].map((s) => s.split(' '));
  const words = new DocumentWords(sentences);
  const f = coordFeatures(sentences[0]!, 0, 2, 5, lexicon, { words, sentence: 0 });
  assert.ok(f.includes('lalone'), 'Banc One stands alone in the second sentence');
  assert.ok(!f.includes('ralone'), 'First Chicago only recurs before "and"');
  assert.ok(f.includes('conj:and') && f.includes('ll:2') && f.includes('rl:2'));
  // The words around the conjunction: "Industry" is a common noun in unlabelled text (bucket 1), "Tobago" unknown.
  assert.ok(coordFeatures(['Trade', 'and', 'Industry'], 0, 1, 3, lexicon).includes('rcap:1'));
  assert.ok(coordFeatures(['Trinidad', 'and', 'Tobago'], 0, 1, 3, lexicon).includes('rcap:unk'));
});

test('the shipped recognizer keeps coordinated organisation names apart and whole names whole', () => {
  const rec = loadRecognizer();
  assert.match(rec.version, /\+cablegraph-coord-en-\d+$/);
  const names = (text: string): string[] => rec.recognize(text, splitSentences(text)).map((s) => `${s.text}/${s.type}`);
  const a = 'The extent of these divisions was made apparent in the aftermath of a 26 February US air strike on Kataeb Hezbollah and Kataeb Sayyid al-Shuhada fighters in Syria.';
  const found = names(a);
  assert.ok(found.includes('Kataeb Hezbollah/ORG') && found.includes('Kataeb Sayyid al-Shuhada/ORG'), found.join(', '));
  const b = 'A filing with the Securities and Exchange Commission showed the Ministry of Intelligence and National Security paid him.';
  const foundB = names(b);
  assert.ok(foundB.includes('Securities and Exchange Commission/ORG'), foundB.join(', '));
  assert.ok(foundB.includes('Ministry of Intelligence and National Security/ORG'), foundB.join(', '));
});
