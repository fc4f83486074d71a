/** SQLite reads and writes of document_locations (src/store/shared/locations.ts says what a location is). */
import type Database from 'better-sqlite3';
import type { DocumentChild, DocumentLocation } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import { groupLocations, toLocations, toChild, LOCATION_COLUMNS, CHILD_COLUMNS, type LocationRow, type ChildRow, type NewLocation } from '../shared/locations.js';

/** Records a location; a place already recorded (unique on document, parent or '', path) keeps its first_seen. True when new. */
export function locationWriter(db: Database.Database): (l: NewLocation, at: string) => boolean {
  const insert = db.prepare(`INSERT OR IGNORE INTO document_locations (collection, document_id, parent_id, path, name, first_seen)
    VALUES (?, ?, ?, ?, ?, ?)`);
  return (l, at) => insert.run(l.collection, l.documentId, l.parentId, l.path, l.name, at).changes > 0;
}

/** Every place a document in scope was found, its own first. */
export function readLocations(db: Database.Database, documentId: string, scope: Scope): DocumentLocation[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT ${LOCATION_COLUMNS} FROM document_locations l JOIN documents d ON d.id = l.document_id
    LEFT JOIN documents p ON p.id = l.parent_id WHERE l.document_id = ? AND ${s.sql}`).all(documentId, ...s.params) as LocationRow[];
  return toLocations(rows);
}

/** Every place each of some documents in scope was found (documents out of scope or unknown are absent). */
export function readLocationsOf(db: Database.Database, documentIds: readonly string[], scope: Scope): Map<string, DocumentLocation[]> {
  if (documentIds.length === 0) return new Map();
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT l.document_id, ${LOCATION_COLUMNS} FROM document_locations l JOIN documents d ON d.id = l.document_id
    LEFT JOIN documents p ON p.id = l.parent_id WHERE l.document_id IN (SELECT value FROM json_each(?)) AND ${s.sql}`)
    .all(JSON.stringify(documentIds), ...s.params) as (LocationRow & { document_id: string })[];
  return groupLocations(rows);
}

/** The documents found under a container, one per location, by the location's path. */
export function readChildren(db: Database.Database, parentId: string, scope: Scope): DocumentChild[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS}, ${CHILD_COLUMNS} FROM document_locations l
    JOIN documents d ON d.id = l.document_id WHERE l.parent_id = ? AND ${s.sql} ORDER BY l.path, l.document_id`)
    .all(parentId, ...s.params) as ChildRow[];
  return rows.map(toChild);
}

/** Every place (in any collection) the content of this SHA-256 was found, for `verify`'s report. */
export function pathsOfContent(db: Database.Database): (sha256: string) => string[] {
  const select = db.prepare(`SELECT DISTINCT l.path FROM documents d JOIN document_locations l ON l.document_id = d.id
    WHERE d.sha256 = ? ORDER BY l.path`);
  return (sha256) => (select.all(sha256) as { path: string }[]).map((r) => r.path);
}
