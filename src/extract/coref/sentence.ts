/** A sentence as a run of items, each a plain token or a whole named mention, for the linear scans of the coref rules. */
import type { Span } from '../../model/index.js';
import { tokenize } from '../../nlp/tokenize.js';
import type { InputMention } from '../types.js';

/** A token, or a named mention standing for all of its tokens. */
export interface Item {
  start: number;
  end: number;
  /** The token in lower case ("" for a mention). */
  lower: string;
  /** The token starts with a capital letter ("Militia" in a headline, "Netherlands"). */
  cap: boolean;
  /** The mention this item stands for, if any. */
  mention?: InputMention;
}

/**
 * Items of one sentence: "Kataib Hezbollah, an Iraqi militia," -> [KH] [,] [an] [Iraqi] [militia] [,] when both names
 * are mentions. `mentions` must be sorted, non-overlapping and inside the sentence; `from` is where to start looking.
 */
export function sentenceItems(text: string, span: Span, mentions: readonly InputMention[], from: number): { items: Item[]; next: number } {
  const items: Item[] = [];
  let k = from;
  while (k < mentions.length && mentions[k]!.end <= span.start) k++;
  // Tokenised on the sentence alone: tokenize(text, start, end) copies the text up to `end` on every call.
  const base = span.start;
  for (const tok of tokenize(text.slice(span.start, span.end))) {
    const t = { text: tok.text, start: tok.start + base, end: tok.end + base };
    while (k < mentions.length && mentions[k]!.end <= t.start) k++;
    const m = mentions[k];
    if (m !== undefined && m.start < t.end && t.start < m.end) {
      const last = items[items.length - 1];
      if (last?.mention !== m) items.push({ start: m.start, end: m.end, lower: '', cap: true, mention: m });
      continue;
    }
    const lower = t.text.toLowerCase();
    items.push({ start: t.start, end: t.end, lower, cap: lower !== t.text });
  }
  return { items, next: k };
}

/** Prepositions and conjunctions: a name after one is not the subject ("in Baghdad", "and Tehran"). */
export const PREPOSITIONS = new Set(
  'of in on at to for with by from into onto over under about against between after before during since until as than via through across near inside outside toward towards within without among amid behind beyond upon like including'.split(' '),
);

/** True when the item at `index` opens its clause: nothing before it but punctuation, conjunctions and an adverbial. */
export function isSubjectPosition(items: readonly Item[], index: number): boolean {
  let words = 0;
  for (let i = index - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.mention) return false;
    // A dateline or a dash opens a clause too: "GENEVA (Reuters) - Kataib Hezbollah ...".
    if (it.lower === ',' || it.lower === ';' || it.lower === ':' || it.lower === '"' || it.lower === '“' || it.lower === '-' || it.lower === '–' || it.lower === '—') return words <= 4;
    if (PREPOSITIONS.has(it.lower) && i === index - 1) return false;
    if (it.lower === 'and' || it.lower === 'but' || it.lower === 'that' || it.lower === 'while') return true;
    words++;
  }
  return words === 0 || (words <= 1 && !PREPOSITIONS.has(items[index - 1]?.lower ?? ''));
}
