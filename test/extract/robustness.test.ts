// Odd inputs never throw, and every fact's evidence is an exact slice of the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';
import type { EntityType } from '../../src/model/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { InputMention } from '../../src/extract/types.js';

const WORDS = ['Iran', 'Hezbollah', 'Qaani', 'met', 'killed', 'leader', 'of', 'the', ',', 'said', '“', '”', 'in', 'Baghdad', 'and', 'not', 'by', '$5,000', 'he', '(', ')', 'who', 'ally', '’s', '.', '\n\n'];
const TYPES: Record<string, EntityType> = { Iran: 'LOC', Hezbollah: 'ORG', Qaani: 'PERSON', Baghdad: 'LOC' };

/** A deterministic pseudo-random sequence, so failures repeat. */
function* numbers(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x;
  }
}

test('robustness: random word soup gives well-formed facts', () => {
  const rnd = numbers(7);
  for (let doc = 0; doc < 40; doc++) {
    let text = '';
    const mentions: InputMention[] = [];
    for (let i = 0; i < 120; i++) {
      const w = WORDS[rnd.next().value! % WORDS.length]!;
      if (text.length > 0 && !/^[,.’)]/.test(w)) text += ' ';
      if (TYPES[w] !== undefined) mentions.push({ start: text.length, end: text.length + w.length, type: TYPES[w]!, text: w, entityKey: w });
      text += w;
    }
    const result = extract({ documentId: `d${doc}`, text, sentences: splitSentences(text), mentions, dates: [], money: [] });
    for (const f of [...result.relations, ...result.events, ...result.claims]) {
      assert.equal(text.slice(f.evidence.start, f.evidence.end), f.evidence.text);
    }
    for (const r of result.relations) {
      assert.ok(r.confidence > 0 && r.confidence <= 1);
      assert.notEqual(r.source, r.target);
      if (r.claimIndex !== undefined) assert.ok(result.claims[r.claimIndex] !== undefined);
    }
  }
});

test('robustness: empty text, no sentences, and mentions outside every sentence', () => {
  assert.deepEqual(extract({ documentId: 'e', text: '', sentences: [], mentions: [], dates: [], money: [] }), { relations: [], events: [], claims: [] });
  const text = 'Qaani met Hejazi.';
  const stray: InputMention[] = [{ start: 0, end: 5, type: 'PERSON', text: 'Qaani', entityKey: 'Qaani' }, { start: 10, end: 16, type: 'PERSON', text: 'Hejazi', entityKey: 'Hejazi' }];
  assert.deepEqual(extract({ documentId: 'e', text, sentences: [], mentions: stray, dates: [], money: [] }).relations, []);
});
