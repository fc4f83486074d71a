/**
 * Name groups and the keys that tie them together: the units incremental resolution reasons about. A group is every
 * candidate whose own name normalises alike under one type ("PERSON|qassem soleimani"); groups meet only through
 * the keys here (blocking keys of their full names, family names) or through user decisions.
 */
import type { EntityType } from '../model/index.js';
import { acronymKey, isAcronym } from './acronyms.js';
import { crossScriptKeys } from './cross-script.js';
import { initialsOfName, isSameEntity, nameNumbers } from './match.js';
import { blockingKeys, comparableWords, tokenKey } from './name-key.js';
import { normalizeName } from './normalize.js';
import type { ResolveCandidate } from './types.js';

/** Largest family-name block compared pair by pair (counted in groups); pairs grow with the square of a block. */
export const MAX_BLOCK = 200;

/**
 * Whether an alias identifies its entity on its own. Partial forms a document used after the full name
 * ("Soleimani", "Kataeb") do not: another document's "Soleimani" may be another person.
 */
export function isFullAlias(alias: string, type: EntityType): boolean {
  if (type === 'LOC') return true;
  if (isAcronym(alias)) return acronymKey(alias).length >= 3;
  return comparableWords(normalizeName(alias, type), type).length >= 2;
}

/** The group of a candidate: type and normalised own name ("ORG|islamic revolutionary guard corps"). */
export function groupOf(c: Pick<ResolveCandidate, 'name' | 'type'>): string {
  return `${c.type}|${normalizeName(c.name, c.type)}`;
}

/** The candidate's own name and the aliases that identify it alone: the names clustering compares. */
export function fullNamesOf(c: Pick<ResolveCandidate, 'name' | 'type' | 'aliases'>): string[] {
  return [c.name, ...c.aliases.filter((a) => isFullAlias(a, c.type))];
}

/** Blocking keys of names of one type: skeletons, acronyms, the initials of long names ("ORG|acr:irgc") and cross-script keys. */
export function keysOfNames(names: Iterable<string>, type: EntityType): string[] {
  const keys = new Set<string>();
  for (const name of names) for (const k of keysOfName(name, type)) keys.add(k);
  return [...keys];
}

// Resolution asks for the keys of the same names several times per run (block counts, blocking, group summaries) and
// again in every later run; a bounded memo computes each spelling's keys once without letting a server grow.
const NAME_KEYS = new Map<string, readonly string[]>();
const NAME_KEYS_LIMIT = 50_000;

/** The blocking keys of one name (see keysOfNames), in the order keysOfNames adds them; cached per type and spelling. */
export function keysOfName(name: string, type: EntityType): readonly string[] {
  const id = `${type}\u0000${name}`;
  let keys = NAME_KEYS.get(id);
  if (keys === undefined) {
    if (NAME_KEYS.size >= NAME_KEYS_LIMIT) NAME_KEYS.clear();
    const set = new Set<string>();
    // Names whose numbers differ never match (scoreNames' number guard): each key carries the name's numbers.
    const numbers = nameNumbers(name, type);
    const tail = numbers === '' ? '' : `#${numbers}`;
    for (const k of blockingKeys(name, type)) set.add(`${type}|${k}${tail}`);
    for (const k of crossScriptKeys(name, type)) set.add(`${type}|${k}${tail}`);
    if (isAcronym(name)) set.add(`${type}|acr:${acronymKey(name)}${tail}`);
    const norm = normalizeName(name, type);
    if (norm.includes(' ') && type !== 'PERSON') for (const i of initialsOfName(name, type)) set.add(`${type}|acr:${i}${tail}`);
    keys = [...set];
    NAME_KEYS.set(id, keys);
  }
  return keys;
}

/** True for a family-name key, a kind of block skipped when it holds more than MAX_BLOCK groups. */
export function isFamilyKey(key: string): boolean {
  return key.includes('|last:');
}

/** True for an acronym or initials key ("ORG|acr:irgc"): it pairs an acronym with the long names it may stand for. */
export function isAcronymKey(key: string): boolean {
  return key.includes('|acr:');
}

/**
 * How a block of `size` groups under `key` is compared: every pair (`all`); above MAX_BLOCK, a family-name block not at
 * all (`none`: the full-name keys still pair spellings), and an acronym block only in pairs with a group that has an
 * acronym among its names (`anchored`): that is what the key is for, and two long names that share only their
 * initials ("Ministry of Trade", "Media Trust") are not alike. Thousands of organisations share two initials in a
 * large collection, and every pair of them scored made resolution quadratic. Full and incremental resolution both
 * decide by this, with the collection-wide group count.
 */
export function blockMode(key: string, size: number): 'all' | 'anchored' | 'none' {
  if (size <= MAX_BLOCK) return 'all';
  if (isFamilyKey(key)) return 'none';
  return isAcronymKey(key) ? 'anchored' : 'all';
}

/** True when a block's mode depends on its size (family and acronym keys): their counts are kept for incremental steps. */
export function isCappedKey(key: string): boolean {
  return isFamilyKey(key) || isAcronymKey(key);
}

/** The stored key that marks the groups which are the acronym of an acronym key ("ORG|acr:mot" -> "ORG|acrof:mot"). */
export function anchorKey(key: string): string {
  return key.replace('|acr:', '|acrof:');
}

/** The anchor keys (anchorKey) of a group with these blocking keys and normalised names: one per acronym key it is the acronym of. */
export function anchorKeysOf(keys: Iterable<string>, norms: readonly string[]): string[] {
  return [...keys].filter((k) => isAcronymKey(k) && anchorsBlock(k, norms)).map(anchorKey);
}

/**
 * True when a group with these normalised names anchors the acronym block `key` (see blockMode): one of its names is
 * the acronym itself ("irgc", "i.r.g.c." and "at t" for "acr:irgc" and "acr:att"), not a long name with those initials.
 * Decided on the normalised forms, which full and incremental resolution both hold, not on one spelling's capitals.
 */
export function anchorsBlock(key: string, norms: Iterable<string>): boolean {
  const at = key.indexOf('|acr:');
  if (at < 0) return false;
  const hash = key.indexOf('#', at);
  const letters = key.slice(at + 5, hash < 0 ? undefined : hash);
  for (const n of norms) if (n.replace(/[^\p{L}\p{N}]+/gu, '') === letters) return true;
  return false;
}

/**
 * Family-name keys of a person's normalised name for the unique-surname rule: a one-word name ("kadhimi", key
 * "PERSON|sur1:kdm") looks for the multi-word people ("mustafa al kadhimi", key "PERSON|sur2:kdm") filed under the
 * skeleton of their last word.
 */
export function surnameKeys(norm: string): { single?: string; holder?: string } {
  const words = comparableWords(norm, 'PERSON');
  const last = words.at(-1);
  if (last === undefined) return {};
  if (words.length === 1) return last.length >= 4 ? { single: `PERSON|sur1:${tokenKey(norm)}` } : {};
  return { holder: `PERSON|sur2:${tokenKey(last)}` };
}

/** The last comparable word of a multi-word person's normalised name ("mustafa al kadhimi" -> "kadhimi"). */
export function lastWordOf(norm: string): string {
  return comparableWords(norm, 'PERSON').at(-1) ?? '';
}

/**
 * Whether a one-word person's normalised name can stand for a holder whose last word is `last` (the unique-surname
 * rule's filter: "kadhimi" accepts "kadhimi" and "kazimi", not "kadhim", a nisba apart).
 */
export function acceptsHolder(singleNorm: string, last: string): boolean {
  return isSameEntity(singleNorm, last, 'PERSON');
}

/** The key of the other side of a family-name key (one-word names <-> multi-word people). */
export function surnamePartner(key: string): string {
  return key.includes('|sur1:') ? key.replace('|sur1:', '|sur2:') : key.replace('|sur2:', '|sur1:');
}

/** True for a family-name key of the unique-surname rule (not a blocking key). */
export function isSurnameKey(key: string): boolean {
  return key.includes('|sur1:') || key.includes('|sur2:');
}

/**
 * How many groups hold each blocking key: the group's full names (its members' own names and full aliases) give its keys.
 * The one count both full and incremental resolution use to skip oversized family-name blocks.
 */
export function countBlocks(candidates: readonly ResolveCandidate[]): Map<string, number> {
  const namesByGroup = new Map<string, { type: EntityType; names: Set<string> }>();
  for (const c of candidates) {
    const g = groupOf(c);
    const entry = namesByGroup.get(g) ?? { type: c.type, names: new Set<string>() };
    for (const n of fullNamesOf(c)) entry.names.add(n);
    namesByGroup.set(g, entry);
  }
  // Many groups share spellings of their names; each name's keys are computed once (keysOfName caches them).
  const keysByGroup = new Map<string, Set<string>>();
  for (const [g, { type, names }] of namesByGroup) keysByGroup.set(g, new Set([...names].flatMap((n) => keysOfName(n, type))));
  const counts = new Map<string, number>();
  for (const keys of keysByGroup.values()) for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
