/**
 * Near-duplicate groups of a collection (re-reports of one original count once as a source). The incremental step signs
 * only documents without a signature and finds their candidates through the store's band index, so adding documents
 * costs in proportion to them; the full regroup recomputes everything and rebuilds the index.
 */
import type { Store } from '../store/store.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import type { BandNeighbour, DuplicateStepReport, GroupUpdate, SignedDocument } from '../store/duplicates.js';
import {
  BANDS, DUPLICATE_THRESHOLD, MinLabelSets, bandKey, groupNearDuplicates, joinBucket, minhashSignature, signatureBytes, signatureFromBytes,
  type BucketMember,
} from '../nlp/minhash.js';

/** Documents signed per transaction: bounds memory (their texts) and the time the collection's lock is held. */
export const DUPLICATE_BATCH = 256;

const EMPTY = new Uint8Array(0);

/** The signature to store for a text: none for a text without anything but spaces (such documents join no group). */
function sign(text: string): Uint8Array {
  return text.trim() === '' ? EMPTY : signatureBytes(minhashSignature(text));
}

/**
 * Groups new documents with each other and with the stored documents sharing a band with them: the group of each new
 * document, and the stored groups that joined another (renamed to the smallest id of the union). Stored groups are
 * never compared among themselves: they are already the components of the stored documents.
 */
export function decideGroups(docs: readonly SignedDocument[], neighbours: readonly BandNeighbour[], threshold = DUPLICATE_THRESHOLD): GroupUpdate {
  const sets = new MinLabelSets();
  const buckets = new Map<string, BucketMember[]>();
  const add = (label: string, sig: Uint32Array): void => {
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sig, b);
      const list = buckets.get(key);
      if (list) list.push({ label, sig });
      else buckets.set(key, [{ label, sig }]);
    }
  };
  for (const n of neighbours) {
    const sig = signatureFromBytes(n.signature);
    if (sig) add(n.group, sig);
  }
  // How many stored members each bucket has (all were added before any new one).
  const stored = new Map([...buckets].map(([key, list]) => [key, list.length]));
  const fresh = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const d of fresh) {
    const sig = signatureFromBytes(d.signature);
    if (!sig) continue;
    sets.find(d.id);
    add(d.id, sig);
  }
  for (const [key, list] of buckets) {
    const first = stored.get(key) ?? 0;
    if (first < list.length && list.length > 1) joinBucket(sets, list, first, threshold);
  }
  const groups = new Map<string, string>();
  for (const d of fresh) if (d.signature.byteLength > 0) groups.set(d.id, sets.find(d.id));
  const relabel = new Map<string, string>();
  for (const n of neighbours) {
    const root = sets.find(n.group);
    if (root !== n.group) relabel.set(n.group, root);
  }
  return { groups, relabel };
}

/** What the incremental step did: batches, and the rows its steps read and renamed. */
export interface DuplicateReport extends DuplicateStepReport {
  batches: number;
}

/** Signs the collection's unsigned documents in batches and joins them into the near-duplicate groups. */
export async function groupDuplicates(store: Store, collection: string, batch = DUPLICATE_BATCH): Promise<DuplicateReport> {
  const report: DuplicateReport = { batches: 0, signed: 0, neighbours: 0, relabelled: 0 };
  const seen = new Set<string>();
  for (;;) {
    const docs = await store.duplicates.unsigned(collection, batch);
    if (docs.length === 0) return report;
    for (const d of docs) {
      // Signed documents never come back unsigned within one run; if one did, looping on would never end.
      if (seen.has(d.id)) throw new Error(`Near-duplicate grouping of "${collection}": document ${d.id} stayed unsigned.`);
      seen.add(d.id);
    }
    const step = await store.duplicates.addSigned(collection, docs.map((d) => ({ id: d.id, signature: sign(d.text) })), decideGroups);
    report.batches++;
    report.signed += step.signed;
    report.neighbours += step.neighbours;
    report.relabelled += step.relabelled;
  }
}

/** Recomputes a collection's near-duplicate groups from every signature (computing missing ones) and rebuilds its band index; returns the number of groups. */
export async function groupDuplicatesFully(store: Store, collection: string): Promise<number> {
  const all = new Map<string, Uint8Array>();
  const sigs = new Map<string, Uint32Array>();
  for (const r of await store.listSignatures(collection)) {
    let bytes = r.signature;
    if (!bytes) {
      const doc = await store.getDocument(r.id, ALL_COLLECTIONS);
      if (!doc) continue;
      bytes = sign(doc.text);
    }
    all.set(r.id, bytes);
    const sig = signatureFromBytes(bytes);
    if (sig) sigs.set(r.id, sig);
  }
  const groups = groupNearDuplicates(sigs);
  await store.putDuplicateGroups(all, groups);
  return new Set(groups.values()).size;
}
