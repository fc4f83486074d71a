/**
 * The near-duplicate band index: each signed document's MinHash band buckets, so the documents a new one may duplicate
 * are found by key, and groups change only where new documents join them. Groups are named by their smallest document
 * id; documents without text get an empty signature (done, no group).
 */

/** A document not signed yet, with the text to sign. */
export interface UnsignedDocument {
  id: string;
  text: string;
}

/** A signature to store: 256 bytes, or none (a document without text, which joins no group). */
export interface SignedDocument {
  id: string;
  signature: Uint8Array;
}

/** A stored document sharing a band bucket with a document being added. */
export interface BandNeighbour {
  id: string;
  signature: Uint8Array;
  /** Its near-duplicate group (its own id when alone). */
  group: string;
}

/** The groups a step decided: a group for each added document, and stored groups renamed into the group they joined. */
export interface GroupUpdate {
  groups: Map<string, string>;
  /** Old group id -> new group id (the smallest id of the joined group). */
  relabel: Map<string, string>;
}

/** What one step read and wrote, for the growth test and progress reports. */
export interface DuplicateStepReport {
  /** Documents signed (those another process had signed meanwhile are skipped). */
  signed: number;
  /** Stored documents read as band neighbours. */
  neighbours: number;
  /** Stored documents whose group id changed (members of joined groups). */
  relabelled: number;
}

/** The band index of a store; implemented on SQLite and PostgreSQL, one writer per collection at a time. */
export interface DuplicateStore {
  /** Up to `limit` documents of a collection without a signature (new ones, or reset by a migration), by id. */
  unsigned(collection: string, limit: number): Promise<UnsignedDocument[]>;
  /**
   * In one transaction holding the collection's lock: keeps the documents still unsigned, reads the stored documents
   * sharing a band bucket with them, asks `decide` for the groups, and writes signatures, band buckets and groups
   * (renaming joined groups through the group index, never by a scan).
   */
  addSigned(collection: string, docs: SignedDocument[], decide: (docs: SignedDocument[], neighbours: BandNeighbour[]) => GroupUpdate): Promise<DuplicateStepReport>;
  /** Document id -> group id of a collection (null for documents without a group); reads the whole collection (tests, checks). */
  listGroups(collection: string): Promise<Map<string, string | null>>;
  /** Number of band rows of a collection (tests, the benchmark's size report). */
  countBands(collection: string): Promise<number>;
}
