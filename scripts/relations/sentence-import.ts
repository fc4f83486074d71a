/**
 * Converts hand labels of a set's sentences (our 12 types; see sentence-candidates.ts) into
 * annotations/<SET>-relations/labels.jsonl: standoff only (document id, sentence and mention character spans).
 * Usage: node --import tsx scripts/relations/sentence-import.ts re3d|redocred|wikigold ANNOT_DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { labelsPath, type SentenceItem } from './data/ours.js';
import { readLabelFiles } from './news-import.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [set, dir] = process.argv.slice(2);
  if (!set || !dir) throw new Error('usage: sentence-import.ts SET ANNOT_DIR');
  const items: SentenceItem[] = readLabelFiles<Omit<SentenceItem, 'relations'>>(dir).map(({ item, relations }) => ({ ...item, relations }));
  const out = labelsPath(set);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${items.length} items, ${items.reduce((n, i) => n + i.relations.length, 0)} relations -> ${out}`);
}
