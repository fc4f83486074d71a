/** The pipeline, readable top to bottom: ingest turns files into stored documents, then these stages run on each, in order. */
import type { Stage } from './model/index.js';

export { ingestPaths } from './pipeline/ingest.js';
export type { IngestOptions, IngestSummary, IngestProgress, FileStatus } from './pipeline/ingest.js';
export { runStages } from './pipeline/run-stages.js';

/** The extraction stages, in order (each sees only the document; later issues add resolution, relations, events, claims). */
export function defaultStages(): Stage[] {
  return [];
}
