/**
 * The queue worker in process, with small stages of its own: a batch queued for other stage versions goes back to the
 * queue untouched and the worker stops with a message; `jobs` refuses a SQLite store.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Stage } from '../../src/model/index.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openBoss, batchJob, stageSignature, DEFAULT_RETRY, STAGE_QUEUE, type BatchJob } from '../../src/pipeline/queue/boss.js';
import { progressPool, createRun, addBatches } from '../../src/pipeline/queue/tables.js';
import { runWorker, StageVersionMismatch } from '../../src/pipeline/queue/worker.js';
import { TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';
import { tempDir } from '../helpers.js';
import { runCli } from './harness.js';

/** A stage that finds nothing (the worker's bookkeeping is under test, not extraction). */
function quietStage(version: string): Stage {
  return { name: 'mentions', version, run: async () => ({ mentions: [] }) } as unknown as Stage;
}

describe('cablegraph jobs', () => {
  it('refuses a SQLite store with a usage error', async () => {
    const r = await runCli(['jobs', '--db', join(tempDir(), 'x.db')]);
    assert.equal(r.code, 64);
    assert.match(r.stderr, /jobs needs a PostgreSQL store/u);
  });
});

if (hasPostgres()) {
  describe('Queue worker', () => {
    const server = new TestServer();
    after(() => server.stop());
    const createDatabase = databaseMaker(server, 'cablegraph_worker');

    it('puts back a batch queued for other stage versions and stops with StageVersionMismatch', async () => {
      const url = await createDatabase();
      const store = new PostgresStore(url);
      await store.migrate();
      const pool = progressPool(url);
      const boss = await openBoss(url, 2);
      try {
        const queued = [quietStage('2')];
        const job: BatchJob = { run: 'r1', seq: 0, collection: 'default', ids: ['0123456789abcdef'], job: randomUUID(), stages: stageSignature(queued) };
        await createRun(pool, { id: 'r1', collection: 'default', host: 'test' });
        await addBatches(pool, 'r1', [job]);
        await boss.insert([batchJob(job, DEFAULT_RETRY)]);
        await assert.rejects(runWorker({ url, store, stages: [quietStage('1')] }), (err: unknown) => {
          assert.ok(err instanceof StageVersionMismatch);
          assert.match(err.message, /need stages mentions@2, this worker has mentions@1/u);
          return true;
        });
        const back = await boss.getJobById(STAGE_QUEUE, job.job);
        assert.equal(back?.state, 'created', 'the batch is queued again for a worker with the right versions');
        const { rows } = await pool.query<{ state: string; attempts: number }>('SELECT state, attempts FROM queue_batches');
        assert.deepEqual(rows, [{ state: 'queued', attempts: 0 }]);
      } finally {
        await boss.stop({ graceful: false, close: true });
        await pool.end();
        await store.close();
      }
    });
  });
}
