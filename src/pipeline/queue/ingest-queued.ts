/**
 * Ingest through the queue (PostgreSQL): this process stores the files' documents as a plain ingest does, enqueues
 * their stage work in batches, waits while workers (its own and any `cablegraph worker` elsewhere) drain the
 * collection's queue, then runs the collection-level steps once, under a per-collection advisory lock.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Stage } from '../../model/index.js';
import type { Store } from '../../store/store.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from '../ingest.js';
import { openBoss, batchJob, DEFAULT_RETRY, type BatchJob, type RetryPolicy } from './boss.js';
import { progressPool, insertRun, openDocumentIds, openDocuments, setRunStatus, closeEarlierRuns, withCollectionLock } from './tables.js';
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
  /** Called once the batches are queued, with the run id: start local workers here. */
  onQueued?: (run: { id: string; documents: number; batches: number }) => void;
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

/** Stores, enqueues, waits for the collection's queue to drain, then runs the collection-level steps. */
export async function ingestQueued(paths: string[], options: QueuedIngestOptions): Promise<QueuedIngestSummary> {
  const { url, store, stages, collection = 'default', batchSize = 25, retry = DEFAULT_RETRY, signal, pollSeconds = 1 } = options;
  // Stages off: the documents are stored (and searchable) here, their stages run on the workers.
  const stored = await ingestPaths(paths, { ...options, stages: [], finish: undefined });
  const pool = progressPool(url);
  try {
    if (stored.interrupted) return { stored, run: null };
    const runId = `${collection}-${new Date().toISOString().replace(/[-:.]/gu, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
    // Documents another unfinished run has queued stay with it; this run waits for them too.
    const open = await openDocumentIds(pool, collection);
    const ids = (await pendingDocuments(store, stages, collection)).filter((id) => !open.has(id));
    const batches: BatchJob[] = [];
    for (let i = 0; i < ids.length; i += batchSize) {
      batches.push({ run: runId, seq: batches.length, collection, ids: ids.slice(i, i + batchSize), job: randomUUID() });
    }
    await insertRun(pool, { id: runId, collection, host: hostname() }, batches);
    const boss = await openBoss(url, 2);
    try {
      for (let i = 0; i < batches.length; i += 500) await boss.insert(batches.slice(i, i + 500).map((b) => batchJob(b, retry)));
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
    options.onQueued?.({ id: runId, documents: ids.length, batches: batches.length });
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
    if (finish && (ids.length > 0 || open.size > 0 || stored.documents > 0 || stored.unchanged > 0)) {
      await withCollectionLock(pool, collection, () => finish(store, collection));
    }
    await setRunStatus(pool, runId, 'finished');
    await closeEarlierRuns(pool, collection);
    return { stored, run: await runProgress(pool, runId) };
  } finally {
    await pool.end();
  }
}
