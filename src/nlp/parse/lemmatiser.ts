/**
 * Lemmatiser learnt from a treebank: a (lower-cased form, UPOS) -> lemma table, and for unseen words suffix rules
 * ("strip k letters, add s") chosen by the longest known ending of the word for its tag ("-ies" NOUN -> "-y").
 */

/** A learnt lemmatiser: the table and the rules, both keyed by UPOS. */
export class Lemmatiser {
  constructor(
    /** "form\tUPOS" -> lemma (all lower case). */
    readonly table: Map<string, string>,
    /** "UPOS\tending" -> rule "k\tadded" (strip k characters, then add). */
    readonly rules: Map<string, string>,
    readonly maxEnding: number,
  ) {}

  /** Lower-case lemma of a word with the given UPOS. */
  lemma(form: string, upos: string): string {
    const lower = form.toLowerCase();
    const known = this.table.get(`${lower}\t${upos}`);
    if (known !== undefined) return known;
    // Names, numbers and symbols are their own lemma; only inflecting classes get rules.
    for (let k = Math.min(this.maxEnding, lower.length - 1); k >= 0; k--) {
      const rule = this.rules.get(`${upos}\t${lower.slice(lower.length - k)}`);
      if (rule === undefined) continue;
      const tab = rule.indexOf('\t');
      const strip = Number(rule.slice(0, tab));
      return lower.slice(0, lower.length - strip) + rule.slice(tab + 1);
    }
    return lower;
  }
}

/** The edit from a form to its lemma: characters stripped from the end and the string added. */
export function editOf(form: string, lemma: string): string {
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  return `${form.length - p}\t${lemma.slice(p)}`;
}

/** Learns the table (most frequent lemma per form and tag) and suffix rules (over distinct words, ties by order). */
export function learnLemmatiser(pairs: Iterable<{ form: string; upos: string; lemma: string }>, opts = { maxEnding: 6, minSupport: 2 }): Lemmatiser {
  const counts = new Map<string, Map<string, number>>();
  for (const { form, upos, lemma } of pairs) {
    const key = `${form.toLowerCase()}\t${upos}`;
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    const l = lemma.toLowerCase();
    m.set(l, (m.get(l) ?? 0) + 1);
  }
  const table = new Map<string, string>();
  const ruleCounts = new Map<string, Map<string, number>>();
  for (const key of [...counts.keys()].sort()) {
    const m = counts.get(key)!;
    let best = '';
    let bestN = -1;
    for (const [l, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > bestN) [best, bestN] = [l, c];
    table.set(key, best);
    const [form, upos] = key.split('\t') as [string, string];
    const edit = editOf(form, best);
    // Rules learn from ordinary words only: "n't" -> "not" or "'s" -> "be" belong in the table.
    if (!/^[\p{L}-]+$/u.test(form) || form.length < 3) continue;
    for (let k = 0; k <= Math.min(opts.maxEnding, form.length - 1); k++) {
      const rk = `${upos}\t${form.slice(form.length - k)}`;
      let r = ruleCounts.get(rk);
      if (!r) ruleCounts.set(rk, (r = new Map()));
      r.set(edit, (r.get(edit) ?? 0) + 1);
    }
  }
  const rules = new Map<string, string>();
  for (const key of [...ruleCounts.keys()].sort()) {
    const r = ruleCounts.get(key)!;
    let total = 0;
    let best = '';
    let bestN = -1;
    for (const [e, c] of [...r].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += c;
      if (c > bestN) [best, bestN] = [e, c];
    }
    // An ending decides only when it has support and a clear majority; the identity edit is the default anyway.
    if (total >= opts.minSupport && bestN * 2 > total) rules.set(key, best);
  }
  return new Lemmatiser(table, rules, opts.maxEnding);
}
