/** Everything known about one entity: aliases and why they merged, relations with evidence, events, claims, documents. */
import type { DocumentSummary, Entity, EntityRelation, EntityView } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';

export type { EntityRelation, EntityView } from '../model/index.js';

/** Gathers the entity page for `id`, or null when the entity is absent or outside the scope. */
export async function viewEntity(store: Store, id: string, scope: Scope): Promise<EntityView | null> {
  const entity = await store.getEntity(id, scope);
  if (!entity) return null;
  // A resolved entity's relations are read by its member keys; an unresolved one has none, so all are read and filtered.
  const [relations, events, claims] = await Promise.all([
    store.listRelations(scope, entity.members.length > 0 ? entity.members : undefined), store.listEvents(scope), store.listClaims(scope),
  ]);
  // Only the entities this page names are looked up, one by one: reading every entity costs more on a large collection.
  const byId = new Map<string, Entity | null>([[id, entity]]);
  const lookup = async (other: string): Promise<Entity | null> => {
    if (!byId.has(other)) byId.set(other, await store.getEntity(other, scope));
    return byId.get(other) ?? null;
  };
  const mine: EntityRelation[] = [];
  for (const r of relations.filter((x) => x.source === id || x.target === id)) {
    const other = await lookup(r.source === id ? r.target : r.source);
    mine.push({ ...r, direction: r.source === id ? 'out' : 'in', other: other ? { id: other.id, name: other.name, type: other.type } : null });
  }
  mine.sort((a, b) => a.type.localeCompare(b.type) || b.independentSources - a.independentSources || b.confidence - a.confidence);
  const myEvents = events.filter((e) => e.participants.includes(id) || e.place === id);
  const myClaims = claims.filter((c) => c.speaker === id);
  const documents = await summariesOf(store, entity.documentIds, scope);
  const names: Record<string, string> = {};
  for (const e of [...myEvents.flatMap((x) => [...x.participants, x.place ?? '']), ...myClaims.map((c) => c.speaker ?? '')]) {
    const found = e ? await lookup(e) : null;
    if (found) names[e] = found.name;
  }
  return { entity, relations: mine, events: myEvents, claims: myClaims, documents, names };
}

// Past this many documents, paging through summaries beats reading each document's full text.
const READ_ONE_BY_ONE = 50;

/** Summaries of the given documents, in the order given. */
async function summariesOf(store: Store, ids: string[], scope: Scope): Promise<DocumentSummary[]> {
  const found = new Map<string, DocumentSummary>();
  if (ids.length <= READ_ONE_BY_ONE) {
    for (const id of ids) {
      const d = await store.getDocument(id, scope);
      if (d) {
        const { text: _t, sentences: _s, pages: _p, meta: _m, warnings: _w, ...summary } = d;
        found.set(id, summary);
      }
    }
  } else {
    const wanted = new Set(ids);
    for (let offset = 0; found.size < wanted.size; offset += 1000) {
      const page = await store.listDocuments(scope, 1000, offset);
      for (const d of page.items) if (wanted.has(d.id)) found.set(d.id, d);
      if (page.items.length < 1000) break;
    }
  }
  return ids.map((id) => found.get(id)).filter((d): d is DocumentSummary => d !== undefined);
}
