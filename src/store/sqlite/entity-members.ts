/**
 * An entity's head and members by page in SQLite: counts and keys by index; the merge reasons come out of their JSON
 * column one element at a time and only those naming a key of the page are parsed. Reading a hub's 1.3 MB of reasons as
 * one string cost 8.6 ms of CPU on the kept 20k store, json_array_length alone 1-10 ms, filtering in SQL with ->> 25 ms;
 * this read of every element with a parse of the matching ones 5-7 ms.
 */
import type Database from 'better-sqlite3';
import type { EntityMember, EntityMembersPage, MergeReason } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { membersWithReasons, toEntityHead, type EntityHead, type EntityHeadRow } from '../shared/entity-members.js';

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
  const all = db.prepare('SELECT j.value FROM entities d, json_each(d.reasons) j WHERE d.id = ? ORDER BY j.key').pluck().all(id) as string[];
  if (keys.length === 0) return { items: [], reasonCount: all.length };
  const page = new Set(keys);
  const naming: MergeReason[] = [];
  for (const text of all) {
    const r = JSON.parse(text) as MergeReason;
    if (page.has(r.a) || page.has(r.b)) naming.push(r);
  }
  return { items: membersWithReasons(keys, naming), reasonCount: all.length };
}
