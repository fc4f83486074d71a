/** Entity and document reads by id in SQLite: one statement per list, ids passed as one JSON array (never one variable each). */
import type Database from 'better-sqlite3';
import type { DocumentSummary, EntityListItem } from '../../model/index.js';
import type { EntityDocumentRank, Page, Scope } from '../store.js';
import { scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import { toEntityListItem, listsById, type EntityBrief, type EntityListRow } from '../shared/entity-rows.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';

/** `IN (...)` over a JSON array bound as one parameter: the statement does not grow with the list. */
export const IN_JSON = 'IN (SELECT value FROM json_each(?))';

/** The aliases of some entities, by entity id (sorted), one statement for them all. */
function entityAliases(db: Database.Database, entityIds: readonly string[]): Map<string, string[]> {
  return listsById(db.prepare(`SELECT entity_id AS id, name AS v FROM aliases WHERE entity_id ${IN_JSON} ORDER BY entity_id, name`)
    .iterate(JSON.stringify(entityIds)) as Iterable<{ id: string; v: string }>);
}

/** The aliases and member keys of some entities, by entity id (sorted), two statements for them all. */
export function entityLists(db: Database.Database, entityIds: readonly string[]): { aliases: Map<string, string[]>; members: Map<string, string[]> } {
  const ids = JSON.stringify(entityIds);
  const aliases = entityAliases(db, entityIds);
  const members = listsById(db.prepare(`SELECT entity_id AS id, candidate_key AS v FROM entity_members WHERE entity_id ${IN_JSON}
    ORDER BY entity_id, candidate_key`).iterate(ids) as Iterable<{ id: string; v: string }>);
  return { aliases, members };
}

/** List rows with their aliases, one statement for the whole page (members are read per entity, paged). */
export function withEntityLists(db: Database.Database, rows: EntityListRow[]): EntityListItem[] {
  if (rows.length === 0) return [];
  const aliases = entityAliases(db, rows.map((r) => r.id));
  return rows.map((r) => toEntityListItem(r, aliases.get(r.id) ?? []));
}

/** The id of the resolved entity that holds a candidate key in one of these collections, or null: one primary-key probe per collection. */
export function readEntityOfMember(db: Database.Database, key: string, collections: readonly string[]): string | null {
  if (collections.length === 0) return null;
  const row = db.prepare(`SELECT m.entity_id AS id FROM entity_members m WHERE m.collection ${IN_JSON} AND m.candidate_key = ?
    ORDER BY m.collection LIMIT 1`).get(JSON.stringify(collections), key) as { id: string } | undefined;
  return row?.id ?? null;
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
 * Documents `offset` to `offset + limit` of a resolved entity, ranked by the mentions of its member keys
 * ("<documentId>#TYPE:norm"; a key without "#" names no document), then the newest (undated last), then by id; and how
 * many there are. One range of the member index gives every document's count (kept by triggers, migration 21); only the
 * documents whose count can reach the page (at least that of the page's last place) are joined for their dates, through
 * the summary index, so a hub named in 5,000 documents reads a few dozen document rows, not 5,000. Member rows are in the
 * entity's collection, so the scope is theirs.
 */
export function readEntityDocumentRanks(db: Database.Database, id: string, scope: Scope, offset: number, limit: number): Page<EntityDocumentRank> {
  const s = scopeClause(scope, undefined, 'm.collection');
  const counts = `SELECT substr(m.candidate_key, 1, instr(m.candidate_key, '#') - 1) AS doc, sum(m.mentions) AS n
    FROM entity_members m INDEXED BY entity_members_rank WHERE m.entity_id = ? AND ${s.sql} GROUP BY doc HAVING doc <> ''`;
  // The page and the count from one pass over the member index (a hub's range is tens of thousands of rows); the count
  // alone only when the page is empty.
  const rows = limit <= 0 ? [] : db.prepare(`WITH c AS MATERIALIZED (${counts})
    SELECT c.doc AS id, c.n AS mentions, (SELECT count(*) FROM c) AS total FROM c JOIN documents d INDEXED BY documents_summary ON d.id = c.doc
    WHERE c.n >= coalesce((SELECT n FROM c ORDER BY n DESC LIMIT 1 OFFSET ?), 0)
    ORDER BY c.n DESC, d.published DESC NULLS LAST, d.id LIMIT ? OFFSET ?`)
    .all(id, ...s.params, offset + limit - 1, limit, offset) as (EntityDocumentRank & { total: number })[];
  if (rows.length > 0) return { items: rows.map(({ id: doc, mentions }) => ({ id: doc, mentions })), total: rows[0]!.total };
  return { items: [], total: (db.prepare(`SELECT count(*) AS n FROM (${counts})`).get(id, ...s.params) as { n: number }).n };
}
