/** One copy of each repeated string: rows read from a store carry a fresh copy of every value, names recur by the thousand. */

/** A function returning, for any string, the first equal string it was given (so equal strings kept share one copy). */
export function stringPool(): (s: string) => string {
  const pool = new Map<string, string>();
  return (s) => {
    const known = pool.get(s);
    if (known !== undefined) return known;
    pool.set(s, s);
    return s;
  };
}
