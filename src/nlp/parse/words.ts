/** Per-spelling attributes shared by the tagger and the parser, computed once per spelling and cached. */
import { hashStr, mix } from './hash.js';
import { SpellingCache } from '../spelling-cache.js';

/** Word-level tables stored in the parse model (so retraining another model never changes these features). */
export interface Lexicon {
  /** Word clusters learnt from unlabelled text: spelling -> [coarse id, fine id]. */
  clusters: Map<string, readonly number[]>;
  /** Lower-cased word -> how often unlabelled text capitalises it mid-sentence: 0 never .. 4 always. */
  capBuckets: Map<string, number>;
  /** Lower-cased frequent word -> bit set of the UPOS tags the treebank gives it (its ambiguity class). */
  tagClasses: Map<string, number>;
  /**
   * Clusters of GloVe vectors (trained on 6B tokens, lower-cased): lower-cased word -> [coarse id, fine id]. Absent
   * or empty in models trained without them (then no feature reads them).
   */
  glove?: Map<string, readonly number[]>;
}

/** A spelling's lemma under one tag, with what the parser reads of it: the lemma's hash and the inflection class. */
export interface TaggedLemma {
  lemma: string;
  hash: number;
  morph: number;
}

/** What the models read from one spelling. */
export interface WordInfo {
  /** The spelling with typographic quotes made ASCII ("Iran’s" -> "Iran's"). */
  norm: string;
  lower: string;
  /** Hash of the lower-cased form with digits as 0 (the parser's word identity). */
  w: number;
  /** Hash of the form with its case, digits as 0. */
  form: number;
  shape: number;
  /** Hashes of the last 1..4 and first 1..3 letters of the lower-cased form. */
  suffix: number[];
  prefix: number[];
  /** Cluster ids + 1 (0 = not clustered): coarse and fine. */
  coarse: number;
  fine: number;
  /** GloVe cluster ids + 1 (0 = not in the GloVe table), looked up by the lower-cased spelling: coarse and fine. */
  gCoarse: number;
  gFine: number;
  /** Capitalisation bucket (0-4), 5 when unknown. */
  capBucket: number;
  /** Ambiguity class (tag bit set), 0 when the word is not frequent in the treebank. */
  tagClass: number;
  /** No letter or digit: punctuation and symbols. */
  punct: boolean;
  /** Letters, all upper case, more than one of them ("IRAN", "CIA"). */
  caps: boolean;
  /** Some lower-case letter. */
  hasLower: boolean;
  /** Tagger's cached weight sums for this spelling (own and neighbour features), owned by the tagger. */
  tagScores?: Float32Array;
  /** The table `tagScores` were computed with. */
  tagTable?: object;
  /** The same for the second pass of a two-pass tagger (its own table). */
  tagScores2?: Float32Array;
  tagTable2?: object;
  /** Lemmas already computed for this spelling, by tag index (owned by the annotator). */
  lemmaByTag?: (TaggedLemma | undefined)[];
}

/** Typographic apostrophes and quotes as the treebank mostly writes them. */
export function normaliseForm(w: string): string {
  if (!/[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2032\u00b4`]/.test(w)) return w;
  return w.replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"');
}

/** Compressed word shape: "Iran" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'L';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

const digits = (s: string): string => (/\d/.test(s) ? s.replace(/\d/g, '0') : s);

/** Caches WordInfo per spelling; one per loaded model (the cluster table is the model's). */
export class WordCache {
  private readonly cache = new SpellingCache<WordInfo>();
  constructor(readonly lexicon: Lexicon) {}

  /** Attributes of one spelling (cached, see SpellingCache). */
  get(word: string): WordInfo {
    return this.cache.get(word, (w) => this.compute(w));
  }

  private compute(word: string): WordInfo {
    const norm = normaliseForm(word);
    const lower = norm.toLowerCase();
    const n = lower.length;
    const suffix: number[] = [];
    const prefix: number[] = [];
    for (let k = 1; k <= 4; k++) suffix.push(k <= n ? hashStr(`s${k}:${lower.slice(n - k)}`) : 0);
    for (let k = 1; k <= 3; k++) prefix.push(k <= n ? hashStr(`p${k}:${lower.slice(0, k)}`) : 0);
    // Lower-case and all-caps spellings ("iran", "IRAN") fall back to the clustered forms "Iran" or "iran".
    const { clusters } = this.lexicon;
    const cl = clusters.get(norm) ?? clusters.get(lower) ?? clusters.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ?? clusters.get(digits(norm));
    const g = this.lexicon.glove?.get(lower);
    const hasLower = /\p{Ll}/u.test(norm);
    const hasUpper = /\p{Lu}/u.test(norm);
    return {
      norm,
      lower,
      w: hashStr(`w:${digits(lower)}`),
      form: hashStr(`f:${digits(norm)}`),
      shape: hashStr(`sh:${shapeOf(norm)}`),
      suffix,
      prefix,
      coarse: cl ? cl[0]! + 1 : 0,
      fine: cl ? cl[1]! + 1 : 0,
      gCoarse: g ? g[0]! + 1 : 0,
      gFine: g ? g[g.length - 1]! + 1 : 0,
      capBucket: this.lexicon.capBuckets.get(lower) ?? 5,
      tagClass: this.lexicon.tagClasses.get(lower) ?? 0,
      punct: !/[\p{L}\p{N}]/u.test(norm),
      caps: hasUpper && !hasLower && (norm.match(/\p{L}/gu)?.length ?? 0) > 1,
      hasLower,
    };
  }
}

/** A headline or shouted line ("IRAN BLAMES U.S. FOR ATTACK"): no lower-case letter, at least two all-caps words. */
export function isCapsLine(infos: readonly WordInfo[]): boolean {
  let caps = 0;
  for (const w of infos) {
    if (w.hasLower) return false;
    if (w.caps) caps++;
  }
  return caps >= 2;
}

/** Salted hash of a small integer, for features built from ids (tags, labels, distances). */
export function idHash(salt: number, id: number): number {
  return mix(salt, id + 1);
}
