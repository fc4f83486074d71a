/**
 * The document date from the header region, by general rules over the forms pages, wires, mails and cables use.
 * Every line of the region may propose a date with a rank; the best rank wins, then the earliest line:
 *   0  a publication or sending label ("Published: Nov. 19, 2019", "Sent: Tuesday, November 19, 2019 3:14 PM",
 *      "Date: Tue, 19 Nov 2019 15:14:00 +0000", "DATE: 19 NOV 2019"), a date-time group ("O 191432Z NOV 19"), a reply
 *      attribution ("On Tue, Nov 19, 2019 at 3:14 PM X wrote:"): the topmost message of a mail chain comes first;
 *   1  a wire dateline ("BAGHDAD, Nov 19 (Reuters) -"), yearless ones given the year the other header dates agree on;
 *   2  a line that is nothing but a date ("20 Nov 2019|", "Mon 18 Nov 2019 17.00 GMT");
 *   3  an update label ("Updated 3:05 PM ET, Tue November 19, 2019"), used only when nothing else states a date.
 */
import { HIJRI_DATE, normalizeDigits } from './dates-arabic-script.js';
import { dateTimeGroup, datelineDate, replyAttribution, withYear, yearFor, type DayMonth } from './dates-forms.js';
import { findDate, type FoundDate } from './dates.js';
import type { HeaderLine } from './metadata-header.js';

// Labels that announce when a document was published or sent. Arabic "تاريخ النشر" / "نشر في" and Persian
// "تاریخ انتشار" / "منتشر شده" mean "date of publication" / "published (on)"; Arabic "أرسل" and Persian "ارسال شده" are
// Outlook's "Sent:" in those languages.
const STRONG_LABEL = String.raw`published|posted|first published|originally published|publication date|date published|تاريخ النشر|نشر في|نشر بتاريخ|تاریخ انتشار|زمان انتشار|منتشر شده(?: در)?`;
// Labels that also open ordinary sentences ("Released on 3 March 2021, he said ..."): nothing but a time, a zone or
// another credit may follow their date.
const WEAK_LABEL = String.raw`date(?:d|line)?|date\s*/\s*time|sent|released|issued|created|dtg|التاريخ|تاريخ الإرسال|تاريخ|أُرسل|أرسل|ارسل|تاریخ ارسال|ارسال شده|تاریخ`;
const UPDATED = String.raw`(?:last\s+)?updated|(?:last\s+)?modified|آخر تحديث|تم التحديث|به‌روزرسانی|بروزرسانی`;
const labelAt = (words: string) => new RegExp(String.raw`^(?:${words})(?:\s+(?:on|at))?\s*[:»\-–|]?\s*`, 'iu');
const STRONG = labelAt(STRONG_LABEL);
const WEAK = labelAt(WEAK_LABEL);
const UPDATE = labelAt(UPDATED);
// A label may also open a later part of a metadata line: "Published: Nov. 19, 2019 Updated: Nov. 20, 2019".
const ANY_LABEL_INSIDE = new RegExp(String.raw`(?<=[\s|•·,;])(?:${STRONG_LABEL}|${UPDATED})\b`, 'giu');

// Metadata lines are short; a longer line is story text even if it starts with "Published".
const MAX_META_LINE = 140;

/** A proposed document date: its value, rank (lower is better) and line. */
interface Candidate {
  value: string;
  rank: number;
  line: number;
}

/** The document date stated by a header region, or undefined; `known` is a date the format already gave (context for yearless datelines). */
export function findPublished(region: readonly HeaderLine[], known?: string): string | undefined {
  const candidates: Candidate[] = [];
  const yearless: Array<{ dm: DayMonth; line: number }> = [];
  region.forEach(({ text }, line) => {
    // Every form below needs a digit: a line without one (most of a header) proposes nothing.
    if (!/[0-9\u0660-\u0669\u06f0-\u06f9]/.test(text)) return;
    const propose = (value: string | undefined, rank: number) => {
      if (value) candidates.push({ value, rank, line });
    };
    propose(dateTimeGroup(text), 0);
    propose(replyAttribution(text, region[line + 1]?.text), 0);
    const dateline = datelineDate(text);
    if (dateline && 'value' in dateline) propose(dateline.value, 1);
    else if (dateline) yearless.push({ dm: dateline, line });
    // Labels and bare dates sit on short metadata lines; a paragraph of the story is only read for its dateline.
    if (text.length > MAX_META_LINE) return;
    for (const segment of segmentsOf(text)) {
      propose(labelledDate(segment, STRONG, false), 0);
      propose(labelledDate(segment, WEAK, true), 0);
      propose(bareDate(segment), 2);
      propose(labelledDate(segment, UPDATE, false), 3);
    }
  });
  // "BAGHDAD, Nov 19 (Reuters) -" takes its year from the header's other dates and the format's, when they agree.
  const context = [...candidates.map((c) => c.value), ...(known ? [known] : [])];
  for (const { dm, line } of yearless) {
    const year = yearFor(dm, context);
    const value = year === undefined ? undefined : withYear(dm, year);
    if (value) candidates.push({ value, rank: 1, line });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.line - b.line);
  return candidates[0]?.value;
}

/** True when a line is a date with or without its label ("Published: 20 Nov 2019", "20 Nov 2019"), so no title. */
export function isDateLine(line: string): boolean {
  return [STRONG, WEAK, UPDATE].some((label) => labelledDate(line, label, true) !== undefined) || bareDate(line) !== undefined;
}

// "By Jane Doe | 20 Nov 2019 | World", "Reuters • 3 March 2021", "November 28, 2019 / 1:05 AM / Updated 4 years ago",
// and labels inside a line: the line, then its parts.
function segmentsOf(line: string): string[] {
  const parts = line.split(/\s*[|•·]\s*|\s+\/\s+/).filter((p) => p.length > 0);
  const inside = [...line.matchAll(ANY_LABEL_INSIDE)].map((m) => line.slice(m.index));
  return [line, ...(parts.length > 1 ? parts : []), ...inside];
}

/**
 * The date right after a label: "Published November 20th, 2019 - 08:25 GMT", "Sent: Tuesday, November 19, 2019 3:14
 * PM", "Updated 3:05 PM ET, Tue November 19, 2019". Only a weekday or a time may sit between the label and the date;
 * after a weak label only a time, a zone or another credit may follow it.
 */
function labelledDate(segment: string, label: RegExp, strict: boolean): string | undefined {
  const m = segment.match(label);
  if (!m || m[0].length === 0) return undefined;
  const rest = segment.slice(m[0].length);
  const found = findDate(rest);
  if (!found || stripTimes(normalizeDigits(rest.slice(0, found.index))).length > 0) return undefined;
  if (strict && !creditOnly(normalizeDigits(rest.slice(found.index + found.length)))) return undefined;
  return found.value;
}

// What may follow a date on a metadata line: nothing, a time, a separator, "by <name>", another label.
function creditOnly(after: string): boolean {
  const rest = stripTimes(after.replace(/^[\s,]+/, ' '));
  return rest.length === 0 || /^(?:by|updated|last|modified|posted|published)\b/i.test(after.replace(/^[\s,|•·–—-]+/, ''));
}

// A line holding a date plus at most a time, a weekday, separators or dates of other calendars: "20 Nov 2019|",
// "Mon 18 Nov 2019 17.00 GMT", "چهارشنبه ۲۹ آبان ۱۳۹۸ - ۰۸:۲۵", "الأربعاء 22 ربيع الأول 1441 هـ - 20 نوفمبر 2019 م".
function bareDate(segment: string): string | undefined {
  // Offsets from findDate hold for the ASCII-digit form too (one character per digit either way).
  const ascii = normalizeDigits(segment);
  const found = findDate(ascii);
  if (!found) return undefined;
  let rest = cut(ascii, found);
  // A second calendar on the same line: "۲۹ آبان ۱۳۹۸ - 20 نوامبر 2019".
  for (let other = findDate(rest), n = 0; other && n < 2; other = findDate(rest), n++) rest = cut(rest, other);
  return stripTimes(rest.replace(HIJRI_DATE, ' ')).length === 0 ? found.value : undefined;
}

const cut = (text: string, found: FoundDate) => `${text.slice(0, found.index)} ${text.slice(found.index + found.length)}`;

// Times, zones, weekdays and separators: what may stand beside a date on a metadata line.
function stripTimes(text: string): string {
  return text
    .replace(/\bT\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?![\w])/gi, ' ')
    // Zones in capitals only, so words such as "first" or "last" are never taken for one: "ET", "EST", "CEST", "+0000".
    .replace(/(?:[+-]\d{4}|\b(?:GMT|UTC|Z|[A-Z]{1,3}[SD]?T)|\((?:GMT|UTC|[A-Z]{1,3}[SD]?T)\))(?![\w])/g, ' ')
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi, ' ')
    .replace(/\b(?:at|on)\b/gi, ' ')
    .replace(/(?:الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|یکشنبه|دوشنبه|سه‌?شنبه|چهارشنبه|پنج‌?شنبه|جمعه|شنبه|ساعت)/gu, ' ')
    .replace(/[\s|•·,،\-–—/()[\]:]+/g, '');
}
