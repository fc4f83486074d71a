/** The integer view of a tagged sentence that the parser's features read, and the inflection classes it adds. */
import { hashStr } from './hash.js';
import type { SentenceView } from './parser-features.js';
import type { TagAlternatives } from './tagger.js';
import type { WordInfo } from './words.js';

/** Tag id of the root and of "no word" in SentenceView.p. */
export const ROOT_TAG = 30;
export const NONE_TAG = 31;
const ROOT_WORD = hashStr('w:<root>');
const NONE_WORD = hashStr('w:<none>');

const POSSESSIVE = new Set(['my', 'your', 'his', 'its', 'our', 'their', 'whose']);

/**
 * Inflection class of a tagged word, what Penn tags add to UPOS: verbs base / -ing / -s / past, plural nouns,
 * comparative adjectives, possessive pronouns ("killed" VERB -> past, "ministries" NOUN -> plural).
 */
export function morphClass(upos: string, lower: string, lemma: string): number {
  if (upos === 'VERB' || upos === 'AUX') {
    if (lower === lemma) return 1;
    if (lower.endsWith('ing')) return 2;
    if (lower.endsWith('s') && (lower === `${lemma}s` || lower === `${lemma}es` || lemma === 'be' || lemma === 'have')) return 3;
    return 4;
  }
  if (upos === 'NOUN' || upos === 'PROPN') return lower !== lemma ? 5 : 0;
  if (upos === 'ADJ') return lower !== lemma ? 6 : 0;
  if (upos === 'PRON') return POSSESSIVE.has(lower) ? 7 : 0;
  return 0;
}

/** Runner-up tags closer than this to the best are shown to the parser (the scale of the tagger's scores). */
export const CLOSE_TAG = 20;
const VERY_CLOSE_TAG = 5;

/** A view with room for sentences of up to `capacity` words (arrays are reused across sentences at inference). */
export function emptyView(capacity: number): SentenceView {
  return {
    n: 0,
    w: new Uint32Array(capacity + 2),
    p: new Int32Array(capacity + 2),
    x: new Int32Array(capacity + 2),
    a: new Int32Array(capacity + 2),
    c: new Int32Array(capacity + 2),
    f: new Int32Array(capacity + 2),
    gc: new Int32Array(capacity + 2),
    gf: new Int32Array(capacity + 2),
    glove: false,
    clusters: true,
    l: new Uint32Array(capacity + 2),
    punct: new Int32Array(capacity + 1),
  };
}

/**
 * Integer view of a tagged sentence for the feature functions (`upos` names the tag indices). With the tagger's
 * runner-up tags, close calls ("remains" VERB or NOUN) are visible to the parser.
 */
export function makeView(infos: readonly WordInfo[], tags: ArrayLike<number>, lemmas: readonly string[], upos: readonly string[], alt?: TagAlternatives, glove = false, clusters = true): SentenceView {
  const v = emptyView(infos.length);
  const lemmaHash = lemmas.map(hashStr);
  const morph = infos.map((w, i) => morphClass(upos[tags[i]!]!, w.lower, lemmas[i]!));
  fillView(v, infos, tags, lemmaHash, morph, upos.indexOf('PUNCT'), alt, glove, clusters);
  return v;
}

/**
 * Fills a view (with room for the sentence) from the words' tags, lemma hashes and inflection classes (morphClass);
 * `punctTag` is the index of PUNCT; `glove`: the parser reads GloVe clusters (ParserModel.glove); `clusters`: the
 * model has clusters of our own text (Lexicon.clusters not empty). makeView's work, for callers that cache lemmas
 * per spelling.
 */
export function fillView(v: SentenceView, infos: readonly WordInfo[], tags: ArrayLike<number>, lemmaHash: ArrayLike<number>, morph: ArrayLike<number>, punctTag: number, alt?: TagAlternatives, glove = false, clusters = true): void {
  const n = infos.length;
  v.n = n;
  v.glove = glove;
  v.clusters = clusters;
  v.punct[0] = 0;
  for (let i = 0; i < n; i++) {
    const w = infos[i]!;
    const p = tags[i]! + 1;
    v.w[i] = w.w;
    v.p[i] = p;
    v.x[i] = p * 8 + morph[i]!;
    v.a[i] = alt && alt.margin[i]! < CLOSE_TAG ? alt.second[i]! + 1 + (alt.margin[i]! < VERY_CLOSE_TAG ? 32 : 0) : 0;
    v.c[i] = w.coarse;
    v.f[i] = w.fine;
    v.gc[i] = w.gCoarse;
    v.gf[i] = w.gFine;
    v.l[i] = lemmaHash[i]!;
    v.punct[i + 1] = v.punct[i]! + (tags[i] === punctTag ? 1 : 0);
  }
  for (const [i, word, tag] of [[n, ROOT_WORD, ROOT_TAG], [n + 1, NONE_WORD, NONE_TAG]] as const) {
    v.w[i] = word;
    v.p[i] = tag;
    v.x[i] = tag * 8;
    v.a[i] = 0;
    v.c[i] = 0;
    v.f[i] = 0;
    v.gc[i] = 0;
    v.gf[i] = 0;
    v.l[i] = word;
  }
}
