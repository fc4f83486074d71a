/**
 * Calibration: Platt scaling of the model's probability for its chosen class, fit on held-out dev predictions, so a
 * confidence of 0.8 means about 8 in 10 such relations are right. Also the reliability table that shows it.
 */
import type { Calibration } from './linear.js';
import { calibrate } from './linear.js';

/** A dev prediction: the raw probability of the chosen class and whether the class was right. */
export interface Outcome {
  p: number;
  right: boolean;
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/** Fits sigmoid(a * logit(p) + b) to the outcomes by Newton's method on the log-loss (with a weak prior toward a=1, b=0). */
export function fitPlatt(outcomes: readonly Outcome[]): Calibration {
  let a = 1;
  let b = 0;
  const prior = 1; // pseudo-observations' weight: keeps tiny dev sets from extreme fits
  for (let iter = 0; iter < 50; iter++) {
    let ga = prior * (a - 1);
    let gb = prior * b;
    let haa = prior;
    let hab = 0;
    let hbb = prior;
    for (const o of outcomes) {
      const x = logit(o.p);
      const q = 1 / (1 + Math.exp(-(a * x + b)));
      const y = o.right ? 1 : 0;
      ga += (q - y) * x;
      gb += q - y;
      const w = q * (1 - q);
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Damped: a full Newton step can overshoot on predictions piled near 0 or 1 and run away (a in the thousands);
    // the step is halved until the loss falls, so the fit always converges to the one optimum of this convex loss.
    const before = plattLoss(outcomes, a, b, prior);
    let t = 1;
    while (t > 1e-6 && plattLoss(outcomes, a - t * da, b - t * db, prior) > before) t /= 2;
    a -= t * da;
    b -= t * db;
    if (t * (Math.abs(da) + Math.abs(db)) < 1e-9) break;
  }
  return { a, b };
}

/** The log-loss of sigmoid(a * logit(p) + b) on the outcomes, plus the prior's pull toward a=1, b=0. */
function plattLoss(outcomes: readonly Outcome[], a: number, b: number, prior: number): number {
  let loss = (prior * ((a - 1) ** 2 + b ** 2)) / 2;
  for (const o of outcomes) {
    const z = a * logit(o.p) + b;
    // log(1 + e^-z) for a right prediction, log(1 + e^z) for a wrong one, computed without overflow.
    const m = o.right ? -z : z;
    loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  }
  return loss;
}

/** One row of a reliability table. */
export interface ReliabilityRow {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  precision: number;
}

/** Bins calibrated confidences and measures the share right in each bin. */
export function reliability(outcomes: readonly Outcome[], cal: Calibration, edges = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const inBin = outcomes.map((o) => ({ c: calibrate(cal, o.p), right: o.right })).filter((o) => o.c >= edges[k]! && o.c < edges[k + 1]!);
    rows.push({
      from: edges[k]!, to: Math.min(1, edges[k + 1]!), count: inBin.length,
      meanConfidence: inBin.reduce((s, o) => s + o.c, 0) / (inBin.length || 1),
      precision: inBin.filter((o) => o.right).length / (inBin.length || 1),
    });
  }
  return rows;
}
