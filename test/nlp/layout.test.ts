/** Layout: hard-wrapped paragraphs, e-mail quoting, lists, headings and boilerplate, on small cases and real-format fixtures. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SOFT_HYPHEN, analyseLayout, readSpan, readingView } from '../../src/nlp/layout.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { ROOT } from '../helpers.js';
import { asEmailReply, hardWrap } from '../pipeline/messy-forms.js';

const MESSY = join(ROOT, 'fixtures', 'messy');
const fixture = (name: string): string => readFileSync(join(MESSY, name), 'utf8');
/** Sentences as a reader reads them: from the reading view, whitespace runs as one space. */
const read = (text: string): string[] => {
  const reading = readingView(text);
  return splitSentences(text).map((s) => reading.slice(s.start, s.end).replace(/\s+/g, ' '));
};
const kinds = (text: string): string[] => analyseLayout(text).blocks.map((b) => b.kind);

describe('layout of small texts', () => {
  const para = 'Iran recruited officials across the Iraqi government in the years after the invasion, cables show.';
  const long = `${para} The ministry denied it on Monday in a statement read by Gen. Qassem Soleimani to reporters. Later ${para}`;

  it('reads a paragraph wrapped at 65 columns as one, even where a wrapped line ends before a capital', () => {
    const wrapped = hardWrap(long, 65);
    assert.ok(/\n\p{Lu}/u.test(wrapped), 'the sample must wrap before a capital');
    assert.deepEqual(read(wrapped), read(long));
  });

  it('keeps a short line without a full stop as its own unit in wrapped text (a headline, a dateline)', () => {
    const text = `Spy Cables Show Reach of Iran in Iraq\nBAGHDAD, Nov 18\n${hardWrap(long, 65)}`;
    const s = read(text);
    assert.equal(s[0], 'Spy Cables Show Reach of Iran in Iraq');
    assert.equal(s[1], 'BAGHDAD, Nov 18');
    assert.equal(s.length, read(long).length + 2);
  });

  it('does not take a wrapped line full of names for a heading', () => {
    const text = 'The cables were shared with the Intercept by a source who said\nthe Ministry of Intelligence and National Security and\nQuds Force officers paid Iraqi officials for many years.\n';
    assert.equal(read(text).length, 1);
  });

  it('breaks at every line of text that is not wrapped, unless the next line starts in lower case (as before)', () => {
    assert.deepEqual(read('Iran losing control\nOverseas operations are run by the ministry.\nThe Guard competes with\nit abroad.'),
      ['Iran losing control', 'Overseas operations are run by the ministry.', 'The Guard competes with it abroad.']);
  });

  it('reads quoted text as prose whose sentences run across quoted lines, without the markers', () => {
    const reply = asEmailReply(long);
    const sentences = read(reply);
    for (const s of read(long)) assert.ok(sentences.includes(s), s);
    assert.ok(!sentences.some((s) => s.includes('>')));
    assert.ok(!sentences.some((s) => /iPhone|wrote:/.test(s)), 'device line and attribution are not sentences');
  });

  it('reads nested quotes ("> > ") and a change of depth ends a unit', () => {
    const text = '> > The ministry paid the\n> > agents in cash.\n> Did it\n> really?';
    assert.deepEqual(read(text), ['The ministry paid the agents in cash.', 'Did it really?']);
    assert.deepEqual(analyseLayout(text).blocks.map((b) => b.depth), [2, 1]);
  });

  it('makes each list item its own unit and leaves the markers out', () => {
    const text = 'The cables name three groups:\n- Kataeb Hezbollah\n- Asaib Ahl al-Haq\n* Badr\n\n1. Iran pays them\n2. Iraq hosts them';
    assert.deepEqual(read(text), ['The cables name three groups:', 'Kataeb Hezbollah', 'Asaib Ahl al-Haq', 'Badr', 'Iran pays them', 'Iraq hosts them']);
    assert.deepEqual(kinds(text), ['prose', 'item', 'item', 'item', 'item', 'item']);
  });

  it('does not take a wrapped line that starts with a dash or a number for a list item', () => {
    const text = 'Officials said the payments, which began in 2014 and grew every\n- so they said - year, went to militias in the south of the\n12 provinces.';
    assert.equal(read(text).length, 1);
  });

  it('keeps sign-offs, credits, device lines, mail headers and copyright lines out of the sentences', () => {
    const text = [
      'Iran denied the report.', '-- Reuters Beirut Newsroom +961 1 954456', '(Reporting by Jane Roe; Editing by John Doe)',
      'Sent from my iPhone', '', '-----Original Message-----', 'From: Jane Roe', 'Sent: Monday, November 18, 2019 9:14 AM',
      'To: Desk', 'Subject: Iran', '', 'The desk confirmed it.', '(c) Reuters Limited 1996',
    ].join('\n');
    assert.deepEqual(read(text), ['Iran denied the report.', 'The desk confirmed it.']);
  });

  it('keeps a letter\'s salutation and its closing with the writer\'s name out of the sentences', () => {
    assert.deepEqual(read('Tom,\n\nQuick update after my calls.\n\nBest,\nSarah\n'), ['Quick update after my calls.']);
    assert.deepEqual(read('Dear Ms. Roe,\n\nThanks for this.\n\nKind regards,\nJane Roe'), ['Thanks for this.']);
    // Not alone, lower case, a heading's colon, or a closing word that starts a sentence: left as they are.
    assert.deepEqual(read('Iraq:\n\nThe ministry said so.'), ['Iraq:', 'The ministry said so.']);
    assert.deepEqual(read('yes,\n\nThe ministry said so.'), ['yes,', 'The ministry said so.']);
    assert.deepEqual(read('Thanks,\nthe ministry said so.'), ['Thanks, the ministry said so.']);
  });

  it('does not take prose that mentions reporting or a sender for boilerplate', () => {
    const text = 'Reporting by the Intercept showed the scale of it.\nSent from my office in Baghdad, the memo reached Tehran.';
    assert.equal(read(text).length, 2);
  });

  it('keeps an ALL-CAPS headline apart from the body, in wrapped and unwrapped text', () => {
    for (const body of [long, hardWrap(long, 65)]) {
      const s = read(`IRAN SPY CABLES SHOW REACH IN IRAQ\n${body}`);
      assert.equal(s[0], 'IRAN SPY CABLES SHOW REACH IN IRAQ');
    }
  });

  it('keeps offsets: the reading view has the text\'s length and differs only where it has spaces', () => {
    const text = `> > ${hardWrap(long, 60, '> > ')}\r\n- item one\r\n`;
    const reading = readingView(text);
    assert.equal(reading.length, text.length);
    for (let i = 0; i < text.length; i++) assert.ok(reading[i] === text[i] || reading[i] === ' ', `offset ${i}`);
  });

  it('reads a word hyphenated at a line end whole, and a compound broken at its hyphen as one compound', () => {
    const text = 'Colonel Adel Man-\nsouri met the Iran-\nbacked and Turkish-\noccupied units of the Southern Opera-\ntions Command\nin Erbil.';
    const reading = readingView(text);
    assert.equal(reading.length, text.length);
    // Soft hyphens stand for the break (and for the hyphen when it only broke the word); nothing else changes.
    for (let i = 0; i < text.length; i++) assert.ok(reading[i] === text[i] || reading[i] === ' ' || reading[i] === SOFT_HYPHEN, `offset ${i}`);
    assert.deepEqual(tokenize(reading).map((t) => t.text).slice(0, 13),
      ['Colonel', 'Adel', 'Mansouri', 'met', 'the', 'Iran-backed', 'and', 'Turkish-occupied', 'units', 'of', 'the', 'Southern', 'Operations']);
    assert.equal(read(text).length, 1);
    assert.equal(readSpan(text, reading, 0, text.length), 'Colonel Adel Mansouri met the Iran-backed and Turkish-occupied units of the Southern Operations Command in Erbil.');
    assert.equal(readSpan(text, reading, 8, 23), 'Adel Mansouri');
  });

  it('reads a quoted word broken over two quoted lines whole', () => {
    const text = '> Colonel Adel Man-\n> souri met him in Erbil on Sunday.';
    assert.equal(readSpan(text, readingView(text), 2, text.length), 'Colonel Adel Mansouri met him in Erbil on Sunday.');
  });

  it('keeps a name ending a line before a hyphenated line apart from ordinary hyphens and dashes', () => {
    // A dash at the line's end, a capital or a number after the break: no word was broken.
    for (const text of ['The talks ended --\nthe envoy left.', 'Relations between Iraq-\nIran were tense.', 'The war of 1980-\n88 ended in a ceasefire.']) {
      assert.ok(!readingView(text).includes(SOFT_HYPHEN), text);
    }
  });

  it('reads each row of a table laid out with spaces as a unit, its cell gaps as tabs; justified prose still joins', () => {
    const table = [
      'Name                 Position            Organisation',
      'Adel Mansouri        Commander           Zulfiqar Brigade',
      'Farid Nazari         Head                Southern Operations Command',
    ].join('\n');
    assert.deepEqual(read(table), ['Name Position Organisation', 'Adel Mansouri Commander Zulfiqar Brigade', 'Farid Nazari Head Southern Operations Command']);
    const reading = readingView(table);
    assert.equal(reading.split('\n')[1], 'Adel Mansouri\t\t\t\t\t\t\t\tCommander\t\t\t\t\t\t\t\t\t\t\tZulfiqar Brigade');
    // A sheet or a TSV file: cells apart by tabs, not lined up.
    // A row opening in lower case ("al-Tamimi") would go on a wrapped line.
    assert.deepEqual(read('Name\tPost\tUnit\nAdel Mansouri\tcommander\tZulfiqar Brigade\nal-Tamimi\thead\tSouthern Operations Command'),
      ['Name Post Unit', 'Adel Mansouri commander Zulfiqar Brigade', 'al-Tamimi head Southern Operations Command']);
    const justified = [
      'The  commander of  the brigade  met the governor   in Mosul on',
      'Sunday   and the two  agreed that the militia would withdraw',
      'from  three checkpoints   on the  road  to Tal Afar by  May.',
    ].join('\n');
    assert.equal(read(justified).length, 1);
  });
});

describe('layout of the messy fixtures', () => {
  for (const name of readdirSync(MESSY).filter((f) => f.endsWith('.txt'))) {
    it(`${name}: same-length reading view, no quote markers or boilerplate inside a sentence`, () => {
      const text = fixture(name);
      const reading = readingView(text);
      assert.equal(reading.length, text.length);
      for (const s of read(text)) {
        assert.ok(!/(?:^|\s)>/.test(s), `quote marker in "${s}"`);
        assert.ok(!/Newsroom|Reporting by|iPhone|Original Message|wrote:|Limited 20|TAGS:|SIPDIS|555 0100/.test(s), `boilerplate in "${s}"`);
      }
    });
  }

  it('wire copy: headline, dateline sentence, wrapped sentences whole, no sign-off', () => {
    const s = read(fixture('wire-iraq.txt'));
    assert.equal(s[0], 'IRAQ APPROVES NEW PRIME MINISTER AFTER YEAR OF DEADLOCK');
    assert.ok(s[1]!.startsWith('BAGHDAD, Oct 27 (Reuters) - In 2005, Iraqis approved a constitution'));
    assert.ok(s.includes("The COR approved Mohammad Shia' al-Sudani as prime minister in 2022."));
    assert.ok(s.includes('In 2017, then-Prime Minister Haydar al-Abadi publicly declared victory against ISIS, although military operations against the group continue in rural areas.'));
    assert.ok(s.every((x) => /[.!?]$/.test(x) || x === s[0]), 'every body sentence ends with its full stop');
  });

  it('e-mail: the twice-quoted Factbook paragraphs read as the same sentences as the paragraphs alone', () => {
    const s = read(fixture('email-iran.txt'));
    assert.ok(s.includes('The US cut off diplomatic relations with Iran in April 1980.'));
    assert.ok(s.includes('In 2013, Iranians elected to the presidency centrist cleric Dr. Hasan Fereidun Ruhani, a longtime senior regime member who promised to reform society and foreign policy.'));
    assert.ok(s.includes('The part on the Assembly of Experts is new to me.'));
  });

  it('cable: numbered paragraphs and "--" bullets are units, their markers are not words', () => {
    const text = fixture('cable-iraq.txt');
    const s = read(text);
    assert.ok(s.includes('Summary: Formerly part of the Ottoman Empire, Iraq was occupied by the United Kingdom during World War I and was declared a League of Nations mandate under UK administration in 1920.'));
    assert.ok(s.includes('Territorial disputes with Iran led to an inconclusive and costly war from 1980 to 1988.'));
    assert.ok(!s.some((x) => /^(?:--|\d\.|\(U\))/.test(x)));
    // The references under "REF:" are other cables' numbers, boilerplate like the REF line.
    assert.ok(!s.some((x) => /TEHRAN 0456|BAGHDAD 1122/.test(x)), s.slice(0, 4).join(' | '));
    assert.equal(kinds(text).filter((k) => k === 'item').length, 6);
  });

  it('briefing: headings, bullets and list entries without full stops are one unit each', () => {
    const s = read(fixture('briefing-iraq.txt'));
    assert.deepEqual(s.slice(0, 3), ['Iraq: Key Facts', 'Executive Branch', 'Chief of state: President Latif Rashid (since 13 October 2022)']);
    assert.ok(s.includes('Ansar al-Islam') && s.includes("Kata'ib Hizballah"));
    assert.ok(s.at(-1)!.startsWith('Note: details about the history') && s.at(-1)!.endsWith('Terrorism reference guide.'));
  });
});
