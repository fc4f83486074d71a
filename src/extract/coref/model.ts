/** The scorer: a log-linear choice among the candidates and "nothing named", with weights fitted on the dev set's tune part. */
import weightsFile from './data/weights.json' with { type: 'json' };
import { FEATURES, type Features } from './features.js';

/** Weights by feature name, as scripts/eval-coref.ts --fit writes them. */
export type Weights = Record<string, number>;

/** The shipped weights. */
export const WEIGHTS: Weights = (weightsFile as { weights: Weights }).weights;

/** Weights as a vector in FEATURES order (missing names weigh 0). */
export function weightVector(w: Weights): Float64Array {
  return Float64Array.from(FEATURES, (name) => w[name] ?? 0);
}

/** w · f for a sparse feature vector. */
export function score(w: Float64Array, f: Features): number {
  let s = 0;
  for (const [i, v] of f) s += w[i]! * v;
  return s;
}

/** Softmax over scores, computed in place: the probability of each option. */
export function softmax(scores: number[]): number[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i]! - max);
    sum += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i]! /= sum;
  return scores;
}
