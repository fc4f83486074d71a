/** Links from a fact to the exact sentence it rests on. */
import type { Evidence } from '../../src/model/index.js';

/** The reader at the evidence span: /documents/<id>?at=<start>-<end>. */
export function evidenceUrl(evidence: Pick<Evidence, 'documentId' | 'start' | 'end'>): string {
  return `/documents/${encodeURIComponent(evidence.documentId)}?at=${evidence.start}-${evidence.end}`;
}
