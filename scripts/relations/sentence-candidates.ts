/**
 * Offers the sentences of a data set (with its gold names, two or more that can be relation ends) for hand annotation
 * with all 12 of our types. Writes batches (text, for the annotator) and an index (document id, sentence span, mention
 * spans: standoff) to OUT_DIR, outside the repository; sentence-import.ts turns the labels into
 * annotations/<SET>-relations/labels.jsonl.
 * Usage: node --import tsx scripts/relations/sentence-candidates.ts re3d|redocred|wikigold|factbook|conll2003-rest|ewt|peyma|anercorp|arman|parstwiner OUT_DIR [--per-batch 100]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceViews } from '../../src/extract/relation-model/sentence-view.js';
import { readConll2003Rest } from './data/conll2003-rest.js';
import { readAnercorp, readArman, readParstwiner, readPeyma } from './data/arabic-script.js';
import { readEwt } from './data/ewt.js';
import { readFactbook, withPredictedMentions } from './data/factbook.js';
import type { SentenceItem } from './data/ours.js';
import { readRe3d } from './data/re3d.js';
import { readRedocred } from './data/redocred.js';
import type { LabelledDoc } from './data/types.js';
import { readWikigold } from './data/wikigold.js';

const LETTER = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' } as const;

/** The sets whose sentences can be offered, with the letter that starts their item ids. */
export const SOURCES: Record<string, { read: (split: 'train' | 'dev') => Promise<LabelledDoc[]>; prefix: string }> = {
  re3d: { read: readRe3d, prefix: 'R' },
  redocred: { read: readRedocred, prefix: 'D' },
  wikigold: { read: readWikigold, prefix: 'W' },
  'conll2003-rest': { read: readConll2003Rest, prefix: 'P' },
  // No gold names: our recognizer's, as a user's ingest would find them.
  factbook: { read: async (split) => withPredictedMentions(await readFactbook(split)), prefix: 'F' },
  ewt: { read: async (split) => withPredictedMentions(await readEwt(split)), prefix: 'E' },
  // Persian and Arabic news, gold names.
  peyma: { read: readPeyma, prefix: 'Y' },
  anercorp: { read: readAnercorp, prefix: 'A' },
  arman: { read: readArman, prefix: 'M' },
  parstwiner: { read: readParstwiner, prefix: 'T' },
};

/** One batch block: the previous sentence for context, the sentence with numbered names, and the names' list. */
function block(id: string, doc: LabelledDoc, span: { start: number; end: number }, mentions: { start: number; end: number; text: string; type: keyof typeof LETTER }[]): string {
  let text = '';
  let at = span.start;
  mentions.forEach((m, n) => {
    text += `${doc.text.slice(at, m.start)}[${n} ${doc.text.slice(m.start, m.end)}]`;
    at = m.end;
  });
  text += doc.text.slice(at, span.end);
  const prevSpan = doc.sentences[doc.sentences.findIndex((s) => s.start === span.start) - 1];
  const prev = prevSpan ? doc.text.slice(prevSpan.start, prevSpan.end).replace(/\s+/g, ' ') : '-';
  const names = mentions.map((m, n) => `${n}=${m.text}/${LETTER[m.type]}`).join('  ');
  return [`## ${id}`, `prev: ${prev}`, `text: ${text.replace(/\s+/g, ' ')}`, `names: ${names}`, ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [set, out] = process.argv.slice(2);
  const source = set ? SOURCES[set] : undefined;
  if (!source || !out) throw new Error(`usage: sentence-candidates.ts ${Object.keys(SOURCES).join('|')} OUT_DIR [--per-batch N]`);
  const at = process.argv.indexOf('--per-batch');
  const perBatch = at > 0 ? Number(process.argv[at + 1]) : 100;
  mkdirSync(out, { recursive: true });
  const items: Omit<SentenceItem, 'relations'>[] = [];
  const blocks: string[] = [];
  for (const split of ['train', 'dev'] as const) {
    for (const doc of await source.read(split)) {
      for (const view of sentenceViews(doc.text, doc.sentences, doc.mentions)) {
        const id = `${source.prefix}${String(items.length).padStart(4, '0')}`;
        items.push({ id, docId: doc.id, split, sentence: view.span, mentions: view.mentions.map((m) => [m.start, m.end, LETTER[m.type as keyof typeof LETTER]]) });
        blocks.push(block(id, doc, view.span, view.mentions as { start: number; end: number; text: string; type: keyof typeof LETTER }[]));
      }
    }
  }
  writeFileSync(join(out, 'index.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  for (let b = 0; b * perBatch < blocks.length; b++) writeFileSync(join(out, `batch-${String(b).padStart(2, '0')}.txt`), blocks.slice(b * perBatch, (b + 1) * perBatch).join('\n'));
  console.log(`${items.length} sentences (${items.filter((i) => i.split === 'dev').length} dev) in ${Math.ceil(blocks.length / perBatch)} batches`);
}
