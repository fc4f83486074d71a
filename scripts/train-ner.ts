// Trains the shipped NER model: `npm run train:ner` reads /work/shared/data (or $CABLEGRAPH_DATA) and writes models/ner-en.bin.gz.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureExtractor, type Lexicon } from '../src/nlp/ner/features.js';
import { averageResults, trainPerceptron } from '../src/nlp/ner/perceptron.js';
import { MODEL_TAGS } from '../src/nlp/ner/tags.js';
import { saveModel } from '../src/nlp/ner/model-io.js';
import { WeightTable } from '../src/nlp/ner/weight-table.js';
import { scoreDocuments } from '../src/nlp/ner/eval.js';
import { prf, formatCounts } from '../src/nlp/ner/score.js';
import { recognizerFromModel, MODEL_FILE, findPackageRoot } from '../src/nlp/ner/index.js';
import type { NerModel } from '../src/nlp/ner/tagger.js';
import type { PerceptronResult } from '../src/nlp/ner/perceptron.js';
import { buildGazetteer } from './ner-gazetteers.js';
import { capitalisationBuckets, joinHyphens, normaliseRe3d, readIfPresent, splitRe3d, toTrainingDocs, unlabelledSentences } from './ner-corpus.js';
import { computeClusters } from './ner-clusters.js';

const root = findPackageRoot();
const dataDir = process.env.CABLEGRAPH_DATA ?? join(root, '..', 'shared', 'data');
const epochs = Number(process.env.NER_EPOCHS ?? 12);
const out = process.env.NER_OUT ?? join(root, 'models', MODEL_FILE);
const log = (s: string): void => console.log(`[${(process.uptime()).toFixed(0)}s] ${s}`);
if (!existsSync(join(dataDir, 'conll2003/train.txt'))) throw new Error(`no training data under ${dataDir}`);

const conllTrain = readIfPresent(join(dataDir, 'conll2003/train.txt'));
const conllDev = readIfPresent(join(dataDir, 'conll2003/dev.txt'));
const wikigoldDev = readIfPresent(join(dataDir, 'wikigold/dev.txt'));
const wikigold = readIfPresent(join(dataDir, 'wikigold/train.txt'));
const re3dRaw = joinHyphens(readIfPresent(join(dataDir, 're3d/train.conll.txt')));
const re3d = { train: splitRe3d(normaliseRe3d(re3dRaw)).train, heldOut: splitRe3d(normaliseRe3d(re3dRaw, false)).heldOut };
const labelled = [...conllTrain, ...wikigold, ...re3d.train];
log(`documents: conll ${conllTrain.length}, wikigold ${wikigold.length}, re3d ${re3d.train.length} (held out ${re3d.heldOut.length})`);

const gazetteer = buildGazetteer(dataDir);
log(`gazetteer phrases: ${gazetteer.size}`);
const unlabelled = unlabelledSentences(dataDir, labelled);
log(`unlabelled sentences: ${unlabelled.length}`);
const lexicon: Lexicon = {
  gazetteer,
  capBuckets: capitalisationBuckets(unlabelled),
  clusters: process.env.NER_NO_CLUSTERS ? new Map() : computeClusters(unlabelled, log),
};
log(`cap buckets: ${lexicon.capBuckets.size}, clustered words: ${lexicon.clusters.size}`);

const extractor = new FeatureExtractor(lexicon);
const version = `cablegraph-ner-en-${process.env.NER_VERSION ?? '5'}`;
const asModel = (p: PerceptronResult): NerModel => ({
  version,
  tags: MODEL_TAGS,
  table: new WeightTable(p.keys, p.weights, MODEL_TAGS.length),
  transitions: p.transitions,
  lexicon,
  extractor,
});
const evalEvery = Number(process.env.NER_EVAL_EVERY ?? 12);
const seeds = [20260321, 7, 1234567].slice(0, Number(process.env.NER_SEEDS ?? 3));
const trainingDocs = toTrainingDocs(labelled);
const runs = seeds.map((seed) =>
  trainPerceptron(trainingDocs, MODEL_TAGS, extractor, {
    epochs,
    seed,
    minCount: Number(process.env.NER_MIN_COUNT ?? 2),
    log,
    onEpoch: (epoch, p) => {
      if (epoch % evalEvery !== 0 && epoch !== epochs) return;
      const rec = recognizerFromModel(asModel(p));
      const dev = scoreDocuments(conllDev, rec);
      const r3 = scoreDocuments(re3d.heldOut, rec);
      const wg = scoreDocuments(wikigoldDev, rec);
      const f = (c: typeof dev): string => prf(c.counts.overall).f1.toFixed(4);
      log(`seed ${seed} epoch ${epoch}: CoNLL dev F1 ${f(dev)}, wikigold dev ${f(wg)}, re3d held-out ${f(r3)}; ${Math.round(dev.tokensPerSecond)} tokens/s`);
    },
  }),
);
// Several shuffles averaged into one linear model when NER_SEEDS > 1.
const params = runs.length === 1 ? runs[0]! : averageResults(runs);
const final = recognizerFromModel(asModel(params));
for (const [name, docs] of [['CoNLL dev', conllDev], ['wikigold dev', wikigoldDev], ['re3d held-out', re3d.heldOut]] as const) {
  log(`final model, ${name}:`);
  for (const line of formatCounts(scoreDocuments(docs, final).counts)) log(line);
}
mkdirSync(join(root, 'models'), { recursive: true });
const rows = saveModel(out, { version, params, lexicon, pruneBelow: Number(process.env.NER_PRUNE ?? 0.05) });
log(`wrote ${out}: ${rows} feature rows of ${params.keys.length}, ${(statSync(out).size / 1e6).toFixed(1)} MB`);
