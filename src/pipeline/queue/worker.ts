/**
 * A queue worker: N loops in this process, each taking one batch at a time from the stage queue and running the
 * stages on its documents; batches whose retries ran out get their documents' failure recorded. On abort each loop
 * finishes the batch in hand, then the worker ends.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { Stage } from '../../model/index.js';
import type { Store } from '../../store/store.js';
import { runStages, type StageFailureEvent } from '../run-stages.js';
import { describeError, errorDetail } from '../errors.js';
import { openBoss, jobFailureMessage, stageSignature, STAGE_QUEUE, DEAD_QUEUE, type BatchJob } from './boss.js';
import { progressPool, startBatch, finishBatch, registerWorker, heartbeat, workerStopped } from './tables.js';
import { batchOutcome, LOST_BATCH_CODE } from './outcome.js';

/** What a worker needs. */
export interface WorkerOptions {
  /** The store's PostgreSQL URL (the queue lives in the same database). */
  url: string;
  store: Store;
  stages: Stage[];
  /** Batches worked on at once in this process (async loops sharing one thread). */
  concurrency?: number;
  /** Stops taking batches; the ones in hand are finished. */
  signal?: AbortSignal;
  /** Seconds between polls of an empty queue. */
  pollSeconds?: number;
  log?: (message: string) => void;
  /** Called after each batch. */
  onBatch?: (event: { run: string; seq: number; documents: number; failed: number }) => void;
}

/** What a worker did. */
export interface WorkerSummary {
  id: string;
  batches: number;
  documents: number;
  failed: number;
}

/** Heartbeat period; `cablegraph jobs` counts a worker active if seen within a few of these. */
export const HEARTBEAT_SECONDS = 5;

const RECONNECT_SECONDS = 5;

/** Runs the worker until aborted; returns its counts. Throws StageVersionMismatch when the queue's runs need other stage versions. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { url, concurrency = 1, pollSeconds = 1 } = options;
  const summary: WorkerSummary = { id: `${hostname()}:${process.pid}:${Date.now().toString(36)}`, batches: 0, documents: 0, failed: 0 };
  // Stops the loops on the caller's signal, or on a stage version mismatch (this worker must not run that batch).
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) stop.abort();
  let mismatch: StageVersionMismatch | undefined;
  const pool = progressPool(url);
  const boss = await openBoss(url, Math.max(2, concurrency + 1));
  try {
    await registerWorker(pool, { id: summary.id, host: hostname(), pid: process.pid, concurrency });
    const beat = setInterval(() => void heartbeat(pool, summary.id).catch(() => undefined), HEARTBEAT_SECONDS * 1000);
    beat.unref();
    try {
      const loop = async (): Promise<void> => {
        while (!stop.signal.aborted) {
          try {
            if (await takeOne(boss, pool, options, summary)) continue;
          } catch (err) {
            if (err instanceof StageVersionMismatch) {
              mismatch = err;
              stop.abort();
              return;
            }
            // The database is unreachable for a moment (restart, network): wait and try again; a batch in hand comes back by expiry.
            options.log?.(`queue unreachable, retrying in ${RECONNECT_SECONDS} s: ${describeError(err)}`);
            await sleep(RECONNECT_SECONDS * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
            continue;
          }
          await sleep(pollSeconds * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, loop));
    } finally {
      clearInterval(beat);
      await workerStopped(pool, summary.id).catch(() => undefined);
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
  if (mismatch) throw mismatch;
  return summary;
}

/** The run's batches need stage versions this worker does not have (machines on different Cablegraph versions). */
export class StageVersionMismatch extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super(`the queued batches need stages ${expected}, this worker has ${actual}: run the same Cablegraph version on every machine`);
    this.name = 'StageVersionMismatch';
  }
}

/** Takes and handles one job (dead letters first: they are quick); false when both queues are empty. */
async function takeOne(boss: PgBoss, pool: ReturnType<typeof progressPool>, options: WorkerOptions, summary: WorkerSummary): Promise<boolean> {
  const [dead] = await boss.fetch<BatchJob>(DEAD_QUEUE, { batchSize: 1 });
  if (dead) {
    await recordLost(boss, pool, options, dead.data);
    await boss.complete(DEAD_QUEUE, dead.id);
    return true;
  }
  const [job] = await boss.fetch<BatchJob>(STAGE_QUEUE, { batchSize: 1 });
  if (!job) return false;
  const mine = stageSignature(options.stages);
  if (job.data.stages !== mine) {
    // Back to the queue for a worker with the right versions (cancel, then resume: state "created" again).
    await boss.cancel(STAGE_QUEUE, job.id);
    await boss.resume(STAGE_QUEUE, job.id);
    throw new StageVersionMismatch(job.data.stages, mine);
  }
  try {
    await startBatch(pool, job.data, summary.id);
    const { store, stages } = options;
    const scope = { collections: [job.data.collection] };
    const onFailure = (f: StageFailureEvent): void => options.log?.(`stage "${f.stage}" (${f.version}) failed on ${f.path} [${f.documentId}]\n${errorDetail(f.error)}`);
    const pause = testPauseMs();
    if (pause > 0) {
      await runStages(store, stages, scope, job.data.ids.slice(0, 1), { onFailure });
      await sleep(pause);
    }
    await runStages(store, stages, scope, job.data.ids, { onFailure });
    const outcome = await batchOutcome(store, stages, job.data.collection, job.data.ids);
    const counts = { done: outcome.done.length, failed: outcome.failed.length };
    await finishBatch(pool, job.data, 'done', counts, summary.id);
    await boss.complete(STAGE_QUEUE, job.id);
    summary.batches++;
    summary.documents += job.data.ids.length;
    summary.failed += counts.failed;
    options.onBatch?.({ run: job.data.run, seq: job.data.seq, documents: job.data.ids.length, failed: counts.failed });
  } catch (err) {
    // The store or the queue failed (not a stage: runStages records those): pg-boss retries the batch.
    options.log?.(`batch ${job.data.run}#${job.data.seq} failed, to be retried: ${errorDetail(err)}`);
    await boss.fail(STAGE_QUEUE, job.id, { message: describeError(err) }).catch(() => undefined);
  }
  return true;
}

/**
 * A batch whose retries ran out: its documents not done get a failed stage run (the first stage they lack, so
 * `cablegraph retry` picks them up) and a failure record with the reason; the batch is closed as failed.
 */
async function recordLost(boss: PgBoss, pool: ReturnType<typeof progressPool>, options: WorkerOptions, job: BatchJob): Promise<void> {
  const { store, stages } = options;
  const message = await jobFailureMessage(boss, job.job);
  const reason = `the batch was given up after its retries (a worker died or ran past its time limit): ${message}`;
  const outcome = await batchOutcome(store, stages, job.collection, job.ids);
  for (const { id, stage } of outcome.pending) {
    await store.putStageFailure(id, stage.name, stage.version, reason);
    const doc = await store.getDocument(id, { collections: [job.collection] });
    await store.recordFailure({ collection: job.collection, path: doc?.path ?? id, code: LOST_BATCH_CODE, message: `stage "${stage.name}" not run: ${reason}`, at: new Date().toISOString() });
  }
  options.log?.(`batch ${job.run}#${job.seq} given up: ${outcome.pending.length} document(s) recorded as failed (${message})`);
  await finishBatch(pool, job, 'failed', { done: outcome.done.length, failed: outcome.failed.length + outcome.pending.length });
}

/**
 * Tests only: CABLEGRAPH_QUEUE_TEST_PAUSE_MS makes a worker stop for that long after the first document of each batch,
 * so a test can kill it mid-batch deterministically (one document done, the others not).
 */
function testPauseMs(): number {
  const ms = Number(process.env.CABLEGRAPH_QUEUE_TEST_PAUSE_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
