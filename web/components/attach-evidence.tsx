/**
 * "Attach to relation" in the reader: the selected span becomes further evidence of a relation found in this document,
 * or a sentence denying it (POST /api/relations/:id/evidence: stage analyst, who and when).
 */
import { useMemo, useState } from 'react';
import type { DocumentDetail } from '../api/client.js';
import { ApiError } from '../api/client.js';
import { attachEvidence } from '../api/review-client.js';
import { relationLabel, useSchema } from '../lib/use-schema.js';

/** The form: which relation, and whether the span supports or denies it. */
export function AttachEvidenceForm({ doc, span, onDone, onCancel }: {
  doc: DocumentDetail; span: { start: number; end: number }; onDone: (message: string, entityId?: string) => void; onCancel: () => void;
}) {
  const schema = useSchema();
  const names = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of doc.mentions) if (m.entityId && !seen.has(m.entityId)) seen.set(m.entityId, m.text);
    return seen;
  }, [doc.mentions]);
  const relations = doc.relations ?? [];
  const [relation, setRelation] = useState(relations[0]?.id ?? '');
  const [denial, setDenial] = useState(false);
  const label = (r: (typeof relations)[number]): string => `${names.get(r.source) ?? r.source} ${relationLabel(schema, r.type)} ${names.get(r.target) ?? r.target}`;
  const submit = async (): Promise<void> => {
    try {
      await attachEvidence(relation, { documentId: doc.id, start: span.start, end: span.end }, denial, relations.find((r) => r.id === relation)?.source);
      onDone(denial ? 'Marked as a denial of the relation.' : 'Attached as evidence of the relation.', relations.find((r) => r.id === relation)?.source);
    } catch (error) {
      onDone(error instanceof ApiError ? error.message : String(error));
    }
  };
  if (relations.length === 0) {
    return <p>No relation is found in this document to attach the sentence to. <button type="button" className="button" onClick={onCancel}>Close</button></p>;
  }
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label="Attach to a relation">
      <blockquote dir="auto">{doc.text.slice(span.start, span.end)}</blockquote>
      <label>Relation <select value={relation} onChange={(e) => setRelation(e.target.value)} aria-label="Relation">
        {relations.map((r) => <option key={r.id} value={r.id}>{label(r)}</option>)}
      </select></label>
      <label><input type="checkbox" checked={denial} onChange={(e) => setDenial(e.target.checked)} /> the sentence denies it</label>
      <div className="add-relation-actions">
        <button type="submit" className="button primary" disabled={!relation}>{denial ? 'Mark as denial' : 'Attach as evidence'}</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
