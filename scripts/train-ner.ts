// Trains the shipped NER model: `npm run train:ner` reads /work/shared/data (or $CABLEGRAPH_DATA) and writes models/ner-en.bin.gz.
// NER_PROTOCOL=tune trains without the tune parts and scores them instead of the dev sets (models/MODEL_CARD.md, "Protocol").
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FeatureExtractor, type Lexicon } from '../src/nlp/ner/features.js';
import { averageResults, trainPerceptron } from '../src/nlp/ner/perceptron.js';
import { MODEL_TAGS } from '../src/nlp/ner/tags.js';
import { parseNameBonus, saveModel } from '../src/nlp/ner/model-io.js';
import { WeightTable } from '../src/nlp/ner/weight-table.js';
import { prf, formatCounts } from '../src/nlp/ner/score.js';
import { recognizerFromModel, MODEL_FILE, findPackageRoot, type Recognizer } from '../src/nlp/ner/index.js';
import type { NerModel } from '../src/nlp/ner/tagger.js';
import type { PerceptronResult } from '../src/nlp/ner/perceptron.js';
import { buildGazetteer, nameTokenRoles } from './ner-gazetteers.js';
import { capitalisationBuckets, isRunningText, readIfPresent, toPartialDocs, toTrainingDocs, unlabelledSentences } from './ner-corpus.js';
import { computeClusters } from './ner-clusters.js';
import { gloveClusters, parseGloveSpec } from './glove-clusters.js';
import { extraUnlabelled, nerSets, scoreCheck, type Protocol } from './ner-sets.js';

// `--lang fa|ar` (or NER_LANG) trains the Persian or Arabic model instead (scripts/train-ner-script.ts); English is the default.
const langArg = process.argv.indexOf('--lang');
const lang = langArg > 0 ? process.argv[langArg + 1] : process.env.NER_LANG ?? 'en';
if (lang === 'fa' || lang === 'ar') {
  const { trainScriptModel } = await import('./train-ner-script.js');
  trainScriptModel(lang);
  process.exit(0);
} else if (lang !== 'en') throw new Error(`unknown --lang ${lang}: use en, fa or ar`);

const root = findPackageRoot();
const dataDir = process.env.CABLEGRAPH_DATA ?? join(root, '..', 'shared', 'data');
const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const epochs = env('NER_EPOCHS', 12);
const protocol = (process.env.NER_PROTOCOL ?? 'final') as Protocol;
const out = process.env.NER_OUT ?? join(root, 'models', MODEL_FILE);
const log = (s: string): void => console.log(`[${process.uptime().toFixed(0)}s] ${s}`);
if (!existsSync(join(dataDir, 'conll2003/train.txt'))) throw new Error(`no training data under ${dataDir}`);

const { labelled, checks } = nerSets(dataDir, protocol);
log(`protocol ${protocol}: ${labelled.length} labelled documents; checks: ${checks.map((c) => `${c.name} (${c.docs.length})`).join(', ')}`);

const gazetteer = buildGazetteer(dataDir);
log(`gazetteer phrases: ${gazetteer.size}`);
const unlabelled = [...unlabelledSentences(dataDir, [...new Set(labelled)]), ...(process.env.NER_EXTRA_TEXT === '1' ? extraUnlabelled(dataDir) : [])];
log(`unlabelled sentences: ${unlabelled.length}`);
const lexicon: Lexicon = {
  gazetteer,
  capBuckets: capitalisationBuckets(unlabelled),
  clusters: process.env.NER_NO_CLUSTERS ? new Map() : computeClusters(unlabelled, log),
  nameTokens: process.env.NER_NAME_TOKENS === '1' ? nameTokenRoles(dataDir) : new Map(),
};
// NER_GLOVE=250,50 (the default since -6): GloVe clusters (counts fine to coarse) of the NER_GLOVE_WORDS most frequent
// GloVe words as features of their own; NER_GLOVE_CASE=1 also conjoins them with the word's case class; NER_GLOVE=0:
// none (the -5 recipe, with NER_VERSION=5). See models/MODEL_CARD.md.
const gloveSpec = parseGloveSpec(process.env.NER_GLOVE ?? '250,50', 'NER_GLOVE');
if (gloveSpec) {
  lexicon.glove = gloveClusters({ levels: gloveSpec.levels, words: env('NER_GLOVE_WORDS', 100_000) }, log);
  if (process.env.NER_GLOVE_CASE === '1') lexicon.gloveCase = true;
}
log(`cap buckets: ${lexicon.capBuckets.size}, clustered words: ${lexicon.clusters.size}, GloVe words: ${lexicon.glove?.size ?? 0}, name-token roles: ${lexicon.nameTokens!.size}`);

const extractor = new FeatureExtractor(lexicon);
const version = `cablegraph-ner-en-${process.env.NER_VERSION ?? '6'}`;
const asModel = (p: PerceptronResult): NerModel => ({
  version,
  tags: MODEL_TAGS,
  table: new WeightTable(p.keys, p.weights, MODEL_TAGS.length),
  transitions: p.transitions,
  lexicon,
  extractor,
});
const f1Line = (rec: Recognizer): string => checks.map((c) => `${c.name} ${prf(scoreCheck(c, rec).counts.overall).f1.toFixed(4)}`).join(', ');
const evalEvery = env('NER_EVAL_EVERY', 12);
const seeds = (process.env.NER_SEED_LIST ?? '20260321,7,1234567').split(',').map(Number).slice(0, env('NER_SEEDS', 3));
// WikiANN-en train as silver data (no MISC: partial labels), every k-th sentence; NER_WIKIANN_EVERY=0 leaves it out.
const wikiannEvery = env('NER_WIKIANN_EVERY', 0);
const silverDomain = process.env.NER_WIKIANN_DOMAIN === '0' ? 0 : 0x5117e4;
// Fragments (titles, list items) are kept one in NER_WIKIANN_FRAGMENTS (0: none): they carry many names, but teach
// that short capitalised lines are names, which menus and headlines are not.
const fragmentsEvery = env('NER_WIKIANN_FRAGMENTS', 1);
const wikiann = readIfPresent(join(dataDir, 'wikiann-en/train.txt'))
  .filter((d, i) => i % wikiannEvery === 0 && (isRunningText(d.sentences[0]!.tokens) || (fragmentsEvery > 0 && i % fragmentsEvery === 0)));
const silver = (wikiannEvery > 0 ? toPartialDocs(wikiann, ['MISC'], process.env.NER_PARTIAL_ALL === '1') : [])
  .map((d) => ({ ...d, domain: silverDomain, ...(process.env.NER_SILVER_WORD_DROPOUT ? { wordDropout: env('NER_SILVER_WORD_DROPOUT', 0) } : {}) }));
const trainingDocs = [...toTrainingDocs(labelled), ...silver];
log(`training documents: ${trainingDocs.length} (silver ${silver.length})`);
const runs = seeds.map((seed) =>
  trainPerceptron(trainingDocs, MODEL_TAGS, extractor, {
    epochs,
    seed,
    minCount: env('NER_MIN_COUNT', 2),
    dropout: env('NER_DROPOUT', 0),
    wordDropout: env('NER_WORD_DROPOUT', 0),
    log,
    onEpoch: (epoch, p) => {
      if (epoch % evalEvery === 0 || epoch === epochs) log(`seed ${seed} epoch ${epoch}: ${f1Line(recognizerFromModel(asModel(p)))}`);
    },
  }),
);
// Several shuffles averaged into one linear model when NER_SEEDS > 1.
const params = runs.length === 1 ? runs[0]! : averageResults(runs);
const final = recognizerFromModel(asModel(params));
for (const c of checks) {
  log(`final model, ${c.name}:`);
  for (const line of formatCounts(scoreCheck(c, final).counts)) log(line);
}
log(`SUMMARY ${f1Line(final)}`);
mkdirSync(dirname(out), { recursive: true });
// NER_NAME_BONUS=PER=x,ORG=y,...: the name bonus chosen on the tune parts (scripts/ner-bias.ts), kept in the file.
const nameBonus = process.env.NER_NAME_BONUS ? parseNameBonus(process.env.NER_NAME_BONUS) : undefined;
const rows = saveModel(out, { version, params, lexicon, pruneBelow: env('NER_PRUNE', 0.05), nameBonus });
log(`wrote ${out}: ${rows} feature rows of ${params.keys.length}, ${(statSync(out).size / 1e6).toFixed(1)} MB`);
