/** Training-time averaged perceptron weights (Collins 2002; averaging by the timestamp trick of Daumé III). */
import { InlineTable, WeightTable } from './weights.js';

/** Growable weights for `classes` classes keyed by 32-bit feature hashes, with running sums for averaging. */
export class AveragedWeights {
  private keys = new Uint32Array(1 << 16);
  private slots = new Int32Array(1 << 17).fill(-1);
  private w: Float32Array;
  private u: Float64Array;
  private rows = 0;
  /** Update counter: call tick() once per training example. */
  c = 1;

  constructor(readonly classes: number) {
    this.w = new Float32Array((1 << 16) * classes);
    this.u = new Float64Array((1 << 16) * classes);
  }

  /** Number of feature rows created so far. */
  get size(): number {
    return this.rows;
  }

  /** Row of a feature; with `create`, a new zero row when it has none (else -1). */
  row(key: number, create: boolean): number {
    const mask = this.slots.length - 1;
    let s = key & mask;
    for (;;) {
      const r = this.slots[s]!;
      if (r === -1) break;
      if (this.keys[r] === key) return r;
      s = (s + 1) & mask;
    }
    if (!create) return -1;
    if (this.rows >= this.keys.length) this.grow();
    if (2 * (this.rows + 1) > this.slots.length) {
      this.rehash();
      return this.row(key, true);
    }
    const r = this.rows++;
    this.keys[r] = key;
    this.slots[s] = r;
    return r;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const keys = new Uint32Array(n);
    keys.set(this.keys);
    this.keys = keys;
    const w = new Float32Array(n * this.classes);
    w.set(this.w);
    this.w = w;
    const u = new Float64Array(n * this.classes);
    u.set(this.u);
    this.u = u;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let r = 0; r < this.rows; r++) {
      let s = this.keys[r]! & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = r;
    }
    this.slots = slots;
  }

  /** Adds the current weights of the features `feats[from..to)` into `out[at..at+classes)`. */
  score(feats: ArrayLike<number>, from: number, to: number, out: Float32Array, at = 0): void {
    const K = this.classes;
    for (let f = from; f < to; f++) {
      const r = this.row(feats[f]!, false);
      if (r < 0) continue;
      const base = r * K;
      for (let t = 0; t < K; t++) out[at + t]! += this.w[base + t]!;
    }
  }

  /** Adds `delta` to class `cls` of every feature in `feats[from..to)`. */
  update(feats: ArrayLike<number>, from: number, to: number, cls: number, delta: number): void {
    const K = this.classes;
    const cd = this.c * delta;
    for (let f = from; f < to; f++) {
      const i = this.row(feats[f]!, true) * K + cls;
      this.w[i]! += delta;
      this.u[i]! += cd;
    }
  }

  /** Advances the averaging clock (once per example). */
  tick(): void {
    this.c++;
  }

  /** The averaged weights as an inference table (with the rows inside the hash table when `inline`). */
  averaged(): WeightTable;
  averaged(inline: true): InlineTable;
  averaged(inline = false): WeightTable | InlineTable {
    const K = this.classes;
    const keys = this.keys.slice(0, this.rows);
    const weights = new Float32Array(this.rows * K);
    for (let i = 0; i < this.rows * K; i++) weights[i] = this.w[i]! - this.u[i]! / this.c;
    return inline ? new InlineTable(keys, weights, K) : new WeightTable(keys, weights, K);
  }
}

/**
 * Averages the weights of models trained with different shuffles (a linear model again, same speed, less variance),
 * as raw keys and weights sorted by key.
 */
export function averageWeights(tables: ReadonlyArray<{ keys: Uint32Array; weights: Float32Array; classes: number }>): { keys: Uint32Array; weights: Float32Array } {
  const K = tables[0]!.classes;
  const rows = new Map<number, Float32Array>();
  for (const t of tables) {
    for (let r = 0; r < t.keys.length; r++) {
      let acc = rows.get(t.keys[r]!);
      if (!acc) rows.set(t.keys[r]!, (acc = new Float32Array(K)));
      for (let c = 0; c < K; c++) acc[c]! += t.weights[r * K + c]! / tables.length;
    }
  }
  const keys = Uint32Array.from([...rows.keys()].sort((a, b) => a - b));
  const weights = new Float32Array(keys.length * K);
  keys.forEach((k, i) => weights.set(rows.get(k)!, i * K));
  return { keys, weights };
}
