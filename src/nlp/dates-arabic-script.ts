/**
 * Dates written in Persian and Arabic: Gregorian month names (Egyptian "نوفمبر", Levantine "تشرين الثاني", Persian
 * "نوامبر"), the Persian solar calendar ("۲۹ آبان ۱۳۹۸", "دی ۱۳۹۸") and the lunar Hijri calendar ("١٥ رمضان ١٤٤٠ هـ"),
 * in Persian, Arabic-Indic or ASCII digits, as Gregorian days or day ranges (a month of another calendar is a range).
 */
import { islamicToGregorian, jalaliMonthLength, jalaliToGregorian, monthRange, type Ymd } from './dates-calendars.js';

/** Replaces Arabic-Indic (٠-٩) and Persian (۰-۹) digits with ASCII ones; one character each, so offsets are kept. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

/**
 * Folds the spelling variants of Arabic script that do not change a word, one character for one so offsets are kept:
 * digits to ASCII, Persian yeh and kaf to the Arabic forms, alif forms to bare alif, teh marbuta to heh, ZWNJ to space.
 */
export function foldArabicScript(text: string): string {
  return normalizeDigits(text).replace(/[یى]/g, 'ي').replace(/ک/g, 'ك').replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/\u200c/g, ' ');
}

// Gregorian month names; Egyptian and Levantine series in Arabic, the French-derived Persian names.
const GREGORIAN: Array<[number, string[]]> = [
  [1, ['يناير', 'كانون الثاني', 'ژانویه', 'ژانویهٔ', 'جانفي']],
  [2, ['فبراير', 'شباط', 'فوریه', 'فيفري']],
  [3, ['مارس', 'آذار']],
  [4, ['أبريل', 'إبريل', 'نيسان', 'آوریل', 'أفريل']],
  [5, ['مايو', 'أيار', 'مه', 'مـه', 'می', 'ماي']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'ژوئن', 'جوان']],
  [7, ['يوليو', 'يوليه', 'تموز', 'ژوئیه', 'جولای', 'جويلية']],
  [8, ['أغسطس', 'آب', 'اوت', 'آگوست', 'أوت']],
  [9, ['سبتمبر', 'أيلول', 'سپتامبر']],
  [10, ['أكتوبر', 'تشرين الأول', 'اکتبر']],
  [11, ['نوفمبر', 'تشرين الثاني', 'نوامبر']],
  [12, ['ديسمبر', 'كانون الأول', 'دسامبر']],
];
const JALALI = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
// Lunar months with their Arabic and Persian spellings ("ربيع الأول", "ربیع‌الاول").
const HIJRI: Array<[number, string[]]> = [
  [1, ['محرم', 'المحرم']], [2, ['صفر']], [3, ['ربيع الأول', 'ربيع أول']], [4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني']],
  [5, ['جمادى الأولى', 'جمادى الأول', 'جمادی الاول', 'جمادی الاولی']], [6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادی الثانی', 'جمادی الآخر']],
  [7, ['رجب']], [8, ['شعبان']], [9, ['رمضان']], [10, ['شوال']], [11, ['ذو القعدة', 'ذي القعدة', 'ذی القعده']], [12, ['ذو الحجة', 'ذي الحجة', 'ذی الحجه']],
];

/** Name (folded) -> month number, for one table. */
function byName(table: Array<[number, string[]]>): Map<string, number> {
  return new Map(table.flatMap(([n, names]) => names.map((name) => [foldArabicScript(name).replace(/ـ/g, ''), n] as const)));
}
const GREGORIAN_BY_NAME = byName(GREGORIAN);
const JALALI_BY_NAME = byName(JALALI.map((name, i) => [i + 1, [name]]));
const HIJRI_BY_NAME = byName(HIJRI);

// Longest first, so "تشرين الثاني" is not read as a shorter name; spaces inside names match any run of spaces.
const alternation = (names: Iterable<string>): string => [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+')).join('|');
// JavaScript's \b only knows ASCII words; these lookarounds stand for it in Arabic script.
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
const SEP = String.raw`[\s،,-]+`;
const G = alternation(GREGORIAN_BY_NAME.keys());
const J = alternation(JALALI_BY_NAME.keys());
const H = alternation(HIJRI_BY_NAME.keys());
// The lunar era mark: "هـ", "ه", "ه.ق", "ق" ("15 رمضان 1440 هـ"); the solar one: "ه.ش", "ش".
const LUNAR_ERA = String.raw`(?:\s*(?:هـ|ه\.?\s?ق|ق|ه)\.?${END})?`;
const SOLAR_ERA = String.raw`(?:\s*(?:ه\.?\s?ش|ش)\.?${END})?`;

/** A date found in Arabic-script text: where, and the Gregorian days it covers (one day, or a month of another calendar). */
export interface ArabicScriptDate {
  start: number;
  end: number;
  from: Ymd;
  to: Ymd;
}

/** Month name -> number after folding and dropping tatweel and repeated spaces. */
const lookup = (table: Map<string, number>, name: string): number => table.get(name.replace(/ـ/g, '').replace(/\s+/g, ' ')) ?? 0;

type Rule = [RegExp, (m: RegExpExecArray) => [Ymd, Ymd] | null];

const RULES: Rule[] = [
  // "۲۹ آبان ۱۳۹۸", "۲۹ آبان ۱۳۹۸ ه.ش" -> 2019-11-20; an impossible day ("31 مهر") gives none.
  [new RegExp(String.raw`${START}(\d{1,2})${SEP}(${J})${SEP}(1[34]\d{2})${SOLAR_ERA}${END}`, 'gu'), (m) => {
    const [d, mo, y] = [Number(m[1]), lookup(JALALI_BY_NAME, m[2]!), Number(m[3])];
    if (d < 1 || d > jalaliMonthLength(y, mo)) return null;
    const day = jalaliToGregorian(y, mo, d);
    return [day, day];
  }],
  // "دی ۱۳۹۸" -> 2019-12-22 .. 2020-01-20
  [new RegExp(String.raw`${START}(${J})${SEP}(1[34]\d{2})${SOLAR_ERA}${END}`, 'gu'), (m) => monthRange('jalali', Number(m[2]), lookup(JALALI_BY_NAME, m[1]!))],
  // "١٥ رمضان ١٤٤٠ هـ" -> 2019-05-20 (arithmetic calendar)
  [new RegExp(String.raw`${START}(\d{1,2})${SEP}(${H})${SEP}(1[34]\d{2})${LUNAR_ERA}${END}`, 'gu'), (m) => {
    const [d, mo, y] = [Number(m[1]), lookup(HIJRI_BY_NAME, m[2]!), Number(m[3])];
    if (d < 1 || d > 30) return null;
    const day = islamicToGregorian(y, mo, d);
    return [day, day];
  }],
  // "رمضان ١٤٤٠" -> 2019-05-06 .. 2019-06-04
  [new RegExp(String.raw`${START}(${H})${SEP}(1[34]\d{2})${LUNAR_ERA}${END}`, 'gu'), (m) => monthRange('islamic', Number(m[2]), lookup(HIJRI_BY_NAME, m[1]!))],
  // "20 نوفمبر 2019", "20 تشرين الثاني 2019", "۲۰ نوامبر ۲۰۱۹"
  [new RegExp(String.raw`${START}(\d{1,2})${SEP}(${G})${SEP}((?:1[89]|20)\d{2})(?:\s*م${END})?${END}`, 'gu'), (m) => {
    const [d, mo, y] = [Number(m[1]), lookup(GREGORIAN_BY_NAME, m[2]!), Number(m[3])];
    if (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
    return [[y, mo, d], [y, mo, d]];
  }],
  // "نوفمبر 2019", "تشرين الثاني 2019"
  [new RegExp(String.raw`${START}(${G})${SEP}((?:1[89]|20)\d{2})(?:\s*م${END})?${END}`, 'gu'), (m) => {
    const [mo, y] = [lookup(GREGORIAN_BY_NAME, m[1]!), Number(m[2])];
    return [[y, mo, 1], [y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate()]];
  }],
];

/** Finds the dates of Arabic-script text, in text order; overlapping finds keep the earlier rule (the more specific). */
export function findArabicScriptDates(text: string): ArabicScriptDate[] {
  if (!/[\u0600-\u06ff]/u.test(text) || !/[0-9\u0660-\u0669\u06f0-\u06f9]/u.test(text)) return [];
  const folded = foldArabicScript(text);
  const out: ArabicScriptDate[] = [];
  // Spans already read, dates or not: "۳۰ اسفند ۱۳۹۸" (no such day) is no date, and not the month "اسفند ۱۳۹۸" either.
  const taken: [number, number][] = [];
  for (const [re, resolve] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
      const [start, end] = [m.index, m.index + m[0].length];
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      taken.push([start, end]);
      const range = resolve(m);
      if (range && range[0][1] >= 1) out.push({ start, end: start + m[0].trimEnd().length, from: range[0], to: range[1] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
