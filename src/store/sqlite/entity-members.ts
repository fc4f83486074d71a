/**
 * An entity's head and members by page in SQLite: counts, keys and the reasons naming a page of keys are computed in SQL,
 * so a hub's 1.3 MB of merge reasons is never turned into JavaScript strings (that alone cost 8 ms on the kept 20k store).
 */
import type Database from 'better-sqlite3';
import type { EntityMember, EntityMembersPage, MergeReason } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { IN_JSON } from './entity-reads.js';
import { membersWithReasons, toEntityHead, type EntityHead, type EntityHeadRow } from '../shared/entity-members.js';

/** One resolved entity with its first `limit` members and their reasons, or null when absent or outside the scope. */
export function readEntityHead(db: Database.Database, id: string, scope: Scope, limit: number): EntityHead | null {
  const s = scopeClause(scope);
  const row = db.prepare(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids,
    json_array_length(d.reasons) AS reason_count, (SELECT count(*) FROM entity_members m WHERE m.entity_id = d.id) AS member_count
    FROM entities d WHERE d.id = ? AND ${s.sql}`).get(id, ...s.params) as EntityHeadRow | undefined;
  if (!row) return null;
  const aliases = db.prepare('SELECT name FROM aliases WHERE entity_id = ? ORDER BY name').pluck().all(id) as string[];
  return toEntityHead(row, aliases, memberPage(db, id, 0, limit));
}

/** Members `offset` to `offset + limit` of a resolved entity, by key, and how many it has; null when absent or outside the scope. */
export function readEntityMembers(db: Database.Database, id: string, scope: Scope, offset: number, limit: number): EntityMembersPage | null {
  const s = scopeClause(scope);
  const total = db.prepare(`SELECT (SELECT count(*) FROM entity_members m WHERE m.entity_id = d.id) FROM entities d WHERE d.id = ? AND ${s.sql}`)
    .pluck().get(id, ...s.params) as number | undefined;
  if (total === undefined) return null;
  return { items: memberPage(db, id, offset, limit), total };
}

function memberPage(db: Database.Database, id: string, offset: number, limit: number): EntityMember[] {
  const keys = db.prepare('SELECT candidate_key FROM entity_members WHERE entity_id = ? ORDER BY candidate_key LIMIT ? OFFSET ?')
    .pluck().all(id, limit, offset) as string[];
  if (keys.length === 0) return [];
  const page = JSON.stringify(keys);
  // Only the reasons naming a key of the page leave SQLite (json_each keeps the stored order in its key column).
  const reasons = db.prepare(`SELECT j.value FROM entities d, json_each(d.reasons) j WHERE d.id = ?
    AND (j.value ->> '$.a' ${IN_JSON} OR j.value ->> '$.b' ${IN_JSON}) ORDER BY j.key`).pluck().all(id, page, page) as string[];
  return membersWithReasons(keys, reasons.map((r) => JSON.parse(r) as MergeReason));
}
