/**
 * The write side of cross-document resolution: an index of candidates by group, vote name and blocking key, so a
 * merge, a split or new documents change only the entities they touch; and one atomic commit per change.
 */
import type { Decision, DecisionRecord, EntityCandidate, EntityType, FactReviewRecord, ResolvedEntityRecord } from '../model/index.js';

/** Where a collection's resolution stands: `version` grows with every commit (optimistic concurrency). */
export interface ResolutionState {
  version: number;
  /** Algorithm version of the last full resolution ("" when the index was never built). */
  algorithm: string;
  documents: number;
  /** Documents whose mentions changed since resolution last read them. */
  dirty: number;
}

/** A candidate as the index keeps it: what the mentions said (before country folding and type voting) and its group. */
export interface IndexedCandidate {
  key: string;
  documentId: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentionCount: number;
  /** The normalised name inside the key: candidates sharing it vote on one type. */
  voteNorm: string;
  /** Group after folding and voting ("PERSON|qassem soleimani"). */
  group: string;
}

/** One normalised full name of a group: the lowest member key giving it, and that member's spelling. */
export interface GroupName {
  norm: string;
  firstKey: string;
  name: string;
}

/** A group of candidates with one type and normalised own name. */
export interface GroupSummary {
  group: string;
  /** Lowest member key (the anchor of exact-name reasons). */
  firstKey: string;
  size: number;
  /** Members some user decision names; such groups are always resolved in full. */
  decided: number;
  names: GroupName[];
  /** Blocking keys of the group's full names and its family-name keys. */
  keys: string[];
}

/** Type counts (mentions) of one vote name. */
export interface VoteCount {
  voteNorm: string;
  type: EntityType;
  mentions: number;
}

/** An entity to write: the row and aliases, and the candidate keys to point at it (only those that moved). */
export interface EntityWrite {
  entity: Omit<ResolvedEntityRecord, 'members'>;
  members: string[];
}

/** Everything one resolution step changes, committed in one transaction. */
export interface ResolutionChange {
  /** Replace all of the collection's resolution (a full run) instead of patching it. */
  full?: boolean;
  /** Algorithm version to record (full runs). */
  algorithm?: string;
  /** Index rows to write; a full run passes a generator, so the rows exist one statement's slice at a time. */
  candidates?: Iterable<IndexedCandidate>;
  removeCandidates?: string[];
  groups?: GroupSummary[];
  /** Adds to stored group sizes (the fast path: members joining an unchanged group). */
  groupSizes?: { group: string; add: number }[];
  removeGroups?: string[];
  /** Replaces the counts of these vote names (an empty list removes the name). */
  votes?: { voteNorm: string; counts: VoteCount[] }[];
  entities?: EntityWrite[];
  removeEntities?: string[];
  removeMembers?: string[];
  /** Dirty documents consumed, with the mark read (a document marked again meanwhile stays dirty). */
  dirty?: { id: string; seq: number }[];
  /** Decisions to record: `applied` ones in the same transaction as their effect, `pending` ones for a background job. */
  newDecisions?: { decision: Decision; status: DecisionRecord['status'] }[];
  /** Pending decisions this change applies. */
  appliedDecisions?: number[];
  /** Review records of merges (`fact_reviews` of kind `merge`) written with the decisions they explain, in the same transaction. */
  mergeReviews?: Omit<FactReviewRecord, 'id'>[];
  /** Stage and version recorded on written entities. */
  provenance?: { stage: string; version: string };
}

/** Which indexed candidates to read (any of the lists; rows matching any are returned once). */
export interface CandidateQuery {
  keys?: string[];
  groups?: string[];
  voteNorms?: string[];
  documents?: string[];
}

/** The resolution write side of a store; every list argument is bound as one parameter, whatever its length. */
export interface ResolutionStore {
  state(collection: string): Promise<ResolutionState>;
  /** Documents whose mentions changed since resolution last read them, with the change mark. */
  dirtyDocuments(collection: string, limit: number, after?: string): Promise<{ id: string; seq: number }[]>;
  /** Candidates of these documents as their mentions say now. */
  freshCandidates(collection: string, documentIds: string[]): Promise<EntityCandidate[]>;
  indexedCandidates(collection: string, query: CandidateQuery): Promise<IndexedCandidate[]>;
  groups(collection: string, groups: string[]): Promise<GroupSummary[]>;
  /** Groups filed under these keys. */
  groupsWithKeys(collection: string, keys: string[]): Promise<{ key: string; group: string }[]>;
  /** How many groups each key holds (absent keys: 0). */
  keyCounts(collection: string, keys: string[]): Promise<Map<string, number>>;
  voteCounts(collection: string, voteNorms: string[]): Promise<VoteCount[]>;
  /** Decisions naming any of these candidate keys. */
  decisionsAbout(collection: string, keys: string[]): Promise<DecisionRecord[]>;
  /** Pending decisions (of one collection, or of all), oldest first. */
  pendingDecisions(collection?: string): Promise<DecisionRecord[]>;
  decision(id: number): Promise<DecisionRecord | null>;
  /** The latest decision about the pair {a, b}, in either order. */
  latestDecision(collection: string, a: string, b: string): Promise<DecisionRecord | null>;
  /** Candidate key -> entity id, for the keys that are resolved. */
  entityOfKeys(collection: string, keys: string[]): Promise<Map<string, string>>;
  /** Entities by id with their members unless `members` is false (for writing; the read side has its own queries). */
  entityRecords(collection: string, ids: string[], options?: { members?: boolean }): Promise<ResolvedEntityRecord[]>;
  /**
   * Applies `change` atomically if no other resolution commit happened since `expectedVersion` was read; returns
   * false (and changes nothing) otherwise. Recorded decisions come back with their ids.
   */
  commit(collection: string, expectedVersion: number, change: ResolutionChange): Promise<{ ok: boolean; decisions: DecisionRecord[] }>;
}
