// CoNLL-U reading (multiword-token ranges and empty nodes skipped) and re-tokenisation to Cablegraph's tokenizer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConllu } from '../../src/nlp/parse/conllu.js';
import { retokenise } from '../../src/nlp/parse/retokenise.js';

// Shaped like UD English EWT: a multiword token ("don't"), an empty node (8.1), SpaceAfter=No, a hyphenated compound.
const SAMPLE = [
  '# sent_id = test-0001',
  '# text = I don\'t like 15-year terms.',
  '1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_',
  '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_',
  '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_',
  '4\tlike\tlike\tVERB\tVB\t_\t0\troot\t0:root\t_',
  '5\t15\t15\tNUM\tCD\t_\t7\tnummod\t7:nummod\tSpaceAfter=No',
  '6\t-\t-\tPUNCT\tHYPH\t_\t5\tpunct\t5:punct\tSpaceAfter=No',
  '7\tyear\tyear\tNOUN\tNN\t_\t8\tcompound\t8:compound\t_',
  '7.1\tlike\tlike\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4',
  '8\tterms\tterm\tNOUN\tNNS\t_\t4\tobj\t4:obj\tSpaceAfter=No',
  '9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_',
  '',
  '# sent_id = test-0002',
  '# text = Hello',
  '1\tHello\thello\tINTJ\tUH\t_\t0\troot\t0:root\t_',
  '',
].join('\n');

test('reads words with 0-based heads, keeps ranges aside and drops empty nodes', () => {
  const [s, t] = parseConllu(SAMPLE);
  assert.ok(s && t);
  assert.equal(s.id, 'test-0001');
  assert.equal(s.text, "I don't like 15-year terms.");
  assert.deepEqual(s.words.map((w) => w.form), ['I', 'do', "n't", 'like', '15', '-', 'year', 'terms', '.']);
  assert.deepEqual(s.words.map((w) => w.head), [3, 3, 3, -1, 6, 4, 7, 3, 3]);
  assert.deepEqual(s.ranges, [{ form: "don't", first: 1, last: 2, spaceAfter: true }]);
  assert.equal(s.words[4]!.spaceAfter, false);
  assert.equal(s.words[3]!.spaceAfter, true);
  assert.deepEqual(t.words.map((w) => [w.form, w.head, w.deprel]), [['Hello', -1, 'root']]);
});

test('a CRLF file reads the same, and a line with too few columns is an error', () => {
  assert.deepEqual(parseConllu(SAMPLE.replace(/\n/g, '\r\n')), parseConllu(SAMPLE));
  assert.throws(() => parseConllu('1\tword\tword\n'), /columns/);
});

test('re-tokenising merges "15 - year" into one word headed like its head part, keeps "do n\'t" apart', () => {
  const [s] = parseConllu(SAMPLE);
  const r = retokenise(s!);
  assert.ok(r);
  assert.deepEqual(r.words.map((w) => w.form), ['I', 'do', "n't", 'like', '15-year', 'terms', '.']);
  // "15-year" takes the place of "year" (the part nearest the root): compound of "terms".
  assert.deepEqual(r.words.map((w) => w.head), [3, 3, 3, -1, 5, 3, 3]);
  assert.equal(r.words[4]!.deprel, 'compound');
  assert.equal(r.words[4]!.lemma, '15-year');
});

test('a sentence our tokenizer splits inside a treebank word is not re-tokenised', () => {
  const text = ['# text = see www.example.com now', '1\tsee\tsee\tVERB\tVB\t_\t0\troot\t_\t_', '2\twww.example.com\twww.example.com\tX\tADD\t_\t1\tobj\t_\t_', '3\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\t_', ''].join('\n');
  const [s] = parseConllu(text);
  const r = retokenise(s!);
  // Either unchanged (the tokenizer keeps the address whole) or refused; never a tree over split pieces.
  assert.ok(r === null || r === s);
});
