/**
 * One input file into the store: read, cut into batches (batches.ts), each batch stored in one transaction and its new
 * documents' stages run before the next batch is read into the store. A container's root is stored with the first
 * batch, so "the root is stored" no longer means "the file is done": a file with members counts as done once its root
 * carries the `members` mark, written after its last batch. A re-run of an interrupted ingest re-reads a file that
 * lacks the mark, skips the members already stored (same collection and SHA-256, same id) and stores the rest.
 * A file whose content is stored complete already (the same bytes at another path, or found before as a member) is not
 * read again: only its path is recorded as one more location of the stored document.
 */
import type { ExtractedDocument, IngestError } from '../model/index.js';
import type { Store, FailureRecord, Scope } from '../store/store.js';
import { sha256Hex } from '../store/ids.js';
import type { IngestLimits } from '../ingest/handler.js';
import type { OcrOptions } from '../ingest/ocr/options.js';
import { readDocument } from '../ingest/read-document.js';
import { loadInputFile } from '../ingest/load-file.js';
import { runStages, type RunStagesOptions, type StageSource, type StageFailureEvent } from './run-stages.js';
import { streamedBatches, treeBatches, treeSize, type Batch } from './batches.js';

/** The step recorded (as a stage run with no output) on a container's root once all its members are stored. */
export const MEMBERS_STEP = { name: 'members', version: '1' } as const;

/** How far one file has got: documents of its tree stored (or found stored) and processed by the stages so far. */
export interface FileProgress {
  /** Documents of the file's tree handled so far (stored now or before), and the tree's size. */
  through: number;
  size: number;
  /** Documents newly stored by this run, and those whose stages finished (or failed) in it. */
  stored: number;
  processed: number;
}

/**
 * What storing one file did: null when it was complete already; else the documents it created, those the stages
 * processed, the stage failures, and whether the signal stopped it before its end (the next run finishes it).
 */
export type FileResult = null | { created: number; processed: number; failed: StageFailureEvent[]; interrupted: boolean };

/** What storeFile needs besides the file. */
export interface FileContext {
  store: Store;
  collection: string;
  limits: IngestLimits;
  /** OCR settings for images and scanned PDF pages (default: on, language per page). */
  ocr?: OcrOptions;
  source: StageSource;
  onFailure: (f: StageFailureEvent) => void;
  fail: (code: string, message: string, path?: string) => Promise<FailureRecord>;
  onProgress?: (p: FileProgress) => void;
  /** Documents per store batch (default BATCH_DOCUMENTS). */
  batchDocuments?: number;
  /** Checked before each batch and between documents: the batch in progress is finished, its stages left pending. */
  signal?: AbortSignal;
}

/**
 * A file read into its document tree, with its SHA-256; or, when the store holds that content complete already, the
 * stored document's id (the file is not parsed: storeFile only records this path as one more place it was found).
 */
export type ReadFile = { sha256: string; root: ExtractedDocument } | { sha256: string; storedId: string };

/**
 * Reads one file: loads its bytes, skips it when the store already holds it complete (so a resumed ingest does not
 * parse or OCR finished files again), and parses it into a document tree. Nothing is written, so the ingest loop
 * may read the next file while the stages of the current one run (read-ahead); storeFile checks again before writing.
 */
export async function readInputFile(input: { path: string; size: number }, ctx: Pick<FileContext, 'store' | 'collection' | 'limits' | 'ocr'>): Promise<ReadFile> {
  const bytes = await loadInputFile(input.path, input.size, ctx.limits);
  const sha256 = sha256Hex(bytes);
  const storedId = await storedComplete(ctx.store, ctx.collection, sha256);
  if (storedId !== null) return { sha256, storedId };
  return { sha256, root: await readDocument(input.path, bytes, ctx.limits, 0, ctx.ocr) };
}

/**
 * Stores one file's documents batch by batch, running the stages on each batch's new documents. `read` is the file
 * as readInputFile read it (ahead of time); without it the file is read here.
 */
export async function storeFile(input: { path: string; size: number }, ctx: FileContext, read?: Promise<ReadFile>): Promise<FileResult> {
  const { store, collection } = ctx;
  const scope: Scope = { collections: [collection] };
  const file = await (read ?? readInputFile(input, ctx));
  // The content is stored and processed already (here or at another path): this path is one more place it was found.
  const foundAgain = async (documentId: string): Promise<null> => {
    await store.putLocation({ collection, documentId, parentId: null, path: input.path, name: null });
    return null;
  };
  if ('storedId' in file) return foundAgain(file.storedId);
  // Read ahead of time: an identical file earlier in this run may have been stored since.
  const storedSince = read ? await storedComplete(store, collection, file.sha256) : null;
  if (storedSince !== null) return foundAgain(storedSince);
  const { root } = file;
  const size = treeSize(root);
  const progress: FileProgress = { through: 0, size, stored: 0, processed: 0 };
  const failed: StageFailureEvent[] = [];
  const stageOptions: RunStagesOptions = {
    signal: ctx.signal,
    onFailure: (f) => {
      failed.push(f);
      ctx.onFailure(f);
    },
    onProgress: (done) => {
      if (done > 0) ctx.onProgress?.({ ...progress, processed: progress.processed + done });
    },
  };
  let rootId = '';
  // With the stages in worker threads, a batch's stages run while the next batch is stored, so the workers do not wait
  // for the main thread at each batch; at most two batches are in flight. In this thread they run one after the other.
  const overlap = !Array.isArray(ctx.source);
  // The stages of the last batch stored: true when they ran to the end, false when the signal stopped them.
  let running: Promise<boolean> = Promise.resolve(true);
  /** What a stopped file did, once the stages of the batch before have ended. */
  const interrupted = async (): Promise<FileResult> => {
    await running.catch(() => false);
    return { created: progress.stored, processed: progress.processed, failed, interrupted: true };
  };
  /** Stores one batch and starts the stages on its new documents; false when the signal stopped it or the batch before. */
  const store1 = async (batch: Batch): Promise<boolean> => {
    if (ctx.signal?.aborted) return false;
    const results = await store.putDocuments(batch.items);
    rootId ||= results[0]!.id;
    const created = results.slice(batch.ancestors).filter((r) => r.created).map((r) => r.id);
    progress.through = batch.through;
    progress.size = Math.max(progress.size, batch.through);
    progress.stored += created.length;
    ctx.onProgress?.(progress);
    // A kill from here on leaves these documents stored with their stages pending: the next ingest runs them first.
    const before = running;
    running = runStages(store, ctx.source, scope, created, stageOptions).then((ran) => {
      progress.processed += ran.documents;
      return !ran.interrupted;
    });
    // Until it is awaited, a failure of these stages must not count as unhandled: it is thrown at its turn.
    running.catch(() => undefined);
    if (!(await before)) return false;
    return overlap || running;
  };
  try {
    for (const batch of treeBatches(root, collection, ctx.batchDocuments)) if (!(await store1(batch))) return await interrupted();
    // Members read one at a time (a sheet too large to hold whole): stored as they come, a batch at a time.
    if (root.streamedChildren) {
      for await (const batch of streamedBatches(root, root.streamedChildren(), collection, progress.through, ctx.batchDocuments)) {
        if (!(await store1(batch))) return await interrupted();
      }
    }
    if (!(await running)) return await interrupted();
  } finally {
    // A failure (or a stop) while the last batch is processed: its stages end before the file is given up.
    await running.catch(() => undefined);
  }
  if (progress.through > 1) await store.putStageOutput(rootId, MEMBERS_STEP.name, MEMBERS_STEP.version, {});
  for (const w of warningsOf(root)) await ctx.fail(w.code, w.message, w.path);
  return { created: progress.stored, processed: progress.processed, failed, interrupted: false };
}

/** The id of the stored document of this SHA-256 when the store holds its file complete, else null. */
async function storedComplete(store: Store, collection: string, sha256: string): Promise<string | null> {
  const stored = await store.findBySha256(collection, sha256);
  return stored !== null && (await isComplete(store, stored.id, { collections: [collection] })) ? stored.id : null;
}

/**
 * Whether a stored root's file is complete: it carries the members mark, or it has no members (a single document is
 * stored in one transaction; a store written before batches has no marks, and its containers are read once more).
 */
async function isComplete(store: Store, rootId: string, scope: Scope): Promise<boolean> {
  const runs = await store.stageRuns(MEMBERS_STEP.name, scope, [rootId]);
  if (runs.has(rootId)) return true;
  return (await store.listChildren(rootId, scope)).length === 0;
}

function* warningsOf(doc: ExtractedDocument): Generator<IngestError> {
  yield* doc.warnings ?? [];
  for (const child of doc.children ?? []) yield* warningsOf(child);
}
