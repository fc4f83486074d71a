/**
 * Collections that resolution has not run on have no entity rows: their entities are derived from mentions (one per
 * type and normalised name), read whole. Reads by key fall back to them only when such a collection is visible.
 */
import { toListItem, type Entity, type EntityListItem } from '../../model/index.js';
import type { EntitySearch, Page } from '../store.js';
import type { EntityBrief } from './entity-rows.js';
import { nameQuery, scoreNames } from './name-keys.js';

const byRank = (a: { e: EntityListItem; score: number }, b: { e: EntityListItem; score: number }): number =>
  b.score - a.score || b.e.mentionCount - a.e.mentionCount || (a.e.name < b.e.name ? -1 : a.e.name > b.e.name ? 1 : 0) || (a.e.id < b.e.id ? -1 : 1);

/**
 * One page from the first `offset + limit` resolved matches (with their scores, ranked as the index ranks them) and the
 * per-name entities of unresolved collections, scored the same way.
 */
export function combineWithUnresolved(
  resolved: { e: EntityListItem; score: number }[], resolvedTotal: number, unresolved: Entity[], req: EntitySearch,
): Page<EntityListItem> {
  const query = req.q ? nameQuery(req.q) : null;
  const extra = unresolved
    .filter((e) => !req.type || e.type === req.type)
    .map((e) => ({ e: toListItem(e), score: query ? scoreNames(query, e.type, [e.name, ...e.aliases]) : 0 }))
    .filter((x) => !query || x.score > 0);
  const all = [...resolved, ...extra].sort(byRank);
  return { items: all.slice(req.offset, req.offset + req.limit).map((x) => x.e), total: resolvedTotal + extra.length };
}

/** Briefs of the ids not found among resolved entities, from the per-name entities of unresolved collections. */
export function unresolvedBriefs(ids: readonly string[], found: EntityBrief[], unresolved: () => Promise<Entity[]>): Promise<EntityBrief[]> {
  const missing = new Set(ids);
  for (const b of found) missing.delete(b.id);
  if (missing.size === 0) return Promise.resolve(found);
  return unresolved().then((list) => [
    ...found,
    ...list.filter((e) => missing.has(e.id)).map(({ id, collection, type, name, mentionCount }) => ({ id, collection, type, name, mentionCount, unresolved: true })),
  ]);
}
