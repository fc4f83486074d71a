// Trains the shipped parse model: `npm run train:parse` reads UD English EWT (and unlabelled text for word clusters)
// from ../shared/data (or $CABLEGRAPH_DATA) and writes models/parse-en.bin.gz. Deterministic: same input, same bytes.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConllu, type ConlluWord } from '../src/nlp/parse/conllu.js';
import { Annotator } from '../src/nlp/parse/annotate.js';
import { formatScores, scoreParser } from '../src/nlp/parse/eval.js';
import { parserFromModel, PARSE_MODEL_FILE, defaultParseModelDir } from '../src/nlp/parse/index.js';
import { learnLemmatiser } from '../src/nlp/parse/lemmatiser.js';
import { UPOS_TAGS, type ParseModel } from '../src/nlp/parse/model.js';
import { loadParseModel, saveParseModel } from '../src/nlp/parse/model-io.js';
import { makeView, type ParserModel } from '../src/nlp/parse/parser.js';
import { averageWeights } from '../src/nlp/parse/perceptron.js';
import { projectivise } from '../src/nlp/parse/projective.js';
import { tagSentence, tagTwoPass, trainTagger, type TagAlternatives, type TaggedSentence } from '../src/nlp/parse/tagger.js';
import { trainParser, type ParseExample } from '../src/nlp/parse/train-parser.js';
import { trainingSentences, type TrainSentence } from '../src/nlp/parse/training-data.js';
import { InlineTable, WeightTable } from '../src/nlp/parse/weights.js';
import { computeClusters } from './ner-clusters.js';
import { gloveClusters, parseGloveSpec } from './glove-clusters.js';
import { capitalisationBuckets, factbookTexts, readIfPresent } from './ner-corpus.js';
import { learnTagClasses } from '../src/nlp/parse/lexicon.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';

const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const root = join(defaultParseModelDir(), '..');
const dataDir = process.env.CABLEGRAPH_DATA ?? join(root, '..', 'shared', 'data');
const ewt = join(dataDir, 'ud-english-ewt');
const out = process.env.PARSE_OUT ?? join(root, 'models', PARSE_MODEL_FILE);
const version = `cablegraph-parse-en-${process.env.PARSE_VERSION ?? '2'}`;
const log = (s: string): void => console.log(`[${process.uptime().toFixed(0)}s] ${s}`);
if (!existsSync(join(ewt, 'train.conllu'))) throw new Error(`no UD English EWT under ${dataDir}`);

const train = readConllu(join(ewt, 'train.conllu'));
const dev = readConllu(join(ewt, 'dev.conllu'));
const folds = env('PARSE_FOLDS', 10);
const { data, stats } = trainingSentences(train, folds);
log(`train ${stats.sentences} sentences + ${stats.retokenised} re-tokenised + ${stats.upper} all-caps + ${stats.noFinalPunct} without final punctuation; dev ${dev.length}`);

/** Unlabelled text for the clusters, permissively licensed only (the model ships under CC BY-SA 4.0). */
function unlabelled(): string[][] {
  const sents: string[][] = train.map((s) => s.words.map((w) => w.form));
  for (const text of factbookTexts(dataDir)) for (const s of splitSentences(text)) sents.push(tokenize(text, s.start, s.end).map((t) => t.text));
  for (const f of ['wikigold/train.txt', 'wnut17/train.txt']) for (const d of readIfPresent(join(dataDir, f))) for (const s of d.sentences) sents.push(s.tokens);
  const re = join(dataDir, 'redocred/dev.jsonl');
  if (existsSync(re)) for (const line of readFileSync(re, 'utf8').split('\n')) if (line.trim()) sents.push(...(JSON.parse(line) as { sents: string[][] }).sents);
  return sents;
}
const text = unlabelled();
log(`unlabelled: ${text.length} sentences, ${text.reduce((n, s) => n + s.length, 0)} tokens`);
// GloVe clusters (PARSE_GLOVE=fine,coarse[@words], e.g. 1000,200 of the 50,000 most frequent GloVe words; default 0 =
// none): features of the tagger, and of the parser unless PARSE_GLOVE_PARSER=0. With them, the clusters of our own
// unlabelled text are left out (PARSE_NO_CLUSTERS=0 keeps both). The shipped -2 model is trained without them:
// `PARSE_GLOVE=1000,200 PARSE_VERSION=3` gives -3, better on EWT but not on relations end to end (MODEL_CARD).
const gloveSpec = parseGloveSpec(process.env.PARSE_GLOVE ?? '0');
const clusters = env('PARSE_NO_CLUSTERS', gloveSpec ? 1 : 0) ? new Map<string, number[]>() : computeClusters(text, log);
const glove = gloveSpec ? gloveClusters(gloveSpec, log) : new Map<string, number[]>();
const parserGlove = glove.size > 0 && env('PARSE_GLOVE_PARSER', 1) !== 0;
const upos = UPOS_TAGS;
const lexicon = { clusters, capBuckets: capitalisationBuckets(text), tagClasses: learnTagClasses(data.flatMap((s) => s.words), upos), ...(glove.size ? { glove } : {}) };
log(`lexicon: ${clusters.size} clustered words, ${lexicon.capBuckets.size} capitalisation buckets, ${lexicon.tagClasses.size} ambiguity classes${glove.size ? `, ${glove.size} GloVe-clustered words (${parserGlove ? 'tagger and parser' : 'tagger only'})` : ''}`);

const lemmatiser = learnLemmatiser(data.flatMap((s) => s.words));
const tagIndex = new Map(upos.map((t, i) => [t, i]));
const empty = new WeightTable(new Uint32Array(0), new Float32Array(0), upos.length);
const deprels = [...new Set(train.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
const withGlove = (p: ParserModel): ParserModel => (parserGlove ? { ...p, glove: true } : p);
const placeholder = (): ParseModel => ({ version, upos, tagger: empty, lemmatiser, lexicon, parser: withGlove({ actions: null as never, labels: null as never, deprels, root: deprels.indexOf('root'), candidates: new Map() }) });
const annot = new Annotator(placeholder());
const tagged = (words: readonly ConlluWord[]): TaggedSentence => ({
  infos: annot.infos(words.map((w) => w.form)),
  gold: Int32Array.from(words, (w) => tagIndex.get(w.upos) ?? tagIndex.get('X')!),
  capsLine: false,
});
const tagAccuracy = (table: WeightTable, sents: readonly TaggedSentence[], second?: WeightTable): number => {
  let ok = 0;
  let n = 0;
  for (const s of sents) tagTwoPass(table, second, s.infos).forEach((t, i) => ((n += 1), (ok += t === s.gold[i] ? 1 : 0)));
  return ok / n;
};
const tagEpochs = env('PARSE_TAG_EPOCHS', 10);
const devTagged = dev.map((s) => tagged(s.words));
const allTagged = data.map((s) => tagged(s.words));

// Jackknifing: each fold is tagged by a tagger trained on the other folds, so the parser trains on tags as noisy as
// the ones it will see.
let predicted: Int32Array[] = new Array(data.length);
let alternatives: TagAlternatives[] = data.map((s) => ({ second: new Int32Array(s.words.length), margin: new Float32Array(s.words.length) }));
const firstPass: WeightTable[] = [];
for (let f = 0; f < folds; f++) {
  const inFold = (s: TrainSentence): boolean => s.fold === f;
  const table = trainTagger(allTagged.filter((_, i) => !inFold(data[i]!)), { classes: upos.length, epochs: tagEpochs, seed: 11 + f });
  firstPass.push(table);
  data.forEach((s, i) => {
    if (inFold(s)) predicted[i] = tagSentence(table, allTagged[i]!.infos, false, alternatives[i]);
  });
  log(`jackknife fold ${f + 1}/${folds}: tagger on the other folds, dev UPOS ${tagAccuracy(table, devTagged).toFixed(4)}`);
}
const tagger = trainTagger(allTagged, {
  classes: upos.length,
  epochs: tagEpochs,
  seed: 7,
  onEpoch: (e, t) => log(`tagger epoch ${e}: dev UPOS ${tagAccuracy(t(), devTagged).toFixed(4)}`),
});
const jackknifedAccuracy = (tags: readonly Int32Array[]): string => {
  let ok = 0;
  let n = 0;
  data.forEach((s, i) => s.words.forEach((w, k) => ((n += 1), (ok += tags[i]![k] === tagIndex.get(w.upos) ? 1 : 0))));
  return (ok / n).toFixed(4);
};
log(`jackknifed train UPOS ${jackknifedAccuracy(predicted)}`);

// Two-pass tagger (PARSE_TWO_PASS=1): a second tagger reads the first pass's tags of the word and the next two. It
// trains on jackknifed first-pass tags (as noisy as at inference), and is jackknifed in turn for the parser's tags.
let tagger2: WeightTable | undefined;
if (env('PARSE_TWO_PASS', 0)) {
  const ahead = allTagged.map((s, i): TaggedSentence => ({ ...s, ahead: predicted[i]! }));
  const predicted2: Int32Array[] = new Array(data.length);
  const alternatives2 = data.map((s) => ({ second: new Int32Array(s.words.length), margin: new Float32Array(s.words.length) }));
  for (let f = 0; f < folds; f++) {
    const table = trainTagger(ahead.filter((_, i) => data[i]!.fold !== f), { classes: upos.length, epochs: tagEpochs, seed: 31 + f });
    data.forEach((s, i) => {
      if (s.fold === f) predicted2[i] = tagSentence(table, allTagged[i]!.infos, false, alternatives2[i], predicted[i]!);
    });
    log(`second pass fold ${f + 1}/${folds}: dev UPOS ${tagAccuracy(firstPass[f]!, devTagged, table).toFixed(4)}`);
  }
  tagger2 = trainTagger(ahead, {
    classes: upos.length,
    epochs: tagEpochs,
    seed: 17,
    onEpoch: (e, t) => log(`second pass epoch ${e}: dev UPOS ${tagAccuracy(tagger, devTagged, t()).toFixed(4)}`),
  });
  log(`jackknifed train UPOS, two passes: ${jackknifedAccuracy(predicted2)}`);
  predicted = predicted2;
  alternatives = alternatives2;
}

const deprelIndex = new Map(deprels.map((d, i) => [d, i]));
let lifted = 0;
const examples: ParseExample[] = data.map((s, i) => {
  const tags = predicted[i]!;
  const lemmas = s.words.map((w, k) => lemmatiser.lemma(w.form, upos[tags[k]!]!));
  const proj = projectivise(s.words.map((w) => w.head));
  lifted += proj.lifted;
  const n = s.words.length;
  return {
    view: makeView(allTagged[i]!.infos, tags, lemmas, upos, alternatives[i], parserGlove, clusters.size > 0),
    gold: Int32Array.from(proj.heads, (h) => (h < 0 ? n : h)),
    goldLabel: Int32Array.from(s.words, (w) => deprelIndex.get(w.deprel)!),
  };
});
log(`parser examples ${examples.length}; ${lifted} non-projective arcs lifted to make the trees projective`);

let model: ParseModel = placeholder();
// Several shuffles averaged into one linear model (same speed, less variance than any single run).
const seeds = [20260321, 7, 1234567].slice(0, env('PARSE_SEEDS', 3));
const runs = seeds.map((seed) =>
  trainParser(examples, {
    epochs: env('PARSE_EPOCHS', 8),
    seed,
    explore: env('PARSE_EXPLORE', 0.9),
    deprels,
    log,
    onEpoch: (epoch, m) => {
      if (epoch % env('PARSE_EVAL_EVERY', 4) !== 0) return;
      const s = scoreParser(parserFromModel({ ...model, tagger, ...(tagger2 ? { tagger2 } : {}), parser: withGlove(m()) }), dev);
      log(`seed ${seed} epoch ${epoch} dev: UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)} (universal ${s.lasUniversal.toFixed(4)}) UPOS ${s.upos.toFixed(4)} lemma ${s.lemma.toFixed(4)}; ${Math.round(s.words / s.seconds)} tokens/s`);
    },
  }),
);
const actions = averageWeights(runs.map((r) => r.actions));
const labels = averageWeights(runs.map((r) => r.labels));
const parserModel: ParserModel = withGlove({
  ...runs[0]!,
  actions: new InlineTable(actions.keys, actions.weights, runs[0]!.actions.classes),
  labels: new WeightTable(labels.keys, labels.weights, runs[0]!.labels.classes),
});
model = { ...model, tagger, ...(tagger2 ? { tagger2 } : {}), parser: parserModel };
mkdirSync(join(root, 'models'), { recursive: true });
const rows = saveParseModel(out, model, [env('PARSE_PRUNE_TAG', 0.5), env('PARSE_PRUNE_ACT', 1), env('PARSE_PRUNE_LAB', 1)]);
log(`wrote ${out}: rows tagger ${rows[0]}, actions ${rows[1]}, labels ${rows[2]}${rows[3] ? `, second-pass tagger ${rows[3]}` : ''}; ${(statSync(out).size / 1e6).toFixed(1)} MB`);
log(`saved model on dev:\n${formatScores(scoreParser(parserFromModel(loadParseModel(out)), dev), version)}`);
