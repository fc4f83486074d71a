/** Everything known about one entity: aliases and why they merged, relations with evidence, events, claims, documents (hubs' lists capped). */
import type { EntityRelation, EntityView, EvidencePage, Event, Claim, Relation } from '../model/index.js';
import { ENTITY_DOCUMENTS, ENTITY_EVENTS, ENTITY_RELATIONS, RELATION_EVIDENCE } from '../model/index.js';
import { entityDocuments } from './entity-documents.js';
import { entityEventsOf } from './entity-events.js';
import { withMemberDocuments } from './member-documents.js';
import type { Store, Scope, Capped, RelationSummary, SummaryOptions } from '../store/store.js';

export type { EntityRelation, EntityView } from '../model/index.js';

/** Most members (with their merge reasons) on one page: a hub gathered from thousands of documents lists the first by key; the rest are read a page at a time. */
export const MAX_MEMBERS = 200;

/** Which of an entity's relations a read takes: the `limit` strongest after the `offset` strongest. */
export interface RelationWindow { offset: number; limit: number }

/** The entity page's relations: a hub with thousands of merged relations shows the strongest (evidence is read for those only). */
const FIRST_RELATIONS: RelationWindow = { offset: 0, limit: ENTITY_RELATIONS };

/**
 * Gathers the entity page for `id`, or null when the entity is absent or outside the scope. A resolved entity's page is
 * read from its own rows (relations, events and claims by member key; names and documents by id); a per-name entity of
 * a collection resolution has not run on has no member keys, so its facts are read whole and filtered.
 */
export async function viewEntity(store: Store, id: string, scope: Scope, opts: { fullEvidence?: boolean; relations?: RelationWindow } = {}): Promise<EntityView | null> {
  const read = await readEntityView(store, id, scope, opts);
  if (!read) return null;
  const { summarised: _s, ...view } = read;
  return { ...view, relations: view.relations.map(({ evidenceDocuments: _d, ...r }) => r) };
}

/** What the entity page's relations carry besides EntityRelation when read as summaries (see Store.listEntityRelationSummaries). */
export type SummarisedRelation = EntityRelation & Partial<Pick<RelationSummary, 'evidenceDocuments'>>;

/**
 * viewEntity, the relations of a resolved entity read as summaries unless `fullEvidence` (first sentences, counts and
 * documents from SQL; with `keep`, only sentences of the documents it keeps: see SummaryOptions), each carrying the
 * documents of its sentences (`evidenceDocuments`).
 * A per-name entity's relations are read whole (and `keep` is not applied: the caller filters those).
 * `relations` chooses which of the relations, strongest first (default: the first ENTITY_RELATIONS); `relationsOnly`
 * reads nothing else (events, claims and documents come back empty: a page of relations, GET /api/entities/:id/relations).
 */
export async function readEntityView(store: Store, id: string, scope: Scope,
  opts: { fullEvidence?: boolean; keep?: SummaryOptions['keep']; relations?: RelationWindow; relationsOnly?: boolean } = {}):
  Promise<(Omit<EntityView, 'relations'> & { relations: SummarisedRelation[]; summarised: boolean }) | null> {
  const window = opts.relations ?? FIRST_RELATIONS;
  const only = opts.relationsOnly ?? false;
  const head = await store.getEntityHead(id, scope, only ? 0 : MAX_MEMBERS);
  if (!head) return null;
  const { entity } = head;
  // The page's documents and its members' documents need only the head: read beside the relations, not after them
  // (on PostgreSQL each read is its own round trip; a hub's page waited for them one after another).
  const side = Promise.all([
    only ? { items: [], total: 0 } : entityDocuments(store, id, scope, 0, ENTITY_DOCUMENTS, entity).then((d) => d ?? { items: [], total: 0 }),
    only ? head.members : withMemberDocuments(store, head.members, scope),
  ]);
  // Settled here too, so a failure of the relations' reads does not leave this one unhandled.
  side.catch(() => undefined);
  let relationCount = 0;
  const byKey = head.members.total > 0;
  const summarised = byKey && !opts.fullEvidence;
  const strongest = (): Promise<Capped<Relation & Partial<RelationSummary>>> => (summarised
    ? store.listEntityRelationSummaries(id, scope, window.limit, { evidence: RELATION_EVIDENCE, keep: opts.keep, offset: window.offset })
    : store.listStrongestEntityRelations(id, scope, window.limit, window.offset));
  const none = async <T>(): Promise<T[]> => [];
  // A resolved entity's newest events are read a page at a time in SQL (a hub is in hundreds); a per-name entity's whole.
  let eventTotal: number | undefined;
  const [relations, events, claims]: [(Relation & Partial<RelationSummary>)[], Event[], Claim[]] = byKey
    ? await Promise.all([strongest(), only ? null : store.listEntityEventsPage(id, scope, 0, ENTITY_EVENTS), only ? none<Claim>() : store.listEntityClaims(id, scope)])
      .then(([r, e, c]) => { relationCount = r.total; eventTotal = e?.total; return [r.items, e?.items ?? [], c]; })
    : await Promise.all([store.listRelations(scope), only ? none<Event>() : store.listEvents(scope), only ? none<Claim>() : store.listClaims(scope)]);
  let mineRelations = relations.filter((x) => x.source === id || x.target === id);
  if (!byKey) {
    // The whole read (no member keys): the same window, strongest first, applied here.
    relationCount = mineRelations.length;
    mineRelations = mineRelations.sort(strongestFirst).slice(window.offset, window.offset + window.limit);
  }
  // The newest events only: a hub is in hundreds (the rest: GET /api/entities/:id/events, and the timeline).
  const allEvents = entityEventsOf(events, id);
  const myEvents = allEvents.slice(0, ENTITY_EVENTS);
  const eventCount = eventTotal ?? allEvents.length;
  const myClaims = claims.filter((c) => c.speaker === id);
  // The entities this page names, read in one batch.
  const named = new Set<string>([
    ...mineRelations.map((r) => (r.source === id ? r.target : r.source)),
    ...myEvents.flatMap((x) => [...x.participants, x.place ?? '']), ...myClaims.map((c) => c.speaker ?? ''),
  ]);
  named.delete('');
  named.delete(id);
  const others = new Map((await store.getEntityBriefs([...named], scope)).map((e) => [e.id, e]));
  others.set(id, entity);
  const mine: SummarisedRelation[] = mineRelations.map((r) => {
    const other = others.get(r.source === id ? r.target : r.source);
    // A few sentences each, and how many there are: a hub's 200 relations carry thousands (the rest: relationEvidence).
    return {
      ...r, evidence: opts.fullEvidence ? r.evidence : r.evidence.slice(0, RELATION_EVIDENCE), evidenceCount: r.evidenceCount ?? r.evidence.length, direction: r.source === id ? 'out' : 'in',
      other: other ? { id: other.id, name: other.name, type: other.type } : null,
    };
  });
  mine.sort((a, b) => a.type.localeCompare(b.type) || b.independentSources - a.independentSources || b.confidence - a.confidence);
  const names: Record<string, string> = {};
  for (const e of [...myEvents.flatMap((x) => [...x.participants, x.place ?? '']), ...myClaims.map((c) => c.speaker ?? '')]) {
    const found = e ? others.get(e) : undefined;
    if (found) names[e] = found.name;
  }
  // The most relevant documents only: a hub's page listed up to 1,000 summaries (a third of its JSON).
  const [documents, memberPage] = await side;
  const capped = window.offset === 0 && mine.length < relationCount;
  const members = head.members.items.length < head.members.total;
  return {
    summarised, entity, members: memberPage, reasonCount: head.reasonCount, relations: mine, events: myEvents, eventCount, claims: myClaims, documents: documents.items, names, documentCount: documents.total, relationCount,
    ...(members ? { membersNote: `Showing ${head.members.items.length} of ${count(head.members.total)} merged names.` } : {}),
    ...(capped ? { relationsNote: `Showing the ${mine.length} strongest of ${relationCount} relations (most independent sources first).` } : {}),
  };
}

/**
 * Caps each relation's evidence to the first RELATION_EVIDENCE sentences with their count, for a page read with
 * `fullEvidence` (so filters and counts that need every sentence, such as grades, ran first).
 */
export function capEvidence<R extends { evidence: readonly unknown[]; evidenceCount?: number }>(relations: readonly R[]): R[] {
  return relations.map((r) => ({ ...r, evidence: r.evidence.slice(0, RELATION_EVIDENCE), evidenceCount: r.evidence.length }));
}

/**
 * A page of the evidence sentences of one relation of entity `id` (in the order the entity page lists them), or null when
 * the entity has no such relation in the scope. A per-name entity of an unresolved collection reads its relations whole.
 */
export async function relationEvidence(store: Store, id: string, relationId: string, scope: Scope, offset: number, limit: number): Promise<EvidencePage | null> {
  const head = await store.getEntityHead(id, scope, 0);
  if (!head) return null;
  const relation = head.members.total > 0
    ? await store.getEntityRelation(id, relationId, scope)
    : (await store.listRelations(scope)).find((r) => r.id === relationId && (r.source === id || r.target === id)) ?? null;
  if (!relation) return null;
  return { items: relation.evidence.slice(offset, offset + limit), total: relation.evidence.length };
}

/**
 * One merged relation by id, complete, or null when the scope has none such. With `entity` (one of its ends) it is read
 * by key, from that entity's rows (Store.getEntityRelation); without, or for a per-name entity, from every relation of the scope.
 */
export async function findRelation(store: Store, scope: Scope, relationId: string, entity?: string): Promise<Relation | null> {
  const head = entity ? await store.getEntityHead(entity, scope, 0) : null;
  if (head && head.members.total > 0) return store.getEntityRelation(entity!, relationId, scope);
  const found = (await store.listRelations(scope)).find((r) => r.id === relationId) ?? null;
  return found && entity && found.source !== entity && found.target !== entity ? null : found;
}

/** 7354 -> "7,354", the same on every machine. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The order the store chooses the strongest in: independent sources, supporting evidence, confidence (see chooseStrongest). */
function strongestFirst(a: Relation, b: Relation): number {
  return b.independentSources - a.independentSources || b.evidence.length - a.evidence.length || b.confidence - a.confidence
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
