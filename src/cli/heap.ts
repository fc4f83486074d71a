/**
 * How far V8 lets the heap grow past what survived the last full collection before collecting again. Its default
 * factor (up to 4x for a heap that collects fast) made the first resolution of a 20,000-document collection peak at
 * 1.6 GB of RSS for about 400 MB of live objects; at 25% the same ingest peaks at 1.2 GB, about 4% slower
 * (bench/RESULTS.md, "Heap growth"). Cablegraph runs on a laptop beside other work, so memory is worth more than that
 * time. The setting is process-wide: worker threads share it.
 */
import { setFlagsFromString } from 'node:v8';
import { UserError } from './common.js';

/** The heap's growth past its live size, in percent, when CABLEGRAPH_HEAP_GROWTH is not set. */
export const DEFAULT_HEAP_GROWTH = 25;

/** The growth CABLEGRAPH_HEAP_GROWTH asks for (percent; 0 leaves V8's own policy), or the default. */
export function heapGrowthPercent(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_HEAP_GROWTH;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000) {
    throw new UserError(`CABLEGRAPH_HEAP_GROWTH must be a whole number of percent from 0 (V8's own policy) to 1000, got "${value}".`);
  }
  return n;
}

/** Applies CABLEGRAPH_HEAP_GROWTH (or the default) to this process; V8 reads the flag at each full collection. */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): number {
  const percent = heapGrowthPercent(env.CABLEGRAPH_HEAP_GROWTH);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
