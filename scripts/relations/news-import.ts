/**
 * Converts the annotators' label files (one line per item: `S0123: met 0 1; !role_in 2 0 "minister"`) and the
 * candidate index written by news-candidates.ts into annotations/news-relations/labels.jsonl: standoff only (CoNLL-2003
 * file, document and sentence index, gold mention token spans, relations by mention index), never the Reuters text.
 * Usage: node --import tsx scripts/relations/news-import.ts ANNOT_DIR
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELATION_TYPES } from '../../src/model/index.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import type { Candidate } from './news-candidates.js';

/** One labelled relation of an item. */
export interface NewsRelation {
  type: string;
  src: number;
  tgt: number;
  negated?: boolean;
  hedged?: boolean;
  post?: string;
}

/** One annotated sentence, as stored in labels.jsonl. */
export interface NewsItem extends Omit<Candidate, 'pick'> {
  relations: NewsRelation[];
}

const LABEL = /^([!?]?)([a-z_]+) (\d+) (\d+)(?: "([^"]*)")?$/;

/** Parses one label line's right-hand side; throws with the item id on anything malformed. */
export function parseLabels(id: string, rhs: string, mentionCount: number): NewsRelation[] {
  if (rhs.trim() === 'none') return [];
  return rhs.split(';').map((part) => {
    const m = LABEL.exec(part.trim());
    if (!m || !(m[2]! in RELATION_TYPES)) throw new Error(`${id}: bad label "${part.trim()}"`);
    const [src, tgt] = [Number(m[3]), Number(m[4])];
    if (src >= mentionCount || tgt >= mentionCount || src === tgt) throw new Error(`${id}: bad mention index in "${part.trim()}"`);
    return { type: m[2]!, src, tgt, ...(m[1] === '!' ? { negated: true } : {}), ...(m[1] === '?' ? { hedged: true } : {}), ...(m[5] ? { post: m[5] } : {}) };
  });
}

/**
 * The annotators' labels of an annotation folder: every line of its labels-NN.txt files (in file order) joined to its
 * entry of the folder's index.jsonl, with the relations parsed and checked against the item's mentions.
 */
export function readLabelFiles<C extends { id: string; mentions: readonly unknown[] }>(dir: string): { item: C; relations: NewsRelation[] }[] {
  const index = new Map(readFileSync(join(dir, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as C).map((c) => [c.id, c]));
  const out: { item: C; relations: NewsRelation[] }[] = [];
  for (const file of readdirSync(dir).filter((f) => /^labels-\d+\.txt$/.test(f)).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      const id = line.slice(0, colon).trim();
      const item = index.get(id);
      if (!item) throw new Error(`${file}: unknown item ${id}`);
      out.push({ item, relations: parseLabels(id, line.slice(colon + 1), item.mentions.length) });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/work/annot/news';
  const items: NewsItem[] = readLabelFiles<Candidate>(dir).map(({ item: c, relations }) => ({ id: c.id, file: c.file, doc: c.doc, sent: c.sent, mentions: c.mentions, relations }));
  const out = join(findPackageRoot(), 'annotations', 'news-relations', 'labels.jsonl');
  writeFileSync(out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${items.length} items, ${items.reduce((n, i) => n + i.relations.length, 0)} relations -> ${out}`);
}
