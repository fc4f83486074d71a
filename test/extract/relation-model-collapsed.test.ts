/** Relation candidates and features added for recall: MISC ends, collapsed conj/appos paths, features once per pair. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairFeatures } from '../../src/extract/relation-model/features.js';
import { canBeRelationEnd, sentenceViews } from '../../src/extract/relation-model/sentence-view.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import type { InputMention } from '../../src/extract/types.js';
import { inputFor } from './helpers.js';

const misc = (text: string): InputMention => ({ start: 0, end: text.length, type: 'MISC', text, entityKey: text });

test('MISC ends: peoples and name-participle compounds, not events or products', () => {
  for (const yes of ['Iraqi', 'Kurds', 'Iraqi Kurdish', 'South Korean', 'U.S.-led', 'Serb-held', 'Toronto-based']) assert.ok(canBeRelationEnd(misc(yes)), yes);
  for (const no of ['Euro 96', 'World Cup', 'Grand Prix', 'Windows', 'Kurdish New Year']) assert.equal(canBeRelationEnd(misc(no)), false, no);
});

const parser = loadParser();

/** Features of the pair of the named mentions in a parsed sentence. */
function featuresOf(text: string, names: [string, InputMention['type']][], a: number, b: number): string[] {
  const input = inputFor(text, names);
  const view = sentenceViews(input.text, input.sentences, input.mentions)[0]!;
  view.parse = parser.parse(view.tokens.map((t) => t.text));
  return pairFeatures(view, a, b);
}

test('a later conjunct gets the predicate features of the first: "X and Y attacked Z"', () => {
  const names: [string, InputMention['type']][] = [['Armenia', 'LOC'], ['Azerbaijan', 'LOC'], ['Karabakh', 'LOC']];
  const text = 'Armenia and Azerbaijan attacked Karabakh on Monday.';
  // Read plainly the second name's path starts with conj ("p:conj<nsubj|obj"); collapsed it is the subject's.
  const first = featuresOf(text, names, 0, 2).filter((f) => f.startsWith('p:'));
  const second = featuresOf(text, names, 1, 2);
  assert.ok(first.length > 0);
  for (const f of first) assert.ok(second.includes(f), `${f} also for the second conjunct`);
});

test('an appositive name gets the features of the noun it renames: "his deputy, X, met Y"', () => {
  const names: [string, InputMention['type']][] = [['Ali Hassan', 'PERSON'], ['Jones', 'PERSON']];
  const f = featuresOf('The deputy, Ali Hassan, met Jones in Cairo.', names, 0, 1);
  assert.ok(f.includes('p:nsubj|obj|PP'), f.filter((x) => x.startsWith('p:')).join(' '));
});

test('each feature appears once per pair', () => {
  const f = featuresOf('Smith said the the the minister of the interior met Jones.', [['Smith', 'PERSON'], ['Jones', 'PERSON']], 0, 1);
  assert.equal(new Set(f).size, f.length);
});
