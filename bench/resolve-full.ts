/**
 * `node --import tsx bench/resolve-full.ts KEPT.db [--collection scale]`: full resolution of a kept SQLite store (for
 * example the `kept.db` of `npm run bench:scale -- --docs 20000 --stages all --keep DIR`) as a first ingest meets it. A
 * copy of the store has its entities and resolution index cleared; then `resolveFully` runs on it alone in this
 * process, and the script prints its wall time, CPU, the process's peak RSS, a hash of the entities it wrote (rows,
 * aliases and members) and one of the relation rows' ends it pointed at them, so two versions of the code can be compared
 * on the same candidates: the hashes must not move.
 * With `--phases` (run with `node --expose-gc`), the steps of a full run are taken one by one instead, nothing written,
 * and the V8 heap used after a full gc is printed after each: candidates read, prepared, entities built, index rows
 * and group summaries made (what is alive when the commit starts). `--statements` also prints the time spent in each
 * kind of SQL statement (by its first 70 characters) during the run; `--page-cache MiB` opens the store with that
 * SQLite page cache instead of the default. A store with migration 25 is cleared with its map-row triggers set aside.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { resolveFully } from '../src/pipeline/resolution/full.js';
import { resolveRecords } from '../src/pipeline/resolution/cluster.js';
import { prepareAll, summarizeGroups, toIndexed, voteRows } from '../src/pipeline/resolution/prepare.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: {
  collection: { type: 'string', default: 'scale' }, phases: { type: 'boolean', default: false }, statements: { type: 'boolean', default: false },
  'page-cache': { type: 'string' },
} });
const kept = positionals[0];
if (!kept) throw new Error('usage: bench/resolve-full.ts KEPT.db [--collection NAME]');

const dir = mkdtempSync(join(tmpdir(), 'cablegraph-resolve-full-'));
try {
  const path = join(dir, 'store.db');
  copyFileSync(kept, path);
  const raw = new Database(path);
  raw.pragma('foreign_keys = ON');
  // Migration 25's resolve_bulk sets the map-row triggers aside: the relation rows' ends are cleared in one statement.
  const bulk = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'resolve_bulk'").get() !== undefined;
  raw.transaction(() => {
    if (bulk) raw.prepare('INSERT INTO resolve_bulk (collection) VALUES (?)').run(values.collection);
    for (const table of ['entity_members', 'resolve_candidates', 'resolve_groups', 'resolve_names', 'resolve_keys', 'resolve_votes']) {
      raw.prepare(`DELETE FROM ${table} WHERE collection = ?`).run(values.collection);
    }
    raw.prepare('DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE collection = ?)').run(values.collection);
    raw.prepare('DELETE FROM entities WHERE collection = ?').run(values.collection);
    raw.prepare("UPDATE resolve_state SET algorithm = '' WHERE collection = ?").run(values.collection);
    if (bulk) {
      raw.prepare('UPDATE relation_ends SET source_entity = NULL, target_entity = NULL WHERE collection = ?').run(values.collection);
      raw.prepare('DELETE FROM resolve_bulk WHERE collection = ?').run(values.collection);
    }
  })();
  raw.close();

  const timings = values.statements ? timeStatements() : undefined;
  const store = new SqliteStore(path, values['page-cache'] ? { pageCacheMiB: Number(values['page-cache']) } : {});
  await store.migrate();
  if (values.phases) {
    await phases(store, values.collection);
    await store.close();
    process.exit(0);
  }
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const entities = await resolveFully(store, values.collection);
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS * 1024;
  await store.close();
  if (timings) {
    for (const [sql, ms] of [...timings].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${sql}`);
  }

  const db = new Database(path, { readonly: true });
  const hash = createHash('sha256');
  for (const sql of [
    'SELECT id, type, name, mention_count, document_ids, reasons FROM entities WHERE collection = ? ORDER BY id',
    'SELECT a.entity_id, a.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE e.collection = ? ORDER BY 1, 2',
    'SELECT candidate_key, entity_id FROM entity_members WHERE collection = ? ORDER BY 1',
  ]) {
    for (const row of db.prepare(sql).iterate(values.collection)) hash.update(`${JSON.stringify(row)}\n`);
  }
  // The relation rows' ends, which the commit points at the new entities (triggers, or one statement after the map).
  const ends = createHash('sha256');
  for (const row of db.prepare('SELECT relation_id, source_entity, target_entity FROM relation_ends WHERE collection = ? ORDER BY 1').raw().iterate(values.collection)) {
    ends.update(`${JSON.stringify(row)}\n`);
  }
  const candidates = (db.prepare('SELECT count(*) AS n FROM resolve_candidates WHERE collection = ?').get(values.collection) as { n: number }).n;
  db.close();
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
  console.log(`full resolution of "${values.collection}": ${candidates} candidates -> ${entities} entities in ${seconds.toFixed(1)} s ` +
    `(CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); peak RSS ${mb(peak)} MB (${mb(rssBefore)} MB before); entities sha256 ${hash.digest('hex').slice(0, 16)}, relation ends sha256 ${ends.digest('hex').slice(0, 16)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Times every run/all/get/iterate of statements prepared from here on (better-sqlite3 runs them synchronously), summed by
 * the statement's first 70 characters. Statement objects are wrapped one by one, so nothing else changes.
 */
function timeStatements(): Map<string, number> {
  const totals = new Map<string, number>();
  const proto = Database.prototype as unknown as { prepare(this: Database.Database, sql: string): Database.Statement };
  const prepare = proto.prepare;
  proto.prepare = function (this: Database.Database, sql: string) {
    const stmt = prepare.call(this, sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
    for (const m of ['run', 'all', 'get', 'iterate']) {
      const f = stmt[m]!;
      stmt[m] = (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return f.apply(stmt, a);
        } finally {
          totals.set(key, (totals.get(key) ?? 0) + performance.now() - t0);
        }
      };
    }
    return stmt as unknown as Database.Statement;
  };
  return totals;
}

/** The steps of resolveFully one at a time (nothing committed), with the heap after a full gc after each. */
async function phases(store: SqliteStore, collection: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--phases needs node --expose-gc');
  const heap = (phase: string): void => {
    gc();
    console.log(`${phase}: heap used after gc ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
  };
  const candidates = await store.listCandidates(collection);
  heap(`${candidates.length} candidates read`);
  const prepared = prepareAll(candidates);
  heap('prepared');
  const records = await resolveRecords(collection, prepared, await store.listDecisions(collection));
  heap(`${records.length} entities built`);
  const rows = prepared.map(toIndexed);
  const groups = summarizeGroups(prepared, new Set());
  const votes = voteRows(prepared);
  heap(`${rows.length} index rows, ${groups.length} group summaries and ${votes.length} vote names made`);
}
