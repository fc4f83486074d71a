/** MinHash signatures over word shingles, to find near-duplicate documents (re-reports of one original count once). */

const HASHES = 64;
const SHINGLE = 5;
// Banding for locality-sensitive hashing: 16 bands of 4 rows find pairs with Jaccard around 0.5 and above.
/** Bands of a signature: two documents are compared when some band of theirs is equal. */
export const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity from which two documents sharing a band are near-duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets: signatures must be identical across runs and machines.
const SEEDS = Array.from({ length: HASHES }, (_, i) => [(fnv1a(`a${i}`) | 1) >>> 0, fnv1a(`b${i}`)] as const);

/** A signature of HASHES 32-bit minima over the text's 5-word shingles (lower-cased words). */
export function minhashSignature(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const [a, b] = SEEDS[k]!;
      const v = (Math.imul(h, a) + b) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** A stored signature (bytes as written from a Uint32Array) as the signature; null for an empty one (a document without text). */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array | null {
  if (bytes.byteLength !== HASHES * 4) return null;
  // Copied: the bytes may sit at an offset of a larger buffer that is not 4-byte aligned.
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The bytes to store for a signature. */
export function signatureBytes(sig: Uint32Array): Uint8Array {
  return new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength);
}

/** Estimated Jaccard similarity of two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/**
 * The bucket of each band as a non-negative integer below 2^53 (exact in a JavaScript number, an SQLite INTEGER and a
 * PostgreSQL bigint), for the store's band index. Two hashes of the band's four values; a collision only adds a
 * candidate, which `bandKey` comparison then drops.
 */
export function bandBuckets(sig: Uint32Array): number[] {
  const out = new Array<number>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let lo = 0x811c9dc5;
    let hi = 0x01000193;
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) {
      lo = Math.imul(lo ^ sig[r]!, 0x01000193);
      hi = Math.imul(hi ^ sig[r]!, 0x5bd1e995) ^ (hi >>> 13);
    }
    out[b] = (hi & 0x1fffff) * 0x100000000 + (lo >>> 0);
  }
  return out;
}

/** The exact key of band `b` of a signature (two signatures share the bucket only when these are equal). */
export function bandKey(sig: Uint32Array, b: number): string {
  const i = b * ROWS;
  return `${b}:${sig[i]},${sig[i + 1]},${sig[i + 2]},${sig[i + 3]}`;
}

/** Union-find over string labels in which the smallest label of a set is its root (groups are named by their smallest id). */
export class MinLabelSets {
  private readonly parent = new Map<string, string>();

  /** The root (smallest label) of x's set; x joins as a set of its own when new. */
  find(x: string): string {
    let r = x;
    for (let p = this.parent.get(r); p !== undefined && p !== r; p = this.parent.get(r)) r = p;
    if (!this.parent.has(x)) this.parent.set(x, x);
    // Path compression: every label on the way points at the root.
    for (let y = x; y !== r;) {
      const next = this.parent.get(y)!;
      this.parent.set(y, r);
      y = next;
    }
    return r;
  }

  /** Joins the sets of a and b. */
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** A document in a bucket: its union-find label (its id, or the stored group it belongs to) and its signature. */
export interface BucketMember {
  label: string;
  sig: Uint32Array;
}

/**
 * Joins, in `sets`, each member of one bucket from `firstNew` on with every earlier member it is a near-duplicate of.
 * Members before `firstNew` are already grouped among themselves (stored groups), so they are never compared with each
 * other; a new member is compared with the members of each other group only until one matches, so a bucket of exact
 * copies costs one comparison per copy, not one per pair.
 */
export function joinBucket(sets: MinLabelSets, members: readonly BucketMember[], firstNew: number, threshold = DUPLICATE_THRESHOLD): void {
  const groups = new Map<string, BucketMember[]>();
  const file = (m: BucketMember): void => {
    const root = sets.find(m.label);
    const list = groups.get(root);
    if (list) list.push(m);
    else groups.set(root, [m]);
  };
  for (let i = 0; i < firstNew; i++) file(members[i]!);
  for (let i = firstNew; i < members.length; i++) {
    const x = members[i]!;
    const own = sets.find(x.label);
    const joined: string[] = [];
    for (const [root, list] of groups) {
      if (root === own || list.some((m) => estimateJaccard(x.sig, m.sig) >= threshold)) joined.push(root);
    }
    const merged: BucketMember[] = [x];
    for (const root of joined) {
      sets.union(x.label, root);
      merged.push(...groups.get(root)!);
      groups.delete(root);
    }
    groups.set(sets.find(x.label), merged);
  }
}

/**
 * Groups near-duplicate documents: returns document id -> group id (the smallest id in its group). Groups are the
 * connected components of "shares a band and has an estimated Jaccard >= threshold", so adding documents only ever
 * joins groups, and the incremental grouping (src/pipeline/near-duplicates.ts) gives the same result.
 */
export function groupNearDuplicates(signatures: Map<string, Uint32Array>, threshold = DUPLICATE_THRESHOLD): Map<string, string> {
  const ids = [...signatures.keys()].sort();
  const sets = new MinLabelSets();
  const buckets = new Map<string, BucketMember[]>();
  for (const id of ids) {
    const sig = signatures.get(id)!;
    sets.find(id);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sig, b);
      const list = buckets.get(key);
      if (list) list.push({ label: id, sig });
      else buckets.set(key, [{ label: id, sig }]);
    }
  }
  for (const list of buckets.values()) if (list.length > 1) joinBucket(sets, list, 0, threshold);
  return new Map(ids.map((id) => [id, sets.find(id)]));
}
