/**
 * What the main thread and the stage workers say to each other. Everything crosses a structured clone, so values
 * arrive as sent (undefined fields included); errors are flattened to plain objects and revived on the other side.
 */
import type { Mention, Stage, StageOutput, StoredDocument } from '../../model/index.js';
import type { SharedTables } from '../../nlp/shared-tables.js';

/**
 * How a worker builds its stages: a module (file URL) exporting a factory, and the factory's options, which must
 * survive a structured clone (e.g. what `defaultStages()` takes). Models load once per worker, on first use.
 */
export interface StageSpec {
  module: string;
  /** Name of the exported factory: `(options) => Stage[] | Promise<Stage[]>`. */
  export: string;
  options?: unknown;
}

/** A stage as the main thread knows it in pooled mode: its name and version, reported by the workers. */
export type StageInfo = Pick<Stage, 'name' | 'version'>;

/** What a worker receives when it starts. */
export interface WorkerInit {
  spec: StageSpec;
  /** Model tables an earlier worker of the pool built, in shared memory (src/nlp/shared-tables.ts). */
  shared?: SharedTables;
  /** Wait for a TablesMessage before building the stages (another worker is loading the models). */
  waitForTables?: boolean;
}

/** The model tables a waiting worker takes (empty: load your own), the first message it receives. */
export interface TablesMessage {
  kind: 'tables';
  shared: SharedTables;
}

/** One document for a worker: the document and its stored mentions as the main thread read them, the stages to run in order. */
export interface StageJob {
  id: number;
  doc: StoredDocument;
  mentions: Mention[];
  stages: string[];
}

/** An error flattened for the trip (name, message, stack, causes). */
export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  cause?: SerialisedError | string;
}

/** One stage's output for a document, with the version that produced it. */
export interface StageResult {
  stage: string;
  version: string;
  output: StageOutput;
}

/**
 * What a worker sends: ready (with its stages) or unable to build them; per job, each stage's output as it completes,
 * then done, with the failure that ended the job if one did.
 */
export type WorkerReply =
  | { kind: 'ready'; stages: StageInfo[]; shared: SharedTables }
  | { kind: 'init-error'; error: SerialisedError }
  | { kind: 'result'; id: number; result: StageResult }
  | { kind: 'done'; id: number; failure?: { stage: string; version: string; error: SerialisedError } };

const MAX_CAUSES = 5;

/** Flattens an error and its causes (at most a few deep: a cycle must not loop). */
export function serialiseError(err: unknown, depth = 0): SerialisedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const out: SerialisedError = { name: err.name, message: err.message, stack: err.stack };
  if (err.cause !== undefined && depth < MAX_CAUSES) {
    out.cause = err.cause instanceof Error ? serialiseError(err.cause, depth + 1) : String(err.cause);
  }
  return out;
}

/** The error again, with its name, stack and causes, so describeError and errorDetail read it as the worker saw it. */
export function reviveError(e: SerialisedError): Error {
  const cause = e.cause === undefined ? undefined : typeof e.cause === 'string' ? e.cause : reviveError(e.cause);
  const err = cause === undefined ? new Error(e.message) : new Error(e.message, { cause });
  err.name = e.name;
  if (e.stack !== undefined) err.stack = e.stack;
  return err;
}
