/**
 * Wikigold (Wikipedia articles with gold CoNLL names; CC-BY): read as relation documents without relation labels, so
 * its sentences can be offered for hand annotation with our 12 types (sentence-candidates.ts). Train and dev are
 * wikigold's own files.
 */
import { join } from 'node:path';
import { readConll } from '../../../src/nlp/ner/conll.js';
import { conllRelationDoc } from './conll-docs.js';
import { DATA_DIR, type LabelledDoc } from './types.js';

/** Reads one split as documents (the file's own documents, in order), mentions from the IOB tags. */
export async function readWikigold(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readConll(join(DATA_DIR, 'wikigold', `${split}.txt`)).flatMap((d, di) => conllRelationDoc(d.sentences, 'wikigold', `${split}-${di}`, split) ?? []);
}
