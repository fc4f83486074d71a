/**
 * Metadata of articles captured as plain text: title, outlet, date and author, read from the short lines near the
 * top and bottom where pages put them. Every rule needs a label or a layout cue; a name or date that only occurs in
 * the story ("... told Middle East Eye", "in Nov 2019 the consulate burned") is never taken.
 */
import { normalizeDigits } from './dates-arabic-script.js';
import { findDate } from './dates.js';
import { authorOf, bylineOutletOf, copyrightOf, sourceOf, wireSourceOf } from './metadata-credits.js';

/** Metadata inferred from a text; a field is absent when no line clearly states it. */
export interface InferredMetadata {
  title?: string;
  /** Outlet or origin. */
  source?: string;
  /** Partial ISO date. */
  published?: string;
  author?: string;
}

// How many non-empty lines count as "the top" and "the bottom" of an article.
const HEAD_LINES = 12;
const TAIL_LINES = 6;
const TOP_LINES = 2;
// Metadata lines are short; a longer line is story text even if it starts with "By".
const MAX_META_LINE = 140;
const MAX_TITLE = 200;

/** Reads title, source, published date and author from the layout of an article's text. */
export function inferMetadata(text: string): InferredMetadata {
  const lines = text.split(/\r?\n|\f/).map((l) => l.trim()).filter((l) => l.length > 0);
  const head = lines.slice(0, HEAD_LINES);
  // The bottom never reaches the headline or the line under it, where a "©" credits a photo rather than the page.
  const tail = lines.slice(Math.max(TOP_LINES, lines.length - TAIL_LINES));
  const edges = lines.length > HEAD_LINES ? [...head, ...tail] : head;
  const out: InferredMetadata = {};
  const title = findTitle(lines.find((l, i) => i >= 3 || !isPageChrome(l)));
  if (title) out.title = title;
  const published = findPublished(edges);
  if (published) out.published = published;
  const source = firstOf(edges, sourceOf) ?? firstOf(tail, copyrightOf) ?? firstOf(edges, bylineOutletOf)
    ?? head.slice(0, 6).map(wireSourceOf).find((s) => s !== undefined);
  if (source) out.source = source;
  const author = firstOf(edges, authorOf);
  if (author) out.author = author;
  return out;
}

/** Applies a rule to each metadata-sized line (and to its "|"-separated parts), returning the first value found. */
function firstOf(lines: string[], rule: (segment: string) => string | undefined): string | undefined {
  for (const line of lines) {
    if (line.length > MAX_META_LINE) continue;
    for (const segment of [line, ...segmentsOf(line)]) {
      const value = rule(segment);
      if (value) return value;
    }
  }
  return undefined;
}

// "By Jane Doe | 20 Nov 2019 | Politics", "Reuters • 3 March 2021"
function segmentsOf(line: string): string[] {
  const parts = line.split(/\s*[|•·]\s*/).filter((p) => p.length > 0);
  return parts.length > 1 ? parts : [];
}

// Lines a page capture carries before the headline: "Home > World > Middle East", "Skip to content", "Advertisement".
const CHROME_WORDS = /^(?:advertisement|skip to (?:main )?content|menu|share(?: this(?: article)?)?|subscribe|sign in|log ?in|search|close|home)$/i;

/** True for navigation and boilerplate lines that come before an article's headline (only the first three are skipped). */
function isPageChrome(line: string): boolean {
  if (CHROME_WORDS.test(line)) return true;
  const crumbs = line.split(/\s*[|>»/•›]\s*/).filter((p) => p.length > 0);
  return crumbs.length >= 3 && crumbs.every((c) => c.split(/\s+/).length <= 3);
}

// "Leaked Spy Cables Reveal How Iran Dominates the Government of Iraq" -> title; a first line that is a full sentence
// ("The rivalry between ... told Middle East Eye.") is story text, so the title stays empty.
function findTitle(line: string | undefined): string | undefined {
  // "# Notes on the envoy" (Markdown) -> "Notes on the envoy"
  const first = line?.replace(/^#{1,6}\s+/, '').replace(/^([*_]{1,2})(.+)\1$/, '$2').trim();
  if (!first || first.length > MAX_TITLE) return undefined;
  const words = first.split(/\s+/);
  if (words.length < 2 || words.length > 30) return undefined;
  if (/[.,;:]$/.test(first) && !/\b(?:[A-Z]|Jr|Sr|Inc|Ltd|Co|U\.S)\.$/.test(first)) return undefined;
  if (labelledDate(first) || sourceOf(first) || copyrightOf(first) || authorOf(first)) return undefined;
  return first;
}

// Labels that announce the publication date, and those that announce a later edit (used only when nothing better).
// Arabic "تاريخ النشر" / "نشر في" and Persian "تاریخ انتشار" / "منتشر شده" mean "date of publication" / "published (on)".
const PUBLISHED_LABEL = /^(?:published|posted|first published|publication date|date(?:d|line)?|released|issued|تاريخ النشر|نشر في|نشر بتاريخ|تاريخ|تاریخ انتشار|منتشر شده(?: در)?|تاریخ)(?:\s+on)?\s*[:»\-–|]?\s*/iu;
const UPDATED_LABEL = /^(?:(?:last\s+)?updated|modified|last modified|آخر تحديث|تم التحديث|به‌روزرسانی|بروزرسانی)(?:\s+on)?\s*[:»\-–|]?\s*/iu;

/**
 * "Published November 20th, 2019 - 08:25 GMT" and " date 2019-11-19" are labelled; "20 Nov 2019|" is a line that is
 * nothing but a date; "Updated: 2020-01-05" is taken only when the page gives no publication date.
 */
function findPublished(lines: string[]): string | undefined {
  const short = lines.filter((l) => l.length <= MAX_META_LINE);
  const candidates = short.flatMap((l) => [l, ...segmentsOf(l)]);
  for (const segment of candidates) {
    const value = labelledDate(segment);
    if (value) return value;
  }
  for (const segment of candidates) {
    const value = bareDate(segment);
    if (value) return value;
  }
  for (const segment of candidates) {
    const m = segment.match(UPDATED_LABEL);
    if (m && m[0].length > 0) {
      const found = findDate(segment.slice(m[0].length));
      if (found && found.index === 0) return found.value;
    }
  }
  return undefined;
}

function labelledDate(segment: string): string | undefined {
  const m = segment.match(PUBLISHED_LABEL);
  if (!m || m[0].length === 0) return undefined;
  // The date must follow the label directly: "Posted on 3 March 2021", not "Posted by a reader who in 2019 ...".
  const found = findDate(segment.slice(m[0].length));
  return found && found.index <= 4 ? found.value : undefined;
}

// A line holding a date plus at most a time, a weekday or separators: "20 Nov 2019|", "Mon 18 Nov 2019 17.00 GMT".
function bareDate(segment: string): string | undefined {
  const found = findDate(segment);
  if (!found) return undefined;
  // Offsets from findDate hold for the ASCII-digit form too (one character per digit either way).
  const ascii = normalizeDigits(segment);
  const rest = (ascii.slice(0, found.index) + ' ' + ascii.slice(found.index + found.length))
    .replace(/\bT\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:gmt|utc|[a-z]{2,4}t|[+-]\d{2}:?\d{2})?\b/gi, ' ')
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi, ' ')
    .replace(/(?:الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|یکشنبه|دوشنبه|سه‌?شنبه|چهارشنبه|پنج‌?شنبه|جمعه|شنبه|ساعت)/gu, ' ')
    .replace(/[\s|•·,،\-–—/()[\]]+/g, '');
  return rest.length === 0 ? found.value : undefined;
}
