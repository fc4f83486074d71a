/** Multi-token gazetteer lookup: a trie over lower-cased tokens whose nodes carry a bit mask of list classes. */

/** The list classes a phrase can belong to; the index is its bit in a mask. */
export const GAZETTEER_CLASSES = ['PER', 'FIRST', 'LAST', 'LOC', 'NAT', 'ORG', 'TITLE', 'ORGWORD'] as const;
export type GazetteerClass = (typeof GAZETTEER_CLASSES)[number];

interface TrieNode {
  mask: number;
  next: Map<string, TrieNode> | null;
}

/** One match: tokens [start, end) form a listed phrase of the classes in `mask`. */
export interface GazetteerMatch {
  start: number;
  end: number;
  mask: number;
}

/** A set of phrases (lower-cased token sequences) with their classes. */
export class Gazetteer {
  private readonly root: TrieNode = { mask: 0, next: null };
  /** Number of phrases added. */
  size = 0;

  /** Adds a phrase given as lower-cased tokens to the classes in `mask`. */
  add(tokens: readonly string[], mask: number): void {
    let node = this.root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { mask: 0, next: null }));
      node = child;
    }
    if (node.mask === 0) this.size++;
    node.mask |= mask;
  }

  /**
   * Finds, for each class, the longest matches scanning left to right (a class's matches never overlap; classes may).
   * "Ministry of Intelligence and National Security" -> ORG over all six tokens, LOC nowhere.
   */
  match(lowerTokens: readonly string[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    const blockedUntil = new Array<number>(GAZETTEER_CLASSES.length).fill(0);
    for (let i = 0; i < lowerTokens.length; i++) {
      let node: TrieNode | undefined = this.root;
      const longest = new Array<number>(GAZETTEER_CLASSES.length).fill(0);
      let any = 0;
      for (let j = i; j < lowerTokens.length && node?.next; j++) {
        node = node.next.get(lowerTokens[j]!);
        if (!node) break;
        if (node.mask !== 0) {
          for (let c = 0; c < GAZETTEER_CLASSES.length; c++) if (node.mask & (1 << c)) longest[c] = j + 1;
          any = 1;
        }
      }
      if (!any) continue;
      for (let c = 0; c < GAZETTEER_CLASSES.length; c++) {
        const end = longest[c]!;
        if (end > 0 && i >= blockedUntil[c]!) {
          out.push({ start: i, end, mask: 1 << c });
          blockedUntil[c] = end;
        }
      }
    }
    return out;
  }

  /** Lists every phrase with its mask, for serialisation. */
  entries(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const walk = (node: TrieNode, prefix: string[]): void => {
      if (node.mask) out.push([prefix.join(' '), node.mask]);
      if (node.next) for (const [k, v] of [...node.next].sort((a, b) => (a[0] < b[0] ? -1 : 1))) walk(v, [...prefix, k]);
    };
    walk(this.root, []);
    return out;
  }
}

/** Builds a mask from class names. */
export function gazetteerMask(...classes: GazetteerClass[]): number {
  let m = 0;
  for (const c of classes) m |= 1 << GAZETTEER_CLASSES.indexOf(c);
  return m;
}
