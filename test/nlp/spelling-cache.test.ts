/** The two-generation spelling cache: bounded, and a spelling that recurs stays cached however many one-off ones pass. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpellingCache } from '../../src/nlp/spelling-cache.js';

test('holds at most two generations, keeps what recurs, computes each spelling once while it is held', () => {
  const cache = new SpellingCache<string>(100);
  const computed: string[] = [];
  const compute = (k: string): string => (computed.push(k), k.toUpperCase());
  for (let i = 0; i < 10_000; i++) {
    assert.equal(cache.get('the', compute), 'THE');
    assert.equal(cache.get(`once${i}`, compute), `ONCE${i}`);
    assert.ok(cache.size <= 200, `size ${cache.size}`);
  }
  assert.equal(computed.filter((k) => k === 'the').length, 1, '"the" recurs every other look-up: never dropped');
  assert.equal(computed.length, 10_001);
  // A spelling not seen for more than two generations is dropped and computed again.
  cache.get('once0', compute);
  assert.equal(computed.at(-1), 'once0');
});
