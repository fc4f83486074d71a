// The two-pass POS tagger: the second pass reads the first pass's tags of the next words, so it can use evidence
// beyond the first pass's window of two words; and the model file keeps the second pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/nlp/random.js';
import { Lemmatiser } from '../../src/nlp/parse/lemmatiser.js';
import { UPOS_TAGS, type ParseModel } from '../../src/nlp/parse/model.js';
import { loadParseModel, saveParseModel } from '../../src/nlp/parse/model-io.js';
import { tagSentence, tagTwoPass, trainTagger, type TaggedSentence } from '../../src/nlp/parse/tagger.js';
import { InlineTable, WeightTable } from '../../src/nlp/parse/weights.js';
import { WordCache } from '../../src/nlp/parse/words.js';

const tag = (t: string): number => UPOS_TAGS.indexOf(t);
const cache = new WordCache({ clusters: new Map(), capBuckets: new Map(), tagClasses: new Map() });

/**
 * "amb f1 f2 end": the tag of "amb" follows the tag of f1 (ADJ before a VERB, ADV before a NOUN), and f1's tag
 * follows the last word, three words after "amb": out of the first pass's sight, in the second pass's through f1.
 * f1 and f2 are new spellings in every sentence.
 */
function sentences(count: number, seed: number): TaggedSentence[] {
  const rand = seededRandom(seed);
  const out: TaggedSentence[] = [];
  for (let k = 0; k < count; k++) {
    const verb = rand() < 0.5;
    const words = ['amb', `f${seed}x${k}a`, `f${seed}x${k}b`, verb ? 'kv' : 'kn'];
    out.push({ infos: words.map((w) => cache.get(w)), gold: Int32Array.from([verb ? tag('ADJ') : tag('ADV'), verb ? tag('VERB') : tag('NOUN'), tag('X'), tag('PUNCT')]), capsLine: false });
  }
  return out;
}

const K = UPOS_TAGS.length;
const train = sentences(600, 1);
const first = trainTagger(train, { classes: K, epochs: 5, seed: 3 });
// The second pass trains on the first pass's tags of sentences it did not see (two folds), as the training script does.
const half = (f: number): TaggedSentence[] => train.filter((_, i) => i % 2 === f);
const folds = [trainTagger(half(1), { classes: K, epochs: 5, seed: 4 }), trainTagger(half(0), { classes: K, epochs: 5, seed: 5 })];
const ahead = train.map((s, i): TaggedSentence => ({ ...s, ahead: tagSentence(folds[i % 2]!, s.infos, false) }));
const second = trainTagger(ahead, { classes: K, epochs: 5, seed: 6 });
const testSet = sentences(400, 2);
const ambAccuracy = (tags: (s: TaggedSentence) => Int32Array): number => testSet.filter((s) => tags(s)[0] === s.gold[0]).length / testSet.length;

test('the second pass reads the first pass tags of the words after it', () => {
  const one = ambAccuracy((s) => tagSentence(first, s.infos, false));
  const two = ambAccuracy((s) => tagTwoPass(first, second, s.infos));
  assert.ok(one < 0.75, `one pass cannot see the evidence: ${one}`);
  assert.ok(two > 0.95, `two passes: ${two}`);
  // Without a second table, tagTwoPass is the one-pass tagger.
  for (const s of testSet.slice(0, 50)) assert.deepEqual(tagTwoPass(first, undefined, s.infos), tagSentence(first, s.infos, false));
});

test('a model file keeps the second pass, and a model without one still loads without it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-parse-'));
  try {
    const empty = (classes: number): WeightTable => new WeightTable(new Uint32Array(0), new Float32Array(0), classes);
    const model: ParseModel = {
      version: 'test',
      upos: UPOS_TAGS,
      tagger: first,
      tagger2: second,
      lemmatiser: new Lemmatiser(new Map(), new Map(), 0),
      lexicon: cache.lexicon,
      parser: { actions: new InlineTable(new Uint32Array(0), new Float32Array(0), 3), labels: empty(2), deprels: ['dep', 'root'], root: 1, candidates: new Map() },
    };
    const path = join(dir, 'two.bin.gz');
    const rows = saveParseModel(path, model, [0, 0, 0]);
    assert.equal(rows.length, 4);
    const loaded = loadParseModel(path);
    assert.ok(loaded.tagger2, 'second pass loaded');
    const fresh = new WordCache(cache.lexicon);
    const agree = testSet.filter((s) => {
      const infos = s.infos.map((w) => fresh.get(w.norm));
      return tagTwoPass(loaded.tagger, loaded.tagger2, infos)[0] === s.gold[0];
    }).length;
    assert.ok(agree / testSet.length > 0.95, `loaded two-pass accuracy ${agree / testSet.length}`);
    const onePath = join(dir, 'one.bin.gz');
    assert.equal(saveParseModel(onePath, { ...model, tagger2: undefined }, [0, 0, 0]).length, 3);
    assert.equal(loadParseModel(onePath).tagger2, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
