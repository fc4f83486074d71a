/** The network's side panel when nothing is selected: find a node, legend, communities, export. */
import { useMemo, useState } from 'react';
import { ENTITY_TYPES, foldWord } from '../../src/model/index.js';
import type { Community } from '../graph/analysis.js';
import { EntityPicker } from './entity-picker.js';
import { exportView, type NetworkGraph } from '../graph/graph-model.js';
import { formatCount, plural } from '../lib/format.js';
import { downloadJson } from '../lib/download.js';
import type { NetworkState } from '../lib/network-url.js';
import { ENTITY_STYLES } from '../theme/entity-colors.js';

/** Props: the graph (null while loading) and its analysis. */
export interface NetworkOverviewProps {
  graph: NetworkGraph | null;
  state: NetworkState;
  communities: Community[];
  community: number | null;
  onCommunity(id: number | null): void;
  progress: { done: number; total: number } | null;
  renderMs: number | null;
  /** True when the server capped the node count. */
  limited: boolean;
  onFind(id: string): void;
  /** Centres the network on an entity that may not be in the view. */
  onCentre(id: string): void;
}

/** Overview and tools. */
export function NetworkOverview({ graph, state, communities, community, onCommunity, progress, renderMs, limited, onFind, onCentre }: NetworkOverviewProps) {
  const [q, setQ] = useState('');
  const matches = useMemo(() => {
    const want = foldWord(q.trim());
    if (!graph || want.length < 2) return [];
    const found: { id: string; label: string; type: string }[] = [];
    graph.forEachNode((id, a) => { if (found.length < 8 && foldWord(a.label).includes(want)) found.push({ id, label: a.label, type: a.entityType }); });
    return found;
  }, [q, graph]);
  return (
    <>
      <section>
        <h2><label htmlFor="find-node">Find a node</label></h2>
        <input
          id="find-node" className="search-input small" type="search" maxLength={200} value={q} placeholder="Name in this view…" autoComplete="off"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && matches[0]) onFind(matches[0].id); }}
        />
        {q.trim().length >= 2 && matches.length === 0 ? <p className="muted small">No node in this view is called that: look among all entities below.</p> : null}
        <ul className="fact-list">
          {matches.map((m) => (
            <li key={m.id}><button type="button" className="fact" onClick={() => onFind(m.id)}><span className={`dot t-${m.type}`} aria-hidden="true" /> <bdi>{m.label}</bdi></button></li>
          ))}
        </ul>
      </section>
      <section>
        <h2><label htmlFor="centre-entity">Centre on any entity</label></h2>
        <EntityPicker id="centre-entity" placeholder="Any entity, in view or not…" onPick={(e) => onCentre(e.id)} />
      </section>
      <section>
        <h2>Legend</h2>
        <ul className="legend-inline">
          {ENTITY_TYPES.map((t) => <li key={t}><span className={`dot t-${t}`} aria-hidden="true" /> {ENTITY_STYLES[t].label}</li>)}
          <li><span className="edge-swatch denied" aria-hidden="true" /> denied in a source</li>
        </ul>
        <p className="muted small">Node size: {state.size === 'degree' ? 'relations in view' : 'PageRank centrality'}. Click a node or an edge to read its evidence; Esc clears.</p>
        {limited ? <p className="small warning">Showing the 5,000 best-connected entities: narrow the filters to see the rest.</p> : null}
        {renderMs !== null ? <p className="muted small">Drawn in {Math.round(renderMs)} ms{progress && progress.done >= progress.total ? '; layout settled' : ''}.</p> : null}
      </section>
      {communities.length > 1 ? (
        <section>
          <h2>Communities ({formatCount(communities.length)})</h2>
          <p className="muted small">Louvain groups of densely linked entities; pick one to fade the rest.</p>
          <ul className="fact-list">
            {communities.slice(0, 8).map((c, i) => (
              <li key={c.id}>
                <button type="button" className="fact" aria-pressed={community === c.id} onClick={() => onCommunity(community === c.id ? null : c.id)}>
                  {i + 1}. <bdi>{c.members.slice(0, 3).map((m) => graph?.getNodeAttribute(m, 'label')).join(', ')}</bdi>
                  <span className="fact-meta">{plural(c.members.length, 'entity', 'entities')}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2>Export</h2>
        <div className="panel-actions">
          <button type="button" className="button small" disabled={!graph} onClick={() => graph && downloadJson('cablegraph-network-view.json', exportView(graph, state))}>
            This view (JSON)
          </button>
          <a className="button small" href="/api/export" download="cablegraph-export.json">Everything (JSON)</a>
        </div>
      </section>
    </>
  );
}
