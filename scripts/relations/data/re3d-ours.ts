/**
 * re3d sentences labelled by us with all 12 types (annotations/re3d-relations/), since re3d's own labels cover only
 * some relations. Same documents and split as re3d.ts; the text is read from ../shared/data/re3d.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { findPackageRoot } from '../../../src/nlp/ner/index.js';
import type { Re3dItem } from '../re3d-import.js';
import { ALL_TYPES, goldOf } from './news.js';
import { normKey } from './re3d.js';
import { DATA_DIR, readJsonl, type LabelledDoc } from './types.js';

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Reads the labelled sentences of one split, grouped into their documents. */
export async function readRe3dOurs(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const path = join(findPackageRoot(), 'annotations', 're3d-relations', 'labels.jsonl');
  const items = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Re3dItem).filter((i) => i.split === split);
  const texts = new Map((await readJsonl<{ _id: string; text: string }>(join(DATA_DIR, 're3d', 'json/documents.jsonl'))).map((d) => [d._id, d.text]));
  const docs = new Map<string, LabelledDoc>();
  for (const item of items) {
    const text = texts.get(item.docId)!;
    let doc = docs.get(item.docId);
    if (!doc) docs.set(item.docId, (doc = { set: 're3d-ours', id: item.docId, split, text, sentences: [], mentions: [], gold: [], scope: ALL_TYPES }));
    const mentions: InputMention[] = item.mentions.map(([start, end, t]) => ({ start, end, type: ENTITY[t]!, text: text.slice(start, end), entityKey: normKey(text.slice(start, end)) }));
    doc.sentences.push(item.sentence);
    doc.mentions.push(...mentions);
    doc.gold.push(...goldOf(mentions, item.relations));
  }
  for (const d of docs.values()) d.sentences.sort((a, b) => a.start - b.start);
  return [...docs.values()];
}
