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

/** The rows of one merged relation as the choice weighs them (its ends are merged ends: see mergedEnds). */
export interface StrongestGroup {
  key: string;
  type: string;
  source: string;
  target: string;
  /** Relation row ids, denials included. */
  ids: string[];
  /** Near-duplicate groups of the supporting (not denying) rows. */
  sources: number;
  /** Supporting rows. */
  rows: number;
  /** The largest confidence of a supporting row. */
  confidence: number;
}

/** Merged relations being gathered, by merge key, with the near-duplicate groups of their supporting rows. */
class Gathering {
  private readonly merged = new Map<string, StrongestGroup & { groups: Set<string> }>();

  /** Adds rows of one type and pair of ends (`r`): their ids, and unless they deny it, their support. */
  add(r: Pick<RelationEndRow, 'type' | 'collection' | 'source' | 'target' | 'source_entity' | 'target_entity' | 'negated'>, ids: Iterable<string>,
    rows: number, groups: Iterable<string>, confidence: number): void {
    const ends = mergedEnds(r);
    if (!ends) return;
    const { key } = ends;
    let g = this.merged.get(key);
    if (!g) this.merged.set(key, (g = { key, type: r.type, source: ends.source, target: ends.target, ids: [], groups: new Set(), sources: 0, rows: 0, confidence: 0 }));
    for (const id of ids) g.ids.push(id);
    if (r.negated && Number(r.negated) !== 0) return;
    g.rows += rows;
    for (const grp of groups) g.groups.add(grp);
    g.confidence = Math.max(g.confidence, confidence);
  }

  groups(): StrongestGroup[] {
    return [...this.merged.values()].map(({ groups, ...g }) => ({ ...g, sources: groups.size }));
  }
}

/** Rows grouped as mergeRelations merges them (type and end entities; symmetric types unordered; self-loops dropped). */
export function groupRows(rows: Iterable<RelationEndRow>): StrongestGroup[] {
  const gathering = new Gathering();
  for (const r of rows) gathering.add(r, [r.id], 1, [r.grp], r.confidence);
  return gathering.groups();
}

/**
 * Light rows aggregated by the engine at a grain finer than the merge (type, collection, each end's entity or, without
 * one, its candidate key, and denial), so that a hub's neighbourhood sends one row per pair of ends instead of one per
 * relation row: ids and near-duplicate groups as comma-separated lists, supporting-row count and largest confidence.
 */
export interface RelationEndGroupRow extends Pick<RelationEndRow, 'type' | 'collection' | 'source' | 'target' | 'source_entity' | 'target_entity' | 'negated' | 'confidence'> {
  n: number | string;
  grps: string;
  ids: string;
}

/** The merged relations of pre-aggregated rows, grouped as groupRows groups the rows they came from. */
export function groupAggregated(rows: Iterable<RelationEndGroupRow>): StrongestGroup[] {
  const gathering = new Gathering();
  for (const r of rows) gathering.add(r, r.ids.split(','), Number(r.n), r.grps.split(','), r.confidence);
  return gathering.groups();
}

/**
 * The `limit` strongest of merged relations (each complete: every row of its key), passing the filter: most independent
 * sources, then most supporting rows, then highest confidence, then the key, so the choice does not depend on row order
 * (and pages of it, after `offset` of them, neither overlap nor leave a gap).
 * A merged relation only denied is no relation (mergeRelations drops it too). A key given twice counts once.
 */
export function pickStrongest(groups: Iterable<StrongestGroup>, limit: number, filter: StrongestFilter = {}, offset = 0): { chosen: StrongestGroup[]; total: number } {
  const types = filter.relationTypes?.length ? new Set(filter.relationTypes) : null;
  const passing = new Map<string, StrongestGroup>();
  for (const g of groups) {
    if (filter.inside?.has(g.source) && filter.inside.has(g.target)) continue;
    if (g.rows > 0 && (!types || types.has(g.type)) && g.confidence >= (filter.minConfidence ?? 0) && g.sources >= (filter.minSources ?? 0)) passing.set(g.key, g);
  }
  const sorted = [...passing.values()].sort((a, b) => b.sources - a.sources || b.rows - a.rows || b.confidence - a.confidence || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const from = Math.max(0, offset);
  return { chosen: sorted.slice(from, from + Math.max(0, limit)), total: sorted.length };
}

/**
 * The rows of the `limit` strongest merged relations among the rows (see pickStrongest), after the `offset` strongest
 * (the next page of an entity's relations), and how many passed the filter.
 */
export function chooseStrongest(rows: Iterable<RelationEndRow>, limit: number, filter: StrongestFilter = {}, offset = 0): StrongestChoice {
  const { chosen, total } = pickStrongest(groupRows(rows), limit, filter, offset);
  return { ids: chosen.flatMap((g) => g.ids), total };
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
