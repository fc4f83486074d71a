/**
 * Sends a run's documents to the stage queue in batches while the files are still being stored, so workers start on
 * the first batch at once instead of after the last file.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { batchJob, type BatchJob, type RetryPolicy } from './boss.js';
import { addBatches, documentsAfter, openDocumentIds } from './tables.js';

/** Batches of one run: `add` queues ids, `collect` picks up documents stored since its last call; calls run in order. */
export class RunEnqueuer {
  private buffer: string[] = [];
  private nextSeq = 0;
  private chain: Promise<void> = Promise.resolve();
  /** Documents sent to the queue so far. */
  documents = 0;
  batches = 0;

  constructor(private readonly pool: pg.Pool, private readonly boss: PgBoss, readonly runId: string, private readonly collection: string,
    private readonly batchSize: number, private readonly retry: RetryPolicy, private lastSeq: number, private readonly stages: string) {}

  /** Queues ids (full batches now; the rest with the next call or `flush`). */
  add(ids: readonly string[]): Promise<void> {
    return this.then(async () => {
      this.buffer.push(...ids);
      await this.send(false);
    });
  }

  /**
   * Queues the collection's documents stored since the last call, except those another unfinished run holds
   * (a concurrent ingest of the same collection); `final` also sends the last, partial batch.
   */
  collect(final = false): Promise<void> {
    return this.then(async () => {
      const found = await documentsAfter(this.pool, this.collection, this.lastSeq);
      this.lastSeq = found.last;
      const open = found.ids.length > 0 ? await openDocumentIds(this.pool, this.collection) : new Set<string>();
      this.buffer.push(...found.ids.filter((id) => !open.has(id)));
      await this.send(final);
    });
  }

  /** Waits for the calls so far (the first error is thrown here too). */
  settled(): Promise<void> {
    return this.chain;
  }

  private then(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(work);
    return this.chain;
  }

  private async send(final: boolean): Promise<void> {
    const batches: BatchJob[] = [];
    while (this.buffer.length >= this.batchSize || (final && this.buffer.length > 0)) {
      const ids = this.buffer.splice(0, this.batchSize);
      batches.push({ run: this.runId, seq: this.nextSeq++, collection: this.collection, ids, job: randomUUID(), stages: this.stages });
    }
    if (batches.length === 0) return;
    await addBatches(this.pool, this.runId, batches);
    await this.boss.insert(batches.map((b) => batchJob(b, this.retry)));
    this.documents += batches.reduce((n, b) => n + b.ids.length, 0);
    this.batches += batches.length;
  }
}
