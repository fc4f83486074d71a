// Document dates: the real-format fixtures in fixtures/dates, then header forms one by one, then what must not count.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dateTimeGroup, datelineDate, replyAttribution, yearFor } from '../../src/ingest/dates-forms.js';
import { inferMetadata, refinePublished } from '../../src/ingest/metadata.js';
import { headerRegion } from '../../src/ingest/metadata-header.js';
import { readDocument } from '../../src/ingest/read-document.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/dates/${name}`, import.meta.url)));

// [file, expected document date, why]
const FIXTURES: Array<[string, string | undefined, string]> = [
  ['wire-dateline.txt', '2019-11-27', 'the yearless dateline "NAJAF, Iraq, Nov 27 (Reuters) -" outranks the page stamp of the 28th, which gives it its year'],
  ['wire-no-year.txt', undefined, 'a yearless dateline and no other date: no year is invented'],
  ['forwarded-chain.txt', '2019-11-20', 'the topmost "Sent:" of a pasted Outlook chain (read as mail headers), not the quoted ones below'],
  ['forwarded-message.txt', '2019-11-19', 'the "Date:" of the forwarded message under a one-paragraph note'],
  ['cable-dtg.txt', '2009-11-19', 'the date-time group "O 191432Z NOV 09", not the declassification date "DECL: 11/19/2019"'],
  ['military-message.txt', '2020-03-04', 'the date-time group "R 041200Z MAR 20", not "ON 11 MAR 20" in the text'],
  ['article-published-updated.txt', '2019-11-19', '"Published: Nov. 19" wins over "Updated: Nov. 20", though written first'],
  ['article-updated-only.txt', '2019-11-29', '"Updated 3:05 PM ET, Fri November 29, 2019" alone is used'],
  ['no-date.txt', undefined, 'the "Date: 3 March 2018" of a register quoted in the fifth paragraph is an event, not the document'],
  ['persian-article.txt', '2019-11-20', 'a solar date written in numbers after "تاریخ انتشار:" (1398/08/29)'],
  ['arabic-article.txt', '2019-11-19', 'the Arabic wire dateline outranks the page\'s Hijri + Gregorian date line (the 20th)'],
  ['email-evening.eml', '2019-11-19', 'the Date header as the sender wrote it (-0500), not the next day in UTC'],
  ['email-unreadable-date.eml', undefined, 'an unreadable Date header gives no date (mailparser would put the current time)'],
];

for (const [file, expected, why] of FIXTURES) {
  test(`document date of fixtures/dates/${file}: ${why}`, async () => {
    const doc = await readDocument(file, fixture(file));
    assert.equal(doc.published, expected);
  });
}

test('titles of texts that open with a mail or cable header come from the subject', async () => {
  assert.equal((await readDocument('cable-dtg.txt', fixture('cable-dtg.txt'))).title, 'PROVINCIAL OFFICIALS DESCRIBE IRANIAN PRESSURE ON THE ELECTION LAW');
  assert.equal((await readDocument('military-message.txt', fixture('military-message.txt'))).title, 'ROCKET ATTACK ON CAMP TAJI');
  assert.equal((await readDocument('wire-no-year.txt', fixture('wire-no-year.txt'))).title, undefined, 'a dateline is no headline');
});

test('an unreadable e-mail Date leaves no date in the metadata either', async () => {
  const doc = await readDocument('x.eml', fixture('email-unreadable-date.eml'));
  assert.equal(doc.meta?.date, undefined);
  assert.equal((await readDocument('y.eml', fixture('email-evening.eml'))).meta?.date, '2019-11-20T04:30:00.000Z');
});

const BODY = '\n\nThe ministry recruited officials in Baghdad over many years, the documents show, and paid them well.\n';
const STORY = 'Iraqi protesters set fire to the consulate late on Wednesday, police said, as anger at Tehran grew.';

// [header form, text, expected document date]
const FORMS: Array<[string, string, string | undefined]> = [
  ['"Date:" with a day-first numeric date', 'Cables leaked\nDate: 19/11/2019' + BODY, '2019-11-19'],
  ['"Published:" with an abbreviated month', 'Cables leaked\nPublished: Nov. 19, 2019' + BODY, '2019-11-19'],
  ['"Posted on ... by"', 'Cables leaked\nPosted on November 19, 2019 by the news desk' + BODY, '2019-11-19'],
  ['"Published ... at ... a.m. EST"', 'Cables leaked\nPublished November 19, 2019 at 10:05 a.m. EST' + BODY, '2019-11-19'],
  ['"Last modified" alone', 'Cables leaked\nLast modified: 21 November 2019' + BODY, '2019-11-21'],
  ['updated and published on one line', 'Cables leaked\nUpdated Nov. 20, 2019, Published Nov. 19, 2019' + BODY, '2019-11-19'],
  ['a page stamp with slashes', 'Cables leaked\nNovember 19, 2019 / 10:05 AM / Updated 4 years ago' + BODY, '2019-11-19'],
  ['Reuters dateline with its year from an update line', `Consulate burned\nUpdated Nov 20, 2019\n\nBAGHDAD, Nov 19 (Reuters) - ${STORY}`, '2019-11-19'],
  ['a Xinhua dateline alone has no year, so no date', `BAGHDAD, Nov. 19 (Xinhua) -- ${STORY}`, undefined],
  ['a dateline across the new year', `Consulate burned\nJanuary 1, 2020 / 1:05 AM\n\nBAGHDAD, Dec 31 (Reuters) - ${STORY}`, '2019-12-31'],
  ['header dates that disagree on the year give a dateline none', `Consulate burned\nUpdated: June 1, 2019\n1 June 2018\n\nBAGHDAD, Nov 19 (Reuters) - ${STORY}`, '2018-06-01'],
  ['AP dateline without a date', `TEHRAN, Iran (AP) — ${STORY}`, undefined],
  ['press-release dateline', `WASHINGTON, Nov. 19, 2019 /PRNewswire/ -- ${STORY}`, '2019-11-19'],
  ['agency after a comma', `Tehran, Nov 19, 2019, IRNA -- ${STORY}`, '2019-11-19'],
  ['CoNLL-style dateline line', 'EU rejects German call to boycott British lamb .\nBRUSSELS 1996-08-22\n' + STORY, '1996-08-22'],
  ['mail Date header pasted', 'From: Jane Doe <jane@example.org>\nDate: Tue, 19 Nov 2019 15:14:00 +0000\nSubject: notes' + BODY, '2019-11-19'],
  ['a quoted reply attribution', 'Agreed, see you there.\n\nOn Tue, Nov 19, 2019 at 3:14 PM Jane Doe <jane@example.org> wrote:\n> Shall we meet on Monday?', '2019-11-19'],
  ['a wrapped reply attribution', 'Agreed.\n\nOn Tue, Nov 19, 2019 at 3:14 PM Jane Doe <jane.doe@example.org>\nwrote:\n> Shall we meet?', '2019-11-19'],
  ['Outlook labels in bold', '*From:* Jane Doe\n*Sent:* Tuesday, November 19, 2019 3:14 PM\n*Subject:* notes' + BODY, '2019-11-19'],
  ['cable DATE line', 'MEMORANDUM FOR THE RECORD\nDATE: 19 NOV 2019\nSUBJECT: MEETING WITH PROVINCIAL OFFICIALS' + BODY, '2019-11-19'],
  ['DTG with a label', 'DTG: 191432Z NOV 19\nFM AMEMBASSY BAGHDAD\nTO SECSTATE WASHDC' + BODY, '2019-11-19'],
  ['Arabic date label', 'وثائق مسربة\nالتاريخ: 20/11/2019\n\nقال مسؤولون عراقيون إن الاستخبارات الإيرانية تسيطر على الفصائل المسلحة في بغداد منذ سنوات.', '2019-11-20'],
  ['Persian line in two calendars', 'اسناد فاش‌شده\nچهارشنبه ۲۹ آبان ۱۳۹۸ - ۲۰ نوامبر ۲۰۱۹' + BODY, '2019-11-20'],
  ['an impossible solar day', 'اسناد فاش‌شده\nتاریخ انتشار: ۱۳۹۸/۰۷/۳۱' + BODY, undefined],
  // What must not count.
  ['a date deep in the body', 'Cables leaked' + BODY.repeat(40) + 'Date: 3 March 2021\n', undefined],
  ['a labelled date after two paragraphs of prose', 'Cables leaked' + BODY + BODY + BODY + 'Published: 3 March 2021\n', undefined],
  ['a publication line at the bottom of the page', 'Cables leaked' + BODY.repeat(8) + 'Published: 3 March 2021\n', undefined],
  ['"Released on" opening a sentence', 'Prisoners freed\nReleased on 3 March 2021, he said he would return to Basra.' + BODY, undefined],
  ['a declassification date', 'E.O. 12958: DECL: 11/19/2029\nTAGS: PGOV, PREL' + BODY, undefined],
  ['no header at all', 'the ministry recruited officials in many places over the years, on 3 March 2021 and after.\n', undefined],
];

for (const [name, text, expected] of FORMS) {
  test(`document date: ${name}`, () => assert.equal(inferMetadata(text).published, expected));
}

test('a yearless dateline takes its year from the date the format gave, and refines it', () => {
  const text = `BAGHDAD, Nov. 19 (Xinhua) -- ${STORY}`;
  assert.equal(inferMetadata(text, { published: '2019' }).published, '2019-11-19');
  assert.equal(inferMetadata(text, { published: '2019-11' }).published, '2019-11-19');
  assert.equal(refinePublished('2019-11', '2019-11-19'), '2019-11-19');
  assert.equal(refinePublished('2019-11-20', '2019-11-19'), '2019-11-20', 'a disagreeing text date never replaces the format\'s');
  assert.equal(refinePublished('2019', '2020-01-02'), '2019');
  assert.equal(refinePublished(undefined, '2020-01-02'), '2020-01-02');
});

test('a JSON Lines record dated by month gets its day from the story\'s dateline', async () => {
  const line = JSON.stringify({ title: 'Consulate burned', published: '2019-11', text: `BAGHDAD, Nov 19 (Reuters) - ${STORY}` });
  const doc = await readDocument('feed.jsonl', new Uint8Array(Buffer.from(line + '\n')));
  assert.equal(doc.children?.[0]?.published, '2019-11-19');
});

test('header forms one by one', () => {
  assert.equal(dateTimeGroup('R 191432Z NOV 19'), '2019-11-19');
  assert.equal(dateTimeGroup('O 191432Z NOV 2019'), '2019-11-19');
  assert.equal(dateTimeGroup('P 191432ZNOV19'), '2019-11-19');
  assert.equal(dateTimeGroup('ZZ 311200Z DEC 96'), '1996-12-31');
  assert.equal(dateTimeGroup('R 311432Z NOV 19'), undefined, 'there is no 31 November');
  assert.equal(dateTimeGroup('REF: A. 181200Z NOV 19'), undefined);
  assert.equal(replyAttribution('On 19/11/2019 15:14, Jane Doe wrote:'), '2019-11-19');
  assert.equal(replyAttribution('On Monday we wrote: nothing'), undefined);
  assert.deepEqual(datelineDate('BAGHDAD, Nov 19 (Reuters) - Iraqi officials said'), { month: 11, day: 19 });
  assert.deepEqual(datelineDate('NEW YORK, 19 November 2019 – The Council met'), { value: '2019-11-19' });
  assert.equal(datelineDate('Iraqi officials met on Nov 19 - the day after'), undefined, 'a sentence is no place');
  assert.equal(datelineDate('Updated Nov 19 - 10:05 GMT'), undefined);
  assert.equal(yearFor({ month: 12, day: 31 }, ['2020-01-01']), 2019);
  assert.equal(yearFor({ month: 11, day: 19 }, ['2019-11-20', '2019']), 2019);
  assert.equal(yearFor({ month: 11, day: 19 }, ['2018-06-01', '2019-06-01']), undefined);
  assert.equal(yearFor({ month: 11, day: 19 }, []), undefined);
});

test('the header region ends before the third line of prose; cable routing lines do not use it up', () => {
  const prose = (n: number) => `Paragraph ${n} tells what the officials did in the city over the years and who paid them.`;
  const region = headerRegion(['Headline of the story', 'By Jane Doe', prose(1), prose(2), prose(3), 'Date: 3 March 2021']);
  assert.deepEqual(region.map((l) => l.text), ['Headline of the story', 'By Jane Doe', prose(1), prose(2)]);
  const routing = Array.from({ length: 20 }, (_, i) => `RUEHXX/ADDRESSEE ${i} PRIORITY`);
  assert.equal(headerRegion([...routing, 'SUBJECT: MEETING']).at(-1)?.text, 'SUBJECT: MEETING');
  assert.equal(headerRegion(Array.from({ length: 40 }, (_, i) => `short line ${i}`)).length, 15);
});
