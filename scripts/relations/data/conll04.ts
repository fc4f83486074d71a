/** CoNLL04 (Roth & Yih 2004, SpERT split): news sentences with five relation types, mapped onto ours by argument types. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType, RelationTypeId } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { findPackageRoot } from '../../../src/nlp/ner/index.js';
import type { Conll04Item } from '../conll04-import.js';
import { ALL_TYPES, goldOf } from './news.js';
import { DATA_DIR, joinTokens, readJsonl, type GoldRelation, type LabelledDoc } from './types.js';

interface Row {
  id: string;
  tokens: string[];
  entities: { type: string; start: number; end: number }[];
  relations: { type: string; head: number; tail: number }[];
}

const ENTITY: Record<string, EntityType> = { Peop: 'PERSON', Org: 'ORG', Loc: 'LOC' };

/** CoNLL04 relation -> our type; the argument types (Peop, Org, Loc) already fix the direction. */
export const CONLL04_MAPPING: Record<string, RelationTypeId> = {
  Work_For: 'role_in', // Peop -> Org
  Kill: 'attacked', // Peop -> Peop
  OrgBased_In: 'located_in', // Org -> Loc
  Live_In: 'located_in', // Peop -> Loc: where a person lives
  Located_In: 'located_in', // Loc -> Loc
};

/**
 * The rows we labelled with all 12 types (annotations/conll04-relations/), as documents of set "conll04-ours": our
 * labels replace CoNLL04's for those rows (the annotators saw CoNLL04's labels as hints and kept, fixed or dropped
 * each under our guidelines), and every type is in scope.
 */
export async function readConll04Ours(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const ours = conll04Labels();
  return (await readConll04(split)).flatMap((doc) => {
    const item = ours.get(`${split}:${doc.id}`);
    if (!item) return [];
    return [{ ...doc, set: 'conll04-ours', gold: goldOf(doc.mentions, item.relations), scope: ALL_TYPES }];
  });
}

/** Our labelled CoNLL04 rows by "split:row id" (empty before any are imported). */
export function conll04Labels(): Map<string, Conll04Item> {
  const path = join(findPackageRoot(), 'annotations', 'conll04-relations', 'labels.jsonl');
  if (!existsSync(path)) return new Map();
  const items = readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Conll04Item);
  return new Map(items.map((i) => [`${i.file}:${i.row}`, i]));
}

/** Reads one split; "Other" entities (dates, titles ...) are not mentions here, as our recognizer's MISC is not used. */
export async function readConll04(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const rows = await readJsonl<Row>(join(DATA_DIR, 'conll04', `${split}.jsonl`));
  return rows.map((row) => {
    const { text, spans } = joinTokens(row.tokens);
    const mentions: InputMention[] = [];
    const spanOf = row.entities.map((e) => ({ start: spans[e.start]!.start, end: spans[e.end - 1]!.end }));
    row.entities.forEach((e, i) => {
      const type = ENTITY[e.type];
      if (type !== undefined) mentions.push({ ...spanOf[i]!, type, text: text.slice(spanOf[i]!.start, spanOf[i]!.end), entityKey: `e${i}` });
    });
    const gold: GoldRelation[] = row.relations.map((r) => ({
      source: spanOf[r.head]!, target: spanOf[r.tail]!, types: [CONLL04_MAPPING[r.type]!], label: r.type,
    }));
    return {
      set: 'conll04', id: row.id, split, text, sentences: [{ start: 0, end: text.length }], mentions, gold,
      scope: ['role_in', 'attacked', 'located_in'],
    };
  });
}
