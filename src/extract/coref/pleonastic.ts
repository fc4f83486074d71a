/** Pleonastic "it": "it is likely that ...", "it seems ...", "it was not clear whether ...": a pronoun that stands for nothing. */
import type { Item } from './sentence.js';

// Verbs after which "it" is usually empty when a clause follows: "it is", "it seems", "it remains to be seen".
const COPULAS = new Set(['is', 'was', "'s", 'be', 'been', 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'became', 'becomes', 'looks', 'looked', 'takes', 'took', 'emerged', 'turned']);
// Adjectives of likelihood, knowledge and evaluation that take a clause: "it is unclear whether".
const PREDICATES = new Set(
  'likely unlikely clear unclear possible impossible probable certain uncertain obvious evident apparent known unknown important necessary essential difficult hard easy true false reported believed thought said expected feared understood estimated time worth enough too'.split(' '),
);
const CLAUSE = new Set(['that', 'to', 'whether', 'if', 'how', 'why', 'when', 'what']);

/** True when the "it" at `index` opens an extraposed clause ("it is likely that", "it was not known whether"). */
export function isPleonastic(items: readonly Item[], index: number): boolean {
  let j = index + 1;
  // Modal and auxiliary chain: "it would have been", "it has become", "it does not seem".
  while (j < items.length && j <= index + 4 && /^(?:would|could|will|may|might|must|should|has|had|have|does|did|not|n't|also|now|still)$/.test(items[j]!.lower)) j++;
  if (j >= items.length || !COPULAS.has(items[j]!.lower)) return false;
  for (let k = j + 1; k < items.length && k <= j + 5; k++) {
    const w = items[k]!.lower;
    if (items[k]!.mention || w === ',' || w === '.') return false;
    if (CLAUSE.has(w)) return true;
    if (PREDICATES.has(w)) {
      const next = items[k + 1]?.lower ?? '';
      return CLAUSE.has(next) || next === 'for' || next === '';
    }
  }
  return false;
}
