/**
 * What the neighbourhood cache (src/store/shared/edge-cache.ts) reads in SQLite. Its stamp is the file's data version
 * (`PRAGMA data_version`: changes by other connections) with this connection's changes (`total_changes()`, trigger rows
 * counted); inside a transaction, whose writes could still be rolled back, there is none.
 */
import type Database from 'better-sqlite3';
import type { EdgeCacheReader } from '../shared/edge-cache.js';
import type { RelationEndGroupRow } from '../shared/strongest.js';
import { relationEndRows, readEdges } from './relations-read.js';
import { IN_JSON } from './entity-reads.js';

/** The reader over one connection; with `keep` false there is never a stamp (every read is the uncached one). */
export function sqliteEdgeReader(db: Database.Database, keep = true): EdgeCacheReader {
  const version = db.prepare('PRAGMA data_version').pluck();
  const changes = db.prepare('SELECT total_changes()').pluck();
  return {
    stamp: async () => (!keep || db.inTransaction ? null : `${String(version.get())}:${String(changes.get())}`),
    // One group row per relation row: SQLite reads the light rows in process as fast as it would group them.
    endGroups: async (scope, entities) => relationEndRows(db, scope, { entities }).map((r): RelationEndGroupRow => ({
      type: r.type, collection: r.collection, source: r.source, target: r.target, source_entity: r.source_entity,
      target_entity: r.target_entity, negated: r.negated, confidence: r.confidence, n: 1, grps: r.grp, ids: r.id,
    })),
    edges: async (scope, sel) => readEdges(db, scope, sel),
    rowsTouching: async (some, all) => {
      const [k, n] = [JSON.stringify(some), JSON.stringify(all)];
      return db.prepare(`SELECT relation_id FROM relation_ends WHERE source_entity ${IN_JSON} AND target_entity ${IN_JSON}
        UNION SELECT relation_id FROM relation_ends WHERE target_entity ${IN_JSON} AND source_entity ${IN_JSON}`).pluck().all(k, n, k, n) as string[];
    },
  };
}
