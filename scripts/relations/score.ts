/** Pair-level scoring of relation predictions against partial gold labels, per type, with the rules as a baseline. */
import { CLASSES, NONE } from '../../src/extract/relation-model/classes.js';
import { TYPE_IDS } from '../../src/extract/relation-model/classes.js';
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
 * Scores predictions: a gold relation found with the right type and direction is a true positive; a predicted relation
 * of a type the data set annotates, where the gold has none (or another), is a false positive; a prediction of a type
 * the set does not annotate, on a pair it left unlabelled, is not counted either way.
 */
export function scorePairs(pairs: readonly LabelledPair[], predict: (pair: LabelledPair) => Prediction, threshold: number): Score {
  const byType = new Map<string, Counts>(TYPE_IDS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const pair of pairs) {
    if (pair.gold.length === 0) continue;
    const pred = predict(pair);
    const cls = pred.p >= threshold ? pred.cls : NONE;
    const type = CLASSES[cls]!.type;
    const inScope = type !== undefined && pair.doc.scope.includes(type);
    if (pair.positive) {
      const goldType = CLASSES[pair.gold[0]!]!.type!;
      if (pair.gold.includes(cls)) byType.get(type!)!.tp++;
      else {
        byType.get(goldType)!.fn++;
        if (cls !== NONE && inScope) byType.get(type!)!.fp++;
      }
    } else if (cls !== NONE && inScope) byType.get(type!)!.fp++;
  }
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of byType.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { byType, total };
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
