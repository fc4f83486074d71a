/**
 * `node --import tsx bench/pair-scoring.ts DIR [--docs 80] [--rounds 5]`: the relation model's per-pair scoring alone,
 * on the candidate pairs of the Factbook profiles that bench/facts-check.ts ingested into DIR (run that first):
 * feature strings + classProbabilities (how pairs were scored before) against hashed features (pairProbabilities),
 * alternating A and B each round, best CPU time of each. Sentences are parsed once, outside the timing. It also checks
 * that both give the same probabilities, bit for bit, for every pair.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { readingView } from '../src/nlp/layout.js';
import { loadParser } from '../src/nlp/parse/index.js';
import { loadRelationModel } from '../src/extract/relation-model/index.js';
import { pairFeatures } from '../src/extract/relation-model/features.js';
import { classProbabilities } from '../src/extract/relation-model/linear.js';
import { pairProbabilities } from '../src/extract/relation-model/hashed.js';
import { pairKey, ruleVerdicts } from '../src/extract/relation-model/rule-features.js';
import { candidatePairs, eachSentenceView, type SentenceView } from '../src/extract/relation-model/sentence-view.js';
import { resolveReferences } from '../src/extract/coref/index.js';
import type { InputMention } from '../src/extract/types.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { docs: { type: 'string', default: '80' }, rounds: { type: 'string', default: '5' } } });
const dir = positionals[0];
if (!dir) throw new Error('usage: pair-scoring.ts DIR [--docs N] [--rounds N]');
const store = await openStore(join(dir, `factbook-${args.docs}.db`));
const model = loadRelationModel();
const parser = loadParser();
const pairs: { view: SentenceView; i: number; j: number; extra: string[] }[] = [];
for (const s of (await store.listDocuments(ALL_COLLECTIONS, 100000, 0)).items) {
  const doc = (await store.getDocument(s.id, ALL_COLLECTIONS))!;
  const mentions: InputMention[] = (await store.listMentions(doc.id, ALL_COLLECTIONS)).filter((m) => m.entityKey)
    .map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, entityKey: m.entityKey! }));
  const text = readingView(doc.text);
  const input = { documentId: doc.id, text, sentences: doc.sentences, mentions, dates: [], money: [] };
  const verdicts = ruleVerdicts(input);
  const refs = resolveReferences({ text, sentences: doc.sentences, mentions });
  const refMentions = refs.map((r) => ({ start: r.start, end: r.end, type: r.type, text: r.text, entityKey: r.entityKeys[0]! }));
  for (const view of eachSentenceView(text, doc.sentences, [...mentions, ...refMentions])) {
    view.parse = parser.parse(view.tokens.map((t) => t.text));
    for (const [i, j] of candidatePairs(view)) {
      pairs.push({ view, i, j, extra: verdicts.features.get(pairKey(view.mentions[i]!.start, view.mentions[j]!.start)) ?? [] });
    }
  }
}
await store.close();

const strings = (): Float64Array[] => pairs.map((p) => classProbabilities(model, pairFeatures(p.view, p.i, p.j, p.extra, model.lexicon)));
const hashed = (): Float64Array[] => pairs.map((p) => pairProbabilities(model, p.view, p.i, p.j, p.extra, model.lexicon));
const a = strings();
const b = hashed();
const differ = a.filter((x, k) => x.some((v, c) => v !== b[k]![c])).length;
const cpu = (run: () => unknown): number => {
  const t = process.cpuUsage();
  run();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};
let bestA = Infinity;
let bestB = Infinity;
for (let r = 0; r < Number(args.rounds); r++) {
  bestA = Math.min(bestA, cpu(strings));
  bestB = Math.min(bestB, cpu(hashed));
}
console.log(`${pairs.length} pairs; probabilities differ on ${differ}; CPU best of ${args.rounds}: strings ${bestA.toFixed(0)} ms (${(1000 * bestA / pairs.length).toFixed(2)} us/pair), hashed ${bestB.toFixed(0)} ms (${(1000 * bestB / pairs.length).toFixed(2)} us/pair), ${(bestA / bestB).toFixed(2)}x`);
