/** Chooses where the stages run for a command: in this thread, or in a pool of worker threads. */
import type { Stage } from '../../model/index.js';
import type { StageSource } from '../run-stages.js';
import { StagePool } from './pool.js';
import { buildStages } from './build-stages.js';
import type { StageSpec } from './protocol.js';

/** How many workers, and how each builds its stages. */
export interface WorkerOptions {
  /** Worker threads; 1 (or less) runs the stages in this thread. */
  count: number;
  spec: StageSpec;
  /** Ingest runs the stages in this thread when its input files total fewer bytes (default 0: never). */
  minBytes?: number;
}

/** Where the stages will run, and how to stop the workers afterwards (call it in a finally). */
export interface OpenStageSource {
  source: StageSource;
  close(): Promise<void>;
}

/**
 * A pool of `workers.count` workers when that is more than one, else `stages` (or, when none are given, the spec's)
 * in this thread; narrowed to the stages named in `only` when given.
 */
export async function openStageSource(stages: Stage[], workers?: WorkerOptions, only?: readonly string[]): Promise<OpenStageSource> {
  if (!workers || workers.count <= 1) {
    // One worker: the given stages in this thread, or the spec's when none are given.
    const own = stages.length > 0 || !workers ? stages : await buildStages(workers.spec);
    return { source: only ? own.filter((s) => only.includes(s.name)) : own, close: async () => {} };
  }
  const pool = await StagePool.start(workers.count, workers.spec);
  const chosen = only ? pool.stages.filter((s) => only.includes(s.name)) : pool.stages;
  return { source: { pool, stages: chosen }, close: () => pool.close() };
}
