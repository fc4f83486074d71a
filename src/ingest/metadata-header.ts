/**
 * The header region of a text: the lines before the story proper, where pages, mails and cables state their own date.
 * A date further down is about an event ("in the 40th paragraph, on 3 March 2021 the envoy met ..."), never the
 * document, so only this region may decide the document date.
 */
import { findDate } from './dates.js';

/** One line of the header region, markup stripped, and whether it reads as a paragraph of the story. */
export interface HeaderLine {
  text: string;
  prose: boolean;
}

/**
 * How far the region reaches: it ends before the third line of prose, after at most HEADER_LINES lines in lower case,
 * and never goes past MAX_HEADER_LINES lines. Two prose lines stay inside because a standfirst or a forwarding note
 * ("FYI, see below") may come before the date, and a wire story's dateline opens its first paragraph ("BAGHDAD, Nov 19
 * (Reuters) - ..."). Lines without lower case (a cable's routing lines "RUEHC/SECSTATE WASHDC", "BT") are not counted
 * against HEADER_LINES, so a cable's header reaches its SUBJECT block.
 */
export const HEADER_LINES = 15;
const MAX_HEADER_LINES = 30;
const PROSE_LINES_IN_HEADER = 2;

/** The header region of a text's non-empty, trimmed lines. */
export function headerRegion(lines: readonly string[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  let prose = 0;
  let cased = 0;
  for (const raw of lines.slice(0, MAX_HEADER_LINES)) {
    const text = unquote(raw);
    const isProseLine = isProse(text);
    if (isProseLine && ++prose > PROSE_LINES_IN_HEADER) break;
    if (/\p{Ll}|[\p{Script=Arabic}]/u.test(text) && ++cased > HEADER_LINES) break;
    if (text.length > 0) out.push({ text, prose: isProseLine });
  }
  return out;
}

/**
 * A line without the marks of quoting and of mail programs' bold labels: "> > Sent: Tue ..." and "*From:* Jane Doe"
 * (Outlook's HTML turned into text) read as "Sent: Tue ..." and "From: Jane Doe".
 */
export function unquote(line: string): string {
  return line.replace(/^(?:>\s?)+/, '').replace(/^([*_]{1,2})([^*_]{1,40}?)(:?)\1(:?)/, '$2$3$4').trim();
}

// "From: Jane Doe", "SUBJECT: IRAQI OFFICIALS ...", "Classified By: Political Counselor ...": a label before a colon.
const LABEL_LINE = /^[\p{L}][\p{L}\p{M} ./()-]{0,30}:\s/u;

/**
 * True for a line of running text: eight words or more, three of them lower-case (so not a title-case headline), not
 * a "Label: value" line, and not a short line carrying a date (a dateline or "Posted on Nov 19, 2019 by the news desk"
 * is metadata). A line all in capitals (old cables, military messages) needs eight words of two letters or more, so
 * routing lines and "C O N F I D E N T I A L" are not prose; unicased scripts (Arabic, Persian) need ten words.
 */
export function isProse(line: string): boolean {
  if (line.length <= 140 && LABEL_LINE.test(line)) return false;
  // Eight or ten words fit in the first 200 characters of any prose line; a long line need not be split whole.
  const words = line.slice(0, 200).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  let enough: boolean;
  if (lower > 0 || /\p{Ll}/u.test(line)) enough = words.length >= 8 && lower >= 3;
  else if (/\p{Lu}/u.test(line)) enough = words.filter((w) => /\p{L}.*\p{L}/u.test(w)).length >= 8;
  else enough = words.length >= 10;
  return enough && (line.length > 140 || findDate(line) === null);
}
