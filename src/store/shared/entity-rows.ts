/** Entity rows as both backends select them, turned into records; lists (aliases, members) are read per page of ids. */
import type { EntityListItem, EntityType, MergeReason, ResolvedEntityRecord } from '../../model/index.js';

/** An entities row (JSON columns as text). */
export interface EntityRow {
  id: string; collection: string; type: EntityType; name: string; mention_count: number; document_ids: string; reasons: string;
}

/** An entities row as lists read it: no merge reasons and no document ids, only their number (see EntityListItem). */
export type EntityListRow = Omit<EntityRow, 'reasons' | 'document_ids'> & { document_count: number | string };

/** The identity of an entity as graph nodes and links need it: no aliases, members or documents. */
export interface EntityBrief {
  id: string;
  collection: string;
  type: EntityType;
  name: string;
  mentionCount: number;
  /** True for a per-name entity of a collection resolution has not run on: it has no member keys to read by. */
  unresolved?: boolean;
}

/** A row with its aliases and members. */
export function toEntityRecord(r: EntityRow, aliases: string[], members: string[]): ResolvedEntityRecord {
  return {
    id: r.id, collection: r.collection, type: r.type, name: r.name, aliases, mentionCount: r.mention_count,
    documentIds: JSON.parse(r.document_ids) as string[], members, reasons: JSON.parse(r.reasons) as MergeReason[],
  };
}

/** A list row with its aliases. */
export function toEntityListItem(r: EntityListRow, aliases: string[]): EntityListItem {
  return {
    id: r.id, collection: r.collection, type: r.type, name: r.name, aliases, mentionCount: r.mention_count,
    documentCount: Number(r.document_count),
  };
}

/** Groups (id, value) rows, ordered by id, into lists per id. */
export function listsById(rows: Iterable<{ id: string; v: string }>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { id, v } of rows) {
    const list = map.get(id);
    if (list) list.push(v);
    else map.set(id, [v]);
  }
  return map;
}
