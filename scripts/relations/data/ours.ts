/**
 * Sentences of a data set labelled by us with all 12 types (annotations/<set>-relations/labels.jsonl, written by
 * sentence-import.ts): standoff items (document id, sentence and mention character spans, relations by mention index)
 * read back over the source set's own text, as documents holding only the labelled sentences.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { findPackageRoot } from '../../../src/nlp/ner/index.js';
import type { NewsRelation } from '../news-import.js';
import { ALL_TYPES, goldOf } from './news.js';
import { normKey } from './re3d.js';
import type { LabelledDoc } from './types.js';

/** One labelled sentence. */
export interface SentenceItem {
  id: string;
  docId: string;
  split: 'train' | 'dev';
  sentence: { start: number; end: number };
  mentions: [number, number, string][];
  relations: NewsRelation[];
}

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Where the labels of `source` live (re3d -> annotations/re3d-relations/labels.jsonl). */
export function labelsPath(source: string): string {
  return join(findPackageRoot(), 'annotations', `${source}-relations`, 'labels.jsonl');
}

/** Our labelled sentences of `source`, both splits (none before any are imported). */
export function readSentenceItems(source: string): SentenceItem[] {
  const path = labelsPath(source);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as SentenceItem);
}

/**
 * Reads our labelled sentences of `source` for one split as documents of set `${source}-ours`; `read` gives the
 * source's documents (for their text). Empty when nothing is labelled yet.
 */
export async function readOurSentences(source: string, split: 'train' | 'dev', read: (split: 'train' | 'dev') => Promise<LabelledDoc[]>): Promise<LabelledDoc[]> {
  const path = labelsPath(source);
  const items = readSentenceItems(source).filter((i) => i.split === split);
  if (items.length === 0) return [];
  const texts = new Map((await read(split)).map((d) => [d.id, d.text]));
  const docs = new Map<string, LabelledDoc>();
  for (const item of items) {
    const text = texts.get(item.docId);
    if (text === undefined) throw new Error(`${path}: ${item.id} names document ${item.docId}, absent from ${source} ${split}`);
    let doc = docs.get(item.docId);
    if (!doc) docs.set(item.docId, (doc = { set: `${source}-ours`, id: item.docId, split, text, sentences: [], mentions: [], gold: [], scope: ALL_TYPES }));
    const mentions: InputMention[] = item.mentions.map(([start, end, t]) => ({ start, end, type: ENTITY[t]!, text: text.slice(start, end), entityKey: normKey(text.slice(start, end)) }));
    doc.sentences.push(item.sentence);
    doc.mentions.push(...mentions);
    doc.gold.push(...goldOf(mentions, item.relations));
  }
  for (const d of docs.values()) d.sentences.sort((a, b) => a.start - b.start);
  return [...docs.values()];
}
