/**
 * Converts the annotators' label files for CoNLL04 (`C0123: met 0 1; role_in 2 0 "minister"`, written against the
 * batches of conll04-candidates.ts) into annotations/conll04-relations/labels.jsonl: standoff only (split, CoNLL04 row
 * id, mention token spans, relations by mention index), never the CoNLL04 text.
 * Usage: node --import tsx scripts/relations/conll04-import.ts [ANNOT_DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import type { Conll04Candidate } from './conll04-candidates.js';
import { readLabelFiles, type NewsRelation } from './news-import.js';

/** One CoNLL04 sentence labelled with all 12 types, as stored in labels.jsonl. */
export interface Conll04Item extends Conll04Candidate {
  relations: NewsRelation[];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/work/annot/conll04';
  const items: Conll04Item[] = readLabelFiles<Conll04Candidate>(dir).map(({ item, relations }) => ({ ...item, relations }));
  items.sort((a, b) => a.id.localeCompare(b.id));
  const outDir = join(findPackageRoot(), 'annotations', 'conll04-relations');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'labels.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${items.length} items, ${items.reduce((n, i) => n + i.relations.length, 0)} relations -> ${outDir}/labels.jsonl`);
}
