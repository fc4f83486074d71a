/**
 * `npm run train:rel`: trains the relation model on the train splits of news (our annotations), CoNLL04, re3d and
 * Re-DocRED, reports pair-level figures on their dev splits for the rules alone and the model, fits the calibration on
 * dev (cross-fitted for the reported table) and writes models/relations-en.bin.gz.
 * Options: --no-parse (surface features only), --no-rules (without the rules' verdicts), --out PATH, --sets a,b,
 * --hidden H (a hidden layer of H units beside the linear weights, deep.ts), --lexicon soft=C,clusters=K (word-vector
 * features, word-vectors.ts), --version NAME (the model's version string).
 */
import { join } from 'node:path';
import { CLASSES, NONE } from '../../src/extract/relation-model/classes.js';
import { calibrate, saveLinearModel } from '../../src/extract/relation-model/linear.js';
import { fitPlatt, reliability, type Outcome } from '../../src/extract/relation-model/calibrate.js';
import { hashString } from '../../src/nlp/ner/hash.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import { trainLinear, type TrainExample } from '../../src/extract/relation-model/train.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import { CALIBRATION_SETS, dataSets, trainsOnce } from './data/sets.js';
import { DATA_DIR } from './data/types.js';
import { lexiconFor } from './word-vectors.js';
import { labelPairs, type LabelledPair, type ParseFn } from './examples.js';
import { predictModel, predictRules, ruleHits, rulePrecisions, scorePairs, scoreTable, type Prediction } from './score.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const SETS = dataSets();
/** The version string of the model this script trains by default. */
const VERSION = 'cablegraph-rel-en-5';

async function loadParse(): Promise<ParseFn | undefined> {
  if (flag('--no-parse')) return undefined;
  const parser = loadParser();
  return (words) => parser.parse(words);
}

// --weights name=w,... overrides the per-set weights (for experiments).
for (const kv of (opt('--weights') ?? '').split(',').filter(Boolean)) {
  const [k, w] = kv.split('=');
  if (SETS[k!]) SETS[k!]!.weight = Number(w);
}
const names = (opt('--sets') ?? Object.keys(SETS).join(',')).split(',');
const parse = await loadParse();
const { lex } = lexiconFor(opt('--lexicon') ?? '', DATA_DIR, (l) => console.log(l));
const train: LabelledPair[] = [];
const dev = new Map<string, LabelledPair[]>();
for (const name of names) {
  const set = SETS[name];
  if (!set) throw new Error(`unknown set ${name}`);
  const t0 = Date.now();
  const tr = labelPairs(await set.read('train'), parse, !flag('--no-rules'), lex);
  const dv = labelPairs(await set.read('dev'), parse, !flag('--no-rules'), lex);
  train.push(...tr);
  dev.set(name, dv);
  console.log(`${name}: train ${tr.length} pairs (${tr.filter((p) => p.positive).length} positive), dev ${dv.length} (${dv.filter((p) => p.positive).length}) [${Date.now() - t0} ms]`);
}
// A sentence we relabelled trains once, with our labels, not again with its source set's partial ones.
const once = trainsOnce(SETS);
const examples: TrainExample[] = train.filter((p) => p.gold.length > 0 && SETS[p.doc.set]!.weight > 0 && once(p.doc)).map((p) => ({ feats: p.feats, gold: p.gold, weight: SETS[p.doc.set]!.weight * (p.positive ? Number(opt('--pos-weight') ?? 2) : 1) }));
const model = trainLinear(examples, { epochs: Number(opt('--epochs') ?? 15), rate: Number(opt('--rate') ?? 0.05), l2: Number(opt('--l2') ?? 1e-3), minCount: Number(opt('--min-count') ?? 2), dropout: Number(opt('--dropout') ?? 0.3), seed: 7, hidden: Number(opt('--hidden') ?? 0), log: (l) => console.log(l) },
  `${opt('--version') ?? VERSION}${parse ? '' : '-surface'}`);
if (lex.soft.size > 0 || lex.cluster.size > 0) model.lexicon = lex;
console.log(`features: ${model.index.size}`);


if (flag('--train-score')) {
  console.log('\n### train (all sets): model');
  for (const l of scoreTable(scorePairs(train.filter((p) => p.doc.set === 'news'), predictModel(model), 0.5))) console.log(l);
}
for (const [name, pairs] of dev) {
  console.log(`\n### ${name} dev: rules alone (threshold 0.5)`);
  for (const l of scoreTable(scorePairs(pairs, predictRules, 0.5))) console.log(l);
  console.log(`\n### ${name} dev: model (threshold 0.5, uncalibrated)`);
  for (const l of scoreTable(scorePairs(pairs, predictModel(model), 0.5))) console.log(l);
}
// Calibration: the chosen class's probability against whether it was right, on every dev pair where the model
// names a relation of a type that set annotates. The reported table is cross-fitted (fit on one half of the dev
// documents, measured on the other); the shipped calibration is fit on all of them.
const outcomes = new Map<string, (Outcome & { doc: string })[]>();
for (const [name, pairs] of dev) {
  const list: (Outcome & { doc: string })[] = [];
  for (const pair of pairs) {
    if (pair.gold.length === 0) continue;
    const pred = predictModel(model)(pair);
    const type = CLASSES[pred.cls]!.type;
    if (type === undefined || pred.p < 0.05 || (!pair.positive && !pair.doc.scope.includes(type))) continue;
    list.push({ p: pred.p, right: pair.gold.includes(pred.cls), doc: pair.doc.id });
  }
  outcomes.set(name, list);
}
// Fit on the sets labelled with all our types (news and re3d sentences): they are the kind of text users bring and
// the only ones where every type is annotated; the other sets are measured with it.
const all = [...outcomes.entries()].filter(([n]) => CALIBRATION_SETS.includes(n)).flatMap(([, l]) => l);
model.calibration = fitPlatt(all);
console.log(`\ncalibration (dev of ${CALIBRATION_SETS.join(', ')}): a=${model.calibration.a.toFixed(3)} b=${model.calibration.b.toFixed(3)}`);
const half = (o: { doc: string }): number => hashString(o.doc) % 2;
const crossRows = new Map<string, Outcome[][]>();
for (const [name, list] of outcomes) {
  const rows: Outcome[][] = [[], []];
  for (const fold of [0, 1]) {
    const cal = fitPlatt(all.filter((o) => half(o) !== fold));
    for (const o of list.filter((x) => half(x) === fold)) rows[fold]!.push({ p: calibrate(cal, o.p), right: o.right });
  }
  crossRows.set(name, rows);
}
console.log('\n### Reliability on dev (cross-fitted calibration): bin -> relations, mean confidence, measured precision');
const identity = { a: 1, b: 0 };
for (const [name, rows] of crossRows) {
  const flat = rows.flat();
  console.log(`\n${name} (${flat.length} predictions)\n| confidence | n | mean conf | precision |\n|---|---:|---:|---:|`);
  for (const r of reliability(flat, identity)) if (r.count > 0) console.log(`| ${r.from.toFixed(1)}-${r.to.toFixed(1)} | ${r.count} | ${r.meanConfidence.toFixed(2)} | ${r.precision.toFixed(2)} |`);
  for (const t of [0.5, 0.6, 0.7]) {
    const shown = flat.filter((o) => o.p >= t);
    console.log(`shown at >= ${t}: ${shown.length}, precision ${(shown.filter((o) => o.right).length / (shown.length || 1)).toFixed(3)}`);
  }
}

// What a user sees: relations at the calibrated confidence, at the display thresholds, per dev set.
const calibrated = (pair: LabelledPair): Prediction => {
  const pred = predictModel(model)(pair);
  return { cls: pred.cls, p: calibrate(model.calibration, pred.p) };
};
// Rules measured on the training split of our fully labelled sets: the share of each type's rule hits that are right.
const rulePrecision = rulePrecisions(ruleHits(train.filter((p) => CALIBRATION_SETS.includes(p.doc.set))));
model.rulePrecision = Object.fromEntries(rulePrecision);
console.log(`\nrule precision on train (${CALIBRATION_SETS.join(', ')}): ${[...rulePrecision].map(([t, p]) => `${t} ${p.toFixed(2)}`).join(', ')}`);
const hybrid = (pair: LabelledPair): Prediction => {
  const m = calibrated(pair);
  if (m.cls !== NONE && m.p >= 0.5) return m;
  if (pair.rules && pair.rules.p >= 0.5) return { cls: pair.rules.cls, p: rulePrecision.get(CLASSES[pair.rules.cls]!.type!) ?? 0 };
  return m;
};
for (const [label, fn] of [['Calibrated model', calibrated], ['Model, then rules of types measured >= threshold', hybrid]] as const) {
  for (const t of [0.5, 0.6]) {
    console.log(`\n## ${label} at confidence >= ${t} (entity pairs per sentence)`);
    for (const [name, pairs] of dev) {
      console.log(`\n### ${name} dev\n`);
      for (const l of scoreTable(scorePairs(pairs, fn, t))) console.log(l);
    }
  }
}

const out = opt('--out') ?? join(findPackageRoot(), 'models', 'relations-en.bin.gz');
if (!flag('--dry')) {
  saveLinearModel(out, model);
  console.log(`wrote ${out}`);
}
