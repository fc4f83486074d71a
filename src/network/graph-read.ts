/**
 * The graph read by key: a neighbourhood grows hop by hop through the edges of its frontier (indexed by member key), the
 * whole network reads edges without their sentences and is capped to its most connected nodes; entities and document
 * dates are read only for the ids the edges name.
 */
import type { Graph } from '../model/index.js';
import type { EdgeRecord, EntityBrief, Scope, Store } from '../store/store.js';
import { buildGraph, edgeFilter, type GraphFilter } from './graph.js';
import { readGradings } from './curation/gradings.js';
import type { Grade } from './curation/grade.js';

/**
 * Most edges followed per hop of a neighbourhood, strongest first (independent sources, evidence, confidence): around a
 * hub the ring would otherwise be most of the network, which no one reads as a picture and which costs seconds to gather.
 */
export const HOP_EDGES = 50;

/** Graph filters as the API and CLI take them (dates are looked up here). */
export type GraphRequest = Omit<GraphFilter, 'documentDates' | 'documentsMeetingGrade'>;

/** Known entities and document dates, filled as edges name new ids. */
class Lookups {
  readonly entities = new Map<string, EntityBrief>();
  readonly dates = new Map<string, string>();
  /** Documents graded at least the request's minGrade. */
  readonly graded = new Set<string>();
  private readonly askedEntities = new Set<string>();
  private readonly askedDates = new Set<string>();

  private readonly askedGrades = new Set<string>();

  constructor(private readonly store: Store, private readonly scope: Scope, private readonly withDates: boolean, private readonly minGrade?: Grade) {}

  /** Reads the entities (and, with a date range, the documents) of these edges not read yet. */
  async cover(edges: EdgeRecord[]): Promise<void> {
    const ids = [...new Set(edges.flatMap((r) => [r.source, r.target]))].filter((id) => !this.askedEntities.has(id));
    for (const id of ids) this.askedEntities.add(id);
    for (const e of await this.store.getEntityBriefs(ids, this.scope)) this.entities.set(e.id, e);
    if (this.minGrade) {
      const docs = [...new Set(edges.flatMap((r) => r.documentIds))].filter((id) => !this.askedGrades.has(id));
      for (const id of docs) this.askedGrades.add(id);
      const gradings = await readGradings(this.store, this.scope, docs);
      for (const id of docs) if (gradings.meets(id, this.minGrade)) this.graded.add(id);
    }
    if (!this.withDates) return;
    const docs = [...new Set(edges.flatMap((r) => r.documentIds))].filter((id) => !this.askedDates.has(id));
    for (const id of docs) this.askedDates.add(id);
    for (const d of await this.store.getDocumentSummaries(docs, this.scope)) if (d.published) this.dates.set(d.id, d.published);
  }
}

/** The filtered network, or the neighbourhood of `request.entity` within `request.hops` (default 1). */
export async function readGraph(store: Store, scope: Scope, request: GraphRequest): Promise<Graph> {
  const lookups = new Lookups(store, scope, Boolean(request.from || request.to), request.minGrade);
  const filter: GraphFilter = { ...request, documentDates: lookups.dates, documentsMeetingGrade: lookups.graded };
  if (!request.entity) {
    const edges = await store.listEdges(scope);
    await lookups.cover(edges);
    return buildGraph(lookups.entities.values(), edges, filter);
  }
  const start = (await store.getEntityBriefs([request.entity], scope))[0];
  if (!start) return buildGraph([], [], filter);
  if (start.unresolved) {
    // An entity of a collection resolution has not run on has no member keys to follow: the old whole read.
    const all = await store.listEdges(scope);
    await lookups.cover(all);
    return buildGraph(lookups.entities.values(), all, filter);
  }
  lookups.entities.set(start.id, start);
  const edges = new Map<string, EdgeRecord>();
  const seen = new Set([start.id]);
  const hops = request.hops ?? 1;
  // Filters on entity types, dates and grades need the ends and documents of every edge, so they read each ring whole.
  const capped = request.entityTypes?.length || request.from || request.to || request.minGrade ? null : { read: 0, total: 0 };
  let frontier = [start.id];
  for (let hop = 0; hop <= hops && frontier.length > 0; hop++) {
    let found: EdgeRecord[];
    if (hop === hops && capped) break;
    if (hop === hops) {
      // The last ring only adds the edges between its own nodes (its edges to nearer nodes were read from their side).
      found = await store.listEdges(scope, { between: frontier });
    } else if (capped) {
      // The strongest edges leading out of the nodes seen so far; edges among those nodes are read once at the end.
      const strongest = await store.listStrongestEdges(scope, frontier, HOP_EDGES, { ...request, inside: seen });
      found = strongest.items;
      capped.read += found.length;
      capped.total += strongest.total;
    } else {
      found = await store.listEdges(scope, { around: frontier });
    }
    for (const r of found) edges.set(r.id, r);
    await lookups.cover(found);
    if (hop === hops) break;
    const passes = edgeFilter(filter, lookups.entities);
    const here = new Set(frontier);
    const next: string[] = [];
    for (const r of found) {
      if (!passes(r)) continue;
      for (const [a, b] of [[r.source, r.target], [r.target, r.source]] as const) {
        if (here.has(a) && !seen.has(b)) { seen.add(b); next.push(b); }
      }
    }
    frontier = next;
  }
  if (capped && seen.size > 1) {
    // Edges among the nodes reached (the outward reads left them out).
    const among = await store.listEdges(scope, { between: [...seen] });
    for (const r of among) edges.set(r.id, r);
    await lookups.cover(among);
  }
  const graph = buildGraph(lookups.entities.values(), [...edges.values()], filter);
  if (!capped || capped.total <= capped.read) return graph;
  const note = `Around hubs only the ${HOP_EDGES} strongest relations of each hop are followed (${capped.read} of ${capped.total}).`;
  return { ...graph, note: graph.note ? `${graph.note} ${note}` : note };
}
