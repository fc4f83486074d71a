/**
 * Gathers the batches our annotator-writers wrote (DIR/<writer>/batch-NN.jsonl, one marked sentence per line; see
 * data/written.ts) into annotations/written-relations/sentences.jsonl, checking every line as training will read it
 * (marks, relation types, names). A bad line stops the import with its file and line.
 * Usage: node --import tsx scripts/relations/written-import.ts DIR [--set written-fa-ar] (the Persian and Arabic set,
 * annotations/written-relations-fa-ar/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { forEachWrittenLine } from '../written-batches.js';
import { relationOf, unmark, writtenPath, type WrittenLine, type WrittenSet } from './data/written.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args[0];
  if (!dir) throw new Error('usage: written-import.ts DIR [--set written-fa-ar]');
  const set = (args.includes('--set') ? args[args.indexOf('--set') + 1] : 'written') as WrittenSet;
  if (set !== 'written' && set !== 'written-fa-ar') throw new Error(`--set: written or written-fa-ar, not ${set}`);
  const lines: string[] = [];
  let relations = 0;
  const docs = new Set<string>();
  const writers = forEachWrittenLine<WrittenLine>(dir, (item, where) => {
    if (typeof item.doc !== 'string' || typeof item.s !== 'string' || !Array.isArray(item.rel)) throw new Error(`${where}: needs doc, s and rel`);
    const { names } = unmark(item.s);
    for (const r of item.rel) relationOf(r, names, where);
    relations += item.rel.length;
    docs.add(item.doc);
    lines.push(JSON.stringify({ doc: item.doc, s: item.s, rel: item.rel }));
  });
  const out = writtenPath(set);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${writers.length} writers, ${docs.size} documents, ${lines.length} sentences, ${relations} relations -> ${out}`);
}
