/** Communities (Louvain) and centrality (PageRank) from the established graphology packages; run in the layout worker. */
import type { MultiDirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { cjsDefault } from './cjs-default.js';
import type { NetworkGraph } from './graph-model.js';

const louvain = cjsDefault(louvainModule);
const pagerank = cjsDefault(pagerankModule);

/** One community: its members, largest first by degree, so the list can name it by its hub. */
export interface Community {
  id: number;
  members: string[];
}

/** Louvain community and PageRank per node, in the order of `ids`. */
export function measure(graph: MultiDirectedGraph, ids: readonly string[]): { community: Int32Array; rank: Float64Array } {
  const community = new Int32Array(ids.length);
  const rank = new Float64Array(ids.length);
  if (graph.size === 0) {
    community.forEach((_c, i) => { community[i] = i; });
    return { community, rank };
  }
  const communities = louvain(graph, { getEdgeWeight: null });
  const ranks = pagerank(graph, { getEdgeWeight: null });
  ids.forEach((id, i) => {
    community[i] = communities[id] ?? 0;
    rank[i] = ranks[id] ?? 0;
  });
  return { community, rank };
}

/**
 * Writes `community` and `centrality` onto the nodes and returns the communities, largest first. The attributes are set in
 * place, without graph events: they are not drawn, and an event would make sigma redraw the whole graph for nothing.
 */
export function applyMeasures(graph: NetworkGraph, ids: readonly string[], community: Int32Array, rank: Float64Array): Community[] {
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => {
    if (!graph.hasNode(id)) return;
    const attributes = graph.getNodeAttributes(id);
    attributes.community = community[i] ?? 0;
    attributes.centrality = rank[i] ?? 0;
    let members = groups.get(attributes.community);
    if (!members) groups.set(attributes.community, members = []);
    members.push(id);
  });
  return [...groups.entries()]
    .map(([id, members]) => ({ id, members: members.sort((x, y) => graph.degree(y) - graph.degree(x)) }))
    .sort((a, b) => b.members.length - a.members.length);
}
