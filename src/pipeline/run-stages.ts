/**
 * Runs extraction stages over stored documents: only stages whose current version has not run on a document, each
 * document's failure recorded (stage, version, reason) and reported, never fatal to the others. The stages run in
 * this thread one document at a time, or in a pool of worker threads (workers/) with this thread as the one writer.
 */
import type { Stage } from '../model/index.js';
import type { Store, Scope, StageRun } from '../store/store.js';
import type { StagePool } from './workers/pool.js';
import type { StageInfo } from './workers/protocol.js';
import { stageInput, recordStageFailure, type FailureSink, type StageFailureEvent } from './stage-io.js';
import { runPooled } from './workers/run-pooled.js';

export type { StageFailureEvent } from './stage-io.js';

const PAGE = 500;

/** Where the stages run: in this thread (the stages themselves), or in a worker pool (the pool's stages, or some of them). */
export type StageSource = Stage[] | { pool: StagePool; stages: StageInfo[] };

/** How runStages chooses and reports its work. */
export interface RunStagesOptions {
  /** Re-run even where the current version ran (`reprocess --all`). */
  force?: boolean;
  /** Re-run stages that failed at their current version (`retry`); otherwise a failed document is left alone. */
  retryFailed?: boolean;
  /** Called with 0 once the documents to process are known, then after each document. */
  onProgress?: (done: number, total: number) => void;
  /** Called for each failure, after it is recorded; the document's later stages are skipped. */
  onFailure?: (failure: StageFailureEvent) => void;
  /** Stops after the documents in progress. */
  signal?: AbortSignal;
}

/** What one run did. */
export interface StageRunSummary {
  /** (stage, document) runs that completed. */
  runs: number;
  /** Documents that had stages to run. */
  documents: number;
  failed: StageFailureEvent[];
  /** True when the signal stopped the run early. */
  interrupted: boolean;
}

/** One document and the stages it still needs, in order. */
export interface StageWork<T extends StageInfo = StageInfo> {
  id: string;
  stages: T[];
}

/**
 * Runs each stage, in order, on the given documents (default: every document in scope) where its stored output is
 * missing or from another version. A stage that failed at its current version is skipped with the document's later
 * stages, unless `retryFailed` (or `force`) is set.
 */
export async function runStages(store: Store, source: StageSource, scope: Scope, documentIds?: readonly string[], options: RunStagesOptions = {}): Promise<StageRunSummary> {
  const summary: StageRunSummary = { runs: 0, documents: 0, failed: [], interrupted: false };
  const stages: StageInfo[] = Array.isArray(source) ? source : source.stages;
  if (stages.length === 0) return summary;
  const ids = documentIds ?? (await allDocumentIds(store, scope));
  const runs = await Promise.all(stages.map((s) => store.stageRuns(s.name, scope, documentIds)));
  const work: StageWork[] = [];
  for (const id of ids) {
    const todo = plan(stages, runs.map((r) => r.get(id)), options);
    if (todo.length > 0) work.push({ id, stages: todo });
  }
  summary.documents = work.length;
  options.onProgress?.(0, work.length);
  const sink: FailureSink = { failed: summary.failed, onFailure: options.onFailure };
  if (!Array.isArray(source)) {
    const pooled = await runPooled(store, source.pool, work, scope, sink, options);
    summary.runs += pooled.runs;
    summary.interrupted = pooled.interrupted;
    return summary;
  }
  for (const [done, item] of work.entries()) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    summary.runs += await runOne(store, item.id, item.stages as Stage[], scope, sink);
    options.onProgress?.(done + 1, work.length);
  }
  return summary;
}

/** The stages to run on one document, given its recorded runs of each: pending ones, up to a failure left alone. */
function plan<T extends StageInfo>(stages: T[], runs: (StageRun | undefined)[], options: RunStagesOptions): T[] {
  const todo: T[] = [];
  for (const [k, stage] of stages.entries()) {
    const run = runs[k];
    const current = run !== undefined && run.version === stage.version;
    // Failed at this version: later stages would read its missing output, so the document waits for `retry`.
    if (current && run.status === 'failed' && !options.retryFailed && !options.force) break;
    if (options.force || !current || run.status === 'failed') todo.push(stage);
  }
  return todo;
}

/** Runs `stages` on one document in this thread; a failure is recorded and ends the document's run. Returns the completed runs. */
async function runOne(store: Store, id: string, stages: Stage[], scope: Scope, sink: FailureSink): Promise<number> {
  let ran = 0;
  let where = { collection: '', path: id };
  for (const stage of stages) {
    try {
      const input = await stageInput(store, id, scope);
      if (!input) return ran;
      where = { collection: input.doc.collection, path: input.doc.path };
      await store.putStageOutput(id, stage.name, stage.version, await stage.run(input.doc, { mentions: input.mentions }));
      ran++;
    } catch (error) {
      await recordStageFailure(store, id, where, stage, error, sink);
      return ran;
    }
  }
  return ran;
}

async function allDocumentIds(store: Store, scope: Scope): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments(scope, PAGE, offset);
    for (const d of page.items) ids.push(d.id);
    if (page.items.length < PAGE) return ids;
  }
}
