/** Everything known about one entity: aliases and why they merged, relations with evidence, events, claims, documents. */
import type { Claim, DocumentSummary, Entity, Event, Relation, ResolvedEntityRecord } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';

/** A relation seen from one entity, with the other end named. */
export interface EntityRelation extends Relation {
  /** "out" when the entity is the source. */
  direction: 'out' | 'in';
  other: { id: string; name: string; type: string } | null;
}

/** The entity page's data. */
export interface EntityView {
  entity: ResolvedEntityRecord;
  relations: EntityRelation[];
  events: Event[];
  claims: Claim[];
  documents: DocumentSummary[];
  /** Names of entities referred to by events and claims, for display. */
  names: Record<string, string>;
}

/** Gathers the entity page for `id`, or null when the entity is absent or outside the scope. */
export async function viewEntity(store: Store, id: string, scope: Scope): Promise<EntityView | null> {
  const entity = await store.getEntity(id, scope);
  if (!entity) return null;
  const [entities, relations, events, claims] = await Promise.all([
    store.listEntities(scope), store.listRelations(scope), store.listEvents(scope), store.listClaims(scope),
  ]);
  const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  const mine = relations.filter((r) => r.source === id || r.target === id).map((r): EntityRelation => {
    const otherId = r.source === id ? r.target : r.source;
    const other = byId.get(otherId);
    return { ...r, direction: r.source === id ? 'out' : 'in', other: other ? { id: other.id, name: other.name, type: other.type } : null };
  }).sort((a, b) => a.type.localeCompare(b.type) || b.independentSources - a.independentSources || b.confidence - a.confidence);
  const myEvents = events.filter((e) => e.participants.includes(id) || e.place === id);
  const myClaims = claims.filter((c) => c.speaker === id);
  const documents: DocumentSummary[] = [];
  for (const docId of entity.documentIds) {
    const d = await store.getDocument(docId, scope);
    if (d) {
      const { text: _t, sentences: _s, pages: _p, meta: _m, warnings: _w, ...summary } = d;
      documents.push(summary);
    }
  }
  const names: Record<string, string> = {};
  for (const e of [...myEvents.flatMap((x) => [...x.participants, x.place ?? '']), ...myClaims.map((c) => c.speaker ?? '')]) {
    const found = byId.get(e);
    if (found) names[e] = found.name;
  }
  return { entity, relations: mine, events: myEvents, claims: myClaims, documents, names };
}
