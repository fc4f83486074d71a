// Money mentions: amount, currency and rate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMoney } from '../../src/nlp/money.js';

// [text, expected [mention text, amount, currency, per]]
const TABLE: Array<[string, Array<[string, number, string, string | undefined]>]> = [
  ['agents were paid $3,000 a month', [['$3,000 a month', 3000, 'USD', 'month']]],
  ['he was offered a $20,000 bonus', [['$20,000', 20000, 'USD', undefined]]],
  ['a $2 trillion economy', [['$2 trillion', 2e12, 'USD', undefined]]],
  ['contracts worth US$2.5bn', [['US$2.5bn', 2.5e9, 'USD', undefined]]],
  ['5 million dollars in cash', [['5 million dollars', 5e6, 'USD', undefined]]],
  ['300,000 Iraqi dinars per month', [['300,000 Iraqi dinars per month', 300000, 'IQD', 'month']]],
  ['fines of €100 and £40', [['€100', 100, 'EUR', undefined], ['£40', 40, 'GBP', undefined]]],
  ['a budget of IRR 3 billion', [['IRR 3 billion', 3e9, 'IRR', undefined]]],
  ['about 2,000 pilgrims and 700 pages', []],
];

test('money mentions with amount, currency and rate', () => {
  for (const [text, want] of TABLE) {
    const got = extractMoney(text).map((m) => [m.text, m.amount, m.currency, m.per]);
    assert.deepEqual(got, want, text);
    for (const m of extractMoney(text)) assert.equal(text.slice(m.start, m.end), m.text);
  }
});
