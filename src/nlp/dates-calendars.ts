/**
 * The calendars of Persian and Arabic text in Gregorian days: the Persian solar (Jalali, Solar Hijri) calendar and the
 * tabular Islamic (lunar Hijri) calendar. The lunar one is the arithmetic calendar (30-year cycle, leap years 2, 5, 7,
 * 10, 13, 16, 18, 21, 24, 26, 29): countries fix months by sighting or by Umm al-Qura, so a date may be 1-2 days off.
 */

/** A Gregorian day. */
export type Ymd = [number, number, number];

/** Converts a Persian solar (Jalali) date to Gregorian [year, month, day] (the 33-year arithmetic of jdf.scr.ir). */
export function jalaliToGregorian(jy: number, jm: number, jd: number): Ymd {
  const y = jy + 1595;
  let days = -355668 + 365 * y + Math.floor(y / 33) * 8 + Math.floor(((y % 33) + 3) / 4) + jd + (jm < 7 ? (jm - 1) * 31 : (jm - 7) * 30 + 186);
  let gy = 400 * Math.floor(days / 146097);
  days %= 146097;
  if (days > 36524) {
    days--;
    gy += 100 * Math.floor(days / 36524);
    days %= 36524;
    if (days >= 365) days++;
  }
  gy += 4 * Math.floor(days / 1461);
  days %= 1461;
  if (days > 365) {
    gy += Math.floor((days - 1) / 365);
    days = (days - 1) % 365;
  }
  let gd = days + 1;
  const leap = (gy % 4 === 0 && gy % 100 !== 0) || gy % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let gm = 0;
  while (gm < 12 && gd > lengths[gm]!) gd -= lengths[gm++]!;
  return [gy, gm + 1, gd];
}

/** Days since 1970-01-01 of a Gregorian day. */
const epochDay = ([y, m, d]: Ymd): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** The Gregorian day `n` days after 1970-01-01. */
function fromEpochDay(n: number): Ymd {
  const t = new Date(n * 86_400_000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** Days in a Jalali month: 31 in the first six, 30 in the next five, Esfand 29 or (leap years) 30. */
export function jalaliMonthLength(jy: number, jm: number): number {
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return epochDay(jalaliToGregorian(jy + 1, 1, 1)) - epochDay(jalaliToGregorian(jy, 12, 1));
}

/** Julian day number of a tabular Islamic date (1 Muharram 1 AH = 16 July 622, Julian calendar). */
function islamicJdn(y: number, m: number, d: number): number {
  return d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439;
}

// Julian day number of 1970-01-01.
const JDN_1970 = 2440588;

/** Converts a tabular Islamic (lunar Hijri) date to Gregorian: 15 Ramadan 1440 -> [2019, 5, 20]. */
export function islamicToGregorian(y: number, m: number, d: number): Ymd {
  return fromEpochDay(islamicJdn(y, m, d) - JDN_1970);
}

/** Days in a tabular Islamic month: 30 and 29 alternately, Dhu al-Hijjah 30 in leap years. */
export function islamicMonthLength(y: number, m: number): number {
  return m < 12 ? islamicJdn(y, m + 1, 1) - islamicJdn(y, m, 1) : islamicJdn(y + 1, 1, 1) - islamicJdn(y, 12, 1);
}

/** The Gregorian days a solar or lunar month covers, first and last: "دی ۱۳۹۸" -> 2019-12-22 .. 2020-01-20. */
export function monthRange(calendar: 'jalali' | 'islamic', y: number, m: number): [Ymd, Ymd] {
  if (calendar === 'jalali') return [jalaliToGregorian(y, m, 1), jalaliToGregorian(y, m, jalaliMonthLength(y, m))];
  return [islamicToGregorian(y, m, 1), islamicToGregorian(y, m, islamicMonthLength(y, m))];
}
