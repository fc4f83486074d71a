/** A sentence with each mention replaced by a typed placeholder, so rules can be written as readable patterns. */
import type { Span } from '../model/index.js';
import type { ExtractionInput, InputMention } from './types.js';
import { CLASS_NOUNS, FUNCTION_WORDS, HEAD_NOUNS } from './relations/lexicon.js';
import { insideSorted } from './span-lookup.js';

// "Hejazi called Hashd leader Abu Fadak" -> "⟦P0⟧ called ⟦O1⟧ leader ⟦P2⟧"
const TYPE_LETTER = { PERSON: 'P', ORG: 'O', LOC: 'L', MISC: 'M' } as const;

/** One sentence ready for pattern rules. */
export interface MaskedSentence {
  /** The sentence's span in the document. */
  span: Span;
  /** Sentence text with mentions as ⟦<type letter><index>⟧ (lower-case letter when the name only qualifies a noun), curly quotes straightened, whitespace collapsed. */
  masked: string;
  /** Mentions inside the sentence, in text order; the placeholder number indexes this array. */
  mentions: InputMention[];
  /** Document offset of each masked character (one extra entry for the end). */
  offsets: number[];
  /** Where each mention's placeholder starts and ends in `masked`. */
  slots: Span[];
}

/**
 * Keeps the longest of overlapping mentions, in text order; NER output and gold sets both overlap at times. Longer
 * mentions win, then earlier ones, then the first given. Only mentions in one run of overlapping spans can conflict,
 * so each run is settled on its own: one sort and a sweep, however many names the document has.
 */
export function flattenMentions(mentions: readonly InputMention[]): InputMention[] {
  const byStart = mentions.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
  const kept: InputMention[] = [];
  for (let i = 0; i < byStart.length;) {
    let j = i + 1;
    let reach = byStart[i]!.end;
    while (j < byStart.length && byStart[j]!.start < reach) reach = Math.max(reach, byStart[j++]!.end);
    if (j === i + 1) kept.push(byStart[i]!);
    else for (const m of longestFirst(byStart.slice(i, j))) kept.push(m);
    i = j;
  }
  return kept;
}

/** One run of overlapping mentions: the longest first (then the earliest, then the first given), skipping any it overlaps. */
function longestFirst(run: InputMention[]): InputMention[] {
  const byLength = run.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: InputMention[] = []; // disjoint, sorted by start
  for (const m of byLength) {
    // The kept span starting last before m ends is the only one that can overlap m (kept spans are disjoint).
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (kept[mid]!.start < m.end) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && kept[lo - 1]!.end > m.start) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}

/** Builds the masked form of every sentence of a document, one at a time (a long document is never held masked whole). */
export function* maskSentences(input: ExtractionInput): Generator<MaskedSentence> {
  const mentions = flattenMentions(input.mentions);
  for (const span of input.sentences) yield maskSentence(input.text, span, insideSorted(mentions, span));
}

/** Masks one sentence given the mentions that lie inside it; linear in the sentence's length. */
export function maskSentence(text: string, span: Span, mentions: InputMention[]): MaskedSentence {
  const parts: string[] = [];
  const offsets: number[] = [];
  const slots: Span[] = [];
  const placeholderPart: number[] = [];
  let length = 0;
  let spaceLast = false;
  let i = span.start;
  let next = 0;
  while (i < span.end) {
    const m = mentions[next];
    if (m !== undefined && m.start === i) {
      const ph = `⟦${TYPE_LETTER[m.type]}${next}⟧`;
      slots.push({ start: length, end: length + ph.length });
      for (let k = 0; k < ph.length; k++) offsets.push(k === 0 ? m.start : m.end);
      placeholderPart.push(parts.length);
      parts.push(ph);
      length += ph.length;
      spaceLast = false;
      i = m.end;
      next++;
      continue;
    }
    const ch = text[i]!;
    // A word broken over two lines (soft hyphens in the reading view) reads whole.
    if (ch === '\u00ad') {
      i++;
      continue;
    }
    if (isSpace(ch)) {
      // Runs of whitespace collapse to one space, and none opens the sentence.
      if (!spaceLast && length > 0) {
        parts.push(' ');
        offsets.push(i);
        length++;
        spaceLast = true;
      }
    } else {
      parts.push(normaliseChar(ch));
      offsets.push(i);
      length++;
      spaceLast = false;
    }
    i++;
  }
  offsets.push(span.end);
  const s: MaskedSentence = { span, masked: parts.join(''), mentions, offsets, slots };
  // Letters are lowered after the whole sentence is masked, since the test looks at the words that follow.
  let lowered = false;
  slots.forEach((_, k) => {
    if (!isModifier(s, k)) return;
    const ph = parts[placeholderPart[k]!]!;
    parts[placeholderPart[k]!] = ph[0]! + ph[1]!.toLowerCase() + ph.slice(2);
    lowered = true;
  });
  if (lowered) s.masked = parts.join('');
  return s;
}

const SPACE = /\s/u;
function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(ch));
}

// Curly quotes and apostrophes are straightened so one pattern covers both spellings ("Iran’s" / "Iran's").
function normaliseChar(ch: string): string {
  if (ch === '’' || ch === '‘') return "'";
  if (ch === '“' || ch === '”') return '"';
  if (ch === '–' || ch === '—') return '-';
  return ch;
}

/** The mention whose placeholder covers masked position `pos`, if any. */
export function mentionAt(s: MaskedSentence, pos: number): number {
  return s.slots.findIndex((slot) => slot.start <= pos && pos < slot.end);
}

/** True when the mention only qualifies a following noun: "Iranian officials", "US drone strike" (not "the Beit Rahbari agency"). */
function isModifier(s: MaskedSentence, index: number): boolean {
  const slot = s.slots[index];
  const mention = s.mentions[index];
  if (slot === undefined || mention === undefined) return false;
  const next = /^(?:-| )([a-z][\w-]*)/.exec(s.masked.slice(slot.end))?.[1];
  if (next === undefined || s.masked[slot.end] === '-') return false;
  // "the Beit Rahbari agency" names the agency; "Shia factions" does not name Shia.
  if (CLASS_NOUNS.has(next) && mention.type !== 'MISC') return false;
  if (HEAD_NOUNS.has(next)) return true;
  // Demonyms ("Iranian", "Iraqi") qualify the next noun; plural ones ("Iranians") are nouns themselves.
  return mention.type === 'MISC' && !mention.text.endsWith('s') && !FUNCTION_WORDS.has(next) && !/ly$/.test(next);
}
