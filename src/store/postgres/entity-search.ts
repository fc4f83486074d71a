/** Entity search in PostgreSQL: names indexed by normalised form, transliteration skeleton and word start (b-tree ranges). */
import type { EntityType } from '../../model/index.js';
import type { EntitySearch, Scope } from '../store.js';
import { type Db, Params, scopeSql } from './sql.js';
import { entityNameRows, nameQuery, NAME_KIND, PREFIX_END } from '../shared/name-keys.js';
import type { EntityListRow } from '../shared/entity-rows.js';

/** Computes the name index of the entities the triggers queued (call inside a transaction: the queue is taken and refilled atomically). */
export async function indexPendingNames(db: Db): Promise<number> {
  const taken = await db.query<{ id: string }>('DELETE FROM entity_names_pending RETURNING entity_id AS id');
  if (taken.rows.length === 0) return 0;
  const ids = taken.rows.map((r) => r.id);
  const rows = await db.query<{ id: string; type: EntityType; name: string; alias: string | null }>(`SELECT e.id, e.type, e.name, a.name AS alias
    FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id WHERE e.id = ANY($1::text[]) ORDER BY e.id`, [ids]);
  const kinds: number[] = [];
  const keys: string[] = [];
  const owners: string[] = [];
  for (let i = 0; i < rows.rows.length;) {
    const { id, type, name } = rows.rows[i]!;
    const names = [name];
    for (; i < rows.rows.length && rows.rows[i]!.id === id; i++) if (rows.rows[i]!.alias !== null) names.push(rows.rows[i]!.alias!);
    for (const r of entityNameRows(type, names)) { kinds.push(r.kind); keys.push(r.key); owners.push(id); }
  }
  await db.query('DELETE FROM entity_names WHERE entity_id = ANY($1::text[])', [ids]);
  await db.query(`INSERT INTO entity_names (kind, key, entity_id) SELECT * FROM unnest($1::int[], $2::text[], $3::text[])
    ON CONFLICT DO NOTHING`, [kinds, keys, owners]);
  return ids.length;
}

// No merge reasons and no document ids, only their number, counted for the page's rows (see the SQLite twin).
const ENTITY_COLUMNS = 'd.id, d.collection, d.type, d.name, d.mention_count';

/** A page of resolved entities matching `req` (all of them, most mentioned first, without a query) and the number matching. */
export async function searchEntityRows(db: Db, req: EntitySearch, scope: Scope): Promise<{ rows: (EntityListRow & { score: number })[]; total: number }> {
  const p = new Params();
  let hits = '';
  if (req.q) {
    const q = nameQuery(req.q);
    const parts = [`SELECT entity_id, ${NAME_KIND.exact} AS score FROM entity_names WHERE kind = ${NAME_KIND.exact} AND key = ${p.add(q.norm)}`];
    if (q.variant) parts.push(`SELECT entity_id, ${NAME_KIND.variant} FROM entity_names WHERE kind = ${NAME_KIND.variant} AND key = ${p.add(q.variant)}`);
    if (q.prefix) {
      parts.push(`SELECT entity_id, ${NAME_KIND.wordStart} FROM entity_names WHERE kind = ${NAME_KIND.wordStart}
        AND key >= ${p.add(q.norm)} AND key < ${p.add(q.norm + PREFIX_END)}`);
    }
    hits = `WITH best AS (SELECT entity_id, max(score) AS score FROM (${parts.join(' UNION ALL ')}) h GROUP BY entity_id)`;
  }
  const where = [scopeSql(p, scope)];
  if (req.type) where.push(`d.type = ${p.add(req.type)}`);
  const from = req.q ? 'best JOIN entities d ON d.id = best.entity_id' : 'entities d';
  const total = await db.query<{ n: number }>(`${hits} SELECT count(*)::int AS n FROM ${from} WHERE ${where.join(' AND ')}`, p.values);
  const rank = (t: string): string => `${req.q ? `${t === 'd' ? 'best' : t}.score DESC, ` : ''}${t}.mention_count DESC, ${t}.name, ${t}.id`;
  // Ranked on the sort columns, then the page's document lists counted (see the SQLite twin).
  const rows = await db.query<EntityListRow & { score: number }>(`${hits} SELECT page.*, json_array_length(e.document_ids::json) AS document_count
    FROM (SELECT ${ENTITY_COLUMNS}, ${req.q ? 'best.score' : '0'} AS score FROM ${from} WHERE ${where.join(' AND ')}
      ORDER BY ${rank('d')} LIMIT ${p.add(req.limit)} OFFSET ${p.add(req.offset)}) page JOIN entities e ON e.id = page.id
    ORDER BY ${rank('page')}`, p.values);
  return { rows: rows.rows, total: total.rows[0]!.n };
}
