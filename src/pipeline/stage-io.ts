/** What the stage runners share: reading a document's stage input from the store, and recording a stage failure. */
import type { Mention, StoredDocument } from '../model/index.js';
import type { Store, Scope, StageFailure } from '../store/store.js';
import { boundSentences } from '../nlp/sentences.js';
import { describeError } from './errors.js';
import { stringPool } from '../model/string-pool.js';

/** A stage that failed on a document during a run (already recorded in the store, where it is a StageFailure). */
export interface StageFailureEvent extends Omit<StageFailure, 'at'> {
  /** The error itself, for the log (stack and causes). */
  error: unknown;
}

/** Where failures of one run are collected and reported. */
export interface FailureSink {
  failed: StageFailureEvent[];
  onFailure?: (failure: StageFailureEvent) => void;
}

/**
 * What a stage reads: the document (sentences bounded: documents stored before the bound get it here) and the
 * mentions earlier stages stored. Read in a function of its own, so the rows as read are garbage once it returns
 * (an async caller's suspended frame would keep them alive through the stage).
 */
export async function stageInput(store: Store, id: string, scope: Scope): Promise<{ doc: StoredDocument; mentions: Mention[] } | null> {
  const stored = await store.getDocument(id, scope);
  if (!stored) return null;
  const mentions = shareStrings(await store.listMentions(id, scope));
  return { doc: { ...stored, sentences: boundSentences(stored.text, stored.sentences) }, mentions };
}

/** Records that `stage` failed on a document (stage_runs), then reports it; a failing store is reported too, never thrown. */
export async function recordStageFailure(store: Store, documentId: string, where: { collection: string; path: string },
  stage: { name: string; version: string }, error: unknown, sink: FailureSink): Promise<void> {
  const failure: StageFailureEvent = { documentId, ...where, stage: stage.name, version: stage.version, reason: describeError(error), error };
  try {
    await store.putStageFailure(documentId, stage.name, stage.version, failure.reason);
  } catch (recordError) {
    // The store itself is failing: report both, the run goes on with the next document.
    failure.error = new Error(`${failure.reason} (and recording the failure failed: ${describeError(recordError)})`, { cause: error });
  }
  sink.failed.push(failure);
  sink.onFailure?.(failure);
}

/**
 * The mentions with their repeated strings shared: rows read from the store carry a fresh copy of every string, and a
 * long document names the same entities 100,000s of times (a 3 MB file: 54,000 mentions, 900 bytes each as read).
 */
function shareStrings(mentions: Mention[]): Mention[] {
  const one = stringPool();
  return mentions.map((m) => ({
    documentId: one(m.documentId), start: m.start, end: m.end, text: one(m.text), type: m.type, norm: one(m.norm),
    confidence: m.confidence, entityKey: m.entityKey === undefined ? undefined : one(m.entityKey),
    entityId: m.entityId === undefined ? undefined : one(m.entityId), stage: one(m.stage), version: one(m.version),
  }));
}
