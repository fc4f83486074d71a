/** What both engines' keyset pages for exports share: the merged relation a row belongs to, and entity pages. */
import type { Entity } from '../../model/index.js';
import { factId } from '../ids.js';
import { mergedEnds, type RelationRow } from './merge-relations.js';

/** A relation row with the columns that decide its merged relation. */
export type MergeKeyRow = Pick<RelationRow, 'id' | 'type' | 'collection' | 'source' | 'target' | 'source_entity' | 'target_entity'>;

/** The id mergeRelations gives the merged relation of a row (null for a self-loop, which no merge keeps). */
export function mergedIdOf(row: MergeKeyRow): string | null {
  const ends = mergedEnds(row);
  return ends ? factId('rel', row.type, ends.source, ends.target) : null;
}

/** Orders records by id (code-unit order, as the engines' id indexes and "C" collation do). */
export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A page of entities by id: the resolved ones read by key, with the per-name entities of collections resolution has not run
 * on (derived from mentions, so read whole: only while such a collection has not been resolved) after `after`.
 */
export function entityPage(resolved: Entity[], unresolved: Entity[] | null, after: string | null, limit: number): Entity[] {
  if (!unresolved) return resolved;
  const rest = unresolved.filter((e) => after === null || e.id > after);
  return [...resolved, ...rest].sort(byId).slice(0, limit);
}
