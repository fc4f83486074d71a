/** Sentence boundaries by rule: terminal punctuation followed by a likely sentence start, and line breaks between paragraphs. */
import type { Span } from '../model/index.js';

// Abbreviations after which a period does not end a sentence ("Gen. Qassem Soleimani", "Sept. 18").
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres st jr sr rev hon amb ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs etc inc corp ltd co dept univ fig approx est al')
    .split(' '),
);

const TERMINAL = /[.!?؟۔]/u;
const CLOSERS = /["'”’)\]»]/u;

/** Returns sentence spans over the text, trimmed of surrounding whitespace. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n' && isParagraphBreak(text, i)) {
      pushSpan(spans, text, start, i);
      start = skipSpace(text, i);
      i = start;
      continue;
    }
    if (TERMINAL.test(ch)) {
      let end = i + 1;
      while (end < text.length && (TERMINAL.test(text[end]!) || CLOSERS.test(text[end]!))) end++;
      if (endsSentence(text, i, end)) {
        pushSpan(spans, text, start, end);
        start = skipSpace(text, end);
        i = start;
        continue;
      }
    }
    i++;
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

/** A line break ends a sentence when a blank line follows, or the line so far has no terminal punctuation (headlines, captions). */
function isParagraphBreak(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  if (j >= text.length || text[j] === '\n') return true;
  // A single line break inside running text (hard-wrapped paragraphs) continues the sentence when the next line starts in lower case.
  return !/\p{Ll}/u.test(text[j]!);
}

/** Decides whether the punctuation at `dot` (followed by closers up to `after`) ends a sentence. */
function endsSentence(text: string, dot: number, after: number): boolean {
  if (after < text.length && !/\s/u.test(text[after]!)) return false; // "3.5", "U.S.-led", "e.g.,"
  const next = skipSpace(text, after);
  if (next >= text.length) return true;
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

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

function pushSpan(spans: Span[], text: string, start: number, end: number): void {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
