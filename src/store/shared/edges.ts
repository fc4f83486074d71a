/** Merged relations as graph edges: what the network views need of a relation, without its sentences. */
import type { Relation } from '../../model/index.js';
import type { EdgeRecord } from '../store.js';
import { factId } from '../ids.js';
import { mergedEnds } from './merge-relations.js';
import type { ReviewState } from '../../model/index.js';

const REVIEW_STATES: ReviewState[] = ['unreviewed', 'kept', 'accepted'];

/**
 * SQL (both engines) of an edge group's confidence and review over relation rows `r`: the extracted rows' when there
 * are any, so evidence an analyst attached (a row of stage `analyst`, confidence 1, verdict added) does not make an
 * extracted relation look made by hand; a relation made only by hand keeps its own.
 */
export const EXTRACTED_CONFIDENCE = "coalesce(max(CASE WHEN r.stage <> 'analyst' THEN r.confidence END), max(r.confidence)) AS confidence";
const REVIEW_LEVEL = "CASE WHEN r.review IS NULL THEN 0 WHEN r.review LIKE '%\"kept\":true%' THEN 1 ELSE 2 END";
export const EXTRACTED_FIRST = `coalesce(max(CASE WHEN r.stage <> 'analyst' THEN ${REVIEW_LEVEL} END), max(${REVIEW_LEVEL})) AS reviewed`;

/**
 * EXTRACTED_CONFIDENCE and EXTRACTED_FIRST over relation_ends' copies (alias `a`: its stage, confidence and `reviewed`,
 * the review level written by the triggers of migration 22), for edges read without the relation rows.
 */
export const extractedFromEnds = (a: string): string => `coalesce(max(CASE WHEN ${a}.stage <> 'analyst' THEN ${a}.confidence END), max(${a}.confidence)) AS confidence,
  coalesce(max(CASE WHEN ${a}.stage <> 'analyst' THEN ${a}.reviewed END), max(${a}.reviewed)) AS reviewed`;

/**
 * An edge group's evidence count and documents over relation_ends' rows `sel` (migration 24: each row's document and its
 * evidence there and elsewhere), with `ev` holding the counted evidence (count `n`, documents `docs`) of the rows that
 * cite other documents. A row's own document is visible whenever the row is in scope, so its own count stands as is.
 * `string_agg` is PostgreSQL's and SQLite's (since 3.44) name for group_concat with a separator.
 */
export const EVIDENCE_FROM_ENDS = `sum(CASE WHEN sel.evidence_other > 0 THEN coalesce(ev.n, 0) ELSE sel.evidence_own END) AS n,
  string_agg(CASE WHEN sel.evidence_other > 0 THEN ev.docs WHEN sel.evidence_own > 0 THEN sel.document_id END, ',') AS docs`;

/** The edge of a merged relation (its evidence may carry empty texts: only counts and documents are kept). */
export function toEdgeRecord(r: Relation): EdgeRecord {
  return {
    id: r.id, type: r.type, source: r.source, target: r.target, confidence: r.confidence, independentSources: r.independentSources,
    evidenceCount: r.evidence.length, contradicted: (r.contradictions?.length ?? 0) > 0,
    documentIds: [...new Set(r.evidence.map((e) => e.documentId))].sort(),
    review: !r.review ? 'unreviewed' : r.review.kept ? 'kept' : 'accepted',
  };
}

/**
 * Relation rows aggregated by the store per type, collection, ends (entity, or candidate key where the map has none)
 * and denial: the largest confidence, the near-duplicate groups and evidence documents (comma-joined), the evidence count.
 */
export interface EdgeRow {
  type: string;
  collection: string;
  source: string;
  target: string;
  source_entity: string | null;
  target_entity: string | null;
  negated: number | boolean;
  confidence: number;
  grps: string | null;
  n: number;
  docs: string | null;
  /** Highest review among the rows: 0 unreviewed, 1 kept (accepted, no longer proposed), 2 accepted. */
  reviewed?: number | null;
}

/** Edges from aggregated rows, merged as mergeRelations merges relations (same ids, counts, confidence and denials). */
export function mergeEdges(rows: EdgeRow[]): EdgeRecord[] {
  const merged = new Map<string, { type: string; source: string; target: string; confidence: number; n: number; denials: number; groups: Set<string>; docs: Set<string>; reviewed: number }>();
  for (const r of rows) {
    const ends = mergedEnds(r);
    if (!ends) continue;
    const { source, target, key } = ends;
    let edge = merged.get(key);
    if (!edge) merged.set(key, (edge = { type: r.type, source, target, confidence: 0, n: 0, denials: 0, groups: new Set(), docs: new Set(), reviewed: 0 }));
    const n = Number(r.n);
    if (r.negated && Number(r.negated) !== 0) {
      edge.denials += n;
      continue;
    }
    edge.n += n;
    edge.reviewed = Math.max(edge.reviewed, Number(r.reviewed ?? 0));
    edge.confidence = Math.max(edge.confidence, r.confidence);
    for (const g of r.grps?.split(',') ?? []) edge.groups.add(g);
    for (const d of r.docs?.split(',') ?? []) if (d) edge.docs.add(d);
  }
  const out: EdgeRecord[] = [];
  for (const e of merged.values()) {
    if (e.n === 0) continue;
    out.push({
      id: factId('rel', e.type, e.source, e.target), type: e.type, source: e.source, target: e.target, confidence: e.confidence,
      independentSources: e.groups.size, evidenceCount: e.n, contradicted: e.denials > 0, documentIds: [...e.docs].sort(), review: REVIEW_STATES[e.reviewed] ?? 'unreviewed',
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
