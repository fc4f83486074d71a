/** Date mentions by rule: absolute, partial and relative to the document date, normalised to partial ISO dates. */
import type { DateMention } from '../model/index.js';
import {
  addDays, addMonths, formatPartial, isValidDay, monthNumber, MONTH_PATTERN, parsePartialIso, weekday, WEEKDAYS, type PartialDate,
} from './dates-calendar.js';

const M = `(${MONTH_PATTERN})\\.?`;
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const Y = '((?:1[89]|20)\\d{2})';
const WD = `(${WEEKDAYS.join('|')})`;
const NUM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

type Resolve = (m: RegExpExecArray, doc: PartialDate | undefined) => { date: PartialDate; relative: boolean } | undefined;

/** A pattern and how its match becomes a date; earlier rules win ties at the same start. */
interface Rule {
  re: RegExp;
  resolve: Resolve;
  /** Capture group that delimits the mention when the match includes a cue word ("in 2011" -> "2011"). */
  group?: number;
}

/** Year for a day and month written without one: the document's year, or the year before when that lands > 6 months ahead. */
function inferYear(month: number, day: number | undefined, doc: PartialDate | undefined): number | undefined {
  if (!doc) return undefined;
  const docMonth = doc.month ?? 12;
  return month - docMonth > 6 || (month - docMonth === 6 && (day ?? 1) > (doc.day ?? 31)) ? doc.year - 1 : doc.year;
}

const full = (d: PartialDate | undefined): Required<PartialDate> | undefined =>
  d && d.month !== undefined && d.day !== undefined ? (d as Required<PartialDate>) : undefined;

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
  { re: new RegExp(`\\b${D}(?: of)? ${M}(?:,? ${Y})?\\b`, 'giy'), resolve: (m, doc) => dayMonth(m[1]!, m[2]!, m[3], doc) },
  // "November 20th, 2019", "Sept. 18, 2016", "March 3"
  { re: new RegExp(`\\b${M} ${D}(?:,? ${Y})?\\b(?!,\\d)`, 'giy'), resolve: (m, doc) => dayMonth(m[2]!, m[1]!, m[3], doc) },
  // "Sept 2018", "January 2020", "June of 2014"
  { re: new RegExp(`\\b${M},? (?:of )?${Y}\\b`, 'giy'), resolve: (m) => ({ date: { year: +m[2]!, month: monthNumber(m[1]!)! }, relative: false }) },
  // "in January", "since March": a month name alone only after a cue, so "may" the verb is never a date.
  {
    re: new RegExp(`\\b(?:in|since|until|by|during|early|late|mid-?|last|this|next) (${MONTH_PATTERN.replace('|may', '')}|May)\\b(?!\\.?,? (?:of )?\\d)`, 'giy'),
    group: 1,
    resolve: (m, doc) => {
      const mo = monthNumber(m[1]!)!;
      const cue = m[0].split(/[ -]/)[0]!.toLowerCase();
      if (!doc) return undefined;
      let year = inferYear(mo, undefined, doc)!;
      if (cue === 'next' && mo <= (doc.month ?? 12)) year = doc.year + 1;
      if (cue === 'last' && mo >= (doc.month ?? 1)) year = doc.year - 1;
      return { date: { year, month: mo }, relative: true };
    },
  },
  // "in 2011", "since 2003", "by 2025": a bare year needs a cue so counts ("2,000 pilgrims", "1500 troops") are not dates.
  {
    re: new RegExp(`\\b(?:(?:in|since|until|till|by|during|from|to|of|before|after|between|and|early|late|mid|year|summer|winter|spring|autumn|fall) |mid-)${Y}\\b(?![,.]?\\d)`, 'giy'),
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
  // "last week", "this month", "next year"; a week is reported at month precision (the model has no week precision).
  {
    re: /\b(last|this|next|past) (week|month|year)\b/giy,
    resolve: (m, doc) => {
      if (!doc) return undefined;
      const dir = { last: -1, past: -1, this: 0, next: 1 }[m[1]!.toLowerCase()]!;
      const unit = m[2]!.toLowerCase();
      if (unit === 'year') return { date: { year: doc.year + dir }, relative: true };
      if (doc.month === undefined) return undefined;
      if (unit === 'month') return { date: addMonths(doc.year, doc.month, dir), relative: true };
      const d = full(doc);
      if (!d) return { date: { year: doc.year, month: doc.month }, relative: true };
      const { year, month } = addDays(d, 7 * dir);
      return { date: { year, month }, relative: true };
    },
  },
  // "three days ago", "two weeks ago", "a year ago"
  {
    re: /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (day|week|month|year)s? ago\b/giy,
    resolve: (m, doc) => {
      const n = NUM_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase();
      if (!doc) return undefined;
      if (unit === 'year') return { date: { year: doc.year - n }, relative: true };
      if (doc.month === undefined) return undefined;
      if (unit === 'month') return { date: addMonths(doc.year, doc.month, -n), relative: true };
      const d = full(doc);
      if (!d) return undefined;
      const back = addDays(d, -(unit === 'week' ? 7 * n : n));
      return { date: unit === 'week' ? { year: back.year, month: back.month } : back, relative: true };
    },
  },
  // "on Monday", "last Tuesday", "next Friday": a bare weekday in news means the latest one on or before the document date.
  {
    re: new RegExp(`\\b(?:(last|next|this) )?${WD}\\b`, 'giy'),
    resolve: (m, doc) => {
      const d = full(doc);
      if (!d) return undefined;
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const today = weekday(d);
      const cue = m[1]?.toLowerCase();
      let delta = -((today - target + 7) % 7);
      if (cue === 'last' && delta === 0) delta = -7;
      if (cue === 'next') delta = ((target - today + 7) % 7) || 7;
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
      const r = rule.resolve(m, doc);
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
  return out;
}
