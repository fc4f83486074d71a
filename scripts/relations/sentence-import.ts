/**
 * Converts hand labels of a set's sentences (our 12 types; see sentence-candidates.ts) into
 * annotations/<SET>-relations/labels.jsonl: standoff only (document id, sentence and mention character spans).
 * Usage: node --import tsx scripts/relations/sentence-import.ts re3d|redocred|wikigold ANNOT_DIR
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { labelsPath, type SentenceItem } from './data/ours.js';
import { parseLabels } from './news-import.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [set, dir] = process.argv.slice(2);
  if (!set || !dir) throw new Error('usage: sentence-import.ts SET ANNOT_DIR');
  const index = new Map(readFileSync(join(dir, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Omit<SentenceItem, 'relations'>).map((c) => [c.id, c]));
  const items: SentenceItem[] = [];
  for (const file of readdirSync(dir).filter((f) => /^labels-\d+\.txt$/.test(f)).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const id = line.slice(0, line.indexOf(':')).trim();
      const c = index.get(id);
      if (!c) throw new Error(`${file}: unknown item ${id}`);
      items.push({ ...c, relations: parseLabels(id, line.slice(line.indexOf(':') + 1), c.mentions.length) });
    }
  }
  const out = labelsPath(set);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${items.length} items, ${items.reduce((n, i) => n + i.relations.length, 0)} relations -> ${out}`);
}
