/** Shared shapes of entity resolution: candidates, user merge/split decisions and the reasons a merge happened. */
import type { EntityType, MergeReason } from '../model/index.js';

/** A user's decision about two candidate keys; decisions survive re-extraction because keys do. */
export interface MergeDecision {
  /**
   * 'merge' forces the two candidates into one entity; 'split' keeps them apart whatever the scores say; 'clear'
   * withdraws the earlier decisions about the pair (the scores decide again).
   */
  kind: 'merge' | 'split' | 'clear';
  /** Candidate key of one side. */
  a: string;
  /** Candidate key of the other side. */
  b: string;
  /** ISO timestamp; when decisions contradict each other, the most recent wins. */
  at: string;
  /** Who decided, when known (user name or id). */
  by?: string;
}

/** Why two candidates ended up in one entity (rule, score, both candidate keys, the names compared). */
export type { MergeReason } from '../model/index.js';

/** A per-document entity (or any pre-grouped name) offered to cross-document clustering. */
export interface ResolveCandidate {
  /** Stable key of the candidate, e.g. "<documentId>#<cluster canonical norm>"; decisions refer to it. */
  key: string;
  /** Display name, e.g. the within-document canonical name. */
  name: string;
  /** Entity type; candidates of different types never merge. */
  type: EntityType;
  /** Other names the documents gave it ("IRGC", "Revolutionary Guard"). */
  aliases: string[];
  /** Documents the candidate occurs in. */
  documentIds: string[];
}

/** An entity produced by cross-document clustering. */
export interface ResolvedEntity {
  /** Deterministic id derived from the type and lowest member key, so it survives re-extraction. */
  id: string;
  /** Preferred display name. */
  name: string;
  /** Entity type shared by all members. */
  type: EntityType;
  /** Every other name of the members, deduplicated by normalised form. */
  aliases: string[];
  /** Candidate keys, sorted. */
  members: string[];
  /** Documents of all members, sorted. */
  documentIds: string[];
  /** Why members were merged, one reason per union. */
  reasons: MergeReason[];
}

/** A result of comparing two names. */
export interface NameScore {
  /** Similarity in [0, 1]; 0 when a guard vetoed the pair. */
  score: number;
  /** Name of the rule or guard that decided the score. */
  rule: string;
}
