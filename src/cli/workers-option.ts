/** The `--workers N` option shared by ingest, reprocess and retry: how many worker threads run the extraction stages. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { defaultStageSpec } from '../pipeline/workers/build-stages.js';
import type { WorkerOptions } from '../pipeline/workers/source.js';
import { positiveInt } from './common.js';

// Without --workers, an ingest of less input than this runs the stages in the main thread: a few small files are done
// before two workers have loaded their models (about 2.5 s of CPU each).
const AUTO_MIN_BYTES = 512 * 1024;

/** Adds `--workers <n>` (default: the number of cores, or the main thread alone for a small ingest). */
export function withWorkers(command: Command): Command {
  return command.option('--workers <n>', `worker threads running the extraction stages (default: ${availableParallelism()}, the number of cores, or 1 for an ingest of less than 512 KB; 1: in the main thread; on PostgreSQL, N worker processes on the job queue, 0: only "cablegraph worker" elsewhere)`, positiveInt('--workers'));
}

/** The pipeline's stages in `count` workers (each loads its own models); without a count, the cores and the small-input rule. */
export function pipelineWorkers(count: number | undefined): WorkerOptions {
  return count === undefined ? { count: availableParallelism(), spec: defaultStageSpec(), minBytes: AUTO_MIN_BYTES } : { count: Math.max(1, count), spec: defaultStageSpec() };
}
