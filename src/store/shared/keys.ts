/** Candidate keys mapped to entity ids: what both backends do with the rows of the candidate -> entity map they read. */
import { factId } from '../ids.js';

/** Maps (collection, candidate key) to an entity id. */
export type EntityResolver = (collection: string, key: string) => string;

/**
 * The entity of a key that resolution has not mapped: the per-name entity of its type and normalised name
 * ("<documentId>#TYPE:norm" -> the id entitiesFromRows gives that name), or the key itself when it has no such form.
 */
export function fallbackEntityId(collection: string, key: string): string {
  const id = `${collection}\u0000${key}`;
  let entity = FALLBACK_IDS.get(id);
  if (entity === undefined) {
    const m = /^[^#]*#([A-Z]+):(.*)$/u.exec(key);
    entity = m ? factId('ent', collection, m[1]!, m[2]!) : key;
    if (FALLBACK_IDS.size >= FALLBACK_IDS_LIMIT) FALLBACK_IDS.clear();
    FALLBACK_IDS.set(id, entity);
  }
  return entity;
}

// Every read of a document's mentions maps each unresolved key through a SHA-256; a document names one entity many
// times, and the facts stage reads the mentions the mentions stage just wrote. A bounded memo hashes each key once.
const FALLBACK_IDS = new Map<string, string>();
const FALLBACK_IDS_LIMIT = 20_000;

/** A resolver over the map rows read for the keys at hand (never the whole map): mapped keys, else the per-name entity. */
export function makeEntityResolver(members: Iterable<{ collection: string; k: string; e: string }>): EntityResolver {
  const map = new Map<string, string>();
  for (const r of members) map.set(`${r.collection}\u0000${r.k}`, r.e);
  return (collection, key) => map.get(`${collection}\u0000${key}`) ?? fallbackEntityId(collection, key);
}

/** Distinct keys per collection, so a backend can look them up with one statement per collection. */
export function keysByCollection(pairs: Iterable<readonly [collection: string, key: string]>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [collection, key] of pairs) {
    let set = out.get(collection);
    if (!set) out.set(collection, (set = new Set()));
    set.add(key);
  }
  return new Map([...out].map(([c, s]) => [c, [...s]]));
}
