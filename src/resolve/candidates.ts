/** Bridges the two resolution steps: a document's clusters become candidates for cross-document clustering. */
import { formatCandidateKey } from '../model/index.js';
import { normalizeName } from './normalize.js';
import type { ResolveCandidate } from './types.js';
import type { DocumentCluster, DocumentMention } from './within-document.js';

/**
 * Candidate key of a cluster: document id, type and normalised canonical name. It depends only on what the
 * document says, so it is the same after re-extraction and user decisions stored against it still apply.
 */
export function candidateKey(documentId: string, cluster: Pick<DocumentCluster, 'type' | 'canonical'>): string {
  return formatCandidateKey(documentId, cluster.type, normalizeName(cluster.canonical, cluster.type));
}

/** Turns one document's clusters into candidates; every distinct written form becomes an alias. */
export function toCandidates(documentId: string, mentions: DocumentMention[], clusters: DocumentCluster[]): ResolveCandidate[] {
  const byKey = new Map<string, ResolveCandidate>();
  for (const c of clusters) {
    const key = candidateKey(documentId, c);
    const forms = c.mentionIndexes.map((i) => mentions[i]?.text ?? '').filter((t) => t !== '');
    const prev = byKey.get(key);
    const aliases = [...new Set([...(prev?.aliases ?? []), ...forms])].filter((f) => f !== c.canonical);
    byKey.set(key, { key, name: c.canonical, type: c.type, aliases, documentIds: [documentId] });
  }
  return [...byKey.values()];
}
