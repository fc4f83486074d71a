/** Projectivity of dependency trees, and lifting of crossing arcs so the arc-hybrid oracle can reproduce a tree. */

/** Whether the arc into word d (head h, -1 = root) is projective: every word between them descends from h. */
function arcIsProjective(heads: ArrayLike<number>, d: number): boolean {
  const h = heads[d]!;
  const n = heads.length;
  const hh = h < 0 ? n : h;
  const [lo, hi] = hh < d ? [hh, d] : [d, hh];
  for (let k = lo + 1; k < hi; k++) {
    let a = k;
    let steps = 0;
    while (a >= 0 && a !== h && steps++ <= n) a = heads[a]!;
    if (a !== h) return false;
  }
  return true;
}

/** Whether the whole tree is projective (with the root at position n, as the parser places it). */
export function isProjective(heads: ArrayLike<number>): boolean {
  for (let d = 0; d < heads.length; d++) if (!arcIsProjective(heads, d)) return false;
  return true;
}

/**
 * Lifts non-projective arcs (shortest first) to the head's head until the tree is projective (Nivre & Nilsson 2005,
 * without encoding the lift in the label); returns new heads and how many arcs were lifted.
 */
export function projectivise(heads: ArrayLike<number>): { heads: Int32Array; lifted: number } {
  const out = Int32Array.from(heads);
  let lifted = 0;
  for (;;) {
    let worst = -1;
    let worstLen = Infinity;
    for (let d = 0; d < out.length; d++) {
      if (out[d]! < 0 || arcIsProjective(out, d)) continue;
      const len = Math.abs(out[d]! - d);
      if (len < worstLen) [worst, worstLen] = [d, len];
    }
    if (worst < 0) return { heads: out, lifted };
    out[worst] = out[out[worst]!]!;
    lifted++;
  }
}
