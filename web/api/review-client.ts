/** Typed client for the review endpoints: the queue, decisions on proposed relations, relations made by hand. */
import type { ReviewItem, ReviewRecord } from '../../src/model/index.js';
import { getJson, query } from './client.js';

export type { ReviewItem, ReviewRecord };

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
