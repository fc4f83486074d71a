/**
 * An entity's head and members by page in PostgreSQL: counts, keys and the reasons naming a page of keys are computed in
 * SQL. JSON functions refuse the \u0000 escape (a NUL in a reason's evidence): it is read as \uFFFF0, which JSON.stringify
 * never writes (it writes U+FFFF as itself), and turned back before parsing.
 */
import type { EntityMember, EntityMembersPage } from '../../model/index.js';
import type { Scope } from '../store.js';
import { type Db, Params, scopeSql } from './sql.js';
import { membersWithReasons, toEntityHead, type EntityHead, type EntityHeadRow } from '../shared/entity-members.js';

// The entity's reasons as json with NUL escapes renamed (see above).
const REASONS = String.raw`replace(d.reasons, '\u0000', '\uFFFF0')::json`;
const restoreNul = (json: string): string => json.replaceAll(String.raw`\uFFFF0`, String.raw`\u0000`);

/** One resolved entity with its first `limit` members and their reasons, or null when absent or outside the scope. */
export async function readEntityHead(db: Db, id: string, scope: Scope, limit: number): Promise<EntityHead | null> {
  const p = new Params();
  const row = (await db.query<EntityHeadRow>(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids,
    json_array_length(${REASONS}) AS reason_count, (SELECT count(*)::int FROM entity_members m WHERE m.entity_id = d.id) AS member_count
    FROM entities d WHERE d.id = ${p.add(id)} AND ${scopeSql(p, scope)}`, p.values)).rows[0];
  if (!row) return null;
  const aliases = (await db.query<{ name: string }>('SELECT name FROM aliases WHERE entity_id = $1 ORDER BY name', [id])).rows.map((a) => a.name);
  return toEntityHead(row, aliases, await memberPage(db, id, 0, limit));
}

/** Members `offset` to `offset + limit` of a resolved entity, by key, and how many it has; null when absent or outside the scope. */
export async function readEntityMembers(db: Db, id: string, scope: Scope, offset: number, limit: number): Promise<EntityMembersPage | null> {
  const p = new Params();
  const row = (await db.query<{ n: number }>(`SELECT (SELECT count(*)::int FROM entity_members m WHERE m.entity_id = d.id) AS n
    FROM entities d WHERE d.id = ${p.add(id)} AND ${scopeSql(p, scope)}`, p.values)).rows[0];
  if (!row) return null;
  return { items: await memberPage(db, id, offset, limit), total: row.n };
}

async function memberPage(db: Db, id: string, offset: number, limit: number): Promise<EntityMember[]> {
  const keys = (await db.query<{ k: string }>('SELECT candidate_key AS k FROM entity_members WHERE entity_id = $1 ORDER BY candidate_key LIMIT $2 OFFSET $3',
    [id, limit, offset])).rows.map((r) => r.k);
  if (keys.length === 0) return [];
  // Only the reasons naming a key of the page leave PostgreSQL, in stored order.
  const reasons = await db.query<{ r: string }>(`SELECT j.r::text AS r FROM entities d, json_array_elements(${REASONS}) WITH ORDINALITY AS j(r, n)
    WHERE d.id = $1 AND (j.r ->> 'a' = ANY($2::text[]) OR j.r ->> 'b' = ANY($2::text[])) ORDER BY j.n`, [id, keys]);
  return membersWithReasons(keys, reasons.rows.map((x) => restoreNul(x.r)));
}
