// Lists a model's errors on one check set, for error analysis (nothing is written):
// `NER_MODEL_DIR=models NER_PROTOCOL=tune node --import tsx scripts/ner-errors.ts "wikigold train-tune"`.
import { join } from 'node:path';
import { findPackageRoot, loadRecognizer } from '../src/nlp/ner/index.js';
import { rebuildText, sentenceTags } from '../src/nlp/ner/eval.js';
import { tagsToChunks } from '../src/nlp/ner/tags.js';
import { nerSets, type Protocol } from './ner-sets.js';

const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const rec = loadRecognizer(process.env.NER_MODEL_DIR);
const wanted = process.argv[2] ?? 'conll train-tune';
const check = nerSets(dataDir, (process.env.NER_PROTOCOL ?? 'tune') as Protocol).checks.find((c) => c.name === wanted);
if (!check) throw new Error(`no check set named ${wanted}`);
const tally = new Map<string, number>();
for (const doc of check.docs) {
  const r = rebuildText(doc);
  const spans = rec.recognize(r.text, r.sentences).filter((x) => !check.noMisc || x.type !== 'MISC');
  doc.sentences.forEach((s, i) => {
    const pred = tagsToChunks(sentenceTags(spans, r, i));
    const gold = tagsToChunks(s.tags);
    const key = (c: { start: number; end: number }): string => `${c.start}:${c.end}`;
    const goldBy = new Map(gold.map((c) => [key(c), c.type]));
    const predBy = new Map(pred.map((c) => [key(c), c.type]));
    const show = (c: { start: number; end: number }): string => s.tokens.slice(c.start, c.end).join(' ');
    for (const c of pred) {
      const g = goldBy.get(key(c));
      if (g === c.type) continue;
      const kind = g ? `type ${g}->${c.type}` : `spurious ${c.type}`;
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      console.log(`${kind}: ${show(c)}  | ${s.tokens.join(' ').slice(0, 160)}`);
    }
    for (const c of gold) {
      if (predBy.has(key(c))) continue;
      const kind = `missed ${c.type}`;
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      console.log(`${kind}: ${show(c)}  | ${s.tokens.join(' ').slice(0, 160)}`);
    }
  });
}
console.log([...tally].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join('\n'));
