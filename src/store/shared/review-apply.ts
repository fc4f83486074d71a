/**
 * Review decisions applied to relations as a stage proposes them: pure logic shared by both engines. A decision is keyed
 * by its proposal id (document, evidence span, type, end candidate keys: all derived from the text and the proposal, none
 * from a row id extraction regenerates), so it applies again to the same proposal after reprocess or re-ingest.
 */
import type { Proposal, RelationReview, ReviewRecord, StageOutput } from '../../model/index.js';
import { factId, sha256Hex } from '../ids.js';

/** A relation of a stage's output. */
export type OutputRelation = NonNullable<StageOutput['relations']>[number];

/** The stage name of relations made by hand: no pipeline stage has it, so reprocess never replaces them. */
export const ANALYST_STAGE = 'analyst';

/**
 * The stable id of a proposal: "<documentId>.<12 hex>" from the first evidence span, type and end candidate keys
 * (e.g. "3fa24c1d9e8b7a60.9c1e44b0a2d3"); the document id comes first so a decision finds its rows by document.
 */
export function proposalId(documentId: string, r: Pick<OutputRelation, 'type' | 'source' | 'target' | 'evidence'>): string {
  const e = r.evidence[0];
  return `${documentId}.${sha256Hex([e?.start ?? -1, e?.end ?? -1, r.type, r.source, r.target].join('\u0000')).slice(0, 12)}`;
}

/** The document id a proposal id names (its part before the dot). */
export function proposalDocument(id: string): string {
  return id.slice(0, id.indexOf('.'));
}

/**
 * The decision in force for one proposal from its records in the order made: each `undo` cancels the latest decision
 * not yet undone; null when none is in force (unreviewed).
 */
export function decisionInForce<R extends { verdict: string }>(records: readonly R[]): R | null {
  const stack: R[] = [];
  for (const r of records) {
    if (r.verdict === 'undo') stack.pop();
    else stack.push(r);
  }
  return stack[stack.length - 1] ?? null;
}

/** Decisions in force by proposal id, from a document's records ordered by id. */
export function decisionsInForce<R extends { proposal: string; verdict: string }>(records: readonly R[]): Map<string, R> {
  const byProposal = new Map<string, R[]>();
  for (const r of records) {
    const list = byProposal.get(r.proposal);
    if (list) list.push(r);
    else byProposal.set(r.proposal, [r]);
  }
  const out = new Map<string, R>();
  for (const [k, list] of byProposal) {
    const d = decisionInForce(list);
    if (d) out.set(k, d);
  }
  return out;
}

/** The review a row carries for a decision in force (null for a rejection: the row is not written). */
export function reviewOf(d: ReviewRecord, kept = false): RelationReview | null {
  if (d.verdict === 'rejected' || d.verdict === 'undo') return null;
  return { verdict: d.verdict, at: d.at, proposal: d.proposal, ...(d.by ? { by: d.by } : {}), ...(d.reason ? { reason: d.reason } : {}), ...(kept ? { kept } : {}) };
}

/** The relation row a decision in force makes of a proposal: edited type and ends applied, the review attached. */
export function reviewedRelation(p: OutputRelation, d: ReviewRecord, kept = false): OutputRelation | null {
  const review = reviewOf(d, kept);
  if (!review) return null;
  const edit = d.verdict === 'edited' ? d.edit ?? {} : {};
  return { ...p, type: edit.type ?? p.type, source: edit.source ?? p.source, target: edit.target ?? p.target, review };
}

/** A proposal snapshot as a relation of a stage's output, under an id of its own (so it never replaces a fresh row). */
export function snapshotRelation(s: Proposal): OutputRelation {
  return {
    id: factId('rel', 'review', s.id), type: s.type, source: s.source, target: s.target, confidence: s.confidence,
    evidence: s.evidence, attrs: s.attrs, ...(s.claimId ? { claimId: s.claimId } : {}),
  };
}

/**
 * A stage's relations for one document with the document's review decisions applied: rejected proposals left out,
 * accepted ones marked, edited ones changed, and accepted ones the stage no longer proposes kept from their record
 * (marked `kept`). Relations without a decision pass through untouched (the same objects).
 */
export function applyReviews(documentId: string, stage: string, relations: readonly OutputRelation[], records: readonly ReviewRecord[]): OutputRelation[] {
  if (records.length === 0) return [...relations];
  const inForce = decisionsInForce(records);
  const seen = new Set<string>();
  const out: OutputRelation[] = [];
  for (const r of relations) {
    const id = proposalId(documentId, r);
    const d = inForce.get(id);
    if (!d) {
      out.push(r);
      continue;
    }
    seen.add(id);
    const reviewed = reviewedRelation(r, d);
    if (reviewed) out.push(reviewed);
  }
  for (const [id, d] of inForce) {
    if (seen.has(id) || d.snapshot.stage !== stage || d.verdict === 'rejected') continue;
    const kept = reviewedRelation(snapshotRelation(d.snapshot), d, d.verdict !== 'added');
    if (kept) out.push(kept);
  }
  return out;
}

/** A stored review decision row. */
export interface ReviewRow {
  id: number | string; collection: string; proposal: string; document_id: string; verdict: string;
  reason: string | null; edit: string | null; by: string | null; at: string; snapshot: string;
}

/** The columns of a ReviewRow, for SELECTs of both engines. */
export const REVIEW_COLUMNS = 'id, collection, proposal, document_id, verdict, reason, edit, by, at, snapshot';

/** A stored row as a ReviewRecord. */
export function toReviewRecord(r: ReviewRow): ReviewRecord {
  return {
    id: Number(r.id), collection: r.collection, proposal: r.proposal, documentId: r.document_id, verdict: r.verdict as ReviewRecord['verdict'],
    ...(r.reason ? { reason: r.reason } : {}), ...(r.edit ? { edit: JSON.parse(r.edit) as ReviewRecord['edit'] } : {}),
    ...(r.by ? { by: r.by } : {}), at: r.at, snapshot: JSON.parse(r.snapshot) as Proposal,
  };
}
