/** Keyset pages for exports in SQLite: documents, entities, relation rows, events and claims after an id, by id. */
import type Database from 'better-sqlite3';
import type { DocumentSummary, Entity, Relation, Event, Claim } from '../../model/index.js';
import type { RelationMergeKey, Scope } from '../store.js';
import { scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import { entityLists, IN_JSON } from './entity-reads.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';
import { withLists, type EntityRow } from './entities.js';
import { evidenceOf } from './relations-read.js';
import { readEvents, readClaims } from './events-claims-read.js';
import { mergeRelations, type RelationRow } from '../shared/merge-relations.js';
import { endCols, endsJoin } from '../shared/relation-ends-sql.js';
import { byId, mergedIdOf, type MergeKeyRow } from '../shared/export-pages.js';

/** Document summaries after `after`, by id. */
export function documentsAfter(db: Database.Database, scope: Scope, after: string | null, limit: number): DocumentSummary[] {
  const s = scopeClause(scope);
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id > ? AND ${s.sql} ORDER BY d.id LIMIT ?`)
    .all(after ?? '', ...s.params, limit) as DocumentRow[]).map(toSummary);
}

/** Resolved entities whose id is after `after`, by id, with aliases and members (as listEntities has them). */
export function resolvedEntities(db: Database.Database, scope: Scope, after: string | null, limit: number): Entity[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids, d.reasons FROM entities d
    WHERE d.id > ? AND ${s.sql} ORDER BY d.id LIMIT ?`).all(after ?? '', ...s.params, limit) as EntityRow[];
  if (rows.length === 0) return [];
  const { aliases, members } = entityLists(db, rows.map((r) => r.id));
  return rows.map((r) => withLists(r, aliases.get(r.id) ?? [], members.get(r.id) ?? []));
}

// The rows of listRelations ({ all: true }): each end through its own row of the candidate -> entity map.
const ALL = { all: true } as const;

/** Relation rows after `after` by row id, each with its merged relation's id. */
export function relationMergeKeys(db: Database.Database, scope: Scope, after: string | null, limit: number): RelationMergeKey[] {
  const s = scopeClause(scope);
  const [se, te] = endCols(ALL);
  const rows = db.prepare(`SELECT r.id, r.type, r.source, r.target, d.collection, ${se} AS source_entity, ${te} AS target_entity
    FROM relations r JOIN documents d INDEXED BY documents_group ON d.id = r.document_id ${endsJoin(ALL)}
    WHERE r.id > ? AND ${s.sql} ORDER BY r.id LIMIT ?`).all(after ?? '', ...s.params, limit) as MergeKeyRow[];
  return rows.map((r) => ({ row: r.id, merged: mergedIdOf(r) }));
}

/** The merged relations of some rows, ends and evidence read as listRelations reads them, by id. */
export function relationsOfRows(db: Database.Database, scope: Scope, rowIds: readonly string[]): Relation[] {
  if (rowIds.length === 0) return [];
  const s = scopeClause(scope);
  const [se, te] = endCols(ALL);
  const ids = JSON.stringify([...rowIds]);
  const rows = db.prepare(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version, r.review,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp, ${se} AS source_entity, ${te} AS target_entity
    FROM relations r JOIN documents d INDEXED BY documents_group ON d.id = r.document_id ${endsJoin(ALL)}
    WHERE r.id ${IN_JSON} AND ${s.sql} ORDER BY r.id`).all(ids, ...s.params) as RelationRow[];
  return mergeRelations(rows, evidenceOf(db, 'relation', rows.map((r) => r.id), scope)).sort(byId);
}

/** Events or claims after `after`, by id. */
export function factsAfter(db: Database.Database, kind: 'events', scope: Scope, after: string | null, limit: number): Event[];
export function factsAfter(db: Database.Database, kind: 'claims', scope: Scope, after: string | null, limit: number): Claim[];
export function factsAfter(db: Database.Database, kind: 'events' | 'claims', scope: Scope, after: string | null, limit: number): (Event | Claim)[] {
  const s = scopeClause(scope);
  const ids = (db.prepare(`SELECT f.id FROM ${kind} f JOIN documents d INDEXED BY documents_group ON d.id = f.document_id
    WHERE f.id > ? AND ${s.sql} ORDER BY f.id LIMIT ?`).all(after ?? '', ...s.params, limit) as { id: string }[]).map((r) => r.id);
  if (ids.length === 0) return [];
  const facts: (Event | Claim)[] = kind === 'events' ? readEvents(db, scope, { ids }) : readClaims(db, scope, { ids });
  return facts.sort(byId);
}
