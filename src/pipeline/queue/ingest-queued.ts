/**
 * Ingest through the queue (PostgreSQL): this process stores the files' documents as a plain ingest does, enqueues
 * their stage work in batches as they are stored, waits while workers (its own and any `cablegraph worker` elsewhere) drain the
 * collection's queue, then runs the collection-level steps once, under a per-collection advisory lock.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Stage } from '../../model/index.js';
import type { Store } from '../../store/store.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from '../ingest.js';
import { openBoss, stageSignature, DEFAULT_RETRY, type RetryPolicy } from './boss.js';
import { progressPool, createRun, lastDocumentSeq, openDocumentIds, openDocuments, setRunStatus, closeEarlierRuns, withCollectionLock } from './tables.js';
import { RunEnqueuer } from './enqueue.js';
import { pendingDocuments } from './outcome.js';
import { runProgress, type RunProgress } from './progress.js';

/** Options of a queued ingest: those of ingestPaths, plus the queue's. */
export interface QueuedIngestOptions extends Omit<IngestOptions, 'stages' | 'finish'> {
  /** The store's PostgreSQL URL. */
  url: string;
  stages: Stage[];
  finish?: (store: Store, collection: string) => Promise<void>;
  /** Documents per job (default 25). */
  batchSize?: number;
  retry?: RetryPolicy;
  /** Called once the run is recorded, before the files are stored (batches are queued as they are): start local workers here. */
  onQueued?: (run: { id: string }) => void;
  /** Called every poll while waiting for the queue. */
  onWait?: (progress: RunProgress) => void;
  /** Seconds between polls of the run's progress. */
  pollSeconds?: number;
}

/** What a queued ingest did: the store phase's summary, the run and its final counts. */
export interface QueuedIngestSummary {
  stored: IngestSummary;
  run: RunProgress | null;
}

/** Stores and enqueues (batches sent as files are stored), waits for the collection's queue to drain, then runs the collection-level steps. */
export async function ingestQueued(paths: string[], options: QueuedIngestOptions): Promise<QueuedIngestSummary> {
  const { url, store, stages, collection = 'default', batchSize = 25, retry = DEFAULT_RETRY, signal, pollSeconds = 1 } = options;
  const pool = progressPool(url);
  const boss = await openBoss(url, 2);
  try {
    const runId = `${collection}-${new Date().toISOString().replace(/[-:.]/gu, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
    await createRun(pool, { id: runId, collection, host: hostname() });
    // Documents up to this seq are checked for pending work now; those stored after it are picked up as they come.
    const lastSeq = await lastDocumentSeq(pool);
    const enqueuer = new RunEnqueuer(pool, boss, runId, collection, batchSize, retry, lastSeq, stageSignature(stages));
    // Work an earlier run left (stored documents whose stages did not run, or ran at an older version) goes first.
    const open = await openDocumentIds(pool, collection);
    await enqueuer.add((await pendingDocuments(store, pool, stages, collection, lastSeq)).filter((id) => !open.has(id)));
    options.onQueued?.({ id: runId });
    let sinceCollect = 0;
    // Stages off here: the documents are stored (and searchable) by this process, their stages run on the workers.
    const stored = await ingestPaths(paths, {
      ...options, stages: [], finish: undefined,
      onProgress: (event) => {
        options.onProgress?.(event);
        if (event.kind !== 'file') return;
        sinceCollect += event.documents;
        if (sinceCollect < batchSize) return;
        sinceCollect = 0;
        enqueuer.collect().catch(() => undefined); // a failure is thrown by settled() below
      },
    });
    await enqueuer.collect(true);
    await enqueuer.settled();
    if (stored.interrupted) {
      await setRunStatus(pool, runId, 'interrupted');
      return { stored, run: await runProgress(pool, runId) };
    }
    while ((await openDocuments(pool, collection)) > 0) {
      if (signal?.aborted) {
        await setRunStatus(pool, runId, 'interrupted');
        return { stored: { ...stored, interrupted: true }, run: await runProgress(pool, runId) };
      }
      const progress = await runProgress(pool, runId);
      if (progress) options.onWait?.(progress);
      await sleep(pollSeconds * 1000, undefined, { signal }).catch(() => undefined);
    }
    await setRunStatus(pool, runId, 'finishing');
    const finish = options.finish;
    if (finish && (enqueuer.documents > 0 || open.size > 0 || stored.documents > 0 || stored.unchanged > 0)) {
      await withCollectionLock(pool, collection, () => finish(store, collection));
    }
    await setRunStatus(pool, runId, 'finished');
    await closeEarlierRuns(pool, collection);
    return { stored, run: await runProgress(pool, runId) };
  } finally {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    await pool.end();
  }
}
