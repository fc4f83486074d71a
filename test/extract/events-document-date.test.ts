// Events dated against the document date the header states: real-format fixtures read end to end (ingest -> dates ->
// events), so a wrong document date, a wrong relative resolution or a date invented without a document date fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractEvents } from '../../src/extract/events.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { extractDates } from '../../src/nlp/dates.js';
import { inputFor, type HandMention } from './helpers.js';

// [fixture, hand mentions, expected "type date"] (participants are another test's business)
const ROWS: Array<[string, HandMention[], string[]]> = [
  // Dateline 27 November 2019, a Wednesday: "on Monday" is the 25th; "earlier this month" is November.
  ['wire-dateline.txt', [['Karbala', 'LOC']], [
    'attack 2019-11-27', // "stormed ... on Wednesday night"
    'meeting 2019-11-25', // "met the heads of the security forces on Monday"
    'attack 2019-11', // "A similar attack ... was repelled earlier this\nmonth", wrapped
  ]],
  // The top "Sent:" is Wednesday 20 November: "yesterday" is the 19th, "last week" the week of the 11th.
  ['forwarded-chain.txt', [], [
    'meeting 2019-11-19', // "The second meeting took place yesterday"
    // "He met the deputy minister last week and again two\ndays ago": one meeting, dated by the date nearest "met".
    // (Omar wrote on the 19th, but every date is read against the document's, the top message's 20th.)
    'meeting 2019-11',
  ]],
  // No year in the dateline and none elsewhere: "in March" and "last month" cannot be placed, so no event is dated.
  ['wire-no-year.txt', [], []],
];

for (const [file, hand, expected] of ROWS) {
  test(`events of fixtures/dates/${file} dated against its document date`, async () => {
    const doc = await readDocument(file, new Uint8Array(readFileSync(new URL(`../../fixtures/dates/${file}`, import.meta.url))));
    const input = inputFor(doc.text, hand, { dates: extractDates(doc.text, doc.published), documentDate: doc.published });
    const got = extractEvents(input).map((e) => `${e.type} ${e.date}`);
    assert.deepEqual(got, expected);
  });
}

test('events: a relative date without a document date gives no event, never one dated today', () => {
  const text = 'Hejazi met Abu Fadak in Tehran yesterday. The militia attacked the base last week.';
  const input = inputFor(text, [['Hejazi', 'PERSON'], ['Abu Fadak', 'PERSON'], ['Tehran', 'LOC']], { dates: extractDates(text) });
  assert.deepEqual(extractEvents(input), []);
});
