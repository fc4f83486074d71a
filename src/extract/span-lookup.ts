/**
 * Finding the items (mentions, dates, amounts) inside a span by binary search, so per-sentence and per-fact lookups
 * cost the items found, not the whole document: filtering every item for every sentence grows with the square of
 * the document.
 */
import type { Span } from '../model/index.js';

/** Index of the first item whose start is at or after `pos`, in items sorted by start. */
export function lowerBound(items: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items of a start-sorted array that lie inside `span` (start >= span.start, end <= span.end), in array order. */
export function insideSorted<T extends Span>(items: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, span.start); i < items.length && items[i]!.start <= span.end; i++) {
    if (items[i]!.end <= span.end) out.push(items[i]!);
  }
  return out;
}

/**
 * Items of any order, looked up by span: `inside` returns what `items.filter(x => inside span)` would, in the same
 * order, at the cost of a binary search plus the items near the span.
 */
export class SpanIndex<T extends Span> {
  private readonly order: number[];
  private readonly starts: Span[];

  constructor(private readonly items: readonly T[]) {
    // Sorted by start, ties in input order (Array.prototype.sort is stable).
    this.order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start);
    this.starts = this.order.map((i) => items[i]!);
  }

  /** Indices (into the original array, ascending) of the items inside `span`. */
  indicesInside(span: Span): number[] {
    const out: number[] = [];
    for (let k = lowerBound(this.starts, span.start); k < this.starts.length && this.starts[k]!.start <= span.end; k++) {
      if (this.starts[k]!.end <= span.end) out.push(this.order[k]!);
    }
    return out.sort((a, b) => a - b);
  }

  /** The items inside `span`, in their original order. */
  inside(span: Span): T[] {
    return this.indicesInside(span).map((i) => this.items[i]!);
  }
}
