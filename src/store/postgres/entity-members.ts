/**
 * An entity's head and members by page in PostgreSQL: counts and keys by index; the merge reasons are read as the
 * column's text and cut into their elements without parsing it, and only those kept are parsed (see the SQLite twin:
 * json_array_elements over a hub's reasons took most of its page).
 */
import type { EntityMember, EntityMembersPage } from '../../model/index.js';
import type { Scope } from '../store.js';
import { type Db, Params, scopeSql } from './sql.js';
import { flatObjectTexts, membersWithReasons, toEntityHead, type EntityHead, type EntityHeadRow } from '../shared/entity-members.js';

/** One resolved entity with its first `limit` members and their reasons, or null when absent or outside the scope. */
export async function readEntityHead(db: Db, id: string, scope: Scope, limit: number): Promise<EntityHead | null> {
  const p = new Params();
  const row = (await db.query<Omit<EntityHeadRow, 'reason_count'>>(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids,
    (SELECT count(*)::int FROM entity_members m WHERE m.entity_id = d.id) AS member_count
    FROM entities d WHERE d.id = ${p.add(id)} AND ${scopeSql(p, scope)}`, p.values)).rows[0];
  if (!row) return null;
  const aliases = (await db.query<{ name: string }>('SELECT name FROM aliases WHERE entity_id = $1 ORDER BY name', [id])).rows.map((a) => a.name);
  const page = await memberPage(db, id, 0, limit);
  return toEntityHead({ ...row, reason_count: page.reasonCount }, aliases, page.items);
}

/** Members `offset` to `offset + limit` of a resolved entity, by key, and how many it has; null when absent or outside the scope. */
export async function readEntityMembers(db: Db, id: string, scope: Scope, offset: number, limit: number): Promise<EntityMembersPage | null> {
  const p = new Params();
  const row = (await db.query<{ n: number }>(`SELECT (SELECT count(*)::int FROM entity_members m WHERE m.entity_id = d.id) AS n
    FROM entities d WHERE d.id = ${p.add(id)} AND ${scopeSql(p, scope)}`, p.values)).rows[0];
  if (!row) return null;
  return { items: (await memberPage(db, id, offset, limit)).items, total: row.n };
}

/** A page of members with the reasons naming them, and how many reasons the entity has (see the SQLite twin). */
async function memberPage(db: Db, id: string, offset: number, limit: number): Promise<{ items: EntityMember[]; reasonCount: number }> {
  const keys = (await db.query<{ k: string }>('SELECT candidate_key AS k FROM entity_members WHERE entity_id = $1 ORDER BY candidate_key LIMIT $2 OFFSET $3',
    [id, limit, offset])).rows.map((r) => r.k);
  const json = (await db.query<{ reasons: string }>('SELECT reasons FROM entities WHERE id = $1', [id])).rows[0]?.reasons ?? '[]';
  const all = flatObjectTexts(json) ?? (JSON.parse(json) as unknown[]).map((r) => JSON.stringify(r));
  return { items: keys.length === 0 ? [] : membersWithReasons(keys, all), reasonCount: all.length };
}
