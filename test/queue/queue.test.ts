/**
 * Queued ingest on PostgreSQL (pg-boss): 1 worker, 2 workers and SQLite give the same store; a worker killed with
 * SIGKILL mid-batch loses and duplicates nothing; a batch lost past its retry limit leaves failures with a reason;
 * `cablegraph jobs` shows it all. A real PostgreSQL server is started by the test, the CLI runs as child processes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import { TestServer, hasPostgres, databaseMaker, PG_BIN } from '../store/pg-server.js';
import { tempDir } from '../helpers.js';
import { paragraphCorpus, runCli, startCli, snapshot, waitFor } from './harness.js';
import type { RunProgress, WorkerProgress } from '../../src/pipeline/queue/progress.js';

// Maintenance (finding expired batches) every second, so a dead worker's batch comes back within seconds.
const FAST = { CABLEGRAPH_QUEUE_MAINTENANCE_SECONDS: '1' };

async function jobs(db: string): Promise<{ runs: RunProgress[]; workers: WorkerProgress[] }> {
  const r = await runCli(['jobs', '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { runs: RunProgress[]; workers: WorkerProgress[] };
}

async function query<T extends pg.QueryResultRow>(db: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts a queued ingest with no local workers and a worker that holds its first batch (test pause), and SIGKILLs
 * that worker once a document of the batch has its stages done: the batch is mid-job, partly done.
 */
async function killMidBatch(db: string, input: string, ingestArgs: string[]): Promise<{ ingest: ReturnType<typeof startCli>; killedBatch: number; during: Awaited<ReturnType<typeof jobs>> }> {
  const ingest = startCli(['ingest', input, '--db', db, '--workers', '0', '--batch-size', '8', '--job-timeout', '10', ...ingestArgs], FAST);
  const victim = startCli(['worker', '--db', db], { ...FAST, CABLEGRAPH_QUEUE_TEST_PAUSE_MS: '600000' });
  const pid = victim.child.pid!;
  const killedBatch = await waitFor('a batch in the victim\'s hands with a document done', 180, async () => {
    const rows = await query<{ seq: number }>(db, `SELECT b.seq FROM queue_batches b WHERE b.state = 'active' AND b.worker LIKE $1
      AND EXISTS (SELECT 1 FROM stage_runs s WHERE s.document_id = ANY(b.document_ids) AND s.stage = 'facts')`, [`%:${pid}:%`]).catch(() => []);
    return rows[0]?.seq;
  }, async () => {
    const batches = await query(db, 'SELECT seq, state, attempts, worker, done, failed FROM queue_batches ORDER BY seq');
    const jobs = await query(db, "SELECT name, state, retry_count, output FROM pgboss.job ORDER BY created_on").catch((err: unknown) => [String(err)]);
    return [ingest.output(), victim.output(), `batches: ${JSON.stringify(batches)}`, `jobs: ${JSON.stringify(jobs)}`].join('\n');
  });
  const during = await jobs(db);
  victim.child.kill('SIGKILL');
  assert.equal((await victim.done).signal, 'SIGKILL');
  return { ingest, killedBatch, during };
}

if (!hasPostgres()) {
  describe('Queued ingest on PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  describe('Queued ingest on PostgreSQL', { timeout: 600_000 }, () => {
    const server = new TestServer();
    after(() => server.stop());
    const createDatabase = databaseMaker(server, 'cablegraph_queue');
    let input = '';
    let expected: Record<string, string[]> = {};

    before(async () => {
      input = paragraphCorpus();
      const sqlite = join(tempDir(), 'reference.db');
      const r = await runCli(['ingest', input, '--db', sqlite]);
      assert.equal(r.code, 0, r.stderr);
      expected = await snapshot(sqlite);
      assert.equal(expected.documents!.length, 68);
      assert.ok(expected.entities!.length > 20 && expected.relations!.length > 10, 'the reference store has entities and relations');
    });

    it('1 local worker gives the same documents, entities and relations as SQLite, and jobs shows the finished run', async () => {
      const db = await createDatabase();
      const r = await runCli(['ingest', input, '--db', db, '--workers', '1', '--batch-size', '8']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await snapshot(db), expected);
      const { runs, workers } = await jobs(db);
      assert.equal(runs.length, 1);
      const run = runs[0]!;
      assert.deepEqual(run.batches, { total: 9, active: 0, retried: 0, failed: 0 });
      assert.deepEqual([run.status, run.documents, run.done, run.failed, run.queued], ['finished', 68, 68, 0, 0]);
      assert.ok(runs[0]!.rate > 0 && runs[0]!.finishedAt !== null);
      assert.equal(workers.length, 1);
      assert.equal(workers[0]!.active, false, 'the local worker stopped with the ingest');
      const text = await runCli(['jobs', '--db', db]);
      assert.match(text.stdout, new RegExp(`${runs[0]!.id}\\s+default\\s+finished`, 'u'));
      assert.match(text.stdout, /documents 68: 0 queued, 68 done, 0 failed/u);
      // Run again: nothing new, no stage work queued, the store unchanged.
      const again = await runCli(['ingest', input, '--db', db, '--workers', '1']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /0 file\(s\) as 0 document\(s\), 68 unchanged/u);
      assert.equal((await jobs(db)).runs[0]!.documents, 0);
      assert.deepEqual(await snapshot(db), expected);
    });

    it('2 local worker processes share the batches and give the same store', async () => {
      const db = await createDatabase();
      const r = await runCli(['ingest', input, '--db', db, '--workers', '2', '--batch-size', '2']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await snapshot(db), expected);
      const byWorker = await query<{ worker: string; n: string }>(db, 'SELECT worker, count(*) AS n FROM queue_batches GROUP BY worker');
      assert.equal(byWorker.length, 2, `batches by worker: ${JSON.stringify(byWorker)}`);
      assert.equal(byWorker.reduce((n, w) => n + Number(w.n), 0), 34);
      const { runs } = await jobs(db);
      assert.equal(runs[0]!.done, 68);
    });

    it('an interrupted ingest leaves its batches queued; the same command again works them and finishes both runs', async () => {
      const db = await createDatabase();
      const first = startCli(['ingest', input, '--db', db, '--workers', '0', '--batch-size', '8']);
      // No workers: once its batches are queued the ingest waits; Ctrl-C then stops it with its work queued.
      await waitFor('the first run\'s batches', 90, async () => {
        const rows = await query<{ n: string }>(db, 'SELECT sum(cardinality(document_ids)) AS n FROM queue_batches').catch(() => []);
        return Number(rows[0]?.n ?? 0) === 68 ? true : undefined;
      });
      first.child.kill('SIGINT');
      const stopped = await first.done;
      assert.equal(stopped.code, 130, stopped.stderr);
      assert.equal((await jobs(db)).runs[0]!.status, 'interrupted');
      const again = await runCli(['ingest', input, '--db', db, '--workers', '1', '--batch-size', '8']);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(await snapshot(db), expected);
      const { runs } = await jobs(db);
      assert.deepEqual(runs.map((r) => [r.status, r.documents, r.done]), [['finished', 0, 0], ['finished', 68, 68]]);
    });

    it('a worker killed with SIGKILL mid-batch: the batch is retried by another, nothing lost, nothing duplicated', async () => {
      const db = await createDatabase();
      const { ingest, killedBatch, during } = await killMidBatch(db, input, []);
      // Seen mid-run, before the kill: the run in progress, the victim holding one batch.
      assert.equal(during.runs[0]!.status, 'running');
      assert.deepEqual([during.runs[0]!.batches.active, during.runs[0]!.activeWorkers], [1, 1]);
      assert.ok(during.runs[0]!.queued > 0 && during.runs[0]!.done === 0);
      assert.equal(during.workers.filter((w) => w.active).length, 1);
      const rescuer = startCli(['worker', '--db', db, '--concurrency', '2'], FAST);
      const r = await ingest.done;
      assert.equal(r.code, 0, r.stderr);
      rescuer.child.kill('SIGTERM');
      const stopped = await rescuer.done;
      assert.equal(stopped.code, 0, stopped.stderr);
      assert.match(stopped.stdout, /Worker \S+: \d+ batch\(es\), \d+ document\(s\), 0 failed/u);
      assert.deepEqual(await snapshot(db), expected);
      const [batch] = await query<{ state: string; attempts: number; done: number }>(db, 'SELECT state, attempts, done FROM queue_batches WHERE seq = $1', [killedBatch]);
      assert.deepEqual(batch, { state: 'done', attempts: 2, done: 8 });
      const { runs, workers } = await jobs(db);
      assert.deepEqual([runs[0]!.done, runs[0]!.failed, runs[0]!.batches.retried], [68, 0, 1]);
      assert.equal(workers.filter((w) => w.active).length, 0);
      assert.equal(workers.length, 2);
    });

    it('a batch lost past its retry limit: its documents are recorded as failed with the reason, and retry completes them', async () => {
      const db = await createDatabase();
      const { ingest, killedBatch } = await killMidBatch(db, input, ['--retry-limit', '0']);
      const rescuer = startCli(['worker', '--db', db], FAST);
      const r = await ingest.done;
      rescuer.child.kill('SIGTERM');
      await rescuer.done;
      assert.equal(r.code, 2, 'some documents failed');
      const { runs } = await jobs(db);
      const [batch] = await query<{ state: string; done: number; failed: number }>(db, 'SELECT state, done, failed FROM queue_batches WHERE seq = $1', [killedBatch]);
      assert.equal(batch!.state, 'failed');
      assert.ok(batch!.done >= 1 && batch!.done + batch!.failed === 8, `killed batch: ${JSON.stringify(batch)}`);
      assert.deepEqual([runs[0]!.done, runs[0]!.failed, runs[0]!.batches.failed], [68 - batch!.failed, batch!.failed, 1]);
      const failures = await query<{ code: string; message: string }>(db, "SELECT code, message FROM failures WHERE code = 'worker-failed'");
      assert.equal(failures.length, batch!.failed);
      assert.match(failures[0]!.message, /given up after its retries.*timeout/u);
      const stats = await runCli(['stats', '--db', db]);
      assert.match(stats.stdout, new RegExp(`stage failures \\(${batch!.failed}\\)`, 'u'));
      const retried = await runCli(['retry', '--db', db]);
      assert.equal(retried.code, 0, retried.stderr);
      assert.deepEqual(await snapshot(db), expected);
      assert.match((await runCli(['stats', '--db', db])).stdout, /failures \(0\)[\s\S]*stage failures \(0\)/u);
    });
  });
}
