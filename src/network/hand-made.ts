/**
 * Facts made by hand, each citing a span of a stored document, the analyst its provenance (stage `analyst`, user, time):
 * relations, entities (a name marked in the text), and evidence attached to an existing relation, or a denial of it.
 */
import type { EntityType, FactReviewRecord, ReviewRecord, StoredDocument } from '../model/index.js';
import { ENTITY_TYPES, RELATION_TYPES, formatCandidateKey } from '../model/index.js';
import type { Scope, Store } from '../store/store.js';
import { normalizeName } from '../resolve/normalize.js';
import { resolveIncrementally } from '../pipeline/resolve-collection.js';
import { endKey, ReviewError } from './review.js';
import { findRelation } from './entity-view.js';

/** A cited span: offsets into the document's stored text. */
export interface CitedSpan {
  documentId: string;
  start: number;
  end: number;
}

/** What an analyst states: a typed relation between two entities, and the span of a document that says so. */
export interface HandMadeRelation {
  type: string;
  /** Entity ids. */
  source: string;
  target: string;
  evidence: CitedSpan;
}

/** The document a span cites, checked: it exists in scope and the span lies inside its text. */
async function citedDocument(store: Store, scope: Scope, span: CitedSpan): Promise<StoredDocument> {
  const doc = await store.getDocument(span.documentId, scope);
  if (!doc) throw new ReviewError(`No document with id "${span.documentId}".`, 404);
  const { start, end } = span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= doc.text.length)) {
    throw new ReviewError(`The span [${start}, ${end}) is not inside the document's text (${doc.text.length} characters).`);
  }
  return doc;
}

/** Stores a relation made by hand with its span as evidence (confidence 1); the record made (verdict `added`). */
export async function addHandMadeRelation(store: Store, scope: Scope, r: HandMadeRelation, by?: string, denial = false): Promise<ReviewRecord> {
  if (!(r.type in RELATION_TYPES)) throw new ReviewError(`Unknown relation type "${r.type}". Types: ${Object.keys(RELATION_TYPES).join(', ')}`);
  if (r.source === r.target) throw new ReviewError('A relation needs two different entities.');
  const doc = await citedDocument(store, scope, r.evidence);
  const { start, end } = r.evidence;
  const [source, target] = [await endKey(store, scope, r.source, doc.id), await endKey(store, scope, r.target, doc.id)];
  const record = await store.reviews.add({
    documentId: doc.id, type: r.type, source, target, confidence: 1, attrs: { rule: 'analyst', ...(denial ? { negated: true } : {}) },
    evidence: [{ documentId: doc.id, start, end, text: doc.text.slice(start, end) }],
  }, by, scope);
  if (!record) throw new ReviewError(`No document with id "${doc.id}".`, 404);
  return record;
}

/**
 * Attaches a span as further evidence of an existing (merged) relation, or as a denial of it: a hand-made row of the
 * same type between the same entities, which merges into that relation (a denial among its contradictions). With
 * `entity` (one of its ends) the relation is read by key.
 */
export async function attachEvidence(store: Store, scope: Scope, relationId: string, span: CitedSpan, options: { denial?: boolean; by?: string; entity?: string } = {}): Promise<ReviewRecord> {
  // Read by key when the caller names one of its ends (see findRelation).
  const rel = await findRelation(store, scope, relationId, options.entity);
  if (!rel) throw new ReviewError(`No relation with id "${relationId}".`, 404);
  return addHandMadeRelation(store, scope, { type: rel.type, source: rel.source, target: rel.target, evidence: span }, options.by, Boolean(options.denial));
}

/** An entity an analyst marks in the text: its type, its name, and the span that names it. */
export interface HandMadeEntity {
  type: string;
  name: string;
  evidence: CitedSpan;
}

/** What adding an entity made: the entity the name now belongs to (a new one, or one it was resolved into) and the record. */
export interface AddedEntity {
  entity: { id: string; name: string; type: EntityType; collection: string };
  stage: 'analyst';
  by: string | null;
  at: string;
  record: FactReviewRecord;
}

/**
 * Stores a name marked by hand as a mention of stage `analyst` at the span, then resolves the collection's changed
 * documents, so the name becomes an entity (or joins the one resolution finds for it).
 */
export async function addHandMadeEntity(store: Store, scope: Scope, e: HandMadeEntity, by?: string): Promise<AddedEntity> {
  if (!(ENTITY_TYPES as readonly string[]).includes(e.type)) throw new ReviewError(`Unknown entity type "${e.type}". Types: ${ENTITY_TYPES.join(', ')}`);
  const name = e.name.trim();
  if (!name) throw new ReviewError('An entity needs a name.');
  const doc = await citedDocument(store, scope, e.evidence);
  const type = e.type as EntityType;
  const norm = normalizeName(name, type) || name.toLowerCase();
  const entityKey = formatCandidateKey(doc.id, type, norm);
  const { start, end } = e.evidence;
  const record = await store.reviews.facts.addMention({ documentId: doc.id, start, end, text: doc.text.slice(start, end), type, norm, entityKey }, by, scope);
  if (!record) throw new ReviewError(`No document with id "${doc.id}".`, 404);
  await resolveIncrementally(store, doc.collection);
  const mention = (await store.listMentions(doc.id, scope)).find((m) => m.entityKey === entityKey && m.start === start && m.end === end);
  const [brief] = mention?.entityId ? await store.getEntityBriefs([mention.entityId], scope) : [];
  const entity = brief
    ? { id: brief.id, name: brief.name, type: brief.type, collection: brief.collection }
    : { id: mention?.entityId ?? '', name, type, collection: doc.collection };
  return { entity, stage: 'analyst', by: record.by ?? null, at: record.at, record };
}
