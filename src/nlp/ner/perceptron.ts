/** Training: an averaged structured perceptron over documents, decoding each sentence with Viterbi as at inference time. */
import { emissionScores } from './weight-table.js';
import { mixHash } from './hash.js';
import { viterbi, type TransitionModel } from './decode.js';
import { recordHistory, type FeatureExtractor } from './features.js';
import type { WordInfo } from './word-features.js';
import { CaseClass } from './word-shape.js';
import { historyLabels } from './tagger.js';
import type { Gazetteer } from './gazetteer.js';
import { seededRandom } from '../random.js';

/**
 * One training document: sentences of tokens with gold tag indices into the model's tag list. A sentence with
 * `allowed` is partially labelled (silver data without some types): its gold is the best sequence the current
 * weights find among the allowed tags (allowed[i * T + t] = 1), a latent-variable perceptron update.
 */
export interface TrainingDocument {
  sentences: { tokens: string[]; gold: Int32Array; allowed?: Uint8Array }[];
  /**
   * Non-zero for documents of another domain (silver data with its own conventions): each feature also fires as a
   * copy salted with this number, so conventions of that domain go into weights that inference never reads
   * (feature augmentation, Daume 2007).
   */
  domain?: number;
  /** Word dropout for this document instead of the run's (silver data can teach context without spellings). */
  wordDropout?: number;
  /** The train-name list this document's features read (cross-fold: built without the document's own fold). */
  trainNames?: Gazetteer;
}

/** Training settings. */
export interface PerceptronOptions {
  epochs: number;
  /** Seed of the document shuffle, so runs are repeatable. */
  seed: number;
  /** Features seen fewer times than this in the static pass get no weights (keeps the model small). */
  minCount: number;
  /** Probability of hiding each feature of a token during training (feature dropout: no single cue may carry a decision). */
  dropout?: number;
  /**
   * Probability of hiding a capitalised token's own spelling (its word and lower-case features) during training, so
   * the weights also learn to tag names from shape, context, clusters and lists, as for the unseen names of new text.
   */
  wordDropout?: number;
  /** Called after each epoch with the averaged weights, e.g. to score the dev set. */
  onEpoch?: (epoch: number, result: PerceptronResult) => void;
  log?: (line: string) => void;
}

/** Learnt, averaged parameters. */
export interface PerceptronResult {
  keys: Uint32Array;
  weights: Float32Array;
  transitions: TransitionModel;
}

/** Trains on the documents and returns averaged weights for the features that earned any. */
export function trainPerceptron(
  docs: readonly TrainingDocument[],
  tags: readonly string[],
  extractor: FeatureExtractor,
  opts: PerceptronOptions,
): PerceptronResult {
  const T = tags.length;
  const log = opts.log ?? (() => {});
  // Static pass: count features with an empty history; features absent here are history features, always admitted.
  const counts = new Map<number, number>();
  for (const d of docs) {
    const state = scan(extractor, d);
    for (const s of d.sentences) for (const f of augment(extractor.sentence(s.tokens, state), d.domain).feats) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  log(`features seen: ${counts.size}`);
  const index = new Map<number, number>();
  let cap = 1 << 16;
  let w = new Float32Array(cap * T);
  let u = new Float64Array(cap * T);
  const rowOf = (key: number, create: boolean): number => {
    const r = index.get(key);
    if (r !== undefined) return r;
    if (!create) return -1;
    const c = counts.get(key);
    if (c !== undefined && c < opts.minCount) return -1;
    const row = index.size;
    if (row >= cap) {
      cap *= 2;
      const w2 = new Float32Array(cap * T);
      w2.set(w);
      w = w2;
      const u2 = new Float64Array(cap * T);
      u2.set(u);
      u = u2;
    }
    index.set(key, row);
    return row;
  };
  const trans: TransitionModel = { tags, scores: new Float32Array(T * T), start: new Float32Array(T) };
  const transU = new Float32Array(T * T);
  const startU = new Float32Array(T);
  const labelOf = historyLabels(tags);
  let c = 1;
  const order = docs.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const lookup = (k: number): number => rowOf(k, false);
  // Rows of domain copies: trained, but left out of the result (inference never computes them).
  const domainKeys = new Set<number>();
  for (const d of docs) {
    if (!d.domain) continue;
    const state = scan(extractor, d);
    for (const s of d.sentences) for (const f of extractor.sentence(s.tokens, state).feats) domainKeys.add(mixHash(f, d.domain));
  }
  const dropout = opts.dropout ?? 0;
  const dropRand = seededRandom(opts.seed ^ 0x5bd1e995);
  const wordDropout = opts.wordDropout ?? 0;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const di of order) {
      const d = docs[di]!;
      const state = scan(extractor, d);
      for (const s of d.sentences) {
        const n = s.tokens.length;
        let x = dropFeatures(extractor.sentence(s.tokens, state), dropout, dropRand);
        const wd = d.wordDropout ?? wordDropout;
        if (wd > 0) x = dropWords(x, s.tokens.map((t) => extractor.word(t)), wd, dropRand);
        const { feats, starts } = augment(x, d.domain);
        const em = emissionScores(lookup, w, T, feats, starts);
        const pred = viterbi(em, n, trans);
        const gold = s.allowed ? viterbi(constrain(em, s.allowed), n, trans) : s.gold;
        total += n;
        for (let i = 0; i < n; i++) {
          const g = gold[i]!;
          const p = pred[i]!;
          if (g !== p) {
            errors++;
            for (let f = starts[i]!; f < starts[i + 1]!; f++) {
              const r = rowOf(feats[f]!, true);
              if (r < 0) continue;
              w[r * T + g]! += 1;
              u[r * T + g]! += c;
              w[r * T + p]! -= 1;
              u[r * T + p]! -= c;
            }
          }
          const gp = i === 0 ? -1 : gold[i - 1]!;
          const pp = i === 0 ? -1 : pred[i - 1]!;
          if (g !== p || gp !== pp) {
            if (i === 0) {
              trans.start[g]! += 1;
              startU[g]! += c;
              trans.start[p]! -= 1;
              startU[p]! -= c;
            } else {
              trans.scores[gp * T + g]! += 1;
              transU[gp * T + g]! += c;
              trans.scores[pp * T + p]! -= 1;
              transU[pp * T + p]! -= c;
            }
          }
        }
        c++;
        // The history is what the model predicted, as it will be at inference time.
        recordHistory(state, s.tokens, pred, labelOf, extractor.caseless);
      }
    }
    log(`epoch ${epoch}: token errors ${errors}/${total} (${((100 * errors) / total).toFixed(2)}%), weights ${index.size}`);
    if (opts.onEpoch) opts.onEpoch(epoch, average());
  }
  return average();

  function average(): PerceptronResult {
    const kept = [...index].filter(([k]) => !domainKeys.has(k));
    const keys = new Uint32Array(kept.length);
    const weights = new Float32Array(kept.length * T);
    kept.forEach(([k, r], i) => {
      keys[i] = k;
      for (let t = 0; t < T; t++) weights[i * T + t] = w[r * T + t]! - u[r * T + t]! / c;
    });
    const scores = new Float32Array(T * T);
    for (let k = 0; k < T * T; k++) scores[k] = trans.scores[k]! - transU[k]! / c;
    const start = new Float32Array(T);
    for (let k = 0; k < T; k++) start[k] = trans.start[k]! - startU[k]! / c;
    return { keys, weights, transitions: { tags, scores, start } };
  }
}

/** The document state of a training document, reading the document's own train-name list when it has one. */
function scan(extractor: FeatureExtractor, d: TrainingDocument): ReturnType<FeatureExtractor['scanDocument']> {
  const state = extractor.scanDocument(d.sentences.map((s) => s.tokens));
  if (d.trainNames) state.trainNames = d.trainNames;
  return state;
}

/** Removes, with probability p per capitalised token, the token's word and lower-case features (its first two). */
function dropWords(x: { feats: number[]; starts: number[] }, infos: readonly WordInfo[], p: number, rand: () => number): { feats: number[]; starts: number[] } {
  const feats: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i + 1 < x.starts.length; i++) {
    starts.push(feats.length);
    const info = infos[i]!;
    const hide = info.caseClass !== CaseClass.Lower && info.caseClass !== CaseClass.NoLetters && rand() < p;
    for (let f = x.starts[i]!; f < x.starts[i + 1]!; f++) {
      const h = x.feats[f]!;
      if (!hide || (h !== info.own[0] && h !== info.own[1])) feats.push(h);
    }
  }
  starts.push(feats.length);
  return { feats, starts };
}

/** Adds each feature's domain copy after it (nothing for the main domain, 0). */
function augment(x: { feats: number[]; starts: number[] }, domain: number | undefined): { feats: number[]; starts: number[] } {
  if (!domain) return x;
  const feats: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i + 1 < x.starts.length; i++) {
    starts.push(feats.length);
    for (let f = x.starts[i]!; f < x.starts[i + 1]!; f++) feats.push(x.feats[f]!, mixHash(x.feats[f]!, domain));
  }
  starts.push(feats.length);
  return { feats, starts };
}

/** Emission scores with the tags a partial label rules out made impossible. */
function constrain(em: Float32Array, allowed: Uint8Array): Float32Array {
  const out = em.slice();
  for (let k = 0; k < out.length; k++) if (!allowed[k]) out[k] = -1e30;
  return out;
}

/** Keeps each feature with probability 1 - p (the same random stream every run, so training stays deterministic). */
function dropFeatures(x: { feats: number[]; starts: number[] }, p: number, rand: () => number): { feats: number[]; starts: number[] } {
  if (p <= 0) return x;
  const feats: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i + 1 < x.starts.length; i++) {
    starts.push(feats.length);
    for (let f = x.starts[i]!; f < x.starts[i + 1]!; f++) if (rand() >= p) feats.push(x.feats[f]!);
  }
  starts.push(feats.length);
  return { feats, starts };
}

/** Averages the parameters of models trained with different shuffles (a linear model again: same speed, less variance). */
export function averageResults(results: readonly PerceptronResult[]): PerceptronResult {
  const first = results[0]!;
  const tags = first.transitions.tags;
  const T = tags.length;
  const rows = new Map<number, Float32Array>();
  for (const r of results) {
    for (let i = 0; i < r.keys.length; i++) {
      let acc = rows.get(r.keys[i]!);
      if (!acc) rows.set(r.keys[i]!, (acc = new Float32Array(T)));
      for (let t = 0; t < T; t++) acc[t]! += r.weights[i * T + t]! / results.length;
    }
  }
  const keys = new Uint32Array([...rows.keys()].sort((a, b) => a - b));
  const weights = new Float32Array(keys.length * T);
  keys.forEach((k, i) => weights.set(rows.get(k)!, i * T));
  const scores = new Float32Array(T * T);
  const start = new Float32Array(T);
  for (const r of results) {
    for (let k = 0; k < T * T; k++) scores[k]! += r.transitions.scores[k]! / results.length;
    for (let k = 0; k < T; k++) start[k]! += r.transitions.start[k]! / results.length;
  }
  return { keys, weights, transitions: { tags, scores, start } };
}
