/**
 * The CoNLL-2003 Reuters documents the first annotation rounds skipped (sports, results and market reports: headlines
 * matching SKIP_HEADLINE in news-candidates.ts), as relation documents with the gold names and no labels, so their
 * sentences can be offered for hand annotation (sentence-candidates.ts conll2003-rest). Headline and dateline (the
 * first two sentences) are left out, as in the first rounds. Research-use text, read from ../shared/data.
 */
import { join } from 'node:path';
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { readConll } from '../../../src/nlp/ner/conll.js';
import { SKIP_HEADLINE } from '../news-candidates.js';
import { normKey } from './re3d.js';
import { DATA_DIR, joinTokens, type LabelledDoc } from './types.js';

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Reads the skipped documents of one split; the document id is its index in the CoNLL-2003 file. */
export async function readConll2003Rest(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readConll(join(DATA_DIR, 'conll2003', `${split}.txt`)).flatMap((d, di) => {
    if (!SKIP_HEADLINE.test(d.sentences[0]?.tokens.join(' ') ?? '')) return [];
    let text = '';
    const sentences: { start: number; end: number }[] = [];
    const mentions: InputMention[] = [];
    for (const s of d.sentences.slice(2)) {
      if (text.length > 0) text += ' ';
      const { text: joined, spans } = joinTokens(s.tokens, text.length);
      sentences.push({ start: text.length, end: text.length + joined.length });
      text += joined;
      for (let i = 0; i < s.tags.length; i++) {
        const m = /^B-(PER|ORG|LOC|MISC)$/.exec(s.tags[i]!);
        if (!m) continue;
        let j = i + 1;
        while (j < s.tags.length && s.tags[j] === `I-${m[1]}`) j++;
        const span = { start: spans[i]!.start, end: spans[j - 1]!.end };
        mentions.push({ ...span, type: ENTITY[m[1]!]!, text: text.slice(span.start, span.end), entityKey: normKey(text.slice(span.start, span.end)) });
      }
    }
    return text ? [{ set: 'conll2003-rest', id: String(di), split, text, sentences, mentions, gold: [], scope: [] }] : [];
  });
}
