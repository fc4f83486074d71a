/** The ingest loop: files in, documents stored, stages run; one bad file never stops the run or corrupts the store. */
import type { ExtractedDocument, Stage } from '../model/index.js';
import type { Store, NewDocument, FailureRecord } from '../store/store.js';
import { sha256Hex } from '../store/ids.js';
import { DEFAULT_LIMITS, IngestFailure, type IngestLimits } from '../ingest/handler.js';
import { readDocument } from '../ingest/read-document.js';
import { walkInputs } from '../ingest/walk.js';
import { loadInputFile } from '../ingest/load-file.js';
import { splitSentences } from '../nlp/sentences.js';
import { runStages, type StageFailureEvent } from './run-stages.js';
import { describeError, errorDetail } from './errors.js';

/** What happened to one input file. */
export type FileStatus = 'ingested' | 'unchanged' | 'failed';

/** Progress reports, for a progress bar or log lines. */
export type IngestProgress =
  | { kind: 'start'; files: number; bytes: number }
  /** Documents stored earlier whose stages are pending (after a crash or an upgrade), processed before the files. */
  | { kind: 'pending'; done: number; total: number }
  | { kind: 'file'; path: string; status: FileStatus; documents: number; done: number; files: number; bytesDone: number; bytes: number; failure?: FailureRecord };

/** Options for ingestPaths. */
export interface IngestOptions {
  store: Store;
  /** Collection the documents go into (default "default"). */
  collection?: string;
  limits?: IngestLimits;
  /** Stages to run on new documents; default: none (the CLI passes the pipeline's stages). */
  stages?: Stage[];
  /** Collection-level steps run once after the files (resolution, near-duplicate groups); default: none. */
  finish?: (store: Store, collection: string) => Promise<void>;
  onProgress?: (event: IngestProgress) => void;
  /** Stops after the file in progress when aborted (Ctrl-C). */
  signal?: AbortSignal;
  /** Where internal errors go with their stack and causes (a failing stage, an unexpected error while reading). */
  log?: (message: string) => void;
}

/** Counts and failures of one ingest run. */
export interface IngestSummary {
  /** Input files stored for the first time. */
  ingested: number;
  /** Input files already stored (same content in the same collection). */
  unchanged: number;
  /** Files and embedded members that could not be read, and documents whose stages failed (code "stage-failed"), with reasons. */
  failed: FailureRecord[];
  /** Documents stored, children (archive members, attachments, JSON Lines records) included. */
  documents: number;
  /** True when the run stopped early on a signal. */
  interrupted: boolean;
  bytes: number;
  seconds: number;
}

/** Ingests files, folders (recursively) and archives into the store. */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const { store, collection = 'default', limits = DEFAULT_LIMITS, stages = [], finish, onProgress, signal, log } = options;
  const started = performance.now();
  const summary: IngestSummary = { ingested: 0, unchanged: 0, failed: [], documents: 0, interrupted: false, bytes: 0, seconds: 0 };
  const scope = { collections: [collection] };
  // A stage failing on a document is recorded by the runner (stage_runs): here it is reported and logged.
  const onFailure = (f: StageFailureEvent): void => {
    summary.failed.push(stageFailureRecord(collection, f));
    log?.(`stage "${f.stage}" (${f.version}) failed on ${f.path} [${f.documentId}]\n${errorDetail(f.error)}`);
  };
  // Finish work a crashed or older run left: documents stored without the current version of a stage. Each
  // document runs on its own: one that fails is recorded and skipped, the others and the files below go on.
  const pending = await runStages(store, stages, scope, undefined, {
    onFailure, signal, onProgress: (done, total) => {
      if (total > 0) onProgress?.({ kind: 'pending', done, total });
    },
  });

  const inputs: { path: string; size: number }[] = [];
  for await (const input of walkInputs(paths)) inputs.push(input);
  const totalBytes = inputs.reduce((n, f) => n + Math.max(0, f.size), 0);
  onProgress?.({ kind: 'start', files: inputs.length, bytes: totalBytes });

  let done = 0;
  for (const input of inputs) {
    if (signal?.aborted) { summary.interrupted = true; break; }
    const fail = async (code: string, message: string, path = input.path): Promise<FailureRecord> => {
      const failure = { collection, path, code, message, at: new Date().toISOString() };
      await store.recordFailure(failure);
      summary.failed.push(failure);
      return failure;
    };
    let status: FileStatus = 'failed';
    let documents = 0;
    let failure: FailureRecord | undefined;
    try {
      const created = await storeFile(store, input, collection, limits, fail);
      if (created === null) {
        status = 'unchanged';
      } else {
        documents = created.length;
        summary.documents += documents;
        // The file is stored (searchable) either way; a failing stage makes it a failed file with the stage named.
        const ran = await runStages(store, stages, scope, created, { onFailure });
        status = ran.failed.length > 0 ? 'failed' : 'ingested';
        failure = ran.failed.length > 0 ? stageFailureRecord(collection, ran.failed[0]!) : undefined;
      }
      await store.clearFailures(collection, input.path);
    } catch (err) {
      if (!(err instanceof IngestFailure)) log?.(`unexpected error while reading ${input.path}\n${errorDetail(err)}`);
      failure = err instanceof IngestFailure
        ? await fail(err.code, err.message)
        : await fail('internal-error', `Unexpected error while reading: ${describeError(err)}`);
    }
    if (status === 'ingested') summary.ingested++;
    else if (status === 'unchanged') summary.unchanged++;
    done++;
    summary.bytes += Math.max(0, input.size);
    onProgress?.({ kind: 'file', path: input.path, status, documents, done, files: inputs.length, bytesDone: summary.bytes, bytes: totalBytes, failure });
  }
  if (finish && (summary.documents > 0 || pending.runs > 0 || summary.unchanged > 0)) await finish(store, collection);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Reads one file and stores its documents; returns the ids created, or null when the content is already stored. Its
 * bytes and text are released on return, before the stages run (a 50 MB file is held once fewer).
 */
async function storeFile(store: Store, input: { path: string; size: number }, collection: string, limits: IngestLimits,
  fail: (code: string, message: string, path?: string) => Promise<FailureRecord>): Promise<string[] | null> {
  const bytes = await loadInputFile(input.path, input.size, limits);
  if (await store.findBySha256(collection, sha256Hex(bytes))) return null;
  const root = await readDocument(input.path, bytes, limits, 0);
  const batch = flatten(root, collection);
  const results = await store.putDocuments(batch);
  for (const w of batch.flatMap((b) => b.doc.warnings ?? [])) await fail(w.code, w.message, w.path);
  return results.filter((r) => r.created).map((r) => r.id);
}

/** A stage failure as the summary lists it (the store keeps it with the document's stage runs, not as a file failure). */
function stageFailureRecord(collection: string, f: StageFailureEvent): FailureRecord {
  return { collection, path: f.path, code: 'stage-failed', message: `stage "${f.stage}" failed: ${f.reason}`, at: new Date().toISOString() };
}

/** Turns a document tree into one batch, parents before children, so the store can write it in one transaction. */
function flatten(root: ExtractedDocument, collection: string): NewDocument[] {
  const batch: NewDocument[] = [];
  const visit = (doc: ExtractedDocument, parentIndex: number): void => {
    const index = batch.length;
    batch.push({ doc, collection, sentences: splitSentences(doc.text), parentIndex });
    for (const child of doc.children ?? []) visit(child, index);
  };
  visit(root, -1);
  return batch;
}
