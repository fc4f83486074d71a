/** Keyset pages for exports in PostgreSQL (see the SQLite twin): ids are "C"-collated, so `>` and ORDER BY follow the index. */
import type { DocumentSummary, Entity, Relation, Event, Claim } from '../../model/index.js';
import type { RelationMergeKey, Scope } from '../store.js';
import { type Db, Params, scopeSql, SUMMARY_COLUMNS } from './sql.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';
import { toRecords, type EntityRow } from './entities.js';
import { evidenceOf } from './relations-read.js';
import { readEvents, readClaims } from './events-claims-read.js';
import { mergeRelations, type RelationRow } from '../shared/merge-relations.js';
import { endCols, endsJoin } from '../shared/relation-ends-sql.js';
import { byId, mergedIdOf, type MergeKeyRow } from '../shared/export-pages.js';

/** Document summaries after `after`, by id. */
export async function documentsAfter(db: Db, scope: Scope, after: string | null, limit: number): Promise<DocumentSummary[]> {
  const p = new Params();
  const rows = await db.query<DocumentRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id > ${p.add(after ?? '')} AND ${scopeSql(p, scope)}
    ORDER BY d.id LIMIT ${p.add(limit)}`, p.values);
  return rows.rows.map(toSummary);
}

/** Resolved entities after `after`, by id, with aliases and members (as listEntities has them). */
export async function resolvedEntities(db: Db, scope: Scope, after: string | null, limit: number): Promise<Entity[]> {
  const p = new Params();
  const rows = await db.query<EntityRow>(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids, d.reasons FROM entities d
    WHERE d.id > ${p.add(after ?? '')} AND ${scopeSql(p, scope)} ORDER BY d.id LIMIT ${p.add(limit)}`, p.values);
  return rows.rows.length === 0 ? [] : toRecords(db, rows.rows);
}

// The rows of listRelations ({ all: true }): each end through its own row of the candidate -> entity map.
const ALL = { all: true } as const;

/** Relation rows after `after` by row id, each with its merged relation's id. */
export async function relationMergeKeys(db: Db, scope: Scope, after: string | null, limit: number): Promise<RelationMergeKey[]> {
  const p = new Params();
  const [se, te] = endCols(ALL);
  const rows = await db.query<MergeKeyRow>(`SELECT r.id, r.type, r.source, r.target, d.collection, ${se} AS source_entity, ${te} AS target_entity
    FROM relations r JOIN documents d ON d.id = r.document_id ${endsJoin(ALL)}
    WHERE r.id > ${p.add(after ?? '')} AND ${scopeSql(p, scope)} ORDER BY r.id LIMIT ${p.add(limit)}`, p.values);
  return rows.rows.map((r) => ({ row: r.id, merged: mergedIdOf(r) }));
}

/** The merged relations of some rows, ends and evidence read as listRelations reads them, by id. */
export async function relationsOfRows(db: Db, scope: Scope, rowIds: readonly string[]): Promise<Relation[]> {
  if (rowIds.length === 0) return [];
  const p = new Params();
  const [se, te] = endCols(ALL);
  const rows = (await db.query<RelationRow>(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version, r.review,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp, ${se} AS source_entity, ${te} AS target_entity
    FROM relations r JOIN documents d ON d.id = r.document_id ${endsJoin(ALL)}
    WHERE r.id = ANY(${p.add([...rowIds])}::text[]) AND ${scopeSql(p, scope)} ORDER BY r.id`, p.values)).rows;
  if (rows.length === 0) return [];
  return mergeRelations(rows, await evidenceOf(db, 'relation', rows.map((r) => r.id), scope)).sort(byId);
}

/** Events or claims after `after`, by id. */
export async function factsAfter(db: Db, kind: 'events', scope: Scope, after: string | null, limit: number): Promise<Event[]>;
export async function factsAfter(db: Db, kind: 'claims', scope: Scope, after: string | null, limit: number): Promise<Claim[]>;
export async function factsAfter(db: Db, kind: 'events' | 'claims', scope: Scope, after: string | null, limit: number): Promise<(Event | Claim)[]> {
  const p = new Params();
  const ids = (await db.query<{ id: string }>(`SELECT f.id FROM ${kind} f JOIN documents d ON d.id = f.document_id
    WHERE f.id > ${p.add(after ?? '')} AND ${scopeSql(p, scope)} ORDER BY f.id LIMIT ${p.add(limit)}`, p.values)).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const facts: (Event | Claim)[] = kind === 'events' ? await readEvents(db, scope, { ids }) : await readClaims(db, scope, { ids });
  return facts.sort(byId);
}
