// The conlleval-compatible scorer on hand-computed cases: IOB1, IOB2, BILOU and span boundaries.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSentence, emptyCounts, formatCounts, prf } from '../../src/nlp/ner/score.js';
import { parseConll, isIob1, DOCUMENT_MARKER } from '../../src/nlp/ner/conll.js';
import { tagsToChunks } from '../../src/nlp/ner/tags.js';

test('chunks are read the conlleval way from IOB1, IOB2 and BILOU', () => {
  const table: Array<[string[], Array<[number, number, string]>]> = [
    [['B-PER', 'I-PER', 'O', 'B-LOC'], [[0, 2, 'PER'], [3, 4, 'LOC']]],
    // IOB1: I- opens a chunk; B- only separates two adjacent chunks of one type.
    [['I-PER', 'I-PER', 'B-PER', 'O'], [[0, 2, 'PER'], [2, 3, 'PER']]],
    // An I- tag after O or after another type opens a new chunk (as conlleval does with IOB2 errors).
    [['O', 'I-ORG', 'I-LOC'], [[1, 2, 'ORG'], [2, 3, 'LOC']]],
    [['U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'U-ORG'], [[0, 1, 'LOC'], [1, 4, 'ORG'], [4, 5, 'ORG']]],
    [['B-MISC'], [[0, 1, 'MISC']]],
    [[], []],
  ];
  for (const [tags, want] of table) {
    assert.deepEqual(tagsToChunks(tags).map((c) => [c.start, c.end, c.type]), want, tags.join(' '));
  }
});

test('exact span and type: a chunk one token short or of the wrong type counts as both a miss and a false alarm', () => {
  const c = emptyCounts();
  // gold: [Asghar Hejazi]PER met [Quds Force]ORG in [Tehran]LOC
  const gold = ['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC'];
  // predicted: [Hejazi]PER (boundary error), [Quds Force]ORG (correct), [Tehran]ORG (type error)
  const pred = ['O', 'B-PER', 'O', 'B-ORG', 'I-ORG', 'O', 'B-ORG'];
  addSentence(c, gold, pred);
  assert.deepEqual(c.overall, { gold: 3, found: 3, correct: 1 });
  assert.deepEqual(c.byType.get('PER'), { gold: 1, found: 1, correct: 0 });
  assert.deepEqual(c.byType.get('ORG'), { gold: 1, found: 2, correct: 1 });
  assert.deepEqual(c.byType.get('LOC'), { gold: 1, found: 0, correct: 0 });
  assert.equal(c.correctTags, 4);
  const r = prf(c.overall);
  assert.ok(Math.abs(r.precision - 1 / 3) < 1e-12);
  assert.ok(Math.abs(r.f1 - 1 / 3) < 1e-12);
});

test('micro-average over sentences: P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 2/3', () => {
  const c = emptyCounts();
  addSentence(c, ['B-PER', 'O', 'B-LOC'], ['B-PER', 'O', 'B-LOC']);
  addSentence(c, ['B-ORG', 'I-ORG', 'O', 'B-MISC', 'O'], ['B-ORG', 'I-ORG', 'O', 'O', 'B-PER']);
  addSentence(c, ['B-LOC'], ['O']);
  const r = prf(c.overall);
  assert.equal(r.precision, 3 / 4);
  assert.equal(r.recall, 3 / 5);
  assert.ok(Math.abs(r.f1 - 2 / 3) < 1e-12);
  // IOB1 and IOB2 spellings of the same chunks score the same.
  const a = emptyCounts();
  addSentence(a, ['I-PER', 'I-PER', 'O'], ['B-PER', 'I-PER', 'O']);
  assert.equal(prf(a.overall).f1, 1);
});

test('no predictions gives 0, not NaN, and the report lists each type', () => {
  const c = emptyCounts();
  addSentence(c, ['B-PER'], ['O']);
  assert.deepEqual(prf(c.overall), { precision: 0, recall: 0, f1: 0 });
  const lines = formatCounts(c);
  assert.match(lines[0]!, /processed 1 tokens with 1 phrases; found: 0 phrases; correct: 0\./);
  assert.match(lines[2]!, /PER: precision:/);
  assert.throws(() => addSentence(c, ['O'], []), /mismatch/);
});

test('CoNLL files: 4 columns or 2, document markers, IOB1 detection', (t) => {
  // The real files, read from ../shared/data (the data sets are never copied into this repository).
  const data = join(import.meta.dirname, '../../../shared/data');
  const [conll2003, wnut17] = [join(data, 'conll2003/dev.txt'), join(data, 'wnut17/dev.txt')];
  if (!existsSync(conll2003) || !existsSync(wnut17)) return t.skip(`no ${conll2003} or ${wnut17} (read from ../shared/data)`);
  // 4 columns with document markers: one document per marker, the token from the first column, the tag from the last.
  const four = readFileSync(conll2003, 'utf8');
  const docs = parseConll(four);
  assert.equal(docs.length, four.split(/\r?\n/).filter((l) => l.split(' ')[0] === DOCUMENT_MARKER).length);
  const firstLines = four.split(/\r?\n\r?\n/).find((block) => block.trim() && !block.startsWith(DOCUMENT_MARKER))!.split(/\r?\n/);
  assert.deepEqual(docs[0]!.sentences[0]!.tokens, firstLines.map((l) => l.split(' ')[0]));
  assert.deepEqual(docs[0]!.sentences[0]!.tags, firstLines.map((l) => l.split(' ').at(-1)));
  assert.equal(isIob1(docs), false, 'this copy of CoNLL-2003 is IOB2');
  // 2 columns without document markers: every sentence is its own document.
  const two = readFileSync(wnut17, 'utf8');
  const tweets = parseConll(two);
  assert.equal(tweets.length, two.split(/\r?\n\s*\r?\n/).filter((block) => block.trim()).length);
  assert.ok(tweets.every((d) => d.sentences.length === 1));
  assert.equal(isIob1(tweets), false);
  // IOB1: an I- tag opening a chunk.
  assert.equal(isIob1([{ sentences: [{ tokens: ['a', 'b', 'c'], tags: ['I-PER', 'I-PER', 'O'] }] }]), true);
});
