/**
 * A cheap first pass for ranking many Latin names against an Arabic-script one: both become consonant-class
 * skeletons ("Qassem" -> "KSM", "قاسم" -> "KSM", the Arabic letters' classes read off the model's likeliest
 * spelling of each), compared by shared class bigrams through an inverted index. Only the best few go on to the
 * full model, so a file of thousands of names ranks in seconds instead of minutes.
 */
import type { TranslitModel } from './model.js';

// Sound classes of Latin letters, after the digraphs below: letters one romanisation swaps for another share one.
const LATIN_CLASS: Record<string, string> = {
  b: 'B', p: 'B', f: 'F', v: 'F', t: 'T', d: 'T', s: 'S', z: 'S', x: 'S', c: 'K', k: 'K', q: 'K', g: 'K', j: 'J',
  l: 'L', r: 'R', m: 'M', n: 'N', h: 'H',
};
/** Class of the digraph starting at i ("sh", "ch", "kh", "gh", "th", "dh", "ph", "zh", "dj", "sch", "tch") and its length. */
function digraphAt(w: string, i: number): [string, number] | null {
  const [c, n] = [w[i], w[i + 1]];
  if ((c === 's' || c === 't') && n === 'c' && w[i + 2] === 'h') return ['X', 3];
  if (n === 'h') {
    if (c === 's' || c === 'c') return ['X', 2];
    if (c === 'k' || c === 'g') return ['K', 2];
    if (c === 't' || c === 'd') return ['T', 2];
    if (c === 'p') return ['F', 2];
    if (c === 'z') return ['J', 2];
  }
  return c === 'd' && n === 'j' ? ['J', 2] : null;
}

/** Consonant-class skeleton of plain a-z letters ("soleimani" -> "SLMN", "shirazi" -> "XRS"); one pass, no regexes (hot in blocking). */
export function latinSkeleton(latin: string): string {
  let out = '';
  for (let i = 0; i < latin.length; ) {
    const di = digraphAt(latin, i);
    const cls = di ? di[0] : LATIN_CLASS[latin[i]!];
    i += di ? di[1] : 1;
    if (cls !== undefined && cls !== out[out.length - 1]) out += cls;
  }
  return out;
}

const ARABIC_CLASS = new WeakMap<TranslitModel, Map<string, string>>();

/** Class of each Arabic letter: the skeleton of the model's likeliest non-empty spelling of it ("" for vowel letters). */
function arabicClasses(model: TranslitModel): Map<string, string> {
  let classes = ARABIC_CLASS.get(model);
  if (!classes) {
    classes = new Map();
    for (const [ctx, table] of Object.entries(model.data.emit)) {
      if ([...ctx].length !== 1) continue;
      const best = Object.entries(table).filter(([s]) => s !== '').sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      classes.set(ctx, /^[aeiouyw]/.test(best) ? '' : latinSkeleton(best));
    }
    ARABIC_CLASS.set(model, classes);
  }
  return classes;
}

/** Consonant-class skeleton of an Arabic-script name's letters. */
export function arabicSkeleton(model: TranslitModel, letters: readonly string[]): string {
  const classes = arabicClasses(model);
  let out = '';
  for (const l of letters) {
    for (const c of classes.get(l) ?? '') if (c !== out.at(-1)) out += c;
  }
  return out;
}

/**
 * Skeletons a Latin word may stand for: as spelled, and with the letters Persian romanisation adds or Arabic leaves
 * out: "v" (Persian و, "Javad" / "جواد") and a final "h" after a vowel ("Zadeh" / "Zade").
 */
export function latinSkeletons(latin: string): string[] {
  const out = new Set([latinSkeleton(latin)]);
  if (latin.includes('v')) out.add(latinSkeleton(latin.replace(/v/g, 'w')));
  if (/[aeiouy]h$/.test(latin)) for (const s of [...out]) out.add(s.slice(0, -1));
  return [...out];
}

/** Skeletons an Arabic-script word may stand for: with and without a heh before a vowel letter or at the end ("خامنه‌ای"). */
export function arabicSkeletons(model: TranslitModel, letters: readonly string[]): string[] {
  const out = new Set([arabicSkeleton(model, letters)]);
  const soft = letters.filter((l, i) => !(l === 'ه' && i > 0 && (i === letters.length - 1 || 'اويى'.includes(letters[i + 1]!))));
  if (soft.length !== letters.length) out.add(arabicSkeleton(model, soft));
  return [...out];
}

/** Class bigrams of a skeleton with its ends marked. */
function bigramsOf(skeleton: string): string[] {
  const s = `^${skeleton}$`;
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return [...out];
}

/** An inverted index of Latin skeleton bigrams, queried with an Arabic skeleton for the most similar names. */
export class SkeletonIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[];

  /** Indexes the skeletons, one per Latin name. */
  constructor(skeletons: readonly string[]) {
    this.sizes = skeletons.map((s, i) => {
      const grams = bigramsOf(s);
      for (const g of grams) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
      return grams.length;
    });
  }

  /** The `k` names with the highest bigram Dice coefficient against `skeleton`, best first (ties by index). */
  nearest(skeleton: string, k: number): number[] {
    const grams = bigramsOf(skeleton);
    const common = new Map<number, number>();
    for (const g of grams) for (const i of this.postings.get(g) ?? []) common.set(i, (common.get(i) ?? 0) + 1);
    const scored = [...common].map(([i, c]) => [i, (2 * c) / (grams.length + (this.sizes[i] ?? 0))] as const);
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.slice(0, k).map(([i]) => i);
  }
}
