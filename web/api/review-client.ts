/** Typed client for the review endpoints: the queues, decisions on proposed relations, events and claims, facts made by hand. */
import type { FactKind, FactReviewItem, FactReviewRecord, MergeReviewItem, ReviewItem, ReviewRecord } from '../../src/model/index.js';
import { getJson, isEntityId, query } from './client.js';

export type { FactKind, FactReviewItem, MergeReviewItem, ReviewItem, ReviewRecord };

/** The queues that share one scene body: events, claims, and the merges resolution made. */
export type QueueKind = FactKind | 'merge';

/** GET /api/review: a page of proposals in priority order. */
export interface ReviewPage {
  items: ReviewItem[];
  total: number;
}

/** Filters of the review queue. */
export interface ReviewParams {
  state?: string;
  type?: string;
  entity?: string;
  document?: string;
  minConfidence?: number;
  maxConfidence?: number;
  limit: number;
  offset: number;
}

/** The review queue: low confidence on central entities first. */
export function getReviewQueue(params: ReviewParams, signal?: AbortSignal): Promise<ReviewPage> {
  return getJson<ReviewPage>(`/api/review?${query({ ...params })}`, signal);
}

/** Accepts, rejects (with an optional reason) or edits (type, direction, ends) a proposed relation. */
export function reviewRelation(id: string, verdict: 'accepted' | 'rejected' | 'edited', extra: { reason?: string; edit?: { type?: string; swap?: boolean; source?: string; target?: string } } = {}): Promise<ReviewRecord> {
  return getJson<ReviewRecord>(`/api/review/relations/${encodeURIComponent(id)}`, undefined, { method: 'POST', body: JSON.stringify({ verdict, ...extra }) });
}

/** Undoes the latest decision on a proposed relation. */
export function undoReview(id: string): Promise<ReviewRecord> {
  return getJson<ReviewRecord>(`/api/review/relations/${encodeURIComponent(id)}`, undefined, { method: 'DELETE' });
}

/** Adds a relation by hand, citing a span of a document (stage "analyst"). */
export function addRelation(body: { type: string; source: string; target: string; evidence: { documentId: string; start: number; end: number } }): Promise<ReviewRecord> {
  return getJson<ReviewRecord>('/api/relations', undefined, { method: 'POST', body: JSON.stringify(body) });
}

/** A page of the event, claim or merge queue. */
export interface FactReviewPage {
  items: (FactReviewItem | MergeReviewItem)[];
  total: number;
}

/** GET /api/review?kind=event|claim|merge: proposed events or claims in document order, or merges (low score on large entities first). */
export function getFactQueue(kind: QueueKind, params: { state?: string; type?: string; limit: number; offset: number }, signal?: AbortSignal): Promise<FactReviewPage> {
  return getJson<FactReviewPage>(`/api/review?${query({ kind, ...params })}`, signal);
}

/** Accepts or rejects (with an optional reason) a proposed event or claim, or a merge (accept keeps it, reject undoes it). */
export function reviewFact(kind: QueueKind, id: string, verdict: 'accepted' | 'rejected', reason?: string): Promise<FactReviewRecord> {
  return getJson<FactReviewRecord>(`/api/review/${kind}s/${encodeURIComponent(id)}`, undefined, { method: 'POST', body: JSON.stringify({ verdict, ...(reason ? { reason } : {}) }) });
}

/** Undoes the latest decision on a proposed event, claim or merge. */
export function undoFactReview(kind: QueueKind, id: string): Promise<FactReviewRecord> {
  return getJson<FactReviewRecord>(`/api/review/${kind}s/${encodeURIComponent(id)}`, undefined, { method: 'DELETE' });
}

/** Adds an entity by hand: the span names it (stage "analyst"); answers the entity it became. */
export function addEntity(body: { type: string; name: string; evidence: { documentId: string; start: number; end: number } }): Promise<{ entity: { id: string; name: string; type: string }; by: string | null; at: string }> {
  return getJson('/api/entities', undefined, { method: 'POST', body: JSON.stringify(body) });
}

/** Attaches a span as further evidence of a relation, or as a denial of it (stage "analyst"); `entity`, one of its ends, lets the server read it by key. */
export function attachEvidence(relationId: string, evidence: { documentId: string; start: number; end: number }, denial: boolean, entity?: string): Promise<ReviewRecord> {
  const body = { evidence, denial, ...(isEntityId(entity) ? { entity } : {}) };
  return getJson<ReviewRecord>(`/api/relations/${encodeURIComponent(relationId)}/evidence`, undefined, { method: 'POST', body: JSON.stringify(body) });
}
