/**
 * Measures, per relation type, how often the pattern rules' hits are right on the training split of the calibration
 * sets (the figure a rule hit the model does not return is shown with), prints it beside the shipped model's, and with
 * --write stores it in the model's header without retraining (the weights are rewritten unchanged):
 *   node --import tsx scripts/relations/rule-precision.ts [--model models/relations-en.bin.gz] [--write]
 * Train splits only; dev is not read.
 */
import { join } from 'node:path';
import { loadLinearModel, saveLinearModel } from '../../src/extract/relation-model/linear.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import { CALIBRATION_SETS, dataSets } from './data/sets.js';
import { labelPairs } from './examples.js';
import { ruleHits, rulePrecisions } from './score.js';

const args = process.argv.slice(2);
const path = args.includes('--model') ? args[args.indexOf('--model') + 1]! : join(findPackageRoot(), 'models', 'relations-en.bin.gz');
const parser = loadParser();
const sets = dataSets();
const pairs = [];
for (const name of CALIBRATION_SETS) pairs.push(...labelPairs(await sets[name]!.read('train'), (w) => parser.parse(w), true));
const hits = ruleHits(pairs);
const precision = rulePrecisions(hits);
const model = loadLinearModel(path);
console.log(`rule hits on the train split of ${CALIBRATION_SETS.join(', ')} (${model.version})\n`);
console.log('| type | right / hits | in the model now | measured |\n|---|---:|---:|---:|');
for (const [type, p] of precision) {
  const [ok, n] = hits.get(type) ?? [0, 0];
  const now = model.rulePrecision?.[type];
  console.log(`| ${type} | ${ok} / ${n} | ${now === undefined ? '- (0.5)' : now.toFixed(3)} | ${p.toFixed(3)} |`);
}
if (args.includes('--write')) {
  model.rulePrecision = Object.fromEntries(precision);
  saveLinearModel(path, model);
  console.log(`\nwritten to ${path}`);
}
