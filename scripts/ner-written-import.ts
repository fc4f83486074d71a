/**
 * Gathers the batches our annotator-writers wrote (DIR/<writer>/batch-NN.jsonl, one marked sentence per line; see
 * ner-written.ts) into annotations/written-ner-<lang>/sentences.jsonl, reading every line as training will. A bad line
 * stops the import with its file and line.
 * Usage: node --import tsx scripts/ner-written-import.ts fa|ar DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { forEachWrittenLine } from './written-batches.js';
import { markedSentence, writtenNerPath } from './ner-written.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [lang, dir] = process.argv.slice(2);
  if ((lang !== 'fa' && lang !== 'ar') || !dir) throw new Error('usage: ner-written-import.ts fa|ar DIR');
  const lines: string[] = [];
  const docs = new Set<string>();
  let names = 0;
  const writers = forEachWrittenLine<{ doc: string; s: string }>(dir, (item, where) => {
    if (typeof item.doc !== 'string' || typeof item.s !== 'string') throw new Error(`${where}: needs doc and s`);
    try {
      names += markedSentence(item.s).tags.filter((t) => t.startsWith('B-')).length;
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`);
    }
    docs.add(item.doc);
    lines.push(JSON.stringify({ doc: item.doc, s: item.s }));
  });
  const out = writtenNerPath(lang);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${writers.length} writers, ${docs.size} documents, ${lines.length} sentences, ${names} names -> ${out}`);
}
