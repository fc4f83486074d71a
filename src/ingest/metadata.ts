/**
 * Metadata of articles captured as plain text: title, outlet, date and author, read from the short lines near the
 * top and bottom where pages put them. Every rule needs a label or a layout cue; a name or date that only occurs in
 * the story ("... told Middle East Eye", "in Nov 2019 the consulate burned") is never taken.
 */
import { authorOf, bylineOutletOf, copyrightOf, sourceOf, wireSourceOf } from './metadata-credits.js';
import { datelineDate } from './dates-forms.js';
import { findPublished, isDateLine } from './metadata-dates.js';
import { headerRegion } from './metadata-header.js';

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

/** What the file's format already said about the document (an e-mail's Date header, a JSON record's "published"). */
export interface KnownMetadata {
  /** Partial ISO date; gives a yearless dateline ("BAGHDAD, Nov 19 (Reuters) -") its year. */
  published?: string;
}

/** Reads title, source, published date and author from the layout of an article's text. */
export function inferMetadata(text: string, known: KnownMetadata = {}): InferredMetadata {
  const lines = text.split(/\r?\n|\f/).map((l) => l.trim()).filter((l) => l.length > 0);
  const head = lines.slice(0, HEAD_LINES);
  // The bottom never reaches the headline or the line under it, where a "©" credits a photo rather than the page.
  const tail = lines.slice(Math.max(TOP_LINES, lines.length - TAIL_LINES));
  const edges = lines.length > HEAD_LINES ? [...head, ...tail] : head;
  const out: InferredMetadata = {};
  const region = headerRegion(lines);
  const title = findTitle(lines.find((l, i) => i >= 3 || !isPageChrome(l))) ?? subjectOf(region);
  if (title) out.title = title;
  // Only the header region dates the document: a date in the story is about an event.
  const published = findPublished(region, known.published);
  if (published) out.published = published;
  const source = firstOf(edges, sourceOf) ?? firstOf(tail, copyrightOf) ?? firstOf(edges, bylineOutletOf)
    ?? head.slice(0, 6).map(wireSourceOf).find((s) => s !== undefined);
  if (source) out.source = source;
  const author = firstOf(edges, authorOf);
  if (author) out.author = author;
  return out;
}

/**
 * The format's date unless the text states the same date more precisely: a JSON record's "2019-11" and the story's
 * dateline "BAGHDAD, Nov 19 (Reuters) -" give 2019-11-19; a text date that disagrees never replaces the format's.
 */
export function refinePublished(given: string | undefined, inferred: string | undefined): string | undefined {
  if (given === undefined) return inferred;
  return inferred !== undefined && inferred.startsWith(`${given}-`) ? inferred : given;
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
  if (isHeaderField(first) || isDateLine(first) || datelineDate(first) || wireSourceOf(first) || sourceOf(first) || copyrightOf(first) || authorOf(first)) return undefined;
  return first;
}

// A mail or cable header field opening a text is no headline: "From: Jane Doe <jane@example.org>", "O 191432Z NOV 19".
const FIELD = /^(?:from|sent|to|cc|date|subject|subj|fm|info|dtg|importance|reply-to|tags|ref|e\.\s?o\.\s?\d+)\s*:/i;
// A classification banner opening a cable or memo is no headline: "C O N F I D E N T I A L SECTION 01 OF 02 BAGHDAD
// 001234", "SECRET//NOFORN", "UNCLASSIFIED" ("SECRET TALKS IN VIENNA" stays a headline).
const BANNER = /^(?:(?:(?:TOP )?SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|RESTRICTED)(?:$|\s*\/\/|\s+(?:SECTION|NOFORN|SIPDIS)\b)|(?:\p{Lu} ){4,}\p{Lu}\b)/u;
const CABLE_FIELD = /^(?:(?:FM|TO|INFO)\s+[A-Z]{2}|[ZOPRWY]{1,2}\s+\d{6}\s?[A-Z]\b)/;
const isHeaderField = (line: string) => FIELD.test(line) || CABLE_FIELD.test(line) || BANNER.test(line);

/**
 * The subject of a mail or cable header written into the text ("Subject: RE: Meeting notes", "SUBJECT: IRAQI
 * OFFICIALS DISCUSS ..."), used as the title when the first line is no headline. A cable's capitalised subject
 * wraps onto the next line when that line is capitalised too and no other field.
 */
function subjectOf(region: ReadonlyArray<{ text: string; prose: boolean }>): string | undefined {
  const at = region.findIndex((l) => /^(?:subject|subj)\s*:/i.test(l.text));
  // A "Subject:" line alone starts memos and articles too; beside another header field it is a mail's or cable's.
  if (at < 0 || !region.some((l, i) => i !== at && isHeaderField(l.text))) return undefined;
  let subject = region[at]!.text.replace(/^(?:subject|subj)\s*:\s*/i, '').trim();
  const next = region[at + 1]?.text;
  // "SUBJECT: PROVINCIAL OFFICIALS DESCRIBE IRANIAN PRESSURE ON THE" + "ELECTION LAW", but not "MSGID/GENADMIN/CENTCOM//".
  if (next && subject.length >= 40 && subject === subject.toUpperCase() && /^[A-Z][A-Z0-9 ,.'()-]*$/.test(next)) {
    subject = `${subject} ${next}`;
  }
  return subject.length > 0 && subject.length <= MAX_TITLE ? subject : undefined;
}
