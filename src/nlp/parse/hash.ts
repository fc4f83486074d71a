/**
 * 32-bit feature hashing for the tagger and parser. Kept apart from the NER's copy on purpose: the parse model's
 * feature keys must not change when someone edits or retrains the NER.
 */

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values into one hash (murmur3-style finalizer); order matters. */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Cheap combination for the parser's per-transition features (one multiply, one shift): it runs ~250 times per
 * word, where the full `mix` showed up in profiles. Inputs are already well-spread hashes or small ids.
 */
export function combine(h: number, x: number): number {
  const y = Math.imul(h ^ x, 0x9e3779b1);
  return (y ^ (y >>> 16)) >>> 0;
}

/** Combines three values. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

