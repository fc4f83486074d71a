/**
 * Text written for training by this project's annotators (helper sessions), with its names and relations marked in
 * place (annotations/written-relations/sentences.jsonl for English, annotations/written-relations-fa-ar/ for Persian
 * and Arabic; READMEs there). Unlike every other set, the text itself is
 * ours, so it is stored here. One line per sentence, a document's sentences in order:
 *
 *   {"doc":"h1-001","s":"[Lamberto Dini|PER] on Saturday met [Julius Nyerere|PER].","rel":[["met","Lamberto Dini","Julius Nyerere"]]}
 *
 * `rel` holds [type, source, target] or [type, source, target, post] by the names as marked; a type prefixed `!` is
 * denied, `?` uncertain or planned (news-relations/GUIDELINES.md). The set is train only: it is written to teach, and
 * is never a measure (dev is empty; folds.ts scores its folds, which says how consistent the writing is, not more).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType, Span } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { findPackageRoot } from '../../../src/nlp/ner/index.js';
import type { NewsRelation } from '../news-import.js';
import { ALL_TYPES, goldOf } from './news.js';
import { normKey } from './re3d.js';
import { readMarks } from '../../written-batches.js';
import type { LabelledDoc } from './types.js';

/** One written sentence as stored. */
export interface WrittenLine {
  doc: string;
  s: string;
  rel: string[][];
}

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** The written sets: English, and Persian and Arabic (one file; the extractor routes sentences by script). */
export type WrittenSet = 'written' | 'written-fa-ar';

/** Where a written set lives. */
export function writtenPath(set: WrittenSet = 'written'): string {
  return join(findPackageRoot(), 'annotations', set === 'written' ? 'written-relations' : 'written-relations-fa-ar', 'sentences.jsonl');
}

/** A sentence's plain text and its marked names (spans relative to the sentence), typed as entities. */
export function unmark(s: string): { text: string; names: { start: number; end: number; type: EntityType; name: string }[] } {
  const { text, names } = readMarks(s, Object.keys(ENTITY));
  return { text, names: names.map((n) => ({ ...n, type: ENTITY[n.type]! })) };
}

/** A relation written by names, as mention indexes of the sentence (`where` names the line in errors). */
export function relationOf(rel: readonly string[], names: readonly { name: string }[], where: string): NewsRelation {
  const [kind, src, tgt, post] = rel;
  const type = (kind ?? '').replace(/^[!?]/, '');
  if (!(ALL_TYPES as string[]).includes(type)) throw new Error(`${where}: unknown relation type ${kind}`);
  const index = (n: string | undefined): number => {
    const i = names.findIndex((x) => x.name === n);
    if (i < 0) throw new Error(`${where}: "${n}" is not a marked name of the sentence`);
    return i;
  };
  return {
    type, src: index(src), tgt: index(tgt),
    ...(kind!.startsWith('!') ? { negated: true } : {}), ...(kind!.startsWith('?') ? { hedged: true } : {}),
    ...(post ? { post } : {}),
  };
}

/** Reads the written documents of a set: every document trains; dev is empty. */
export async function readWritten(split: 'train' | 'dev', set: WrittenSet = 'written'): Promise<LabelledDoc[]> {
  const path = writtenPath(set);
  if (split === 'dev' || !existsSync(path)) return [];
  const docs = new Map<string, LabelledDoc>();
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    const item = JSON.parse(line) as WrittenLine;
    let doc = docs.get(item.doc);
    if (!doc) docs.set(item.doc, (doc = { set, id: item.doc, split: 'train', text: '', sentences: [], mentions: [], gold: [], scope: ALL_TYPES }));
    const { text, names } = unmark(item.s);
    const offset = doc.text.length === 0 ? 0 : doc.text.length + 1;
    doc.text += (doc.text.length === 0 ? '' : ' ') + text;
    const sentence: Span = { start: offset, end: offset + text.length };
    const mentions: InputMention[] = names.map((n) => ({ start: offset + n.start, end: offset + n.end, type: n.type, text: n.name, entityKey: normKey(n.name) }));
    doc.sentences.push(sentence);
    doc.mentions.push(...mentions);
    doc.gold.push(...goldOf(mentions, item.rel.map((r) => relationOf(r, names, where))));
  });
  return [...docs.values()];
}
