/**
 * What the neighbourhood cache (src/store/shared/edge-cache.ts) reads in PostgreSQL. Its stamp is the current snapshot
 * (`pg_current_snapshot()`: the latest completed transaction and those still running): equal snapshots see the same
 * committed rows, and any write that commits changes it. The stamp is read before the rows, so rows kept under a stamp
 * are never older than it (a commit in between changes the next stamp and empties the cache).
 */
import type { EdgeCacheReader } from '../shared/edge-cache.js';
import type { Db } from './sql.js';
import { relationEndGroups, readEdges } from './relations-read.js';

/** The reader over the store's pool; with `keep` false there is never a stamp (every read is the uncached one). */
export function postgresEdgeReader(db: Db, keep = true): EdgeCacheReader {
  return {
    stamp: async () => (keep ? (await db.query<{ s: string }>('SELECT pg_current_snapshot()::text AS s')).rows[0]!.s : null),
    endGroups: (scope, entities) => relationEndGroups(db, scope, entities),
    edges: (scope, sel) => readEdges(db, scope, sel),
    rowsTouching: async (some, all) => (await db.query<{ id: string }>(`SELECT relation_id AS id FROM relation_ends
      WHERE source_entity = ANY($1::text[]) AND target_entity = ANY($2::text[])
      UNION SELECT relation_id FROM relation_ends WHERE target_entity = ANY($1::text[]) AND source_entity = ANY($2::text[])`, [some, all])).rows.map((r) => r.id),
  };
}
