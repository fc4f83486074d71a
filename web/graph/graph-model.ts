/** API graph data as a graphology graph: node colour from the entity palette, size from degree or centrality, seeded start positions. */
import { MultiDirectedGraph } from 'graphology';
import type { GraphData, GraphEdge, GraphNode } from '../api/client.js';
import { entityStyle } from '../theme/entity-colors.js';

/** Attributes sigma reads from each node, plus what the app keeps there. */
export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  entityType: string;
  degree: number;
  mentionCount: number;
  /** Louvain community, filled by analyse(). */
  community?: number;
  /** PageRank, filled by analyse(). */
  centrality?: number;
}

/** Attributes of each edge. */
export interface EdgeAttributes {
  size: number;
  color: string;
  relationType: string;
  confidence: number;
  independentSources: number;
  evidenceCount: number;
  contradicted: boolean;
}

/** The network as drawn. Multi: two entities can be linked by several relation types. */
export type NetworkGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** A deterministic number in [0, 1) from a string, so a node starts where it started last time. */
function hash01(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/** Edge colour: grey, darker with confidence; red when a sentence denies it. */
export function edgeColor(edge: Pick<GraphEdge, 'confidence' | 'contradicted'>): string {
  if (edge.contradicted) return '#d1242f';
  return edge.confidence >= 0.75 ? '#6e7781' : edge.confidence >= 0.5 ? '#8c959f' : '#c4cbd2';
}

/** Node size from a 0..1 weight: readable small nodes, hubs up to 5x larger; `scale` shrinks everything in crowded views. */
export function sizeFor(weight: number, scale = 1): number {
  return scale * (3 + 12 * Math.sqrt(Math.max(0, Math.min(1, weight))));
}

function nodeAttributes(node: GraphNode, spread: number): NodeAttributes {
  const angle = hash01(node.id, 1) * Math.PI * 2;
  const radius = Math.sqrt(hash01(node.id, 2)) * spread;
  return {
    x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: 4,
    color: entityStyle(node.type).color, label: node.name, entityType: node.type,
    degree: node.degree, mentionCount: node.mentionCount,
  };
}

function edgeAttributes(edge: GraphEdge): EdgeAttributes {
  return {
    size: edge.independentSources > 1 ? 1.5 : 1, color: edgeColor(edge), relationType: edge.type, confidence: edge.confidence,
    independentSources: edge.independentSources, evidenceCount: edge.evidenceCount, contradicted: edge.contradicted,
  };
}

/** Adds nodes and edges not already in the graph (used for the first load and for expanding a neighbourhood); returns the new node ids. */
export function mergeGraphData(graph: NetworkGraph, data: GraphData, near?: { x: number; y: number }): string[] {
  const added: string[] = [];
  const spread = Math.max(10, Math.sqrt(data.nodes.length) * 10);
  for (const node of data.nodes) {
    if (graph.hasNode(node.id)) continue;
    const attributes = nodeAttributes(node, near ? 10 : spread);
    if (near) { attributes.x += near.x; attributes.y += near.y; }
    graph.addNode(node.id, attributes);
    added.push(node.id);
  }
  for (const edge of data.edges) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  }
  return added;
}

/** A fresh graph from the API's answer. */
export function toGraph(data: GraphData): NetworkGraph {
  const graph: NetworkGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: true });
  mergeGraphData(graph, data);
  return graph;
}

/** Sets every node's size from its degree (as drawn) or its centrality, relative to the largest. */
export function applySizes(graph: NetworkGraph, by: 'degree' | 'centrality'): void {
  let max = 0;
  // Thousands of nodes at full size would cover each other: crowded views draw smaller nodes (zooming in spreads them).
  const scale = graph.order > 2000 ? 0.4 : graph.order > 500 ? 0.65 : 1;
  graph.forEachNode((node, a) => { max = Math.max(max, by === 'degree' ? graph.degree(node) : a.centrality ?? 0); });
  graph.updateEachNodeAttributes((node, a) => ({ ...a, size: sizeFor(max > 0 ? (by === 'degree' ? graph.degree(node) : a.centrality ?? 0) / max : 0, scale) }));
}

/** The view (or, with `around`, one node and its relations) as a JSON document: nodes with positions, edges with their scores. */
export function exportView(graph: NetworkGraph, filters: unknown, around?: string): string {
  const keepNode = (id: string): boolean => !around || id === around || graph.areNeighbors(id, around);
  const keepEdge = (source: string, target: string): boolean => !around || source === around || target === around;
  return JSON.stringify({
    kind: around ? 'cablegraph-network-selection' : 'cablegraph-network-view',
    exportedAt: new Date().toISOString(),
    filters,
    selection: around ?? null,
    nodes: graph.filterNodes(keepNode).map((id) => {
      const a = graph.getNodeAttributes(id);
      return { id, name: a.label, type: a.entityType, degree: graph.degree(id), community: a.community, centrality: a.centrality, x: a.x, y: a.y };
    }),
    edges: graph.filterEdges((_id, _a, source, target) => keepEdge(source, target)).map((id) => {
      const a = graph.getEdgeAttributes(id);
      const [source, target] = graph.extremities(id);
      return {
        id, type: a.relationType, source, target, confidence: a.confidence, independentSources: a.independentSources,
        evidenceCount: a.evidenceCount, contradicted: a.contradicted,
      };
    }),
  }, null, 2);
}
