// Reference detection: [case, sentence, names, expected "text kind [count] [order]" of every reference found, in order].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../../src/model/index.js';
import { detectReferences } from '../../src/extract/coref/detect.js';
import { sentenceItems } from '../../src/extract/coref/sentence.js';
import { mentionsFromNames } from './helpers.js';

type Row = [name: string, sentence: string, names: [string, EntityType, string][], expected: string[]];

const ROWS: Row[] = [
  ['personal pronouns and possessive determiners', 'He said their militia paid him and its leaders.', [], ['He pronoun', 'their possessive', 'him pronoun', 'its possessive']],
  ['"her" before a noun is a determiner, before a verb or the end an object', 'She told her aides to call her.', [], ['She pronoun', 'her possessive', 'her pronoun']],
  ['descriptions need a head from the lexicon', 'The militia attacked the bridge near the capital.', [], ['The militia definite', 'the capital definite']],
  ['a demonym may sit inside a description', 'The Iraqi militia said it would retaliate.', [['Iraqi', 'MISC', 'iraq']], ['The Iraqi militia definite', 'it pronoun']],
  ['a description followed by its name is not a reference', 'The militia Kataib Hezbollah denied it.', [['Kataib Hezbollah', 'ORG', 'kh']], ['it pronoun']],
  ['"the head of X" is anchored, not a reference (the agency is one)', 'The head of the agency resigned.', [], ['the agency definite']],
  ['a head that goes on as a longer noun is not one', 'The military campaign ended.', [], []],
  ['counted collectives', 'The last three answer to the IRGC, both agencies said, and all four groups agreed.', [['IRGC', 'ORG', 'irgc']],
    ['The last three collective 3 last', 'both agencies collective 2', 'all four groups collective 4']],
  ['"the first six months" counts a noun the lexicon does not know', 'In the first six months the two men met twice.', [], ['the two men collective 2']],
  ['"both X and Y" is a coordination', 'Both Iraqi troops and Kurdish forces attacked.', [], []],
  ['plural descriptions are collectives', 'These factions answer to Tehran.', [['Tehran', 'LOC', 'tehran']], ['These factions collective']],
  ['capitalised words are names, not descriptions', 'The Netherlands joined the coalition.', [], ['the coalition definite']],
];

for (const [name, sentence, names, expected] of ROWS) {
  test(`coref detection: ${name}`, () => {
    const mentions = mentionsFromNames(sentence, names);
    const { items } = sentenceItems(sentence, { start: 0, end: sentence.length }, mentions, 0);
    const found = detectReferences(items).map((r) =>
      [sentence.slice(r.start, r.end), r.kind, r.count || '', r.order ?? ''].filter((x) => x !== '').join(' '));
    assert.deepEqual(found, expected);
  });
}

test('coref detection: pleonastic "it" is flagged, referring "it" is not', () => {
  const flags = (sentence: string): boolean[] => {
    const { items } = sentenceItems(sentence, { start: 0, end: sentence.length }, [], 0);
    return detectReferences(items).filter((r) => /^it$/i.test(sentence.slice(r.start, r.end))).map((r) => r.pleonastic);
  };
  assert.deepEqual(flags('It is likely that Iran will respond.'), [true]);
  assert.deepEqual(flags('It was not clear whether the strike was authorised.'), [true]);
  assert.deepEqual(flags("It 's too early to tell."), [true]);
  assert.deepEqual(flags('It seems the talks failed.'), [true]);
  assert.deepEqual(flags('It was reported that the envoy left.'), [true]);
  assert.deepEqual(flags('The group said it was doing its best to help.'), [false]);
  assert.deepEqual(flags('It attacked the base on Monday.'), [false]);
});
