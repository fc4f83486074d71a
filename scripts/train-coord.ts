// Trains the coordination model (src/nlp/ner/coordination.ts): `npm run train:coord` reads the NER's labelled
// training documents (final protocol: CoNLL-2003 train, Wikigold train, re3d train part) and the lexicon of the NER
// model in NER_MODEL_DIR (default models/), and writes ner-en-coord.json beside that model (or to COORD_OUT).
// Examples: a gold chunk spanning "and"/"&" is one name (label 0); two gold chunks joined by "and"/"&" are two (1).
// The L2 strength is chosen by 5-fold cross-validation by document on the same training documents (log loss).
// The split threshold is chosen under the tune protocol (models/MODEL_CARD.md): `NER_PROTOCOL=tune
// NER_MODEL_DIR=<tune-protocol NER model> npm run train:coord` trains without the tune parts, then scores the NER
// with the split at each threshold on conll train-tune and wikigold train-tune (writes the model only to COORD_OUT).
// COORD_SHAPES=1 also counts the chunks of that shape the NER (without the split) finds on each check set.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COORD_FILE, DocumentWords, coordFeatures, coordProbability, coordinationShape, type CoordModel } from '../src/nlp/ner/coordination.js';
import { findPackageRoot, defaultModelDir, MODEL_FILE, recognizerFromModel } from '../src/nlp/ner/index.js';
import { loadModelFile } from '../src/nlp/ner/model-io.js';
import { tagsToChunks } from '../src/nlp/ner/tags.js';
import { rebuildText, sentenceTags } from '../src/nlp/ner/eval.js';
import { prf } from '../src/nlp/ner/score.js';
import { nerSets, scoreCheck, type Protocol } from './ner-sets.js';

const VERSION = 'cablegraph-coord-en-1';
// Chosen under the tune protocol (see the header); recorded in models/MODEL_CARD.md.
const THRESHOLD = Number(process.env.COORD_THRESHOLD ?? 0.5);
const protocol = (process.env.NER_PROTOCOL ?? 'final') as Protocol;
const root = findPackageRoot();
const dataDir = process.env.CABLEGRAPH_DATA ?? join(root, '..', 'shared', 'data');
const modelDir = process.env.NER_MODEL_DIR ?? defaultModelDir();
const out = process.env.COORD_OUT ?? join(modelDir, COORD_FILE);
const nerModel = loadModelFile(join(modelDir, MODEL_FILE));
const lexicon = nerModel.lexicon;
const sets = nerSets(dataDir, protocol);

interface Example {
  doc: number;
  features: string[];
  label: number;
}
const examples: Example[] = [];
sets.labelled.forEach((d, di) => {
  const words = new DocumentWords(d.sentences.map((s) => s.tokens));
  d.sentences.forEach((s, si) => {
    const chunks = tagsToChunks(s.tags);
    const add = (start: number, conj: number, end: number, label: number): void => {
      examples.push({ doc: di, label, features: coordFeatures(s.tokens, start, conj, end, lexicon, { words, sentence: si }) });
    };
    for (const c of chunks) {
      for (let i = c.start + 1; i < c.end - 1; i++) if (s.tokens[i] === 'and' || s.tokens[i] === '&') add(c.start, i, c.end, 0);
    }
    for (let k = 0; k + 1 < chunks.length; k++) {
      const [a, b] = [chunks[k]!, chunks[k + 1]!];
      if (b.start === a.end + 1 && (s.tokens[a.end] === 'and' || s.tokens[a.end] === '&')) add(a.start, a.end, b.end, 1);
    }
  });
});
// How often the one shape splitCoordinations judges ("[A and B] [C]") is in the gold of the labelled and check sets.
let shapes = 0;
let tokens = 0;
for (const d of [...sets.labelled, ...sets.checks.flatMap((c) => c.docs)]) {
  for (const s of d.sentences) {
    const chunks = tagsToChunks(s.tags);
    tokens += s.tokens.length;
    shapes += chunks.filter((_, k) => coordinationShape(chunks, k, s.tokens) >= 0).length;
  }
}
console.log(`the shape "[A and B] [C]" in the gold: ${shapes} times in ${tokens} tokens (labelled and check sets)`);
const positives = examples.filter((e) => e.label === 1).length;
console.log(`${examples.length} examples: ${positives} two names, ${examples.length - positives} one name`);

/** Full-batch gradient descent on the L2-regularised log loss; deterministic. */
function train(data: Example[], l2: number): CoordModel {
  const w = new Map<string, number>();
  let bias = 0;
  const rate = 0.5;
  for (let it = 0; it < 400; it++) {
    const grad = new Map<string, number>();
    let gb = 0;
    for (const e of data) {
      let z = bias;
      for (const f of e.features) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - e.label;
      gb += g;
      for (const f of e.features) grad.set(f, (grad.get(f) ?? 0) + g);
    }
    bias -= (rate * gb) / data.length;
    for (const f of new Set([...grad.keys(), ...w.keys()])) {
      const v = w.get(f) ?? 0;
      w.set(f, v - rate * (((grad.get(f) ?? 0) + l2 * v) / data.length));
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) > 1e-4) weights[f] = Math.round(v * 1e4) / 1e4;
  return { version: VERSION, threshold: THRESHOLD, bias: Math.round(bias * 1e4) / 1e4, weights };
}

let best = { l2: 0, loss: Infinity };
for (const l2 of [0.1, 1, 3, 10]) {
  let loss = 0;
  let right = 0;
  for (let fold = 0; fold < 5; fold++) {
    const m = train(
      examples.filter((e) => e.doc % 5 !== fold),
      l2,
    );
    for (const e of examples.filter((x) => x.doc % 5 === fold)) {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, coordProbability(m, e.features)));
      loss -= e.label ? Math.log(p) : Math.log(1 - p);
      if (p > 0.5 === (e.label === 1)) right++;
    }
  }
  console.log(`l2 ${l2}: cross-validated log loss ${(loss / examples.length).toFixed(4)}, accuracy ${(right / examples.length).toFixed(4)}`);
  if (loss < best.loss) best = { l2, loss };
}
const model = train(examples, best.l2);
if (protocol === 'tune') {
  const checks = sets.checks.filter((c) => c.name.endsWith('train-tune'));
  const f1 = (m?: CoordModel): string => checks.map((c) => prf(scoreCheck(c, recognizerFromModel(nerModel, m)).counts.overall).f1.toFixed(4)).join(' / ');
  console.log(`no split: ${f1()} (${checks.map((c) => c.name).join(' / ')})`);
  for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98]) console.log(`threshold ${threshold}: ${f1({ ...model, threshold })}`);
}
if (process.env.COORD_SHAPES === '1') {
  const rec = recognizerFromModel(nerModel);
  for (const check of sets.checks) {
    let found = 0;
    for (const doc of check.docs) {
      const r = rebuildText(doc);
      const spans = rec.recognize(r.text, r.sentences);
      doc.sentences.forEach((s, i) => {
        const chunks = tagsToChunks(sentenceTags(spans, r, i));
        found += chunks.filter((_, k) => coordinationShape(chunks, k, s.tokens) >= 0).length;
      });
    }
    console.log(`the shape in the NER's chunks without the split, ${check.name}: ${found}`);
  }
}
if (protocol !== 'tune' || process.env.COORD_OUT) {
  writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`l2 ${best.l2}: wrote ${out} (${Object.keys(model.weights).length} weights)`);
}
