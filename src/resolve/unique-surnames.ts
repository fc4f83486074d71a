/** The unique-surname rule of cross-document clustering: a one-word person joins the one multi-word person it can be. */
import type { ResolveCandidate } from './types.js';
import { comparableWords, tokenKey } from './name-key.js';
import { normalizeName } from './normalize.js';
import { acceptsHolder } from './groups.js';
import { guardVeto, type Clustering } from './cluster-guards.js';

// Unions between two pauses of the cooperative clustering.
const SLICE = 200;

/** One-word people ("Kadhimi") join the only multi-word person with that family name, when there is exactly one. */
export function* joinUniqueSurnames(p: Clustering, list: ResolveCandidate[]): Generator<void> {
  const full = new Map<string, { i: number; last: string }[]>();
  const single: number[] = [];
  list.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const words = comparableWords(normalizeName(c.name, c.type), c.type);
    const last = words.at(-1);
    if (words.length === 1 && last !== undefined && last.length >= 4) single.push(i);
    else if (words.length > 1 && last !== undefined) full.set(tokenKey(last), [...(full.get(tokenKey(last)) ?? []), { i, last }]);
  });
  // Uniqueness is judged on the clustering before any of these joins, so the outcome does not depend on which
  // one-word name comes first (and an incremental update can tell when a new one changes nothing).
  const before = new Map<number, number>();
  for (const hs of full.values()) for (const h of hs) before.set(h.i, p.find(h.i));
  // Every spelling of one one-word name decides alike: its holders and their clusters are worked out once.
  const byNorm = new Map<string, { holders: number[]; unique: boolean }>();
  let work = 0;
  for (const i of single) {
    const c = list[i];
    if (c === undefined) continue;
    const norm = normalizeName(c.name, 'PERSON');
    let found = byNorm.get(norm);
    if (!found) {
      // The skeleton finds candidates; the matcher decides ("Kadhimi" is not "al-Kadhim", a nisba apart).
      const accepts = new Map<string, boolean>();
      const holders = (full.get(tokenKey(norm)) ?? []).filter((h) => {
        let ok = accepts.get(h.last);
        if (ok === undefined) accepts.set(h.last, (ok = acceptsHolder(norm, h.last)));
        return ok;
      }).map((h) => h.i);
      found = { holders, unique: new Set(holders.map((j) => before.get(j))).size === 1 };
      byNorm.set(norm, found);
    }
    const j = found.holders[0];
    // Already together: the union would change nothing.
    if (j === undefined || !found.unique || p.find(i) === p.find(j) || p.blocked(i, j) || guardVeto(p, list, i, j)) continue;
    const other = list[j];
    p.union(i, j, { rule: 'unique-surname', score: 0.8, a: c.key, b: other?.key ?? '', evidence: `"${c.name}" ~ "${other?.name ?? ''}"` });
    if (++work % SLICE === 0) yield;
  }
}
