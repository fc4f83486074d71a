// Trains the Persian or Arabic NER model (`npm run train:ner -- --lang fa|ar`, or NER_LANG=fa): the averaged
// perceptron of the English model with caseless Arabic-script features, on the sets of scripts/ner-arabic-sets.ts;
// writes models/ner-<lang>.bin.gz and logs dev F1 (PER/ORG/LOC) per set. Deterministic for fixed settings.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FeatureExtractor, type Lexicon } from '../src/nlp/ner/features.js';
import { averageResults, trainPerceptron, type PerceptronResult } from '../src/nlp/ner/perceptron.js';
import { parseNameBonus, saveModel } from '../src/nlp/ner/model-io.js';
import { WeightTable } from '../src/nlp/ner/weight-table.js';
import { formatCounts, prf } from '../src/nlp/ner/score.js';
import { NAME_TYPES, scoreDocuments } from '../src/nlp/ner/eval.js';
import { findPackageRoot, modelFileFor, recognizerFromModel, type Recognizer } from '../src/nlp/ner/index.js';
import type { NerModel } from '../src/nlp/ner/tagger.js';
import { CliticSplitter } from '../src/nlp/arabic-tokenize.js';
import { computeClusters } from './ner-clusters.js';
import { buildTrainNames, crossFoldTrainNames } from './ner-train-names.js';
import { buildScriptGazetteer, retokenise, scriptSets, SCRIPT_TAGS, toScriptTrainingDocs, wordCounts } from './ner-arabic-sets.js';

/** Trains and writes the model of `lang`; returns the dev F1 per set. */
export function trainScriptModel(lang: 'fa' | 'ar'): Record<string, number> {
  const root = findPackageRoot();
  const dataDir = process.env.CABLEGRAPH_DATA ?? join(root, '..', 'shared', 'data');
  const env = (k: string, d: number): number => Number(process.env[k] ?? d);
  const log = (s: string): void => console.log(`[${process.uptime().toFixed(0)}s] ${s}`);
  const only = process.env.NER_SETS?.split(',');
  // NER_PROTOCOL=tune: trained without the last tenth of each training part, which is scored instead of dev.
  const protocol = process.env.NER_PROTOCOL === 'tune' ? 'tune' : 'final';
  const sets = scriptSets(dataDir, lang, env('NER_DOC_SENTENCES', 1), protocol).filter((s) => !only || only.includes(s.name.replace(/ train-tune$/, '')));
  if (sets.length === 0) throw new Error(`no ${lang} training data under ${dataDir}`);
  const train = sets.flatMap((s) => s.train);
  // Clitics are split in Arabic only: Persian writes its prepositions and "و" apart.
  const counts = wordCounts(train);
  const splitter = lang === 'ar' && process.env.NER_NO_CLITICS !== '1' ? new CliticSplitter(counts) : undefined;
  const trainDocs = retokenise(train, splitter);
  const unlabelled = trainDocs.flatMap((d) => d.sentences.map((s) => s.tokens));
  const lexicon: Lexicon = {
    script: 'arabic',
    gazetteer: process.env.NER_NO_GAZETTEER === '1' ? buildScriptGazetteer('/nonexistent') : buildScriptGazetteer(dataDir),
    capBuckets: new Map(),
    clusters: process.env.NER_NO_CLUSTERS === '1' ? new Map() : computeClusters(unlabelled, log),
    nameTokens: new Map(),
  };
  // The names of the training text as a list feature, learnt cross-fold over NER_TRAIN_NAMES folds (0: no list).
  const folds = env('NER_TRAIN_NAMES', 5);
  if (folds > 1) lexicon.trainNames = buildTrainNames(trainDocs);
  if (splitter) lexicon.wordCounts = new Map([...counts].filter(([, n]) => n >= 2));
  log(`${lang}: ${sets.map((s) => `${s.name} train ${s.train.length} dev ${s.dev.length}`).join(', ')}; gazetteer ${lexicon.gazetteer.size}, clustered ${lexicon.clusters.size}`);
  const extractor = new FeatureExtractor(lexicon);
  const version = `cablegraph-ner-${lang}-${process.env.NER_VERSION ?? '2'}`;
  const asModel = (p: PerceptronResult): NerModel => ({
    version, tags: SCRIPT_TAGS, table: new WeightTable(p.keys, p.weights, SCRIPT_TAGS.length), transitions: p.transitions, lexicon, extractor,
  });
  const score = (rec: Recognizer): Array<[string, ReturnType<typeof scoreDocuments>]> =>
    sets.filter((s) => s.dev.length > 0).map((s) => [s.name, scoreDocuments(s.dev, rec, { onlyTypes: NAME_TYPES })]);
  const f1Line = (rec: Recognizer): string => score(rec).map(([n, r]) => `${n} ${prf(r.counts.overall).f1.toFixed(4)}`).join(', ');
  const epochs = env('NER_EPOCHS', 10);
  const evalEvery = env('NER_EVAL_EVERY', 5);
  const seeds = (process.env.NER_SEED_LIST ?? '20260321,7,1234567').split(',').map(Number).slice(0, env('NER_SEEDS', 1));
  // NER_DOMAINS=1: every set but the first (the news set whose conventions the model keeps) trains its own copies of
  // the features (feature augmentation), which absorb its labelling conventions; inference reads the shared weights.
  const docs = process.env.NER_DOMAINS === '1'
    ? sets.flatMap((s, k) => toScriptTrainingDocs(retokenise(s.train, splitter)).map((d) => (k === 0 ? d : { ...d, domain: 0x51ed0 + k })))
    : toScriptTrainingDocs(trainDocs);
  if (folds > 1) crossFoldTrainNames(trainDocs, folds).forEach((list, i) => (docs[i]!.trainNames = list));
  const runs = seeds.map((seed) => trainPerceptron(docs, SCRIPT_TAGS, extractor, {
    epochs, seed, minCount: env('NER_MIN_COUNT', 2), dropout: env('NER_DROPOUT', 0), wordDropout: env('NER_WORD_DROPOUT', 0), log,
    onEpoch: (epoch, p) => {
      if (epoch % evalEvery === 0 || epoch === epochs) log(`seed ${seed} epoch ${epoch}: ${f1Line(recognizerFromModel(asModel(p)))}`);
    },
  }));
  const params = runs.length === 1 ? runs[0]! : averageResults(runs);
  const final = recognizerFromModel(asModel(params));
  const out: Record<string, number> = {};
  for (const [name, r] of score(final)) {
    log(`final model, ${name} dev (PER/ORG/LOC):`);
    for (const line of formatCounts(r.counts)) log(line);
    out[name] = prf(r.counts.overall).f1;
  }
  log(`SUMMARY ${f1Line(final)}`);
  const path = process.env.NER_OUT ?? join(root, 'models', modelFileFor(lang));
  mkdirSync(dirname(path), { recursive: true });
  // NER_NAME_BONUS=PER=x,ORG=y,LOC=z: the name bonus chosen on the tune parts (scripts/ner-bias.ts), kept in the file.
  const nameBonus = process.env.NER_NAME_BONUS ? parseNameBonus(process.env.NER_NAME_BONUS) : undefined;
  const rows = saveModel(path, { version, params, lexicon, pruneBelow: env('NER_PRUNE', 0.05), nameBonus });
  log(`wrote ${path}: ${rows} feature rows of ${params.keys.length}, ${(statSync(path).size / 1e6).toFixed(1)} MB`);
  return out;
}
