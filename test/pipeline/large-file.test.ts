/**
 * A large one-line file without a sentence end, a file crafted to crash a stage and a normal article, ingested
 * together with every stage: the ingest finishes, the large file is stored with its stages in bounded memory and
 * without a stack overflow, the crashing file is reported with its reason and not retried by the next ingest until
 * it is retried on purpose. Size: CABLEGRAPH_LARGE_FILE_MB (default 2; the case is 50, which takes
 * about 15 minutes of CPU).
 *
 * Memory: the first ingest runs in a child process (large-file-child.ts) whose V8 old space is capped at HEAP_CAP_MB,
 * so live memory that grows faster with the file than it does fails it whatever the machine, and its peak RSS is held
 * to the 1 GB that issue 9 sets for any corpus. (A bound on RSS growth in this process was machine-dependent: V8 lets garbage pile up
 * before a full collection as long as the heap may grow, so 2 MB gave 315 MB here and 350 MB on CI.)
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest, runStages, type IngestSummary } from '../../src/pipeline.js';
import { SAMPLE_CORPUS, tempDir } from '../helpers.js';
import { CRASH_MARK, crashingStages, writeOneLineFile } from './large-inputs.js';

const MB = Number(process.env.CABLEGRAPH_LARGE_FILE_MB ?? 2);
const COLLECTION = 'large';
/**
 * V8 old space of the ingesting process. The live heap is about 120 MB of models plus about 20 bytes per byte of text
 * (the text held a few times over: string, reading view, sentence windows, mentions). The child run alone on one-line
 * files (`node --max-old-space-size=N --import tsx test/pipeline/large-file-child.ts --input DIR --store S.db
 * --collection c`) ran out of heap at 130 MB (1 MB file), 170 MB (4 MB) and 256 MB (8 MB), and finished at 160 MB
 * (1 MB), 150 MB (2 MB), 200 MB (4 MB) and 320 MB (8 MB). Before the sentence windows a 50 MB file took 2.97 GB. The cap
 * grows with CABLEGRAPH_LARGE_FILE_MB beyond the default file, at 24 bytes per byte.
 */
const HEAP_CAP_MB = Math.max(256, 160 + 24 * MB);
/** Peak RSS of the ingesting process: issue 9's 1 GB (measured 450-540 MB for 1-4 MB files), more for a larger CABLEGRAPH_LARGE_FILE_MB. */
const MAX_PEAK_RSS = Math.max(1024, HEAP_CAP_MB + 512) * 1024 * 1024;

interface ChildResult { summary: IngestSummary; logged: string[]; rssBefore: number; peakRss: number }

/** The first ingest, in a child process with the heap capped (large-file-child.ts). */
function ingestInChild(input: string, storePath: string): ChildResult {
  const child = fileURLToPath(new URL('./large-file-child.ts', import.meta.url));
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', child,
    '--input', input, '--store', storePath, '--collection', COLLECTION], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `the ingest with the heap capped at ${HEAP_CAP_MB} MB failed:\n${run.stderr.slice(-4000)}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

describe(`a ${MB} MB one-line file beside a file that crashes a stage`, () => {
  const dir = tempDir();
  const input = join(dir, 'in');
  const big = join(input, 'one-line.txt');
  let store: Store;
  let first: IngestSummary;
  let logged: string[] = [];
  let peakRss = 0;

  before(async () => {
    mkdirSync(input);
    await writeOneLineFile(big, MB * 1024 * 1024);
    copyFileSync(join(SAMPLE_CORPUS, readdirSync(SAMPLE_CORPUS).sort()[0]!), join(input, 'article.txt'));
    writeFileSync(join(input, 'crash.txt'), `INTERNAL MEMO\n\nThe Quds Force met the Badr Organization in Baghdad on\n3 March 2019. ${CRASH_MARK}\n`);
    const child = ingestInChild(input, join(dir, 'store.db'));
    ({ summary: first, logged, peakRss } = child);
    store = await openStore(join(dir, 'store.db'));
  });
  after(async () => store?.close());

  it('finishes, stores the large file and the article with their stages, and reports the crashing file with its reason', async () => {
    assert.equal(first.ingested, 2);
    assert.equal(first.documents, 3, 'the crashing file is stored too (searchable)');
    assert.deepEqual(first.failed.map((f) => [f.path.endsWith('crash.txt'), f.code]), [[true, 'stage-failed']]);
    assert.match(first.failed[0]!.message, /^stage "facts" failed: RangeError: Maximum call stack size exceeded/);
    assert.ok(logged.some((m) => /crash\.txt/.test(m) && /RangeError/.test(m) && /at recurse/.test(m)), 'the log has the stack');
    const docs = (await store.listDocuments(ALL_COLLECTIONS, 10, 0)).items;
    const bigDoc = docs.find((d) => d.path === big)!;
    assert.ok(bigDoc.length > MB * 1_000_000 * 0.99, 'the whole text is stored');
    for (const stage of ['mentions', 'facts']) {
      const runs = await store.stageRuns(stage, ALL_COLLECTIONS);
      assert.equal(runs.get(bigDoc.id)?.status, 'done', `${stage} ran on the large file`);
    }
    const mentions = await store.listMentions(bigDoc.id, ALL_COLLECTIONS);
    assert.ok(mentions.length > MB * 5000, `names found all along the large file (${mentions.length})`);
    assert.ok(mentions.at(-1)!.start > bigDoc.length * 0.95, 'up to its end');
    const failures = await store.listStageFailures(ALL_COLLECTIONS);
    assert.deepEqual(failures.map((f) => [f.path.endsWith('crash.txt'), f.stage]), [[true, 'facts']]);
    assert.equal((await store.stats(ALL_COLLECTIONS)).relations > 0, true);
  });

  it(`stays within bounded memory: old space capped at ${HEAP_CAP_MB} MB, peak RSS under ${MAX_PEAK_RSS / 1048576} MB`, (t) => {
    const bytes = statSync(big).size;
    t.diagnostic(`peak RSS ${(peakRss / 1048576).toFixed(0)} MB for ${(bytes / 1048576).toFixed(1)} MB; ingest took ${first.seconds.toFixed(0)} s`);
    // The heap cap is checked by the child finishing at all (before); RSS adds what lives outside the V8 heap.
    assert.ok(peakRss < MAX_PEAK_RSS, `peak RSS ${(peakRss / 1048576).toFixed(0)} MB for a ${(bytes / 1048576).toFixed(1)} MB file`);
  });

  it('does not retry the failed stage on the next ingest, and `retry` runs it', async () => {
    const seen: { stage: string; path: string }[] = [];
    writeFileSync(join(input, 'later.txt'), 'A later memo: the Badr Organization met officials in Basra on 4 May 2019.\n');
    const second = await ingestPaths([input], { store, collection: COLLECTION, stages: crashingStages(seen), finish: finishIngest });
    assert.deepEqual([second.ingested, second.unchanged, second.failed.length], [1, 3, 0]);
    assert.deepEqual(seen.map((s) => s.path.split('/').pop()), ['later.txt', 'later.txt'], 'only the new file ran its stages');
    assert.equal((await store.listStageFailures(ALL_COLLECTIONS)).length, 1, 'the failure stays recorded');
    // `cablegraph retry` (after the fix): the failed documents' stages, again.
    const ids = (await store.listStageFailures(ALL_COLLECTIONS)).map((f) => f.documentId);
    const retried = await runStages(store, defaultStages(), { collections: [COLLECTION] }, ids, { retryFailed: true });
    assert.deepEqual([retried.runs, retried.failed.length], [1, 0]);
    assert.deepEqual(await store.listStageFailures(ALL_COLLECTIONS), []);
  });
});
