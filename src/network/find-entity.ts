/** Finds entities by name or alias, the way a user types them (case, accents, titles and transliteration variants ignored). */
import { toListItem, type Entity, type EntityListItem } from '../model/index.js';
import type { EntitySearch, Page, Scope, Store } from '../store/store.js';
import { nameQuery, scoreNames } from '../store/shared/name-keys.js';

/**
 * Entities of a list whose name or an alias matches `query`, best first: same normalised name, then same transliteration
 * skeleton, then a name with a word starting with the query (3 characters or more). The store's index ranks the same way.
 */
export function findEntities<E extends Entity>(entities: E[], query: string): E[] {
  const q = nameQuery(query);
  const scored: { e: E; score: number }[] = [];
  for (const e of entities) {
    const score = scoreNames(q, e.type, [e.name, ...e.aliases]);
    if (score > 0) scored.push({ e, score });
  }
  return scored.sort((a, b) => b.score - a.score || b.e.mentionCount - a.e.mentionCount || a.e.name.localeCompare(b.e.name)).map((s) => s.e);
}

/** The entity (in the scope) that now holds a member key, or null; see Store.entityOfMember. */
export function entityOfMember(store: Store, scope: Scope, key: string): Promise<string | null> {
  return store.entityOfMember(key, scope);
}

/** A page of entities matching a name (or all, most mentioned first), read through the store's name index. */
export function searchEntities(store: Store, scope: Scope, request: EntitySearch): Promise<Page<EntityListItem>> {
  const q = request.q?.trim();
  return store.searchEntities({ ...request, q: q ? q : undefined }, scope);
}

/** The entity a user means by `nameOrId`: the entity with that id, else the best match of the name; null when none. */
export async function findEntity(store: Store, scope: Scope, nameOrId: string): Promise<EntityListItem | null> {
  if (/^ent_[0-9a-f]{16}$/u.test(nameOrId)) {
    const byId = await store.getEntityHead(nameOrId, scope, 0);
    if (byId) return toListItem(byId.entity);
  }
  return (await searchEntities(store, scope, { q: nameOrId, limit: 1, offset: 0 })).items[0] ?? null;
}
