/** Collection-level steps after per-document stages: near-duplicate groups (for independent-source counts) and entity resolution (incremental, see resolution/). */
import type { Store } from '../store/store.js';
import { groupDuplicates } from './near-duplicates.js';
import { resolveFully } from './resolution/full.js';
import { resolveIncrementally, serialized } from './resolution/incremental.js';

export { RESOLVE_STAGE, RESOLVE_VERSION } from './resolution/cluster.js';
export { resolveIncrementally, applyDecisionNow, applyPendingDecisions, type ResolveReport } from './resolution/incremental.js';
export { computeFull } from './resolution/full.js';
export { groupDuplicates, groupDuplicatesFully, type DuplicateReport } from './near-duplicates.js';

/**
 * Resolves a collection's per-document candidates into entities from scratch, applying the users' merge and split
 * decisions, and rebuilds the index incremental resolution works from. Returns the number of entities.
 */
export async function resolveEntities(store: Store, collection: string): Promise<number> {
  return serialized(store, collection, () => resolveFully(store, collection));
}

/** Runs the collection-level steps: near-duplicate groups, then resolution of the documents that changed. */
export async function finishCollection(store: Store, collection: string): Promise<void> {
  await groupDuplicates(store, collection);
  await resolveIncrementally(store, collection);
}
