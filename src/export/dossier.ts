/**
 * The dossier of a saved view (issue 12, item 6): the edges the view's graph query shows (accepted and unreviewed, never
 * rejected), each with its type, ends, confidence, review verdict, every citation (document title, sentence, offsets,
 * the document's grade), its corroboration by grade and its notes. Built from the store it is given: routes and the
 * CLI pass the pseudonymised export store (network/protection/export-store.ts), so no protected name reaches it.
 */
import type { EntityType, Evidence, Relation } from '../model/index.js';
import { DEFAULT_MIN_CONFIDENCE, RELATION_TYPES } from '../model/index.js';
import type { Scope, Store } from '../store/store.js';
import type { SavedView } from '../store/shared/views-store.js';
import { readGraph, type GraphRequest } from '../network/graph-read.js';
import { readGradings } from '../network/curation/gradings.js';
import { parseGrade } from '../network/curation/grade.js';
import { normaliseTag } from '../network/curation/targets.js';
import { exportNotes, fileNameOf } from './dataset.js';

/** Version of the dossier JSON; bumped only for incompatible changes. */
export const DOSSIER_VERSION = 1;

/** One cited sentence. */
export interface DossierCitation {
  documentId: string;
  title: string;
  published: string | null;
  source: string | null;
  /** The document's Admiralty grade ("B2", its own or its outlet's), null when ungraded. */
  grade: string | null;
  start: number;
  end: number;
  sentence: string;
  /** Attached by hand: who and when. */
  analyst?: { by?: string; at: string };
}

/** One edge of the dossier. */
export interface DossierEdge {
  id: string;
  type: string;
  label: string;
  source: { id: string; name: string; type: EntityType | null };
  target: { id: string; name: string; type: EntityType | null };
  confidence: number;
  independentSources: number;
  review: { verdict: string; by: string | null; at: string | null };
  /** Independent sources by the best grade among their documents ("ungraded" where none has one). */
  corroboration: Record<string, number>;
  citations: DossierCitation[];
  /** Sentences that deny it, cited the same way. */
  denials: DossierCitation[];
  notes: ReturnType<typeof exportNotes>;
}

/** The whole dossier. */
export interface Dossier {
  version: number;
  view: { id: number; name: string; by: string | null; at: string; query: SavedView['query']; selected: string[]; collections: string[] };
  generated: string;
  /** The edges' ends, selected ones flagged. */
  entities: { id: string; name: string; type: EntityType; selected: boolean }[];
  edges: DossierEdge[];
  /** Present when the graph was capped (as the network says it). */
  note?: string;
}

const list = (v: unknown): string[] | undefined => (typeof v === 'string' && v.trim() ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const num = (v: unknown, fallback: number): number => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? fallback : Number(v));
const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** A saved query (the GET /api/graph parameters) as readGraph takes it, with the route's defaults. */
export function graphRequestOf(query: SavedView['query']): GraphRequest {
  return {
    entity: text(query.entity), hops: num(query.hops, 1), relationTypes: list(query.relationTypes),
    entityTypes: list(query.entityTypes) as EntityType[] | undefined, minConfidence: num(query.minConfidence, DEFAULT_MIN_CONFIDENCE),
    minSources: num(query.minSources, 1), limit: num(query.limit, 5000), from: text(query.from), to: text(query.to),
    reviewedOnly: query.reviewedOnly === true || query.reviewedOnly === 'true',
    minGrade: text(query.minGrade) ? parseGrade(String(query.minGrade)) : undefined,
  };
}

/** Builds the dossier of `view` from what `scope` sees in `store` (pass the pseudonymised store). */
export async function buildDossier(store: Store, scope: Scope, view: SavedView, options: { timestamp?: string } = {}): Promise<Dossier> {
  const request = graphRequestOf(view.query);
  const tag = text(view.query.tag) ? normaliseTag(String(view.query.tag)) : null;
  if (tag) request.tagged = new Set((await store.curation.taggedWith(scope.collections, tag, 'entity')).map((t) => t.target.id));
  const graph = await readGraph(store, scope, request);
  const wanted = new Set(graph.edges.map((e) => e.id));
  const ends = [...new Set(graph.edges.flatMap((e) => [e.source, e.target]))];
  // Complete relations (every sentence) of the edges' ends, kept to the edges the graph shows; never rejected ones.
  const byId = new Map<string, Relation>();
  for (const r of ends.length > 0 ? await store.listEntityRelations(ends, scope) : []) if (wanted.has(r.id)) byId.set(r.id, r);
  // Ends of an unresolved collection (one entity per name) are not read by key: the scope's relations fill the rest.
  if (byId.size < wanted.size) for (const r of await store.listRelations(scope)) if (wanted.has(r.id) && !byId.has(r.id)) byId.set(r.id, r);
  const docIds = new Set<string>();
  for (const r of byId.values()) for (const e of [...r.evidence, ...(r.contradictions ?? [])]) docIds.add(e.documentId);
  const gradings = await readGradings(store, scope, docIds);
  let relations = [...byId.values()];
  if (request.minGrade) relations = gradings.filterRelations(relations, request.minGrade);
  const kept = new Map(relations.map((r) => [r.id, r]));
  const docs = new Map((await store.getDocumentSummaries([...docIds], scope)).map((d) => [d.id, d]));
  const notes = await store.curation.listNotes(scope.collections, [...kept.keys()].map((id) => ({ kind: 'relation' as const, id })));
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const end = (id: string) => ({ id, name: nodes.get(id)?.name ?? id, type: nodes.get(id)?.type ?? null });
  const cite = (e: Evidence): DossierCitation => {
    const d = docs.get(e.documentId);
    return {
      documentId: e.documentId, title: d?.title || (d?.path ? fileNameOf(d.path) : e.documentId), published: d?.published ?? null, source: d?.source ?? null,
      grade: gradings.grade(e.documentId)?.code ?? null, start: e.start, end: e.end, sentence: e.text, ...(e.analyst ? { analyst: e.analyst } : {}),
    };
  };
  const edges: DossierEdge[] = [];
  for (const g of graph.edges) {
    const r = kept.get(g.id);
    if (!r) continue;
    const ordered = [...r.evidence].sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
    edges.push({
      id: r.id, type: r.type, label: (RELATION_TYPES as Record<string, { label?: string }>)[r.type]?.label ?? r.type,
      source: end(r.source), target: end(r.target), confidence: r.confidence, independentSources: r.independentSources,
      review: r.review ? { verdict: r.review.kept ? 'accepted, no longer proposed' : r.review.verdict, by: r.review.by ?? null, at: r.review.at } : { verdict: 'unreviewed', by: null, at: null },
      corroboration: gradings.corroboration(r.evidence),
      citations: ordered.map(cite), denials: (r.contradictions ?? []).map(cite),
      notes: exportNotes(notes.filter((n) => n.target.id === r.id)),
    });
  }
  const selected = new Set(view.selected);
  const used = new Set(edges.flatMap((e) => [e.source.id, e.target.id]));
  return {
    version: DOSSIER_VERSION,
    view: { id: view.id, name: view.name, by: view.by, at: view.at, query: view.query, selected: view.selected, collections: view.collections },
    generated: new Date(options.timestamp ?? Date.now()).toISOString(),
    entities: graph.nodes.filter((n) => used.has(n.id) || selected.has(n.id)).map((n) => ({ id: n.id, name: n.name, type: n.type, selected: selected.has(n.id) })),
    edges,
    ...(graph.note ? { note: graph.note } : {}),
  };
}
