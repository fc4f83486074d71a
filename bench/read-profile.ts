/**
 * `node --import tsx bench/read-profile.ts DIR/kept.db [--top N] [--only a,b] [--no-edge-cache] [--warm N] [--statements N]`,
 * or `... DIR/kept-pg.dump --pg [--explain N] [--stats vacuum|refresh|none]` (the dump restored into a throwaway PostgreSQL,
 * migrated, then VACUUM ANALYZE; with `--stats refresh` only what an ingest's end does (Store.refreshStatistics: ANALYZE
 * of the grown tables), with `none` nothing: no planner statistics, as a restore or a large write leaves a store), as
 * `bench:scale --reuse DIR --pg` reads it; `--explain N` prints EXPLAIN ANALYZE of the N slowest statements of each
 * read's slowest entity): the entity reads of bench:scale (entity
 * search, entity page, 2-hop neighbourhood) on a kept store, and the entity page as the API answers it (GET
 * /api/entities/:id in-process, with grades, corroboration, notes and tags; and with ?minGrade=C3), each read's SQL
 * statements timed, the slowest reads and statements printed; wall and CPU time percentiles per read (CPU time is what a
 * loaded machine distorts least), and the API body's size. Neighbourhoods keep hubs' edges between reads unless
 * `--no-edge-cache` (then each read costs what a first read after a write does); `--statements N` prints the N slowest statements of each slow read (3); `--warm N` first reads, untimed, the
 * neighbourhoods of N other entities (as a server that answered N requests since the last write). The API reads write audit rows: run it on a copy of the store.
 */
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ALL_COLLECTIONS, type Store } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { restorePostgres, startPostgres, vacuumPostgres } from './pg-server.js';
import { searchEntities } from '../src/network/find-entity.js';
import { viewEntity } from '../src/network/entity-view.js';
import { readGraph } from '../src/network/graph-read.js';
import { buildApp } from '../src/server/app.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '5' }, only: { type: 'string' }, 'no-edge-cache': { type: 'boolean', default: false }, warm: { type: 'string', default: '0' }, statements: { type: 'string', default: '3' }, pg: { type: 'boolean', default: false }, stats: { type: 'string', default: 'vacuum' }, explain: { type: 'string', default: '0' } } });
const path = positionals[0];
if (!path) throw new Error('usage: read-profile.ts STORE.db [--top N] | read-profile.ts DUMP --pg [--explain N]');
const TOP = Number(args.top);

// Every statement's run time, by SQL text, for the read being measured (with its full text and parameters for EXPLAIN).
interface Logged { sql: string; ms: number; rows: number; text: string; params: unknown[] }
let log: Logged[] = [];
const record = (text: string, params: unknown[], ms: number, rows: number): void =>
  void log.push({ sql: text.replace(/\s+/gu, ' ').slice(0, 160), ms, rows, text, params });
if (args.pg) {
  // PostgreSQL: statements run through the store's pool, several at once (the time includes waiting for a connection and a core).
  const proto = pg.Pool.prototype as unknown as { query: (...a: unknown[]) => Promise<{ rowCount?: number | null }> };
  const query = proto.query;
  proto.query = async function (this: pg.Pool, ...a: unknown[]) {
    const t = performance.now();
    const r = await query.apply(this, a);
    if (typeof a[0] === 'string') record(a[0], (a[1] as unknown[] | undefined) ?? [], performance.now() - t, Array.isArray(r) ? 0 : r.rowCount ?? 0);
    return r;
  };
} else {
  const proto = Database.prototype as unknown as { prepare: (sql: string) => Database.Statement };
  const prepare = proto.prepare;
  proto.prepare = function (this: Database.Database, sql: string) {
    const st = prepare.call(this, sql);
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const f = (st as unknown as Record<string, (...a: unknown[]) => unknown>)[m]!.bind(st);
      (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t = performance.now();
        const r = f(...a);
        record(sql, a, performance.now() - t, Array.isArray(r) ? r.length : 1);
        return r;
      };
    }
    return st;
  };
}

const server = args.pg ? await startPostgres() : null;
if (server) restorePostgres(server.url, path);
const store: Store = server ? new PostgresStore(server.url, { edgeCache: !args['no-edge-cache'] }) : new SqliteStore(path, { searchReaders: 0, edgeCache: !args['no-edge-cache'] });
await store.migrate();
if (server && args.stats === 'vacuum') vacuumPostgres(server.url);
else if (server && args.stats === 'refresh') {
  const t = performance.now();
  const tables = await store.refreshStatistics();
  console.log(`analysed in ${((performance.now() - t) / 1000).toFixed(1)} s: ${tables.join(', ')}`);
}
else if (server && args.stats !== 'none') throw new Error('--stats: vacuum, refresh or none');
const first = await searchEntities(store, ALL_COLLECTIONS, { limit: 25, offset: 0 });
const others = await Promise.all(Array.from({ length: 25 }, (_, i) =>
  searchEntities(store, ALL_COLLECTIONS, { limit: 1, offset: Math.floor(((i + 0.5) / 25) * first.total) })));
const sample = [...first.items, ...others.flatMap((p) => p.items)];

// Entities between the sample's (other offsets of the same ranking), whose neighbourhoods warm the edge cache.
const warm = Number(args.warm);
if (warm > 0 && (!args.only || args.only.split(',').includes('hood'))) {
  const taken = new Set(sample.map((e) => e.id));
  for (let i = 0; i < warm; i++) {
    const [e] = (await searchEntities(store, ALL_COLLECTIONS, { limit: 1, offset: Math.floor(((i + 0.25) / warm) * first.total) })).items;
    if (e && !taken.has(e.id)) await readGraph(store, ALL_COLLECTIONS, { entity: e.id, hops: 2 });
  }
}

const app = await buildApp({ store, webRoot: '/nonexistent' });
// Bytes of the last API body (the page's size is half its cost: building and serialising it).
let bodyBytes = 0;
const api = async (url: string): Promise<{ relations: unknown[] }> => {
  const response = await app.inject({ method: 'GET', url });
  bodyBytes = response.rawPayload.length;
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
  return JSON.parse(response.body) as { relations: unknown[] };
};
const only = args.only ? new Set(args.only.split(',')) : null;
const reads = {
  search: (e: (typeof sample)[number]) => searchEntities(store, ALL_COLLECTIONS, { q: e.name.split(/\s+/u)[0], limit: 20, offset: 0 }),
  page: (e: (typeof sample)[number]) => viewEntity(store, e.id, ALL_COLLECTIONS),
  hood: (e: (typeof sample)[number]) => readGraph(store, ALL_COLLECTIONS, { entity: e.id, hops: 2 }),
  apiPage: (e: (typeof sample)[number]) => api(`/api/entities/${e.id}`),
  apiPageGraded: (e: (typeof sample)[number]) => api(`/api/entities/${e.id}?minGrade=C3`),
};
for (const [name, run] of Object.entries(reads)) {
  if (only && !only.has(name)) continue;
  await run(sample[sample.length - 1]!); // warm-up, untimed: the first API request compiles the route's schemas
  const results: { e: string; ms: number; cpu: number; log: typeof log; size: string; kb: number }[] = [];
  for (const e of sample) {
    log = [];
    bodyBytes = 0;
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await run(e);
    const used = process.cpuUsage(c);
    const ms = performance.now() - t;
    const size = r && 'relations' in r ? `${r.relations.length} relations` : r && 'nodes' in r ? `${r.nodes.length} nodes ${r.edges.length} edges` : r && 'total' in r ? `${r.total} found` : '';
    results.push({ e: `${e.name} (${e.mentionCount} mentions)`, ms, cpu: (used.user + used.system) / 1000, log, size, kb: bodyBytes / 1024 });
  }
  // CPU time beside wall time: on a shared, loaded machine the wall time mostly measures the wait for a core.
  const pct = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p: number): string => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
    return `p50 ${at(50)} p95 ${at(95)} max ${at(100)}`;
  };
  const body = results.some((r) => r.kb > 0) ? `; body ${pct(results.map((r) => r.kb))} KB` : '';
  console.log(`\n## ${name}: ${pct(results.map((r) => r.ms))} ms; CPU ${pct(results.map((r) => r.cpu))} ms${body}`);
  for (const r of results.sort((a, b) => b.ms - a.ms).slice(0, TOP)) {
    console.log(`- ${r.ms.toFixed(1)} ms ${r.e}: ${r.size}; ${r.log.length} statements, ${r.log.reduce((n, l) => n + l.ms, 0).toFixed(1)} ms in SQL`);
    for (const l of [...r.log].sort((a, b) => b.ms - a.ms).slice(0, Number(args.statements))) console.log(`    ${l.ms.toFixed(1)} ms, ${l.rows} rows: ${l.sql}`);
  }
  if (server && Number(args.explain) > 0) await explain(server.url, results[0]!.log, Number(args.explain));
}
await app.close();
await store.close();
server?.stop();

/** EXPLAIN (ANALYZE, BUFFERS) of the `n` slowest statements of one read, plan lines cut to 200 characters (bound arrays are long). */
async function explain(url: string, statements: readonly Logged[], n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const l of [...statements].sort((a, b) => b.ms - a.ms).slice(0, n)) {
      console.log(`\n    EXPLAIN ANALYZE of: ${l.sql}`);
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${l.text}`, l.params);
      for (const row of plan.rows) console.log(`    ${row['QUERY PLAN'].slice(0, 200)}`);
    }
  } finally {
    await client.end();
  }
}
