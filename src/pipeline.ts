/** The pipeline, readable top to bottom: ingest turns files into stored documents, then these stages run on each, in order. */
import type { Stage } from './model/index.js';
import { mentionsStage } from './extract/stages/mentions.js';

export { ingestPaths } from './pipeline/ingest.js';
export type { IngestOptions, IngestSummary, IngestProgress, FileStatus } from './pipeline/ingest.js';
export { runStages } from './pipeline/run-stages.js';

/** The extraction stages, in order; each sees one stored document and returns facts with provenance. */
export function defaultStages(): Stage[] {
  return [
    mentionsStage(), // names: PERSON, ORG, LOC, MISC with spans (src/nlp/ner)
  ];
}
