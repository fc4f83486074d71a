/** Greedy arc-hybrid dependency parsing with an unlabelled action model and an arc-label model (both linear). */
import { bufferFeatures, configFeatures, stackFeatures, UNLABELLED_FEATURES, type SentenceView } from './parser-features.js';
import { labelFeatures, LABEL_FEATURES } from './label-features.js';
import { ACTIONS, LEFT, ParseState, RIGHT, SHIFT } from './transitions.js';
import type { ActionTable, WeightTable } from './weights.js';
export { makeView, morphClass, CLOSE_TAG, ROOT_TAG, NONE_TAG } from './view.js';

/** The parser's weights and label set. */
export interface ParserModel {
  actions: ActionTable;
  labels: WeightTable;
  deprels: string[];
  /** Index of "root" in deprels. */
  root: number;
  /** Labels seen in training for a (direction, head tag, dependent tag) key (candidateKey); other keys allow every label. */
  candidates: Map<number, Int32Array>;
  /** The parser reads the lexicon's GloVe clusters (trained with them); absent = no. */
  glove?: boolean;
}

/** Key of the label candidates of an arc: direction (1 = head on the right, 2 = on the left) and the two tag ids. */
export function candidateKey(left: boolean, headTag: number, depTag: number): number {
  return (left ? 1 : 2) * 1024 + headTag * 32 + depTag;
}

/** Scratch space reused across sentences (one per parser). */
export class ParserScratch {
  readonly state = new ParseState();
  readonly feats = new Uint32Array(UNLABELLED_FEATURES);
  readonly lfeats = new Uint32Array(LABEL_FEATURES);
  readonly scores = new Float32Array(ACTIONS);
  readonly rows = new Int32Array(LABEL_FEATURES);
  private all: Int32Array | null = null;
  private candidateTable: Int32Array[] = [];
  private candidateSource: Map<number, Int32Array> | null = null;
  /** Per-sentence cache of the summed action scores of single-position features, [buffer at b, s0, s1, s2] x word. */
  private cached = new Float32Array(0);
  private done = new Uint8Array(0);
  private room = 0;

  /** Clears the caches for a sentence of n words. */
  resetCaches(n: number): void {
    if (this.room < n + 2) {
      this.room = Math.max(n + 2, 2 * this.room, 64);
      this.cached = new Float32Array(4 * this.room * ACTIONS);
      this.done = new Uint8Array(4 * this.room);
    } else this.done.fill(0);
  }

  /** Adds the cached scores of word i's single-position features in `slot` (0 = buffer front, 1-3 = s0-s2). */
  addCached(model: ParserModel, v: SentenceView, slot: number, i: number, out: Float32Array): void {
    const c = this.cached;
    const at = (slot * this.room + i) * ACTIONS;
    if (this.done[slot * this.room + i] === 0) {
      const feats = this.feats;
      const k = slot === 0 ? bufferFeatures(v, i, feats, 0) : stackFeatures(v, i, slot - 1, feats, 0);
      // The sum is stored in single precision, as the scores it is added to.
      c[at] = c[at + 1] = c[at + 2] = 0;
      model.actions.sum3(feats, k, c.subarray(at, at + ACTIONS));
      this.done[slot * this.room + i] = 1;
    }
    out[0]! += c[at]!;
    out[1]! += c[at + 1]!;
    out[2]! += c[at + 2]!;
  }

  /** Every label but "root" (for arcs whose tag pair training never saw). */
  allLabels(model: ParserModel): Int32Array {
    if (!this.all || this.all.length !== model.deprels.length - 1) this.all = Int32Array.from(model.deprels.keys()).filter((l) => l !== model.root);
    return this.all;
  }

  /** The label candidates of a candidateKey (an array instead of the model's map: read once per arc). */
  candidates(model: ParserModel, key: number): Int32Array {
    if (this.candidateSource !== model.candidates) {
      const all = this.allLabels(model);
      this.candidateTable = Array.from({ length: 3 * 1024 }, (_, k) => model.candidates.get(k) ?? all);
      this.candidateSource = model.candidates;
    }
    return this.candidateTable[key]!;
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
  const cands = sc.candidates(model, candidateKey(left, v.p[h]!, v.p[d]!));
  if (cands.length === 1) return cands[0]!; // the only label training saw for this tag pair
  const k = labelFeatures(st, v, action, sc.lfeats);
  const rows = sc.rows;
  let nr = 0;
  for (let f = 0; f < k; f++) {
    const r = model.labels.row(sc.lfeats[f]!);
    if (r >= 0) rows[nr++] = r * model.labels.classes;
  }
  const w = model.labels.weights;
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < cands.length; c++) {
    const l = cands[c]!;
    let score = 0;
    for (let f = 0; f < nr; f++) score += w[rows[f]! + l]!;
    if (score > bestScore) {
      best = l;
      bestScore = score;
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
  const scores = sc.scores;
  while (!st.done) {
    let a: number;
    // Forced moves need no scores: an empty stack can only SHIFT, and once the buffer holds only the root the stack
    // can only be reduced (RIGHT, and LEFT onto the root for the last word). A tenth of all transitions.
    if (st.sp === 0) a = SHIFT;
    else if (st.b === st.n) a = st.sp === 1 ? LEFT : RIGHT;
    else {
      const k = configFeatures(st, v, feats);
      scores[0] = scores[1] = scores[2] = 0;
      model.actions.sum3(feats, k, scores);
      // Features of one position alone are summed once per word and position, then reused.
      sc.addCached(model, v, 0, st.b, scores);
      for (let pos = 0; pos < 3; pos++) sc.addCached(model, v, pos + 1, st.sp > pos ? st.stack[st.sp - 1 - pos]! : none, scores);
      a = bestValid(st, scores);
    }
    st.apply(a, a === SHIFT ? -1 : bestLabel(model, sc, v, a));
  }
  const head = new Int32Array(v.n);
  for (let i = 0; i < v.n; i++) head[i] = st.head[i] === v.n ? -1 : st.head[i]!;
  return { head, label: st.label.slice(0, v.n) };
}
