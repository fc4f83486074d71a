/** Merged relations as graph edges: what the network views need of a relation, without its sentences. */
import type { Relation } from '../../model/index.js';
import type { EdgeRecord } from '../store.js';

/** The edge of a merged relation (its evidence may carry empty texts: only counts and documents are kept). */
export function toEdgeRecord(r: Relation): EdgeRecord {
  return {
    id: r.id, type: r.type, source: r.source, target: r.target, confidence: r.confidence, independentSources: r.independentSources,
    evidenceCount: r.evidence.length, contradicted: (r.contradictions?.length ?? 0) > 0,
    documentIds: [...new Set(r.evidence.map((e) => e.documentId))],
  };
}
