/**
 * What the mentions stage's type corrections (src/extract/stages/retype.ts) do on CoNLL-2003 (research use: read from
 * ../shared/data, never copied): each document's text rebuilt from its tokens, the recognizer's spans, then retype; for
 * every span retype changed, whether the gold type of that exact span is the new type, the old one, or neither. The
 * train documents are ones the recognizer learned from (its types there are nearly all right, so they show the harm
 * only); dev is the measure. `SHOW=1` lists each change with the words after it.
 * Usage: node --import tsx scripts/ner-retype-check.ts
 */
import { join } from 'node:path';
import { readConll, conllChunks } from '../src/nlp/ner/conll.js';
import { loadRecognizer } from '../src/nlp/ner/index.js';
import { retypeMentions } from '../src/extract/stages/retype.js';
const rec = loadRecognizer();
const map: Record<string, string> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
for (const file of ['train.txt', 'dev.txt']) {
  const docs = readConll(join(import.meta.dirname, '..', '..', 'shared', 'data', 'conll2003', file));
  const tally = new Map<string, number>();
  for (const d of docs) {
    let text = '';
    const gold = new Map<string, string>();
    const sentences: { start: number; end: number }[] = [];
    for (const s of d.sentences) {
      const offs: number[] = [];
      const start = text.length;
      for (const t of s.tokens) { offs.push(text.length); text += t + ' '; }
      sentences.push({ start, end: text.length - 1 });
      for (const c of conllChunks(s.tags)) gold.set(`${offs[c.start]}:${offs[c.end - 1]! + s.tokens[c.end - 1]!.length}`, map[c.type] ?? c.type);
      text = text.slice(0, -1) + '\n';
    }
    const spans = rec.recognize(text, sentences).map((x) => ({ ...x, text: text.slice(x.start, x.end) }));
    const after = retypeMentions(text, spans);
    after.forEach((a, i) => {
      const b = spans[i]!;
      if (a.type === b.type) return;
      const g = gold.get(`${a.start}:${a.end}`) ?? 'none';
      const verdict = g === a.type ? 'retype right' : g === b.type ? 'retype wrong (was right)' : 'both wrong';
      const k = `${b.type}->${a.type} ${verdict}`;
      tally.set(k, (tally.get(k) ?? 0) + 1);
      if (process.env.SHOW) console.log(file, k, JSON.stringify(a.text), '| gold', g, '|', text.slice(a.end, a.end + 25).replace(/\n/g, ' '));
    });
  }
  console.log(file, [...tally].sort().map(([k, n]) => `${k}: ${n}`).join('; '));
}
