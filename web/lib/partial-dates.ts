/** Partial ISO dates as time ranges: "2019" spans the year, "2020-01" the month, "2020-01-03" the day. */

/** Milliseconds since the epoch, [start, end). */
export interface TimeRange {
  start: number;
  end: number;
}

/** The range a partial date covers, or null when it is not one ("", "January"). */
export function dateRange(date: string): TimeRange | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3] !== undefined) {
    const start = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
    return { start, end: start + 86_400_000 };
  }
  if (match[2] !== undefined) {
    const month = Number(match[2]) - 1;
    return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  }
  return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-01" -> "January 2020", "2019" -> "2019 (year)", "2020-01-03" -> "3 January 2020". */
export function formatPartialDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) return date || 'undated';
  const month = match[2] ? MONTHS[Number(match[2]) - 1] : undefined;
  if (match[3]) return `${Number(match[3])} ${month} ${match[1]}`;
  if (month) return `${month} ${match[1]}`;
  return `${match[1]} (year)`;
}

/** Year ticks for an axis over [start, end): every year, or every 2, 5, 10 ... so there are at most ~`max` ticks. */
export function yearTicks(range: TimeRange, max = 12): number[] {
  const first = new Date(range.start).getUTCFullYear();
  const last = new Date(range.end - 1).getUTCFullYear();
  const span = last - first + 1;
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => span / s <= max) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last + 1; y += step) ticks.push(y);
  return ticks;
}

/** The span covering every range, padded a little so bars do not touch the edges; null for none. */
export function overallRange(ranges: readonly TimeRange[]): TimeRange | null {
  if (ranges.length === 0) return null;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const r of ranges) {
    start = Math.min(start, r.start);
    end = Math.max(end, r.end);
  }
  // Start and end on year boundaries, so the axis reads in whole years.
  const startYear = new Date(start).getUTCFullYear();
  const endYear = new Date(end - 1).getUTCFullYear();
  return { start: Date.UTC(startYear, 0, 1), end: Date.UTC(endYear + 1, 0, 1) };
}
