/**
 * Gathers the batches our annotator-writers wrote (DIR/<writer>/batch-NN.jsonl, one marked sentence per line; see
 * data/written.ts) into annotations/written-relations/sentences.jsonl, checking every line as training will read it
 * (marks, relation types, names). A bad line stops the import with its file and line.
 * Usage: node --import tsx scripts/relations/written-import.ts DIR
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { relationOf, unmark, writtenPath, type WrittenLine } from './data/written.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: written-import.ts DIR');
  const lines: string[] = [];
  let relations = 0;
  const docs = new Set<string>();
  const writers = readdirSync(dir).filter((w) => statSync(join(dir, w)).isDirectory()).sort();
  for (const w of writers) {
    for (const f of readdirSync(join(dir, w)).filter((f) => /^batch-\d+\.jsonl$/.test(f)).sort()) {
      const path = join(dir, w, f);
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        const where = `${path}:${i + 1}`;
        const item = JSON.parse(line) as WrittenLine;
        if (typeof item.doc !== 'string' || typeof item.s !== 'string' || !Array.isArray(item.rel)) throw new Error(`${where}: needs doc, s and rel`);
        const { names } = unmark(item.s);
        for (const r of item.rel) relationOf(r, names, where);
        relations += item.rel.length;
        docs.add(item.doc);
        lines.push(JSON.stringify({ doc: item.doc, s: item.s, rel: item.rel }));
      });
    }
  }
  const out = writtenPath();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${writers.length} writers, ${docs.size} documents, ${lines.length} sentences, ${relations} relations -> ${out}`);
}
