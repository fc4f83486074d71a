/**
 * Dates in the fixed forms of message headers: military and diplomatic date-time groups ("R 191432Z NOV 19"), wire
 * datelines ("BAGHDAD, Nov 19 (Reuters) -"), mail reply attributions ("On Tue, Nov 19, 2019 at 3:14 PM X wrote:"),
 * and the year of a date written without one, taken from the other dates around it only when they agree.
 */
import { findDate } from './dates.js';

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
// Month names in any case, spelled out letter by letter so the patterns around them can stay case-sensitive.
const anyCase = (s: string) => s.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const MONTH = anyCase(String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`) + String.raw`\.?`;

/** A day and month written without a year ("Nov 19"): the dateline of a wire story. */
export interface DayMonth {
  month: number;
  day: number;
}

/** A two-digit year as mail and message formats read it (RFC 5322 section 4.3): 00-49 is 20xx, 50-99 is 19xx. */
export function expandYear(yy: string): string {
  if (yy.length === 4) return yy;
  const n = Number(yy);
  return String(n < 50 ? 2000 + n : 1900 + n);
}

// "R 191432Z NOV 19", "O 191432Z NOV 2019", "P 191432ZNOV19", "DTG: 191432Z NOV 19", "ZZ 191432Z NOV 19":
// an optional precedence (flash Z, immediate O, priority P, routine R, and the doubled forms) or a DTG label, then
// day, hour and minute, the zone letter, the month's three letters and the year.
const DTG = /^(?:(?:[ZOPRWY]{1,2}|DTG\s*:?)\s+)?(\d{2})\d{4}\s?[A-IK-Z]\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*(\d{4}|\d{2})\b/i;

/** The date of a line that starts with a date-time group, as a partial ISO date; undefined for any other line. */
export function dateTimeGroup(line: string): string | undefined {
  const m = line.match(DTG);
  if (!m) return undefined;
  return isoOf(Number(expandYear(m[3]!)), MONTH_NUMBER[m[2]!.toLowerCase()]!, Number(m[1]));
}

// "On Tue, Nov 19, 2019 at 3:14 PM Jane Doe <jane@example.org> wrote:", "On 19/11/2019 15:14, Jane Doe wrote:";
// a long attribution wraps, so "wrote:" may open the next line.
const ATTRIBUTION = /^on\s+(.{6,120}?)\bwrote:?\s*$/i;

/** The date of a reply attribution line ("On <date>, <name> wrote:"), the date the quoted message was sent. */
export function replyAttribution(line: string, next = ''): string | undefined {
  const joined = /^wrote:?\s*$/i.test(next) ? `${line} ${next}` : line;
  const m = joined.match(ATTRIBUTION);
  if (!m) return undefined;
  const found = findDate(m[1]!);
  return found && found.index <= 6 ? found.value : undefined;
}

// A dateline opens a wire story: the place (one to four capitalised words, perhaps ", Iraq"), the date, the agency
// in brackets or slashes, then a dash: "BAGHDAD, Nov 19 (Reuters) - ", "WASHINGTON, Nov. 19, 2019 /PRNewswire/ -- ",
// "Tehran, Nov 19, IRNA -- ". A line of nothing but a place and a full date is one too: "BRUSSELS 1996-08-22".
const PLACE = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}){0,2}`;
const DAY_MONTH = String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH})`;
const DATELINE_DATE = String.raw`(${DAY_MONTH}(?:,?\s+(?:19|20)\d{2})?|(?:19|20)\d{2}-\d{2}-\d{2})`;
const AGENCY = String.raw`(?:\([^()]{2,40}\)|/[^/]{2,40}/|\p{Lu}{2,12})`;
const DATELINE = new RegExp(String.raw`^(${PLACE}),?\s+${DATELINE_DATE},?\s*(?:${AGENCY}\s*)?(?:--|[-–—])\s`, 'u');
const PLACE_AND_DATE = new RegExp(String.raw`^(${PLACE}),?\s+${DATELINE_DATE}$`, 'u');
// Words that open other header lines and would otherwise pass for a place: "Updated Nov 19 - ...", "Mon 18 Nov".
const NOT_A_PLACE = /^(?:published|posted|updated|modified|last|first|date[a-z]*|sent|released|issued|created|on|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/i;

// Arabic and Persian wires: "بغداد، 20 نوفمبر 2019 (رويترز) - ...", "تهران، ۲۹ آبان ۱۳۹۸ (ایرنا) - ..."; the date
// must carry its year (findDate's Arabic-script patterns), the agency is optional, a dash must follow.
const ARABIC_DATELINE = /^[\p{Script=Arabic}\u200c]+(?:\s[\p{Script=Arabic}\u200c]+){0,2}\s*[،,]\s*/u;
const AFTER_ARABIC_DATE = /^\s*(?:\([^()]{2,30}\)\s*)?[-–—]/u;

/** A wire dateline's date: a partial ISO value when it states the year, else the day and month alone. */
export function datelineDate(line: string): { value: string } | DayMonth | undefined {
  const arabic = line.match(ARABIC_DATELINE);
  if (arabic) {
    const rest = line.slice(arabic[0].length);
    const found = findDate(rest);
    return found && found.index === 0 && AFTER_ARABIC_DATE.test(rest.slice(found.length)) ? { value: found.value } : undefined;
  }
  const m = line.match(DATELINE) ?? line.match(PLACE_AND_DATE);
  if (!m || NOT_A_PLACE.test(m[1]!)) return undefined;
  const found = findDate(m[2]!);
  if (found) return { value: found.value };
  return dayMonthOf(m[2]!);
}

/** "Nov 19", "19 November", "Nov. 19th" -> day and month; undefined for anything else. */
export function dayMonthOf(text: string): DayMonth | undefined {
  const m = text.match(/^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$|^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?$/i);
  if (!m) return undefined;
  const month = MONTH_NUMBER[(m[1] ?? m[4]!).toLowerCase().slice(0, 3)];
  const day = Number(m[2] ?? m[3]);
  if (month === undefined || day < 1 || day > 31) return undefined;
  return { month, day };
}

/**
 * The year of a day and month written without one, from other dates of the same header (partial ISO): each date
 * proposes the year that puts the day nearest to it ("Dec 31" beside "2020-01-02" is 2019); a year-only date proposes
 * itself. The year is returned only when every proposal agrees; none, or a disagreement, gives undefined.
 */
export function yearFor(dm: DayMonth, context: readonly string[]): number | undefined {
  let year: number | undefined;
  for (const c of context) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(c);
    if (!m) continue;
    const cy = Number(m[1]);
    let proposal = cy;
    if (m[2]) {
      const at = Date.UTC(cy, Number(m[2]) - 1, m[3] ? Number(m[3]) : 15);
      const distance = (y: number) => Math.abs(Date.UTC(y, dm.month - 1, dm.day) - at);
      proposal = [cy - 1, cy + 1].reduce((best, y) => (distance(y) < distance(best) ? y : best), cy);
    }
    if (year !== undefined && year !== proposal) return undefined;
    year = proposal;
  }
  return year;
}

/** A partial ISO date with the year put on a day and month, or undefined when that day does not exist that year. */
export function withYear(dm: DayMonth, year: number): string | undefined {
  return isoOf(year, dm.month, dm.day);
}

function isoOf(year: number, month: number, day: number): string | undefined {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
