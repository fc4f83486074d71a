/** CoNLL sentences (gold names, no relation labels) as a relation document, for sets offered to annotators. */
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { conllChunks, type ConllSentence } from '../../../src/nlp/ner/conll.js';
import { normKey } from './re3d.js';
import { joinTokens, type LabelledDoc } from './types.js';

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** The sentences joined by single spaces (tokens too), their PER/ORG/LOC/MISC chunks as mentions; null when empty. */
export function conllRelationDoc(sentences: readonly ConllSentence[], set: string, id: string, split: 'train' | 'dev'): LabelledDoc | null {
  let text = '';
  const spansOf: { start: number; end: number }[] = [];
  const mentions: InputMention[] = [];
  for (const s of sentences) {
    if (text.length > 0) text += ' ';
    const { text: joined, spans } = joinTokens(s.tokens, text.length);
    spansOf.push({ start: text.length, end: text.length + joined.length });
    text += joined;
    for (const c of conllChunks(s.tags)) {
      const type = ENTITY[c.type];
      if (!type) continue;
      const span = { start: spans[c.start]!.start, end: spans[c.end - 1]!.end };
      mentions.push({ ...span, type, text: text.slice(span.start, span.end), entityKey: normKey(text.slice(span.start, span.end)) });
    }
  }
  return text ? { set, id, split, text, sentences: spansOf, mentions, gold: [], scope: [] } : null;
}
