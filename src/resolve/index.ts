/**
 * Entity resolution: name normalisation and keys, pairwise matching, within- and cross-document clustering.
 * All functions are pure. The intended flow per collection:
 *   mention.norm = normalizeName(mention.text, mention.type)
 *   clusters = resolveWithinDocument(document.text, mentions).clusters         // per document
 *   candidates = toCandidates(document.id, mentions, clusters)                 // keys survive re-extraction
 *   entities = clusterEntities(allCandidates, storedDecisions).entities        // decisions stored by the caller
 */
export { clusterEntities, clusterEntitiesAsync, entityId } from './across-documents.js';
export { candidateKey, toCandidates } from './candidates.js';
export { isSameEntity, MATCH_THRESHOLD, scoreNames } from './match.js';
export { blockingKeys, nameKey, tokenKey } from './name-key.js';
export { normalizeName, stripPossessive, stripTitles } from './normalize.js';
export { foldToAscii } from './transliterate.js';
export type { MergeDecision, MergeReason, NameScore, ResolveCandidate, ResolvedEntity } from './types.js';
export { resolveWithinDocument, type ClusterReason, type DocumentCluster, type DocumentMention } from './within-document.js';
