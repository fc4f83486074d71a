/** Entity and document reads by id in PostgreSQL: ids bound as one array parameter, one statement per list. */
import type { DocumentSummary, EntityListItem } from '../../model/index.js';
import type { EntityDocumentRank, Page, Scope } from '../store.js';
import { type Db, Params, scopeSql, SUMMARY_COLUMNS } from './sql.js';
import { toEntityListItem, listsById, type EntityBrief, type EntityListRow } from '../shared/entity-rows.js';
import { toSummary, type DocumentRow } from '../shared/rows.js';

/** List rows with their aliases, one statement for the whole page (members are read per entity, paged). */
export async function withEntityLists(db: Db, rows: EntityListRow[]): Promise<EntityListItem[]> {
  if (rows.length === 0) return [];
  const aliases = listsById((await db.query<{ id: string; v: string }>(`SELECT entity_id AS id, name AS v FROM aliases
    WHERE entity_id = ANY($1::text[]) ORDER BY entity_id, name`, [rows.map((r) => r.id)])).rows);
  return rows.map((r) => toEntityListItem(r, aliases.get(r.id) ?? []));
}

/** The id of the resolved entity that holds a candidate key in one of these collections, or null (see the SQLite twin). */
export async function readEntityOfMember(db: Db, key: string, collections: readonly string[]): Promise<string | null> {
  if (collections.length === 0) return null;
  const rows = await db.query<{ id: string }>(`SELECT m.entity_id AS id FROM entity_members m
    WHERE m.collection = ANY($1::text[]) AND m.candidate_key = $2 ORDER BY m.collection LIMIT 1`, [collections, key]);
  return rows.rows[0]?.id ?? null;
}

/** Resolved entities by id (in the scope), as briefs. */
export async function readEntityBriefs(db: Db, ids: readonly string[], scope: Scope): Promise<EntityBrief[]> {
  if (ids.length === 0) return [];
  const p = new Params();
  return (await db.query<EntityBrief>(`SELECT d.id, d.collection, d.type, d.name, d.mention_count AS "mentionCount" FROM entities d
    WHERE d.id = ANY(${p.add([...new Set(ids)])}::text[]) AND ${scopeSql(p, scope)}`, p.values)).rows;
}

/** Document summaries by id (in the scope), in the order given. */
export async function readSummaries(db: Db, ids: readonly string[], scope: Scope): Promise<DocumentSummary[]> {
  if (ids.length === 0) return [];
  const p = new Params();
  const rows = await db.query<DocumentRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d
    WHERE d.id = ANY(${p.add([...new Set(ids)])}::text[]) AND ${scopeSql(p, scope)}`, p.values);
  const byId = new Map(rows.rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((d): d is DocumentSummary => d !== undefined);
}

/**
 * Documents `offset` to `offset + limit` of a resolved entity and how many there are (see the SQLite twin): every
 * document's count from the entity's range of the member index (kept by triggers, migration 21), dates joined only for
 * the documents whose count can reach the page.
 */
export async function readEntityDocumentRanks(db: Db, id: string, scope: Scope, offset: number, limit: number): Promise<Page<EntityDocumentRank>> {
  const p = new Params();
  const counts = `SELECT split_part(m.candidate_key, '#', 1) AS doc, sum(m.mentions)::int AS n FROM entity_members m
    WHERE m.entity_id = ${p.add(id)} AND strpos(m.candidate_key, '#') > 1 AND ${scopeSql(p, scope, undefined, 'm.collection')} GROUP BY 1`;
  const countValues = [...p.values];
  const countOnly = async (): Promise<Page<EntityDocumentRank>> =>
    ({ items: [], total: (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${counts}) c`, countValues)).rows[0]!.n });
  if (limit <= 0) return countOnly();
  // The page and the count from one pass over the member index; the count alone only when the page is empty (see the SQLite twin).
  const last = p.add(offset + limit - 1);
  const rows = (await db.query<EntityDocumentRank & { total: number }>(`WITH c AS MATERIALIZED (${counts})
    SELECT c.doc AS id, c.n AS mentions, (SELECT count(*)::int FROM c) AS total FROM c JOIN documents d ON d.id = c.doc
    WHERE c.n >= coalesce((SELECT n FROM c ORDER BY n DESC LIMIT 1 OFFSET ${last}), 0)
    ORDER BY c.n DESC, d.published DESC NULLS LAST, d.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values)).rows;
  if (rows.length === 0) return countOnly();
  return { items: rows.map(({ id: doc, mentions }) => ({ id: doc, mentions })), total: rows[0]!.total };
}
