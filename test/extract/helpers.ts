/** Test helpers: build an ExtractionInput from a sentence and hand-written mentions. */
import type { DateMention, EntityType, MoneyMention } from '../../src/model/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { ExtractionInput, InputMention } from '../../src/extract/types.js';

/** A hand-written mention: surface text, type, and optionally its entity key (defaults to the text) and which occurrence. */
export type HandMention = [text: string, type: EntityType, key?: string, occurrence?: number];

/** Finds each hand mention in the text (first occurrence unless told) and returns the extraction input. */
export function inputFor(text: string, hand: HandMention[], extra: Partial<ExtractionInput> = {}): ExtractionInput {
  const mentions: InputMention[] = hand.map(([surface, type, key, occurrence = 1]) => {
    let at = -1;
    for (let k = 0; k < occurrence; k++) at = findWord(text, surface, at + 1);
    if (at < 0) throw new Error(`mention not found: ${surface}`);
    return { start: at, end: at + surface.length, type, text: surface, entityKey: key ?? surface };
  });
  return { documentId: 'doc', text, sentences: splitSentences(text), mentions, dates: [], money: [], ...extra };
}

/** The next occurrence of `surface` as whole words ("Iraq" is not found inside "Iraqi"). */
function findWord(text: string, surface: string, from: number): number {
  for (let at = text.indexOf(surface, from); at >= 0; at = text.indexOf(surface, at + 1)) {
    if (!/\p{L}/u.test(text[at - 1] ?? '') && !/\p{L}/u.test(text[at + surface.length] ?? '')) return at;
  }
  return -1;
}

/** A date mention located by its surface text. */
export function dateIn(text: string, surface: string, value: string, precision: DateMention['precision'], relative = false): DateMention {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`date not found: ${surface}`);
  return { start, end: start + surface.length, text: surface, value, precision, relative };
}

/** A money mention located by its surface text. */
export function moneyIn(text: string, surface: string, amount: number, currency: string, per?: string): MoneyMention {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`money not found: ${surface}`);
  return { start, end: start + surface.length, text: surface, amount, currency, ...(per === undefined ? {} : { per }) };
}

/** Renders relations as short strings for table comparisons: "role_in(Hejazi -> Khamenei)". */
export function show(rels: { type: string; source: string; target: string; negated?: boolean }[]): string[] {
  return rels.map((r) => `${r.negated === true ? '!' : ''}${r.type}(${r.source} -> ${r.target})`).sort();
}

/** Mentions for every whole-word occurrence of the given names, longest names first, never overlapping. */
export function mentionsFromNames(text: string, names: [surface: string, type: EntityType, key: string][]): InputMention[] {
  const out: InputMention[] = [];
  for (const [surface, type, key] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = findWord(text, surface, 0); at >= 0; at = findWord(text, surface, at + 1)) {
      if (out.some((m) => at < m.end && m.start < at + surface.length)) continue;
      out.push({ start: at, end: at + surface.length, type, text: surface, entityKey: key });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
