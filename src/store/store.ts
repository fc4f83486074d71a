/** The Store interface: everything the rest of the code may ask of a storage backend (SQLite now, PostgreSQL later). */
import type {
  DocumentSummary, DocumentChild, DocumentLocation, ExtractedDocument, IngestError, Mention, Relation, Event, Claim, Entity, Span, StoredDocument,
  SearchResponse, StoreStats, StageOutput, EntityCandidate, ResolvedEntityRecord, EntityListItem, Decision, EntityType, ReviewState,
  EntityMembersPage,
} from '../model/index.js';
import type { EntityBrief } from './shared/entity-rows.js';
import type { RejectedFacts } from './shared/rejected.js';
import type { NewLocation } from './shared/locations.js';
import type { StrongestFilter } from './shared/strongest.js';
import type { EntityHead } from './shared/entity-members.js';
import type { RelationSummary, SummaryOptions } from './shared/relation-summaries.js';

export type { RelationSummary, SummaryOptions } from './shared/relation-summaries.js';

export type { EntityBrief, EntityHead, RejectedFacts, NewLocation };

export type { StageOutput };
import type { QueryNode } from './query.js';
import type { ResolutionStore } from './resolution.js';
import type { DuplicateStore } from './duplicates.js';
import type { ReviewStore } from './review.js';
import type { TrustStore } from './trust.js';
import type { ProtectionStore } from './protection.js';
import type { CurationStore } from './curation.js';
import type { ViewsStore } from './shared/views-store.js';

/** The collections a caller may see. Every read takes one, so access control can narrow it later. */
export interface Scope {
  /** Visible collection names; "*" means all. */
  collections: readonly string[] | '*';
}

/** The scope that sees everything (the local single-user CLI). */
export const ALL_COLLECTIONS: Scope = { collections: '*' };

/** A page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** One document to store, with the derived data the pipeline computed from its text. */
export interface NewDocument {
  doc: ExtractedDocument;
  collection: string;
  /** Sentence spans of `doc.text`. */
  sentences: Span[];
  /** Position of the parent in the same batch (-1 or absent for a top-level document). */
  parentIndex?: number;
}

/** Outcome for one document of a batch. */
export interface PutResult {
  id: string;
  /** False when a document with the same collection and SHA-256 was already stored (a no-op). */
  created: boolean;
}

/** A failed file, recorded so `stats` and the summary can show it. */
export interface FailureRecord extends IngestError {
  collection: string;
  /** ISO timestamp. */
  at: string;
}

/** What the stage runner knows of one stage on one document: the version that last ran and how it ended. */
export interface StageRun {
  version: string;
  /** "failed": the stage threw at this version; it is not run again until `retry` or a new version. */
  status: 'done' | 'failed';
}

/** A stage that failed on a document, as `stats` and `retry` list it. */
export interface StageFailure {
  documentId: string;
  collection: string;
  /** The document's path as ingested (archive members: `archive.zip!/member`). */
  path: string;
  stage: string;
  /** The stage version that failed. */
  version: string;
  /** The error in one line, e.g. "RangeError: Maximum call stack size exceeded". */
  reason: string;
  /** ISO timestamp. */
  at: string;
}

/** Full-text search request. */
export interface SearchRequest {
  /** Parsed query (see parseQuery). */
  query: QueryNode;
  limit: number;
  offset: number;
  /** Narrow to these collections (intersected with the scope). */
  collections?: string[];
  /** Optional filters. */
  language?: string;
  format?: string;
  source?: string;
  /** Partial ISO date bounds, inclusive. */
  publishedFrom?: string;
  publishedTo?: string;
}

/** A stored original whose bytes no longer hash to the recorded SHA-256. */
export interface VerifyProblem {
  sha256: string;
  paths: string[];
  problem: 'mismatch' | 'missing';
}

/** Entity search: a name, alias or spelling variant, or (without `q`) every entity, most mentioned first. */
export interface EntitySearch {
  q?: string;
  type?: EntityType;
  limit: number;
  offset: number;
}

/** A merged relation as a graph edge: counts and the documents of its evidence, no sentences. */
export interface EdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  confidence: number;
  independentSources: number;
  evidenceCount: number;
  /** Some document denies it. */
  contradicted: boolean;
  /** Documents of the supporting evidence (for date filters). */
  documentIds: string[];
  /** The analyst's review: accepted, kept (accepted, no longer proposed) or unreviewed; rejected rows are never read. */
  review?: ReviewState;
}

/** One document naming a resolved entity and how many of its mentions are the entity's (Store.rankEntityDocuments). */
export interface EntityDocumentRank {
  id: string;
  mentions: number;
}

/** Some of a list, capped: the items kept and how many there were in all. */
export interface Capped<T> {
  items: T[];
  total: number;
}

/** Which edges to read: those with an end among `around`, or with both ends among `between` (resolved entity ids). */
export type EdgeSelection = { around: readonly string[] } | { between: readonly string[] };

/** The facts found in one document: merged relations with evidence there, its events and claims. */
export interface DocumentFacts {
  /** Merged across documents (source counts and denials are the whole collection's); callers keep this document's evidence. */
  relations: Relation[];
  events: Event[];
  claims: Claim[];
}

/** A stored relation row and the merged relation it belongs to (see Store.relationMergeKeysAfter). */
export interface RelationMergeKey {
  row: string;
  merged: string | null;
}

/** The storage backend. Implementations: SqliteStore and PostgresStore; both pass test/store/conformance. */
export interface Store {
  /** Brings the schema up to date (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Brings the query planner's statistics up to date for the tables that grew by more than a fifth (and `minPages`
   * pages, default 8) since they were last analysed, as the end of an ingest needs: PostgreSQL plans a hub's reads
   * 2-4x slower until autovacuum has analysed what the ingest wrote. Returns the tables analysed. SQLite: none (its
   * reads name their indexes and it keeps no statistics unless ANALYZE runs, which would change those plans).
   */
  refreshStatistics(minPages?: number): Promise<string[]>;

  /**
   * Stores a top-level document with its descendants atomically: all of them or none (crash safety). Every item's place
   * (its path under the parent item, or as a root) is recorded as a location, whether its document was created or
   * already stored.
   */
  putDocuments(batch: NewDocument[]): Promise<PutResult[]>;
  /** Records one more place a stored document was found (a no-op when known); true when it was new. */
  putLocation(location: NewLocation): Promise<boolean>;
  /** Every place the document was found, its own (documents.path and parent) first; [] when it is out of scope. */
  listLocations(documentId: string, scope: Scope): Promise<DocumentLocation[]>;
  /** listLocations of several documents at once, by id (a document out of scope or unknown is absent). */
  listLocationsOf(documentIds: readonly string[], scope: Scope): Promise<Map<string, DocumentLocation[]>>;
  /** Finds an already stored document by content, so ingest can skip it without parsing. */
  findBySha256(collection: string, sha256: string): Promise<DocumentSummary | null>;
  getDocument(id: string, scope: Scope): Promise<StoredDocument | null>;
  listDocuments(scope: Scope, limit: number, offset: number): Promise<Page<DocumentSummary>>;
  /**
   * Children of a document (archive members, attachments, sheets): one per location under it, ordered by the location's
   * path, so identical members are listed each under its own path with the same document id.
   */
  listChildren(id: string, scope: Scope): Promise<DocumentChild[]>;

  recordFailure(failure: FailureRecord): Promise<void>;
  /** Removes failures recorded for a path once it has been ingested successfully. */
  clearFailures(collection: string, path: string): Promise<void>;
  listFailures(scope: Scope): Promise<FailureRecord[]>;

  search(request: SearchRequest, scope: Scope): Promise<SearchResponse>;
  stats(scope: Scope): Promise<StoreStats>;

  /** Replaces the output of `stage` for one document with `output`, tagged with `version`. */
  putStageOutput(documentId: string, stage: string, version: string, output: StageOutput): Promise<void>;
  /** Document id -> version of `stage` that last ran on it, done or failed (to find pending work after a crash or an upgrade). */
  stageVersions(stage: string): Promise<Map<string, string>>;
  /** Document id -> last run of `stage`, for the documents in scope (only those of `documentIds` when given). */
  stageRuns(stage: string, scope: Scope, documentIds?: readonly string[]): Promise<Map<string, StageRun>>;
  /** Records that `stage` at `version` failed on a document, with a one-line reason; its earlier output stays as it was. */
  putStageFailure(documentId: string, stage: string, version: string, reason: string): Promise<void>;
  /** Stages that failed on documents in scope, by collection and path. */
  listStageFailures(scope: Scope): Promise<StageFailure[]>;
  listMentions(documentId: string, scope: Scope): Promise<Mention[]>;
  /** Entities of the visible collections: resolved ones, or (where resolution has not run) one per normalised name and type. */
  listEntities(scope: Scope): Promise<Entity[]>;
  /** One entity with its member candidates and merge reasons. */
  getEntity(id: string, scope: Scope): Promise<ResolvedEntityRecord | null>;
  /**
   * Relations merged across documents per type, source and target entity, with all evidence and independent-source counts.
   * With `keys` (an entity's member candidate keys), only relations with an end among them: one entity's relations, complete.
   */
  listRelations(scope: Scope, keys?: readonly string[]): Promise<Relation[]>;

  /** The write side of cross-document resolution: its index, dirty documents, decisions and atomic commits. */
  readonly resolution: ResolutionStore;
  /** Per-document entity candidates of a collection (from mention keys), input of cross-document resolution. */
  listCandidates(collection: string): Promise<EntityCandidate[]>;
  /** Replaces a collection's resolved entities (the resolution stage's output); the next resolution rebuilds its index. */
  putEntities(collection: string, entities: ResolvedEntityRecord[], stage: string, version: string): Promise<void>;
  /**
   * Records a user's merge or split decision as pending (a no-op when the latest decision about the pair says the same);
   * the next resolution applies it, and every resolution from then on.
   */
  addDecision(collection: string, decision: Decision): Promise<void>;
  listDecisions(collection: string): Promise<Decision[]>;
  /** MinHash signatures of a collection's documents (null where not computed yet). */
  listSignatures(collection: string): Promise<{ id: string; signature: Uint8Array | null }[]>;
  /** Stores computed signatures (replacing their band rows) and near-duplicate groups (document id -> group id). */
  putDuplicateGroups(signatures: Map<string, Uint8Array>, groups: Map<string, string>): Promise<void>;
  /** The near-duplicate band index: signs new documents and updates only the groups they join (see duplicates.ts). */
  readonly duplicates: DuplicateStore;
  /** Analyst review of relations: proposals, decisions applied with their record, relations made by hand (review.ts). */
  readonly reviews: ReviewStore;
  /** Users, grants, tokens, sessions and the audit log (see trust.ts). */
  readonly trust: TrustStore;
  /** Protected identities: the candidate keys an editor protected, under stable pseudonym numbers (protection.ts). */
  readonly protection: ProtectionStore;
  /** Analysts' curation: Admiralty grades of documents and outlets, notes and tags (curation.ts). */
  readonly curation: CurationStore;
  /** Saved views of the network: name, graph query, selection, layout, collections read (shared/views-store.ts). */
  readonly views: ViewsStore;
  /** Every collection name in the store. */
  listCollections(): Promise<string[]>;
  listEvents(scope: Scope): Promise<Event[]>;
  listClaims(scope: Scope): Promise<Claim[]>;
  /** Relations, events and claims an analyst rejected (never in the reads above), for exports that include them. */
  listRejected(scope: Scope): Promise<RejectedFacts>;

  // Reads by key: each reads the rows it answers with through an index, whatever the size of the collection.
  /**
   * Entities by name (normalised form, transliteration skeleton, word prefix), best match first; a page and the number
   * matching. Items carry no merge reasons (getEntity has them): a hub's run to megabytes.
   */
  searchEntities(request: EntitySearch, scope: Scope): Promise<Page<EntityListItem>>;
  /**
   * One entity as its page shows it, or null when absent or outside the scope: the first `limit` members by key, each with
   * the first merge reasons naming it (the entity's `reasons` are those only), and how many members and reasons it has.
   * getEntity keeps reading everything (split, decisions and review need every member).
   */
  getEntityHead(id: string, scope: Scope, limit: number): Promise<EntityHead | null>;
  /**
   * The resolved entity (in the scope) that holds a candidate key now, or null: decisions re-resolve a collection and
   * give entities new ids, so a client holding a member key finds its entity again by it.
   */
  entityOfMember(key: string, scope: Scope): Promise<string | null>;
  /** Members `offset` to `offset + limit` of an entity by key, with their merge reasons, and how many; null when absent or outside the scope. */
  listEntityMembers(id: string, scope: Scope, offset: number, limit: number): Promise<EntityMembersPage | null>;
  /** Entities by id, as briefs (name, type, mentions); ids not found or outside the scope are left out. */
  getEntityBriefs(ids: readonly string[], scope: Scope): Promise<EntityBrief[]>;
  /** Merged relations (with evidence) having an end in one of these resolved entities; each one complete. */
  listEntityRelations(entityIds: readonly string[], scope: Scope): Promise<Relation[]>;
  /** Merged relations as graph edges: all in the scope, or those with an end among some resolved entities, or both ends. */
  listEdges(scope: Scope, select?: EdgeSelection): Promise<EdgeRecord[]>;
  /**
   * The `limit` strongest merged relations of one resolved entity (most independent sources, then supporting rows, then
   * confidence: see chooseStrongest), each complete with its evidence, and how many the entity has: a hub's page reads
   * sentences only for what it shows. With `offset`, the `limit` after the `offset` strongest (the next page).
   */
  listStrongestEntityRelations(entityId: string, scope: Scope, limit: number, offset?: number): Promise<Capped<Relation>>;
  /**
   * The same choice as listStrongestEntityRelations, each relation with its first `opts.evidence` sentences only (from
   * the documents `opts.keep` keeps, when given: a relation left without any has none and evidenceCount 0), how many it has and from which
   * documents: capped and counted in SQL, so a hub's page does not read every sentence.
   */
  listEntityRelationSummaries(entityId: string, scope: Scope, limit: number, opts: SummaryOptions): Promise<Capped<RelationSummary>>;
  /** One merged relation of a resolved entity (by the relation's id), complete with its evidence; null when it has none such. */
  getEntityRelation(entityId: string, relationId: string, scope: Scope): Promise<Relation | null>;
  /** Edges with an end among some resolved entities: the `limit` strongest passing `filter`, and how many passed. */
  listStrongestEdges(scope: Scope, around: readonly string[], limit: number, filter?: StrongestFilter): Promise<Capped<EdgeRecord>>;
  /** Events with a participant or place among the resolved entity's members, oldest first. */
  listEntityEvents(entityId: string, scope: Scope): Promise<Event[]>;
  /**
   * The same events a page at a time, the newest first (dates compared as text, undated last, then by id), and how many
   * there are: a hub's page completes (names, evidence) only the events it lists.
   */
  listEntityEventsPage(entityId: string, scope: Scope, offset: number, limit: number): Promise<Capped<Event>>;
  /** Claims whose speaker is among the resolved entity's members. */
  listEntityClaims(entityId: string, scope: Scope): Promise<Claim[]>;
  /** Claims by id. */
  getClaims(ids: readonly string[], scope: Scope): Promise<Claim[]>;
  /**
   * Documents `offset` to `offset + limit` of those naming a resolved entity (by its member keys, each "<document>#...")
   * in the scope, with how many of their mentions are the entity's: most mentions first, then the newest (undated last),
   * then by id; and how many there are. None for a per-name entity (no members). Only the documents that can reach the
   * page are read: a hub named in thousands of documents reads its member index and the page's neighbours in rank.
   */
  rankEntityDocuments(entityId: string, scope: Scope, offset: number, limit: number): Promise<Page<EntityDocumentRank>>;
  /** Document summaries by id, in the order given (absent ones left out). */
  getDocumentSummaries(ids: readonly string[], scope: Scope): Promise<DocumentSummary[]>;
  /** The relations, events and claims of one document, read by its keys. */
  listDocumentFacts(documentId: string, scope: Scope): Promise<DocumentFacts>;

  // Keyset pages for exports: each read returns at most `limit` items whose id sorts after `after` (null: from the first),
  // ordered by id, so an export reads a collection page by page whatever its size.
  /** Document summaries by id. */
  listDocumentsAfter(scope: Scope, after: string | null, limit: number): Promise<DocumentSummary[]>;
  /** Entities by id (as listEntities has them; per-name entities of collections resolution has not run on are derived whole). */
  listEntitiesAfter(scope: Scope, after: string | null, limit: number): Promise<Entity[]>;
  /**
   * Relation rows by row id, each with the id of the merged relation it belongs to (null: a self-loop, merged into none):
   * an export groups rows by merged id, then reads each group's merged relation with listRelationsOfRows.
   */
  relationMergeKeysAfter(scope: Scope, after: string | null, limit: number): Promise<RelationMergeKey[]>;
  /** The merged relations of these rows (all rows of each merged relation must be among them), as listRelations merges them, by id. */
  listRelationsOfRows(rowIds: readonly string[], scope: Scope): Promise<Relation[]>;
  /** Events by id. */
  listEventsAfter(scope: Scope, after: string | null, limit: number): Promise<Event[]>;
  /** Claims by id. */
  listClaimsAfter(scope: Scope, after: string | null, limit: number): Promise<Claim[]>;

  /** Re-hashes every stored original; returns the ones that do not match (chain of custody). */
  verifyOriginals(): Promise<{ checked: number; problems: VerifyProblem[] }>;
  readOriginal(sha256: string): Promise<Uint8Array | null>;
}
