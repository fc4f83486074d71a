/** Collection-level steps after per-document stages: near-duplicate groups (for independent-source counts) and entity resolution. */
import type { Store } from '../store/store.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { clusterEntities } from '../resolve/index.js';
import { minhashSignature, groupNearDuplicates } from '../nlp/minhash.js';
import { voteTypes } from './type-vote.js';
import { foldCountries } from './countries.js';

/** Provenance of resolved entities. */
export const RESOLVE_STAGE = 'resolve';
export const RESOLVE_VERSION = 'resolve@3';

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

/** Resolves a collection's per-document candidates into entities, applying the users' merge and split decisions. */
export async function resolveEntities(store: Store, collection: string): Promise<number> {
  const candidates = voteTypes(foldCountries(await store.listCandidates(collection)));
  const decisions = await store.listDecisions(collection);
  const { entities } = clusterEntities(candidates, decisions);
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  await store.putEntities(collection, entities.map((e) => ({
    id: e.id, collection, type: e.type, name: e.name, aliases: e.aliases, documentIds: e.documentIds,
    mentionCount: e.members.reduce((n, k) => n + (byKey.get(k)?.mentionCount ?? 0), 0),
    members: e.members, reasons: e.reasons,
  })), RESOLVE_STAGE, RESOLVE_VERSION);
  return entities.length;
}

/** Runs the collection-level steps. */
export async function finishCollection(store: Store, collection: string): Promise<void> {
  await groupDuplicates(store, collection);
  await resolveEntities(store, collection);
}
