/** Date mentions by rule: absolute, partial and relative to the document date, normalised to partial ISO dates. */
import type { DateMention } from '../model/index.js';
import {
  addDays, addMonths, covering, formatPartial, isValidDay, mondayOf, monthNumber, MONTH_PATTERN, parsePartialIso, weekday, WEEKDAYS,
  type PartialDate,
} from './dates-calendar.js';
import { findArabicScriptDates } from './dates-arabic-script.js';

const M = `(${MONTH_PATTERN})\\.?`;
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const Y = '((?:1[89]|20)\\d{2})';
const WD = `(${WEEKDAYS.join('|')})`;
// The space between words of a date: spaces, or one line break where wrapped text split "earlier this\nmonth".
const S = '(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)';
const NUM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Resolves a match; `ahead()` tells whether its clause speaks of the future ("will meet on Monday"). */
type Resolve = (m: RegExpExecArray, doc: PartialDate | undefined, ahead: () => boolean) => { date: PartialDate; relative: boolean } | undefined;

/** A pattern and how its match becomes a date; earlier rules win ties at the same start. */
interface Rule {
  re: RegExp;
  resolve: Resolve;
  /** Capture group that delimits the mention when the match includes a cue word ("in 2011" -> "2011"). */
  group?: number;
}

/**
 * Year for a day and month written without one: the document's year, or the year before when that lands > 6 months
 * ahead. A document dated by its year alone cannot place "26 February" (that February or the one before), so none.
 */
function inferYear(month: number, day: number | undefined, doc: PartialDate | undefined): number | undefined {
  if (!doc || doc.month === undefined) return undefined;
  const docMonth = doc.month;
  return month - docMonth > 6 || (month - docMonth === 6 && (day ?? 1) > (doc.day ?? 31)) ? doc.year - 1 : doc.year;
}

/** Words that put a clause in the future: "will meet on Monday", "the vote is expected in May", "talks set for March". */
export const FUTURE_CUES = /\b(?:will|shall|won't|'ll|is to|are to|to be (?:held|played|signed|opened|launched)|scheduled|(?:is|are) expected|(?:is|are) due|plans? to|planned|set (?:to|for)|slated|upcoming|going to)\b/i;

/**
 * True when the clause before `at` (back to a sentence break or comma, at most 80 characters) speaks of the future.
 * The comma keeps a report's own time apart: "X is to coach Nice, the club said on Friday" is last Friday.
 */
function clauseLooksAhead(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  const clause = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf(',')) + 1);
  return FUTURE_CUES.test(clause);
}

const full = (d: PartialDate | undefined): Required<PartialDate> | undefined =>
  d && d.month !== undefined && d.day !== undefined ? (d as Required<PartialDate>) : undefined;

/** A period of days as a relative date at the precision that holds all of it; none when it crosses a new year. */
function period(first: Required<PartialDate>, last: Required<PartialDate>): ReturnType<Resolve> {
  const date = covering(first, last);
  return date ? { date, relative: true } : undefined;
}

function dayMonth(day: string, month: string, year: string | undefined, doc: PartialDate | undefined): ReturnType<Resolve> {
  const mo = monthNumber(month)!;
  const dd = Number(day);
  const yy = year ? Number(year) : inferYear(mo, dd, doc);
  if (yy === undefined || !isValidDay(yy, mo, dd)) return undefined;
  return { date: { year: yy, month: mo, day: dd }, relative: !year };
}

const RULES: Rule[] = [
  // "2019-11-20", "1996-08-22"
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/gy, resolve: (m) => isValidDay(+m[1]!, +m[2]!, +m[3]!) ? { date: { year: +m[1]!, month: +m[2]!, day: +m[3]! }, relative: false } : undefined },
  // "3 January 2020", "3rd of January, 2020", "26 February"
  { re: new RegExp(`\\b${D}(?:${S}of)?${S}${M}(?:,?${S}${Y})?\\b`, 'giy'), resolve: (m, doc) => dayMonth(m[1]!, m[2]!, m[3], doc) },
  // "November 20th, 2019", "Sept. 18, 2016", "March 3"
  { re: new RegExp(`\\b${M}${S}${D}(?:,?${S}${Y})?\\b(?!,\\d)`, 'giy'), resolve: (m, doc) => dayMonth(m[2]!, m[1]!, m[3], doc) },
  // "Sept 2018", "January 2020", "June of 2014"
  { re: new RegExp(`\\b${M},?${S}(?:of${S})?${Y}\\b`, 'giy'), resolve: (m) => ({ date: { year: +m[2]!, month: monthNumber(m[1]!)! }, relative: false }) },
  // "in January", "since March", "in March last year": a month name alone only after a cue, so "may" the verb is never
  // a date. It is the latest such month not after the document date, unless the text looks ahead ("next March", "the
  // vote is expected in May") or names the year ("in March next year"); a year-only document date places none, and
  // "in April of that year" refers to a year the sentence named before, so it is no date here.
  {
    re: new RegExp(`\\b(?:(?:in|since|until|by|for|during|early|late|mid|last|this|next)${S}|mid-)((${MONTH_PATTERN})(?:${S}(last|this|next)${S}year)?)\\b(?!\\.?,?${S}(?:of${S})?\\d)(?!${S}of${S}(?:that|the${S}(?:same|following|previous))${S}year)`, 'giy'),
    group: 1,
    resolve: (m, doc, ahead) => {
      // "this may be wrong", "troops for march": the verbs stay verbs; the months are written with a capital.
      if (!doc || doc.month === undefined || /^(?:may|march)$/.test(m[2]!)) return undefined;
      const mo = monthNumber(m[2]!)!;
      const cue = m[0].split(/[\s-]/)[0]!.toLowerCase();
      const yearCue = m[3]?.toLowerCase();
      let year: number;
      if (yearCue) year = doc.year + { last: -1, this: 0, next: 1 }[yearCue]!;
      else if (cue === 'this') year = doc.year;
      else if (cue === 'next') year = mo > doc.month ? doc.year : doc.year + 1;
      else if (cue !== 'last' && cue !== 'since' && ahead()) year = mo >= doc.month ? doc.year : doc.year + 1;
      else if (cue === 'last') year = mo < doc.month ? doc.year : doc.year - 1;
      else year = mo <= doc.month ? doc.year : doc.year - 1;
      return { date: { year, month: mo }, relative: true };
    },
  },
  // "in 2011", "since 2003", "by 2025": a bare year needs a cue so counts ("2,000 pilgrims", "1500 troops") are not dates.
  {
    re: new RegExp(`\\b(?:(?:in|since|until|till|by|during|from|to|of|before|after|between|and|early|late|mid|year|summer|winter|spring|autumn|fall)${S}|mid-)${Y}\\b(?![,.]?\\d)`, 'giy'),
    group: 1,
    resolve: (m) => ({ date: { year: +m[1]! }, relative: false }),
  },
  // "yesterday", "today", "tomorrow"
  {
    re: /\b(yesterday|today|tomorrow)\b/giy,
    resolve: (m, doc) => {
      const d = full(doc);
      const delta = { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase()]!;
      return d ? { date: addDays(d, delta), relative: true } : undefined;
    },
  },
  // "last week", "earlier this month", "next year", "the past week": the period as days, reported at the finest
  // precision that holds all of it ("last week" read on Tuesday 5 November 2019 ran from 28 October: the year 2019).
  {
    re: new RegExp(`\\b(last|this|next|past)${S}(week|month|year)\\b`, 'giy'),
    resolve: (m, doc) => {
      if (!doc) return undefined;
      const dir = { last: -1, past: -1, this: 0, next: 1 }[m[1]!.toLowerCase()]!;
      const unit = m[2]!.toLowerCase();
      const d = full(doc);
      // "the past year" is the twelve months up to the document date, not the calendar year before it.
      if (m[1]!.toLowerCase() === 'past') return d ? period(addDays(d, -{ week: 7, month: 30, year: 365 }[unit]!), d) : undefined;
      if (unit === 'year') return { date: { year: doc.year + dir }, relative: true };
      if (doc.month === undefined) return undefined;
      if (unit === 'month') return { date: addMonths(doc.year, doc.month, dir), relative: true };
      if (!d) return undefined;
      const monday = addDays(mondayOf(d), 7 * dir);
      return period(monday, addDays(monday, 6));
    },
  },
  // "three days ago", "two weeks ago", "a year ago"; weeks are counted loosely, three days either side.
  {
    re: new RegExp(`\\b(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)${S}(day|week|month|year)s?${S}ago\\b`, 'giy'),
    resolve: (m, doc) => {
      const n = NUM_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase();
      if (!doc) return undefined;
      if (unit === 'year') return { date: { year: doc.year - n }, relative: true };
      if (doc.month === undefined) return undefined;
      if (unit === 'month') return { date: addMonths(doc.year, doc.month, -n), relative: true };
      const d = full(doc);
      if (!d) return undefined;
      if (unit === 'day') return { date: addDays(d, -n), relative: true };
      return period(addDays(d, -7 * n - 3), addDays(d, -7 * n + 3));
    },
  },
  // "on Monday", "last Tuesday", "next Friday": a bare weekday in news means the latest one on or before the document
  // date, or the next one after it when the clause looks ahead ("the envoy will return on Monday").
  {
    re: new RegExp(`\\b(?:(last|next|this)${S})?${WD}\\b`, 'giy'),
    resolve: (m, doc, ahead) => {
      const d = full(doc);
      if (!d) return undefined;
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const today = weekday(d);
      const cue = m[1]?.toLowerCase();
      let delta = -((today - target + 7) % 7);
      if (cue === 'last' && delta === 0) delta = -7;
      if (cue === 'next' || (cue !== 'last' && ahead())) delta = ((target - today + 7) % 7) || 7;
      return { date: addDays(d, delta), relative: true };
    },
  },
];

/** Finds date expressions in text; relative ones ("last week", "on Monday", "26 February") need `documentDate` (partial ISO). */
export function extractDates(text: string, documentDate?: string): DateMention[] {
  const doc = parsePartialIso(documentDate);
  const out: DateMention[] = [];
  let i = 0;
  while (i < text.length) {
    // Only try rules where a word starts, so the sticky regexes stay cheap.
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) {
      i++;
      continue;
    }
    let found: DateMention | undefined;
    let consumed = 0;
    for (const rule of RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m) continue;
      const r = rule.resolve(m, doc, () => clauseLooksAhead(text, i));
      if (!r) continue;
      const inner = rule.group ? m[rule.group]! : m[0];
      const start = rule.group ? i + m[0].lastIndexOf(inner) : i;
      const end = start + inner.length;
      const { value, precision } = formatPartial(r.date);
      found = { start, end, text: text.slice(start, end), value, precision, relative: r.relative };
      consumed = m[0].length;
      break;
    }
    if (found) {
      out.push(found);
      i += consumed;
    } else i++;
  }
  const arabic = arabicScriptMentions(text);
  return arabic.length === 0 ? out : [...out, ...arabic.filter((a) => !out.some((d) => a.start < d.end && d.start < a.end))].sort((a, b) => a.start - b.start);
}

const iso = ([y, m, d]: [number, number, number]): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Persian and Arabic dates as mentions: a day, a Gregorian month, or a solar or lunar month as a range of days whose
 * value is the Gregorian month (or year) holding all of it, else the month holding its middle day.
 */
function arabicScriptMentions(text: string): DateMention[] {
  return findArabicScriptDates(text).map(({ start, end, from, to }) => {
    const [first, last] = [{ year: from[0], month: from[1], day: from[2] }, { year: to[0], month: to[1], day: to[2] }];
    const whole = first.day === 1 && last.day === new Date(Date.UTC(last.year, last.month, 0)).getUTCDate() && first.month === last.month && first.year === last.year;
    let date: PartialDate | undefined = iso(from) === iso(to) ? first : whole ? { year: first.year, month: first.month } : undefined;
    if (!date) {
      const mid = addDays(first, Math.floor((Date.UTC(last.year, last.month - 1, last.day) - Date.UTC(first.year, first.month - 1, first.day)) / 172_800_000));
      date = { year: mid.year, month: mid.month };
    }
    const { value, precision } = formatPartial(date);
    const mention: DateMention = { start, end, text: text.slice(start, end), value, precision, relative: false };
    if (iso(from) !== iso(to) && !whole) mention.range = [iso(from), iso(to)];
    return mention;
  });
}
