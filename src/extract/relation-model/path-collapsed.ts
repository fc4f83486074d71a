/**
 * Path features read through coordination and apposition, as enhanced dependencies do: in "Armenia and Azerbaijan
 * attacked Karabakh" the second name hangs off the first by `conj`, so its path to the object is not the subject's
 * path. Climbing from a name to the first conjunct (and from an appositive name to the noun it renames: "his deputy,
 * X, met Y") gives the path the construction would have without the list, and the same feature names are emitted for
 * it, so what the model learned on plain subjects and objects carries over to lists and appositions.
 * Cost: a climb of the tree per pair (depth of the sentence), no per-pair work over the whole sentence.
 */
import type { FeatureSink } from './features.js';
import type { SentenceView } from './sentence-view.js';
import { TRIGGER_TYPES } from './triggers.js';

const LETTER = { PERSON: 'P', ORG: 'O', LOC: 'L', MISC: 'M' } as const;

/** The token a name stands in for: up through `conj` (to the first conjunct) and `appos` (to the renamed noun). */
function collapse(view: SentenceView, h: number, other: number): number {
  const p = view.parse!;
  let x = h;
  for (let steps = 0; steps < 8; steps++) {
    const d = p.deprel[x];
    const g = p.head[x]!;
    // Never climb onto or past the other end: "X and Y met" must keep X and Y apart.
    if (g < 0 || g === other || (d !== 'conj' && d !== 'appos')) break;
    x = g;
  }
  return x;
}

/** Ancestors of k, itself first, up to the root. */
function ancestors(head: Int32Array, k: number): number[] {
  const out: number[] = [];
  for (let x = k; x >= 0 && out.length <= head.length; x = head[x]!) out.push(x);
  return out;
}

/**
 * Adds the path features of the collapsed heads (same names as the plain path's `p:`, `lcad:`, `tl:` features) when
 * collapsing moved either end; `hA`/`hB` are the mentions' own head tokens, `tp` the type pair ("PO").
 */
export function collapsedPathFeatures(view: SentenceView, hA: number, hB: number, tp: string, f: FeatureSink): void {
  const cA = collapse(view, hA, hB);
  const cB = collapse(view, hB, hA);
  if ((cA === hA && cB === hB) || cA === cB) return;
  const p = view.parse!;
  const upA = ancestors(p.head, cA);
  const upB = ancestors(p.head, cB);
  let lcaAt = -1;
  for (let k = 0; k < upA.length && lcaAt < 0; k++) if (upB.includes(upA[k]!)) lcaAt = k;
  if (lcaAt < 0) return;
  const lca = upA[lcaAt]!;
  const armA = upA.slice(0, lcaAt);
  const armB = upB.slice(0, upB.indexOf(lca));
  // A collapsed end still lies on the path ("X, leader of Y" is appos then nmod): its own relation is kept.
  const up = armA.map((x) => p.deprel[x]);
  const down = armB.map((x) => p.deprel[x]).reverse();
  const len = up.length + down.length;
  if (len > 6) return;
  const path = `${up.join('<')}|${down.join('>')}`;
  f.add('p:', path);
  f.add('p:', path, '|', tp);
  f.add('collapsed');
  const m = view.tokenMention[lca]!;
  const lemma = m >= 0 ? `[${LETTER[view.mentions[m]!.type]}]` : `${p.lemma[lca]}_${p.upos[lca]}`;
  const armTop = (arm: number[]): string => (arm.length > 0 ? p.deprel[arm[arm.length - 1]!]! : 'self');
  const arms = `|${armTop(armA)}|${armTop(armB)}`;
  f.add('lcad:', lemma, arms);
  f.add('lcap:', p.upos[lca]!, arms);
  for (const t of TRIGGER_TYPES.get(p.lemma[lca]!) ?? []) f.add('tl:', t, arms);
}
