// conllChunks reads name chunks from IOB2 tags (CoNLL-2003, Wikigold) and IOB1 tags (I- opening a chunk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conllChunks } from '../../src/nlp/ner/conll.js';

test('IOB2: B- opens, I- of the same type continues, adjacent B- tags are two chunks', () => {
  assert.deepEqual(conllChunks(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC']), [
    { start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }, { start: 4, end: 6, type: 'LOC' },
  ]);
});

test('IOB1: an I- tag after O or another type opens a chunk; other labels are chunks of their type', () => {
  assert.deepEqual(conllChunks(['I-ORG', 'I-ORG', 'I-PER', 'O', 'I-MISC', 'B-DAT']), [
    { start: 0, end: 2, type: 'ORG' }, { start: 2, end: 3, type: 'PER' }, { start: 4, end: 5, type: 'MISC' }, { start: 5, end: 6, type: 'DAT' },
  ]);
});
