/** The pipeline, readable top to bottom: ingest turns files into stored documents, then these stages run on each, in order. */
import type { Store } from './store/store.js';
import { finishCollection, RESOLVE_STAGE, RESOLVE_VERSION } from './pipeline/resolve-collection.js';
import type { FactsOptions } from './extract/stages/facts.js';
import { defaultStages } from './pipeline/stages.js';

export { ingestPaths } from './pipeline/ingest.js';
export { defaultStages } from './pipeline/stages.js';
export type { IngestOptions, IngestSummary, IngestProgress, FileStatus } from './pipeline/ingest.js';
export { runStages } from './pipeline/run-stages.js';
export { finishCollection, resolveEntities, groupDuplicates } from './pipeline/resolve-collection.js';

// The extraction stages, in order (mentions, then facts), are listed in pipeline/stages.ts, which stage workers import.

/** One step of the pipeline as `cablegraph stats` and the docs list it. */
export interface PipelineStep {
  name: string;
  version: string;
  /** Runs on each document, or once per collection after the documents. */
  per: 'document' | 'collection';
}

/** Every step, in the order it runs: the per-document stages, then the collection-level steps. */
export function pipelineSteps(opts: FactsOptions = {}): PipelineStep[] {
  return [
    ...defaultStages(opts).map((s) => ({ name: s.name, version: s.version, per: 'document' as const })),
    { name: 'near-duplicates', version: 'minhash-64x5@1', per: 'collection' }, // src/nlp/minhash.ts: 64 hashes, 5-word shingles
    { name: RESOLVE_STAGE, version: RESOLVE_VERSION, per: 'collection' }, // src/pipeline/resolution: incremental
  ];
}

/**
 * After the per-document stages, once per collection: near-duplicate groups, then cross-document entity resolution;
 * then the planner's statistics of the tables the ingest grew (Store.refreshStatistics), so reads plan well at once.
 */
export async function finishIngest(store: Store, collection: string): Promise<void> {
  await finishCollection(store, collection);
  await store.refreshStatistics();
}
