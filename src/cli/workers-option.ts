/** The `--workers N` option shared by ingest, reprocess and retry: how many worker threads run the extraction stages. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { defaultStageSpec } from '../pipeline/workers/build-stages.js';
import type { WorkerOptions } from '../pipeline/workers/source.js';
import { positiveInt } from './common.js';

/** Adds `--workers <n>` (default: the number of cores). */
export function withWorkers(command: Command): Command {
  return command.option('--workers <n>', 'worker threads running the extraction stages (1: in the main thread)', positiveInt('--workers'), availableParallelism());
}

/** The pipeline's stages in `count` workers (each loads its own models). */
export function pipelineWorkers(count: number): WorkerOptions {
  return { count, spec: defaultStageSpec() };
}
