/** Entity search in SQLite: names indexed by normalised form, transliteration skeleton and word start; pages of entities by rank. */
import type Database from 'better-sqlite3';
import type { EntityType } from '../../model/index.js';
import type { EntitySearch, Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { entityNameRows, nameQuery, NAME_KIND, PREFIX_END } from '../shared/name-keys.js';
import type { EntityListRow } from '../shared/entity-rows.js';

/** Computes the name index of the entities queued by the triggers (new or renamed entities, changed aliases). */
export function indexPendingNames(db: Database.Database): number {
  const pending = db.prepare('SELECT 1 FROM entity_names_pending LIMIT 1').get();
  if (!pending) return 0;
  return db.transaction(() => {
    const rows = db.prepare(`SELECT p.entity_id AS id, e.type, e.name, a.name AS alias FROM entity_names_pending p
      LEFT JOIN entities e ON e.id = p.entity_id LEFT JOIN aliases a ON a.entity_id = e.id ORDER BY p.entity_id`)
      .all() as { id: string; type: EntityType | null; name: string | null; alias: string | null }[];
    const remove = db.prepare('DELETE FROM entity_names WHERE entity_id = ?');
    const insert = db.prepare('INSERT OR IGNORE INTO entity_names (kind, key, entity_id) VALUES (?, ?, ?)');
    const done = db.prepare('DELETE FROM entity_names_pending WHERE entity_id = ?');
    let n = 0;
    for (let i = 0; i < rows.length;) {
      const { id, type, name } = rows[i]!;
      const names = name === null ? [] : [name];
      for (; i < rows.length && rows[i]!.id === id; i++) if (rows[i]!.alias !== null) names.push(rows[i]!.alias!);
      remove.run(id);
      if (type !== null) for (const r of entityNameRows(type, names)) insert.run(r.kind, r.key, id);
      done.run(id);
      n++;
    }
    return n;
  }).immediate();
}

// No merge reasons and no document ids: a hub's are megabytes, read from overflow pages and parsed for nothing (lists
// show how many documents, counted in SQL for the page's rows only).
const ENTITY_COLUMNS = 'd.id, d.collection, d.type, d.name, d.mention_count, json_array_length(d.document_ids) AS document_count';

/** A page of resolved entities (list rows) matching `req` (all of them, most mentioned first, without a query) and the number matching. */
export function searchEntityRows(db: Database.Database, req: EntitySearch, scope: Scope): { rows: (EntityListRow & { score: number })[]; total: number } {
  const s = scopeClause(scope);
  const where = [s.sql];
  const params: unknown[] = [...s.params];
  if (req.type) { where.push('d.type = ?'); params.push(req.type); }
  const page = [req.limit, req.offset];
  if (!req.q) {
    // Ranked on the sort columns (the rank index), then the page's rows read, the page first (CROSS JOIN): ordered by
    // the entity's columns, the planner walked every entity in rank order and probed the page for each.
    const rows = db.prepare(`WITH page AS (SELECT d.id, d.mention_count, d.name FROM entities d WHERE ${where.join(' AND ')}
      ORDER BY d.mention_count DESC, d.name, d.id LIMIT ? OFFSET ?)
      SELECT ${ENTITY_COLUMNS}, 0 AS score FROM page CROSS JOIN entities d ON d.id = page.id
      ORDER BY page.mention_count DESC, page.name, page.id`).all(...params, ...page) as (EntityListRow & { score: number })[];
    const total = (db.prepare(`SELECT count(*) AS n FROM entities d WHERE ${where.join(' AND ')}`).get(...params) as { n: number }).n;
    return { rows, total };
  }
  indexPendingNames(db);
  const q = nameQuery(req.q);
  const hits = [`SELECT entity_id, ${NAME_KIND.exact} AS score FROM entity_names WHERE kind = ${NAME_KIND.exact} AND key = ?`];
  const hitParams: unknown[] = [q.norm];
  if (q.variant) { hits.push(`SELECT entity_id, ${NAME_KIND.variant} FROM entity_names WHERE kind = ${NAME_KIND.variant} AND key = ?`); hitParams.push(q.variant); }
  if (q.prefix) {
    hits.push(`SELECT entity_id, ${NAME_KIND.wordStart} FROM entity_names WHERE kind = ${NAME_KIND.wordStart} AND key >= ? AND key < ?`);
    hitParams.push(q.norm, q.norm + PREFIX_END);
  }
  const best = `WITH best AS (SELECT entity_id, max(score) AS score FROM (${hits.join(' UNION ALL ')}) GROUP BY entity_id)`;
  // The page is ranked on the sort columns alone, then its rows are read: sorting every match with its document list
  // (thousands of ids for a common name's entities, on overflow pages) made a common prefix cost tens of milliseconds.
  const order = 'ORDER BY score DESC, d.mention_count DESC, d.name, d.id';
  const rows = db.prepare(`${best}, page AS (SELECT d.id, best.score AS score, d.mention_count, d.name FROM best JOIN entities d ON d.id = best.entity_id
    WHERE ${where.join(' AND ')} ${order} LIMIT ? OFFSET ?)
    SELECT ${ENTITY_COLUMNS}, page.score AS score FROM page CROSS JOIN entities d ON d.id = page.id
    ORDER BY page.score DESC, page.mention_count DESC, page.name, page.id`)
    .all(...hitParams, ...params, ...page) as (EntityListRow & { score: number })[];
  const total = (db.prepare(`${best} SELECT count(*) AS n FROM best JOIN entities d ON d.id = best.entity_id WHERE ${where.join(' AND ')}`)
    .get(...hitParams, ...params) as { n: number }).n;
  return { rows, total };
}
