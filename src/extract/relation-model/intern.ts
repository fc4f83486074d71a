/**
 * Feature strings joined from parts and kept: the next candidate pair that has the same feature gets the same string
 * object, so it is neither allocated nor hashed again (V8 keeps a string's hash in the string) when the model looks
 * it up. The parts are constants and the parser's cached lemmas, whose hashes are kept the same way.
 */
const joined = new Map<string, Map<string, string>>();

/** Bounds: the first parts (template prefixes, and prefixes with one word) and the second parts per first part. */
const MAX_FIRST = 100_000;
const MAX_SECOND = 50_000;

/** a + b, the same string each time while cached. */
export function cat(a: string, b: string): string {
  let inner = joined.get(a);
  if (inner === undefined) {
    if (joined.size >= MAX_FIRST) joined.clear();
    joined.set(a, (inner = new Map()));
  }
  let s = inner.get(b);
  if (s === undefined) {
    if (inner.size >= MAX_SECOND) inner.clear();
    inner.set(b, (s = a + b));
  }
  return s;
}
