// Tokenization the way CoNLL-2003 splits text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/tokenize.js';

const TABLE: Array<[string, string[]]> = [
  ['Revolutionary Guard Gen. Qassem Soleimani, center', ['Revolutionary', 'Guard', 'Gen.', 'Qassem', 'Soleimani', ',', 'center']],
  ['George W. Bush in the U.S. on Sept. 18.', ['George', 'W.', 'Bush', 'in', 'the', 'U.S.', 'on', 'Sept.', '18', '.']],
  ["Iran's IRGC doesn't", ['Iran', "'s", 'IRGC', 'does', "n't"]],
  ["Asa'ib Ahl al-Haq", ["Asa'ib", 'Ahl', 'al-Haq']],
  ['BRUSSELS 1996-08-22 $3,000', ['BRUSSELS', '1996-08-22', '$', '3,000']],
  ['a 26-year-old hit .596 in 2011.', ['a', '26-year-old', 'hit', '.596', 'in', '2011', '.']],
  ['1. Iran 2. Iraq', ['1.', 'Iran', '2', '.', 'Iraq']],
];

test('tokens as CoNLL-2003 writes them', () => {
  for (const [text, want] of TABLE) assert.deepEqual(tokenize(text).map((t) => t.text), want, text);
});

test('offsets, and tokenizing a slice', () => {
  const text = 'Met Abu Mahdi al-Muhandis.';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(tokenize(text, 4, 13).map((t) => t.text), ['Abu', 'Mahdi']);
});

test('a soft hyphen inside a word (from HTML, or a reading view joining a broken word) leaves one token, read without it', () => {
  const text = 'Colonel Man\u00adsouri of the Iran-\u00adbacked Opera\u00ad\u00adtions Command';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.text), ['Colonel', 'Mansouri', 'of', 'the', 'Iran-backed', 'Operations', 'Command']);
  // Offsets still cover the stored characters.
  assert.equal(text.slice(tokens[1]!.start, tokens[1]!.end), 'Man\u00adsouri');
});
