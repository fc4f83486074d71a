/** Collection-level type voting: one name tagged with different types across documents takes the type most of its mentions have. */
import { candidateKeyNorm, type EntityCandidate, type EntityType } from '../model/index.js';

// A type needs this share of a name's mentions to overrule the others; below it, the types stay apart
// ("Washington" the city and "Washington" the person, each with real support, are not forced together).
const MAJORITY = 2 / 3;

/** The normalised name inside a candidate key ("<doc>#ORG:islamic state" -> "islamic state"): what candidates vote under. */
export function voteNormOf(key: string): string {
  return candidateKeyNorm(key);
}

/** The type every candidate of a name takes (mention counts per type), or null when no type has the majority. */
export function voteOutcome(byType: ReadonlyMap<EntityType, number>): EntityType | null {
  if (byType.size < 2) return null;
  const total = [...byType.values()].reduce((a, b) => a + b, 0);
  const [best, n] = [...byType.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return n / total >= MAJORITY ? best : null;
}

/**
 * Returns the candidates with the majority type where one normalised name carries several types:
 * "Islamic State" tagged ORG in four documents and MISC in one becomes ORG everywhere, so resolution can merge it.
 */
export function voteTypes(candidates: EntityCandidate[]): EntityCandidate[] {
  const counts = new Map<string, Map<EntityType, number>>();
  for (const c of candidates) {
    const name = voteNormOf(c.key);
    const byType = counts.get(name) ?? new Map<EntityType, number>();
    byType.set(c.type, (byType.get(c.type) ?? 0) + c.mentionCount);
    counts.set(name, byType);
  }
  const outcomes = new Map([...counts].map(([name, byType]) => [name, voteOutcome(byType)]));
  return candidates.map((c) => {
    const best = outcomes.get(voteNormOf(c.key));
    return best && best !== c.type ? { ...c, type: best } : c;
  });
}
