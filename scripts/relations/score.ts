/** Pair-level scoring of relation predictions against partial gold labels, per type, with the rules as a baseline. */
import { CLASSES, NONE } from '../../src/extract/relation-model/classes.js';
import { TYPE_IDS } from '../../src/extract/relation-model/classes.js';
import { classProbabilities, type LinearModel } from '../../src/extract/relation-model/linear.js';
import type { LabelledPair } from './examples.js';

/** A prediction for a pair: a class and its probability. */
export interface Prediction {
  cls: number;
  p: number;
}

/** Counts for one type. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Per-type counts and the micro total. */
export interface Score {
  byType: Map<string, Counts>;
  total: Counts;
}

/**
 * Scores predictions per entity pair and sentence, as the network shows them: the pair's mention pairs each give their
 * best class (when its probability reaches the threshold); a predicted (type, source, target) in the gold is a true
 * positive, one of a type the data set annotates that is not in the gold is a false positive, and a gold relation no
 * mention pair found is a false negative. A prediction of a type the set does not annotate is not counted.
 */
export function scorePairs(pairs: readonly LabelledPair[], predict: (pair: LabelledPair) => Prediction, threshold: number): Score {
  const byType = new Map<string, Counts>(TYPE_IDS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const groups = new Map<string, LabelledPair[]>();
  for (const p of pairs) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  for (const members of groups.values()) {
    const first = members[0]!;
    if (first.ignored) continue;
    const predicted = new Map<string, string>(); // triple -> type
    for (const pair of members) {
      const pred = predict(pair);
      if (pred.cls === NONE || pred.p < threshold) continue;
      const c = CLASSES[pred.cls]!;
      const [a, b] = [pair.view.mentions[pair.i]!.entityKey, pair.view.mentions[pair.j]!.entityKey];
      const [src, tgt] = c.reversed ? [b, a] : [a, b];
      predicted.set(`${c.type}|${src}|${tgt}`, c.type!);
    }
    const found = new Set<number>();
    for (const [triple, type] of predicted) {
      const hit = first.goldTriples.findIndex((readings) => readings.includes(triple));
      if (hit >= 0) {
        if (!found.has(hit)) byType.get(type)!.tp++;
        found.add(hit);
      } else if (first.goldTriples.length > 0 || first.doc.scope.includes(type as never)) byType.get(type)!.fp++;
    }
    first.goldTriples.forEach((readings, k) => {
      if (!found.has(k)) byType.get(readings[0]!.split('|')[0]!)!.fn++;
    });
  }
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of byType.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { byType, total };
}

/** The model's most probable class for a pair, with its (uncalibrated) probability. */
export const predictModel = (m: LinearModel) => (pair: LabelledPair): Prediction => {
  const probs = classProbabilities(m, pair.feats);
  let best = NONE;
  for (let c = 1; c < CLASSES.length; c++) if (probs[c]! > probs[best]!) best = c;
  return { cls: best, p: probs[best]! };
};

/** What the pattern rules alone say about a pair. */
export const predictRules = (pair: LabelledPair): Prediction => pair.rules ?? { cls: NONE, p: 1 };

/**
 * Per relation type, the rules' hits (at 0.5 or more) among labelled pairs and how many were right: [right, hits]. The
 * measured precision kept for rule hits the model does not return is (right + 1) / (hits + 2).
 */
export function ruleHits(pairs: Iterable<LabelledPair>): Map<string, [number, number]> {
  const hits = new Map<string, [number, number]>();
  for (const p of pairs) {
    if (!p.rules || p.gold.length === 0 || p.rules.p < 0.5) continue;
    const t = CLASSES[p.rules.cls]!.type!;
    const c = hits.get(t) ?? [0, 0];
    c[1]++;
    if (p.gold.includes(p.rules.cls)) c[0]++;
    hits.set(t, c);
  }
  return hits;
}

/**
 * Smoothed precision per relation type from ruleHits: (right + 2 p0) / (hits + 2), where p0 is the precision of all
 * rule hits together. A type whose rules never fired on the labelled text (payments and informants are rare in it)
 * gets p0, the rules' measured precision in general, rather than an uninformative 1/2; a type with many hits keeps
 * close to its own figure. Every relation type has an entry.
 */
export function rulePrecisions(hits: Map<string, [number, number]>): Map<string, number> {
  let ok = 0;
  let n = 0;
  for (const [r, h] of hits.values()) { ok += r; n += h; }
  const p0 = (ok + 1) / (n + 2);
  return new Map(TYPE_IDS.map((t) => {
    const [r, h] = hits.get(t) ?? [0, 0];
    return [t, (r + 2 * p0) / (h + 2)];
  }));
}

/** Precision, recall, F1 of counts. */
export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** A markdown table of a score: one row per type that occurs, then the total. */
export function scoreTable(score: Score): string[] {
  const pct = (x: number): string => (100 * x).toFixed(1);
  const lines = ['| type | tp | fp | fn | P | R | F1 |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [type, c] of score.byType) {
    if (c.tp + c.fp + c.fn === 0) continue;
    const s = prf(c);
    lines.push(`| ${type} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(s.p)} | ${pct(s.r)} | ${pct(s.f)} |`);
  }
  const s = prf(score.total);
  lines.push(`| **all** | ${score.total.tp} | ${score.total.fp} | ${score.total.fn} | **${pct(s.p)}** | **${pct(s.r)}** | **${pct(s.f)}** |`);
  return lines;
}
