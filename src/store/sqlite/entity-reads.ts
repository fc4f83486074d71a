/** Entity and document reads by id in SQLite: one statement per list, ids passed as one JSON array (never one variable each). */
import type Database from 'better-sqlite3';
import type { DocumentSummary, EntityListItem } from '../../model/index.js';
import type { EntityDocumentRank, Scope } from '../store.js';
import { scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import { toEntityListItem, listsById, type EntityBrief, type EntityListRow } from '../shared/entity-rows.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';

/** `IN (...)` over a JSON array bound as one parameter: the statement does not grow with the list. */
export const IN_JSON = 'IN (SELECT value FROM json_each(?))';

/** The aliases and member keys of some entities, by entity id (sorted), two statements for them all. */
export function entityLists(db: Database.Database, entityIds: readonly string[]): { aliases: Map<string, string[]>; members: Map<string, string[]> } {
  const ids = JSON.stringify(entityIds);
  const aliases = listsById(db.prepare(`SELECT entity_id AS id, name AS v FROM aliases WHERE entity_id ${IN_JSON} ORDER BY entity_id, name`)
    .iterate(ids) as Iterable<{ id: string; v: string }>);
  const members = listsById(db.prepare(`SELECT entity_id AS id, candidate_key AS v FROM entity_members WHERE entity_id ${IN_JSON}
    ORDER BY entity_id, candidate_key`).iterate(ids) as Iterable<{ id: string; v: string }>);
  return { aliases, members };
}

/** List rows with their aliases and members, two statements for the whole page. */
export function withEntityLists(db: Database.Database, rows: EntityListRow[]): EntityListItem[] {
  if (rows.length === 0) return [];
  const { aliases, members } = entityLists(db, rows.map((r) => r.id));
  return rows.map((r) => toEntityListItem(r, aliases.get(r.id) ?? [], members.get(r.id) ?? []));
}

/** Resolved entities by id (in the scope), as briefs. */
export function readEntityBriefs(db: Database.Database, ids: readonly string[], scope: Scope): EntityBrief[] {
  if (ids.length === 0) return [];
  const s = scopeClause(scope);
  return db.prepare(`SELECT d.id, d.collection, d.type, d.name, d.mention_count AS mentionCount FROM entities d
    WHERE d.id ${IN_JSON} AND ${s.sql}`).all(JSON.stringify([...new Set(ids)]), ...s.params) as EntityBrief[];
}

/** Document summaries by id (in the scope), in the order given. */
export function readSummaries(db: Database.Database, ids: readonly string[], scope: Scope): DocumentSummary[] {
  if (ids.length === 0) return [];
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d INDEXED BY documents_summary WHERE d.id ${IN_JSON} AND ${s.sql}`)
    .all(JSON.stringify([...new Set(ids)]), ...s.params) as DocumentRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((d): d is DocumentSummary => d !== undefined);
}

/**
 * The documents naming a resolved entity through its member keys ("<documentId>#TYPE:norm"), with how many mentions each,
 * most mentions first, then the newest (undated last), then by id; none when the entity has no members in the scope.
 * Reads one range of the entity's member index, each key with its mention count (kept by triggers, migration 21), then the
 * documents by id: a hub's members, never the collection.
 */
export function readEntityDocumentRanks(db: Database.Database, id: string, scope: Scope): EntityDocumentRank[] {
  const s = scopeClause(scope);
  return db.prepare(`SELECT c.doc AS id, c.n AS mentions FROM (
      SELECT substr(m.candidate_key, 1, instr(m.candidate_key, '#') - 1) AS doc, sum(m.mentions) AS n
      FROM entity_members m INDEXED BY entity_members_rank WHERE m.entity_id = ? GROUP BY doc) c
    JOIN documents d ON d.id = c.doc WHERE ${s.sql}
    ORDER BY c.n DESC, d.published DESC NULLS LAST, d.id`).all(id, ...s.params) as EntityDocumentRank[];
}
