/**
 * Enumerations of names: "London, Calgary, Toronto, Omaha or Houston", "Mosul, Baiji, and Tuz". Two names side by side
 * in such a list are siblings, not a place and the place it lies in: the model, trained on "Grozny, Chechnya", read
 * "Omaha, New York" in a list of offices as located_in. A chain of names joined by commas is a list when a
 * conjunction joins its last name ("..., and Tuz") and it has three names or more, or when it has four or more
 * (a place hierarchy, "Grozny, Chechnya, Russia", rarely has four levels).
 */
import type { InputMention } from '../types.js';

const COMMA = /^,\s*$/;
const LAST = /^,?\s*(?:and|or|&)\s*$/i;

/** For each mention (in text order), the index of the list it belongs to, or -1. */
export function enumerationGroups(text: string, mentions: readonly InputMention[]): Int32Array {
  const group = new Int32Array(mentions.length).fill(-1);
  let start = 0;
  let groups = 0;
  const close = (end: number, conjunction: boolean): void => {
    const size = end - start;
    if (size >= 4 || (size >= 3 && conjunction)) {
      group.fill(groups, start, end);
      groups++;
    }
  };
  // A chain goes on over commas; a conjunction joins its last name, so the next separator ends it.
  let conjunction = false;
  for (let k = 1; k <= mentions.length; k++) {
    const between = k < mentions.length ? text.slice(mentions[k - 1]!.end, mentions[k]!.start) : undefined;
    if (between !== undefined && !conjunction && (COMMA.test(between) || LAST.test(between))) {
      if (LAST.test(between)) conjunction = true;
      continue;
    }
    close(k, conjunction);
    start = k;
    conjunction = false;
  }
  return group;
}
