/** The query language: what parses to what, and the errors users see for malformed queries. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, QuerySyntaxError, highlightTerms } from '../../src/store/query.js';
import { toFts5 } from '../../src/store/sqlite/fts-query.js';

const cases: [string, string][] = [
  ['Soleimani', '"soleimani"'],
  ['Quds Force', '("quds" AND "force")'],
  ['"Quds Force"', '"quds force"'],
  ['Sole*', '"sole"*'],
  ['al-Haq', '"al haq"'],
  ['Iran OR Iraq', '("iran" OR "iraq")'],
  ['Iran AND Iraq', '("iran" AND "iraq")'],
  ['cables -Intercept', '("cables" NOT "intercept")'],
  ['cables NOT Intercept NOT Times', '(("cables" NOT "intercept") NOT "times")'],
  ['(Iran OR Iraq) AND spies', '(("iran" OR "iraq") AND "spies")'],
  ['NEAR(Hejazi Fadak, 5)', 'NEAR("hejazi" "fadak", 5)'],
  ['Hejazi NEAR/3 "Abu Fadak"', 'NEAR("hejazi" "abu fadak", 3)'],
  ['near and or', '("near" AND "and" AND "or")'],
  ['"a""b"', '("a" AND "b")'],
];

describe('query parser', () => {
  for (const [input, fts] of cases) {
    it(`${input} -> ${fts}`, () => assert.equal(toFts5(parseQuery(input)), fts));
  }

  const errors: [string, RegExp][] = [
    ['"Quds Force', /Unbalanced quote: the " at position 1 is never closed/],
    ['(Iran OR Iraq', /Unbalanced parenthesis: the "\(" at position 1 is never closed/],
    ['Iran OR Iraq)', /Unbalanced parenthesis: the "\)" at position 13 has no "\("/],
    ['', /Empty query/],
    ['   ', /Empty query/],
    ['Iran OR', /OR at position 6 needs a word/],
    ['-Iran', /cannot only exclude/],
    ['NEAR(Iran, x)', /after the comma put a number/],
    ['NEAR(Iran)', /at least two words/],
    ['(Iran OR Iraq) NEAR spies', /NEAR works on words and phrases/],
    ['*** ', /has no letters or digits/],
  ];
  for (const [input, message] of errors) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseQuery(input), (err: unknown) => err instanceof QuerySyntaxError && message.test(err.message));
    });
  }

  it('highlights positive terms only', () => {
    assert.deepEqual(highlightTerms(parseQuery('"Quds Force" OR Sole* -Iran')), [
      { words: ['quds', 'force'], prefix: false },
      { words: ['sole'], prefix: true },
    ]);
  });
});
