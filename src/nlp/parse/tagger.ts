/** Greedy left-to-right averaged-perceptron POS tagger (UPOS): inference and training. */
import { seededRandom } from '../random.js';
import { AveragedWeights } from './perceptron.js';
import { aheadFeatures, historyFeatures, neighbourFeatures, OFFSETS, ownFeatures, pairFeatures } from './tagger-features.js';
import type { ScoreTable, WeightTable } from './weights.js';
import type { WordInfo } from './words.js';

/**
 * Per-spelling sums of own and neighbour weights: [own, at -2, at -1, at +1, at +2], each `classes` long. The first
 * and second pass of a two-pass tagger cache theirs in separate slots.
 */
function spellingScores(table: ScoreTable, w: WordInfo, second: boolean): Float32Array {
  if (second ? w.tagScores2 && w.tagTable2 === table : w.tagScores && w.tagTable === table) return (second ? w.tagScores2 : w.tagScores)!;
  const K = table.classes;
  const v = new Float32Array(5 * K);
  for (const h of ownFeatures(w)) table.add(h, v, 0);
  for (let k = 0; k < 4; k++) for (const h of neighbourFeatures(w, k)) table.add(h, v, (k + 1) * K);
  if (second) {
    w.tagScores2 = v;
    w.tagTable2 = table;
  } else {
    w.tagScores = v;
    w.tagTable = table;
  }
  return v;
}

/** The runner-up tag of each word and how far its score is behind the best. */
export interface TagAlternatives {
  second: Int32Array;
  margin: Float32Array;
}

/**
 * Tags one sentence; `infos` must come from the WordCache that belongs to this table (scores are cached on them).
 * With `alt`, also fills in the runner-up tags and their margins. With `ahead` (the first pass's tags), this is the
 * second pass of a two-pass tagger and `table` its own weights.
 */
export function tagSentence(table: ScoreTable, infos: readonly WordInfo[], capsLine: boolean, alt?: TagAlternatives, ahead?: ArrayLike<number>): Int32Array {
  const n = infos.length;
  const K = table.classes;
  const out = new Int32Array(n);
  const scores = new Float32Array(K);
  const feats: number[] = [];
  const parts = infos.map((w) => spellingScores(table, w, ahead !== undefined));
  for (let i = 0; i < n; i++) {
    const own = parts[i]!;
    for (let t = 0; t < K; t++) scores[t] = own[t]!;
    for (let k = 0; k < 4; k++) {
      const j = i + OFFSETS[k]!;
      if (j < 0 || j >= n) continue;
      const p = parts[j]!;
      const at = (k + 1) * K;
      for (let t = 0; t < K; t++) scores[t]! += p[at + t]!;
    }
    feats.length = 0;
    pairFeatures(infos, i, capsLine, feats);
    historyFeatures(infos, i, i > 0 ? out[i - 1]! : -1, i > 1 ? out[i - 2]! : -1, feats);
    if (ahead) aheadFeatures(infos, i, i > 0 ? out[i - 1]! : -1, ahead, feats);
    for (const h of feats) table.add(h, scores);
    let best = 0;
    for (let t = 1; t < K; t++) if (scores[t]! > scores[best]!) best = t;
    out[i] = best;
    if (alt) {
      let second = best === 0 ? 1 : 0;
      for (let t = 0; t < K; t++) if (t !== best && scores[t]! > scores[second]!) second = t;
      alt.second[i] = second;
      alt.margin[i] = scores[best]! - scores[second]!;
    }
  }
  return out;
}

/** Tags with one tagger, or two passes when `second` is given (its runner-up tags in `alt`). */
export function tagTwoPass(first: ScoreTable, second: ScoreTable | undefined, infos: readonly WordInfo[], alt?: TagAlternatives): Int32Array {
  if (!second) return tagSentence(first, infos, false, alt);
  return tagSentence(second, infos, false, alt, tagSentence(first, infos, false));
}

/** One training sentence: word attributes and gold tag indices; for a second pass, the first pass's tags. */
export interface TaggedSentence {
  infos: WordInfo[];
  gold: Int32Array;
  capsLine: boolean;
  ahead?: Int32Array;
}

/** Training settings. */
export interface TaggerTraining {
  classes: number;
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights (e.g. to score dev). */
  onEpoch?: (epoch: number, table: () => WeightTable) => void;
}

/** Trains the tagger with predicted (not gold) tag history, as at inference time. */
export function trainTagger(data: readonly TaggedSentence[], opts: TaggerTraining): WeightTable {
  const K = opts.classes;
  const model = new AveragedWeights(K);
  // Static features per sentence, computed once: token i's are feats[starts[i] .. starts[i+1]).
  const statics = data.map((s) => {
    const feats: number[] = [];
    const starts: number[] = [];
    const n = s.infos.length;
    for (let i = 0; i < n; i++) {
      starts.push(feats.length);
      feats.push(...ownFeatures(s.infos[i]!));
      for (let k = 0; k < 4; k++) {
        const j = i + OFFSETS[k]!;
        if (j >= 0 && j < n) feats.push(...neighbourFeatures(s.infos[j]!, k));
      }
      pairFeatures(s.infos, i, s.capsLine, feats);
    }
    starts.push(feats.length);
    return { feats: Uint32Array.from(feats), starts: Int32Array.from(starts) };
  });
  const order = data.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const scores = new Float32Array(K);
  const dyn: number[] = [];
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const si of order) {
      const s = data[si]!;
      const { feats, starts } = statics[si]!;
      const pred = new Int32Array(s.infos.length);
      for (let i = 0; i < s.infos.length; i++) {
        scores.fill(0);
        model.score(feats, starts[i]!, starts[i + 1]!, scores);
        dyn.length = 0;
        historyFeatures(s.infos, i, i > 0 ? pred[i - 1]! : -1, i > 1 ? pred[i - 2]! : -1, dyn);
        if (s.ahead) aheadFeatures(s.infos, i, i > 0 ? pred[i - 1]! : -1, s.ahead, dyn);
        model.score(dyn, 0, dyn.length, scores);
        let best = 0;
        for (let t = 1; t < K; t++) if (scores[t]! > scores[best]!) best = t;
        const g = s.gold[i]!;
        if (best !== g) {
          model.update(feats, starts[i]!, starts[i + 1]!, g, 1);
          model.update(feats, starts[i]!, starts[i + 1]!, best, -1);
          model.update(dyn, 0, dyn.length, g, 1);
          model.update(dyn, 0, dyn.length, best, -1);
        }
        pred[i] = best;
        model.tick();
      }
    }
    opts.onEpoch?.(epoch, () => model.averaged());
  }
  return model.averaged();
}
