/** Inference-time weights: an open-addressing table from 32-bit feature keys to rows of one weight per class. */

/** What the tagger needs of a weight table: rows added into a score vector. */
export interface ScoreTable {
  /** The source rows; empty once a loaded table released them (InlineTable.release). */
  readonly keys: Uint32Array;
  readonly weights: Float32Array;
  readonly classes: number;
  readonly size: number;
  /** Adds the feature's row to `out[at .. at + classes)`; no-op for unknown features. */
  add(key: number, out: Float32Array, at?: number): void;
}

/** What the parser needs of its action weights (InlineTable, or PackedActionTable for a loaded model). */
export interface ActionTable {
  /** The source rows; empty once a loaded table released them. */
  readonly keys: Uint32Array;
  readonly weights: Float32Array;
  readonly classes: number;
  readonly size: number;
  /** Adds the weights of `feats[0..count)` to `out[0..3)`. */
  sum3(feats: Uint32Array | Int32Array, count: number, out: Float32Array): void;
}

/** Read-only weight rows keyed by feature hash; [key, row] pairs sit side by side so a lookup touches one cache line. */
export class WeightTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** Builds the table over `keys[r]` -> `weights[r * classes .. (r + 1) * classes)`. */
  constructor(
    readonly keys: Uint32Array,
    readonly weights: Float32Array,
    readonly classes: number,
  ) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(2 * cap).fill(-1);
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.slots[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.slots[2 * s] = keys[r]! | 0;
      this.slots[2 * s + 1] = r;
    }
  }

  /** Row index of a feature, or -1 when the model has no weight for it. */
  row(key: number): number {
    const k = key | 0;
    let s = key & this.mask;
    for (;;) {
      const r = this.slots[2 * s + 1]!;
      if (r === -1 || this.slots[2 * s] === k) return r;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the feature's row to `out[at .. at + classes)`; no-op for unknown features. */
  add(key: number, out: Float32Array, at = 0): void {
    const r = this.row(key);
    if (r < 0) return;
    const K = this.classes;
    const w = this.weights;
    const base = r * K;
    for (let t = 0; t < K; t++) out[at + t]! += w[base + t]!;
  }

  /** Number of feature rows. */
  get size(): number {
    return this.keys.length;
  }
}

/**
 * Weight rows stored inside the hash table itself (key, then `classes` weights, per slot): one memory access per
 * feature, which matters for the parser's ~110 features per transition and the tagger's per-token features.
 */
export class InlineTable {
  private readonly data: Float32Array;
  private readonly keyView: Uint32Array;
  private readonly mask: number;
  private readonly stride: number;
  private readonly rows: number;

  /** Builds the table over `keys[r]` -> `weights[r * classes .. (r + 1) * classes)`. */
  constructor(
    public keys: Uint32Array,
    public weights: Float32Array,
    readonly classes: number,
  ) {
    this.rows = keys.length;
    let cap = 1;
    // Linear probing stays short at this load, and the table is what the parser reads most: keep it small.
    while (cap < keys.length * 1.4) cap <<= 1;
    this.mask = cap - 1;
    this.stride = classes + 1;
    this.data = new Float32Array(cap * this.stride);
    this.keyView = new Uint32Array(this.data.buffer);
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r]! || 1; // 0 marks an empty slot
      let s = key & this.mask;
      while (this.keyView[s * this.stride] !== 0) s = (s + 1) & this.mask;
      this.keyView[s * this.stride] = key;
      for (let t = 0; t < classes; t++) this.data[s * this.stride + 1 + t] = weights[r * classes + t]!;
    }
  }

  /** Adds the feature's weights to `out[at .. at + classes)`; no-op for unknown features. */
  add(key: number, out: Float32Array, at = 0): void {
    const k = key >>> 0 || 1;
    const stride = this.stride;
    const kv = this.keyView;
    let s = k & this.mask;
    for (;;) {
      const slot = s * stride;
      const sk = kv[slot]!;
      if (sk === k) {
        for (let t = 0; t < this.classes; t++) out[at + t]! += this.data[slot + 1 + t]!;
        return;
      }
      if (sk === 0) return;
      s = (s + 1) & this.mask;
    }
  }

  /**
   * Adds the weights of `feats[0..count)` to `out` for a table of exactly 3 classes (the parser's actions): one loop,
   * sums in registers, the hot path of parsing.
   */
  sum3(feats: Uint32Array | Int32Array, count: number, out: Float32Array): void {
    if (this.stride !== 4) throw new Error('sum3 needs a table of 3 classes');
    const kv = this.keyView;
    const d = this.data;
    const mask = this.mask;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let f = 0; f < count; f++) {
      const k = feats[f]! || 1;
      let s = k & mask;
      for (;;) {
        const at = s << 2;
        const sk = kv[at]!;
        if (sk === k) {
          a += d[at + 1]!;
          b += d[at + 2]!;
          c += d[at + 3]!;
          break;
        }
        if (sk === 0) break;
        s = (s + 1) & mask;
      }
    }
    out[0]! += a;
    out[1]! += b;
    out[2]! += c;
  }

  /** Number of feature rows. */
  get size(): number {
    return this.rows;
  }

  /**
   * Drops the source rows (`keys`, `weights`; the table answers from its own slots): a loaded model never needs them
   * again, and they were a third of the parser's memory. A released table cannot be saved.
   */
  release(): this {
    this.keys = new Uint32Array(0);
    this.weights = new Float32Array(0);
    return this;
  }
}
