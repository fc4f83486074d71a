/** Analyst review of extracted relations: verdicts on proposals, recorded with who and when, and relations made by hand. */
import type { EntityType, Evidence } from './extraction.js';

/** What an analyst decided about a proposal; `undo` cancels the latest decision not yet undone. */
export type ReviewVerdict = 'accepted' | 'rejected' | 'edited' | 'added' | 'undo';

/** The review state a relation shows: `kept` is accepted but no longer proposed by the current model. */
export type ReviewState = 'unreviewed' | 'accepted' | 'kept' | 'rejected';

/** New type and ends of an edited proposal (candidate keys); absent fields stay as proposed. */
export interface RelationEdit {
  type?: string;
  source?: string;
  target?: string;
}

/** The review a relation row carries: the decision in force, who made it and when. */
export interface RelationReview {
  verdict: Exclude<ReviewVerdict, 'undo' | 'rejected'>;
  by?: string;
  at: string;
  reason?: string;
  /** Accepted earlier, no longer proposed by the current extraction: kept from the decision's record. */
  kept?: boolean;
  /** The proposal the decision is about (an edited row's type and ends no longer give it). */
  proposal?: string;
}

/** A relation as one document proposes it: the unit a review decision is about (a row of `relations`). */
export interface Proposal {
  /** Stable id (see proposalId): document id, then a hash of span, type and end candidate keys. */
  id: string;
  collection: string;
  documentId: string;
  /** The row id of the current relation row (absent for a rejected proposal, which has no row). */
  rowId?: string;
  type: string;
  /** Candidate keys of the ends as proposed. */
  source: string;
  target: string;
  confidence: number;
  evidence: Evidence[];
  claimId?: string;
  attrs: Record<string, unknown>;
  stage: string;
  version: string;
}

/** One recorded review decision. */
export interface ReviewRecord {
  id: number;
  collection: string;
  proposal: string;
  documentId: string;
  verdict: ReviewVerdict;
  reason?: string;
  edit?: RelationEdit;
  by?: string;
  at: string;
  /** The proposal as it was when decided (restored by an undo, kept when no longer proposed). */
  snapshot: Proposal;
}

/** An end of a queue item: the resolved entity. */
export interface ReviewEnd {
  id: string;
  name: string;
  type: EntityType | null;
}

/** One proposal in the queue: the relation as proposed, its evidence (open the reader at evidence[0]) and its state. */
export interface ReviewItem {
  /** Proposal id: the key decisions are recorded under; stable across reprocess. */
  id: string;
  state: ReviewState;
  type: string;
  source: ReviewEnd;
  target: ReviewEnd;
  confidence: number;
  /** (1 - confidence) x log(1 + degree of source + degree of target): the queue's order, highest first. */
  priority: number;
  documentId: string;
  evidence: Evidence[];
  stage: string;
  version: string;
  /** Denied in its sentence ("X denied meeting Y"). */
  negated: boolean;
  review?: RelationReview;
  /** Who rejected it, when and why (state `rejected`). */
  rejection?: { by?: string; at: string; reason?: string };
}

/** Events and claims go through the review queue as relations do (accept, reject, undo); `entity` records an entity added by hand. */
export type FactKind = 'event' | 'claim';

/** An event or claim as one document proposes it: the unit a decision is about (a row of `events` or `claims`). */
export interface FactProposal {
  /** Stable id: document id, then a hash of the kind, evidence span and what the fact says (see factProposalId). */
  id: string;
  kind: FactKind | 'entity' | 'merge';
  collection: string;
  documentId: string;
  /** The row id of the current row (absent for a rejected proposal). */
  rowId?: string;
  stage: string;
  version: string;
  /** The fact as the stage wrote it (ends and participants as candidate keys; an entity: its mention). */
  fact: Record<string, unknown> & { evidence: Evidence[] };
}

/** One recorded decision on an event or claim (or an entity added by hand: verdict `added`). */
export interface FactReviewRecord {
  id: number;
  collection: string;
  kind: FactKind | 'entity' | 'merge';
  proposal: string;
  documentId: string;
  verdict: 'accepted' | 'rejected' | 'added' | 'undo';
  reason?: string;
  by?: string;
  at: string;
  snapshot: FactProposal;
}

/** An event or claim in the review queue. */
export interface FactReviewItem {
  id: string;
  kind: FactKind;
  state: ReviewState;
  /** Event type, or the claim's stance ("asserts", "denies"). */
  type: string;
  /** What it says in one line: "meeting, 2019-05-02: A, B" or "A: text". */
  summary: string;
  /** Entities taking part (event participants, the claim's speaker). */
  entities: ReviewEnd[];
  /** log(1 + merged-edge degrees of its entities): the queue's order, highest first (events and claims carry no confidence). */
  priority: number;
  documentId: string;
  evidence: Evidence[];
  stage: string;
  version: string;
  review?: RelationReview;
  rejection?: { by?: string; at: string; reason?: string };
}

/**
 * A merge resolution made (two candidate keys joined by a rule with a score) in the review queue: accepting keeps it
 * (a user merge), rejecting undoes it (a user split), undo hands the pair back to resolution.
 */
export interface MergeReviewItem extends Omit<FactReviewItem, 'kind'> {
  kind: 'merge';
  /** The rule's score (the merge's confidence). */
  score: number;
  /** (1 - score) x log(1 + mentions of the entity): the queue's order, highest first. */
  priority: number;
  /** The two candidate keys the rule joined. */
  a: string;
  b: string;
}
