/**
 * Scores within-document name clustering (src/resolve/within-document.ts) against Re-DocRED dev's entity clusters
 * (vertexSet: every named mention of one entity in a Wikipedia lead), from the gold mentions and types, so only the
 * clustering is measured. Prints pairwise precision and recall over mention pairs and B-cubed, overall and for people.
 *   node --import tsx scripts/eval-within-doc.ts [--errors N]
 * Re-DocRED is read from ../shared/data; nothing of it is written anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../src/model/index.js';
import { resolveWithinDocument, type DocumentMention } from '../src/resolve/within-document.js';

interface Vertex { name: string; pos: [number, number]; sent_id: number; type: string }
interface Doc { id: string; sents: string[][]; vertexSet: Vertex[][] }

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
const file = join(import.meta.dirname, '..', '..', 'shared', 'data', 'redocred', 'dev.jsonl');
if (!existsSync(file)) {
  console.log(`skipped: ${file} is not available`);
  process.exit(0);
}
const showErrors = Number(process.argv[process.argv.indexOf('--errors') + 1] ?? 0) || 0;

interface Tally { tp: number; fp: number; fn: number; b3p: number; b3r: number; n: number }
const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, b3p: 0, b3r: 0, n: 0 });
const all = empty();
const people = empty();
const errors: string[] = [];

for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const doc = JSON.parse(line) as Doc;
  // The text: tokens joined by spaces, sentences by a space; offsets of each token.
  const starts: number[][] = [];
  let text = '';
  for (const sent of doc.sents) {
    const s: number[] = [];
    for (const tok of sent) {
      if (text !== '') text += ' ';
      s.push(text.length);
      text += tok;
    }
    starts.push(s);
  }
  const mentions: DocumentMention[] = [];
  const gold: number[] = [];
  doc.vertexSet.forEach((entity, e) => {
    for (const v of entity) {
      const type = TYPES[v.type];
      if (!type) continue; // TIME, NUM: not names
      const s = starts[v.sent_id]!;
      const start = s[v.pos[0]]!;
      const last = v.pos[1] - 1;
      const end = s[last]! + doc.sents[v.sent_id]![last]!.length;
      mentions.push({ start, end, type, text: text.slice(start, end) });
      gold.push(e);
    }
  });
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start || a - b);
  const sorted = order.map((i) => mentions[i]!);
  const goldSorted = order.map((i) => gold[i]!);
  const predicted = new Array<number>(sorted.length).fill(-1);
  resolveWithinDocument(text, sorted).clusters.forEach((c, k) => { for (const i of c.mentionIndexes) predicted[i] = k; });
  // Mentions the clustering left out of every cluster are singletons.
  let next = -2;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === -1) predicted[i] = next--;
  for (let i = 0; i < sorted.length; i++) {
    const isPerson = sorted[i]!.type === 'PERSON';
    let sameBoth = 0;
    let sameGold = 0;
    let samePred = 0;
    for (let j = 0; j < sorted.length; j++) {
      const g = goldSorted[i] === goldSorted[j];
      const p = predicted[i] === predicted[j];
      if (g && p) sameBoth++;
      if (g) sameGold++;
      if (p) samePred++;
      if (j <= i) continue;
      for (const t of isPerson || sorted[j]!.type === 'PERSON' ? [all, people] : [all]) {
        if (g && p) t.tp++;
        else if (p) t.fp++;
        else if (g) t.fn++;
      }
      if (p && !g && errors.length < showErrors) errors.push(`${doc.id}: "${sorted[i]!.text}" + "${sorted[j]!.text}" (different entities, one cluster)`);
    }
    for (const t of isPerson ? [all, people] : [all]) {
      t.b3p += sameBoth / samePred;
      t.b3r += sameBoth / sameGold;
      t.n++;
    }
  }
}

const f = (x: number): string => (100 * x).toFixed(1);
for (const [name, t] of [['all names', all], ['people', people]] as const) {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  const bp = t.b3p / Math.max(1, t.n);
  const br = t.b3r / Math.max(1, t.n);
  console.log(`${name}: ${t.n} mentions; pairwise P ${f(p)} R ${f(r)} F1 ${f((2 * p * r) / Math.max(1e-9, p + r))}; B3 P ${f(bp)} R ${f(br)} F1 ${f((2 * bp * br) / Math.max(1e-9, bp + br))}`);
}
for (const e of errors) console.log(e);
