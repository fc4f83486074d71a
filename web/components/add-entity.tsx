/** "Add entity" in the reader: the selected span names an entity (POST /api/entities: stage analyst, who and when). */
import { useState } from 'react';
import type { DocumentDetail } from '../api/client.js';
import { ApiError } from '../api/client.js';
import { addEntity } from '../api/review-client.js';

const TYPES = [['PERSON', 'person'], ['ORG', 'organisation'], ['LOC', 'place'], ['MISC', 'other']] as const;

/** The form: type and name (the selected text by default); `onDone` gets a message and the new entity's id. */
export function AddEntityForm({ doc, span, onDone, onCancel }: {
  doc: DocumentDetail; span: { start: number; end: number }; onDone: (message: string, entityId?: string) => void; onCancel: () => void;
}) {
  const [type, setType] = useState('PERSON');
  const [name, setName] = useState(doc.text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim());
  const submit = async (): Promise<void> => {
    try {
      const made = await addEntity({ type, name, evidence: { documentId: doc.id, start: span.start, end: span.end } });
      onDone(`Entity added: ${made.entity.name}.`, made.entity.id);
    } catch (error) {
      onDone(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label="Add an entity">
      <blockquote dir="auto">{doc.text.slice(span.start, span.end)}</blockquote>
      <label>Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} aria-label="Entity name" /></label>
      <label>Type <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Entity type">
        {TYPES.map(([t, label]) => <option key={t} value={t}>{label}</option>)}
      </select></label>
      <div className="add-relation-actions">
        <button type="submit" className="button primary" disabled={!name.trim()}>Add entity</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
