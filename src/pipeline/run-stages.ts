/**
 * Runs extraction stages over stored documents, one document at a time: only stages whose current version has not run
 * on it, each document's failure recorded (stage, version, reason) and reported, never fatal to the others.
 */
import type { Mention, Stage, StoredDocument } from '../model/index.js';
import type { Store, Scope, StageRun } from '../store/store.js';
import { boundSentences } from '../nlp/sentences.js';
import { describeError } from './errors.js';

const PAGE = 500;

/** A stage that failed on a document during a run (already recorded in the store). */
export interface StageFailureEvent {
  documentId: string;
  collection: string;
  path: string;
  stage: string;
  version: string;
  /** The error in one line. */
  reason: string;
  /** The error itself, for the log (stack and causes). */
  error: unknown;
}

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
  /** Stops after the document in progress. */
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

/**
 * Runs each stage, in order, on the given documents (default: every document in scope) where its stored output is
 * missing or from another version. A stage that failed at its current version is skipped with the document's later
 * stages, unless `retryFailed` (or `force`) is set.
 */
export async function runStages(store: Store, stages: Stage[], scope: Scope, documentIds?: readonly string[], options: RunStagesOptions = {}): Promise<StageRunSummary> {
  const summary: StageRunSummary = { runs: 0, documents: 0, failed: [], interrupted: false };
  if (stages.length === 0) return summary;
  const ids = documentIds ?? (await allDocumentIds(store, scope));
  const runs = await Promise.all(stages.map((s) => store.stageRuns(s.name, scope, documentIds)));
  const work: { id: string; stages: Stage[] }[] = [];
  for (const id of ids) {
    const todo = plan(stages, runs.map((r) => r.get(id)), options);
    if (todo.length > 0) work.push({ id, stages: todo });
  }
  summary.documents = work.length;
  options.onProgress?.(0, work.length);
  for (const [done, item] of work.entries()) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    summary.runs += await runOne(store, item.id, item.stages, scope, summary, options);
    options.onProgress?.(done + 1, work.length);
  }
  return summary;
}

/** The stages to run on one document, given its recorded runs of each: pending ones, up to a failure left alone. */
function plan(stages: Stage[], runs: (StageRun | undefined)[], options: RunStagesOptions): Stage[] {
  const todo: Stage[] = [];
  for (const [k, stage] of stages.entries()) {
    const run = runs[k];
    const current = run !== undefined && run.version === stage.version;
    // Failed at this version: later stages would read its missing output, so the document waits for `retry`.
    if (current && run.status === 'failed' && !options.retryFailed && !options.force) break;
    if (options.force || !current || run.status === 'failed') todo.push(stage);
  }
  return todo;
}

/** Runs `stages` on one document; a failure is recorded and ends the document's run. Returns the completed runs. */
async function runOne(store: Store, id: string, stages: Stage[], scope: Scope, summary: StageRunSummary, options: RunStagesOptions): Promise<number> {
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
      const failure: StageFailureEvent = { documentId: id, ...where, stage: stage.name, version: stage.version, reason: describeError(error), error };
      try {
        await store.putStageFailure(id, stage.name, stage.version, failure.reason);
      } catch (recordError) {
        // The store itself is failing: report both, the run goes on with the next document.
        failure.error = new Error(`${failure.reason} (and recording the failure failed: ${describeError(recordError)})`, { cause: error });
      }
      summary.failed.push(failure);
      options.onFailure?.(failure);
      return ran;
    }
  }
  return ran;
}

/**
 * What a stage reads: the document (sentences bounded: documents stored before the bound get it here) and the
 * mentions earlier stages stored. Read in a function of its own, so the rows as read are garbage once it returns
 * (an async caller's suspended frame would keep them alive through the stage).
 */
async function stageInput(store: Store, id: string, scope: Scope): Promise<{ doc: StoredDocument; mentions: Mention[] } | null> {
  const stored = await store.getDocument(id, scope);
  if (!stored) return null;
  const mentions = shareStrings(await store.listMentions(id, scope));
  return { doc: { ...stored, sentences: boundSentences(stored.text, stored.sentences) }, mentions };
}

/**
 * The mentions with their repeated strings shared: rows read from the store carry a fresh copy of every string, and a
 * long document names the same entities 100,000s of times (a 3 MB file: 54,000 mentions, 900 bytes each as read).
 */
function shareStrings(mentions: Mention[]): Mention[] {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    const known = pool.get(s);
    if (known !== undefined) return known;
    pool.set(s, s);
    return s;
  };
  return mentions.map((m) => ({
    documentId: one(m.documentId), start: m.start, end: m.end, text: one(m.text), type: m.type, norm: one(m.norm),
    confidence: m.confidence, entityKey: m.entityKey === undefined ? undefined : one(m.entityKey),
    entityId: m.entityId === undefined ? undefined : one(m.entityId), stage: one(m.stage), version: one(m.version),
  }));
}

async function allDocumentIds(store: Store, scope: Scope): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments(scope, PAGE, offset);
    for (const d of page.items) ids.push(d.id);
    if (page.items.length < PAGE) return ids;
  }
}
