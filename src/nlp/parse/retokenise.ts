/**
 * Train-time normalisation of treebank tokens to Cablegraph's tokenizer: EWT splits "15-year" into "15 - year" and
 * "gonna" into "gon na", our tokenizer keeps both whole. Re-tokenising a sentence's text and merging the words each
 * of our tokens covers gives training trees over the tokens the parser will see at run time.
 */
import { tokenize } from '../tokenize.js';
import type { ConlluSentence, ConlluWord } from './conllu.js';

/** Character span of each word in the sentence text, or null when the words cannot be found in it. */
function wordSpans(s: ConlluSentence): Array<[number, number]> | null {
  const spans: Array<[number, number]> = new Array(s.words.length);
  const rangeAt = new Map(s.ranges.map((r) => [r.first, r]));
  let pos = 0;
  const find = (form: string): number => {
    while (pos < s.text.length && /\s/.test(s.text[pos]!)) pos++;
    return s.text.startsWith(form, pos) ? pos : -1;
  };
  for (let i = 0; i < s.words.length; i++) {
    const r = rangeAt.get(i);
    if (r) {
      const at = find(r.form);
      if (at < 0) return null;
      // "don't" = "do" + "n't": sub-spans when the words spell the surface form, else all share it ("gonna").
      const parts = s.words.slice(r.first, r.last + 1).map((w) => w.form);
      let p = at;
      const exact = parts.join('') === r.form;
      for (let k = r.first; k <= r.last; k++) {
        const len = exact ? parts[k - r.first]!.length : r.form.length;
        spans[k] = exact ? [p, p + len] : [at, at + r.form.length];
        if (exact) p += len;
      }
      pos = at + r.form.length;
      i = r.last;
      continue;
    }
    const at = find(s.words[i]!.form);
    if (at < 0) return null;
    spans[i] = [at, at + s.words[i]!.form.length];
    pos = at + s.words[i]!.form.length;
  }
  return spans;
}

/** Depth of each word below the root (root = 0). */
function depths(words: readonly ConlluWord[]): Int32Array {
  const d = new Int32Array(words.length).fill(-1);
  const depth = (i: number): number => {
    if (d[i]! >= 0) return d[i]!;
    let k = 0;
    for (let j = i; words[j]!.head >= 0 && k <= words.length; j = words[j]!.head) k++;
    return (d[i] = k);
  };
  for (let i = 0; i < words.length; i++) depth(i);
  return d;
}

/**
 * Merges each group of consecutive words into one word. The merged word takes the head, relation and tags of the
 * part closest to the root (so no cycle can form); arcs leaving the group from its other parts are dropped
 * ("cannot" = "can" aux + "not" advmod becomes one aux), arcs entering any part point to the merged word.
 */
export function mergeWords(words: readonly ConlluWord[], groups: ReadonlyArray<readonly number[]>, forms: readonly string[]): ConlluWord[] {
  const newIndex = new Int32Array(words.length);
  groups.forEach((grp, g) => grp.forEach((i) => (newIndex[i] = g)));
  const depth = depths(words);
  return groups.map((grp, g) => {
    let top = grp[grp.length - 1]!;
    for (let k = grp.length - 1; k >= 0; k--) if (depth[grp[k]!]! < depth[top]!) top = grp[k]!;
    const t = words[top]!;
    const head = t.head < 0 ? -1 : newIndex[t.head]!;
    if (grp.length === 1) return { ...t, head };
    // "e - mails" -> "e-mails", lemma "e-mail": the other parts as written, the head part's lemma.
    const lemma = grp.map((i) => (i === top ? words[i]!.lemma : words[i]!.form)).join('');
    const form = forms[g]!;
    return { ...t, form, lemma: top === grp[grp.length - 1] && form === grp.map((i) => words[i]!.form).join('') ? lemma : form, head, spaceAfter: words[grp[grp.length - 1]!]!.spaceAfter };
  });
}

/** The sentence re-tokenised the way Cablegraph's tokenizer splits its text; null when the two cannot be aligned. */
export function retokenise(s: ConlluSentence): ConlluSentence | null {
  if (!s.text) return null;
  const spans = wordSpans(s);
  if (!spans) return null;
  const tokens = tokenize(s.text);
  const groups: number[][] = [];
  const forms: string[] = [];
  let w = 0;
  for (const t of tokens) {
    const grp: number[] = [];
    while (w < spans.length && spans[w]![1] <= t.end) {
      if (spans[w]![0] < t.start) return null; // a word straddles two of our tokens
      grp.push(w++);
    }
    // Several of our tokens inside one word ("gonna" is "gon" + "na" but one token for us; the reverse split fails here).
    if (grp.length === 0) return null;
    groups.push(grp);
    forms.push(t.text);
  }
  if (w !== spans.length) return null;
  if (groups.every((g) => g.length === 1)) return s;
  return { ...s, words: mergeWords(s.words, groups, forms), ranges: [] };
}
