/**
 * Training of the relation model: multinomial logistic regression with AdaGrad and L2, deterministic. A data set
 * that annotates only some types (CoNLL04 has no `met`) gives partial labels: an unlabelled pair is "none or a type
 * the set does not annotate", and the loss is -log of the probability of that set, so the model is never taught
 * that an unannotated type is absent.
 */
import { seededRandom } from '../../nlp/random.js';
import { CLASSES } from './classes.js';
import { softmax, type LinearModel } from './linear.js';
import { sharedKeys } from './shared.js';

/** One training example: its features and the classes that count as right. */
export interface TrainExample {
  feats: readonly string[];
  /** Acceptable classes (one for a fully labelled pair). */
  gold: readonly number[];
  /** Loss weight (data set balance). */
  weight: number;
}

/** Training settings. */
export interface TrainOptions {
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** L2 penalty per update, scaled by the step. */
  l2: number;
  /** Features seen in fewer examples are dropped. */
  minCount: number;
  seed: number;
  /** Share of an example's features left out at each visit (feature dropout), so no single rare feature carries a class. */
  dropout?: number;
  /** Units of the hidden layer (deep.ts) trained with the linear weights; 0 or absent: the linear model alone. */
  hidden?: number;
  log?: (line: string) => void;
}

/** Trains a model; the calibration is the identity until calibrate.ts fits one. */
export function trainLinear(examples: readonly TrainExample[], opts: TrainOptions, version: string): LinearModel {
  const C = CLASSES.length;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.feats)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= opts.minCount) index.set(f, index.size);
  const rows = examples.map((e) => Int32Array.from(new Set(e.feats).values(), (f) => index.get(f) ?? -1).filter((r) => r >= 0));
  // Shared features (shared.ts): one weight each, firing for particular classes.
  const sharedIndex = new Map<string, number>();
  const sharedRows = examples.map((e) => sharedKeys([...new Set(e.feats)]).map(([c, key]) => {
    let r = sharedIndex.get(key);
    if (r === undefined) sharedIndex.set(key, (r = sharedIndex.size));
    return [c, r] as const;
  }));
  const shared = new Float64Array(sharedIndex.size);
  const sharedG2 = new Float64Array(sharedIndex.size).fill(1e-8);
  const sharedSum = new Float64Array(sharedIndex.size);
  const weights = new Float64Array(index.size * C);
  const g2 = new Float64Array(index.size * C).fill(1e-8);
  const order = examples.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const scores = new Float64Array(C);
  // Epoch snapshots from the second half of training are averaged: less variance than the last weights alone.
  const sum = new Float64Array(weights.length);
  let snapshots = 0;
  // The hidden layer: seeded small initial weights (its own generator, so the shuffles do not depend on it).
  const H = opts.hidden ?? 0;
  const init = seededRandom(opts.seed + 1000);
  const emb = Float64Array.from({ length: index.size * H }, () => (init() - 0.5) * 0.3);
  const hb = new Float64Array(H);
  // Output weights of about 1/sqrt(H): a smaller start leaves the layer near zero for long (seen on a toy XOR).
  const out = Float64Array.from({ length: H * C }, () => ((init() - 0.5) * 2) / Math.sqrt(Math.max(1, H)));
  const embG2 = new Float64Array(emb.length).fill(1e-8);
  const hbG2 = new Float64Array(H).fill(1e-8);
  const outG2 = new Float64Array(out.length).fill(1e-8);
  const embSum = new Float64Array(emb.length);
  const hbSum = new Float64Array(H);
  const outSum = new Float64Array(out.length);
  const h = new Float64Array(H);
  const dz = new Float64Array(H);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const k = Math.floor(rand() * (i + 1));
      [order[i], order[k]] = [order[k]!, order[i]!];
    }
    let loss = 0;
    for (const n of order) {
      const e = examples[n]!;
      const all = rows[n]!;
      const feats = opts.dropout ? all.filter(() => rand() >= opts.dropout!) : all;
      scores.fill(0);
      for (const r of feats) for (let c = 0; c < C; c++) scores[c]! += weights[r * C + c]!;
      for (const [c, r] of sharedRows[n]!) scores[c]! += shared[r]!;
      if (H > 0) {
        for (let k = 0; k < H; k++) h[k] = hb[k]!;
        for (const r of feats) for (let k = 0; k < H; k++) h[k]! += emb[r * H + k]!;
        for (let k = 0; k < H; k++) h[k] = Math.tanh(h[k]!);
        for (let k = 0; k < H; k++) for (let c = 0; c < C; c++) scores[c]! += h[k]! * out[k * C + c]!;
      }
      softmax(scores);
      let pg = 0;
      for (const c of e.gold) pg += scores[c]!;
      loss -= e.weight * Math.log(Math.max(pg, 1e-12));
      // d(-log sum_G p)/d score_c = p_c - [c in G] p_c / sum_G p
      const grad = new Float64Array(scores);
      for (const c of e.gold) grad[c]! -= scores[c]! / pg;
      if (H > 0) {
        for (let k = 0; k < H; k++) {
          let d = 0;
          for (let c = 0; c < C; c++) d += out[k * C + c]! * grad[c]!;
          dz[k] = e.weight * d * (1 - h[k]! * h[k]!);
          for (let c = 0; c < C; c++) {
            const w = k * C + c;
            const g = e.weight * grad[c]! * h[k]! + opts.l2 * out[w]!;
            outG2[w]! += g * g;
            out[w]! -= (opts.rate * g) / Math.sqrt(outG2[w]!);
          }
        }
        for (let k = 0; k < H; k++) {
          if (dz[k] === 0) continue;
          hbG2[k]! += dz[k]! * dz[k]!;
          hb[k]! -= (opts.rate * dz[k]!) / Math.sqrt(hbG2[k]!);
          for (const r of feats) {
            const w = r * H + k;
            const g = dz[k]! + opts.l2 * emb[w]!;
            embG2[w]! += g * g;
            emb[w]! -= (opts.rate * g) / Math.sqrt(embG2[w]!);
          }
        }
      }
      for (const [c, r] of sharedRows[n]!) {
        const g = e.weight * grad[c]! + opts.l2 * shared[r]!;
        sharedG2[r]! += g * g;
        shared[r]! -= (opts.rate * g) / Math.sqrt(sharedG2[r]!);
      }
      for (const r of feats) {
        for (let c = 0; c < C; c++) {
          const w = r * C + c;
          const g = e.weight * grad[c]! + opts.l2 * weights[w]!;
          g2[w]! += g * g;
          weights[w]! -= (opts.rate * g) / Math.sqrt(g2[w]!);
        }
      }
    }
    opts.log?.(`epoch ${epoch}: loss ${(loss / examples.length).toFixed(4)}`);
    if (epoch > opts.epochs / 2) {
      for (let w = 0; w < weights.length; w++) sum[w]! += weights[w]!;
      for (let w = 0; w < shared.length; w++) sharedSum[w]! += shared[w]!;
      for (let w = 0; w < emb.length; w++) embSum[w]! += emb[w]!;
      for (let w = 0; w < H; w++) hbSum[w]! += hb[w]!;
      for (let w = 0; w < out.length; w++) outSum[w]! += out[w]!;
      snapshots++;
    }
  }
  const averaged = Float32Array.from(sum, (v) => v / Math.max(1, snapshots));
  const avg = (a: Float64Array): Float32Array => Float32Array.from(a, (v) => v / Math.max(1, snapshots));
  return {
    ...(H > 0 ? { deep: { hidden: H, emb: avg(embSum), bias: avg(hbSum), out: avg(outSum) } } : {}),
    version, classes: CLASSES.map((c) => c.name), index, weights: averaged, calibration: { a: 1, b: 0 },
    sharedIndex, shared: Float32Array.from(sharedSum, (v) => v / Math.max(1, snapshots)),
  };
}
