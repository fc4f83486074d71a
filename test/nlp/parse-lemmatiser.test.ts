// The lemmatiser: table lookups for seen (form, tag) pairs, learnt suffix rules for unseen words, lower-case output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { editOf, learnLemmatiser } from '../../src/nlp/parse/lemmatiser.js';
import { defaultParseModelDir, loadParser, PARSE_MODEL_FILE } from '../../src/nlp/parse/index.js';

const W = (form: string, upos: string, lemma: string): { form: string; upos: string; lemma: string } => ({ form, upos, lemma });
// A tiny treebank-like sample: regular plurals and past tenses, irregulars, a clitic.
const SAMPLE = [
  W('cables', 'NOUN', 'cable'), W('tables', 'NOUN', 'table'), W('parties', 'NOUN', 'party'), W('cities', 'NOUN', 'city'),
  W('armies', 'NOUN', 'army'), W('militias', 'NOUN', 'militia'), W('walked', 'VERB', 'walk'), W('talked', 'VERB', 'talk'),
  W('asked', 'VERB', 'ask'), W('went', 'VERB', 'go'), W('children', 'NOUN', 'child'), W("n't", 'PART', 'not'),
  W('was', 'AUX', 'be'), W('Was', 'AUX', 'be'), W('Iran', 'PROPN', 'Iran'), W('paying', 'VERB', 'pay'), W('meeting', 'VERB', 'meet'),
];

test('edits are "strip k, add s"', () => {
  assert.equal(editOf('parties', 'party'), '3\ty');
  assert.equal(editOf('walked', 'walk'), '2\t');
  assert.equal(editOf('went', 'go'), '4\tgo');
});

test('seen forms come from the table, lower-cased; unseen ones from the longest known ending for the tag', () => {
  const lem = learnLemmatiser(SAMPLE);
  assert.equal(lem.lemma('went', 'VERB'), 'go');
  assert.equal(lem.lemma('WAS', 'AUX'), 'be');
  assert.equal(lem.lemma("n't", 'PART'), 'not');
  assert.equal(lem.lemma('Iran', 'PROPN'), 'iran');
  // Unseen: "-ies" -> "-y" and "-ed" -> "" were each seen on several words.
  assert.equal(lem.lemma('militaries', 'NOUN'), 'military');
  assert.equal(lem.lemma('Bombed', 'VERB'), 'bomb');
  // The rules are per tag: a NOUN ending in "-ed" is left alone, as is an unknown name.
  assert.equal(lem.lemma('bed', 'NOUN'), 'bed');
  assert.equal(lem.lemma('Soleimani', 'PROPN'), 'soleimani');
});

test('the shipped model lemmatises regular and irregular forms in context', (t) => {
  if (!existsSync(join(defaultParseModelDir(), PARSE_MODEL_FILE))) return t.skip('no shipped parse model');
  const p = loadParser();
  const r = p.tag(['The', 'militias', 'were', 'paid', 'by', 'two', 'ministries', 'and', 'their', 'leaders', 'went', 'to', 'Tehran', '.']);
  assert.deepEqual(r.lemma, ['the', 'militia', 'be', 'pay', 'by', 'two', 'ministry', 'and', 'their', 'leader', 'go', 'to', 'tehran', '.']);
  const s = p.tag(['She', 'has', 'n\'t', 'met', 'the', 'children', 'who', 'were', 'informing', 'better', 'sources', '.']);
  assert.deepEqual(s.lemma.slice(0, 6), ['she', 'have', 'not', 'meet', 'the', 'child']);
  assert.equal(s.lemma[8], 'inform');
  // An unseen regular form: the suffix rules, not the table.
  assert.equal(p.tag(['The', 'oligarchies', 'outflanked', 'the', 'rebels', '.']).lemma.slice(1, 3).join(' '), 'oligarchy outflank');
});
