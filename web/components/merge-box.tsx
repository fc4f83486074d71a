/** "Merge with another entity": search-as-you-type over GET /api/entities?q=, then a confirmed, undoable merge. */
import { useEffect, useState } from 'react';
import type { EntityListItem, ResolvedEntityRecord } from '../../src/model/index.js';
import { ApiError, getEntityByMember, listEntities, mergeEntities, splitMember, whenApplied } from '../api/client.js';
import { allMemberKeys } from '../lib/entity-members.js';
import { plural } from '../lib/format.js';
import { entityStyle } from '../theme/entity-colors.js';

/** Props: the entity on the page, and where to go once the merge has been applied. */
export interface MergeBoxProps {
  entity: ResolvedEntityRecord;
  onChanged(nextId: string): void;
}

/** A search box listing same-type entities; choosing one merges it into this entity. */
export function MergeBox({ entity, onChanged }: MergeBoxProps) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<EntityListItem[]>([]);
  const [searching, setSearching] = useState(false);
  const [busy, setBusy] = useState(false);
  // Set while the server applies a large merge or split in the background (it answered 202).
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; undo?: () => void } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (q.trim().length < 2) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing, so each keystroke does not cost a request.
    const timer = setTimeout(() => {
      setSearching(true);
      listEntities({ q, type: entity.type, limit: 8, offset: 0 }, controller.signal).then(
        (page) => { setItems(page.items.filter((e) => e.id !== entity.id)); setSearching(false); },
        (err: unknown) => { if (!controller.signal.aborted) { setError(err instanceof Error ? err.message : String(err)); setSearching(false); } },
      );
    }, 200);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [q, entity.id, entity.type]);

  const merge = async (other: EntityListItem): Promise<void> => {
    if (!window.confirm(`Merge “${other.name}” into “${entity.name}”? This is recorded and can be undone.`)) return;
    setBusy(true);
    setError(null);
    try {
      // The keys the merge moves, read before it (the undo takes each out again).
      const moved = await allMemberKeys(other.id);
      await whenApplied(await mergeEntities(entity.id, other.id), () => setPending(`Merge of “${other.name}” recorded: pending, the server is applying it…`));
      setPending(null);
      const anchor = entity.members[0] ?? '';
      const nextId = (await getEntityByMember(anchor)) ?? entity.id;
      setMessage({
        text: `Merged “${other.name}” into ${entity.name}.`,
        undo: () => {
          setBusy(true);
          // Undo: take each of the other entity's candidates out again.
          void (async () => {
            try {
              for (const member of moved) {
                await whenApplied(await splitMember(nextId, member), () => setPending(`Undo recorded: pending, the server is applying it…`));
              }
              setPending(null);
              setMessage({ text: `Undone: “${other.name}” is separate again.` });
              onChanged((await getEntityByMember(anchor)) ?? nextId);
            } catch (err) {
              setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
            } finally {
              setPending(null);
              setBusy(false);
            }
          })();
        },
      });
      setQ('');
      onChanged(nextId);
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  return (
    <section className="entity-section" aria-labelledby="merge-h">
      <h2 id="merge-h">Merge with another entity</h2>
      {message ? (
        <p className="notice" role="status">
          {message.text} {message.undo ? <button type="button" className="link-button" disabled={busy} onClick={message.undo}>Undo</button> : null}
        </p>
      ) : null}
      {pending ? <p className="notice pending" role="status" data-state="pending">{pending}</p> : null}
      {error ? <p className="query-error" role="alert">{error}</p> : null}
      <label className="merge-label" htmlFor="merge-input">Find a {entityStyle(entity.type).label.toLowerCase()} that is the same as {entity.name}</label>
      <input
        id="merge-input" className="search-input small" type="search" maxLength={200} autoComplete="off" value={q} disabled={busy}
        placeholder="Type a name…" onChange={(e) => setQ(e.target.value)}
        aria-describedby="merge-status"
      />
      <div id="merge-status" className="muted small" aria-live="polite">
        {busy ? (pending ? 'Pending…' : 'Merging…') : searching ? 'Searching…' : q.trim().length >= 2 && items.length === 0 ? 'No other entity of this type matches.' : ''}
      </div>
      {items.length > 0 ? (
        <ul className="merge-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="fact" disabled={busy} onClick={() => void merge(item)}>
                <span className={`dot t-${item.type}`} aria-hidden="true" /> <bdi>{item.name}</bdi>
                <span className="fact-meta">{plural(item.mentionCount, 'mention')} · {plural(item.documentCount, 'document')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
