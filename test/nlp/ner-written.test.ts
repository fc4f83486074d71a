// Persian text our annotators wrote to train the recognizer: names marked in place become tokens with BIO tags, a
// name's tokens tagged whole, the words around it O, and a malformed mark stops the import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { markedSentence, readWrittenNer, writtenNerPath } from '../../scripts/ner-written.js';

test('written NER text: marks become BIO tags over our tokens', () => {
  const { tokens, tags } = markedSentence('به گزارش [خبرگزاری ایرنا|ORG] از [اهواز|LOC]، [علی‌رضا کریمی|PER] روز شنبه گفت.');
  const pairs = tokens.map((t, i) => `${t}/${tags[i]}`);
  assert.deepEqual(pairs.filter((p) => !p.endsWith('/O')), ['خبرگزاری/B-ORG', 'ایرنا/I-ORG', 'اهواز/B-LOC', 'علی‌رضا/B-PER', 'کریمی/I-PER']);
  assert.ok(pairs.includes('،/O') && pairs.includes('از/O'), pairs.join(' '));
  // Two names side by side stay two names.
  assert.deepEqual(markedSentence('[ایران|LOC] [عراق|LOC]').tags, ['B-LOC', 'B-LOC']);
  assert.throws(() => markedSentence('[تهران|CITY] بزرگ است'), /bracket left/);
});

test('written NER text: the stored set reads, every sentence with tokens and tags of equal length', (t) => {
  if (!existsSync(writtenNerPath('fa'))) return t.skip('annotations/written-ner-fa not imported');
  const docs = readWrittenNer('fa');
  assert.ok(docs.length > 0);
  let names = 0;
  for (const d of docs) for (const s of d.sentences) {
    assert.equal(s.tokens.length, s.tags.length);
    names += s.tags.filter((x) => x.startsWith('B-')).length;
  }
  assert.ok(names > 0);
});
