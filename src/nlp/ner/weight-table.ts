/** Feature weights: an open-addressing hash table from 32-bit feature hashes to a row of one weight per tag. */

/** Read-only weight rows keyed by feature hash; rows are contiguous in one Float32Array. */
export class WeightTable {
  private readonly slots: Int32Array;
  private readonly slotKeys: Uint32Array;
  private readonly mask: number;

  /** Builds the table over `keys[r]` -> `weights[r * tagCount .. (r + 1) * tagCount)`. */
  constructor(
    readonly keys: Uint32Array,
    readonly weights: Float32Array,
    readonly tagCount: number,
  ) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.slots = new Int32Array(cap).fill(-1);
    this.slotKeys = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.slots[s] !== -1) s = (s + 1) & this.mask;
      this.slots[s] = r;
      this.slotKeys[s] = keys[r]!;
    }
  }

  /** Row index of a feature, or -1 when the model has no weight for it. */
  row(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const r = this.slots[s]!;
      if (r === -1 || this.slotKeys[s] === key) return r;
      s = (s + 1) & this.mask;
    }
  }

  /** Number of features. */
  get size(): number {
    return this.keys.length;
  }
}

/** Sums the weight rows of each token's features into emission scores (tokens x tags). */
export function emissionScores(
  lookup: (key: number) => number,
  weights: Float32Array,
  tagCount: number,
  feats: readonly number[],
  starts: readonly number[],
): Float32Array {
  const n = starts.length - 1;
  const out = new Float32Array(n * tagCount);
  for (let i = 0; i < n; i++) {
    const base = i * tagCount;
    for (let f = starts[i]!; f < starts[i + 1]!; f++) {
      const r = lookup(feats[f]!);
      if (r < 0) continue;
      const w = r * tagCount;
      for (let t = 0; t < tagCount; t++) out[base + t]! += weights[w + t]!;
    }
  }
  return out;
}
