/** Personal pronouns as stand-in mentions of the nearest person named before them, so "the Americans killed him" has an object. */
import { flattenMentions } from './masked.js';
import { lowerBound } from './span-lookup.js';
import type { Span } from '../model/index.js';
import type { InputMention } from './types.js';

/** How far back (in characters) a pronoun may look for the person it stands for: about two sentences. */
const REACH = 400;

// "he", "him", "she": "his" and "her" qualify a noun ("his militia groups") and are left alone. Persian "وی" and "او"
// (he or she, as subject or object) as whole words (Arabic script has no \b); a possessive is written onto the noun.
const PRONOUN = /\b(?:[Hh]e|[Hh]im|[Ss]he)\b|(?<![\p{L}\p{M}\u200c])(?:وی|وي|او)(?![\p{L}\p{M}\u200c])/gu;

// Letters of Persian that Arabic does not write (پ چ ژ گ, and the Persian kaf and yeh).
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/u;

/** Marks pronoun mentions so rules can lower their confidence; entityKey is the antecedent's. */
export const PRONOUN_TEXT = /^(?:he|him|she|وی|وي|او)$/i;

/**
 * Adds a PERSON mention for each "he/him/she" whose nearest preceding person mention lies within REACH and names only
 * one person in that stretch ("Soleimani ..., but the Americans killed him" -> him = Soleimani). A stretch naming two
 * different people is ambiguous and gets nothing.
 */
export function withPronouns(text: string, mentions: readonly InputMention[], within?: Span): InputMention[] {
  const names = flattenMentions(mentions);
  const people = names.filter((m) => m.type === 'PERSON');
  // Names and people are disjoint and in text order, so their ends are in order too: each lookup is a binary search.
  const peopleEnds = people.map((p) => ({ start: p.end, end: p.end }));
  const out = [...names];
  PRONOUN.lastIndex = within?.start ?? 0;
  const to = within?.end ?? text.length;
  for (let m = PRONOUN.exec(text); m !== null && m.index < to; m = PRONOUN.exec(text)) {
    const at = m.index;
    const covering = names[lowerBound(names, at + 1) - 1];
    if (covering !== undefined && at < covering.end) continue;
    // Persian only: Arabic writes "أو" (or) as "او" too. The words around must show letters Arabic does not use.
    if (m[0].charCodeAt(0) > 0x600 && !PERSIAN_LETTERS.test(text.slice(Math.max(0, at - 200), at + 200))) continue;
    // People ending within REACH before the pronoun: ends in [at - REACH, at].
    const from = lowerBound(peopleEnds, at - REACH);
    const to = lowerBound(peopleEnds, at + 1);
    if (to <= from) continue;
    const last = people[to - 1]!;
    let one = true;
    for (let k = from; k < to - 1 && one; k++) one = people[k]!.entityKey === last.entityKey;
    if (!one) continue;
    out.push({ start: at, end: at + m[0].length, type: 'PERSON', text: m[0], entityKey: last.entityKey });
  }
  return out.sort((a, b) => a.start - b.start);
}
