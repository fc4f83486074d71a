/**
 * Protected identities as the store keeps them: a protection (collection, kind, number: "Protected person 3") and the
 * candidate keys it covers. Keys derive from the text (`<documentId>#TYPE:norm`), so a protection survives reprocess,
 * re-ingest and re-resolution: whichever entity holds a protected key is protected.
 */

/** The word a pseudonym uses for an entity type; numbered separately per collection. */
export type PseudonymKind = 'person' | 'organisation' | 'place' | 'entity';

/** One protection: its number is stable once given (unprotecting and protecting again reuses it). */
export interface ProtectionRecord {
  id: number;
  collection: string;
  kind: PseudonymKind;
  /** 1, 2, 3 ... per (collection, kind). */
  number: number;
  /** ISO timestamp of the first protection. */
  at: string;
  by: string | null;
}

/** A protected candidate key with its protection. */
export interface ProtectedKey {
  collection: string;
  key: string;
  protection: ProtectionRecord;
}

/** The protection tables of a store. */
export interface ProtectionStore {
  /**
   * Protects these candidate keys of one entity: under the protection one of them already had (active or not, the
   * lowest), else a new one numbered after the collection's last of that kind. Returns the protection.
   */
  protect(collection: string, keys: readonly string[], kind: PseudonymKind, by: string | null): Promise<ProtectionRecord>;
  /** Stops protecting these keys (their rows stay, inactive, so protecting again gives the same number); returns how many were active. */
  unprotect(collection: string, keys: readonly string[]): Promise<number>;
  /** Active protected keys of these collections ("*": all). */
  activeKeys(collections: readonly string[] | '*'): Promise<ProtectedKey[]>;
}
