/**
 * Candidate mentions in text order, asked "which come before/after this offset" and "are these all one cluster yet".
 * Within-document resolution asks both for every mention; scanning the candidates each time grows with the square
 * of a document that repeats a name (a 50 MB file names some entity 100,000s of times), these answers do not.
 */
import type { Partition } from './partition.js';

/** A candidate: where it starts and its element in the partition. */
export interface Candidate {
  index: number;
  m: { start: number };
}

/** Candidates sorted by start, with one-set checks that remember what they already verified. */
export class OrderedCandidates<T extends Candidate> {
  // Sets only ever merge, so a run verified to lie in one set stays so: [0, sameUpTo) and [sameFrom, length).
  private sameUpTo = 1;
  private sameFrom: number;

  constructor(readonly items: readonly T[]) {
    this.sameFrom = Math.max(0, items.length - 1);
  }

  /** How many candidates start before `start` (they are items[0 .. n-1]). */
  countBefore(start: number): number {
    return this.search((x) => x < start);
  }

  /** Index of the first candidate starting after `start` (items.length when none does). */
  firstAfter(start: number): number {
    return this.search((x) => x <= start);
  }

  /** True when items[0 .. n-1] (n >= 1) are all in one set of `uf`. */
  prefixInOneSet<R>(uf: Partition<R>, n: number): boolean {
    if (n <= this.sameUpTo) return true;
    const root = uf.find(this.items[0]!.index);
    while (this.sameUpTo < n) {
      if (uf.find(this.items[this.sameUpTo]!.index) !== root) return false;
      this.sameUpTo++;
    }
    return true;
  }

  /** True when items[from ..] (at least one) are all in one set of `uf`. */
  suffixInOneSet<R>(uf: Partition<R>, from: number): boolean {
    if (from >= this.sameFrom) return true;
    const root = uf.find(this.items[this.items.length - 1]!.index);
    while (this.sameFrom > from) {
      if (uf.find(this.items[this.sameFrom - 1]!.index) !== root) return false;
      this.sameFrom--;
    }
    return true;
  }

  /** The number of leading items whose start satisfies `before` (a monotone test). */
  private search(before: (start: number) => boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid]!.m.start)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
