/** Facts extracted from documents: mentions, entities, relations, events and claims, each with evidence and provenance. */
import type { Provenance } from './provenance.js';
import type { RelationReview } from './review.js';

/** The four entity types of the CoNLL scheme, used everywhere (UI colours, exports, facets). */
export const ENTITY_TYPES = ['PERSON', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The exact text a fact rests on. `text` equals the document text's slice [start, end). */
export interface Evidence {
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** Evidence an analyst attached by hand (stage `analyst`): who and when. */
  analyst?: { by?: string; at: string };
}

/** One occurrence of a name in a document. */
export interface Mention extends Provenance {
  documentId: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Normalised name used to group mentions before resolution (lower case, titles and possessives removed). */
  norm: string;
  /** Model confidence in [0, 1] when the model gives one. */
  confidence?: number;
  /** Key of the within-document entity this mention belongs to ("<documentId>#PERSON:qassem soleimani"); resolution maps keys to entities. */
  entityKey?: string;
  /** The resolved entity this mention belongs to (filled when read from the store). */
  entityId?: string;
}

/** A person, organisation, place or other named thing, resolved across mentions. */
export interface Entity {
  id: string;
  collection: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentionCount: number;
  documentIds: string[];
}

/** A per-document entity offered to cross-document resolution (one within-document cluster of mentions). */
export interface EntityCandidate {
  /** Stable key: document id, type and normalised canonical name; user decisions refer to it. */
  key: string;
  collection: string;
  type: EntityType;
  name: string;
  aliases: string[];
  documentIds: string[];
  mentionCount: number;
}

/** Why two candidates were merged into one entity. */
export interface MergeReason {
  rule: string;
  score: number;
  a: string;
  b: string;
  evidence?: string;
}

/** A resolved entity with the candidates it gathers and why. */
export interface ResolvedEntityRecord extends Entity {
  /** Candidate keys, sorted. */
  members: string[];
  reasons: MergeReason[];
}

/**
 * A user's merge or split of two candidates; kept across re-extraction and applied again after it. `clear` withdraws
 * the user's word on the pair (an undone review of a merge): resolution then decides the pair by itself again.
 */
export interface Decision {
  kind: 'merge' | 'split' | 'clear';
  a: string;
  b: string;
  /** ISO timestamp; the latest decision about a pair wins. */
  at: string;
  by?: string;
  note?: string;
}

/** A stored decision: its id, and whether resolution has applied it yet (large ones are applied in the background). */
export interface DecisionRecord extends Decision {
  id: number;
  collection: string;
  status: 'pending' | 'applied';
}

/** A typed, directed edge between two entities with the sentences it came from. */
export interface Relation extends Provenance {
  id: string;
  /** A key of RELATION_TYPES. */
  type: string;
  source: string;
  target: string;
  confidence: number;
  evidence: Evidence[];
  /** Count of independent sources (near-duplicate documents count once). */
  independentSources: number;
  /** Claim this relation was found inside, if any. */
  claimId?: string;
  /** Rule or model that produced it, and details it found ("role": "leader", "amount", "negated"). */
  attrs?: Record<string, unknown>;
  /** Claims the supporting sentences sit inside (the edge rests on their speakers' word). */
  claimIds?: string[];
  /** Sentences that deny this relation ("Abadi ... denied meeting ..."): listed beside it, never counted as support. */
  contradictions?: Evidence[];
  /** The analyst's decision in force (absent: unreviewed); rejected relations are never read. */
  review?: RelationReview;
}

/** A dated happening with participants. */
export interface Event extends Provenance {
  id: string;
  type: string;
  /** Partial ISO date ("2020", "2020-01", "2020-01-03"), empty when unknown. */
  date: string;
  /** How exact the date is. */
  precision?: DatePrecision;
  participants: string[];
  /** Entity id of the place, when stated. */
  place?: string;
  evidence: Evidence[];
  /** The analyst's decision in force (absent: unreviewed); rejected events are never read. */
  review?: RelationReview;
}

/** An attributed statement and whether the speaker asserts or denies it. */
export interface Claim extends Provenance {
  id: string;
  /** Entity id of the speaker, when the speaker is a named entity. */
  speaker: string | null;
  /** The speaker as written ("a specialist in Iranian affairs", "sources"). */
  speakerText: string;
  text: string;
  stance: 'asserts' | 'denies';
  evidence: Evidence[];
  /** The analyst's decision in force (absent: unreviewed); rejected claims are never read. */
  review?: RelationReview;
}

/** How exact a normalised date is. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A date expression found in text, normalised to a partial ISO date. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** "2019", "2019-11" or "2019-11-20". */
  value: string;
  precision: DatePrecision;
  /** True when resolved against the document date ("last week", "on Monday"). */
  relative: boolean;
  /**
   * First and last Gregorian day when the text names a period that is no Gregorian month or year: a Persian or lunar
   * month ("دی ۱۳۹۸" -> ["2019-12-22", "2020-01-20"]; `value` is then the month holding its middle day).
   */
  range?: [string, string];
}

/** An amount of money found in text. */
export interface MoneyMention {
  start: number;
  end: number;
  text: string;
  amount: number;
  /** ISO 4217 code when known ("USD"), else the symbol or word as written. */
  currency: string;
  /** "month", "year" ... when stated ("$3,000 a month"). */
  per?: string;
}
