/**
 * The keys under which an entity's names are indexed for entity search, and the keys a query is looked up by; both
 * backends store them in `entity_names` (kind, key, entity_id) with a b-tree on (kind, key), so a lookup is a few index
 * probes and one range scan whatever the number of entities.
 */
import type { EntityType } from '../../model/index.js';
import { normalizeName, nameKey } from '../../resolve/index.js';

/** Kinds of indexed keys; the number is also the match's score (a better kind ranks first). */
export const NAME_KIND = {
  /** The normalised name ("Gen. Qassem Soleimani" -> "qassem soleimani"). */
  exact: 3,
  /** The transliteration skeleton ("Qasem Suleimani" -> "ksm slmn"). */
  variant: 2,
  /** The normalised name from the start of each of its words, for prefix search ("soleimani", "qassem soleimani"). */
  wordStart: 1,
} as const;

/** Shortest query that is looked up by word prefix (shorter ones would match most of the index). */
export const MIN_PREFIX = 3;

/** Above every character a key can hold: `prefix + PREFIX_END` bounds a b-tree range of keys starting with `prefix`. */
export const PREFIX_END = '\u{10FFFF}';

/** One row of the name index. */
export interface NameKeyRow {
  kind: number;
  key: string;
}

// Resolution rewrites a collection's entities with mostly the same names: remember their keys (bounded).
const MEMO_LIMIT = 100_000;
const memo = new Map<string, NameKeyRow[]>();

/** Index rows of one name of an entity of `type` (normalised as resolution normalises that type). */
export function nameKeyRows(name: string, type: EntityType): NameKeyRow[] {
  const memoKey = `${type}\u0000${name}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const norm = normalizeName(name, type);
  const rows: NameKeyRow[] = [{ kind: NAME_KIND.exact, key: norm }];
  const key = nameKey(name, type);
  if (key) rows.push({ kind: NAME_KIND.variant, key });
  // "qassem soleimani" -> "qassem soleimani", "soleimani": a query matching the start of any word finds the name.
  for (let i = 0; i < norm.length; i = norm.indexOf(' ', i) + 1) {
    rows.push({ kind: NAME_KIND.wordStart, key: norm.slice(i) });
    if (norm.indexOf(' ', i) < 0) break;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(memoKey, rows);
  return rows;
}

/** Distinct index rows of all names of an entity. */
export function entityNameRows(type: EntityType, names: Iterable<string>): NameKeyRow[] {
  const seen = new Map<string, NameKeyRow>();
  for (const name of names) for (const r of nameKeyRows(name, type)) seen.set(`${r.kind}\u0000${r.key}`, r);
  return [...seen.values()];
}

/** What a query is looked up by: its normalised form (exact, and as a word prefix when long enough) and its skeleton. */
export interface NameQuery {
  norm: string;
  /** Empty when the query has no letters to skeletonise. */
  variant: string;
  /** False for queries shorter than MIN_PREFIX. */
  prefix: boolean;
}

/** The lookup keys of a user's query (normalised with no type, so titles are stripped as for a person). */
export function nameQuery(q: string): NameQuery {
  const norm = normalizeName(q);
  return { norm, variant: nameKey(q), prefix: norm.length >= MIN_PREFIX };
}

/** The score of an entity's names for a query (0: no match), as the name index scores it; for entities not in the index. */
export function scoreNames(query: NameQuery, type: EntityType, names: Iterable<string>): number {
  let score = 0;
  for (const row of entityNameRows(type, names)) {
    if (row.kind === NAME_KIND.exact && row.key === query.norm) return NAME_KIND.exact;
    if (row.kind === NAME_KIND.variant && query.variant && row.key === query.variant) score = Math.max(score, NAME_KIND.variant);
    if (row.kind === NAME_KIND.wordStart && query.prefix && row.key.startsWith(query.norm)) score = Math.max(score, NAME_KIND.wordStart);
  }
  return score;
}
