/**
 * Offers re3d sentences (with re3d's gold names, pronouns left out) for hand annotation with all 12 of our types, since
 * re3d's own labels cover only some relations and types. Writes batches and an index (document id, sentence span,
 * mention spans: standoff) to OUT_DIR, outside the repository.
 * Usage: node --import tsx scripts/relations/re3d-candidates.ts OUT_DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRe3d } from './data/re3d.js';
import { sentenceViews } from '../../src/extract/relation-model/sentence-view.js';

const LETTER = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' } as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: re3d-candidates.ts OUT_DIR');
  mkdirSync(out, { recursive: true });
  const items: { id: string; docId: string; split: string; sentence: { start: number; end: number }; mentions: [number, number, string][] }[] = [];
  const blocks: string[] = [];
  for (const split of ['train', 'dev'] as const) {
    for (const doc of await readRe3d(split)) {
      for (const view of sentenceViews(doc.text, doc.sentences, doc.mentions)) {
        const id = `R${String(items.length).padStart(4, '0')}`;
        items.push({ id, docId: doc.id, split, sentence: view.span, mentions: view.mentions.map((m) => [m.start, m.end, LETTER[m.type]]) });
        let text = '';
        let at = view.span.start;
        view.mentions.forEach((m, n) => {
          text += `${doc.text.slice(at, m.start)}[${n} ${doc.text.slice(m.start, m.end)}]`;
          at = m.end;
        });
        text += doc.text.slice(at, view.span.end);
        const prevSpan = doc.sentences[doc.sentences.findIndex((s) => s.start === view.span.start) - 1];
        const prev = prevSpan ? doc.text.slice(prevSpan.start, prevSpan.end).replace(/\s+/g, ' ') : '-';
        const names = view.mentions.map((m, n) => `${n}=${m.text}/${LETTER[m.type]}`).join('  ');
        blocks.push([`## ${id}`, `prev: ${prev}`, `text: ${text.replace(/\s+/g, ' ')}`, `names: ${names}`, ''].join('\n'));
      }
    }
  }
  writeFileSync(join(out, 'index.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  for (let b = 0; b * 100 < blocks.length; b++) writeFileSync(join(out, `batch-${String(b).padStart(2, '0')}.txt`), blocks.slice(b * 100, (b + 1) * 100).join('\n'));
  console.log(`${items.length} sentences (${items.filter((i) => i.split === 'dev').length} dev) in ${Math.ceil(blocks.length / 100)} batches`);
}
