/**
 * What the store keeps of the analysts' curation (migration 14): Admiralty grades of documents and of outlets, notes and
 * tags on documents, entities and relations, each with who wrote it and when. One SQL implementation for both engines:
 * src/store/shared/curation-store.ts.
 */
import type { QueryNode } from './query.js';

/** Source reliability: A (completely reliable) to E (unreliable); F: cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** Information credibility: 1 (confirmed) to 5 (improbable); 6: cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** A grade as set, with who set it and when. */
export interface GradeRecord {
  reliability: Reliability;
  credibility: Credibility;
  by: string | null;
  at: string;
}

/** What a grade lookup knows of one document: its collection, outlet, near-duplicate group and the grades that apply. */
export interface DocumentGrading {
  documentId: string;
  collection: string;
  /** The document's source, else its parent's (an attachment's e-mail), as stored; null when neither has one. */
  source: string | null;
  /** Near-duplicate group (the document's id when it has none): independent sources count these. */
  group: string;
  own: GradeRecord | null;
  outlet: GradeRecord | null;
}

/** What a note, tag or grade is about. */
export type TargetKind = 'document' | 'entity' | 'relation';
export interface Target {
  kind: TargetKind;
  id: string;
}

/**
 * A merged relation as a note or tag on it is written: its type and end entities. The store anchors the note to the
 * type and each end's lowest member key, so it is read under the relation those keys' entities make now.
 */
export interface RelationEnds {
  type: string;
  source: string;
  target: string;
}

/** A note as stored. */
export interface NoteRecord {
  id: number;
  collection: string;
  target: Target;
  text: string;
  by: string | null;
  at: string;
  editedAt: string | null;
}

/** A tag as stored. */
export interface TagRecord {
  collection: string;
  target: Target;
  tag: string;
  by: string | null;
  at: string;
}

/** An outlet grade as stored. */
export interface OutletGradeRecord extends GradeRecord {
  collection: string;
  outlet: string;
}

/** The curation tables of a store. */
export interface CurationStore {
  setDocumentGrade(documentId: string, collection: string, grade: Omit<GradeRecord, 'at'>): Promise<GradeRecord>;
  /** True when a grade was removed. */
  clearDocumentGrade(documentId: string): Promise<boolean>;
  setOutletGrade(collection: string, outlet: string, grade: Omit<GradeRecord, 'at'>): Promise<GradeRecord>;
  clearOutletGrade(collection: string, outlet: string): Promise<boolean>;
  listOutletGrades(collections: readonly string[] | '*'): Promise<OutletGradeRecord[]>;
  /** Documents by id with the grades that apply to them (ids unknown to the store are left out). */
  documentGradings(documentIds: readonly string[]): Promise<DocumentGrading[]>;
  /** Distinct outlets (folded source) of some collections with their document counts. */
  listOutlets(collections: readonly string[] | '*'): Promise<{ collection: string; outlet: string; source: string; documents: number }[]>;

  /** Writes a note; on a relation, `ends` (its type and end entities now) anchor it so it follows merges and splits of the ends. */
  addNote(collection: string, target: Target, text: string, by: string | null, ends?: RelationEnds): Promise<NoteRecord>;
  getNote(id: number): Promise<NoteRecord | null>;
  editNote(id: number, text: string): Promise<NoteRecord | null>;
  deleteNote(id: number): Promise<boolean>;
  /** Notes of some targets (all of some collections when `targets` is absent), oldest first. */
  listNotes(collections: readonly string[] | '*', targets?: readonly Target[]): Promise<NoteRecord[]>;
  /**
   * Notes of some collections holding every word `query` needs, newest first, at most `limit`, with ids below `before`
   * when given: read by word through an index, not every note. A superset of the query's matches (phrases, NEAR and
   * NOT are not checked here): the caller checks each note against the query (noteMatches).
   */
  findNotes(collections: readonly string[] | '*', query: QueryNode, limit: number, before?: number): Promise<NoteRecord[]>;

  /** Adds a tag (a no-op returning the existing one when the target has it); `ends` as for addNote. */
  addTag(collection: string, target: Target, tag: string, by: string | null, ends?: RelationEnds): Promise<TagRecord>;
  removeTag(target: Target, tag: string): Promise<boolean>;
  /** Tags of some targets (all of some collections when `targets` is absent), by target then tag. */
  listTags(collections: readonly string[] | '*', targets?: readonly Target[]): Promise<TagRecord[]>;
  /** Targets carrying `tag` in some collections. */
  taggedWith(collections: readonly string[] | '*', tag: string, kind?: TargetKind): Promise<TagRecord[]>;
}

/**
 * The outlet a document source names: its `source` metadata (a publisher such as "Middle East Eye", a site, an e-mail
 * sender's domain) folded so spellings that differ only in case, spacing, a "www." prefix or a trailing dot meet.
 */
export function outletKey(source: string): string {
  return source.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, ' ').replace(/^www\./u, '').replace(/\.$/u, '');
}
