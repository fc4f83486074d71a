/**
 * re3d (Dstl): analyst documents on Syria and Iraq with gold entities and relations, mapped onto our types. The split
 * is the NER's (scripts/ner-corpus.ts splitRe3d): every 4th document in docs.tsv order is dev, never trained on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { flattenMentions } from '../../../src/extract/masked.js';
import { splitSentences } from '../../../src/nlp/sentences.js';
import { DATA_DIR, readJsonl, type GoldRelation, type LabelledDoc } from './types.js';

interface Doc { _id: string; text: string }
interface Ent { documentId: string; begin: number; end: number; type: string }
interface Rel { documentId: string; sourceBegin: number; sourceEnd: number; targetBegin: number; targetEnd: number; type: string }

const ENTITY: Record<string, EntityType> = { Person: 'PERSON', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };

// re3d marks pronouns as Person entities; our recognizer never yields them, so pairs through them are not candidates.
const PRONOUNS = new Set('i me my we us our you your he him his she her they them their it its this that these those who which one'.split(' '));

/**
 * re3d relation -> our types, given the two ends' types. Undefined: the pair is ignored (neither positive nor
 * negative): re3d Likes, HasAttrOf, IsSynonymOf, Apart, and readings our guidelines do not share (a person
 * co-located with a place is usually a visit, which we do not call located_in).
 */
export function mapRe3d(type: string, src: EntityType, tgt: EntityType): Pick<GoldRelation, 'types' | 'eitherDirection'> | undefined {
  switch (type) {
    case 'InChargeOf':
      return { types: [src === 'PERSON' ? 'role_in' : 'controls'] };
    case 'BelongsTo':
      if (src === 'PERSON') return { types: ['role_in'] };
      return src === 'ORG' && tgt === 'ORG' ? { types: ['part_of'] } : undefined;
    case 'FightingAgainst':
      return { types: ['attacked', 'opposed'] };
    case 'Dislikes':
      return { types: ['opposed'] };
    case 'AlliesOf':
      return { types: ['allied_with'] };
    case 'CommWith':
      return { types: ['met', 'contacted'], eitherDirection: true };
    case 'CoLocated':
      if (src === 'PERSON' || tgt === 'PERSON') return undefined;
      if (src === 'LOC' && tgt === 'LOC') return { types: ['located_in'], eitherDirection: true };
      return src === 'LOC' || tgt === 'LOC' ? { types: ['located_in'] } : undefined;
    default:
      return undefined;
  }
}

/** Reads re3d; `split` picks train (3 of 4 documents) or dev (every 4th, as the NER held it out). */
export async function readRe3d(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const dir = join(DATA_DIR, 're3d');
  const order = readFileSync(join(dir, 'docs.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[1]).filter((id): id is string => !!id);
  const docs = new Map((await readJsonl<Doc>(join(dir, 'json/documents.jsonl'))).map((d) => [d._id, d]));
  const ents = await readJsonl<Ent>(join(dir, 'json/entities.jsonl'));
  const rels = await readJsonl<Rel>(join(dir, 'json/relations.jsonl'));
  const out: LabelledDoc[] = [];
  order.forEach((id, i) => {
    const doc = docs.get(id);
    if (doc === undefined || (i % 4 === 1) !== (split === 'dev')) return;
    const typeAt = new Map<string, EntityType>();
    const all: InputMention[] = [];
    for (const e of ents) {
      const type = ENTITY[e.type];
      if (e.documentId !== id || type === undefined) continue;
      const text = doc.text.slice(e.begin, e.end);
      typeAt.set(`${e.begin}:${e.end}`, type);
      if (!PRONOUNS.has(text.toLowerCase())) all.push({ start: e.begin, end: e.end, type, text, entityKey: normKey(text) });
    }
    const gold: GoldRelation[] = [];
    for (const r of rels) {
      if (r.documentId !== id) continue;
      const src = typeAt.get(`${r.sourceBegin}:${r.sourceEnd}`);
      const tgt = typeAt.get(`${r.targetBegin}:${r.targetEnd}`);
      const mapped = src && tgt ? mapRe3d(r.type, src, tgt) : undefined;
      gold.push({
        source: { start: r.sourceBegin, end: r.sourceEnd }, target: { start: r.targetBegin, end: r.targetEnd },
        types: mapped?.types ?? [], eitherDirection: mapped?.eitherDirection, label: r.type,
      });
    }
    out.push({
      set: 're3d', id, split, text: doc.text, sentences: splitSentences(doc.text), mentions: flattenMentions(all), gold,
      scope: ['role_in', 'part_of', 'controls', 'attacked', 'opposed', 'allied_with', 'met', 'contacted', 'located_in'],
    });
  });
  return out;
}

/** The entity key of a gold mention: its text, lower-cased, without a leading article or a possessive. */
export function normKey(text: string): string {
  return text.toLowerCase().replace(/[’']s$/, '').replace(/^the /, '').trim();
}
