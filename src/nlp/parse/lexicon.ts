/** Building the word tables of the parse model from the treebank (ambiguity classes). */

/**
 * Ambiguity classes of frequent words: lower-cased form -> bit set of the tags given to it at least `minShare` of
 * the time ("that" -> DET|PRON|SCONJ). Only words seen `minCount` times, so a rare word's class never just repeats
 * its one gold tag to the tagger in training.
 */
export function learnTagClasses(words: Iterable<{ form: string; upos: string }>, tags: readonly string[], minCount = 10, minShare = 0.02): Map<string, number> {
  const index = new Map(tags.map((t, i) => [t, i]));
  const counts = new Map<string, Int32Array>();
  for (const w of words) {
    const t = index.get(w.upos);
    if (t === undefined) continue;
    const key = w.form.toLowerCase();
    let c = counts.get(key);
    if (!c) counts.set(key, (c = new Int32Array(tags.length)));
    c[t]!++;
  }
  const out = new Map<string, number>();
  for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = c.reduce((a, b) => a + b, 0);
    if (total < minCount) continue;
    let bits = 0;
    c.forEach((n, t) => {
      if (n >= minShare * total) bits |= 1 << t;
    });
    out.set(w, bits);
  }
  return out;
}
