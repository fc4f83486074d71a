/**
 * The parser's action weights (3 per feature) packed into 8 bytes per slot, half the size of InlineTable, because
 * the ~230 look-ups per word are cache misses and a smaller table misses less. Only for quantised weights (the model
 * file's int16 values times one scale); the sums are bit for bit those of InlineTable over the same model.
 *
 * Robin Hood linear probing over 2^b slots, b >= 20 (a key's home slot is its low b bits); a slot keeps the key's top 32 - b bits
 * and its distance from home, which with the slot's position give back all 32 bits of the key: a look-up compares
 * whole keys, so a feature the model lacks can never borrow another's weights.
 */

/** At least 2^20 slots (the home bits plus 12 stored bits make the key) and distances below 15. */
const MIN_HOME_BITS = 20;
const MAX_DISTANCE = 14;

/** Read-only action weights: slot s holds [tag << 16 | w0, w2 << 16 | w1] with tag = (distance + 1) << 12 | key >>> 20. */
export class PackedActionTable {
  readonly classes = 3;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly bits: number;

  // A loaded model's table keeps no source rows (the slots hold them): see InlineTable.release.
  readonly keys = new Uint32Array(0);
  readonly weights = new Float32Array(0);
  private readonly rows: number;

  /**
   * Packs `keys[r]` -> `q[3r .. 3r + 3) * scale`; a repeated key keeps its first row, key 0 is read as 1 (as
   * InlineTable does). Throws when the keys do not fit the layout (callers then use InlineTable).
   */
  constructor(
    keys: Uint32Array,
    _weights: Float32Array,
    q: Int16Array,
    readonly scale: number,
  ) {
    this.rows = keys.length;
    let bits = MIN_HOME_BITS;
    while (1 << bits < keys.length * 1.6) bits++;
    if (bits > 30) throw new Error('PackedActionTable: too many rows');
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(2 << bits);
    // Robin Hood insertion: a key travelling further from home takes the slot of one closer to its own home.
    for (let r = 0; r < keys.length; r++) {
      let key = keys[r]! | 0 || 1;
      let lo = (q[3 * r]! & 0xffff) | 0;
      let hi = ((q[3 * r + 2]! << 16) | (q[3 * r + 1]! & 0xffff)) | 0;
      let s = key & this.mask;
      for (let dist = 0; ; dist++, s = (s + 1) & this.mask) {
        if (dist > MAX_DISTANCE) throw new Error('PackedActionTable: probe distance too long');
        const tag = this.slots[2 * s]! >>> 16;
        if (tag === 0) {
          this.slots[2 * s] = ((((dist + 1) << 12) | (key >>> bits)) << 16) | lo;
          this.slots[2 * s + 1] = hi;
          break;
        }
        const residentDist = (tag >>> 12) - 1;
        const residentKey = (((tag & 0xfff) << bits) | ((s - residentDist) & this.mask)) | 0;
        if (residentKey === key) break; // a repeated key: the first row stays
        if (residentDist < dist) {
          const [oldLo, oldHi] = [this.slots[2 * s]! & 0xffff, this.slots[2 * s + 1]!];
          this.slots[2 * s] = ((((dist + 1) << 12) | (key >>> bits)) << 16) | lo;
          this.slots[2 * s + 1] = hi;
          [key, lo, hi, dist] = [residentKey, oldLo, oldHi, residentDist];
        }
      }
    }
  }

  /** Adds the weights of `feats[0..count)` to `out` (sums in doubles, exact: see InlineTable.sum3). */
  sum3(feats: Uint32Array | Int32Array, count: number, out: Float32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const scale = this.scale;
    const bits = this.bits;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let f = 0; f < count; f++) {
      const key = feats[f]! | 0 || 1;
      const top = key >>> bits;
      let s = key & mask;
      for (let d = 1; ; d++) {
        const lo = slots[2 * s]!;
        const tag = lo >>> 16;
        if (tag === ((d << 12) | top)) {
          const hi = slots[2 * s + 1]!;
          a += Math.fround(((lo << 16) >> 16) * scale);
          b += Math.fround(((hi << 16) >> 16) * scale);
          c += Math.fround((hi >> 16) * scale);
          break;
        }
        // An empty slot, or a resident nearer its home than we are to ours: the key is not in the table.
        if (tag >>> 12 < d) break;
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
}
