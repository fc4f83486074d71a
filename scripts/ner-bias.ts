// `node --import tsx scripts/ner-bias.ts --lang fa|ar|en MODEL [--apply IN OUT --version V]`: chooses the name
// bonus of a NER model (the score added where a name of each type starts; models/MODEL_CARD.md) on the tune parts.
// MODEL must be a tune-protocol model (`NER_PROTOCOL=tune npm run train:ner -- --lang ...`), which has not seen them:
// the bonus per type is searched coordinate by coordinate for the best mean F1 over the tune parts, and a table of
// every setting tried is printed. `--apply IN OUT --version V --bonus PER=x,ORG=y,...` writes the final model IN with
// that bonus as OUT (weights untouched); dev sets are never read here.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addNameBonus, loadModelFile, parseNameBonus, rewriteModelHeader } from '../src/nlp/ner/model-io.js';
import { findPackageRoot, loadCoordModel, recognizerFromModel, type Recognizer } from '../src/nlp/ner/index.js';
import { NAME_TYPES, scoreDocuments } from '../src/nlp/ner/eval.js';
import { prf } from '../src/nlp/ner/score.js';
import type { ConllDocument } from '../src/nlp/ner/conll.js';
import { scriptSets } from './ner-arabic-sets.js';
import { nerSets, scoreCheck } from './ner-sets.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: {
  lang: { type: 'string', default: 'en' }, apply: { type: 'boolean', default: false }, version: { type: 'string' }, bonus: { type: 'string' },
} });
const lang = values.lang as 'en' | 'fa' | 'ar';
if (!['en', 'fa', 'ar'].includes(lang)) throw new Error(`ner-bias.ts: --lang ${lang}: use en, fa or ar`);

if (values.apply) {
  const [input, output] = positionals;
  if (!input || !output || !values.version || !values.bonus) throw new Error('usage: ner-bias.ts --apply IN OUT --version V --bonus PER=x,ORG=y,...');
  rewriteModelHeader(input, output, { version: values.version, nameBonus: parseNameBonus(values.bonus) });
  console.log(`wrote ${output}: ${values.version}, name bonus ${values.bonus}`);
  process.exit(0);
}

const path = positionals[0];
if (!path) throw new Error('usage: ner-bias.ts --lang fa|ar|en TUNE_MODEL');
const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const model = loadModelFile(path);
const coord = lang === 'en' ? loadCoordModel(join(findPackageRoot(), 'models')) : undefined;
const types = lang === 'en' ? ['PER', 'ORG', 'LOC', 'MISC'] : ['PER', 'ORG', 'LOC'];

// The tune parts: held out of the training parts by the tune protocol.
type Part = { name: string; score: (rec: Recognizer) => number };
const parts: Part[] = lang === 'en'
  ? nerSets(dataDir, 'tune').checks.filter((c) => c.name.endsWith('train-tune')).map((c) => ({ name: c.name, score: (rec) => prf(scoreCheck(c, rec).counts.overall).f1 }))
  : scriptSets(dataDir, lang, 1, 'tune').map((s) => ({
    name: s.name, score: (rec) => prf(scoreDocuments(s.dev as ConllDocument[], rec, { onlyTypes: NAME_TYPES }).counts.overall).f1,
  }));

const trained = { scores: Float32Array.from(model.transitions.scores), start: Float32Array.from(model.transitions.start) };
const evaluate = (bonus: Record<string, number>): number[] => {
  model.transitions.scores.set(trained.scores);
  model.transitions.start.set(trained.start);
  addNameBonus(model.tags, model.transitions.scores, model.transitions.start, bonus);
  const rec = recognizerFromModel(model, coord);
  return parts.map((p) => p.score(rec));
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

// Steps in units of the model's mean absolute transition score: models trained differently have different scales.
const allowed = [...trained.scores].filter((x) => x !== 0);
const unit = allowed.reduce((a, b) => a + Math.abs(b), 0) / allowed.length / 4;
const seen = new Map<string, number[]>();
const key = (b: Record<string, number>): string => types.map((t) => `${t}=${(b[t] ?? 0).toFixed(3)}`).join(',');
const tryBonus = (b: Record<string, number>): number => {
  const k = key(b);
  let f = seen.get(k);
  if (!f) {
    seen.set(k, (f = evaluate(b)));
    console.log(`${k}\t${parts.map((p, i) => `${p.name} ${f![i]!.toFixed(4)}`).join('\t')}\tmean ${mean(f).toFixed(4)}`);
  }
  return mean(f);
};
let best: Record<string, number> = Object.fromEntries(types.map((t) => [t, 0]));
let bestScore = tryBonus(best);
for (const steps of [[-2, -1, -0.5, 0.5, 1, 2, 3, 4, 6, 8], [-0.5, -0.25, 0.25, 0.5]]) {
  for (const t of types) {
    const from = best[t]!;
    for (const s of steps) {
      const candidate = { ...best, [t]: Math.round((from + s * unit) * 1000) / 1000 };
      const f = tryBonus(candidate);
      if (f > bestScore + 1e-9) [best, bestScore] = [candidate, f];
    }
  }
}
console.log(`unit ${unit.toFixed(3)}; none: mean ${mean(seen.get(key(Object.fromEntries(types.map((t) => [t, 0]))))!).toFixed(4)}`);
console.log(`BEST ${key(best)} mean ${bestScore.toFixed(4)} (${parts.map((p, i) => `${p.name} ${seen.get(key(best))![i]!.toFixed(4)}`).join(', ')})`);
