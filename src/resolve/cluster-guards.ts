/** Guards applied when two clusters would join: any two of their main names that trip a name guard keep them apart. */
import type { MergeReason, ResolveCandidate } from './types.js';
import { MATCH_THRESHOLD, scoreNames } from './match.js';
import { isAcronym } from './acronyms.js';
import { normalizeName } from './normalize.js';
import { comparableWords } from './name-key.js';
import { isArabicScript } from './translit/index.js';
import type { Partition } from './partition.js';

/** The partition clustering works on, with the reason of every union. */
export type Clustering = Partition<MergeReason>;

// Main names of each cluster state, by root and size: a cluster only grows, so the pair names one state.
const MAINS = new WeakMap<Clustering, Map<string, ResolveCandidate[]>>();

/** Distinct main names of the cluster of `i` (first member giving each normalised form). */
export function mainsOf(p: Clustering, list: ResolveCandidate[], i: number): ResolveCandidate[] {
  const cache = MAINS.get(p) ?? new Map<string, ResolveCandidate[]>();
  MAINS.set(p, cache);
  const id = `${p.find(i)}:${p.size(i)}`;
  let mains = cache.get(id);
  if (!mains) {
    const seen = new Set<string>();
    mains = p.members(i).map((j) => list[j]).filter((c): c is ResolveCandidate => {
      const norm = c === undefined ? '' : normalizeName(c.name, c.type);
      if (c === undefined || seen.has(norm)) return false;
      seen.add(norm);
      return true;
    });
    cache.set(id, mains);
  }
  return mains;
}

/**
 * True when any two main names across the clusters trip a guard (two "Abu ..." people, Iran / Iraq), or are two full
 * names of people, in one script, that do not match: "Chris Lewis" and "Carl Lewis" are not one person however a
 * shorter name ("C. Lewis", "Lewis") links them. (Nicknames, "Mike" for "Michael", are kept apart too.)
 */
export function guardVeto(p: Clustering, list: ResolveCandidate[], a: number, b: number): boolean {
  const right = mainsOf(p, list, b);
  return mainsOf(p, list, a).some((x) => right.some((y) => {
    const s = scoreNames(x.name, y.name, x.type);
    return s.rule.startsWith('guard-') || (s.score < MATCH_THRESHOLD && x.type === 'PERSON' && y.type === 'PERSON' && fullPerson(x.name) && fullPerson(y.name)
      && isArabicScript(x.name) === isArabicScript(y.name));
  }));
}

/** A person's name with a given name and a family name (initials count: "F.W. de Klerk"). */
function fullPerson(name: string): boolean {
  return comparableWords(normalizeName(name, 'PERSON'), 'PERSON').length >= 2;
}

/**
 * True when joining the clusters of `a` and `b` through an acronym ("MOT" against "Mabeto Olidu Tarsi") would put two
 * long names that do not match in one entity: an acronym seen alone stands for one of the organisations with its
 * initials, not for all of them ("MOI": the Ministry of Interior, or of Information, or of Industry).
 */
export function acronymChainVeto(p: Clustering, list: ResolveCandidate[], a: number, b: number): boolean {
  const longs = (i: number): string[] => mainsOf(p, list, i).map((c) => c.name).filter((n) => !isAcronym(n) && /\S\s+\S/u.test(n));
  const right = longs(b);
  if (right.length === 0) return false;
  const type = list[a]?.type ?? 'ORG';
  return longs(a).some((x) => right.some((y) => scoreNames(x, y, type).score < MATCH_THRESHOLD));
}
