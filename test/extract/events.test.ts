// Dated events: [sentence, hand-written mentions, dates from extractDates, expected "type date participants @place"].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents } from '../../src/extract/events.js';
import { extractDates } from '../../src/nlp/dates.js';
import { inputFor, type HandMention } from './helpers.js';

type Row = [name: string, text: string, mentions: HandMention[], documentDate: string, expected: string[]];

const ROWS: Row[] = [
  [
    'a killing with a full date; a pronoun stands for the person named before it',
    'Yet they remained under Soleimani’s control until 3 January 2020, when he and Abu Mahdi al-Muhandis, the godfather of most Iraqi armed factions, were killed.',
    [['Soleimani', 'PERSON'], ['Abu Mahdi al-Muhandis', 'PERSON', 'Muhandis'], ['Iraqi', 'MISC']],
    '2021-03-20',
    // "he" stands for Soleimani, the one person named before it.
    ['killing 2020-01-03/day Soleimani,Muhandis'],
  ],
  [
    'a strike dated by a day and month, year from the document date, with its place',
    'The decision to escalate was quickly translated into a missile attack on 3 March targeting the Ain al-Assad military base in western Anbar province.',
    [['Ain al-Assad', 'LOC'], ['Anbar', 'LOC']],
    '2021-03-20',
    ['strike 2021-03-03/day Ain al-Assad @Anbar'],
  ],
  [
    'a meeting with a relative date resolved against the document date',
    'Hejazi met Abu Fadak in Tehran last Monday.',
    [['Hejazi', 'PERSON'], ['Abu Fadak', 'PERSON'], ['Tehran', 'LOC']],
    '2021-03-10',
    ['meeting 2021-03-08/day Hejazi,Abu Fadak @Tehran'],
  ],
  [
    'a withdrawal with a year only',
    'When U.S. troops began pulling out in 2011, the Iranians moved in.',
    [['U.S.', 'LOC'], ['Iranians', 'MISC']],
    '2019-11-20',
    ['withdrawal 2011/year U.S.,Iranians'],
  ],
  [
    'an appointment and a month precision',
    'Esmail Qaani was appointed head of the Quds Force in January 2020.',
    [['Esmail Qaani', 'PERSON'], ['Quds Force', 'ORG']],
    '2021-03-10',
    ['appointment 2020-01/month Esmail Qaani,Quds Force'],
  ],
  ['no date, no event', 'Hejazi met Abu Fadak in Tehran.', [['Hejazi', 'PERSON'], ['Abu Fadak', 'PERSON'], ['Tehran', 'LOC']], '2021-03-10', []],
];

for (const [name, text, mentions, documentDate, expected] of ROWS) {
  test(`events: ${name}`, () => {
    const input = inputFor(text, mentions, { dates: extractDates(text, documentDate), documentDate });
    const got = extractEvents(input).map((e) => `${e.type} ${e.date}/${e.precision} ${e.participants.join(',')}${e.place === undefined ? '' : ` @${e.place}`}`);
    assert.deepEqual(got, expected);
  });
}

test('events: evidence is the sentence holding the trigger', () => {
  const text = 'Nothing happened. Hejazi met Abu Fadak in Tehran on 28 February 2021.';
  const input = inputFor(text, [['Hejazi', 'PERSON'], ['Abu Fadak', 'PERSON'], ['Tehran', 'LOC']], { dates: extractDates(text) });
  const [ev] = extractEvents(input);
  assert.equal(ev?.evidence.text, 'Hejazi met Abu Fadak in Tehran on 28 February 2021.');
  assert.equal(ev?.rule, 'trigger:meeting');
});
