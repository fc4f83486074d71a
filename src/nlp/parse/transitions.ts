/**
 * The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the END of the buffer (Ballesteros &
 * Nivre 2013), and its dynamic oracle (Goldberg & Nivre 2013). Words are 0..n-1, the root is n.
 * SHIFT moves b0 onto the stack; LEFT makes b0 the head of s0 and pops it; RIGHT makes s1 the head of s0 and pops it.
 * LEFT with the root as b0 is allowed only when s0 is the last word on the stack, so every parse is one tree with
 * exactly one word under the root.
 */

/** Actions, as indices into the unlabelled score vector. */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
/** Number of unlabelled actions. */
export const ACTIONS = 3;

/** A parser configuration; arrays are sized for the longest sentence seen and reused. */
export class ParseState {
  n = 0;
  sp = 0;
  /** Front of the buffer: b0 = b (the root when b === n). */
  b = 0;
  stack = new Int32Array(0);
  head = new Int32Array(0);
  label = new Int32Array(0);
  /** Leftmost, second leftmost, rightmost and second rightmost children (-1 = none). */
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  /** Number of left and right children. */
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  /** Bit sets of the labels of left and right children (label ids < 32 in the low word, the rest in the high word). */
  lsetLo = new Int32Array(0);
  lsetHi = new Int32Array(0);
  rsetLo = new Int32Array(0);
  rsetHi = new Int32Array(0);

  /** Starts a sentence of n words: empty stack, every word in the buffer. */
  reset(n: number): void {
    if (this.stack.length < n + 1) {
      const m = Math.max(n + 1, 2 * this.stack.length);
      for (const k of ['stack', 'head', 'label', 'lc1', 'lc2', 'rc1', 'rc2', 'nl', 'nr', 'lsetLo', 'lsetHi', 'rsetLo', 'rsetHi'] as const) this[k] = new Int32Array(m);
    }
    this.n = n;
    this.sp = 0;
    this.b = 0;
    const len = n + 1;
    this.head.fill(-2, 0, len);
    this.label.fill(-1, 0, len);
    for (const a of [this.lc1, this.lc2, this.rc1, this.rc2]) a.fill(-1, 0, len);
    for (const a of [this.nl, this.nr, this.lsetLo, this.lsetHi, this.rsetLo, this.rsetHi]) a.fill(0, 0, len);
  }

  /** s_k (k = 0 top), or -1. */
  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }

  /** Whether the parse is complete. */
  get done(): boolean {
    return this.b === this.n && this.sp === 0;
  }

  /** Whether an action is allowed here. */
  valid(action: number): boolean {
    if (action === SHIFT) return this.b < this.n;
    if (action === LEFT) return this.sp > 0 && (this.b < this.n || this.sp === 1);
    return this.sp > 1;
  }

  /** The head an arc action would give s0 (n = the root). */
  headFor(action: number): number {
    return action === LEFT ? this.b : this.stack[this.sp - 2]!;
  }

  /** Applies an action; arc actions give s0 the label `label`. */
  apply(action: number, label: number): void {
    if (action === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const d = this.stack[--this.sp]!;
    const h = action === LEFT ? this.b : this.stack[this.sp - 1]!;
    this.head[d] = h;
    this.label[d] = label;
    const bit = 1 << (label & 31);
    if (d < h) {
      this.nl[h]!++;
      if (label < 32) this.lsetLo[h]! |= bit;
      else this.lsetHi[h]! |= bit;
      if (this.lc1[h] === -1 || d < this.lc1[h]!) {
        this.lc2[h] = this.lc1[h]!;
        this.lc1[h] = d;
      } else if (this.lc2[h] === -1 || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nr[h]!++;
      if (label < 32) this.rsetLo[h]! |= bit;
      else this.rsetHi[h]! |= bit;
      if (this.rc1[h] === -1 || d > this.rc1[h]!) {
        this.rc2[h] = this.rc1[h]!;
        this.rc1[h] = d;
      } else if (this.rc2[h] === -1 || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  /**
   * Dynamic-oracle cost of an unlabelled action: how many gold arcs it makes unreachable (exact for projective gold
   * trees). `gold[i]` is word i's gold head, n for the root.
   */
  cost(action: number, gold: Int32Array): number {
    const { n, b, sp, stack } = this;
    if (action === SHIFT) {
      // b0 can no longer take left dependents from the stack, nor a head below s0.
      let c = 0;
      for (let k = 0; k < sp; k++) {
        const x = stack[k]!;
        if (gold[x] === b) c++;
        if (k < sp - 1 && gold[b] === x) c++;
      }
      return c;
    }
    const s0 = stack[sp - 1]!;
    // s0 leaves the stack: its dependents still in the buffer are lost.
    let c = 0;
    for (let j = b; j < n; j++) if (gold[j] === s0) c++;
    const g = gold[s0]!;
    if (action === LEFT) {
      if (g !== b && ((sp > 1 && g === stack[sp - 2]) || g > b)) c++;
    } else if (g >= b) c++;
    return c;
  }
}
