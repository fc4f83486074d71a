/**
 * The CoNLL-2003 Reuters documents the first annotation rounds skipped (sports, results and market reports: headlines
 * matching SKIP_HEADLINE in news-candidates.ts), as relation documents with the gold names and no labels, so their
 * sentences can be offered for hand annotation (sentence-candidates.ts conll2003-rest). Headline and dateline (the
 * first two sentences) are left out, as in the first rounds. Research-use text, read from ../shared/data.
 */
import { join } from 'node:path';
import { readConll } from '../../../src/nlp/ner/conll.js';
import { SKIP_HEADLINE } from '../news-candidates.js';
import { conllRelationDoc } from './conll-docs.js';
import { DATA_DIR, type LabelledDoc } from './types.js';

/** Reads the skipped documents of one split; the document id is its index in the CoNLL-2003 file. */
export async function readConll2003Rest(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readConll(join(DATA_DIR, 'conll2003', `${split}.txt`)).flatMap((d, di) =>
    SKIP_HEADLINE.test(d.sentences[0]?.tokens.join(' ') ?? '') ? conllRelationDoc(d.sentences.slice(2), 'conll2003-rest', String(di), split) ?? [] : []);
}
