/** The events naming an entity on its page: the newest first (as the page carries them) and "N more events" reading the rest a page at a time. */
import { useEffect, useState } from 'react';
import type { Event } from '../../src/model/index.js';
import { getEntityEvents } from '../api/client.js';
import { buildUrl, Link } from '../lib/router.js';
import { ShowMore } from './show-more.js';
import { EvidenceList } from './evidence-list.js';

/** Events read per click (the API's largest page). */
const MORE_EVENTS = 200;

/** The list, with `total` events in all (more than `first.length` when the page capped them); `names` names the entities the first ones refer to. */
export function EntityEvents({ entityId, name, first, total, names }: { entityId: string; name: string; first: Event[]; total: number; names: Record<string, string> }) {
  const [more, setMore] = useState<{ items: Event[]; names: Record<string, string> }>({ items: [], names: {} });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A reload (a merge, a split, another grade) starts the list again from its first page.
  useEffect(() => setMore({ items: [], names: {} }), [first]);
  const shown = more.items.length > 0 ? [...first, ...more.items] : first;
  const all = Math.max(total, shown.length);
  const nameOf = (id: string): string => names[id] ?? more.names[id] ?? 'an entity';
  const showMore = (): void => {
    setLoading(true);
    setError(null);
    getEntityEvents(entityId, shown.length, MORE_EVENTS).then(
      (page) => { setMore((m) => ({ items: [...m.items, ...page.items], names: { ...m.names, ...page.names } })); setLoading(false); },
      (err: unknown) => { setError(err instanceof Error ? err.message : String(err)); setLoading(false); },
    );
  };
  return (
    <section className="entity-section" aria-labelledby="events-h">
      <h2 id="events-h">Events ({all.toLocaleString('en-US')})</h2>
      {all > first.length ? <p className="side-note">The newest first, undated last. <Link href={buildUrl('/timeline', { entity: entityId })}>The timeline</Link> shows every dated one.</p> : null}
      {all === 0 ? <p className="muted">No dated events mention {name}.</p> : (
        <ul className="rel-list entity-events">
          {shown.map((e) => (
            <li key={e.id} className="rel">
              <div className="rel-head">
                <strong>{e.type}</strong> <span className="muted">{e.date || 'undated'}</span>{' '}
                <span className="muted">with {e.participants.filter((p) => p !== entityId).map(nameOf).join(', ') || 'no one else named'}</span>
                {e.place ? <span className="muted"> in {nameOf(e.place)}</span> : null}
              </div>
              <EvidenceList evidence={e.evidence} limit={3} />
            </li>
          ))}
        </ul>
      )}
      <ShowMore remaining={all - shown.length} noun="event" loading={loading} error={error} className="events-more" onMore={showMore} />
    </section>
  );
}
