/** Extraction input from text whose names are marked [[TYPE:name]]: the mentions at their spans, entity keys the names. */
import type { EntityType } from '../../src/model/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { ExtractionInput, InputMention } from '../../src/extract/types.js';

/** The input for a text whose names are marked [[TYPE:name]]; entity keys are the names. */
export function markedInput(marked: string): ExtractionInput {
  const mentions: InputMention[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(/\[\[(PERSON|ORG|LOC|MISC):([^\]]+)\]\]/gu)) {
    text += marked.slice(last, m.index);
    mentions.push({ start: text.length, end: text.length + m[2]!.length, type: m[1] as EntityType, text: m[2]!, entityKey: m[2]! });
    text += m[2]!;
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { documentId: 'd1', text, sentences: splitSentences(text), mentions, dates: [], money: [] };
}
