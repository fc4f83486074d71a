/** Union-find with reasons and cannot-link constraints: the bookkeeping of clustering, shared by the resolvers. */

/** Disjoint sets over 0..n-1 that remember why sets were joined and which pairs must stay apart. */
export class Partition<Reason> {
  private parent: number[];
  private lists = new Map<number, number[]>();
  private why = new Map<number, Reason[]>();
  /** Pairs of elements a user decided to keep apart; unions that would join them are refused. */
  readonly apart: [number, number][] = [];

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < n; i++) this.lists.set(i, [i]);
  }

  /** Representative of the set holding `i` (the lowest index in it). */
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    while (this.parent[i] !== r) [this.parent[i], i] = [r, this.parent[i] ?? r];
    return r;
  }

  /** True when joining the sets of `a` and `b` would put a kept-apart pair together. */
  blocked(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    return this.apart.some(([x, y]) => {
      const [rx, ry] = [this.find(x), this.find(y)];
      return (rx === ra && ry === rb) || (rx === rb && ry === ra);
    });
  }

  /** Joins the sets of `a` and `b`, recording why; does nothing when they are already one set. */
  union(a: number, b: number, reason: Reason): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    // The shorter member list goes into the longer one (members() sorts, so order does not matter), item by item:
    // spreading a list of a few 100,000 items as arguments overflows the call stack (one name 100,000s of times).
    const rootList = this.lists.get(root) ?? [];
    const childList = this.lists.get(child) ?? [];
    this.lists.set(root, rootList.length >= childList.length ? appendAll(rootList, childList) : appendAll(childList, rootList));
    this.lists.delete(child);
    // Reasons keep the order of the unions: the root's, then the child's, then this one.
    const rootWhy = this.why.get(root) ?? [];
    const childWhy = this.why.get(child) ?? [];
    const reasons = rootWhy.length >= childWhy.length ? appendAll(rootWhy, childWhy) : rootWhy.concat(childWhy);
    reasons.push(reason);
    this.why.set(root, reasons);
    this.why.delete(child);
  }

  /** Number of elements in the set of `i`. */
  size(i: number): number {
    return this.lists.get(this.find(i))?.length ?? 0;
  }

  /** Elements in the set of `i`, ascending. */
  members(i: number): number[] {
    return [...(this.lists.get(this.find(i)) ?? [])].sort((x, y) => x - y);
  }

  /** Reasons recorded for the set of `i`, in the order the unions happened. */
  reasons(i: number): Reason[] {
    return this.why.get(this.find(i)) ?? [];
  }

  /** Representatives of all sets, ascending. */
  roots(): number[] {
    return [...this.lists.keys()].sort((x, y) => x - y);
  }
}

/** Appends `items` to `list` in place and returns it (a loop: no argument spreading, whatever the length). */
function appendAll<T>(list: T[], items: readonly T[]): T[] {
  for (const x of items) list.push(x);
  return list;
}
