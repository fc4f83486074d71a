/** Finds a calendar date in a short piece of text and writes it as a partial ISO date ("2019", "2019-11", "2019-11-20"). */
import { findArabicScriptDates } from '../nlp/dates-arabic-script.js';
import { ARABIC_SCRIPT_PATTERNS, normalizeDigits, type DatePattern } from './dates-arabic-script.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;

/** A date found in text: the partial ISO value and where it sat. */
export interface FoundDate {
  value: string;
  index: number;
  length: number;
}

// Each pattern turns its groups into [year, month?, day?]; the first that matches wins, most specific first.
const PATTERNS: DatePattern[] = [
  // "2019-11-20", "2019/11/20", "2019-11-20T08:25:00Z"
  [new RegExp(String.raw`\b${YEAR}[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)`, 'i'), (m) => [m[1]!, m[2], m[3]]],
  // "November 20th, 2019", "Nov. 20 2019"
  [new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'i'), (m) => [m[3]!, month(m[1]!), m[2]]],
  // "20 Nov 2019", "3 March 2021", "Wed, 20 Nov 2019 08:25:00 +0000", "20-Nov-2019"
  [new RegExp(String.raw`\b${DAY}[\s-]+(?:of\s+)?${MONTH}[\s,-]+${YEAR}\b`, 'i'), (m) => [m[3]!, month(m[2]!), m[1]]],
  // "20/11/2019" or "11/20/2019", only when one side cannot be a month
  [new RegExp(String.raw`\b(\d{1,2})[/.](\d{1,2})[/.]${YEAR}\b`), (m) => dayMonthOrMonthDay(m)],
  // "November 2019"
  [new RegExp(String.raw`\b${MONTH},?\s+${YEAR}\b`, 'i'), (m) => [m[2]!, month(m[1]!)]],
  // "2019-11"
  [new RegExp(String.raw`\b${YEAR}-(\d{2})\b(?![-/]\d)`), (m) => [m[1]!, m[2]]],
  ...ARABIC_SCRIPT_PATTERNS,
];

/** Finds the first date in the text, or null; values that are not real dates (month 13, 31 February) are skipped. */
export function findDate(raw: string): FoundDate | null {
  // Every pattern needs a digit (ASCII, Arabic-Indic or Persian); most lines of a header have none.
  if (!/[0-9\u0660-\u0669\u06f0-\u06f9]/.test(raw)) return null;
  const text = normalizeDigits(raw);
  let best: FoundDate | null = null;
  for (const [pattern, parts] of PATTERNS) {
    const m = text.match(pattern);
    if (!m || m.index === undefined) continue;
    const value = toIso(...parts(m));
    // The earliest complete date wins; a later pattern only fills in when earlier ones found nothing there.
    if (value && (!best || m.index < best.index)) best = { value, index: m.index, length: m[0].length };
  }
  return best ?? lunarDate(raw);
}

/**
 * A lunar Hijri date ("22 ربيع الأول 1441 هـ") when the text gives no other: pages print it beside the Gregorian or
 * solar date, which is exact, while the arithmetic lunar calendar may be a day or two off the one a country uses.
 */
function lunarDate(raw: string): FoundDate | null {
  const found = findArabicScriptDates(raw)[0];
  if (!found) return null;
  const [[y, m, d], to] = [found.from, found.to];
  const pad = (n: number): string => String(n).padStart(2, '0');
  // A day, or a whole Gregorian month; a month of another calendar straddles two and gives no date.
  if (found.from.join() === to.join()) return { value: `${y}-${pad(m)}-${pad(d)}`, index: found.start, length: found.end - found.start };
  return d === 1 && to[1] === m && to[0] === y ? { value: `${y}-${pad(m)}`, index: found.start, length: found.end - found.start } : null;
}

/** Normalizes a date string as metadata gives it ("2019", "2019-11-20T08:25Z", "Wed, 20 Nov 2019 ...") to partial ISO. */
export function normalizeDate(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const trimmed = normalizeDigits(text.trim());
  if (/^(?:19|20)\d{2}$/.test(trimmed)) return trimmed;
  return findDate(trimmed)?.value;
}

function month(name: string): string {
  return String(MONTHS[name.toLowerCase().slice(0, 3)] ?? 0);
}

function dayMonthOrMonthDay(m: RegExpMatchArray): [string, string?, string?] {
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return [m[3]!, m[2], m[1]];
  if (b > 12 && a <= 12) return [m[3]!, m[1], m[2]];
  // "05/06/2019" could be May or June: keep only the year rather than guess.
  return [m[3]!];
}

function toIso(year: string, monthText?: string, dayText?: string): string | null {
  if (!monthText) return year;
  const mo = Number(monthText);
  if (!(mo >= 1 && mo <= 12)) return null;
  const ym = `${year}-${String(mo).padStart(2, '0')}`;
  if (!dayText) return ym;
  const d = Number(dayText);
  const last = new Date(Date.UTC(Number(year), mo, 0)).getUTCDate();
  if (!(d >= 1 && d <= last)) return null;
  return `${ym}-${String(d).padStart(2, '0')}`;
}
