/**
 * `npm run bench:scale -- [--docs N] [--stages none|ner|all] [--workers N] [--pg | --pg-only] [--keep DIR | --reuse DIR]`: a generated corpus of N documents (bench/scale-corpus.ts)
 * ingested into SQLite (and a throwaway PostgreSQL with --pg; with `--workers N` the stages in N worker threads, as the CLI
 * runs them, and the CLI's heap growth setting either way), then ingest rate, peak RSS, store size, search, entity
 * search, entity page, 2-hop neighbourhood, full export and the near-duplicate step, each beside a floor measured in
 * the same run. Prints a markdown section (for bench/RESULTS.md and docs/SCALING.md). `--keep DIR` works in DIR and
 * leaves there the corpus and a copy of the SQLite store as it was right after ingest (kept.db); `--reuse DIR` skips
 * ingest, export and the near-duplicate step and runs only the reads on DIR/kept.db (migrated to this schema first).
 * With `--pg`, `--keep` also dumps the PostgreSQL store after ingest (DIR/kept-pg.dump, pg_dump's custom format) and
 * `--reuse` restores that dump into a throwaway cluster and reads it there.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Stage } from '../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { parseQuery } from '../src/store/query.js';
import { toFts5 } from '../src/store/sqlite/fts-query.js';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import { defaultStageSpec } from '../src/pipeline/workers/build-stages.js';
import { limitHeapGrowth } from '../src/cli/heap.js';
import { mentionsStage } from '../src/extract/stages/mentions.js';
import { groupDuplicates, groupDuplicatesFully } from '../src/pipeline/near-duplicates.js';
import { searchEntities } from '../src/network/find-entity.js';
import { viewEntity } from '../src/network/entity-view.js';
import { readGraph } from '../src/network/graph-read.js';
import { EXPORT_FORMATS } from '../src/export/formats.js';
import { sha256Hex } from '../src/store/ids.js';
import { BENCH_QUERIES } from './factbook.js';
import { corpusAvailable, writeScaleCorpus } from './scale-corpus.js';
import { dumpPostgres, restorePostgres, startPostgres, vacuumPostgres } from './pg-server.js';

const { values: args } = parseArgs({ options: {
  docs: { type: 'string', default: '2000' }, stages: { type: 'string', default: 'all' }, pg: { type: 'boolean', default: false },
  // PostgreSQL alone (the SQLite half skipped): a large corpus's PostgreSQL run without an hour of SQLite before it.
  'pg-only': { type: 'boolean', default: false },
  keep: { type: 'string' }, reuse: { type: 'string' }, workers: { type: 'string', default: '1' },
} });
// The stages in this many worker threads (every stage only), as `cablegraph ingest --workers N` runs them.
const WORKERS = Number(args.workers);
// The heap growth the CLI sets (src/cli/heap.ts), so peak RSS is what a user's ingest shows.
limitHeapGrowth();
const DOCS = Number(args.docs);
const PG_ONLY = args['pg-only'];
const STAGES = args.stages as 'none' | 'ner' | 'all';
if (!Number.isInteger(DOCS) || DOCS < 10 || !['none', 'ner', 'all'].includes(STAGES)) throw new Error('usage: scale.ts [--docs N>=10] [--stages none|ner|all] [--pg] [--workers N]');
if (!Number.isInteger(WORKERS) || WORKERS < 1 || (WORKERS > 1 && STAGES !== 'all')) throw new Error('scale.ts: --workers N (N >= 1) runs every stage: use it with --stages all');
if (args.keep !== undefined && args.reuse !== undefined) throw new Error('scale.ts: --keep and --reuse exclude each other');
if (args.reuse !== undefined && !existsSync(join(args.reuse, 'kept.db'))) throw new Error(`scale.ts: no kept store at ${join(args.reuse, 'kept.db')} (make one with --keep)`);
if (args.reuse !== undefined && (args.pg || PG_ONLY) && !existsSync(join(args.reuse, 'kept-pg.dump'))) throw new Error(`scale.ts: no kept PostgreSQL dump at ${join(args.reuse, 'kept-pg.dump')} (make one with --keep DIR --pg)`);
if (!corpusAvailable()) throw new Error('bench:scale needs ../shared/data (factbook, names-by-country) beside the repository.');
const COLLECTION = 'scale';
const READS = 50;

interface Latency { n: number; p50: number; p95: number; p99: number }

/** p50/p95/p99 in milliseconds of `run` over the inputs, `rounds` times. */
async function latency<T>(inputs: readonly T[], run: (x: T) => unknown, rounds = 2): Promise<Latency> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t = performance.now();
      await run(x);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { n: times.length, p50: at(50), p95: at(95), p99: at(99) };
}

const ms = (l: Latency): string => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)}`;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function stagesFor(kind: typeof STAGES): Stage[] {
  return kind === 'all' ? defaultStages() : kind === 'ner' ? [mentionsStage()] : [];
}

/** Texts of the corpus files, in file order. */
function corpusTexts(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The floor: the same texts in a bare FTS5 table (one transaction), and its search and full read. */
function floor(dir: string, texts: string[]) {
  for (const f of ['floor.db', 'floor.db-wal', 'floor.db-shm']) rmSync(join(dir, f), { force: true });
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const t0 = performance.now();
  db.transaction(() => { for (const text of texts) insert.run(text); })();
  const seconds = (performance.now() - t0) / 1000;
  const search = db.prepare('SELECT rowid, bm25(t) AS r FROM t WHERE t MATCH ? ORDER BY r LIMIT 10');
  const byId = db.prepare('SELECT rowid, body FROM t WHERE rowid = ?');
  return { db, seconds, search: (q: string) => search.all(toFts5(parseQuery(q))), read: (id: number) => byId.get(id) };
}

interface EngineResult { lines: string[] }

interface Ingested { seconds: number; documents: number; peak: number; rssBefore: number }

/** Ingests the corpus into one store; `afterIngest` runs before any read (--keep copies the store there). */
async function ingest(store: Store, corpusDir: string, afterIngest?: () => Promise<void>): Promise<Ingested> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const workers = WORKERS > 1 ? { count: WORKERS, spec: defaultStageSpec() } : undefined;
  const summary = await ingestPaths([corpusDir], { store, collection: COLLECTION, stages: stagesFor(STAGES), workers, finish: finishIngest });
  const seconds = (performance.now() - t0) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  if (summary.failed.length > 0) throw new Error(`${summary.failed.length} files failed: ${summary.failed[0]!.message}`);
  await afterIngest?.();
  return { seconds, documents: summary.documents, peak, rssBefore };
}

/** Measures one store, ingested now (`done` from ingest) or reused (`done` null: reads only). */
async function measure(engine: string, store: Store, done: Ingested | null, texts: string[], floorDb: ReturnType<typeof floor>, size: () => Promise<number>): Promise<EngineResult> {
  let indexing = '';
  if (!done) {
    // A store kept before resolution indexed entity names as it commits: the queue is drained here, not in the first timed search.
    const t = performance.now();
    await searchEntities(store, ALL_COLLECTIONS, { q: 'warm up', limit: 1, offset: 0 });
    indexing = `Entity names queued in the kept store indexed before timing: ${((performance.now() - t) / 1000).toFixed(1)} s.`;
  }
  const stats = await store.stats(ALL_COLLECTIONS);
  const entities = await searchEntities(store, ALL_COLLECTIONS, { limit: READS / 2, offset: 0 });
  // The most mentioned entities (the most work) and as many from the rest of the list.
  const others = await Promise.all(Array.from({ length: READS / 2 }, (_, i) =>
    searchEntities(store, ALL_COLLECTIONS, { limit: 1, offset: Math.floor(((i + 0.5) / (READS / 2)) * entities.total) })));
  const sample = [...entities.items, ...others.flatMap((p) => p.items)];
  const docIds = (await store.listDocuments(ALL_COLLECTIONS, READS, Math.floor(stats.documents / 3))).items.map((d) => d.id);

  const search = await latency(BENCH_QUERIES, (q) => store.search({ query: parseQuery(q), limit: 10, offset: 0 }, ALL_COLLECTIONS));
  const floorSearch = await latency(BENCH_QUERIES, (q) => floorDb.search(q));
  const keyed = await latency(docIds, (id) => store.getDocumentSummaries([id], ALL_COLLECTIONS));
  const floorKeyed = await latency(docIds.map((_, i) => 1 + ((i * 7919) % texts.length)), (id) => floorDb.read(id));
  const lines: string[] = [];
  const row = (what: string, ours: string, base: string, ratio = ''): void => void lines.push(`| ${what} | ${ours} | ${base} | ${ratio} |`);
  if (done) {
    row('ingest documents/s', (done.documents / done.seconds).toFixed(1), (texts.length / floorDb.seconds).toFixed(0), `${(done.seconds / floorDb.seconds).toFixed(0)}x slower`);
    row('peak RSS (MB, whole process)', `${mb(done.peak)} (${mb(done.rssBefore)} before ingest)`, '', '');
  }
  row('store size (MB)', mb(await size()), mb(safeSize(floorDb.db.name) + safeSize(`${floorDb.db.name}-wal`)), '');
  row('contents', `${stats.documents} documents, ${stats.mentions} mentions, ${entities.total} entities, ${stats.relations} relations`, '', '');
  row('search p50 / p95 / p99 (ms), with facets', ms(search), ms(floorSearch), `${(search.p95 / floorSearch.p95).toFixed(0)}x at p95`);
  if (sample.length > 0) {
    const es = await latency(sample, (e) => searchEntities(store, ALL_COLLECTIONS, { q: e.name.split(/\s+/u)[0], limit: 20, offset: 0 }));
    const page = await latency(sample, (e) => viewEntity(store, e.id, ALL_COLLECTIONS));
    const hood = await latency(sample, (e) => readGraph(store, ALL_COLLECTIONS, { entity: e.id, hops: 2 }));
    row('entity search p50 / p95 / p99 (ms)', ms(es), ms(keyed), 'floor: one document summary by id through the Store');
    row('entity page p50 / p95 / p99 (ms)', ms(page), ms(keyed), '');
    row('2-hop neighbourhood p50 / p95 / p99 (ms)', ms(hood), ms(keyed), '');
  }
  row('keyed row read p50 / p95 / p99 (ms)', ms(keyed), ms(floorKeyed), 'floor: bare FTS5 row by rowid');
  if (!done) return { lines: [`### ${engine} (reads on a kept store)`, '', indexing, '', '| measure | Cablegraph | floor | note |', '|---|---|---|---|', ...lines, ''] };
  const e0 = performance.now();
  // Streamed page by page (as the CLI writes it); only its length is kept.
  let exportBytes = 0;
  for await (const chunk of EXPORT_FORMATS.json.files(store, ALL_COLLECTIONS, {})[0]!.chunks()) exportBytes += chunk.length;
  const exportSeconds = (performance.now() - e0) / 1000;
  const f0 = performance.now();
  const floorBytes = JSON.stringify(floorDb.db.prepare('SELECT rowid, body FROM t').all()).length;
  const floorExport = (performance.now() - f0) / 1000;
  row('full export, JSON (s)', `${exportSeconds.toFixed(1)} (${mb(exportBytes)} MB)`, `${floorExport.toFixed(2)} (${mb(floorBytes)} MB)`, 'floor: every FTS5 row read and serialised');
  // The near-duplicate step: 100 documents added to the ingested collection, grouped incrementally, then a full regroup.
  const added = texts.slice(0, 100).map((t, i) => `Republished item ${i}.\n\n${t}`);
  await store.putDocuments(added.map((text) => {
    const original = new TextEncoder().encode(text);
    return { collection: COLLECTION, sentences: [], doc: { sha256: sha256Hex(original), path: `added/${sha256Hex(original)}.txt`, format: 'text', text, original } };
  }));
  const n0 = performance.now();
  const step = await groupDuplicates(store, COLLECTION);
  const incremental = (performance.now() - n0) / 1000;
  const n1 = performance.now();
  await groupDuplicatesFully(store, COLLECTION);
  const full = (performance.now() - n1) / 1000;
  row('near-duplicate step, 100 documents added (s)', `${incremental.toFixed(2)} (${step.neighbours} neighbours read, ${step.relabelled} renamed)`,
    `${full.toFixed(2)} (full regroup of ${stats.documents + 100})`, `${(full / incremental).toFixed(0)}x less than the full regroup`);
  return { lines: [`### ${engine}`, '', `Ingest: ${done.seconds.toFixed(0)} s, ${WORKERS} worker(s).`, '', '| measure | Cablegraph | floor | note |', '|---|---|---|---|', ...lines, ''] };
}

/** Bytes of text in a corpus folder written earlier (for --reuse). */
function corpusBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

const workDir = args.keep ?? args.reuse;
if (workDir !== undefined) mkdirSync(workDir, { recursive: true });
const dir = workDir ?? mkdtempSync(join(tmpdir(), 'cablegraph-scale-'));
const out: string[] = [];
try {
  const corpusDir = join(dir, 'corpus');
  if (args.keep !== undefined) rmSync(corpusDir, { recursive: true, force: true });
  const bytes = args.reuse !== undefined ? corpusBytes(corpusDir) : writeScaleCorpus(corpusDir, DOCS);
  const texts = corpusTexts(corpusDir);
  const floorDb = floor(dir, texts);
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
  const docs = texts.length;
  out.push(`## Scale: ${docs} documents, stages ${STAGES} (${new Date().toISOString().slice(0, 10)})`, '',
    `\`npm run bench:scale -- ${args.reuse !== undefined ? `--reuse ${args.reuse}` : `--docs ${DOCS} --stages ${STAGES}${WORKERS > 1 ? ` --workers ${WORKERS}` : ''}`}${PG_ONLY ? ' --pg-only' : args.pg ? ' --pg' : ''}\`; ${(bytes / 1024 / 1024).toFixed(1)} MB of text; machine: ${machine}.`,
    `Stages: ${stagesFor(STAGES).map((s) => `${s.name}@${s.version}`).join(', ') || 'none'} (plus the collection steps: near-duplicate groups, resolution).`,
    `Reads: ${BENCH_QUERIES.length} queries and ${READS} entities (the most mentioned half, the rest spread over the list) x 2 rounds, one at a time.`, '');
  const sqlitePath = join(dir, args.reuse !== undefined ? 'kept.db' : 'scale.db');
  if (args.reuse === undefined) for (const f of ['scale.db', 'scale.db-wal', 'scale.db-shm']) rmSync(join(dir, f), { force: true });
  // Reads on a kept store are timed whole: a search past the 2 s budget (the machine is shared) is measured, not fatal.
  let sqlite = new SqliteStore(sqlitePath, args.reuse !== undefined ? { searchBudgetMs: 600_000 } : {});
  await sqlite.migrate();
  if (PG_ONLY) await sqlite.close();
  else try {
    // --keep: close (checkpointing the WAL into the file), copy the file aside, reopen for the reads.
    const keep = async (): Promise<void> => {
      if (args.keep === undefined) return;
      await sqlite.close();
      copyFileSync(sqlitePath, join(dir, 'kept.db'));
      sqlite = new SqliteStore(sqlitePath);
    };
    const done = args.reuse !== undefined ? null : await ingest(sqlite, corpusDir, keep);
    out.push(...(await measure('SQLite', sqlite, done, texts, floorDb, async () => safeSize(sqlitePath) + safeSize(`${sqlitePath}-wal`))).lines);
  } finally {
    await sqlite.close();
  }
  if (args.pg || PG_ONLY) {
    const server = await startPostgres();
    try {
      if (args.reuse !== undefined) restorePostgres(server.url, join(dir, 'kept-pg.dump'));
      const store = new PostgresStore(server.url);
      await store.migrate();
      if (args.reuse !== undefined) vacuumPostgres(server.url);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const keepPg = async (): Promise<void> => {
          if (args.keep !== undefined) dumpPostgres(server.url, join(dir, 'kept-pg.dump'));
        };
        const done = args.reuse !== undefined ? null : await ingest(store, corpusDir, keepPg);
        out.push(...(await measure('PostgreSQL', store, done, texts, floorDb, async () =>
          Number((await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n))).lines);
      } finally {
        await client.end();
        await store.close();
      }
    } finally {
      server.stop();
    }
  }
  floorDb.db.close();
} finally {
  if (workDir === undefined) rmSync(dir, { recursive: true, force: true });
  else for (const f of ['floor.db', 'floor.db-wal', 'floor.db-shm', 'scale.db', 'scale.db-wal', 'scale.db-shm']) rmSync(join(dir, f), { force: true });
}
process.stdout.write(`${out.join('\n')}\n`);
