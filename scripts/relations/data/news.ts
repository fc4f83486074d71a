/**
 * Our own annotations (annotations/news-relations/): CoNLL-2003 Reuters sentences (1996) labelled with all 12 of our
 * types by hand. The labels are standoff; the text is read from ../shared/data/conll2003 (research use only). Train
 * items come from CoNLL-2003 train documents, dev items from CoNLL-2003 dev documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELATION_TYPES, type EntityType, type RelationTypeId } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { readConll, type ConllDocument } from '../../../src/nlp/ner/conll.js';
import { findPackageRoot } from '../../../src/nlp/ner/index.js';
import type { NewsItem, NewsRelation } from '../news-import.js';
import { DATA_DIR, joinTokens, type GoldRelation, type LabelledDoc } from './types.js';
import { normKey } from './re3d.js';

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

const cache = new Map<string, ConllDocument[]>();

/** Reads the annotated items of one split as one-sentence documents. */
export async function readNews(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const path = join(findPackageRoot(), 'annotations', 'news-relations', 'labels.jsonl');
  const items = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as NewsItem).filter((i) => i.file === split);
  const file = join(DATA_DIR, 'conll2003', `${split}.txt`);
  let docs = cache.get(file);
  if (!docs) cache.set(file, (docs = readConll(file)));
  return items.map((item) => {
    const tokens = docs[item.doc]!.sentences[item.sent]!.tokens;
    const { text, spans } = joinTokens(tokens);
    const mentions: InputMention[] = item.mentions.map(([s, e, t]) => {
      const span = { start: spans[s]!.start, end: spans[e - 1]!.end };
      const mtext = text.slice(span.start, span.end);
      return { ...span, type: ENTITY[t]!, text: mtext, entityKey: normKey(mtext) };
    });
    const gold = goldOf(mentions, item.relations);
    return {
      set: 'news', id: item.id, split, text, sentences: [{ start: 0, end: text.length }], mentions, gold,
      scope: ALL_TYPES,
    };
  });
}

/** Gold relations of hand-labelled mentions, with the policy shared by our annotation sets. */
export function goldOf(mentions: readonly InputMention[], relations: readonly NewsRelation[]): GoldRelation[] {
  return relations.map((r) => {
    const src = mentions[r.src]!;
    const tgt = mentions[r.tgt]!;
    // A nationality before a person's name ("Czech Daniel Vacek") was read as origin by some annotators and not by
    // others: such pairs are ignored rather than taught either way. Hedged ("will meet") pairs are ignored too.
    const nationality = r.type === 'located_in' && src.type === 'PERSON' && tgt.type === 'MISC';
    return {
      source: src, target: tgt, types: nationality || r.hedged ? [] : [r.type as RelationTypeId], label: r.type,
      ...(r.negated ? { negated: true } : {}), ...(r.post ? { role: r.post } : {}),
    };
  });
}

/** Our annotation sets label all twelve types. */
export const ALL_TYPES = Object.keys(RELATION_TYPES) as RelationTypeId[];
