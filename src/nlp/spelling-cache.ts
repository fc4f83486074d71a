/**
 * Per-spelling caches (NER word attributes and score sums, parser word attributes, name-list look-ups). Each entry
 * costs about 1 kB (the NER's holds 85 score sums per spelling), and text full of new spellings (a table's amounts, ids
 * and names; a leak's names) fills every cache to its cap, in every worker. A cache keeps two generations of at most
 * SPELLING_CACHE_GENERATION spellings: when the recent one is full it becomes the older one (the older one is dropped),
 * and a spelling found in the older one moves back to the recent one. So spellings that recur stay cached however
 * many one-off spellings pass, while the cache holds at most twice the generation (25,000 spellings, half of the
 * 50,000 a single map held before it was dropped whole; docs/SCALING.md, "Spelling caches").
 */
export const SPELLING_CACHE_GENERATION = 12_500;

/** A bounded cache by spelling, in two generations (see above). */
export class SpellingCache<V> {
  private recent = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly generation: number = SPELLING_CACHE_GENERATION) {}

  /** The cached value of `key`, or `compute(key)`, cached. */
  get(key: string, compute: (key: string) => V): V {
    const hit = this.recent.get(key);
    if (hit !== undefined) return hit;
    const value = this.older.get(key) ?? compute(key);
    if (this.recent.size >= this.generation) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
    return value;
  }

  /** Spellings held now (both generations). */
  get size(): number {
    return this.recent.size + this.older.size;
  }
}
