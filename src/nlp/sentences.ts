/** Sentence boundaries by rule: terminal punctuation followed by a likely sentence start, inside the blocks of the text's layout. */
import type { Span } from '../model/index.js';
import { analyseLayout, type Layout } from './layout.js';

// Abbreviations after which a period does not end a sentence ("Gen. Qassem Soleimani", "Sept. 18").
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres st jr sr rev hon amb ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs etc inc corp ltd co dept univ fig approx est al')
    .split(' '),
);

const TERMINAL = /[.!?؟۔]/u;

/**
 * Longest span the stages read as one sentence, in characters. A longer run without a sentence end (a one-line
 * 50 MB file, a table flattened to text) is cut into windows of at most this many characters, so every per-sentence
 * step (NER, parsing, masking, relation pairs, coreference, claim patterns) works on bounded input. Prose rarely comes
 * close: 7 of 80,000 sentences of the Factbook, the samples and the fixtures are longer (semicolon-joined lists).
 */
export const MAX_SENTENCE = 3000;
const CLOSERS = /["'”’)\]»]/u;

/**
 * Returns sentence spans over the text, trimmed of surrounding whitespace. Sentences never cross a block of the
 * text's layout (paragraph, heading, list item, quoted block) and boilerplate blocks (sign-offs, credits, mail
 * headers) give none; inside a block, wrapped line breaks and quote markers read as spaces (see layout.ts).
 */
export function splitSentences(text: string, layout: Layout = analyseLayout(text)): Span[] {
  const spans: Span[] = [];
  for (const b of layout.blocks) if (b.kind !== 'boilerplate') splitBlock(layout.reading, b.start, b.end, spans);
  return spans;
}

/**
 * Cuts every span longer than `max` into consecutive windows of at most `max` characters, trimmed of whitespace.
 * A window ends after a clause mark (; : ,) or at a space in its second half where there is one, else mid-word.
 * Spans stored before the bound existed pass through here before the stages read them.
 */
export function boundSentences(text: string, spans: readonly Span[], max: number = MAX_SENTENCE): Span[] {
  if (!spans.some((s) => s.end - s.start > max)) return spans as Span[];
  const out: Span[] = [];
  for (const s of spans) {
    if (s.end - s.start <= max) out.push(s);
    else pushWindows(out, text, s.start, s.end, max);
  }
  return out;
}

/** Appends windows of at most `max` characters covering [start, end) (see boundSentences). */
function pushWindows(spans: Span[], text: string, start: number, end: number, max: number): void {
  let from = skipSpace(text, start, end);
  while (end - from > max) {
    const cut = windowEnd(text, from, from + max);
    pushSpan(spans, text, from, cut);
    from = skipSpace(text, cut, end);
  }
  pushSpan(spans, text, from, end);
}

/** Where a window starting at `from` ends, at most at `limit`: after a clause mark, else at a space, else at `limit`. */
function windowEnd(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  let space = -1;
  for (let i = limit; i > floor; i--) {
    if (!isSpaceAt(text, i)) continue;
    const c = text.charCodeAt(i - 1);
    if (c === 59 || c === 58 || c === 44) return i; // "; " ": " ", "
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  // No space at all: cut mid-word, but never between the two halves of a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** The reading view and the sentences of a text, computed from one layout pass. */
export function readSentences(text: string): { reading: string; sentences: Span[] } {
  const layout = analyseLayout(text);
  return { reading: layout.reading, sentences: splitSentences(text, layout) };
}

/** Splits one block of the reading view at sentence-ending punctuation, appending to `spans`. */
function splitBlock(text: string, from: number, to: number, spans: Span[]): void {
  const push = (start: number, end: number): void => {
    if (end - start > MAX_SENTENCE) pushWindows(spans, text, start, end, MAX_SENTENCE);
    else pushSpan(spans, text, start, end);
  };
  let start = skipSpace(text, from, to);
  let i = start;
  while (i < to) {
    if (isTerminal(text.charCodeAt(i))) {
      let end = i + 1;
      while (end < to && (TERMINAL.test(text[end]!) || CLOSERS.test(text[end]!))) end++;
      if (endsSentence(text, i, end, to)) {
        push(start, end);
        start = skipSpace(text, end, to);
        i = start;
        continue;
      }
    }
    i++;
  }
  push(start, to);
}

/** Decides whether the punctuation at `dot` (followed by closers up to `after`) ends a sentence. */
function endsSentence(text: string, dot: number, after: number, to: number): boolean {
  if (after < to && !/\s/u.test(text[after]!)) return false; // "3.5", "U.S.-led", "e.g.,"
  const next = skipSpace(text, after, to);
  if (next >= to) return true;
  if (text[dot] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "George W. Bush"
  const following = text[next]!;
  // A sentence starts with an upper-case letter, a digit, a quote or bracket, or a non-Latin letter.
  if (/\p{Ll}/u.test(following)) return false;
  if (/(?:\p{L}\.){2,}$/u.test(`${word}.`) && /\p{Lu}/u.test(following)) {
    // "the U.S. Army" vs "in the U.S. The report ...": accept a break only before a common sentence opener.
    const nextWord = /^\p{L}+/u.exec(text.slice(next))?.[0] ?? '';
    return SENTENCE_OPENERS.has(nextWord);
  }
  return true;
}

const SENTENCE_OPENERS = new Set(
  'The A An In On At It He She They We I But And This That These Those There When While As If After Before However Meanwhile According'.split(' '),
);

// . ! ? and the Arabic question mark and full stop, by code (the loop above visits every character).
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x61f || c === 0x6d4;
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/u.test(text[i]!));
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && isSpaceAt(text, i)) i++;
  return i;
}

function pushSpan(spans: Span[], text: string, start: number, end: number): void {
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (end > start) spans.push({ start, end });
}
