/**
 * Document locations (table document_locations, migration 20): every place a document's content was found. The
 * document row keeps the first place (its path and parent_id); each place, the first included, is a location row, so
 * identical members and copies at other paths are listed where they were found while the content is stored, indexed
 * and processed once. Both engines share what does not depend on SQL here.
 */
import type { DocumentChild, DocumentLocation } from '../../model/index.js';
import type { NewDocument } from '../store.js';
import { toSummary, type DocumentRow } from './rows.js';

/** A location to record: the document, the container it was found in (null: a root file) and its path there. */
export interface NewLocation {
  collection: string;
  documentId: string;
  parentId: string | null;
  path: string;
  name: string | null;
}

/**
 * What a container calls a member, from the two paths: the part after the container's path and its separator
 * ("a.zip!/dir/x.pdf" in "a.zip": "dir/x.pdf"; "book.xlsx#Staff": "Staff"), or null when the paths do not nest.
 * The SQL of migration 20 computes the same for the rows it backfills.
 */
export function memberName(parentPath: string, path: string): string | null {
  if (!path.startsWith(parentPath)) return null;
  const rest = path.slice(parentPath.length);
  if (rest.startsWith('!/')) return rest.slice(2);
  if (rest.startsWith('#')) return rest.slice(1);
  return null;
}

/** The location of one item of a putDocuments batch (its parent as resolved in the batch). */
export function itemLocation(batch: readonly NewDocument[], index: number, id: string, parentId: string | null): NewLocation {
  const item = batch[index]!;
  const parent = item.parentIndex !== undefined && item.parentIndex >= 0 ? batch[item.parentIndex] : undefined;
  return {
    collection: item.collection, documentId: id, parentId, path: item.doc.path,
    name: parent ? memberName(parent.doc.path, item.doc.path) : null,
  };
}

/** A location row as both engines select it (LOCATION_COLUMNS). */
export interface LocationRow {
  parent_id: string | null;
  parent_title: string | null;
  path: string;
  name: string | null;
  first_seen: string;
  doc_path: string;
  doc_parent: string | null;
}

/** Columns of a location `l` of a document `d`, with the title of its container `p` (LEFT JOIN). */
export const LOCATION_COLUMNS = `l.parent_id, p.title AS parent_title, l.path, l.name, l.first_seen, d.path AS doc_path,
  d.parent_id AS doc_parent`;

/** Rows in order: the document's own place first (its path and parent), then by when they were found, then path. */
export function toLocations(rows: readonly LocationRow[]): DocumentLocation[] {
  const own = (r: LocationRow): number => (r.path === r.doc_path && r.parent_id === r.doc_parent ? 0 : 1);
  return [...rows]
    .sort((a, b) => own(a) - own(b) || cmp(a.first_seen, b.first_seen) || cmp(a.path, b.path) || cmp(a.parent_id ?? '', b.parent_id ?? ''))
    .map((r) => ({ parentId: r.parent_id, parentTitle: r.parent_title, path: r.path, name: r.name, firstSeen: r.first_seen }));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Location rows of several documents (selected with `l.document_id`), grouped by document, each list as toLocations orders it. */
export function groupLocations(rows: readonly (LocationRow & { document_id: string })[]): Map<string, DocumentLocation[]> {
  const by = new Map<string, LocationRow[]>();
  for (const r of rows) {
    const list = by.get(r.document_id);
    if (list) list.push(r);
    else by.set(r.document_id, [r]);
  }
  return new Map([...by].map(([id, list]) => [id, toLocations(list)]));
}

/** A child row: the document's summary columns with the location's path, parent and name. */
export type ChildRow = DocumentRow & { location_path: string; location_parent: string; location_name: string | null };

/** Columns a child row adds to SUMMARY_COLUMNS (location `l`). */
export const CHILD_COLUMNS = 'l.path AS location_path, l.parent_id AS location_parent, l.name AS location_name';

/** A child row as listed under its container: the location's path and parent stand for the document's own. */
export function toChild(r: ChildRow): DocumentChild {
  return { ...toSummary(r), path: r.location_path, parentId: r.location_parent, name: r.location_name };
}
