/**
 * The main thread's side of pooled stages: it reads each document (and its mentions) from the store, hands it to the
 * pool, and writes what comes back, so it stays the only writer. At most two documents per worker are read and not
 * yet written, so memory stays flat whatever the number of documents.
 */
import type { Store, Scope } from '../../store/store.js';
import type { StagePool, JobOutcome } from './pool.js';
import type { StageInfo } from './protocol.js';
import { stageInput, recordStageFailure, type FailureSink } from '../stage-io.js';

/** Documents read ahead per worker: one running, one waiting in the worker, one being written or read here. */
const IN_FLIGHT_PER_WORKER = 2;

/** Runs each document's stages in the pool; returns the completed (stage, document) runs and whether the signal stopped it. */
export async function runPooled(store: Store, pool: StagePool, work: { id: string; stages: StageInfo[] }[], scope: Scope,
  sink: FailureSink, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<{ runs: number; interrupted: boolean }> {
  const limit = Math.max(1, pool.size * IN_FLIGHT_PER_WORKER);
  const inFlight = new Set<Promise<void>>();
  let runs = 0;
  let done = 0;
  let interrupted = false;
  const finished = (): void => options.onProgress?.(++done, work.length);
  for (const item of work) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    let input: Awaited<ReturnType<typeof stageInput>>;
    try {
      input = await stageInput(store, item.id, scope);
    } catch (error) {
      // Reading failed (as it could in one thread, where it is the stage's failure too).
      await recordStageFailure(store, item.id, { collection: '', path: item.id }, item.stages[0]!, error, sink);
      finished();
      continue;
    }
    if (!input) {
      finished();
      continue;
    }
    const where = { collection: input.doc.collection, path: input.doc.path };
    const task = pool.run(input.doc, input.mentions, item.stages.map((s) => s.name))
      .catch((error: unknown): JobOutcome => ({ results: [], failure: { stage: item.stages[0]!.name, version: item.stages[0]!.version, error: error as Error } }))
      .then(async (outcome) => {
        runs += await write(store, item.id, where, outcome, sink);
        finished();
      });
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    while (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { runs, interrupted };
}

/** Stores a document's stage outputs in order, then its failure if it had one; returns the outputs stored. */
async function write(store: Store, id: string, where: { collection: string; path: string }, outcome: JobOutcome, sink: FailureSink): Promise<number> {
  let ran = 0;
  for (const r of outcome.results) {
    try {
      await store.putStageOutput(id, r.stage, r.version, r.output);
      ran++;
    } catch (error) {
      // Storing failed (a constraint, a full disk): that stage failed on this document, as it would in one thread.
      await recordStageFailure(store, id, where, { name: r.stage, version: r.version }, error, sink);
      return ran;
    }
  }
  if (outcome.failure) {
    await recordStageFailure(store, id, where, { name: outcome.failure.stage, version: outcome.failure.version }, outcome.failure.error, sink);
  }
  return ran;
}
