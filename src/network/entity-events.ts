/**
 * An entity's events a page at a time, the newest first: the entity page lists the first ENTITY_EVENTS (a hub is in
 * hundreds); GET /api/entities/:id/events pages through the rest.
 */
import type { EntityEventsPage, Event } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';

/** Newest first (partial dates compare by their text: "2019" before "2019-11"), undated last, then by id. */
export function newestFirst(a: Event, b: Event): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da === '' ? 1 : db === '' ? -1 : da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The events naming entity `id` (a participant or the place), newest first. */
export function entityEventsOf(events: readonly Event[], id: string): Event[] {
  return events.filter((e) => e.participants.includes(id) || e.place === id).sort(newestFirst);
}

/**
 * Events `offset` to `offset + limit` of entity `id`, with how many there are and the names they refer to, or null when
 * the entity is absent or outside the scope. A resolved entity's events are read by its member keys; a per-name
 * entity's (a collection resolution has not run on) from every event of the scope.
 */
export async function entityEvents(store: Store, id: string, scope: Scope, offset: number, limit: number): Promise<EntityEventsPage | null> {
  const [brief] = await store.getEntityBriefs([id], scope);
  if (!brief) return null;
  let items: Event[];
  let total: number;
  if (brief.unresolved) {
    const all = entityEventsOf(await store.listEvents(scope), id);
    [items, total] = [all.slice(offset, offset + limit), all.length];
  } else {
    ({ items, total } = await store.listEntityEventsPage(id, scope, offset, limit));
  }
  const named = new Set(items.flatMap((e) => [...e.participants, e.place ?? '']));
  named.delete('');
  const names = Object.fromEntries((await store.getEntityBriefs([...named], scope)).map((e) => [e.id, e.name]));
  return { items, total, names };
}
