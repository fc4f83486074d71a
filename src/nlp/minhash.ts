/** MinHash signatures over word shingles, to find near-duplicate documents (re-reports of one original count once). */

const HASHES = 64;
const SHINGLE = 5;
// Banding for locality-sensitive hashing: 16 bands of 4 rows find pairs with Jaccard around 0.5 and above.
const BANDS = 16;
const ROWS = HASHES / BANDS;

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

/** Estimated Jaccard similarity of two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** Groups near-duplicate documents: returns document id -> group id (the smallest id in its group). */
export function groupNearDuplicates(signatures: Map<string, Uint32Array>, threshold = 0.5): Map<string, string> {
  const ids = [...signatures.keys()].sort();
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const buckets = new Map<string, string[]>();
  for (const id of ids) {
    const sig = signatures.get(id)!;
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(id);
      else buckets.set(key, [id]);
    }
  }
  for (const list of buckets.values()) {
    for (let i = 1; i < list.length; i++) {
      const a = list[0]!;
      const b = list[i]!;
      if (find(a) !== find(b) && estimateJaccard(signatures.get(a)!, signatures.get(b)!) >= threshold) {
        const [ra, rb] = [find(a), find(b)];
        parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
      }
    }
  }
  return new Map(ids.map((id) => [id, find(id)]));
}
