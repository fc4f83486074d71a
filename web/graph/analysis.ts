/** Communities (Louvain) and centrality (PageRank) from the established graphology packages. */
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

/** Writes `community` and `centrality` on every node and returns the communities, largest first. */
export function analyse(graph: NetworkGraph): Community[] {
  if (graph.order === 0) return [];
  // Louvain and PageRank read edges undirected / directed as the graph is; an edgeless graph gives each node its own community.
  const communities = graph.size > 0 ? louvain(graph, { getEdgeWeight: null }) : Object.fromEntries(graph.mapNodes((n) => n).map((n, i) => [n, i]));
  const ranks = graph.size > 0 ? pagerank(graph, { getEdgeWeight: null }) : {};
  const groups = new Map<number, string[]>();
  graph.updateEachNodeAttributes((node, a) => {
    const c = communities[node] ?? 0;
    let members = groups.get(c);
    if (!members) groups.set(c, members = []);
    members.push(node);
    return { ...a, community: c, centrality: ranks[node] ?? 0 };
  });
  return [...groups.entries()]
    .map(([id, members]) => ({ id, members: members.sort((x, y) => graph.degree(y) - graph.degree(x)) }))
    .sort((a, b) => b.members.length - a.members.length);
}
