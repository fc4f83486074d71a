/** Relations made by hand: an analyst cites a span of a stored document; stage `analyst`, the user and time in its review. */
import type { ReviewRecord } from '../model/index.js';
import { RELATION_TYPES } from '../model/index.js';
import type { Scope, Store } from '../store/store.js';
import { endKey, ReviewError } from './review.js';

/** What an analyst states: a typed relation between two entities, and the span of a document that says so. */
export interface HandMadeRelation {
  type: string;
  /** Entity ids. */
  source: string;
  target: string;
  evidence: { documentId: string; start: number; end: number };
}

/** Stores a relation made by hand with its span as evidence (confidence 1); the record made (verdict `added`). */
export async function addHandMadeRelation(store: Store, scope: Scope, r: HandMadeRelation, by?: string): Promise<ReviewRecord> {
  if (!(r.type in RELATION_TYPES)) throw new ReviewError(`Unknown relation type "${r.type}". Types: ${Object.keys(RELATION_TYPES).join(', ')}`);
  if (r.source === r.target) throw new ReviewError('A relation needs two different entities.');
  const doc = await store.getDocument(r.evidence.documentId, scope);
  if (!doc) throw new ReviewError(`No document with id "${r.evidence.documentId}".`, 404);
  const { start, end } = r.evidence;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= doc.text.length)) {
    throw new ReviewError(`The span [${start}, ${end}) is not inside the document's text (${doc.text.length} characters).`);
  }
  const [source, target] = [await endKey(store, scope, r.source, doc.id), await endKey(store, scope, r.target, doc.id)];
  const record = await store.reviews.add({
    documentId: doc.id, type: r.type, source, target, confidence: 1, attrs: { rule: 'analyst' },
    evidence: [{ documentId: doc.id, start, end, text: doc.text.slice(start, end) }],
  }, by, scope);
  if (!record) throw new ReviewError(`No document with id "${doc.id}".`, 404);
  return record;
}
