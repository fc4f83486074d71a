/** Network scene: /network?<filters>&expand=&node=&edge=. Entities as nodes, relations as edges, evidence one click away. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getGraph, type GraphData } from '../api/client.js';
import { EdgePanel } from '../components/edge-panel.js';
import { NetworkFilters } from '../components/network-filters.js';
import { NetworkOverview } from '../components/network-overview.js';
import { NodePanel } from '../components/node-panel.js';
import { SavedViews, applySavedLayout } from '../components/saved-views.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import type { Community } from '../graph/analysis.js';
import { applySizes, exportView, toGraph, type NetworkGraph } from '../graph/graph-model.js';
import { downloadJson } from '../lib/download.js';
import { startLayout } from '../graph/layout.js';
import { NetworkCanvas, type Emphasis } from '../graph/network-canvas.js';
import { formatCount } from '../lib/format.js';
import { graphKey, graphRequest, networkUrl, readNetworkState, type NetworkState } from '../lib/network-url.js';
import { Link, navigate, type AppLocation } from '../lib/router.js';
import { ResponseCache, useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';

const cache = new ResponseCache<GraphData>(5);

/** Adds `more` to `base`, skipping nodes and edges already there. */
export function mergeData(base: GraphData, more: GraphData): GraphData {
  const nodes = new Set(base.nodes.map((n) => n.id));
  const edges = new Set(base.edges.map((e) => e.id));
  return {
    nodes: [...base.nodes, ...more.nodes.filter((n) => !nodes.has(n.id))],
    edges: [...base.edges, ...more.edges.filter((e) => !edges.has(e.id))],
  };
}

/** The view's data: the filtered network (or a neighbourhood) plus the neighbourhoods the user expanded. */
async function loadNetwork(state: NetworkState, signal: AbortSignal): Promise<GraphData> {
  let data = await getGraph(graphRequest(state), signal);
  for (const id of state.expand) data = mergeData(data, await getGraph({ ...graphRequest(state), entity: id, hops: 1 }, signal));
  return data;
}

/** The scene. */
export function NetworkScene({ location }: { location: AppLocation }) {
  const state = useMemo(() => readNetworkState(location.params), [location.search]);
  const key = graphKey(state);
  const data = useApi(`graph:${key}`, (signal) => loadNetwork(state, signal), cache);
  useTitle('Network');
  const update = useCallback((next: Partial<NetworkState>, push = false) => {
    navigate(networkUrl({ ...readNetworkState(new URLSearchParams(window.location.search)), ...next }), { replace: !push });
  }, []);

  const fresh = data.data && data.dataKey === `graph:${key}` ? data.data : null;
  const graph = useMemo<NetworkGraph | null>(() => {
    if (!fresh) return null;
    const g = toGraph(fresh);
    // A saved view being opened: the layout starts from its saved positions.
    applySavedLayout(g, key);
    return g;
  }, [fresh]);
  // Communities and centrality come from the layout worker, so the graph appears first (Louvain takes a while on large graphs).
  const [analysis, setAnalysis] = useState<{ graph: NetworkGraph; communities: Community[] } | null>(null);
  const analysed = analysis !== null && analysis.graph === graph;
  const communities = analysed ? analysis.communities : [];
  // Sizes are set before sigma first reads them (degree needs no analysis), and again once centrality is known.
  const sizeBy = analysed ? state.size : 'degree';
  useMemo(() => { if (graph) applySizes(graph, sizeBy); }, [graph, sizeBy]);

  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!graph || graph.order < 2) return;
    const handle = startLayout(graph, (done, total) => setProgress({ done, total }), (communities) => setAnalysis({ graph, communities }));
    return () => handle.stop();
  }, [graph]);

  const [community, setCommunity] = useState<number | null>(null);
  useEffect(() => setCommunity(null), [graph]);
  const members = useMemo(() => {
    const found = communities.find((c) => c.id === community);
    return found ? new Set(found.members) : null;
  }, [community, communities]);
  const [focus, setFocus] = useState<{ node: string; n: number } | null>(null);
  const [renderMs, setRenderMs] = useState<number | null>(null);

  const node = graph?.hasNode(state.node) ? state.node : '';
  const emphasis: Emphasis = { node: state.edge ? '' : node, edge: state.edge, members };
  const selectNode = (id: string): void => update({ node: id, edge: '' });
  const selectEdge = (id: string): void => update({ edge: id });
  const clear = (): void => update({ node: '', edge: '' });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      const s = readNetworkState(new URLSearchParams(window.location.search));
      if (s.edge) update({ edge: '' });
      else if (s.node) update({ node: '' });
      else setCommunity(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [update]);

  let canvas;
  if (data.error) canvas = <ErrorState title="Could not load the network" error={data.error} />;
  else if (!graph) canvas = <Loading label={data.loading ? 'Loading the network…' : 'Preparing…'} />;
  else if (graph.order === 0) {
    canvas = (
      <EmptyState title={location.search ? 'No relation passes these filters' : 'No relations yet: relation extraction has not run on this collection'}>
        {location.search ? <p>Lower the confidence or the number of sources, or <Link href="/network">reset the filters</Link>.</p>
          : <p>Ingest with the default stages to find who controls, pays, meets and informs whom.</p>}
      </EmptyState>
    );
  } else {
    canvas = (
      <NetworkCanvas
        graph={graph} emphasis={emphasis} focus={focus}
        onNode={selectNode} onEdge={selectEdge} onStage={clear} onRendered={setRenderMs}
      />
    );
  }

  let side;
  // The edge's source, once the graph is read: the server then reads the relation from that entity's rows.
  const edgeEnd = graph ? (graph.hasEdge(state.edge) ? graph.source(state.edge) : undefined) : data.error ? undefined : null;
  if (state.edge) side = <EdgePanel id={state.edge} entity={edgeEnd} onClose={() => update({ edge: '' })} />;
  else if (graph && node) {
    side = (
      <NodePanel graph={graph} id={node} expanded={state.expand.includes(node) || state.entity === node}
        communityRank={communities.length > 1 ? communities.findIndex((c) => c.members.includes(node)) + 1 || null : null}
        onExpand={() => update({ expand: [...state.expand, node] }, true)} onEdge={selectEdge} onClose={() => update({ node: '' })}
        onExport={() => downloadJson('cablegraph-network-selection.json', exportView(graph, state, node))}
        picked={state.picked.includes(node)}
        onPick={() => update({ picked: state.picked.includes(node) ? state.picked.filter((x) => x !== node) : [...state.picked, node] })} />
    );
  } else {
    side = (
      <NetworkOverview
        graph={graph} state={state} communities={communities} community={community} onCommunity={setCommunity}
        progress={progress} renderMs={renderMs} limited={fresh !== null && fresh.nodes.length >= 5000}
        onFind={(id) => { selectNode(id); setFocus((f) => ({ node: id, n: (f?.n ?? 0) + 1 })); }}
        onCentre={(id) => update({ entity: id, hops: 1, expand: [], node: id, edge: '' }, true)}
      />
    );
  }

  return (
    <div className="network-scene">
      <NetworkFilters state={state} onChange={(next) => update(next)} />
      <div className="network-main">
        <div className="network-head">
          <h1>Network</h1>
          {graph ? <span className="muted">{formatCount(graph.order)} entities · {formatCount(graph.size)} relations</span> : null}
          {state.entity ? <Link href={networkUrl({ ...state, entity: '', expand: [], node: state.entity, edge: '' })}>Whole network</Link> : null}
          <SavedViews state={state} graph={graph} onOpen={(next) => update(next, true)} />
          {data.loading && graph ? <span className="muted" role="status">Updating…</span> : null}
          {progress && progress.done < progress.total ? (
            <span className="layout-progress" role="status">
              Layout <progress max={progress.total} value={progress.done} /> {Math.round((100 * progress.done) / progress.total)}%
            </span>
          ) : null}
        </div>
        <div className={`network-canvas-wrap${data.loading ? ' stale' : ''}`}>{canvas}</div>
      </div>
      <aside className="network-side" aria-label="Selection">{side}</aside>
    </div>
  );
}
