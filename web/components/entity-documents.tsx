/** The documents naming an entity on its page: the most relevant first (as the page carries them) and "N more documents" reading the rest a page at a time. */
import { useEffect, useState } from 'react';
import type { EntityDocument } from '../../src/model/index.js';
import { getEntityDocuments } from '../api/client.js';
import { documentTitle, plural } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { ShowMore } from './show-more.js';

/** Documents read per click (the API's largest page). */
const MORE_DOCUMENTS = 200;

/** The list, with `total` documents in all (more than `first.length` when the page capped them). */
export function EntityDocuments({ entityId, first, total }: { entityId: string; first: EntityDocument[]; total: number }) {
  const [more, setMore] = useState<EntityDocument[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A reload (a merge, a split, another grade) starts the list again from its first page.
  useEffect(() => setMore([]), [first]);
  const shown = more.length > 0 ? [...first, ...more] : first;
  const all = Math.max(total, shown.length);
  const showMore = (): void => {
    setLoading(true);
    setError(null);
    getEntityDocuments(entityId, shown.length, MORE_DOCUMENTS).then(
      (page) => { setMore((m) => [...m, ...page.items]); setLoading(false); },
      (err: unknown) => { setError(err instanceof Error ? err.message : String(err)); setLoading(false); },
    );
  };
  return (
    <section className="entity-section" aria-labelledby="docs-h">
      <h2 id="docs-h">Documents ({all.toLocaleString('en-US')})</h2>
      {all > first.length ? <p className="side-note">Most mentions first, then the newest.</p> : null}
      <ul className="side-list entity-documents">
        {shown.map((d) => (
          <li key={d.id}>
            <Link href={`/documents/${encodeURIComponent(d.id)}`} dir="auto">{documentTitle(d)}</Link>{' '}
            {d.published ? <span className="muted">{d.published}</span> : null}
            {d.mentions !== null ? <span className="muted small"> · {plural(d.mentions, 'mention')}</span> : null}
          </li>
        ))}
      </ul>
      <ShowMore remaining={all - shown.length} noun="document" loading={loading} error={error} className="documents-more" onMore={showMore} />
    </section>
  );
}
