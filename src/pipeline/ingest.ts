/** The ingest loop: files in, documents stored, stages run; one bad file never stops the run or corrupts the store. */
import type { Stage } from '../model/index.js';
import type { Store, FailureRecord } from '../store/store.js';
import { DEFAULT_LIMITS, IngestFailure, type IngestLimits } from '../ingest/handler.js';
import { walkInputs } from '../ingest/walk.js';
import { defaultOcrOptions, type OcrOptions } from '../ingest/ocr/options.js';
import { runStages, type StageFailureEvent, type StageSource } from './run-stages.js';
import { storeFile, readInputFile, type ReadFile } from './ingest-file.js';
import { BATCH_BYTES, treeSize } from './batches.js';
import { InFlight } from './in-flight.js';
import { ReadAhead } from './read-ahead.js';
import { openStageSource, type WorkerOptions } from './workers/source.js';
import { describeError, errorDetail } from './errors.js';

// Single-document files in flight per stage worker (see ingestWith).
const FILES_PER_WORKER = 2;

/** What happened to one input file. */
export type FileStatus = 'ingested' | 'unchanged' | 'failed';

/** Progress reports, for a progress bar or log lines. */
export type IngestProgress =
  | { kind: 'start'; files: number; bytes: number }
  /** Documents stored earlier whose stages are pending (after a crash or an upgrade), processed before the files. */
  | { kind: 'pending'; done: number; total: number }
  /**
   * Within a file (a container's members come in batches): `through` of the file's `size` documents handled,
   * documents stored and processed so far in this run, and bytes done (the files before plus this file's share).
   */
  | { kind: 'documents'; path: string; through: number; size: number; stored: number; processed: number; bytesDone: number; bytes: number }
  /** A page was OCR'd: pages OCR'd so far in this run and the seconds since the run started. */
  | { kind: 'ocr'; path: string; pages: number; seconds: number }
  | { kind: 'file'; path: string; status: FileStatus; documents: number; done: number; files: number; bytesDone: number; bytes: number; failure?: FailureRecord };

/** Options for ingestPaths. */
export interface IngestOptions {
  store: Store;
  /** Collection the documents go into (default "default"). */
  collection?: string;
  limits?: IngestLimits;
  /** OCR of images and PDF pages without a text layer (default: on, language chosen per page; `enabled: false` turns it off). */
  ocr?: Partial<OcrOptions>;
  /** Files never read as input, however they are reached (absolute paths): the store's own files when they sit among the documents. */
  skipPaths?: readonly string[];
  /** Stages to run on new documents in this thread; default: none (the CLI passes the pipeline's stages). */
  stages?: Stage[];
  /** Run the stages in worker threads instead (when `count` > 1), each building them from `spec`. */
  workers?: WorkerOptions;
  /** Documents of a container stored per transaction, their stages run before the next (default 500). */
  batchDocuments?: number;
  /** Collection-level steps run once after the files (resolution, near-duplicate groups); default: none. */
  finish?: (store: Store, collection: string) => Promise<void>;
  onProgress?: (event: IngestProgress) => void;
  /** Read the next file (parse, OCR) while the current one is stored and processed (default true; read-ahead.ts). */
  readAhead?: boolean;
  /** Stops after the documents in progress when aborted (Ctrl-C); the next run finishes the file. */
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
  /** Documents whose stages ran (or failed) in this run, stored earlier ones with pending stages included. */
  processed: number;
  /** Pages read by OCR in this run. */
  ocrPages: number;
  /** True when the run stopped early on a signal. */
  interrupted: boolean;
  bytes: number;
  seconds: number;
}

/** Ingests files, folders (recursively) and archives into the store. */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  // The run's time includes starting the workers (they load their models), which the summary's rate must count.
  const started = performance.now();
  const inputs: { path: string; size: number }[] = [];
  for await (const input of walkInputs(paths, new Set(options.skipPaths))) inputs.push(input);
  const bytes = inputs.reduce((n, f) => n + Math.max(0, f.size), 0);
  // Below `minBytes` of input, starting workers (each loading its models) costs more than they save.
  const workers = options.workers && bytes < (options.workers.minBytes ?? 0) ? { ...options.workers, count: 1 } : options.workers;
  const source = await openStageSource(options.stages ?? [], workers);
  let run: { summary: IngestSummary; changed: boolean };
  try {
    run = await ingestWith(inputs, options, source.source, started);
  } finally {
    await source.close();
  }
  // The collection steps run after the workers are gone: each held its models and caches (hundreds of MB), and full
  // resolution of a large collection is the peak of the whole ingest.
  const { summary } = run;
  if (options.finish && run.changed) await options.finish(options.store, options.collection ?? 'default');
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Reads, stores and processes the inputs; `changed` is true when the collection steps have something to do. */
async function ingestWith(inputs: { path: string; size: number }[], options: IngestOptions, source: StageSource, started: number): Promise<{ summary: IngestSummary; changed: boolean }> {
  const { store, collection = 'default', limits = DEFAULT_LIMITS, onProgress, signal, log, batchDocuments } = options;
  const summary: IngestSummary = { ingested: 0, unchanged: 0, failed: [], documents: 0, processed: 0, ocrPages: 0, interrupted: false, bytes: 0, seconds: 0 };
  const scope = { collections: [collection] };
  // A stage failing on a document is recorded by the runner (stage_runs): here it is reported and logged.
  const onFailure = (f: StageFailureEvent): void => {
    summary.failed.push(stageFailureRecord(collection, f));
    log?.(`stage "${f.stage}" (${f.version}) failed on ${f.path} [${f.documentId}]\n${errorDetail(f.error)}`);
  };
  // Finish work a crashed or older run left: documents stored without the current version of a stage. Each
  // document runs on its own: one that fails is recorded and skipped, the others and the files below go on.
  const pending = await runStages(store, source, scope, undefined, {
    onFailure, signal, onProgress: (done, total) => {
      if (total > 0) onProgress?.({ kind: 'pending', done, total });
    },
  });
  summary.processed += pending.documents;
  if (pending.interrupted) summary.interrupted = true;

  const totalBytes = inputs.reduce((n, f) => n + Math.max(0, f.size), 0);
  onProgress?.({ kind: 'start', files: inputs.length, bytes: totalBytes });

  let done = 0;
  // Pages are counted as Tesseract finishes them, so a long scan shows progress before its document is stored.
  const base = defaultOcrOptions(options.ocr);
  const ocrFor = (path: string): OcrOptions => ({
    ...base,
    onPage: (page) => {
      summary.ocrPages++;
      options.ocr?.onPage?.(page);
      onProgress?.({ kind: 'ocr', path, pages: summary.ocrPages, seconds: (performance.now() - started) / 1000 });
    },
  });
  const ahead = new ReadAhead(options.readAhead === false ? [] : inputs, (input) => readInputFile(input, { store, collection, limits, ocr: ocrFor(input.path) }));
  /** Reads (or takes the read-ahead of), stores and processes one file, and reports it; throws only when the store fails. */
  const ingestFile = async (input: { path: string; size: number }, read: Promise<ReadFile> | undefined): Promise<void> => {
    const fail = async (code: string, message: string, path = input.path): Promise<FailureRecord> => {
      const failure = { collection, path, code, message, at: new Date().toISOString() };
      await store.recordFailure(failure);
      summary.failed.push(failure);
      return failure;
    };
    let status: FileStatus = 'failed';
    let documents = 0;
    let failure: FailureRecord | undefined;
    let stopped = false;
    // Files may be in flight together (below): each adds what it did since its last report to the run's counts.
    const counted = { stored: 0, processed: 0 };
    const count = (stored: number, processed: number): void => {
      summary.documents += stored - counted.stored;
      summary.processed += processed - counted.processed;
      counted.stored = stored;
      counted.processed = processed;
    };
    try {
      const result = await storeFile(input, {
        store, collection, limits, ocr: ocrFor(input.path), source, onFailure, fail, signal, batchDocuments,
        onProgress: (p) => {
          count(p.stored, p.processed);
          const share = p.size > 0 ? (Math.max(0, input.size) * p.through) / p.size : 0;
          onProgress?.({ kind: 'documents', path: input.path, through: p.through, size: p.size, stored: summary.documents, processed: summary.processed, bytesDone: summary.bytes + share, bytes: totalBytes });
        },
      }, read);
      if (result === null) {
        status = 'unchanged';
      } else {
        documents = result.created;
        count(result.created, result.processed);
        // The file is stored (searchable) either way; a failing stage makes it a failed file with the stage named.
        status = result.failed.length > 0 ? 'failed' : result.created > 0 || result.interrupted ? 'ingested' : 'unchanged';
        failure = result.failed.length > 0 ? stageFailureRecord(collection, result.failed[0]!) : undefined;
        stopped = result.interrupted;
      }
      if (!stopped) await store.clearFailures(collection, input.path);
    } catch (err) {
      if (!(err instanceof IngestFailure)) log?.(`unexpected error while reading ${input.path}\n${errorDetail(err)}`);
      failure = err instanceof IngestFailure
        ? await fail(err.code, err.message)
        : await fail('internal-error', `Unexpected error while reading: ${describeError(err)}`);
    }
    // A file the signal stopped is not done: the next run finishes it.
    if (stopped) return void (summary.interrupted = true);
    if (status === 'ingested') summary.ingested++;
    else if (status === 'unchanged') summary.unchanged++;
    done++;
    summary.bytes += Math.max(0, input.size);
    onProgress?.({ kind: 'file', path: input.path, status, documents, done, files: inputs.length, bytesDone: summary.bytes, bytes: totalBytes, failure });
  };
  // With the stages in worker threads, single-document files (a folder of articles, e-mails, scans) are in flight
  // several at a time, so every worker has a document while the main thread stores the next: one at a time, a folder
  // kept one worker busy. A container, a file over BATCH_BYTES or one not read ahead runs alone once those in flight are
  // done, so at most one file's batch of members (or one large file) is held whatever the corpus.
  const inFlight = new InFlight(Array.isArray(source) ? 1 : source.pool.size * FILES_PER_WORKER);
  for (const [index, input] of inputs.entries()) {
    if (signal?.aborted || summary.interrupted) { summary.interrupted = true; break; }
    // The next file is read (parsed, OCR'd) while this one's documents are stored and its stages run.
    const read = ahead.take(index);
    const file = read ? await read.catch(() => undefined) : undefined;
    const single = file !== undefined && input.size <= BATCH_BYTES
      && ('storedId' in file || (treeSize(file.root) === 1 && !file.root.streamedChildren));
    if (!single) await inFlight.drain();
    if (summary.interrupted) break;
    const task = ingestFile(input, read);
    await (single ? inFlight.add(task) : task);
  }
  await inFlight.drain();
  // After an interruption a read in flight is left to finish on its own: the user asked to stop now.
  if (!summary.interrupted) await ahead.settle();
  return { summary, changed: summary.documents > 0 || pending.runs > 0 || summary.unchanged > 0 };
}

/** A stage failure as the summary lists it (the store keeps it with the document's stage runs, not as a file failure). */
function stageFailureRecord(collection: string, f: StageFailureEvent): FailureRecord {
  return { collection, path: f.path, code: 'stage-failed', message: `stage "${f.stage}" failed: ${f.reason}`, at: new Date().toISOString() };
}
