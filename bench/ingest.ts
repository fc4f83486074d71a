/** Ingest and search benchmark on the Factbook corpus, next to a floor: the same texts in a bare FTS5 table with no pipeline. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/open.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { parseQuery } from '../src/store/query.js';
import { toFts5 } from '../src/store/sqlite/fts-query.js';
import { ingestPaths, defaultStages, finishIngest } from '../src/pipeline.js';
import { writeFactbookTexts, BENCH_QUERIES } from './factbook.js';
import { tokenize } from '../src/nlp/tokenize.js';

/** A benchmark section: a title and markdown lines. */
export interface BenchSection {
  title: string;
  lines: string[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Times each query `rounds` times and returns p50/p95 in milliseconds. */
function latencies(run: (q: string) => unknown, rounds = 5): { p50: number; p95: number } {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Runs the ingest and search benchmark in `dir`. */
export async function benchIngest(dir: string): Promise<BenchSection> {
  const texts = writeFactbookTexts(join(dir, 'factbook'));
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1024 / 1024;
  const tokens = texts.reduce((n, t) => n + tokenize(t.text).length, 0);

  // Floor: bare FTS5 inserts in one transaction, same texts, no pipeline.
  const floorDb = new Database(join(dir, 'floor.db'));
  floorDb.pragma('journal_mode = WAL');
  floorDb.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')");
  const t0 = performance.now();
  const insert = floorDb.prepare('INSERT INTO t (body) VALUES (?)');
  floorDb.transaction(() => { for (const t of texts) insert.run(t.text); })();
  const floorSeconds = (performance.now() - t0) / 1000;

  const store = await openStore(join(dir, 'bench.db'));
  const rssBefore = process.memoryUsage().rss;
  const t1 = performance.now();
  const summary = await ingestPaths([join(dir, 'factbook')], { store, collection: 'factbook', stages: defaultStages(), finish: finishIngest });
  const seconds = (performance.now() - t1) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  if (summary.failed.length > 0) throw new Error(`bench ingest failed on ${summary.failed.length} files: ${summary.failed[0]!.message}`);

  const parsed = new Map(BENCH_QUERIES.map((q) => [q, parseQuery(q)]));
  const ours = { p50: 0, p95: 0 };
  const floorSearch = floorDb.prepare('SELECT rowid, bm25(t) AS r FROM t WHERE t MATCH ? ORDER BY r LIMIT 10');
  const floor = latencies((q) => floorSearch.all(toFts5(parsed.get(q)!)));
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      await store.search({ query: parsed.get(q)!, limit: 10, offset: 0 }, ALL_COLLECTIONS);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  ours.p50 = percentile(times, 50);
  ours.p95 = percentile(times, 95);
  await store.close();
  floorDb.close();

  const docs = texts.length;
  return {
    title: 'Ingest and search: Factbook corpus',
    lines: [
      `${docs} documents, ${megabytes.toFixed(1)} MB of text, ${tokens} tokens; ${BENCH_QUERIES.length} queries x 5 rounds.`,
      '',
      '| measure | Cablegraph pipeline | floor: bare FTS5 | ratio (floor / ours) |',
      '|---|---|---|---|',
      `| ingest documents/s | ${(docs / seconds).toFixed(0)} | ${(docs / floorSeconds).toFixed(0)} | ${(seconds / floorSeconds).toFixed(1)}x slower |`,
      `| ingest MB/s | ${(megabytes / seconds).toFixed(2)} | ${(megabytes / floorSeconds).toFixed(2)} | |`,
      `| ingest tokens/s | ${(tokens / seconds).toFixed(0)} | ${(tokens / floorSeconds).toFixed(0)} | |`,
      `| search p50 (ms) | ${ours.p50.toFixed(2)} | ${floor.p50.toFixed(2)} | ${(ours.p50 / floor.p50).toFixed(1)}x |`,
      `| search p95 (ms) | ${ours.p95.toFixed(2)} | ${floor.p95.toFixed(2)} | ${(ours.p95 / floor.p95).toFixed(1)}x |`,
      `| peak RSS (MB) | ${(peakRss / 1024 / 1024).toFixed(0)} (process, after ingest; ${(rssBefore / 1024 / 1024).toFixed(0)} before) | | |`,
      '',
      `Pipeline: every stage (${defaultStages().map((s) => `${s.name}@${s.version}`).join(', ')}) plus the collection steps`,
      '(near-duplicate groups, cross-document resolution): the ingest figure is end to end, with all extraction.',
      'Our search time includes facets (one pass over the matches), the total count and snippets; the floor is one MATCH with bm25 ordering.',
    ],
  };
}
