/**
 * The strongest merged relations of a selection, chosen from light rows (ends, near-duplicate group, denial; no attributes
 * or evidence) so that a hub's page or neighbourhood reads sentences and counts only for the relations it shows.
 */
import { mergedEnds, type RelationRow } from './merge-relations.js';
import { factId } from '../ids.js';

/** One relation row as the choice needs it: its merge key inputs, near-duplicate group, confidence and denial. */
export interface RelationEndRow {
  id: string;
  type: string;
  collection: string;
  source: string;
  target: string;
  source_entity: string | null;
  target_entity: string | null;
  grp: string;
  confidence: number;
  negated: number | boolean;
}

/** Which merged relations may be chosen (graph filters that a merged relation's counts decide). */
export interface StrongestFilter {
  relationTypes?: readonly string[];
  minConfidence?: number;
  minSources?: number;
  /** Entities whose edges among themselves the caller reads otherwise: a relation with both ends here is not chosen nor counted. */
  inside?: ReadonlySet<string>;
}

/** The rows of the `limit` strongest merged relations, and how many merged relations passed the filter. */
export interface StrongestChoice {
  /** Relation row ids (denials included) of the chosen merged relations. */
  ids: string[];
  total: number;
}

interface Group { type: string; ids: string[]; groups: Set<string>; rows: number; confidence: number; key: string }

/**
 * Groups rows as mergeRelations merges them (type and end entities; symmetric types unordered; self-loops dropped) and keeps
 * the `limit` strongest: most independent sources, then most supporting rows, then highest confidence, then the key, so the
 * choice does not depend on row order. A merged relation only denied is no relation (mergeRelations drops it too).
 */
export function chooseStrongest(rows: Iterable<RelationEndRow>, limit: number, filter: StrongestFilter = {}): StrongestChoice {
  const merged = new Map<string, Group>();
  for (const r of rows) {
    const ends = mergedEnds(r);
    if (!ends || (filter.inside?.has(ends.source) && filter.inside.has(ends.target))) continue;
    const { key } = ends;
    let g = merged.get(key);
    if (!g) merged.set(key, (g = { type: r.type, ids: [], groups: new Set(), rows: 0, confidence: 0, key }));
    g.ids.push(r.id);
    if (r.negated && Number(r.negated) !== 0) continue;
    g.rows++;
    g.groups.add(r.grp);
    g.confidence = Math.max(g.confidence, r.confidence);
  }
  const types = filter.relationTypes?.length ? new Set(filter.relationTypes) : null;
  const passing = [...merged.values()].filter((g) => g.rows > 0 && (!types || types.has(g.type))
    && g.confidence >= (filter.minConfidence ?? 0) && g.groups.size >= (filter.minSources ?? 0));
  passing.sort((a, b) => b.groups.size - a.groups.size || b.rows - a.rows || b.confidence - a.confidence || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ids: passing.slice(0, Math.max(0, limit)).flatMap((g) => g.ids), total: passing.length };
}

/** The columns of a relation row that the choice does not read (attributes, claim, provenance). */
export interface RelationDetailRow {
  id: string;
  claim_id: string | null;
  attrs: string;
  stage: string;
  version: string;
  /** The review in force as JSON, or null. */
  review: string | null;
}

/**
 * The chosen rows as mergeRelations takes them (ordered by id), each light row completed by its details: the ends, group
 * and collection the choice read are kept, so the chosen rows are not joined to their documents and map rows again.
 */
export function chosenRelationRows(light: Iterable<RelationEndRow>, ids: readonly string[], details: Iterable<RelationDetailRow>): RelationRow[] {
  const chosen = new Set(ids);
  const byId = new Map<string, RelationEndRow>();
  for (const r of light) if (chosen.has(r.id)) byId.set(r.id, r);
  const rows: RelationRow[] = [];
  for (const d of details) {
    const r = byId.get(d.id);
    if (!r) continue;
    rows.push({
      id: r.id, type: r.type, source: r.source, target: r.target, confidence: r.confidence, claim_id: d.claim_id, attrs: d.attrs,
      stage: d.stage, version: d.version, review: d.review, collection: r.collection, grp: r.grp, source_entity: r.source_entity, target_entity: r.target_entity,
    });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Relation row ids (denials included) of the merged relation `relationId` among `rows` (its id is factId('rel', type, ends)). */
export function rowsOfMerged(rows: Iterable<RelationEndRow>, relationId: string): string[] {
  const ids: string[] = [];
  for (const r of rows) {
    const ends = mergedEnds(r);
    if (ends && factId('rel', r.type, ends.source, ends.target) === relationId) ids.push(r.id);
  }
  return ids;
}
