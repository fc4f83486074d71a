/** Typed client for the Cablegraph HTTP API: one function per endpoint, every failure an ApiError with a readable message. */
import type {
  Claim, DecisionRecord, DocumentChild, DocumentLocation, DocumentSummary, Entity, EntityType, Event, Relation, RelationType, EntityListItem, SearchResponse, StoreStats, StoredDocument,
  EntityRelation as ModelEntityRelation, EntityView, EntityMembersPage, EntityDocumentsPage, EntityEventsPage, EntityRelationsPage, EvidencePage, Graph,
} from '../../src/model/index.js';

/** A mention as the document endpoint returns it. */
export interface DocumentMention {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** Normalised name ("qassem soleimani"), when the server sends it. */
  norm?: string;
  /** The resolved entity, once resolution has run. */
  entityId?: string;
}

/** GET /api/documents/:id: the stored document with its children and mentions (empty until extraction has run). */
export type DocumentDetail = StoredDocument & {
  /** One per place a member was found (identical members repeat the id, each with its own path and name). */
  children: DocumentChild[];
  /** Every place the content was found, the document's own first. */
  locations: DocumentLocation[];
  mentions: DocumentMention[];
  /** Relations, events and claims with evidence in this document (evidence limited to this document). */
  relations?: Relation[];
  events?: Event[];
  claims?: Claim[];
};

/** A page of the document list. */
export interface DocumentPage {
  items: DocumentSummary[];
  total: number;
}

/** Search parameters, as the search scene keeps them in the URL. */
export interface SearchParams {
  q: string;
  limit: number;
  offset: number;
  collection?: string;
  language?: string;
  format?: string;
  source?: string;
  /** Partial ISO dates, inclusive. */
  from?: string;
  to?: string;
  /** 'false' turns off searching a named entity's spellings in other scripts. */
  crossScript?: 'false';
}

/** Why a request failed: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  /** HTTP status, or 0 for a network failure. */
  readonly status: number;
  /** The server's machine-readable code ("bad-query", "not-found" ...), or "network" / "http". */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }

  /** True for a search query the server could not parse (shown next to the search box, not as a page error). */
  get isBadQuery(): boolean {
    return this.status === 400 && this.code === 'bad-query';
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Fetches JSON from the API; turns network failures, HTTP errors and bad bodies into ApiError. Aborts pass through. */
export async function getJson<T>(path: string, signal?: AbortSignal, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, signal, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network', 'The Cablegraph server did not answer. Is cablegraph serve still running?');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
    body = null;
  }
  if (!response.ok) {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; message?: unknown };
    const code = typeof fields.error === 'string' ? fields.error : 'http';
    const message = typeof fields.message === 'string' && fields.message
      ? fields.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError(response.status, code, message);
  }
  if (body === null) throw new ApiError(response.status, 'bad-response', 'The server sent a response that is not JSON.');
  return body as T;
}

/** A query string from parameters, leaving out empty ones. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

/** Full-text search with facets. A query the parser rejects fails with an ApiError whose isBadQuery is true. */
export function searchDocuments(params: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson<SearchResponse>(`/api/search?${query({ ...params })}`, signal);
}

/** One page of all documents, in store order. */
export function listDocuments(limit: number, offset: number, signal?: AbortSignal): Promise<DocumentPage> {
  return getJson<DocumentPage>(`/api/documents?${query({ limit, offset })}`, signal);
}

/** One document with text, children and mentions; 404 becomes an ApiError with status 404. */
export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return getJson<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`, signal);
}

/** Counts for the whole store (documents, collections, mentions, relations ...). */
export function getStats(signal?: AbortSignal): Promise<StoreStats> {
  return getJson<StoreStats>('/api/stats', signal);
}

/** GET /api/schema: entity types and the relation vocabulary. */
export interface Schema {
  entityTypes: EntityType[];
  relationTypes: Record<string, RelationType>;
}

/** The relation vocabulary, labels included. */
export function getSchema(signal?: AbortSignal): Promise<Schema> {
  return getJson<Schema>('/api/schema', signal);
}

/** A page of entities (without merge reasons: the entity page has them). */
export interface EntityPage {
  items: EntityListItem[];
  total: number;
}

/** Entities matching a name (spelling variants included) and type, most mentioned first. */
export function listEntities(params: { q?: string; type?: string; tag?: string; limit: number; offset: number }, signal?: AbortSignal): Promise<EntityPage> {
  return getJson<EntityPage>(`/api/entities?${query(params)}`, signal);
}

/** A relation seen from one entity: "out" when the entity is the source. */
export type EntityRelation = ModelEntityRelation;

/** How the server marks a protected entity: its pseudonym, and whether the name is hidden from this caller. */
export interface ProtectionMark {
  pseudonym: string;
  /** True when the caller may not see the name (it reads as the pseudonym); false for an editor with write or an admin. */
  masked: boolean;
}

/** GET /api/entities/:id: everything known about one entity (marked when protected). */
export type EntityDetail = EntityView & { entity: EntityView['entity'] & { protected?: ProtectionMark }; grades?: Record<string, string> };

/** What protecting or unprotecting an entity answers. */
export interface ProtectionOutcome {
  entityId: string;
  pseudonym: string;
  protected: boolean;
}

/** Protects an entity (editors with write on its collection), or stops protecting it with `remove`. */
export function protectEntity(id: string, remove = false): Promise<ProtectionOutcome> {
  return getJson<ProtectionOutcome>(`/api/entities/${encodeURIComponent(id)}/protect`, undefined, { method: remove ? 'DELETE' : 'POST' });
}

/** One entity with its relations, events, claims and documents. */
export function getEntity(id: string, signal?: AbortSignal, minGrade?: string): Promise<EntityDetail> {
  return getJson<EntityDetail>(`/api/entities/${encodeURIComponent(id)}${minGrade ? `?minGrade=${encodeURIComponent(minGrade)}` : ''}`, signal);
}

/** A page of an entity's merged names (candidate keys in key order), each with the first merge reasons naming it. */
export function getEntityMembers(id: string, offset: number, limit: number, signal?: AbortSignal): Promise<EntityMembersPage> {
  return getJson<EntityMembersPage>(`/api/entities/${encodeURIComponent(id)}/members?${query({ offset, limit })}`, signal);
}

/** The id of the entity that now holds a member key, or null when none does (visible to this caller). */
export async function getEntityByMember(key: string, signal?: AbortSignal): Promise<string | null> {
  try {
    return (await getJson<{ id: string }>(`/api/entities/by-member?${query({ key })}`, signal)).id;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** A page of the documents naming an entity, most relevant first (the entity page carries the first ENTITY_DOCUMENTS). */
export function getEntityDocuments(id: string, offset: number, limit: number, signal?: AbortSignal): Promise<EntityDocumentsPage> {
  return getJson<EntityDocumentsPage>(`/api/entities/${encodeURIComponent(id)}/documents?${query({ offset, limit })}`, signal);
}

/** A page of the events naming an entity, the newest first (the entity page carries the first ENTITY_EVENTS). */
export function getEntityEvents(id: string, offset: number, limit: number, signal?: AbortSignal): Promise<EntityEventsPage> {
  return getJson<EntityEventsPage>(`/api/entities/${encodeURIComponent(id)}/events?${query({ offset, limit })}`, signal);
}

/**
 * A page of an entity's relations, the strongest after `offset` of them (the entity page carries the first
 * ENTITY_RELATIONS); with `minGrade` as the page reads them (relations without a sentence graded so left out).
 */
export function getEntityRelations(id: string, offset: number, limit: number, minGrade?: string, signal?: AbortSignal): Promise<EntityRelationsPage> {
  return getJson<EntityRelationsPage>(`/api/entities/${encodeURIComponent(id)}/relations?${query({ offset, limit, minGrade })}`, signal);
}

/** A page of the evidence sentences of one of an entity's relations (the entity page carries the first few). */
export function getRelationEvidence(entityId: string, relationId: string, offset: number, limit: number, signal?: AbortSignal): Promise<EvidencePage> {
  return getJson<EvidencePage>(`/api/entities/${encodeURIComponent(entityId)}/relations/${encodeURIComponent(relationId)}/evidence?${query({ offset, limit })}`, signal);
}

/** GET /api/relations/:id: one relation with all its evidence and the claims it rests on. */
export type RelationDetail = Relation & { sourceName: string; targetName: string; claims: Claim[]; grades?: Record<string, string>; corroboration?: Record<string, number> };

/** An entity id the API accepts as a relation's end (`?entity=`); a per-name entity's raw key is not one. */
export const isEntityId = (id: string | undefined): id is string => id !== undefined && /^ent_[0-9a-f]{16}$/u.test(id);

/**
 * One relation with every evidence sentence and contradiction. With `entity` (one of its ends, when known) the server
 * reads it by key from that entity's rows instead of reading every relation of the scope.
 */
export function getRelation(id: string, signal?: AbortSignal, entity?: string): Promise<RelationDetail> {
  return getJson<RelationDetail>(`/api/relations/${encodeURIComponent(id)}${isEntityId(entity) ? `?${query({ entity })}` : ''}`, signal);
}

/** A node of the graph endpoint. */
export type { GraphNode, GraphEdge } from '../../src/model/index.js';

/** GET /api/graph. */
export type GraphData = Graph;

/** Filters of the graph endpoint; lists are comma-separated. */
export interface GraphParams {
  entity?: string;
  hops?: number;
  relationTypes?: string;
  entityTypes?: string;
  minConfidence?: number;
  minSources?: number;
  from?: string;
  to?: string;
  limit?: number;
  /** 'true': only edges an analyst accepted, edited or made. */
  reviewedOnly?: 'true';
  /** Admiralty grade ("B2"): edges with a supporting document graded at least this. */
  minGrade?: string;
  /** Only the entities carrying this tag and their relations. */
  tag?: string;
}

/** The filtered network, or one entity's neighbourhood. */
export function getGraph(params: GraphParams, signal?: AbortSignal): Promise<GraphData> {
  return getJson<GraphData>(`/api/graph?${query({ ...params })}`, signal);
}

/** GET /api/timeline. */
export interface TimelineData {
  events: Event[];
  entities: Record<string, { name: string; type: EntityType }>;
}

/** Dated events, oldest first, filtered by entity, type and partial dates. */
export function getTimeline(params: { entity?: string; type?: string; from?: string; to?: string }, signal?: AbortSignal): Promise<TimelineData> {
  return getJson<TimelineData>(`/api/timeline?${query(params)}`, signal);
}

/** What a merge or split answers: applied already (200), or pending while the server applies it in the background (202). */
export interface DecisionOutcome {
  status: 'applied' | 'pending';
  decisions: DecisionRecord[];
}

/** Merges entity b into entity a; the decision is recorded and can be undone by a split. */
export function mergeEntities(a: string, b: string): Promise<DecisionOutcome> {
  return getJson<DecisionOutcome>('/api/decisions/merge', undefined, { method: 'POST', body: JSON.stringify({ a, b }) });
}

/** Takes one member candidate ("<docId>#TYPE:norm") out of an entity. */
export function splitMember(entity: string, member: string): Promise<DecisionOutcome> {
  return getJson<DecisionOutcome>('/api/decisions/split', undefined, { method: 'POST', body: JSON.stringify({ entity, member }) });
}

/** One decision with its status (pending until the server has applied it). */
export function getDecision(id: number, signal?: AbortSignal): Promise<DecisionRecord> {
  return getJson<DecisionRecord>(`/api/decisions/${id}`, signal);
}

/**
 * Resolves once the outcome's decisions are applied, asking again with growing pauses (0.25 s up to 2 s);
 * `onPending` is called once when the answer says pending, so the page can say so. The decisions of one request are
 * applied together or the last one last, so the last one is the one asked about.
 */
export async function whenApplied(outcome: DecisionOutcome, onPending?: () => void, signal?: AbortSignal): Promise<void> {
  const last = outcome.decisions.at(-1);
  if (outcome.status === 'applied' || !last) return;
  onPending?.();
  let pause = 250;
  for (let status = last.status; status !== 'applied'; status = (await getDecision(last.id, signal)).status) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(2000, pause * 2);
    if (signal?.aborted) throw new ApiError(0, 'aborted', 'Stopped waiting for the decision to be applied.');
  }
}

/** Everything the caller may see, as the JSON export contract. */
export function getExport(signal?: AbortSignal): Promise<unknown> {
  return getJson<unknown>('/api/export', signal);
}

export type { Entity };
