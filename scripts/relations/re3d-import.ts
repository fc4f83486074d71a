/**
 * Converts the hand labels of re3d sentences (our 12 types; see re3d-candidates.ts) into
 * annotations/re3d-relations/labels.jsonl: standoff only (document id, sentence and mention character spans).
 * Usage: node --import tsx scripts/relations/re3d-import.ts ANNOT_DIR
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import { parseLabels, type NewsRelation } from './news-import.js';

/** One labelled re3d sentence. */
export interface Re3dItem {
  id: string;
  docId: string;
  split: 'train' | 'dev';
  sentence: { start: number; end: number };
  mentions: [number, number, string][];
  relations: NewsRelation[];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/work/annot/re3d';
  const index = new Map(readFileSync(join(dir, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Omit<Re3dItem, 'relations'>).map((c) => [c.id, c]));
  const items: Re3dItem[] = [];
  for (const file of readdirSync(dir).filter((f) => /^labels-\d+\.txt$/.test(f)).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const id = line.slice(0, line.indexOf(':'));
      const c = index.get(id);
      if (!c) throw new Error(`${file}: unknown item ${id}`);
      items.push({ ...c, relations: parseLabels(id, line.slice(line.indexOf(':') + 1), c.mentions.length) });
    }
  }
  const out = join(findPackageRoot(), 'annotations', 're3d-relations', 'labels.jsonl');
  writeFileSync(out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${items.length} items, ${items.reduce((n, i) => n + i.relations.length, 0)} relations -> ${out}`);
}
