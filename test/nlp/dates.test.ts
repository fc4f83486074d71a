// Date mentions: absolute, partial and relative to the document date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates } from '../../src/nlp/dates.js';

// [text, document date, expected [mention text, value, precision, relative]]
const TABLE: Array<[string, string | undefined, Array<[string, string, string, boolean]>]> = [
  ['He held the post until 3 January 2020, when he was killed.', undefined, [['3 January 2020', '2020-01-03', 'day', false]]],
  ['Published November 20th, 2019 - 08:25 GMT', undefined, [['November 20th, 2019', '2019-11-20', 'day', false]]],
  ['In this Sept. 18, 2016 file photo', undefined, [['Sept. 18, 2016', '2016-09-18', 'day', false]]],
  ['In Sept 2018, residents burned the consulate.', undefined, [['Sept 2018', '2018-09', 'month', false]]],
  ['after US troops began pulling out in 2011, the Iranians moved in', undefined, [['2011', '2011', 'year', false]]],
  ['The Intercept on Monday published a lengthy examination.', '2019-11-20', [['Monday', '2019-11-18', 'day', true]]],
  ['Officials met last week in Baghdad.', '2019-11-20', [['last week', '2019-11', 'month', true]]],
  ['in the aftermath of a 26 February US air strike', '2020-03-10', [['26 February', '2020-02-26', 'day', true]]],
  // A day and month late in the year, read in January, belongs to the year before.
  ['on 28 December the base was hit', '2020-01-05', [['28 December', '2019-12-28', 'day', true]]],
  ['a January 2020 US drone strike', undefined, [['January 2020', '2020-01', 'month', false]]],
  ['killed in a drone strike on 3 January\n2020 near the airport', undefined, [['3 January\n2020', '2020-01-03', 'day', false]]],
  ['1996-08-22 BRUSSELS', undefined, [['1996-08-22', '1996-08-22', 'day', false]]],
  ['He arrived yesterday and left three days ago.', '2019-11-20', [['yesterday', '2019-11-19', 'day', true], ['three days ago', '2019-11-17', 'day', true]]],
  // A month named alone is the latest one not after the document date; a clause that looks ahead takes the next one.
  ['The vote was held in May.', '2019-11-20', [['May', '2019-05', 'month', true]]],
  ['The vote is expected in May.', '2019-11-20', [['May', '2020-05', 'month', true]]],
  ['Fighting resumed in mid-2014 and again in early 2016.', undefined, [['2014', '2014', 'year', false], ['2016', '2016', 'year', false]]],
];

test('date mentions and their normalised values', () => {
  for (const [text, docDate, want] of TABLE) {
    const got = extractDates(text, docDate).map((d) => [d.text, d.value, d.precision, d.relative]);
    assert.deepEqual(got, want, text);
  }
});

test('offsets point at the mention', () => {
  const text = 'Since the US invasion in 2003, Iraq has been a battleground.';
  const [d] = extractDates(text);
  assert.equal(text.slice(d!.start, d!.end), '2003');
});

test('no false dates: counts, the verb "may", and relative dates without a document date', () => {
  assert.deepEqual(extractDates('about 2,000 Shia pilgrims; 1500 troops; it may rain'), []);
  assert.deepEqual(extractDates('They met on Monday and again last week.'), []);
  // An impossible day falls back to the month it names.
  assert.deepEqual(extractDates('on 31 February 2020').map((d) => d.value), ['2020-02']);
});

// Relative dates against the document date: [text, document date, expected "mention=value/precision" list].
// 2019-11-20 is a Wednesday; 2019-11-05 a Tuesday whose last week began in October; 2020-01-02 a Thursday whose last
// week ran 23-29 December; 2020-01-07 a Tuesday whose last week crossed the new year.
const RELATIVE: Array<[string, string | undefined, string[]]> = [
  ['They met yesterday.', '2019-11-20', ['yesterday=2019-11-19/day']],
  ['The envoy arrived on Monday.', '2019-11-20', ['Monday=2019-11-18/day']],
  ['The envoy arrived on Wednesday.', '2019-11-20', ['Wednesday=2019-11-20/day']],
  ['The envoy will return on Monday.', '2019-11-20', ['Monday=2019-11-25/day']],
  ['He left last Wednesday.', '2019-11-20', ['last Wednesday=2019-11-13/day']],
  ['They met last week.', '2019-11-20', ['last week=2019-11/month']],
  ['They met last week.', '2019-11-05', ['last week=2019/year']],
  ['They met last week.', '2020-01-02', ['last week=2019-12/month']],
  ['They met last week.', '2020-01-07', []],
  ['The talks resume next week.', '2019-11-20', ['next week=2019/year']],
  ['Protests spread earlier this month.', '2019-11-20', ['this month=2019-11/month']],
  ['Payments stopped last month.', '2020-01-02', ['last month=2019-12/month']],
  ['He was seen two days ago.', '2019-11-20', ['two days ago=2019-11-18/day']],
  ['He was seen two weeks ago.', '2019-11-20', ['two weeks ago=2019-11/month']],
  ['Elections were held last year.', '2019-11-20', ['last year=2018/year']],
  ['Fighting has displaced thousands over the past year.', '2019-11-20', []],
  ['The strike on the base came in March.', '2019-11-20', ['March=2019-03/month']],
  ['The strike on the base came in March.', '2019-01-10', ['March=2018-03/month']],
  ['The consulate burned in December.', '2019-11-20', ['December=2018-12/month']],
  ['The consulate burned in November.', '2019-11-20', ['November=2019-11/month']],
  ['The parliament is expected to vote in March.', '2019-11-20', ['March=2020-03/month']],
  ['They will meet again next March.', '2019-11-20', ['March=2020-03/month']],
  ['They met last March.', '2019-03-10', ['March=2018-03/month']],
  ['They met in March last year.', '2019-11-20', ['March last year=2018-03/month']],
  ['They voted in April of that year.', '2019-11-20', []],
  ['A new round is planned for March next year.', '2019-11-20', ['March next year=2020-03/month']],
  ['The round opens in March next year.', '2019-11-20', ['March next year=2020-03/month']],
  // Wrapped lines: a date split by a line break is still one date.
  ['Protests spread earlier this\nmonth and two\ndays ago.', '2019-11-20', ['this\nmonth=2019-11/month', 'two\ndays ago=2019-11-18/day']],
  // A document dated by its month only: day-level expressions cannot be placed, month-level ones can.
  ['They met yesterday, on Monday, last week, earlier this month and in March.', '2019-11',
    ['this month=2019-11/month', 'March=2019-03/month']],
  // A document dated by its year only: "in March" could be that year's or the one before.
  ['They met last year, this year, in March and on 26 February.', '2019', ['last year=2018/year', 'this year=2019/year']],
  // No document date: no relative date at all, and never today's.
  ['They met yesterday, on Monday, last week, earlier this month, two days ago, last year and in March.', undefined, []],
];

for (const [text, documentDate, want] of RELATIVE) {
  test(`relative to ${documentDate ?? 'no document date'}: ${text}`, () => {
    const got = extractDates(text, documentDate).map((d) => `${d.text}=${d.value}/${d.precision}`);
    assert.deepEqual(got, want);
    assert.ok(extractDates(text, documentDate).every((d) => d.relative), 'every mention here is relative');
  });
}
