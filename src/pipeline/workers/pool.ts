/**
 * A pool of stage workers. The main thread hands it documents (read from the store) and gets back each stage's output
 * and at most one failure per document; it stays the one writer. A worker that dies (an uncaught error, running out
 * of memory, process.exit in a stage) fails only the document it was running, whose reason names the exit; the pool
 * starts a replacement and gives the documents queued behind it to the others.
 */
import type { Worker } from 'node:worker_threads';
import type { Mention, StoredDocument } from '../../model/index.js';
import { startWorker } from './start-worker.js';
import { reviveError, type StageInfo, type StageResult, type StageSpec, type TablesMessage, type WorkerInit, type WorkerReply } from './protocol.js';
import type { SharedTables } from '../../nlp/shared-tables.js';

/** What became of one document's stages: the outputs in order, and the failure that ended the run if one did. */
export interface JobOutcome {
  results: StageResult[];
  failure?: { stage: string; version: string; error: Error };
}

interface Job {
  id: number;
  doc: StoredDocument;
  mentions: Mention[];
  stages: string[];
  results: StageResult[];
  resolve: (outcome: JobOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs sent to this worker, oldest (the one running) first. */
  jobs: Job[];
  /** Started to wait for another worker's model tables, not yet given them. */
  waiting: boolean;
  error?: Error;
}

// Documents sent ahead to each worker, so it starts the next one without waiting for the main thread.
const PER_WORKER = 2;
const ENTRY = new URL(`./worker-entry${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** Worker threads running the stages a spec builds. */
export class StagePool {
  /** The stages the workers built, in order, with their versions (what the main thread plans with). */
  stages: StageInfo[] = [];
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private started?: { resolve: () => void; reject: (e: Error) => void };
  private initError?: Error;
  /** The first ready worker's model tables, handed to every worker started after it. */
  private shared?: SharedTables;

  private constructor(readonly size: number, private readonly spec: StageSpec) {}

  /**
   * Starts `size` workers and resolves once one is ready. The first loads the models; the others start at once but
   * wait for its model tables before loading theirs, and take them (shared memory: one copy of the weights for the
   * whole pool, src/nlp/shared-tables.ts).
   */
  static async start(size: number, spec: StageSpec): Promise<StagePool> {
    const pool = new StagePool(Math.max(1, size), spec);
    const ready = new Promise<void>((resolve, reject) => (pool.started = { resolve, reject }));
    for (let i = 0; i < pool.size; i++) pool.spawn();
    try {
      await ready;
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Runs `stages` (names, in order) on one document in a worker. */
  run(doc: StoredDocument, mentions: Mention[], stages: string[]): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('The stage pool is closed.'));
    return new Promise<JobOutcome>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, doc, mentions, stages, results: [], resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; documents still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('The stage pool was closed.');
    for (const job of this.queue.splice(0)) job.reject(error);
    const exits = [...this.slots].map(async (slot) => {
      for (const job of slot.jobs.splice(0)) job.reject(error);
      await slot.worker.terminate();
    });
    this.slots.clear();
    await Promise.all(exits);
  }

  private spawn(): void {
    // Until the first worker is ready with its tables, one worker loads the models and the others wait for them.
    const waits = this.shared === undefined && [...this.slots].some((s) => !s.waiting);
    const init: WorkerInit = { spec: this.spec, ...(this.shared ? { shared: this.shared } : {}), ...(waits ? { waitForTables: true } : {}) };
    const slot: Slot = { worker: startWorker(ENTRY, init), ready: false, jobs: [], waiting: waits };
    this.slots.add(slot);
    slot.worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    slot.worker.on('error', (error) => (slot.error = error));
    slot.worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      slot.ready = true;
      if (this.stages.length === 0) this.stages = reply.stages;
      if (!this.shared) this.handOutTables(reply.shared);
      this.started?.resolve();
      this.started = undefined;
      this.pump();
    } else if (reply.kind === 'init-error') {
      this.initError = reviveError(reply.error);
      void slot.worker.terminate();
    } else {
      const job = slot.jobs[0];
      if (!job || job.id !== reply.id) return;
      if (reply.kind === 'result') {
        job.results.push(reply.result);
        return;
      }
      slot.jobs.shift();
      const f = reply.failure;
      job.resolve({ results: job.results, failure: f ? { stage: f.stage, version: f.version, error: reviveError(f.error) } : undefined });
      this.pump();
    }
  }

  /** Gives the waiting workers the first ready worker's tables (or none, when the one loading them died: each loads its own). */
  private handOutTables(shared: SharedTables): void {
    this.shared = shared;
    for (const s of this.slots) {
      if (!s.waiting) continue;
      s.waiting = false;
      s.worker.postMessage({ kind: 'tables', shared } satisfies TablesMessage);
    }
  }

  /** A worker ended: if it was not asked to, its running document fails with the reason, the rest go back in the queue. */
  private onExit(slot: Slot, code: number): void {
    if (!this.slots.delete(slot) || this.closed) return;
    if (!slot.ready && !slot.waiting && this.shared === undefined) this.handOutTables({});
    const running = slot.jobs.shift();
    this.queue.unshift(...slot.jobs.splice(0));
    if (!slot.ready) {
      // It never started: a broken spec or model. Give up once no worker is left to run anything.
      const error = this.initError ?? slot.error ?? new Error(`A stage worker exited with code ${code} before it was ready.`);
      if (this.slots.size > 0) return;
      this.started?.reject(error);
      for (const job of this.queue.splice(0)) job.reject(error);
      return;
    }
    if (running) {
      const stage = running.stages[running.results.length] ?? running.stages[0] ?? '';
      const version = this.stages.find((s) => s.name === stage)?.version ?? '';
      const why = slot.error ? `: ${slot.error.name}: ${slot.error.message}` : '';
      const error = new Error(`The stage worker running this document exited (code ${code})${why}`, { cause: slot.error });
      running.resolve({ results: running.results, failure: { stage, version, error } });
    }
    this.spawn();
    this.pump();
  }

  /** Sends queued documents to ready workers, the least busy first, at most PER_WORKER each. */
  private pump(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots) {
        if (slot.ready && slot.jobs.length < PER_WORKER && (!best || slot.jobs.length < best.jobs.length)) best = slot;
      }
      if (!best) return;
      const job = this.queue.shift()!;
      best.jobs.push(job);
      best.worker.postMessage({ id: job.id, doc: job.doc, mentions: job.mentions, stages: job.stages });
    }
  }
}
