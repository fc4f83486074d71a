// GloVe clusters in the parse model: looked up by the lower-cased spelling, learnt across a cluster by the tagger
// and (when the model says so) by the parser, and kept by the model file; a model without them keeps its old bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from '../../src/nlp/random.js';
import { Lemmatiser } from '../../src/nlp/parse/lemmatiser.js';
import { UPOS_TAGS, type ParseModel } from '../../src/nlp/parse/model.js';
import { loadParseModel, saveParseModel } from '../../src/nlp/parse/model-io.js';
import { makeView, parseSentence, ParserScratch } from '../../src/nlp/parse/parser.js';
import { unlabelled, UNLABELLED_FEATURES } from '../../src/nlp/parse/parser-features.js';
import { ParseState } from '../../src/nlp/parse/transitions.js';
import { tagSentence, trainTagger, type TaggedSentence } from '../../src/nlp/parse/tagger.js';
import { trainParser, type ParseExample } from '../../src/nlp/parse/train-parser.js';
import { InlineTable, WeightTable } from '../../src/nlp/parse/weights.js';
import { WordCache, type Lexicon } from '../../src/nlp/parse/words.js';

const K = UPOS_TAGS.length;
const tag = (t: string): number => UPOS_TAGS.indexOf(t);
const rand = seededRandom(42);
/** A fresh made-up spelling (no shared suffixes or prefixes to learn from). */
const letters = 'bcdfghjklmnpqrstvwxz';
const fresh = (): string => Array.from({ length: 7 }, () => letters[Math.floor(rand() * letters.length)]).join('');

// 400 made-up words in two GloVe clusters (coarse 0 / fine 0..4 and coarse 1 / fine 5..9); half for training, half
// never seen in training.
const words = Array.from({ length: 400 }, (_, i) => ({ word: fresh(), cluster: i % 2 }));
const glove = new Map<string, number[]>(words.map((w, i) => [w.word, [w.cluster, w.cluster * 5 + (i % 5)]]));
const seen = words.slice(0, 200);
const unseen = words.slice(200);
const withGlove: Lexicon = { clusters: new Map(), capBuckets: new Map(), tagClasses: new Map(), glove };
const without: Lexicon = { clusters: new Map(), capBuckets: new Map(), tagClasses: new Map() };

test('a word takes the GloVe clusters of its lower-cased spelling; a table without them gives none', () => {
  const w = words[3]!;
  const cap = w.word.charAt(0).toUpperCase() + w.word.slice(1);
  const info = new WordCache(withGlove).get(cap);
  assert.deepEqual([info.gCoarse, info.gFine], [glove.get(w.word)![0]! + 1, glove.get(w.word)![1]! + 1]);
  assert.deepEqual([new WordCache(withGlove).get('unknownword').gFine, new WordCache(without).get(w.word).gFine], [0, 0]);
});

/** "the X ." where X is a NOUN in cluster 0 and a VERB in cluster 1: only the cluster tells. */
function tagged(cache: WordCache, list: typeof words): TaggedSentence[] {
  return list.map((w) => ({
    infos: ['the', w.word, '.'].map((s) => cache.get(s)),
    gold: Int32Array.from([tag('DET'), w.cluster ? tag('VERB') : tag('NOUN'), tag('PUNCT')]),
    capsLine: false,
  }));
}

test('the tagger tags words it never saw by their GloVe cluster', () => {
  const accuracy = (lex: Lexicon): number => {
    const cache = new WordCache(lex);
    const table = trainTagger(tagged(cache, seen), { classes: K, epochs: 5, seed: 1 });
    const test = tagged(cache, unseen);
    return test.filter((s) => tagSentence(table, s.infos, false)[1] === s.gold[1]).length / test.length;
  };
  const a = accuracy(withGlove);
  const b = accuracy(without);
  assert.ok(a > 0.95, `with GloVe clusters: ${a}`);
  assert.ok(b < 0.7, `without: ${b}`);
});

/** "alpha X beta": X depends on "alpha" in cluster 0 and on "beta" in cluster 1; every tag is NOUN. */
function examples(cache: WordCache, list: typeof words, gloveInParser: boolean): ParseExample[] {
  return list.map((w) => {
    const infos = ['alpha', w.word, 'beta'].map((s) => cache.get(s));
    return {
      view: makeView(infos, [tag('NOUN'), tag('NOUN'), tag('NOUN')], ['alpha', w.word, 'beta'], UPOS_TAGS, undefined, gloveInParser),
      gold: Int32Array.from([3, w.cluster ? 2 : 0, 0]),
      goldLabel: Int32Array.from([1, 0, 0]),
    };
  });
}

test('the parser attaches words it never saw by their GloVe cluster only when the model reads them', () => {
  const cache = new WordCache(withGlove);
  const accuracy = (gloveInParser: boolean): number => {
    const model = trainParser(examples(cache, seen, gloveInParser), { epochs: 5, seed: 3, explore: 0.9, deprels: ['dep', 'root'] });
    const sc = new ParserScratch();
    const test = examples(cache, unseen, gloveInParser);
    return test.filter((e) => parseSentence(model, sc, e.view).head[1] === e.gold[1]).length / test.length;
  };
  const a = accuracy(true);
  const b = accuracy(false);
  assert.ok(a > 0.95, `parser reading GloVe clusters: ${a}`);
  assert.ok(b < 0.7, `parser not reading them: ${b}`);
});

test('a model without clusters of our own text reads no action feature of them; GloVe features only when the model says so', () => {
  const cache = new WordCache(withGlove);
  const infos = ['alpha', words[0]!.word, words[1]!.word, 'beta'].map((s) => cache.get(s));
  const features = (glove: boolean, clusters: boolean, c: number): number[] => {
    const v = makeView(infos, [0, 1, 2, 3], ['a', 'b', 'c', 'd'], UPOS_TAGS, undefined, glove, clusters);
    v.c.fill(c, 0, 4);
    v.f.fill(c + 1, 0, 4);
    const st = new ParseState();
    st.reset(4);
    st.apply(0, -1);
    st.apply(0, -1);
    const out = new Uint32Array(UNLABELLED_FEATURES);
    return [...out.subarray(0, unlabelled(st, v, out))];
  };
  assert.notDeepEqual(features(false, true, 3), features(false, true, 7));
  assert.deepEqual(features(false, false, 3), features(false, false, 7));
  assert.equal(features(true, true, 3).length - features(false, true, 3).length, 14);
  assert.equal(features(false, true, 3).length - features(false, false, 3).length, 14);
});

const model = (lexicon: Lexicon, parserGlove: boolean): ParseModel => ({
  version: 'test',
  upos: UPOS_TAGS,
  tagger: new WeightTable(Uint32Array.from([5, 9]), new Float32Array(2 * K).fill(1), K),
  lemmatiser: new Lemmatiser(new Map(), new Map(), 0),
  lexicon,
  parser: {
    actions: new InlineTable(new Uint32Array(0), new Float32Array(0), 3),
    labels: new WeightTable(new Uint32Array(0), new Float32Array(0), 2),
    deprels: ['dep', 'root'],
    root: 1,
    candidates: new Map(),
    ...(parserGlove ? { glove: true } : {}),
  },
});

test('the model file keeps the GloVe table and the parser switch; a model without them loads an empty table and keeps its bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-parse-glove-'));
  try {
    const path = join(dir, 'glove.bin.gz');
    saveParseModel(path, model(withGlove, true), [0, 0, 0]);
    const loaded = loadParseModel(path);
    assert.deepEqual(loaded.lexicon.glove, glove);
    assert.equal(loaded.parser.glove, true);
    const w = unseen[7]!;
    assert.equal(new WordCache(loaded.lexicon).get(w.word.toUpperCase()).gFine, glove.get(w.word)![1]! + 1);
    // Tagger only: the table is kept, the parser does not read it.
    saveParseModel(path, model(withGlove, false), [0, 0, 0]);
    assert.equal(loadParseModel(path).parser.glove, undefined);
    assert.equal(loadParseModel(path).lexicon.glove?.size, glove.size);
    // Without GloVe clusters: no trace in the file (the bytes of a model trained before they existed), empty on load.
    const none = join(dir, 'none.bin.gz');
    const empty = join(dir, 'empty.bin.gz');
    saveParseModel(none, model(without, false), [0, 0, 0]);
    saveParseModel(empty, model({ ...without, glove: new Map() }, false), [0, 0, 0]);
    assert.deepEqual(readFileSync(none), readFileSync(empty));
    assert.ok(!gunzipSync(readFileSync(none)).toString('latin1').includes('glove'));
    assert.equal(loadParseModel(none).lexicon.glove?.size, 0);
    assert.equal(loadParseModel(none).parser.glove, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
