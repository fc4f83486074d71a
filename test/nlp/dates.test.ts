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
  ['1996-08-22 BRUSSELS', undefined, [['1996-08-22', '1996-08-22', 'day', false]]],
  ['He arrived yesterday and left three days ago.', '2019-11-20', [['yesterday', '2019-11-19', 'day', true], ['three days ago', '2019-11-17', 'day', true]]],
  ['The vote is expected in May.', '2019-11-20', [['May', '2019-05', 'month', true]]],
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
