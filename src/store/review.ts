/** What the store offers the analyst review: proposals as stored, decisions recorded and applied in one transaction. */
import type { EntityType, Evidence, FactKind, FactProposal, FactReviewRecord, Proposal, RelationEdit, RelationReview, ReviewRecord, ReviewVerdict, MergeReason } from '../model/index.js';
import type { Scope } from './store.js';

/** A proposal as the store holds it now, with its end entities and the review in force. */
export interface StoredProposal extends Proposal {
  /** Resolved entities of the two ends (per-name ids where resolution has not run). */
  sourceEntity: string;
  targetEntity: string;
  /** The review on its row; absent when unreviewed or rejected. */
  review?: RelationReview;
  /** True for a proposal rejected in force (it has no row; it comes from its decision's record). */
  rejected?: boolean;
  /** Who rejected it, when and why. */
  rejection?: { by?: string; at: string; reason?: string };
}

/** Which proposals to read. */
export interface ProposalFilter {
  documentId?: string;
  /** Include rejected proposals (from their records). */
  withRejected?: boolean;
  /**
   * `first`: a current proposal carries only its first evidence span (start and end, no text), enough for its id and
   * its place in the queue; the page shown reads the sentences with evidenceOf. Default `all`.
   */
  evidence?: 'all' | 'first';
}

/** A decision to record. */
export interface ReviewInput {
  verdict: Exclude<ReviewVerdict, 'added'>;
  by?: string;
  reason?: string;
  edit?: RelationEdit;
}

/** The review side of a store (shared SQL for both engines: src/store/shared/review-store.ts). */
export interface ReviewStore {
  /** Current proposals in scope (rows of every stage), and rejected ones when asked. */
  proposals(scope: Scope, filter?: ProposalFilter): Promise<StoredProposal[]>;
  /** Every decision recorded about the proposals of a document, oldest first. */
  records(documentId: string): Promise<ReviewRecord[]>;
  /** The evidence of some relation rows (by row id), each ordered by start. */
  evidenceOf(rowIds: readonly string[]): Promise<Map<string, Evidence[]>>;
  /**
   * Records a decision on a proposal and applies it to its row in the same transaction (rejected: the row goes; accepted
   * or edited: the row carries the review; undo: the state before). Null when the proposal is unknown or out of scope.
   */
  decide(proposalId: string, input: ReviewInput, scope: Scope): Promise<ReviewRecord | null>;
  /** Stores a relation made by hand (stage `analyst`) with its record (verdict `added`). */
  add(proposal: Omit<Proposal, 'id' | 'collection' | 'stage' | 'version'>, by: string | undefined, scope: Scope): Promise<ReviewRecord | null>;
  /** Review of events and claims, and entities added by hand. */
  readonly facts: FactReviewStore;
  /** Review of the merges resolution made. */
  readonly merges: MergeReviewStore;
}

/** A merge reason of a resolved entity, with the entity it is in. */
export interface StoredMergeReason {
  entity: { id: string; collection: string; type: EntityType; name: string; mentionCount: number; version: string };
  reason: MergeReason;
}

/** The review side of a store for merges (shared SQL: src/store/shared/merge-review-store.ts); decisions are `fact_reviews` of kind `merge`. */
export interface MergeReviewStore {
  /** Merge reasons of the resolved entities in scope (every rule; the caller picks the ones to review). */
  reasons(scope: Scope): Promise<StoredMergeReason[]>;
  /** Decisions on merges in scope (of one proposal when given), oldest first. */
  records(scope: Scope, proposal?: string): Promise<FactReviewRecord[]>;
  /** Records a decision on a merge (its effect on the entities is a resolution decision, applied by the caller). */
  record(record: Omit<FactReviewRecord, 'id'>): Promise<FactReviewRecord>;
}

/** An event or claim proposal as the store holds it now, with the review in force. */
export interface StoredFactProposal extends FactProposal {
  /** Entities it names, in order: an event's participants then place, a claim's speaker (per-name ids where resolution has not run). */
  entities: string[];
  review?: RelationReview;
  /** Rejected in force: it has no row; it comes from its decision's record. */
  rejected?: boolean;
  rejection?: { by?: string; at: string; reason?: string };
}

/** A decision on an event or claim. */
export interface FactReviewInput {
  verdict: 'accepted' | 'rejected' | 'undo';
  by?: string;
  reason?: string;
}

/** A name an analyst marks by hand: the span (text as stored), its type, and the normalised name and candidate key it stands for. */
export interface AnalystMention {
  documentId: string;
  start: number;
  end: number;
  text: string;
  type: string;
  norm: string;
  entityKey: string;
}

/** The review side of a store for events and claims (shared SQL: src/store/shared/fact-review-store.ts). */
export interface FactReviewStore {
  /** Every decision recorded about a document's events, claims and hand-made entities, oldest first. */
  records(documentId: string): Promise<FactReviewRecord[]>;
  /** Current event or claim proposals in scope, and rejected ones when asked (`evidence`: as ProposalFilter's). */
  proposals(kind: FactKind, scope: Scope, filter?: Pick<ProposalFilter, 'documentId' | 'withRejected' | 'evidence'>): Promise<StoredFactProposal[]>;
  /** The evidence of some event or claim rows (by row id), each ordered by start. */
  evidenceOf(kind: FactKind, rowIds: readonly string[]): Promise<Map<string, Evidence[]>>;
  /** Records a decision and applies it to the proposal's row in one transaction; null when unknown or out of scope. */
  decide(kind: FactKind, id: string, input: FactReviewInput, scope: Scope): Promise<FactReviewRecord | null>;
  /** Stores a name marked by hand as an `analyst` mention with its record (kind `entity`, verdict `added`). */
  addMention(m: AnalystMention, by: string | undefined, scope: Scope): Promise<FactReviewRecord | null>;
}
