/** Enumerations of names: siblings in a list are not a place and its region. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enumerationGroups } from '../../src/extract/relation-model/lists.js';
import { extractRelationsModel, loadRelationModel } from '../../src/extract/relation-model/index.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { InputMention } from '../../src/extract/types.js';

function mentions(text: string, names: string[]): InputMention[] {
  let at = 0;
  return names.map((n) => {
    const start = text.indexOf(n, at);
    at = start + n.length;
    return { start, end: start + n.length, type: 'LOC', text: n, entityKey: n };
  });
}

test('a chain of names is a list with a closing conjunction and three names, or with four names', () => {
  const groups = (text: string, names: string[]): number[] => Array.from(enumerationGroups(text, mentions(text, names)));
  assert.deepEqual(groups('offices in London, Calgary, Toronto, Omaha, New York, Portland (ENA) or Houston', ['London', 'Calgary', 'Toronto', 'Omaha', 'New York', 'Portland', 'ENA', 'Houston']), [0, 0, 0, 0, 0, 0, -1, -1]);
  assert.deepEqual(groups('22 dead in Mosul, Baiji, and Tuz.', ['Mosul', 'Baiji', 'Tuz']), [0, 0, 0]);
  // A place hierarchy is no list; a list ends at its conjunction.
  assert.deepEqual(groups('a meeting in Grozny, Chechnya, Russia on Monday', ['Grozny', 'Chechnya', 'Russia']), [-1, -1, -1]);
  assert.deepEqual(groups('Iran, Iraq and Syria met in Tehran, Iran.', ['Iran', 'Iraq', 'Syria', 'Tehran', 'Iran']), [0, 0, 0, -1, -1]);
  assert.deepEqual(groups('Hezbollah and Hamas', ['Hezbollah', 'Hamas']), [-1, -1]);
});

test('the model gives no located_in between siblings of a list, and still reads "Tehran, Iran"', () => {
  const text = 'If you are located in London, Calgary, Toronto, Omaha, New York or Houston, you can watch. The talks were held in Tehran, Iran.';
  const found = extractRelationsModel(
    { documentId: 'd', text, sentences: splitSentences(text), mentions: mentions(text, ['London', 'Calgary', 'Toronto', 'Omaha', 'New York', 'Houston', 'Tehran', 'Iran']), dates: [], money: [] },
    { model: loadRelationModel(), parse: (words) => loadParser().parse(words) },
  ).filter((r) => r.type === 'located_in' && r.confidence >= 0.5);
  assert.deepEqual(found.map((r) => `${r.source} -> ${r.target}`), ['Tehran -> Iran']);
});
