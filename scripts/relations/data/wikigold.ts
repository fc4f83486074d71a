/**
 * Wikigold (Wikipedia articles with gold CoNLL names; CC-BY): read as relation documents without relation labels, so
 * its sentences can be offered for hand annotation with our 12 types (sentence-candidates.ts). Train and dev are
 * wikigold's own files.
 */
import { join } from 'node:path';
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { readConll } from '../../../src/nlp/ner/conll.js';
import { normKey } from './re3d.js';
import { DATA_DIR, joinTokens, type LabelledDoc } from './types.js';

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Reads one split as documents (one per -DOCSTART-), sentences joined by single spaces, mentions from the IOB tags. */
export async function readWikigold(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readConll(join(DATA_DIR, 'wikigold', `${split}.txt`)).map((d, di) => {
    let text = '';
    const sentences: { start: number; end: number }[] = [];
    const mentions: InputMention[] = [];
    for (const s of d.sentences) {
      if (text.length > 0) text += ' ';
      const { text: joined, spans } = joinTokens(s.tokens, text.length);
      sentences.push({ start: text.length, end: text.length + joined.length });
      text += joined;
      for (let i = 0; i < s.tags.length; i++) {
        const m = /^[BI]-(PER|ORG|LOC|MISC)$/.exec(s.tags[i]!);
        // IOB1 or IOB2: a chunk opens at B-, or at I- after another type or O.
        if (!m || (s.tags[i]!.startsWith('I-') && i > 0 && s.tags[i - 1]!.slice(2) === m[1])) continue;
        let j = i + 1;
        while (j < s.tags.length && s.tags[j] === `I-${m[1]}`) j++;
        const span = { start: spans[i]!.start, end: spans[j - 1]!.end };
        mentions.push({ ...span, type: ENTITY[m[1]!]!, text: text.slice(span.start, span.end), entityKey: normKey(text.slice(span.start, span.end)) });
      }
    }
    return { set: 'wikigold', id: `${split}-${di}`, split, text, sentences, mentions, gold: [], scope: [] };
  });
}
