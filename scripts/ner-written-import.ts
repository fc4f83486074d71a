/**
 * Gathers the batches our annotator-writers wrote (DIR/<writer>/batch-NN.jsonl, one marked sentence per line; see
 * ner-written.ts) into annotations/written-ner-<lang>/sentences.jsonl, reading every line as training will. A bad line
 * stops the import with its file and line.
 * Usage: node --import tsx scripts/ner-written-import.ts fa|ar DIR
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { markedSentence, writtenNerPath } from './ner-written.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [lang, dir] = process.argv.slice(2);
  if ((lang !== 'fa' && lang !== 'ar') || !dir) throw new Error('usage: ner-written-import.ts fa|ar DIR');
  const lines: string[] = [];
  const docs = new Set<string>();
  let names = 0;
  const writers = readdirSync(dir).filter((w) => statSync(join(dir, w)).isDirectory()).sort();
  for (const w of writers) {
    for (const f of readdirSync(join(dir, w)).filter((f) => /^batch-\d+\.jsonl$/.test(f)).sort()) {
      const path = join(dir, w, f);
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        const item = JSON.parse(line) as { doc: string; s: string };
        if (typeof item.doc !== 'string' || typeof item.s !== 'string') throw new Error(`${path}:${i + 1}: needs doc and s`);
        try {
          names += markedSentence(item.s).tags.filter((t) => t.startsWith('B-')).length;
        } catch (e) {
          throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
        }
        docs.add(item.doc);
        lines.push(JSON.stringify({ doc: item.doc, s: item.s }));
      });
    }
  }
  const out = writtenNerPath(lang);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${writers.length} writers, ${docs.size} documents, ${lines.length} sentences, ${names} names -> ${out}`);
}
