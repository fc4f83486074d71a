/**
 * What an analyst does with a selection in the reader: "Add relation" (pick the type and the two entities named in the
 * document; POST /api/relations), "Add entity" (add-entity.tsx) or "Attach to relation" (as evidence or a denial;
 * attach-evidence.tsx). The selection becomes the evidence, stage analyst.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { DocumentDetail } from '../api/client.js';
import { ApiError } from '../api/client.js';
import { addRelation } from '../api/review-client.js';
import { Link } from '../lib/router.js';
import { selectionSpan } from '../lib/selection-span.js';
import { AddEntityForm } from './add-entity.js';
import { AttachEvidenceForm } from './attach-evidence.js';
import { relationLabel, useSchema } from '../lib/use-schema.js';

/** The panel; shown while a span of the text is selected (or a relation is being added). */
export function AddRelation({ doc, root }: { doc: DocumentDetail; root: RefObject<HTMLElement | null> }) {
  const schema = useSchema();
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  const [mode, setMode] = useState<'relation' | 'entity' | 'evidence' | null>(null);
  const open = mode !== null;
  const setOpen = (on: boolean): void => setMode(on ? 'relation' : null);
  const [link, setLink] = useState<{ href: string; label: string }>({ href: '/review?state=accepted', label: 'Reviewed relations' });
  const [type, setType] = useState('met');
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState('');
  // Entities the document names, once each, in order of first mention.
  const entities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of doc.mentions) if (m.entityId && !seen.has(m.entityId)) seen.set(m.entityId, m.text);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [doc.mentions]);

  useEffect(() => {
    const onUp = (event: Event): void => {
      // Clicks inside the panel keep the span it was opened for.
      if (open || (event.target instanceof Element && event.target.closest('.add-relation'))) return;
      const s = selectionSpan(root.current, doc.text);
      setSpan(s);
      if (s) setMessage('');
      if (s) {
        // Ends preselected from the names inside the selection, when it holds two.
        const inside = doc.mentions.filter((m) => m.entityId && m.start >= s.start && m.end <= s.end).map((m) => m.entityId!);
        const distinct = [...new Set(inside)];
        setSource(distinct[0] ?? '');
        setTarget(distinct[1] ?? '');
      }
    };
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('keyup', onUp);
    };
  }, [doc, open, root]);

  if (!span && !message) return null;
  const submit = async (): Promise<void> => {
    if (!span) return;
    try {
      await addRelation({ type, source, target, evidence: { documentId: doc.id, start: span.start, end: span.end } });
      setMessage('Relation added, citing the selection.');
      setLink({ href: '/review?state=accepted', label: 'Reviewed relations' });
      setOpen(false);
      setSpan(null);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error));
    }
  };
  const finish = (text: string, href?: string, label?: string): void => {
    setMessage(text);
    if (href && label) {
      setLink({ href, label });
      setMode(null);
      setSpan(null);
    }
  };
  const keep = (e: { preventDefault(): void }): void => e.preventDefault();
  return (
    <div className="add-relation" role="dialog" aria-label="Add a relation">
      {span && !open ? (
        <div className="add-relation-actions">
          <button type="button" className="button primary" onMouseDown={keep} onClick={() => setMode('relation')}>Add relation…</button>
          <button type="button" className="button" onMouseDown={keep} onClick={() => setMode('entity')}>Add entity…</button>
          <button type="button" className="button" onMouseDown={keep} onClick={() => setMode('evidence')}>Attach to relation…</button>
        </div>
      ) : null}
      {span && mode === 'entity' ? (
        <AddEntityForm doc={doc} span={span} onCancel={() => { setMode(null); setSpan(null); }}
          onDone={(text, id) => finish(text, id ? `/entities/${id}` : undefined, 'Open the entity')} />
      ) : null}
      {span && mode === 'evidence' ? (
        <AttachEvidenceForm doc={doc} span={span} onCancel={() => { setMode(null); setSpan(null); }}
          onDone={(text, id) => finish(text, id ? `/entities/${id}` : undefined, 'Open the entity and its relations')} />
      ) : null}
      {span && mode === 'relation' ? (
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <blockquote dir="auto">{doc.text.slice(span.start, span.end)}</blockquote>
          <label>From <select value={source} onChange={(e) => setSource(e.target.value)} required aria-label="Source entity">
            <option value="">choose…</option>
            {entities.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select></label>
          <label>Type <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Relation type">
            {Object.keys(schema?.relationTypes ?? { met: null }).map((t) => <option key={t} value={t}>{relationLabel(schema, t)}</option>)}
          </select></label>
          <label>To <select value={target} onChange={(e) => setTarget(e.target.value)} required aria-label="Target entity">
            <option value="">choose…</option>
            {entities.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select></label>
          <div className="add-relation-actions">
            <button type="submit" className="button primary" disabled={!source || !target || source === target}>Add</button>
            <button type="button" className="button" onClick={() => { setOpen(false); setSpan(null); }}>Cancel</button>
          </div>
        </form>
      ) : null}
      {message ? <p role="status">{message} <Link href={link.href}>{link.label}</Link></p> : null}
    </div>
  );
}
