/**
 * Background application of pending decisions in the server process: one job per collection at a time, each a
 * resolution step that yields to the event loop between rounds of work, so requests keep being answered meanwhile.
 */
import type { Store } from '../store/store.js';
import { applyPendingDecisions } from '../pipeline/resolve-collection.js';

/** Options of DecisionJobs. */
export interface DecisionJobOptions {
  /** Called when a job fails (the decisions stay pending and are tried again on the next schedule or restart). */
  onError?: (err: unknown, collection: string) => void;
  /** Awaited before each job starts (tests use it to hold a job while they check that requests are answered). */
  beforeJob?: (collection: string) => Promise<void>;
}

/** The job runner of one store. */
export class DecisionJobs {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(private readonly store: Store, private readonly options: DecisionJobOptions = {}) {}

  /** Applies the collection's pending decisions soon; if a job is running for it, once more after that job. */
  schedule(collection: string): void {
    if (this.running.has(collection)) {
      this.again.add(collection);
      return;
    }
    const job = this.run(collection).finally(() => {
      this.running.delete(collection);
      if (this.again.delete(collection)) this.schedule(collection);
    });
    this.running.set(collection, job);
  }

  /** Resolves once no job is running or scheduled. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Schedules every collection that has pending decisions (after a restart or a crash). */
  async recover(): Promise<number> {
    const collections = [...new Set((await this.store.resolution.pendingDecisions()).map((d) => d.collection))];
    for (const c of collections) this.schedule(c);
    return collections.length;
  }

  private async run(collection: string): Promise<void> {
    // Let the request that scheduled the job answer first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await this.options.beforeJob?.(collection);
      await applyPendingDecisions(this.store, collection);
    } catch (err) {
      (this.options.onError ?? ((e) => console.error(`Applying decisions in "${collection}" failed:`, e)))(err, collection);
    }
  }
}
