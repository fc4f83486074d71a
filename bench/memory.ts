/**
 * `node --expose-gc --import tsx bench/memory.ts --docs N [--stages ner|all] [--finish-every N] [--snapshot PREFIX]`:
 * ingests a generated corpus (bench/scale-corpus.ts) into a throwaway SQLite store with the collection steps and
 * prints memory: V8 heap used after a full gc and RSS after the ingest, and the process's peak RSS, so that growth
 * with the corpus can be compared between two sizes. `--finish-every 0` runs the collection steps only once, after
 * the files (as before they ran during the ingest). With --snapshot, a heap snapshot is written after the ingest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import type { Stage } from '../src/model/index.js';
import type { Store } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { defaultStages, ingestPaths } from '../src/pipeline.js';
import { groupDuplicates, resolveIncrementally } from '../src/pipeline/resolve-collection.js';
import { mentionsStage } from '../src/extract/stages/mentions.js';
import { corpusAvailable, writeScaleCorpus } from './scale-corpus.js';

const { values: args } = parseArgs({ options: {
  docs: { type: 'string', default: '2000' }, stages: { type: 'string', default: 'ner' }, snapshot: { type: 'string' },
  keep: { type: 'string' },
} });
const DOCS = Number(args.docs);
if (!corpusAvailable()) throw new Error('bench/memory.ts needs ../shared/data (factbook, names-by-country) beside the repository.');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
/** Heap used after a full collection, RSS now and the peak so far (MB). */
function sample(phase: string): string {
  gc!();
  gc!();
  const m = process.memoryUsage();
  const line = `${phase}: heap used ${mb(m.heapUsed)} MB, external ${mb(m.external + m.arrayBuffers)} MB, rss ${mb(m.rss)} MB, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`;
  process.stderr.write(`${line}\n`);
  return line;
}

const dir = mkdtempSync(join(tmpdir(), 'cablegraph-memory-'));
try {
  const corpusDir = join(dir, 'corpus');
  writeScaleCorpus(corpusDir, DOCS);
  const stages: Stage[] = args.stages === 'all' ? defaultStages() : [mentionsStage()];
  const store = new SqliteStore(join(dir, 'memory.db'));
  await store.migrate();
  const lines = [`${DOCS} documents, stages ${args.stages}`, sample('before ingest')];
  const t0 = performance.now();
  let runs = 0;
  let finishSeconds = 0;
  const finish = async (s: Store, collection: string): Promise<void> => {
    const f0 = performance.now();
    const dup = await groupDuplicates(s, collection);
    const d1 = performance.now();
    const report = await resolveIncrementally(s, collection);
    const f1 = performance.now();
    finishSeconds += (f1 - f0) / 1000;
    process.stderr.write(`collection steps: near-duplicates ${dup.signed} signed in ${((d1 - f0) / 1000).toFixed(1)} s; resolution ${report.mode}, ${report.documents} documents, ${report.steps} steps, ${report.regionCandidates} region candidates, ${report.fastJoins} fast joins, ${((f1 - d1) / 1000).toFixed(1)} s; peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB\n`);
    runs++;
  };
  const summary = await ingestPaths([corpusDir], { store, collection: 'memory', stages, finish });
  lines.push(`ingest ${((performance.now() - t0) / 1000).toFixed(0)} s, ${summary.documents} documents; collection steps ${runs} times, ${finishSeconds.toFixed(1)} s in all`);
  lines.push(sample('after ingest'));
  if (args.snapshot) writeHeapSnapshot(`${args.snapshot}.heapsnapshot`);
  const stats = await store.stats({ collections: ['memory'] });
  lines.push(`store: ${stats.documents} documents, ${stats.mentions} mentions`);
  await store.close();
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (args.keep) process.stderr.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
