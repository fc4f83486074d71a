/**
 * What the relation model knows of single words from unlabelled text (dense word vectors computed at training time,
 * scripts/relations/word-vectors.ts), stored in the model file only for the words it needs:
 * - `soft`: words that are not in the trigger lists (triggers.ts) but whose vector lies close to a type's trigger words
 *   ("nominated" near "appoint", "financed" near "fund"): they fire the trigger features of that type, marked `|~`.
 * - `cluster`: a cluster of the vectors (spherical k-means), so words of like meaning share features.
 */
import type { RelationTypeId } from '../../model/index.js';

/** Word (lower-cased form) tables; either may be empty. */
export interface WordLexicon {
  soft: Map<string, RelationTypeId[]>;
  cluster: Map<string, number>;
}

/** The lexicon of a model without one: no soft triggers, no clusters. */
export const EMPTY_LEXICON: WordLexicon = { soft: new Map(), cluster: new Map() };

/** Plain-object form for a model file's JSON header. */
export function lexiconToJson(lex: WordLexicon): { soft: Record<string, RelationTypeId[]>; cluster: Record<string, number> } {
  return { soft: Object.fromEntries(lex.soft), cluster: Object.fromEntries(lex.cluster) };
}

/** Reads lexiconToJson's form (absent in older model files: the empty lexicon). */
export function lexiconFromJson(j: { soft?: Record<string, RelationTypeId[]>; cluster?: Record<string, number> } | undefined): WordLexicon {
  return { soft: new Map(Object.entries(j?.soft ?? {})), cluster: new Map(Object.entries(j?.cluster ?? {})) };
}
