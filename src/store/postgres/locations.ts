/** PostgreSQL reads and writes of document_locations (src/store/shared/locations.ts says what a location is). */
import type { DocumentChild, DocumentLocation } from '../../model/index.js';
import type { Scope } from '../store.js';
import { type Db, Params, scopeSql, SUMMARY_COLUMNS } from './sql.js';
import { groupLocations, toLocations, toChild, LOCATION_COLUMNS, CHILD_COLUMNS, type LocationRow, type ChildRow, type NewLocation } from '../shared/locations.js';

/** Records a location; a place already recorded (unique on document, parent or '', path) keeps its first_seen. True when new. */
export async function writeLocation(db: Db, l: NewLocation, at: string): Promise<boolean> {
  const r = await db.query(`INSERT INTO document_locations (collection, document_id, parent_id, path, name, first_seen)
    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [l.collection, l.documentId, l.parentId, l.path, l.name, at]);
  return (r.rowCount ?? 0) > 0;
}

/** Every place a document in scope was found, its own first. */
export async function readLocations(db: Db, documentId: string, scope: Scope): Promise<DocumentLocation[]> {
  const p = new Params();
  const r = await db.query<LocationRow>(`SELECT ${LOCATION_COLUMNS} FROM document_locations l JOIN documents d ON d.id = l.document_id
    LEFT JOIN documents p ON p.id = l.parent_id WHERE l.document_id = ${p.add(documentId)} AND ${scopeSql(p, scope)}`, p.values);
  return toLocations(r.rows);
}

/** Every place each of some documents in scope was found (documents out of scope or unknown are absent). */
export async function readLocationsOf(db: Db, documentIds: readonly string[], scope: Scope): Promise<Map<string, DocumentLocation[]>> {
  if (documentIds.length === 0) return new Map();
  const p = new Params();
  const r = await db.query<LocationRow & { document_id: string }>(`SELECT l.document_id, ${LOCATION_COLUMNS} FROM document_locations l
    JOIN documents d ON d.id = l.document_id LEFT JOIN documents p ON p.id = l.parent_id
    WHERE l.document_id = ANY(${p.add([...documentIds])}) AND ${scopeSql(p, scope)}`, p.values);
  return groupLocations(r.rows);
}

/** The documents found under a container, one per location, by the location's path. */
export async function readChildren(db: Db, parentId: string, scope: Scope): Promise<DocumentChild[]> {
  const p = new Params();
  const r = await db.query<ChildRow>(`SELECT ${SUMMARY_COLUMNS}, ${CHILD_COLUMNS} FROM document_locations l
    JOIN documents d ON d.id = l.document_id WHERE l.parent_id = ${p.add(parentId)} AND ${scopeSql(p, scope)}
    ORDER BY l.path, l.document_id`, p.values);
  return r.rows.map(toChild);
}

/** Every place (in any collection) the content of each SHA-256 was found, for `verify`'s report: sha256 -> paths in order. */
export async function pathsOfContent(db: Db, sha256s: readonly string[]): Promise<Map<string, string[]>> {
  if (sha256s.length === 0) return new Map();
  const r = await db.query<{ sha256: string; path: string }>(`SELECT DISTINCT d.sha256, l.path FROM documents d
    JOIN document_locations l ON l.document_id = d.id WHERE d.sha256 = ANY($1::text[]) ORDER BY d.sha256, l.path`, [[...sha256s]]);
  const out = new Map<string, string[]>();
  for (const row of r.rows) {
    const list = out.get(row.sha256);
    if (list) list.push(row.path);
    else out.set(row.sha256, [row.path]);
  }
  return out;
}
