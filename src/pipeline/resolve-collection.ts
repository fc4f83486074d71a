/** Collection-level steps after per-document stages: near-duplicate groups (for independent-source counts) and entity resolution (incremental, see resolution/). */
import type { Store } from '../store/store.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { minhashSignature, groupNearDuplicates } from '../nlp/minhash.js';
import { resolveFully } from './resolution/full.js';
import { resolveIncrementally, serialized } from './resolution/incremental.js';

export { RESOLVE_STAGE, RESOLVE_VERSION } from './resolution/cluster.js';
export { resolveIncrementally, applyDecisionNow, applyPendingDecisions, type ResolveReport } from './resolution/incremental.js';
export { computeFull } from './resolution/full.js';

/** Computes missing MinHash signatures and regroups near-duplicate documents of a collection. */
export async function groupDuplicates(store: Store, collection: string): Promise<number> {
  const rows = await store.listSignatures(collection);
  const fresh = new Map<string, Uint8Array>();
  const all = new Map<string, Uint32Array>();
  for (const r of rows) {
    let sig = r.signature ? new Uint32Array(r.signature.buffer.slice(r.signature.byteOffset, r.signature.byteOffset + r.signature.byteLength)) : null;
    if (!sig) {
      const doc = await store.getDocument(r.id, ALL_COLLECTIONS);
      if (!doc || doc.text.trim() === '') continue;
      sig = minhashSignature(doc.text);
      fresh.set(r.id, new Uint8Array(sig.buffer));
    }
    all.set(r.id, sig);
  }
  const groups = groupNearDuplicates(all);
  await store.putDuplicateGroups(fresh, groups);
  return new Set(groups.values()).size;
}

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
