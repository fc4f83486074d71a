/** Calendar helpers for date extraction: month and weekday names, partial ISO dates and day arithmetic in UTC. */
import type { DatePrecision } from '../model/index.js';

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Weekday names, Sunday first as in Date.getUTCDay(). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Regex alternation of month names and abbreviations, longest first ("Sept." before "Sep"). */
export const MONTH_PATTERN = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** Month number (1-12) of a name or abbreviation such as "Sept." or "January". */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** A parsed partial date. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** Parses "2019", "2019-11" or "2019-11-20"; undefined when the text is not a partial ISO date. */
export function parsePartialIso(s: string | undefined): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s ?? '');
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats a partial date as ISO text with its precision. */
export function formatPartial(d: PartialDate): { value: string; precision: DatePrecision } {
  if (d.month === undefined) return { value: String(d.year), precision: 'year' };
  if (d.day === undefined) return { value: `${d.year}-${pad(d.month)}`, precision: 'month' };
  return { value: `${d.year}-${pad(d.month)}-${pad(d.day)}`, precision: 'day' };
}

/** True when day is a real day of that month ("31 February" is not). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to a full date (UTC). */
export function addDays(d: Required<PartialDate>, days: number): Required<PartialDate> {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Day of the week (0 = Sunday) of a full date. */
export function weekday(d: Required<PartialDate>): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Adds months to a year and month. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const k = year * 12 + (month - 1) + delta;
  return { year: Math.floor(k / 12), month: (k % 12) + 1 };
}

/**
 * The most precise partial date holding every day from `first` to `last`: the day when they are one, the month or the
 * year when both fall in it, undefined when the period crosses a new year ("last week" read on 2 January).
 */
export function covering(first: Required<PartialDate>, last: Required<PartialDate>): PartialDate | undefined {
  if (first.year !== last.year) return undefined;
  if (first.month !== last.month) return { year: first.year };
  return first.day === last.day ? first : { year: first.year, month: first.month };
}

/** The Monday starting the week (Monday to Sunday) that holds a date. */
export function mondayOf(d: Required<PartialDate>): Required<PartialDate> {
  return addDays(d, -((weekday(d) + 6) % 7));
}
