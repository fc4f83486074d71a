/** A sentence with each mention replaced by a typed placeholder, so rules can be written as readable patterns. */
import type { Span } from '../model/index.js';
import type { ExtractionInput, InputMention } from './types.js';
import { CLASS_NOUNS, FUNCTION_WORDS, HEAD_NOUNS } from './relations/lexicon.js';

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

/** Keeps the longest of overlapping mentions, in text order; NER output and gold sets both overlap at times. */
export function flattenMentions(mentions: readonly InputMention[]): InputMention[] {
  const byLength = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: InputMention[] = [];
  for (const m of byLength) {
    if (m.end <= m.start) continue;
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Builds the masked form of every sentence of a document. */
export function maskSentences(input: ExtractionInput): MaskedSentence[] {
  const mentions = flattenMentions(input.mentions);
  return input.sentences.map((span) =>
    maskSentence(input.text, span, mentions.filter((m) => m.start >= span.start && m.end <= span.end)),
  );
}

/** Masks one sentence given the mentions that lie inside it. */
export function maskSentence(text: string, span: Span, mentions: InputMention[]): MaskedSentence {
  let masked = '';
  const offsets: number[] = [];
  const slots: Span[] = [];
  let i = span.start;
  let next = 0;
  while (i < span.end) {
    const m = mentions[next];
    if (m !== undefined && m.start === i) {
      const ph = `⟦${TYPE_LETTER[m.type]}${next}⟧`;
      slots.push({ start: masked.length, end: masked.length + ph.length });
      for (let k = 0; k < ph.length; k++) offsets.push(k === 0 ? m.start : m.end);
      masked += ph;
      i = m.end;
      next++;
      continue;
    }
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      if (!masked.endsWith(' ') && masked.length > 0) {
        masked += ' ';
        offsets.push(i);
      }
    } else {
      masked += normaliseChar(ch);
      offsets.push(i);
    }
    i++;
  }
  offsets.push(span.end);
  const s: MaskedSentence = { span, masked, mentions, offsets, slots };
  // Letters are lowered after the whole sentence is masked, since the test looks at the words that follow.
  const chars = masked.split('');
  slots.forEach((slot, k) => {
    if (isModifier(s, k)) chars[slot.start + 1] = chars[slot.start + 1]!.toLowerCase();
  });
  s.masked = chars.join('');
  return s;
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
