/**
 * Persian and Arabic dates: the solar and the (arithmetic) lunar calendar to Gregorian days, months of either as day
 * ranges, Gregorian month names of the Egyptian, Levantine and Maghrebi series, Persian and Arabic-Indic digits, and
 * the way they reach date mentions (events) and document dates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { islamicMonthLength, islamicToGregorian, jalaliMonthLength, jalaliToGregorian, monthRange } from '../../src/nlp/dates-calendars.js';
import { findArabicScriptDates } from '../../src/nlp/dates-arabic-script.js';
import { extractDates } from '../../src/nlp/dates.js';
import { findDate } from '../../src/ingest/dates.js';

const days = (text: string) => findArabicScriptDates(text).map((d) => [text.slice(d.start, d.end), d.from.join('-'), d.to.join('-')]);

test('the tabular Islamic calendar: known days, leap years of the 30-year cycle, month lengths', () => {
  assert.deepEqual(islamicToGregorian(1, 1, 1), [622, 7, 19]); // 16 July 622 in the Julian calendar
  assert.deepEqual(islamicToGregorian(1441, 3, 22), [2019, 11, 20]);
  assert.deepEqual(islamicToGregorian(1445, 1, 1), [2023, 7, 19]);
  const leaps = Array.from({ length: 30 }, (_, i) => i + 1).filter((y) => islamicMonthLength(y, 12) === 30);
  assert.deepEqual(leaps, [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29]);
  assert.equal(islamicMonthLength(1440, 9), 30);
  assert.equal(islamicMonthLength(1440, 10), 29);
});

test('the Persian solar calendar: Esfand has 30 days in leap years only; months as ranges, across a new Gregorian year', () => {
  assert.equal(jalaliMonthLength(1399, 12), 30);
  assert.equal(jalaliMonthLength(1398, 12), 29);
  assert.equal(jalaliMonthLength(1403, 12), 30);
  assert.deepEqual(jalaliToGregorian(1398, 8, 29), [2019, 11, 20]);
  assert.deepEqual(monthRange('jalali', 1398, 10), [[2019, 12, 22], [2020, 1, 20]]);
  assert.deepEqual(monthRange('jalali', 1399, 1), [[2020, 3, 20], [2020, 4, 19]]);
});

test('finds solar and lunar dates in Persian and Arabic text, in any digits, with or without an era mark', () => {
  assert.deepEqual(days('سردار سلیمانی در ۱۳ دی ۱۳۹۸ در بغداد کشته شد'), [['۱۳ دی ۱۳۹۸', '2020-1-3', '2020-1-3']]);
  assert.deepEqual(days('اعتراضات دی ۱۳۹۸ ادامه یافت'), [['دی ۱۳۹۸', '2019-12-22', '2020-1-20']]);
  assert.deepEqual(days('في ١٥ رمضان ١٤٤٠ هـ أعلن'), [['١٥ رمضان ١٤٤٠ هـ', '2019-5-20', '2019-5-20']]);
  assert.deepEqual(days('۱۵ رمضان ۱۴۴۰ ق'), [['۱۵ رمضان ۱۴۴۰ ق', '2019-5-20', '2019-5-20']]);
  assert.deepEqual(days('خلال شهر رمضان 1440'), [['رمضان 1440', '2019-5-6', '2019-6-4']]);
  assert.deepEqual(days('۱۰ ربیع‌الاول ۱۴۴۱'), [['۱۰ ربیع‌الاول ۱۴۴۱', '2019-11-8', '2019-11-8']]);
  assert.deepEqual(days('۳۰ اسفند ۱۳۹۹'), [['۳۰ اسفند ۱۳۹۹', '2021-3-20', '2021-3-20']]);
  assert.deepEqual(days('۳۰ اسفند ۱۳۹۸'), [], 'no 30 Esfand in a common year, and not the month either');
  assert.deepEqual(days('الأربعاء 22 ربيع الأول 1441 هـ - 20 نوفمبر 2019 م').map((d) => d[1]), ['2019-11-20', '2019-11-20']);
});

test('Gregorian month names of every series: Egyptian, Levantine, Maghrebi and Persian', () => {
  for (const [text, month] of [['3 يناير 2020', 1], ['3 كانون الثاني 2020', 1], ['3 جانفي 2020', 1], ['۳ ژانویه ۲۰۲۰', 1], ['5 أيار 2019', 5], ['5 مايو 2019', 5],
    ['12 تشرين الأول 2019', 10], ['12 أكتوبر 2019', 10], ['12 اکتبر 2019', 10], ['1 آب 2019', 8], ['1 أغسطس 2019', 8], ['1 أوت 2019', 8]] as const) {
    const found = findArabicScriptDates(text);
    assert.equal(found.length, 1, text);
    assert.equal(found[0]!.from[1], month, text);
  }
});

test('reach date mentions: a day, a Gregorian month, and a solar month as a range valued by the month of its middle', () => {
  const mentions = extractDates('در ۱۳ دی ۱۳۹۸ حمله شد؛ در دی ۱۳۹۸ و في تشرين الثاني 2019 كذلك.');
  assert.deepEqual(mentions.map((m) => [m.text, m.value, m.precision, m.range]), [
    ['۱۳ دی ۱۳۹۸', '2020-01-03', 'day', undefined],
    ['دی ۱۳۹۸', '2020-01', 'month', ['2019-12-22', '2020-01-20']],
    ['تشرين الثاني 2019', '2019-11', 'month', undefined],
  ]);
  const english = extractDates('On 3 January 2020 a strike; في ١٥ رمضان ١٤٤٠ هـ بيان.');
  assert.deepEqual(english.map((m) => m.value), ['2020-01-03', '2019-05-20']);
});

test('document dates: the exact Gregorian or solar date of a header wins over the lunar one; a lunar date alone is used', () => {
  assert.equal(findDate('الأربعاء 22 ربيع الأول 1441 هـ - 20 نوفمبر 2019 م')?.value, '2019-11-20');
  assert.equal(findDate('۲۹ آبان ۱۳۹۸')?.value, '2019-11-20');
  assert.equal(findDate('الخميس ١٥ رمضان ١٤٤٠ هـ')?.value, '2019-05-20');
});
