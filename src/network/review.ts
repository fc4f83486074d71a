/**
 * The review queue and review decisions on relations: proposals ordered by what matters (low confidence on central
 * entities first), each with its evidence; accept, reject, edit and undo recorded with who and when (store.reviews).
 */
import type { RelationEdit, ReviewItem, ReviewEnd, ReviewRecord, ReviewState } from '../model/index.js';

export type { ReviewItem, ReviewEnd };
import { RELATION_TYPES } from '../model/index.js';
import type { Page, Scope, Store } from '../store/store.js';
import type { ReviewInput, StoredProposal } from '../store/review.js';

/** A review request failed for a reason the user can fix. */
export class ReviewError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** Filters of the queue (GET /api/review, `cablegraph review`). */
export interface ReviewQuery {
  type?: string;
  /** Entity id: proposals with an end in it. */
  entity?: string;
  documentId?: string;
  minConfidence?: number;
  maxConfidence?: number;
  /** Default `unreviewed`; `all` lists every state, rejected included. */
  state?: ReviewState | 'all';
  limit: number;
  offset: number;
}

/** The state of a stored proposal. */
export function stateOf(p: StoredProposal): ReviewState {
  if (p.rejected) return 'rejected';
  if (!p.review) return 'unreviewed';
  return p.review.kept ? 'kept' : 'accepted';
}

/** Merged-edge degree per entity in the scope (how central an end is). */
export async function degrees(store: Store, scope: Scope): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of await store.listEdges(scope)) {
    out.set(e.source, (out.get(e.source) ?? 0) + 1);
    out.set(e.target, (out.get(e.target) ?? 0) + 1);
  }
  return out;
}

/**
 * The queue: proposals passing the filters, highest priority first (ties: document, then span start), one page. The
 * proposals are read with their first span only; the sentences are read for the page shown.
 */
export async function reviewQueue(store: Store, scope: Scope, q: ReviewQuery): Promise<Page<ReviewItem>> {
  const state = q.state ?? 'unreviewed';
  const proposals = await store.reviews.proposals(scope, {
    ...(q.documentId ? { documentId: q.documentId } : {}), withRejected: state === 'all' || state === 'rejected', evidence: 'first',
  });
  const passing = proposals.filter((p) => (state === 'all' || stateOf(p) === state) && (!q.type || p.type === q.type)
    && (!q.entity || p.sourceEntity === q.entity || p.targetEntity === q.entity)
    && p.confidence >= (q.minConfidence ?? 0) && p.confidence <= (q.maxConfidence ?? 1));
  const degree = await degrees(store, scope);
  const priority = (p: StoredProposal) => (1 - p.confidence) * Math.log(1 + (degree.get(p.sourceEntity) ?? 0) + (degree.get(p.targetEntity) ?? 0));
  const ranked = passing.map((p) => ({ p, priority: priority(p) }));
  ranked.sort((a, b) => b.priority - a.priority || (a.p.documentId < b.p.documentId ? -1 : a.p.documentId > b.p.documentId ? 1 : 0)
    || (a.p.evidence[0]?.start ?? 0) - (b.p.evidence[0]?.start ?? 0) || (a.p.id < b.p.id ? -1 : 1));
  const page = ranked.slice(q.offset, q.offset + q.limit);
  // Current rows were read with their first span only: their sentences now (a rejected proposal's come with its record).
  const evidence = await store.reviews.evidenceOf(page.filter(({ p }) => !p.rejected && p.rowId).map(({ p }) => p.rowId!));
  const briefs = new Map((await store.getEntityBriefs([...new Set(page.flatMap(({ p }) => [p.sourceEntity, p.targetEntity]))], scope)).map((b) => [b.id, b]));
  const end = (id: string, key: string): ReviewEnd => {
    const b = briefs.get(id);
    return { id, name: b?.name ?? key.slice(key.indexOf(':') + 1), type: b?.type ?? null };
  };
  return {
    total: ranked.length,
    items: page.map(({ p, priority: pr }) => ({
      id: p.id, state: stateOf(p), type: p.type, source: end(p.sourceEntity, p.source), target: end(p.targetEntity, p.target),
      confidence: p.confidence, priority: Math.round(pr * 1e4) / 1e4, documentId: p.documentId,
      evidence: !p.rejected && p.rowId ? evidence.get(p.rowId) ?? [] : p.evidence, stage: p.stage,
      version: p.version, negated: Boolean(p.attrs.negated), ...(p.review ? { review: p.review } : {}), ...(p.rejection ? { rejection: p.rejection } : {}),
    })),
  };
}

/** A candidate key of an entity for an end of a relation in `documentId`: a member from that document if any. */
export async function endKey(store: Store, scope: Scope, entityId: string, documentId: string): Promise<string> {
  const e = await store.getEntity(entityId, scope);
  if (!e) throw new ReviewError(`No entity with id "${entityId}".`);
  const key = e.members.find((k) => k.startsWith(`${documentId}#`)) ?? e.members[0];
  if (!key) throw new ReviewError(`Entity "${e.name}" has not been resolved yet: ingest with the default stages first.`);
  return key;
}

/** An edit as the API takes it: a new type, swapped direction, new ends (entity ids). */
export interface EditRequest {
  type?: string;
  swap?: boolean;
  source?: string;
  target?: string;
}

function checkType(type: string | undefined): void {
  if (type !== undefined && !(type in RELATION_TYPES)) throw new ReviewError(`Unknown relation type "${type}". Types: ${Object.keys(RELATION_TYPES).join(', ')}`);
}

/** Records a verdict on a proposal (accept, reject with an optional reason, edit, undo) by `by`; the record made. */
export async function reviewRelation(store: Store, scope: Scope, id: string, verdict: ReviewInput['verdict'], options: { by?: string; reason?: string; edit?: EditRequest } = {}): Promise<ReviewRecord> {
  if (!/^[0-9a-f]{16}\.[0-9a-f]{12}$/u.test(id)) throw new ReviewError(`"${id}" is no proposal id (document id, a dot, 12 hex digits).`);
  let edit: RelationEdit | undefined;
  if (verdict === 'edited') {
    const e = options.edit ?? {};
    checkType(e.type);
    const [p] = (await store.reviews.proposals(scope, { documentId: id.slice(0, 16) })).filter((x) => x.id === id);
    if (!p) throw new ReviewError(`No proposal "${id}" to edit.`, 404);
    let source = e.source ? await endKey(store, scope, e.source, p.documentId) : p.source;
    let target = e.target ? await endKey(store, scope, e.target, p.documentId) : p.target;
    if (e.swap) [source, target] = [target, source];
    if (source === target) throw new ReviewError('A relation needs two different ends.');
    edit = { ...(e.type ? { type: e.type } : {}), ...(source !== p.source ? { source } : {}), ...(target !== p.target ? { target } : {}) };
  }
  const record = await store.reviews.decide(id, { verdict, ...(options.by ? { by: options.by } : {}), ...(options.reason ? { reason: options.reason } : {}), ...(edit ? { edit } : {}) }, scope);
  if (!record) throw new ReviewError(verdict === 'undo' ? `Nothing to undo on proposal "${id}".` : `No proposal "${id}".`, 404);
  return record;
}
