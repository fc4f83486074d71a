/**
 * An entity's head and members by page in SQLite: counts and keys by index; the merge reasons are cut out of their JSON
 * column as texts without parsing it, and only those kept are parsed (see flatObjectTexts and membersWithReasons).
 */
import type Database from 'better-sqlite3';
import type { EntityMember, EntityMembersPage } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { flatObjectTexts, membersWithReasons, toEntityHead, type EntityHead, type EntityHeadRow } from '../shared/entity-members.js';

/** One resolved entity with its first `limit` members and their reasons, or null when absent or outside the scope. */
export function readEntityHead(db: Database.Database, id: string, scope: Scope, limit: number): EntityHead | null {
  const s = scopeClause(scope);
  const row = db.prepare(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids,
    (SELECT count(*) FROM entity_members m WHERE m.entity_id = d.id) AS member_count
    FROM entities d WHERE d.id = ? AND ${s.sql}`).get(id, ...s.params) as Omit<EntityHeadRow, 'reason_count'> | undefined;
  if (!row) return null;
  const aliases = db.prepare('SELECT name FROM aliases WHERE entity_id = ? ORDER BY name').pluck().all(id) as string[];
  const page = memberPage(db, id, 0, limit);
  return toEntityHead({ ...row, reason_count: page.reasonCount }, aliases, page.items);
}

/** Members `offset` to `offset + limit` of a resolved entity, by key, and how many it has; null when absent or outside the scope. */
export function readEntityMembers(db: Database.Database, id: string, scope: Scope, offset: number, limit: number): EntityMembersPage | null {
  const s = scopeClause(scope);
  const total = db.prepare(`SELECT (SELECT count(*) FROM entity_members m WHERE m.entity_id = d.id) FROM entities d WHERE d.id = ? AND ${s.sql}`)
    .pluck().get(id, ...s.params) as number | undefined;
  if (total === undefined) return null;
  return { items: memberPage(db, id, offset, limit).items, total };
}

/** A page of members with the reasons naming them, and how many reasons the entity has. */
function memberPage(db: Database.Database, id: string, offset: number, limit: number): { items: EntityMember[]; reasonCount: number } {
  const keys = db.prepare('SELECT candidate_key FROM entity_members WHERE entity_id = ? ORDER BY candidate_key LIMIT ? OFFSET ?')
    .pluck().all(id, limit, offset) as string[];
  // The column read as one string and cut into its elements' texts (flatObjectTexts): at 100,000 documents a hub's
  // 29,242 reasons took SQLite's json_each about 3x as long. Text of another shape is parsed whole.
  const json = (db.prepare('SELECT reasons FROM entities WHERE id = ?').pluck().get(id) as string | undefined) ?? '[]';
  const all = flatObjectTexts(json) ?? (JSON.parse(json) as unknown[]).map((r) => JSON.stringify(r));
  return { items: keys.length === 0 ? [] : membersWithReasons(keys, all), reasonCount: all.length };
}
