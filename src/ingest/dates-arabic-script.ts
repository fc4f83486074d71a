/**
 * Dates written in Arabic and Persian: Gregorian month names in both (Egyptian "نوفمبر", Levantine "تشرين الثاني",
 * Persian "نوامبر") and the Persian solar calendar ("۲۹ آبان ۱۳۹۸"), converted to Gregorian.
 */
import { jalaliToGregorian } from '../nlp/dates-calendars.js';

/** A pattern and how its match becomes [year, month?, day?] in the Gregorian calendar. */
export type DatePattern = [RegExp, (m: RegExpMatchArray) => [string, string?, string?]];

// Gregorian month names; several spellings each (with and without hamza, Egyptian and Levantine, Persian).
const GREGORIAN: Array<[number, string[]]> = [
  [1, ['يناير', 'كانون الثاني', 'ژانویه', 'ژانویهٔ']],
  [2, ['فبراير', 'شباط', 'فوریه', 'فوريه']],
  [3, ['مارس', 'آذار', 'اذار']],
  [4, ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'آوریل', 'آوريل']],
  [5, ['مايو', 'أيار', 'ايار', 'مه', 'مـه', 'می']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'ژوئن']],
  [7, ['يوليو', 'يوليه', 'تموز', 'ژوئیه', 'ژوئيه', 'جولای']],
  [8, ['أغسطس', 'اغسطس', 'آب', 'اوت', 'آگوست']],
  [9, ['سبتمبر', 'أيلول', 'ايلول', 'سپتامبر']],
  [10, ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول', 'اکتبر', 'اكتبر']],
  [11, ['نوفمبر', 'تشرين الثاني', 'نوامبر']],
  [12, ['ديسمبر', 'كانون الأول', 'كانون الاول', 'دسامبر']],
];
const JALALI = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

const GREGORIAN_BY_NAME = new Map(GREGORIAN.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
// Longest first, so "كانون الثاني" is not read as a shorter name.
const alternation = (names: string[]) => [...names].sort((a, b) => b.length - a.length).join('|');
// JavaScript's \b only knows ASCII words; these lookarounds stand for it in Arabic script.
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
const SEP = String.raw`[\s،,-]+`;

/** Patterns for dates in Arabic script; digits must already be ASCII (see normalizeDigits). */
export const ARABIC_SCRIPT_PATTERNS: DatePattern[] = [
  // "۲۹ آبان ۱۳۹۸" -> 2019-11-20
  [new RegExp(String.raw`${START}(\d{1,2})${SEP}(${alternation(JALALI)})${SEP}(1[34]\d{2})${END}`, 'u'), (m) => {
    const [y, mo, d] = jalaliToGregorian(Number(m[3]), JALALI.indexOf(m[2]!) + 1, Number(m[1]));
    return [String(y), String(mo), String(d)];
  }],
  // "20 نوفمبر 2019", "20 تشرين الثاني 2019", "۲۰ نوامبر ۲۰۱۹"
  [new RegExp(String.raw`${START}(\d{1,2})${SEP}(${alternation([...GREGORIAN_BY_NAME.keys()])})${SEP}((?:19|20)\d{2})${END}`, 'u'),
    (m) => [m[3]!, String(GREGORIAN_BY_NAME.get(m[2]!)), m[1]]],
  // "نوفمبر 2019"
  [new RegExp(String.raw`${START}(${alternation([...GREGORIAN_BY_NAME.keys()])})${SEP}((?:19|20)\d{2})${END}`, 'u'),
    (m) => [m[2]!, String(GREGORIAN_BY_NAME.get(m[1]!))]],
  // "۱۳۹۸/۰۸/۲۹", "1398-08-29": Persian sites and their metadata write solar dates as numbers; years 1300-1499 are
  // never Gregorian in the documents we read. An impossible solar day ("1398/07/31") gives no date.
  [/(?<![\d/.-])(1[34]\d{2})[/-](\d{1,2})[/-](\d{1,2})(?![\d/])/, (m) => {
    const [jy, jm, jd] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (jm < 1 || jm > 12 || jd < 1 || jd > (jm <= 6 ? 31 : 30)) return [m[1]!, '0'];
    const [y, mo, d] = jalaliToGregorian(jy, jm, jd);
    return [String(y), String(mo), String(d)];
  }],
];

// Islamic lunar (Hijri) month names, Arabic and Persian spellings. Pages print a Hijri date beside the Gregorian or
// solar one ("الأربعاء 22 ربيع الأول 1441 هـ - 20 نوفمبر 2019 م"); it is recognised so such a line still counts as a
// date line, but not converted (the lunar calendar in use varies by country by a day or two).
const HIJRI_MONTHS = [
  'محرم', 'صفر', 'ربيع الأول', 'ربيع الاول', 'ربيع الآخر', 'ربيع الثاني', 'جمادى الأولى', 'جمادى الاولى', 'جمادى الآخرة',
  'جمادى الثانية', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة', 'ربیع‌الاول', 'ربیع‌الثانی', 'جمادی‌الاول',
  'جمادی‌الثانی', 'ذی‌القعده', 'ذی‌الحجه', 'ربیع الاول', 'ربیع الثانی', 'جمادی الاول', 'جمادی الثانی', 'ذی القعده', 'ذی الحجه',
];

/** A Hijri (lunar) date with its era mark, and the bare era marks ("هـ", "م", "ه.ق"); digits must already be ASCII. */
export const HIJRI_DATE = new RegExp(
  String.raw`${START}(?:\d{1,2}${SEP}(?:${alternation(HIJRI_MONTHS)})${SEP}1[34]\d{2}(?:\s*(?:هـ|ه\.?\s?ق|ق)${END})?|(?:هـ|م|ه\.?\s?ق|ه\.?\s?ش)${END}\.?)`,
  'gu',
);

export { normalizeDigits } from '../nlp/dates-arabic-script.js';
export { jalaliToGregorian } from '../nlp/dates-calendars.js';
