/** Entities, Network and Timeline until their stages and scenes land: an honest empty state that says why and what is already possible. */
import { getStats } from '../api/client.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { plural } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';

/** The scenes that depend on extraction stages. */
export type PendingSceneName = 'entities' | 'network' | 'timeline';

const COPY: Record<PendingSceneName, { heading: string; empty: string; pending: string; what: string; count: 'mentions' | 'relations' | null }> = {
  entities: {
    heading: 'Entities',
    pending: 'The entity list is not built yet',
    empty: 'No entities yet: entity extraction has not run on this collection',
    what: 'People, organisations and places found in the documents will be listed here, each with the sentences it was found in.',
    count: 'mentions',
  },
  network: {
    heading: 'Network',
    pending: 'The network view is not built yet',
    empty: 'No relations yet: relation extraction has not run on this collection',
    what: 'Who controls, pays, meets and informs whom, drawn as a graph; every edge opens the sentences it rests on.',
    count: 'relations',
  },
  timeline: {
    heading: 'Timeline',
    pending: 'The timeline is not built yet',
    empty: 'No events yet: event extraction has not run on this collection',
    what: 'Dated events with their participants, in order, each linked to its source sentence.',
    count: null,
  },
};

/** A scene whose data does not exist yet. */
export function PendingScene({ name }: { name: PendingSceneName }) {
  const copy = COPY[name];
  const stats = useApi('stats', (signal) => getStats(signal));
  useTitle(copy.heading);
  let body;
  if (stats.error) body = <ErrorState title="Could not reach the store" error={stats.error} />;
  else if (!stats.data) body = <Loading label="Checking the collection…" />;
  else {
    const count = copy.count ? stats.data[copy.count] : 0;
    body = count > 0 ? (
      <EmptyState title={copy.pending}>
        <p>{copy.what}</p>
        <p>
          The store already holds {plural(count, copy.count === 'mentions' ? 'mention' : 'relation')}. Meanwhile they are highlighted in
          each document: open one from <Link href="/search">Search</Link> or <Link href="/documents">Documents</Link>.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title={copy.empty}>
        <p>{copy.what}</p>
        <p>Meanwhile the {plural(stats.data.documents, 'document')} can be <Link href="/search">searched</Link> and <Link href="/documents">read</Link>.</p>
      </EmptyState>
    );
  }
  return (
    <div className="scene">
      <div className="scene-header"><h1>{copy.heading}</h1></div>
      {body}
    </div>
  );
}
