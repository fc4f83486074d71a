/** Greedy arc-hybrid dependency parsing with an unlabelled action model and an arc-label model (both linear). */
import { bufferFeatures, configFeatures, stackFeatures, UNLABELLED_FEATURES, type SentenceView } from './parser-features.js';
import { labelFeatures, LABEL_FEATURES } from './label-features.js';
import { ACTIONS, LEFT, ParseState, SHIFT } from './transitions.js';
import type { InlineTable, WeightTable } from './weights.js';
import type { WordInfo } from './words.js';
import type { TagAlternatives } from './tagger.js';
import { hashStr } from './hash.js';

/** The parser's weights and label set. */
export interface ParserModel {
  actions: InlineTable;
  labels: WeightTable;
  deprels: string[];
  /** Index of "root" in deprels. */
  root: number;
  /** Labels seen in training for a (direction, head tag, dependent tag) key (candidateKey); other keys allow every label. */
  candidates: Map<number, Int32Array>;
}

/** Key of the label candidates of an arc: direction (1 = head on the right, 2 = on the left) and the two tag ids. */
export function candidateKey(left: boolean, headTag: number, depTag: number): number {
  return (left ? 1 : 2) * 1024 + headTag * 32 + depTag;
}

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

/**
 * Integer view of a tagged sentence for the feature functions (`upos` names the tag indices). With the tagger's
 * runner-up tags, close calls ("remains" VERB or NOUN) are visible to the parser.
 */
export function makeView(infos: readonly WordInfo[], tags: ArrayLike<number>, lemmas: readonly string[], upos: readonly string[], alt?: TagAlternatives): SentenceView {
  const n = infos.length;
  const v: SentenceView = {
    n,
    w: new Uint32Array(n + 2),
    p: new Int32Array(n + 2),
    x: new Int32Array(n + 2),
    a: new Int32Array(n + 2),
    c: new Int32Array(n + 2),
    f: new Int32Array(n + 2),
    l: new Uint32Array(n + 2),
    punct: new Int32Array(n + 1),
  };
  for (let i = 0; i < n; i++) {
    const w = infos[i]!;
    const tag = upos[tags[i]!]!;
    v.w[i] = w.w;
    v.p[i] = tags[i]! + 1;
    v.x[i] = v.p[i]! * 8 + morphClass(tag, w.lower, lemmas[i]!);
    if (alt && alt.margin[i]! < CLOSE_TAG) v.a[i] = alt.second[i]! + 1 + (alt.margin[i]! < VERY_CLOSE_TAG ? 32 : 0);
    v.c[i] = w.coarse;
    v.f[i] = w.fine;
    v.l[i] = hashStr(lemmas[i]!);
    v.punct[i + 1] = v.punct[i]! + (tag === 'PUNCT' ? 1 : 0);
  }
  v.w[n] = ROOT_WORD;
  v.p[n] = ROOT_TAG;
  v.x[n] = ROOT_TAG * 8;
  v.l[n] = ROOT_WORD;
  v.w[n + 1] = NONE_WORD;
  v.p[n + 1] = NONE_TAG;
  v.x[n + 1] = NONE_TAG * 8;
  v.l[n + 1] = NONE_WORD;
  return v;
}

/** Scratch space reused across sentences (one per parser). */
export class ParserScratch {
  readonly state = new ParseState();
  readonly feats = new Uint32Array(UNLABELLED_FEATURES);
  readonly lfeats = new Uint32Array(LABEL_FEATURES);
  readonly scores = new Float32Array(ACTIONS);
  private acc = new Float64Array(0);
  private all: Int32Array | null = null;
  /** Per-sentence caches of the summed action scores of single-position features: [buffer at b, s0, s1, s2] x word. */
  cached: Float32Array[] = [];
  done: Uint8Array[] = [];

  /** Clears the caches for a sentence of n words. */
  resetCaches(n: number): void {
    if (this.done.length === 0 || this.done[0]!.length < n + 2) {
      const size = Math.max(n + 2, 2 * (this.done[0]?.length ?? 32));
      this.cached = [0, 1, 2, 3].map(() => new Float32Array(size * ACTIONS));
      this.done = [0, 1, 2, 3].map(() => new Uint8Array(size));
    } else for (const d of this.done) d.fill(0, 0, n + 2);
  }

  /** Adds the cached scores of word i's single-position features in `slot` (0 = buffer front, 1-3 = s0-s2). */
  addCached(model: ParserModel, v: SentenceView, slot: number, i: number, out: Float32Array): void {
    const c = this.cached[slot]!;
    const at = i * ACTIONS;
    if (!this.done[slot]![i]) {
      const feats = this.feats;
      const k = slot === 0 ? bufferFeatures(v, i, feats, 0) : stackFeatures(v, i, slot - 1, feats, 0);
      const tmp = this.scores;
      tmp.fill(0);
      model.actions.sum3(feats, k, tmp);
      c.set(tmp, at);
      this.done[slot]![i] = 1;
    }
    for (let a = 0; a < ACTIONS; a++) out[a]! += c[at + a]!;
  }

  /** The label score vector, zeroed. */
  labelScores(labels: number): Float64Array {
    if (this.acc.length !== labels) this.acc = new Float64Array(labels);
    else this.acc.fill(0);
    return this.acc;
  }

  /** Every label but "root" (for arcs whose tag pair training never saw). */
  allLabels(model: ParserModel): Int32Array {
    if (!this.all || this.all.length !== model.deprels.length - 1) this.all = Int32Array.from(model.deprels.keys()).filter((l) => l !== model.root);
    return this.all;
  }
}

/** Best valid action for the scores (SHIFT, LEFT, RIGHT order breaks ties). */
export function bestValid(st: ParseState, scores: Float32Array): number {
  let best = -1;
  for (let a = 0; a < ACTIONS; a++) if (st.valid(a) && (best < 0 || scores[a]! > scores[best]!)) best = a;
  return best;
}

/** Best label for the arc `action` would add: "root" for the root arc, else the best candidate (never "root"). */
export function bestLabel(model: ParserModel, sc: ParserScratch, v: SentenceView, action: number): number {
  const st = sc.state;
  const left = action === LEFT;
  if (left && st.b === st.n) return model.root;
  const d = st.stack[st.sp - 1]!;
  const h = left ? st.b : st.stack[st.sp - 2]!;
  const cands = model.candidates.get(candidateKey(left, v.p[h]!, v.p[d]!)) ?? sc.allLabels(model);
  const k = labelFeatures(st, v, action, sc.lfeats);
  const acc = sc.labelScores(model.labels.classes);
  model.labels.sum(sc.lfeats, k, acc);
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < cands.length; c++) {
    const l = cands[c]!;
    if (acc[l]! > bestScore) {
      best = l;
      bestScore = acc[l]!;
    }
  }
  return best;
}

/** Parses one sentence; returns heads (-1 = root) and label indices. */
export function parseSentence(model: ParserModel, sc: ParserScratch, v: SentenceView): { head: Int32Array; label: Int32Array } {
  const st = sc.state;
  st.reset(v.n);
  sc.resetCaches(v.n);
  const { feats } = sc;
  const none = v.n + 1;
  const scores = new Float32Array(ACTIONS);
  while (!st.done) {
    const k = configFeatures(st, v, feats);
    scores.fill(0);
    model.actions.sum3(feats, k, scores);
    // Features of one position alone are summed once per word and position, then reused.
    sc.addCached(model, v, 0, st.b, scores);
    for (let pos = 0; pos < 3; pos++) sc.addCached(model, v, pos + 1, st.sp > pos ? st.stack[st.sp - 1 - pos]! : none, scores);
    const a = bestValid(st, scores);
    st.apply(a, a === SHIFT ? -1 : bestLabel(model, sc, v, a));
  }
  const head = new Int32Array(v.n);
  for (let i = 0; i < v.n; i++) head[i] = st.head[i] === v.n ? -1 : st.head[i]!;
  return { head, label: st.label.slice(0, v.n) };
}
