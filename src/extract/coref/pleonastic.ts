/** Pleonastic "it": "it is likely that ...", "it seems ...", "it was not clear whether ...": a pronoun that stands for nothing. */
import type { Item } from './sentence.js';

// Verbs after which "it" is usually empty when a clause follows: "it is", "it seems", "it remains to be seen".
const COPULAS = new Set(['is', 'was', "'s", 'be', 'been', 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'became', 'becomes', 'looks', 'looked', 'takes', 'took', 'emerged', 'turned']);
// Adjectives of likelihood, knowledge and evaluation that take a clause: "it is unclear whether".
const PREDICATES = new Set(
  'likely unlikely clear unclear possible impossible probable certain uncertain obvious evident apparent known unknown important necessary essential difficult hard easy true false reported believed thought said expected feared understood estimated time worth enough too'.split(' '),
);
const CLAUSE = new Set(['that', 'to', 'whether', 'if', 'how', 'why', 'when', 'what']);

// Adverbs that may sit between the verb and the predicate: "it is not clear", "it is highly unlikely".
const ADVERBS = new Set(['not', "n't", 'very', 'so', 'also', 'quite', 'more', 'most', 'now', 'still', 'already', 'only', 'just', 'clearly', 'highly', 'increasingly', 'equally', 'less', 'far', 'no', 'longer']);
// Verbs after which "it" is empty whatever follows: "it seems the talks failed", "it appears that".
const RAISING = new Set(['seems', 'seemed', 'appears', 'appeared']);

/** True when the "it" at `index` opens an extraposed clause ("it is likely that", "it was not known whether", "it's too early to"). */
export function isPleonastic(items: readonly Item[], index: number): boolean {
  let j = index + 1;
  // Modal and auxiliary chain: "it would have been", "it has become", "it does not seem".
  while (j < items.length && j <= index + 4 && /^(?:would|could|will|may|might|must|should|has|had|have|does|did|not|n't|also|now|still)$/.test(items[j]!.lower)) j++;
  const verb = items[j]?.lower ?? '';
  if (RAISING.has(verb)) return true;
  if (!COPULAS.has(verb)) return false;
  let k = j + 1;
  while (k < items.length && ADVERBS.has(items[k]!.lower)) k++;
  const w = items[k]?.lower ?? '';
  if (PREDICATES.has(w) || CLAUSE.has(w)) return true;
  // "it was reported that", "it is believed to": a participle that takes the clause.
  return /ed$/.test(w) && CLAUSE.has(items[k + 1]?.lower ?? '');
}
