/**
 * One Platt curve per relation type against one for all (docs/relations.md, "Calibration per type"): the shipped
 * relation model's dev predictions (gold names, model alone) on the calibration sets, calibrated cross-fitted (fit on
 * one half of the dev documents, scored on the other, both ways), per-type curves shrunk toward the global one by K
 * pseudo-observations. Prints per dev set P / R at 0.6 and the best recall at a precision of at least 0.8.
 * Usage: node --import tsx scripts/relations/calibrate-per-type.ts (reads ../shared/data; nothing written).
 */
import { CLASSES, NONE } from '../../src/extract/relation-model/classes.js';
import { calibrate } from '../../src/extract/relation-model/linear.js';
import { loadRelationModel } from '../../src/extract/relation-model/index.js';
import { fitPlatt, type Outcome } from '../../src/extract/relation-model/calibrate.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import { CALIBRATION_SETS, dataSets } from './data/sets.js';
import { labelPairs, type LabelledPair } from './examples.js';
import { predictModel, scorePairs, type Counts } from './score.js';
const P = (c: Counts) => c.tp / (c.tp + c.fp || 1);
const R = (c: Counts) => c.tp / (c.tp + c.fn || 1);
import { createHash } from 'node:crypto';

const SETS = dataSets();
const model = loadRelationModel();
const parser = loadParser();
const parse = (w: readonly string[]) => parser.parse(w);
const names = ['news', 're3d-ours', 'conll04-ours', 'factbook-ours', 'ewt-ours', 'redocred-ours'];
const dev = new Map<string, LabelledPair[]>();
for (const n of names) dev.set(n, labelPairs(await SETS[n]!.read('dev'), parse, true));
const half = (doc: string) => createHash('sha1').update(doc).digest()[0]! % 2;
type O = Outcome & { doc: string; type: string };
const outcomes: O[] = [];
const pm = predictModel(model);
for (const n of CALIBRATION_SETS) for (const pair of dev.get(n)!) {
  if (pair.gold.length === 0) continue;
  const pred = pm(pair);
  const type = CLASSES[pred.cls]!.type;
  if (type === undefined || pred.p < 0.05 || (!pair.positive && !pair.doc.scope.includes(type))) continue;
  outcomes.push({ p: pred.p, right: pair.gold.includes(pred.cls), doc: pair.doc.id, type });
}
// Per-type fit shrunk toward the global fit: K pseudo-observations drawn from the global curve at each outcome's p.
function fitTyped(list: O[], K: number) {
  const global = fitPlatt(list);
  const byType = new Map<string, { a: number; b: number }>();
  for (const t of new Set(list.map((o) => o.type))) {
    const own = list.filter((o) => o.type === t);
    // pseudo data: the global curve's expected rightness, as K weighted copies spread over the type's own p values
    const pseudo: Outcome[] = [];
    const step = Math.max(1, Math.floor(own.length / K));
    for (let i = 0; i < own.length && pseudo.length < 2 * K; i += step) {
      const q = calibrate(global, own[i]!.p);
      const r = Math.round(q * 10);
      for (let k = 0; k < 10; k++) pseudo.push({ p: own[i]!.p, right: k < r });
    }
    byType.set(t, fitPlatt([...own, ...pseudo.slice(0, K * 10)].map((o) => ({ p: o.p, right: o.right }))));
  }
  return { global, byType };
}
const variants: [string, number | null][] = [['global', null], ['typed K=5', 5], ['typed K=20', 20], ['typed K=50', 50]];
for (const [label, K] of variants) {
  const cals = [0, 1].map((fold) => {
    const fitOn = outcomes.filter((o) => half(o.doc) !== fold);
    return K === null ? { global: fitPlatt(fitOn), byType: new Map() } : fitTyped(fitOn, K);
  });
  const predict = (pair: LabelledPair) => {
    const pred = pm(pair);
    if (pred.cls === NONE) return pred;
    const c = cals[half(pair.doc.id)]!;
    const cal = c.byType.get(CLASSES[pred.cls]!.type!) ?? c.global;
    return { cls: pred.cls, p: calibrate(cal, pred.p) };
  };
  const line: string[] = [];
  for (const n of names) {
    const pairs = dev.get(n)!;
    let best = 0;
    for (let t = 0.3; t <= 0.95; t += 0.025) { const s = scorePairs(pairs, predict, t); if (P(s.total) >= 0.8) best = Math.max(best, R(s.total)); }
    const s6 = scorePairs(pairs, predict, 0.6);
    line.push(`${n} ${(100 * P(s6.total)).toFixed(1)}/${(100 * R(s6.total)).toFixed(1)} R@P.8 ${(100 * best).toFixed(1)}`);
  }
  console.log(label.padEnd(12), line.join(' | '));
}
