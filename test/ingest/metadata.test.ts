// Metadata of articles captured as plain text: table-driven on the shapes pages use, plus the sample corpus.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findDate, normalizeDate } from '../../src/ingest/dates.js';
import { inferMetadata, type InferredMetadata } from '../../src/ingest/metadata.js';

const BODY = '\n\nThe ministry recruited officials in Baghdad over many years, the documents show, and paid them well.\n';

const AR_BODY = '\n\nقال مسؤولون عراقيون إن الاستخبارات الإيرانية تسيطر على الفصائل المسلحة في بغداد منذ سنوات طويلة.\n';

const CASES: Array<[string, string, InferredMetadata]> = [
  ['labelled date with ordinal and time', 'Losing an Empire the Hard Way\n\nPublished November 20th, 2019 - 08:25 GMT\nbanner image' + BODY,
    { title: 'Losing an Empire the Hard Way', published: '2019-11-20' }],
  ['bare date line with a separator', 'Iraq protests spread\n20 Nov 2019|' + BODY, { title: 'Iraq protests spread', published: '2019-11-20' }],
  ['lower-case label, ISO date', 'Iraq protests spread\n date 2019-11-19' + BODY, { title: 'Iraq protests spread', published: '2019-11-19' }],
  ['byline and posted-on', 'Cables leaked\nBy Jane Doe\nPosted on 3 March 2021' + BODY, { title: 'Cables leaked', author: 'Jane Doe', published: '2021-03-03' }],
  ['updated only', 'Cables leaked\nUpdated: 2020-01-05' + BODY, { title: 'Cables leaked', published: '2020-01-05' }],
  ['published wins over updated', 'Cables leaked\nUpdated: 2020-01-05\nPublished: 4 January 2020' + BODY, { title: 'Cables leaked', published: '2020-01-04' }],
  ['wire credit', 'Cables leaked\n\nBAGHDAD (Reuters) - Iraqi officials met Iranian envoys, the cables say.', { title: 'Cables leaked', source: 'Reuters' }],
  ['source label with colon', 'Cables leaked' + BODY + 'Source: Al Jazeera\n', { title: 'Cables leaked', source: 'Al Jazeera' }],
  ['source label with guillemet at the bottom', 'Cables leaked' + BODY + 'Source » middleeasteye', { title: 'Cables leaked', source: 'middleeasteye' }],
  ['copyright line', 'Cables leaked' + BODY + '© 2000 - 2021 Al Bawaba (www.albawaba.com)\nYou may also like', { title: 'Cables leaked', source: 'Al Bawaba' }],
  ['combined byline line', 'Cables leaked\nBy Jane Doe and John Roe | 5 May 2018 | World' + BODY, { title: 'Cables leaked', author: 'Jane Doe and John Roe', published: '2018-05-05' }],
  ['byline crediting an outlet', 'Cables leaked\nBy Jane Doe, Reuters' + BODY, { title: 'Cables leaked', source: 'Reuters', author: 'Jane Doe' }],
  ['byline "for" an outlet', 'Cables leaked\nBy Jane Doe for Middle East Eye' + BODY, { title: 'Cables leaked', source: 'Middle East Eye', author: 'Jane Doe' }],
  ['byline with a place is no outlet', 'Cables leaked\nBy Jane Doe in Baghdad' + BODY, { title: 'Cables leaked', author: 'Jane Doe' }],
  ['several authors', 'Cables leaked\nBy Jane Doe, John Roe and Ann Lee' + BODY, { title: 'Cables leaked', author: 'Jane Doe, John Roe and Ann Lee' }],
  ['ISO timestamp line', 'Cables leaked\n2019-11-20T08:25:00Z' + BODY, { title: 'Cables leaked', published: '2019-11-20' }],
  ['Markdown heading as title', '# Notes on the envoy' + BODY, { title: 'Notes on the envoy' }],
  ['wire credit after a dateline', 'Cables leaked\n\nTEHRAN, Iran (AP) — Officials met envoys, the cables say.', { title: 'Cables leaked', source: 'AP' }],
  ['first published, last modified', 'Cables leaked\nLast modified on Tue 19 Nov 2019 10.00 GMT\nFirst published on Mon 18 Nov 2019 17.00 GMT' + BODY,
    { title: 'Cables leaked', published: '2019-11-18' }],
  ['bare date line with weekday and time', 'Cables leaked\nMon 18 Nov 2019 17.00 GMT' + BODY, { title: 'Cables leaked', published: '2019-11-18' }],
  ['Arabic labels', 'وثائق مسربة تكشف نفوذ إيران في العراق\nبقلم: محمد علي\nتاريخ النشر: 20 نوفمبر 2019' + AR_BODY + 'المصدر: الجزيرة',
    { title: 'وثائق مسربة تكشف نفوذ إيران في العراق', published: '2019-11-20', source: 'الجزيرة', author: 'محمد علي' }],
  ['Persian labels and a solar-calendar date line', 'اسناد فاش‌شده از نفوذ ایران در عراق\nنویسنده: علی رضایی\nچهارشنبه ۲۹ آبان ۱۳۹۸ - ۰۸:۲۵' + AR_BODY + 'منبع: بی‌بی‌سی فارسی',
    { title: 'اسناد فاش‌شده از نفوذ ایران در عراق', published: '2019-11-20', source: 'بی‌بی‌سی فارسی', author: 'علی رضایی' }],
  ['an Arabic headline word is not a byline', 'كتب التاريخ الجديدة\n' + AR_BODY, { title: 'كتب التاريخ الجديدة' }],
  ['navigation lines before the headline', 'Skip to content\nHome > World > Middle East\nCables leaked in Baghdad\n20 Nov 2019' + BODY,
    { title: 'Cables leaked in Baghdad', published: '2019-11-20' }],
  ['a photo credit near the top is no outlet', 'Cables leaked\n© AFP/Getty Images' + BODY, { title: 'Cables leaked' }],
  ['copyright footer with the year last', 'Cables leaked' + BODY + BODY + BODY + BODY + BODY + BODY + BODY + '© Reuters 2019', { title: 'Cables leaked', source: 'Reuters' }],
  ['partial dates', 'Cables leaked\nPublished: November 2019' + BODY, { title: 'Cables leaked', published: '2019-11' }],
  ['a mention in the story is not an outlet', 'The rivalry deepened, officials told Middle East Eye.\nSources said the general met them in Nov 2019.\n',
    {}],
  ['a sentence starting with "by" is not a byline', 'By the time the cables leaked, the ministry had already lost track of many of its sources.\n', {}],
  ['no metadata at all', 'the ministry recruited officials in many places over the years.\n', {}],
  ['a cable\'s classification banner is no headline: its subject is the title',
    'C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD 001234\n\nSIPDIS\n\nE.O. 12958: DECL: 11/19/2029\nTAGS: PREL, PGOV, IZ, IR\nSUBJECT: IRAQ: KURDISH LEADER MEETS IRANIAN ENVOY IN ERBIL\n' + BODY,
    { title: 'IRAQ: KURDISH LEADER MEETS IRANIAN ENVOY IN ERBIL' }],
  ['a headline opening with a classification word stays a headline', 'SECRET TALKS IN VIENNA' + BODY, { title: 'SECRET TALKS IN VIENNA' }],
];

for (const [name, text, expected] of CASES) {
  test(`inferMetadata: ${name}`, () => {
    assert.deepEqual(inferMetadata(text), expected);
  });
}

test('inferMetadata on the sample corpus', () => {
  const read = (f: string) => inferMetadata(readFileSync(new URL(`../../examples/iran-cables/${f}`, import.meta.url), 'utf8'));
  assert.deepEqual(read('000_d100bfb39792b62b.txt'), { title: 'Leaked Spy Cables Reveal How Iran Dominates the Government of Iraq' });
  assert.deepEqual(read('001_922c9d26da2ca72a.txt'), {
    title: 'Losing an Empire the Hard Way: What the Leaked Iranian Intel Means for US Spy Networks',
    published: '2019-11-20',
    source: 'Al Bawaba',
  });
  // The first line is a sentence of the story, and "told Middle East Eye" is a mention, so only the footer counts.
  assert.deepEqual(read('003_b040a4527846fc2c.txt'), { source: 'middleeasteye' });
});

const DATES: Array<[string, string | undefined]> = [
  ['2019', '2019'],
  ['2019-11', '2019-11'],
  ['2019-11-20T08:25:00Z', '2019-11-20'],
  ['Wed, 20 Nov 2019 08:25:00 +0000', '2019-11-20'],
  ['Nov. 20, 2019', '2019-11-20'],
  ['Sept 3 2021', '2021-09-03'],
  ['25/12/2020', '2020-12-25'],
  ['12/25/2020', '2020-12-25'],
  ['05/06/2020', '2020'], // May 6 or June 5: only the year is certain
  ['2019-02-30', undefined],
  ['۲۹ آبان ۱۳۹۸', '2019-11-20'], // Persian solar calendar
  ['۱ فروردین ۱۴۰۳', '2024-03-20'],
  ['٢٠ تشرين الثاني ٢٠١٩', '2019-11-20'], // Levantine month name, Arabic-Indic digits
  ['20 نوفمبر 2019', '2019-11-20'],
  ['نوامبر ۲۰۱۹', '2019-11'],
  ['no date here', undefined],
];

for (const [input, expected] of DATES) {
  test(`normalizeDate: ${input}`, () => assert.equal(normalizeDate(input), expected));
}

test('findDate reports where the date sits', () => {
  assert.deepEqual(findDate('Posted on 3 March 2021 at noon'), { value: '2021-03-03', index: 10, length: 12 });
});
