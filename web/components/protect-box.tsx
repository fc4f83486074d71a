/**
 * "Protected identity" on the entity page: protect an informant, a victim or a source (readers without write access and
 * every export then see a pseudonym such as "Protected person 3"), or stop protecting it. The server decides who may.
 */
import { useState } from 'react';
import { protectEntity, type ProtectionMark } from '../api/client.js';

/** Props: the entity, its protection mark if any, and what to do once it changed. */
export interface ProtectBoxProps {
  entity: { id: string; name: string; protected?: ProtectionMark };
  onChanged(nextId: string): void;
}

/** The protection state of the entity and the button that changes it. */
export function ProtectBox({ entity, onChanged }: ProtectBoxProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mark = entity.protected;
  const change = async (remove: boolean): Promise<void> => {
    const question = remove
      ? `Stop protecting “${entity.name}”? Readers and exports will show the name again.`
      : `Protect “${entity.name}”? Readers without write access and every export will see a pseudonym instead of the name, aliases and the text that names it.`;
    if (!window.confirm(question)) return;
    setBusy(true);
    setError(null);
    try {
      await protectEntity(entity.id, remove);
      onChanged(entity.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="entity-section protect-box" aria-labelledby="protect-h">
      <h2 id="protect-h">Protected identity</h2>
      {!mark ? <p className="muted">Not protected.</p> : mark.masked
        ? <p><strong>{mark.pseudonym}</strong>: the name is hidden from you.</p>
        : <p>Protected as <strong>{mark.pseudonym}</strong>: you see the name because you may edit this collection; readers without write access and every export see the pseudonym.</p>}
      {mark?.masked ? null : (
        <button type="button" className="button small" disabled={busy} onClick={() => void change(Boolean(mark))}>
          {mark ? 'Stop protecting' : 'Protect this identity'}
        </button>
      )}
      {error ? <p className="query-error" role="alert">{error}</p> : null}
    </section>
  );
}
