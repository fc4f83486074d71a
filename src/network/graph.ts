/** The network as the user explores it: entities as nodes, merged relations as edges, with filters and neighbourhoods. */
import type { Entity, EntityType, Graph, Relation } from '../model/index.js';
import type { EdgeRecord } from '../store/store.js';
import { toEdgeRecord } from '../store/shared/edges.js';
import type { Grade } from './curation/grade.js';

/** Filters on the edges shown; every field is optional. */
export interface GraphFilter {
  /** Relation types to keep. */
  relationTypes?: string[];
  /** Entity types to keep (both ends must match). */
  entityTypes?: EntityType[];
  /** Lowest confidence shown; low-confidence edges are hidden by default. */
  minConfidence?: number;
  /** Fewest independent sources. */
  minSources?: number;
  /** Start entity and number of hops around it. */
  entity?: string;
  hops?: number;
  /** Most nodes returned, strongest first. */
  limit?: number;
  /** Partial ISO dates ("2019", "2019-11"), inclusive: keep edges with a supporting document published in the range. */
  from?: string;
  to?: string;
  /** Published date by document id; read only when from or to is set (undated documents fall outside any range). */
  documentDates?: ReadonlyMap<string, string>;
  /** Only edges an analyst accepted, edited, kept or made. */
  reviewedOnly?: boolean;
  /** Lowest Admiralty grade ("at least B2"): keep edges with a supporting document graded at least this (ungraded ones never are). */
  minGrade?: Grade;
  /** Document ids graded at least `minGrade`; read only when it is set. */
  documentsMeetingGrade?: ReadonlySet<string>;
  /** Entity ids (those carrying a tag): keep only edges with an end among them, and show them even when unlinked. */
  tagged?: ReadonlySet<string>;
}

/** True when a partial or full date lies within [from, to], each compared at its own precision: "2019-11-20" is within "2019".."2019-11". */
export function dateWithin(date: string, from?: string, to?: string): boolean {
  if (!date) return false;
  return (!from || date.slice(0, from.length) >= from) && (!to || date.slice(0, to.length) <= to);
}

export type { GraphNode, GraphEdge, Graph } from '../model/index.js';

/** What a graph node needs of an entity. */
export type GraphEntity = Pick<Entity, 'id' | 'name' | 'type' | 'mentionCount'>;

/** A graph edge's input: a merged relation with its evidence, or the store's edge record (counts only). */
export type GraphInput = EdgeRecord | Relation;

const asEdge = (r: GraphInput): EdgeRecord => ('documentIds' in r ? r : toEdgeRecord(r));

/** The test an edge passes to be shown (both ends known entities, types, confidence, sources, dates); the neighbourhood walks only these. */
export function edgeFilter(filter: GraphFilter, byId: ReadonlyMap<string, GraphEntity>): (r: EdgeRecord) => boolean {
  return (r) => byId.has(r.source) && byId.has(r.target)
    && (!filter.relationTypes?.length || filter.relationTypes.includes(r.type))
    && r.confidence >= (filter.minConfidence ?? 0)
    && r.independentSources >= (filter.minSources ?? 0)
    && (!filter.reviewedOnly || (r.review !== undefined && r.review !== 'unreviewed'))
    && (!filter.entityTypes?.length || (filter.entityTypes.includes(byId.get(r.source)!.type) && filter.entityTypes.includes(byId.get(r.target)!.type)))
    && (!(filter.from || filter.to) || r.documentIds.some((d) => dateWithin(filter.documentDates?.get(d) ?? '', filter.from, filter.to)))
    && (!filter.minGrade || r.documentIds.some((d) => filter.documentsMeetingGrade?.has(d) ?? false));
}

/**
 * Builds the filtered graph, or the neighbourhood of `filter.entity` within `filter.hops` (default 1). With `limit`, the
 * most connected nodes are kept; `total` counts what matched before that cap and `note` says what is shown.
 */
export function buildGraph(entities: Iterable<GraphEntity>, relations: GraphInput[], filter: GraphFilter = {}): Graph {
  const byId = new Map<string, GraphEntity>();
  for (const e of entities) byId.set(e.id, e);
  let edges = relations.map(asEdge).filter(edgeFilter(filter, byId));
  if (filter.entity) {
    const keep = neighbourhood(filter.entity, edges, filter.hops ?? 1);
    edges = edges.filter((r) => keep.has(r.source) && keep.has(r.target));
  }
  const tagged = filter.tagged;
  if (tagged) edges = edges.filter((r) => tagged.has(r.source) || tagged.has(r.target));
  const degree = new Map<string, number>();
  for (const r of edges) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  if (filter.entity && byId.has(filter.entity) && !degree.has(filter.entity)) degree.set(filter.entity, 0);
  for (const id of !filter.entity && tagged ? tagged : []) {
    const e = byId.get(id);
    if (e && !degree.has(id) && (!filter.entityTypes?.length || filter.entityTypes.includes(e.type))) degree.set(id, 0);
  }
  let nodes = [...degree.keys()].map((id) => {
    const e = byId.get(id)!;
    return { id, name: e.name, type: e.type, degree: degree.get(id)!, mentionCount: e.mentionCount };
  }).sort((a, b) => b.degree - a.degree || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const total = { nodes: nodes.length, edges: edges.length };
  if (filter.limit && nodes.length > filter.limit) {
    nodes = nodes.slice(0, filter.limit);
    const kept = new Set(nodes.map((n) => n.id));
    edges = edges.filter((r) => kept.has(r.source) && kept.has(r.target));
  }
  const capped = nodes.length < total.nodes;
  // Edges in id order, whichever reads gathered them (the whole network, or a neighbourhood hop by hop).
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    nodes,
    edges: edges.map((r) => ({
      id: r.id, type: r.type, source: r.source, target: r.target, confidence: r.confidence,
      independentSources: r.independentSources, evidenceCount: r.evidenceCount, contradicted: r.contradicted, review: r.review ?? 'unreviewed',
    })),
    total,
    ...(capped ? { note: `Showing ${nodes.length} of ${total.nodes} entities (the most connected) and ${edges.length} of ${total.edges} relations.` } : {}),
  };
}

/** Entity ids within `hops` edges of `start`. */
export function neighbourhood(start: string, edges: Pick<Relation, 'source' | 'target'>[], hops: number): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: string[] = [];
    const from = new Set(frontier);
    for (const r of edges) {
      for (const [a, b] of [[r.source, r.target], [r.target, r.source]] as const) {
        if (from.has(a) && !seen.has(b)) { seen.add(b); next.push(b); }
      }
    }
    frontier = next;
  }
  return seen;
}
