/**
 * Stages in worker threads: one worker (in this thread) and two give the same store, document for document, fact for
 * fact, entity for entity; a document whose stage throws, or whose worker dies, is recorded as failed with its reason
 * while the others are ingested.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/open.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { defaultStageSpec } from '../../src/pipeline/workers/build-stages.js';
import { tempDir, SAMPLE_CORPUS } from '../helpers.js';
import { writeNewsJsonl, dumpStore, newsParagraphs } from './worker-inputs.js';
import type { TimedRun } from './fixtures/timed-stages.js';

const THROW_MARK = 'Qthrowmarkq';
const EXIT_MARK = 'Qexitmarkq';

/**
 * Ingests `paths` with the timed stage fixture, once with 1 worker and once with 2, each into its own store; returns
 * each run's summary counts, the 2-worker run's timing log and both stores' rows.
 */
async function timedRuns(dir: string, name: string, paths: string[], batchDocuments?: number) {
  const log = join(dir, `${name}.log`);
  const spec = { module: pathToFileURL(join(import.meta.dirname, 'fixtures', 'timed-stages.ts')).href, export: 'timedStages', options: { log, holdMs: 150 } };
  const counts: number[][] = [];
  for (const count of [1, 2]) {
    const store = await openStore(join(dir, `${name}-w${count}.db`));
    try {
      writeFileSync(log, '');
      const summary = await ingestPaths(paths, { store, collection: 'c', workers: { count, spec }, finish: finishIngest, batchDocuments });
      counts.push([summary.ingested, summary.documents, summary.processed, summary.failed.length]);
    } finally {
      await store.close();
    }
  }
  const runs = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TimedRun);
  return { counts, runs, one: dumpStore(join(dir, `${name}-w1.db`)), two: dumpStore(join(dir, `${name}-w2.db`)) };
}

describe('stages in worker threads', () => {
  const dir = tempDir();
  const jsonl = join(dir, 'in', 'news.jsonl');

  before(() => {
    mkdirSync(join(dir, 'in'));
    writeNewsJsonl(jsonl, 24);
  });

  it('1 and 2 workers store the same documents, mentions, relations, events, claims and entities', async () => {
    for (const count of [1, 2]) {
      const store = await openStore(join(dir, `w${count}.db`));
      try {
        const summary = await ingestPaths([SAMPLE_CORPUS, jsonl], {
          store, collection: 'news', stages: defaultStages(), workers: { count, spec: defaultStageSpec() }, finish: finishIngest, batchDocuments: 10,
        });
        assert.deepEqual([summary.ingested, summary.documents, summary.processed, summary.failed.length], [4, 28, 28, 0], `${count} worker(s)`);
      } finally {
        await store.close();
      }
    }
    const [one, two] = [dumpStore(join(dir, 'w1.db')), dumpStore(join(dir, 'w2.db'))];
    assert.equal(one.documents!.length, 28);
    assert.ok(one.mentions!.length > 300, `real extraction ran: ${one.mentions!.length} mentions`);
    assert.ok(one.relations!.length > 10 && one.entities!.length > 50, `${one.relations!.length} relations, ${one.entities!.length} entities`);
    for (const table of Object.keys(one)) assert.deepEqual(two[table], one[table], `table ${table}`);
  });

  it('keeps every worker busy on a folder of single-document files, and stores what one worker stores', async () => {
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    const texts = newsParagraphs(12);
    texts.forEach((text, i) => writeFileSync(join(folder, `article-${String(i).padStart(2, '0')}.txt`), text));
    const { counts, runs, one, two } = await timedRuns(dir, 'folder', [folder]);
    assert.deepEqual(counts, [[12, 12, 12, 0], [12, 12, 12, 0]], 'ingested, documents, processed, failed with 1 and 2 workers');
    // The log is the 2-worker run's: documents ran on both threads, and some while another was running.
    assert.equal(runs.length, 12);
    assert.equal(new Set(runs.map((r) => r.thread)).size, 2, 'both workers ran documents');
    const overlapping = runs.filter((a) => runs.some((b) => b !== a && b.thread !== a.thread && b.start < a.end && a.start < b.end));
    assert.ok(overlapping.length >= 6, `${overlapping.length} of 12 documents ran beside another`);
    assert.ok(one.mentions!.length > 100, `real extraction ran: ${one.mentions!.length} mentions`);
    for (const table of Object.keys(one)) assert.deepEqual(two[table], one[table], `table ${table}`);
  });

  it("runs a container's batch in the workers while the next batch is stored, and stores what one worker stores", async () => {
    const input = join(dir, 'batched.jsonl');
    writeNewsJsonl(input, 12);
    const { counts, runs, one, two } = await timedRuns(dir, 'batched', [input], 4);
    assert.deepEqual(counts, [[1, 13, 13, 0], [1, 13, 13, 0]], 'ingested, documents, processed, failed with 1 and 2 workers');
    // Four documents a batch: the file itself and L1-L3, then L4-L7, L8-L11, L12.
    const batchOf = (r: TimedRun): number => { const m = /#L(\d+)$/u.exec(r.path); return m ? Math.floor(Number(m[1]) / 4) : 0; };
    const early = runs.filter((b) => runs.some((a) => batchOf(a) === batchOf(b) - 1 && b.start < a.end));
    assert.ok(early.length >= 1, 'a record of the next batch started before the batch before had ended');
    for (const table of Object.keys(one)) assert.deepEqual(two[table], one[table], `table ${table}`);
  });

  it('records a stage that throws, and a worker that dies, as failures of their documents; the others are ingested', async () => {
    const input = join(dir, 'failing.jsonl');
    writeNewsJsonl(input, 10);
    appendFileSync(input, `${JSON.stringify({ title: 'Thrown', text: `Qassem Soleimani met Hadi al-Amiri in Baghdad. ${THROW_MARK}` })}\n`);
    appendFileSync(input, `${JSON.stringify({ title: 'Exited', text: `The Quds Force paid the militia in Basra. ${EXIT_MARK}` })}\n`);
    const store = await openStore(join(dir, 'failing.db'));
    try {
      const spec = { module: pathToFileURL(join(import.meta.dirname, 'fixtures', 'failing-stages.ts')).href, export: 'failingStages', options: { throwMark: THROW_MARK, exitMark: EXIT_MARK } };
      const logged: string[] = [];
      const summary = await ingestPaths([input], { store, collection: 'c', workers: { count: 2, spec }, finish: finishIngest, log: (m) => logged.push(m) });
      assert.equal(summary.documents, 13);
      const failures = await store.listStageFailures(ALL_COLLECTIONS);
      assert.deepEqual(failures.map((f) => [f.path.replace(/^.*#/u, ''), f.stage]), [['L11', 'mentions'], ['L12', 'mentions']]);
      assert.match(failures[0]!.reason, /^TypeError: crafted failure on .*#L11$/u);
      assert.match(failures[1]!.reason, /stage worker running this document exited \(code 3\)/u);
      assert.equal(summary.failed.filter((f) => f.code === 'stage-failed').length, 2);
      assert.ok(logged.some((m) => /TypeError: crafted failure[\s\S]*failing-stages\.ts/u.test(m)), 'the worker\'s stack reaches the log');
      const facts = await store.stageRuns('facts', ALL_COLLECTIONS);
      assert.equal([...facts.values()].filter((r) => r.status === 'done').length, 11, 'the root and the 10 good records');
    } finally {
      await store.close();
    }
  });
});
