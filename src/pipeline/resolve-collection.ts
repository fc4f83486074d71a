/** Collection-level steps after per-document stages: near-duplicate groups (for independent-source counts) and entity resolution. */
import type { MergeReason } from '../model/index.js';
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
  const original = await store.listCandidates(collection);
  const candidates = voteTypes(foldCountries(original));
  const decisions = await store.listDecisions(collection);
  const { entities } = clusterEntities(candidates, decisions);
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  // A merge that only happened because a candidate was renamed to its country says so ("Iraqis" names Iraq).
  const renamed = new Map(original.filter((c) => byKey.get(c.key)?.name !== c.name).map((c) => [c.key, c.name]));
  const explain = (r: MergeReason): MergeReason => {
    const from = renamed.get(r.a) ?? renamed.get(r.b);
    const country = byKey.get(r.a)?.name;
    return from && r.rule === 'exact-norm' ? { ...r, rule: 'country-name', evidence: `"${from}" names ${country} (country gazetteer)` } : r;
  };
  await store.putEntities(collection, entities.map((e) => ({
    id: e.id, collection, type: e.type, name: e.name, aliases: e.aliases, documentIds: e.documentIds,
    mentionCount: e.members.reduce((n, k) => n + (byKey.get(k)?.mentionCount ?? 0), 0),
    members: e.members, reasons: e.reasons.map(explain),
  })), RESOLVE_STAGE, RESOLVE_VERSION);
  return entities.length;
}

/** Runs the collection-level steps. */
export async function finishCollection(store: Store, collection: string): Promise<void> {
  await groupDuplicates(store, collection);
  await resolveEntities(store, collection);
}
