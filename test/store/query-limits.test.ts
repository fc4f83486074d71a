/** Caps on a query's cost: each limit passes at its value and fails one above it, with a message naming limit and value. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseQuery, QueryLimitError, QuerySyntaxError, QUERY_LIMITS } from '../../src/store/query.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const L = QUERY_LIMITS;
const words = (n: number, word = (i: number) => `w${i}`): string[] => Array.from({ length: n }, (_, i) => word(i));
const nested = (depth: number): string => `${'('.repeat(depth)}Iran OR Iraq${')'.repeat(depth)}`;

// [limit, a query at the limit, a query one over it, the message for the one over]
const limits: [string, string, string, RegExp][] = [
  ['maxLength', words(32, () => 'a'.repeat(61)).join(' ').padEnd(L.maxLength, 'b'), 'x'.repeat(L.maxLength + 1),
    /^A query may be at most 2,000 characters long; this one has 2,001\.$/],
  ['maxTerms', words(L.maxTerms).join(' OR '), words(L.maxTerms + 1).join(' OR '),
    /^A query may hold at most 64 terms; this one has 65\.$/],
  ['maxTerms (phrase words count)', `"${words(L.maxTerms - 1).join(' ')}" x`, `"${words(L.maxTerms).join(' ')}" x`,
    /at most 64 terms; this one has 65/],
  ['maxTerms (NOT-ed words count)', `a ${words(L.maxTerms - 1).map((w) => `-${w}`).join(' ')}`, `a ${words(L.maxTerms).map((w) => `-${w}`).join(' ')}`,
    /at most 64 terms; this one has 65/],
  ['maxPrefixTerms', words(L.maxPrefixTerms, (i) => `kat${i}*`).join(' OR '), words(L.maxPrefixTerms + 1, (i) => `kat${i}*`).join(' OR '),
    /^A query may hold at most 8 prefix terms \(word\*\); this one has 9\.$/],
  ['maxNearOperands', `NEAR(${words(L.maxNearOperands).join(' ')}, 10)`, `NEAR(${words(L.maxNearOperands + 1).join(' ')}, 10)`,
    /^A NEAR may join at most 8 words or phrases; this one joins 9\.$/],
  ['maxNearOperands (a NEAR b chains)', words(L.maxNearOperands).join(' NEAR '), words(L.maxNearOperands + 1).join(' NEAR '),
    /this one joins 9/],
  ['maxNearDistance', `Hejazi NEAR/${L.maxNearDistance} Fadak`, `NEAR(Hejazi Fadak, ${L.maxNearDistance + 1})`,
    /^A NEAR distance may be at most 100 words; this one is 101\.$/],
  ['maxDepth', nested(L.maxDepth), nested(L.maxDepth + 1),
    /^Parentheses may nest at most 8 deep; this query nests 9 deep\.$/],
];

describe('query limits', () => {
  for (const [limit, atLimit, over, message] of limits) {
    it(`${limit}: allows ${limit.startsWith('maxLength') ? `${atLimit.length} characters` : 'the limit'}, refuses one more`, () => {
      assert.doesNotThrow(() => parseQuery(atLimit));
      assert.throws(() => parseQuery(over), (err: unknown) => {
        assert.ok(err instanceof QueryLimitError, `a QueryLimitError, got ${String(err)}`);
        assert.ok(err instanceof QuerySyntaxError, 'reported wherever syntax errors are');
        assert.equal(err.limit, limit.split(' ')[0]);
        assert.equal(err.value, err.max + 1);
        assert.match(err.message, message);
        return true;
      });
    });
  }

  // The queries of the hardening report (issue 14): 15-30 s each on a 7,000-document store before the limits.
  const reported: [string, string, RegExp][] = [
    ['330 x a* joined by OR', Array(330).fill('a*').join(' OR '), /at most 64 terms; this one has 330\./],
    ['"the " x 399', 'the '.repeat(399), /at most 64 terms; this one has 399\./],
    ['NEAR of 160 common words', `NEAR(${words(160, (i) => ['the', 'of', 'and', 'to', 'in'][i % 5]!).join(' ')}, 10)`, /at most 64 terms; this one has 160\./],
    ['10,000 x Iran (the CLI had no cap)', 'Iran '.repeat(10_000), /at most 2,000 characters long; this one has 50,000\./],
    ['a NEAR of 9 words', 'NEAR(the of and to in a is for on, 10)', /NEAR may join at most 8 .* joins 9/],
  ];
  for (const [name, query, message] of reported) {
    it(`refuses ${name}`, () => assert.throws(() => parseQuery(query), (err: unknown) => err instanceof QueryLimitError && message.test(err.message)));
  }

  const investigative = [
    '(Soleimani OR Suleimani OR Soleymani OR Solaimani) AND ("Quds Force" OR IRGC OR "Revolutionary Guard") -Intercept',
    'Kata* NEAR/5 Hezb*',
    'NEAR(Hejazi "Abu Fadak" Muhandis, 20)',
    '("Ministry of Intelligence" OR MOIS OR VAJA) AND (Iraq* OR Baghdad OR Najaf OR Karbala OR Basra) AND (recruit* OR asset* OR informant*)',
  ];
  for (const query of investigative) {
    it(`accepts ${query}`, () => assert.doesNotThrow(() => parseQuery(query)));
  }
});

describe('prefix expansion limit (checked against the store vocabulary)', () => {
  // One document holding exactly maxPrefixExpansion words that start with "zqa", and one more word starting with "zqb".
  const vocabulary = Array.from({ length: L.maxPrefixExpansion }, (_, i) => `zqa${i.toString(36)}`);
  const text = `Ledger entries ${vocabulary.join(' ')} zqbend.`;
  const stores: Store[] = [];
  after(async () => { for (const s of stores) await s.close(); });

  for (const [name, readers] of [['in a reader process', 3], ['on the calling thread', 0]] as const) {
    it(`counts the words a prefix stands for, ${name}`, async () => {
      const store = new SqliteStore(join(tempDir(), 'vocab.db'), { searchReaders: readers });
      stores.push(store);
      await store.migrate();
      const bytes = new TextEncoder().encode(text);
      await store.putDocuments([{ collection: 'c', sentences: [], doc: { sha256: 'a'.repeat(64), path: 'v.txt', format: 'text', text, original: bytes } }]);
      const search = (q: string) => store.search({ query: parseQuery(q), limit: 5, offset: 0 }, ALL_COLLECTIONS);
      assert.equal((await search('zqa*')).total, 1, 'exactly at the limit');
      assert.equal((await search('zqb*')).total, 1);
      await assert.rejects(search('zq*'), (err: unknown) => err instanceof QueryLimitError && err.limit === 'maxPrefixExpansion'
        && /^A prefix may stand for at most 1,000 different words; "zq\*" stands for 1,001 in this store: type more of the word\.$/u.test(err.message));
      await assert.rejects(search('Ledger OR zq*'), QueryLimitError, 'checked wherever the prefix sits in the query');
    });
  }
});
