/** Finds entities by name or alias, the way a user types them (case, accents, titles and transliteration variants ignored). */
import type { Entity } from '../model/index.js';
import { normalizeName, nameKey } from '../resolve/index.js';

// Normalising every name of every entity is most of a lookup's cost; names repeat across lookups, so remember them.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();
function memoised(kind: string, name: string, type: Entity['type'], f: (n: string, t: Entity['type']) => string): string {
  const k = `${kind}\u0000${type}\u0000${name}`;
  let v = memo.get(k);
  if (v === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    v = f(name, type);
    memo.set(k, v);
  }
  return v;
}

/** Entities whose name or an alias matches `query`, best first: exact normalised name, then same transliteration key, then substring. */
export function findEntities(entities: Entity[], query: string): Entity[] {
  const norm = normalizeName(query);
  const key = nameKey(query);
  const scored: { e: Entity; score: number }[] = [];
  for (const e of entities) {
    let score = 0;
    for (const name of [e.name, ...e.aliases]) {
      const n = memoised('norm', name, e.type, normalizeName);
      if (n === norm) score = Math.max(score, 3);
      else if (key && memoised('key', name, e.type, nameKey) === key) score = Math.max(score, 2);
      else if (norm.length >= 3 && n.includes(norm)) score = Math.max(score, 1);
    }
    if (score > 0) scored.push({ e, score });
  }
  return scored.sort((a, b) => b.score - a.score || b.e.mentionCount - a.e.mentionCount || a.e.name.localeCompare(b.e.name)).map((s) => s.e);
}
