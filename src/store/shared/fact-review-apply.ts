/**
 * Review decisions applied to events and claims as a stage proposes them (the twin of review-apply.ts for relations):
 * pure logic shared by both engines. A decision is keyed by a proposal id derived from the document, the evidence span
 * and what the fact says, never from a row id, so it applies again after reprocess or re-ingest.
 */
import type { FactKind, FactProposal, FactReviewRecord, RelationReview, StageOutput } from '../../model/index.js';
import { factId, sha256Hex } from '../ids.js';
import { decisionsInForce } from './review-apply.js';

/** An event or claim of a stage's output. */
export type OutputEvent = NonNullable<StageOutput['events']>[number];
export type OutputClaim = NonNullable<StageOutput['claims']>[number];
export type OutputFact = OutputEvent | OutputClaim;

/**
 * The stable id of an event or claim proposal: "<documentId>.<12 hex>" from the kind, the first evidence span and
 * what it states (an event's type and date; a claim's stance and speaker as written).
 */
export function factProposalId(kind: FactKind, documentId: string, f: OutputFact): string {
  const e = f.evidence[0];
  const says = kind === 'event' ? [(f as OutputEvent).type, (f as OutputEvent).date] : [(f as OutputClaim).stance, (f as OutputClaim).speakerText];
  return `${documentId}.${sha256Hex([kind, e?.start ?? -1, e?.end ?? -1, ...says].join('\u0000')).slice(0, 12)}`;
}

/** The review a row carries for a decision in force (null for a rejection or an undo: no row, or no mark). */
export function factReviewOf(d: FactReviewRecord, kept = false): RelationReview | null {
  if (d.verdict !== 'accepted' && d.verdict !== 'added') return null;
  return { verdict: d.verdict, at: d.at, proposal: d.proposal, ...(d.by ? { by: d.by } : {}), ...(d.reason ? { reason: d.reason } : {}), ...(kept ? { kept } : {}) };
}

/** A snapshot's fact as a row of a stage's output under an id of its own (so it never replaces a fresh row). */
export function snapshotFact<T extends OutputFact>(s: FactProposal): T {
  return { ...(s.fact as unknown as T), id: factId(s.kind === 'event' ? 'evt' : 'clm', 'review', s.id) };
}

/**
 * A stage's events or claims for one document with the document's decisions applied: rejected proposals left out,
 * accepted ones marked, and accepted ones the stage no longer proposes kept from their record (marked `kept`).
 */
export function applyFactReviews<T extends OutputFact>(kind: FactKind, documentId: string, stage: string, facts: readonly T[], records: readonly FactReviewRecord[]): T[] {
  const mine = records.filter((r) => r.kind === kind);
  if (mine.length === 0) return [...facts];
  const inForce = decisionsInForce(mine);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const f of facts) {
    const id = factProposalId(kind, documentId, f);
    const d = inForce.get(id);
    if (!d) {
      out.push(f);
      continue;
    }
    seen.add(id);
    if (d.verdict === 'rejected') continue;
    const review = factReviewOf(d);
    out.push(review ? { ...f, review } : f);
  }
  for (const [id, d] of inForce) {
    if (seen.has(id) || d.snapshot.stage !== stage || d.verdict !== 'accepted') continue;
    out.push({ ...snapshotFact<T>(d.snapshot), review: factReviewOf(d, true)! });
  }
  return out;
}

/** A stored fact review row. */
export interface FactReviewRow {
  id: number | string; collection: string; kind: string; proposal: string; document_id: string; verdict: string;
  reason: string | null; by: string | null; at: string; snapshot: string;
}

/** The columns of a FactReviewRow, for SELECTs of both engines. */
export const FACT_REVIEW_COLUMNS = 'id, collection, kind, proposal, document_id, verdict, reason, by, at, snapshot';

/** A stored row as a FactReviewRecord. */
export function toFactReviewRecord(r: FactReviewRow): FactReviewRecord {
  return {
    id: Number(r.id), collection: r.collection, kind: r.kind as FactReviewRecord['kind'], proposal: r.proposal, documentId: r.document_id,
    verdict: r.verdict as FactReviewRecord['verdict'], ...(r.reason ? { reason: r.reason } : {}), ...(r.by ? { by: r.by } : {}), at: r.at,
    snapshot: JSON.parse(r.snapshot) as FactProposal,
  };
}
