/** A bounded memo for pure functions of one string that resolution calls again and again with the same words. */

/**
 * `fn` with its results kept per argument; the memo is dropped when it holds `limit` entries, so a long-running
 * server does not grow. Only for functions whose result depends on the argument alone and is never mutated.
 */
export function memoizeString<T>(fn: (s: string) => T, limit = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    if (cache.size >= limit) cache.clear();
    const value = fn(s);
    cache.set(s, value);
    return value;
  };
}
