/**
 * `node --import tsx scripts/relations/train-arabic-script.ts [--dry] [--out PATH] [--folds] [--sets peyma,arman,parstwiner,anercorp,written]
 * [--weights name=w,...] [--model PATH --version NAME]` (--model: keep that model's weights and calibration, measure the frames again) (`written`: the Persian and Arabic text our annotators wrote, train only; `written-fa-ar=w` weighs it):
 * trains the Persian/Arabic relation model (src/extract/relation-model/arabic-script.ts) on the PEYMA, ARMAN, ParsTwiNER and
 * ANERcorp sentences we labelled with all 12 types (annotations/{peyma,arman,parstwiner,anercorp}-relations, standoff over ../shared/data), reports pair-level figures on their dev
 * sentences for the Arabic-script frames alone and for the model, fits the calibration on dev (the reported reliability
 * table cross-fitted) and writes models/relations-fa-ar.bin.gz. Surface features only (no Persian or Arabic parser);
 * the frames' verdicts are features. Deterministic. --folds: 5-fold cross-validation on train only (dev not read),
 * to compare settings without touching dev.
 */
import { join } from 'node:path';
import { CLASSES } from '../../src/extract/relation-model/classes.js';
import { calibrate, loadLinearModel, saveLinearModel, type LinearModel } from '../../src/extract/relation-model/linear.js';
import { fitPlatt, reliability, type Outcome } from '../../src/extract/relation-model/calibrate.js';
import { foldArabicLetters } from '../../src/nlp/arabic-script.js';
import { hashString } from '../../src/nlp/ner/hash.js';
import { trainLinear, type TrainExample } from '../../src/extract/relation-model/train.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import { readAnercorp, readArman, readParstwiner, readPeyma } from './data/arabic-script.js';
import { readOurSentences } from './data/ours.js';
import { readWritten } from './data/written.js';
import type { LabelledDoc } from './data/types.js';
import { labelPairs, type LabelledPair } from './examples.js';
import { predictModel, predictRules, ruleHits, rulePrecisions, scorePairs, scoreTable, type Prediction } from './score.js';

export const ARABIC_SCRIPT_VERSION = 'cablegraph-rel-fa-ar-5';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The labelled Persian and Arabic sets: source name and reader of its text (`--sets a,b` keeps some, to compare). */
const ALL_SETS = { peyma: readPeyma, arman: readArman, parstwiner: readParstwiner, anercorp: readAnercorp } as const;
const chosen = (opt('--sets') ?? [...Object.keys(ALL_SETS), 'written'].join(',')).split(',');
const WITH_WRITTEN = chosen.includes('written');
const SETS = Object.fromEntries(Object.entries(ALL_SETS).filter(([name]) => chosen.includes(name)));

/** Letters folded as the extractor folds them (offsets unchanged). */
function folded(docs: LabelledDoc[]): LabelledDoc[] {
  return docs.map((d) => ({ ...d, text: foldArabicLetters(d.text), mentions: d.mentions.map((m) => ({ ...m, text: foldArabicLetters(m.text) })) }));
}

async function pairsOf(split: 'train' | 'dev'): Promise<Map<string, LabelledPair[]>> {
  const out = new Map<string, LabelledPair[]>();
  for (const [name, read] of Object.entries(SETS)) out.set(name, labelPairs(folded(await readOurSentences(name, split, read)), undefined, true));
  // Text our annotators wrote and labelled (annotations/written-relations-fa-ar): train only.
  if (WITH_WRITTEN && split === 'train') out.set('written-fa-ar', labelPairs(folded(await readWritten('train', 'written-fa-ar')), undefined, true));
  return out;
}

const settings = { epochs: Number(opt('--epochs') ?? 15), rate: 0.05, l2: Number(opt('--l2') ?? 1e-3), minCount: Number(opt('--min-count') ?? 2), dropout: Number(opt('--dropout') ?? 0.3), seed: 7 };
const POS_WEIGHT = Number(opt('--pos-weight') ?? 2);
/**
 * Each set's weight in training (`--weights name=w,...`): tweets count half (chosen on the train folds: PEYMA F1 at 0.6
 * 47.4 without them, 48.1 at weight 1, 48.3 at 0.5; ARMAN 57.3 / 56.2 / 57.1; ANERcorp 31.0 / 30.4 / 30.6), others 1.
 */
const SET_WEIGHT = new Map((opt('--weights') ?? 'parstwiner=0.5,written-fa-ar=1').split(',').filter(Boolean)
  .map((kv) => [kv.startsWith('written') ? kv.split('=')[0]! : `${kv.split('=')[0]}-ours`, Number(kv.split('=')[1])]));
const examplesOf = (pairs: readonly LabelledPair[]): TrainExample[] =>
  pairs.filter((p) => p.gold.length > 0).map((p) => ({ feats: p.feats, gold: p.gold, weight: (p.positive ? POS_WEIGHT : 1) * (SET_WEIGHT.get(p.doc.set) ?? 1) }));
/** The model's chosen class against the gold, where it names a relation (for calibration). */
const outcomesOf = (m: LinearModel, pairs: readonly LabelledPair[]): (Outcome & { doc: string })[] => pairs.flatMap((pair) => {
  if (pair.gold.length === 0) return [];
  const pred = predictModel(m)(pair);
  return CLASSES[pred.cls]!.type === undefined || pred.p < 0.05 ? [] : [{ p: pred.p, right: pair.gold.includes(pred.cls), doc: pair.doc.id }];
});

const train = await pairsOf('train');
for (const [name, pairs] of train) console.log(`${name}: train ${pairs.length} pairs (${pairs.filter((p) => p.positive).length} positive)`);

if (flag('--folds')) {
  // Cross-validation on train: each fold's model trained on the other four, calibrated on them, scored at 0.5 and 0.6.
  const all = [...train.values()].flat();
  const foldOf = (p: LabelledPair): number => hashString(`${p.doc.set}-${p.doc.id}`) % 5;
  const oof = new Map<LabelledPair, Prediction>();
  for (let f = 0; f < 5; f++) {
    const m = trainLinear(examplesOf(all.filter((p) => foldOf(p) !== f)), settings, ARABIC_SCRIPT_VERSION);
    m.calibration = fitPlatt(outcomesOf(m, all.filter((p) => foldOf(p) !== f)));
    for (const p of all.filter((x) => foldOf(x) === f)) {
      const pred = predictModel(m)(p);
      oof.set(p, { cls: pred.cls, p: calibrate(m.calibration, pred.p) });
    }
  }
  for (const [name, pairs] of train) {
    console.log(`\n### ${name} train folds: frames alone (0.5)`);
    for (const l of scoreTable(scorePairs(pairs, predictRules, 0.5))) console.log(l);
    for (const t of [0.5, 0.6]) {
      console.log(`\n### ${name} train folds: model at ${t}`);
      for (const l of scoreTable(scorePairs(pairs, (p) => oof.get(p)!, t))) console.log(l);
    }
  }
  process.exit(0);
}

// --model PATH keeps a trained model's weights and calibration and measures the frames again (their precision on
// train, kept where the model is silent): for a change to the frames that should not move the weights.
const kept = opt('--model');
const model = kept ? loadLinearModel(kept) : trainLinear(examplesOf([...train.values()].flat()), { ...settings, log: (l) => console.log(l) }, ARABIC_SCRIPT_VERSION);
if (kept) model.version = opt('--version') ?? model.version;
console.log(`features: ${model.index.size}`);
const dev = await pairsOf('dev');

// Calibration on the dev outcomes of both sets; the reported table cross-fitted (fit on one half of the documents,
// measured on the other), the shipped calibration fit on all.
const outcomes = new Map([...dev].map(([name, pairs]) => [name, outcomesOf(model, pairs)]));
const all = [...outcomes.values()].flat();
if (!kept) model.calibration = fitPlatt(all);
console.log(`\ncalibration (dev of ${[...dev.keys()].join(', ')}): a=${model.calibration.a.toFixed(3)} b=${model.calibration.b.toFixed(3)}`);
const half = (o: { doc: string }): number => hashString(o.doc) % 2;
console.log('\n### Reliability on dev (cross-fitted calibration)');
for (const [name, list] of outcomes) {
  const flat = [0, 1].flatMap((fold) => {
    const cal = fitPlatt(all.filter((o) => half(o) !== fold));
    return list.filter((x) => half(x) === fold).map((o) => ({ p: calibrate(cal, o.p), right: o.right }));
  });
  console.log(`\n${name} (${flat.length} predictions)\n| confidence | n | mean conf | precision |\n|---|---:|---:|---:|`);
  for (const r of reliability(flat, { a: 1, b: 0 })) if (r.count > 0) console.log(`| ${r.from.toFixed(1)}-${r.to.toFixed(1)} | ${r.count} | ${r.meanConfidence.toFixed(2)} | ${r.precision.toFixed(2)} |`);
  for (const t of [0.5, 0.6]) {
    const shown = flat.filter((o) => o.p >= t);
    console.log(`shown at >= ${t}: ${shown.length}, precision ${(shown.filter((o) => o.right).length / (shown.length || 1)).toFixed(3)}`);
  }
}

// The frames measured on train: the share of each type's frame hits that are right (kept when the model is silent).
const hits = ruleHits([...train.values()].flat());
model.rulePrecision = Object.fromEntries(rulePrecisions(hits));
console.log(`\nframe precision on train: ${[...hits].map(([t, [ok, n]]) => `${t} ${ok}/${n}`).join(', ')}`);

const calibrated = (pair: LabelledPair): Prediction => {
  const pred = predictModel(model)(pair);
  return { cls: pred.cls, p: calibrate(model.calibration, pred.p) };
};
// What ingest shows: the model, and where it names no relation a frame's hit at its type's measured precision.
const withFrames = (pair: LabelledPair): Prediction => {
  const m = calibrated(pair);
  if (m.cls !== 0 && m.p >= 0.5) return m;
  if (pair.rules && pair.rules.p >= 0.5) return { cls: pair.rules.cls, p: model.rulePrecision?.[CLASSES[pair.rules.cls]!.type!] ?? 0 };
  return m;
};
for (const [name, pairs] of dev) {
  console.log(`\n### ${name} dev: frames alone (0.5)\n`);
  for (const l of scoreTable(scorePairs(pairs, predictRules, 0.5))) console.log(l);
  for (const t of [0.5, 0.6]) {
    console.log(`\n### ${name} dev: model, calibrated, at ${t}\n`);
    for (const l of scoreTable(scorePairs(pairs, calibrated, t))) console.log(l);
  }
  console.log(`\n### ${name} dev: model, then frames at their type's precision, at 0.6\n`);
  for (const l of scoreTable(scorePairs(pairs, withFrames, 0.6))) console.log(l);
}

const out = opt('--out') ?? join(findPackageRoot(), 'models', 'relations-fa-ar.bin.gz');
if (!flag('--dry')) {
  saveLinearModel(out, model);
  console.log(`wrote ${out}`);
}
