/**
 * UD English Web Treebank (CC BY-SA 4.0) as relation documents without labels: weblogs on the Iraq war, newsgroup
 * posts, Enron e-mails, answers and reviews, the messy web text a user's leak is made of. The text of each document is
 * rebuilt from its `# text` lines (a space between sentences, a blank line between paragraphs) and split by our own
 * sentence splitter, as ingest would; the names are our recognizer's (`withPredictedMentions`), so the sentences can be
 * offered for hand annotation (sentence-candidates.ts). The treebank's train documents are train, its dev documents dev.
 * Note: the parse model was trained on the train trees, so features of these train sentences come from a parser that
 * has seen them (its parses are better there than on new text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../../src/nlp/sentences.js';
import { DATA_DIR, type LabelledDoc } from './types.js';

/** Reads one split: one document per `# newdoc`, paragraphs from `# newpar`. */
export async function readEwt(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const source = readFileSync(join(DATA_DIR, 'ud-english-ewt', `${split}.conllu`), 'utf8');
  const docs: { id: string; paragraphs: string[][] }[] = [];
  for (const line of source.split('\n')) {
    const doc = /^# newdoc id = (.+)$/.exec(line);
    if (doc) docs.push({ id: doc[1]!.trim(), paragraphs: [[]] });
    else if (/^# newpar\b/.test(line) && docs.length > 0 && docs.at(-1)!.paragraphs.at(-1)!.length > 0) docs.at(-1)!.paragraphs.push([]);
    else {
      const text = /^# text = (.*)$/.exec(line);
      if (text && docs.length > 0) docs.at(-1)!.paragraphs.at(-1)!.push(text[1]!.trim());
    }
  }
  return docs.flatMap(({ id, paragraphs }) => {
    const text = paragraphs.map((p) => p.join(' ')).filter((p) => p.length > 0).join('\n\n');
    return text.length === 0 ? [] : [{ set: 'ewt', id, split, text, sentences: splitSentences(text), mentions: [], gold: [], scope: [] }];
  });
}
