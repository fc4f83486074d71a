/**
 * Persian and Arabic news sentences with their gold names, as relation documents without relation labels, to be
 * offered for hand annotation (sentence-candidates.ts peyma|anercorp|arman|parstwiner): PEYMA (Persian news), ARMAN (Persian
 * news and essays), ParsTwiNER (Persian tweets) and ANERcorp (Arabic news),
 * read in place from ../shared/data (research use: never copied; the labels are standoff). The files have no document
 * boundaries, so each sentence is its own document, numbered in file order. Tokens are joined with single spaces (PEYMA
 * tokens may hold a space: the columns are split on the tab).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { DATA_DIR, type LabelledDoc } from './types.js';

const TYPES: Record<string, EntityType> = { PER: 'PERSON', PERS: 'PERSON', ORG: 'ORG', LOC: 'LOC' };

/**
 * The sentences of a token-per-line BIO file as documents of `set` (names of types other than PER/ORG/LOC dropped). Not
 * readConll: here a line without a tag (ANERcorp has some) ends the sentence, and the labels in annotations/ number
 * the sentences that way.
 */
export function readBioSentences(set: string, path: string, split: 'train' | 'dev'): LabelledDoc[] {
  const docs: LabelledDoc[] = [];
  let tokens: [string, string][] = [];
  const flush = (): void => {
    if (tokens.length === 0) return;
    let text = '';
    const mentions: InputMention[] = [];
    let open: { start: number; type: EntityType } | null = null;
    const close = (): void => {
      if (open) mentions.push({ start: open.start, end: text.length, type: open.type, text: text.slice(open.start), entityKey: text.slice(open.start) });
      open = null;
    };
    for (const [tok, label] of tokens) {
      const [bio, kind] = label.split('-') as [string, string | undefined];
      const type = kind ? TYPES[kind] : undefined;
      if (bio !== 'I' || !type || !open) close();
      if (text.length > 0) text += ' ';
      if (type && (bio === 'B' || !open)) open = { start: text.length, type };
      text += tok;
    }
    close();
    docs.push({ set, id: String(docs.length), split, text, sentences: [{ start: 0, end: text.length }], mentions, gold: [], scope: [] });
    tokens = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tab = line.lastIndexOf('\t');
    const [tok, label] = tab > 0 ? [line.slice(0, tab).trim(), line.slice(tab + 1).trim()] : line.trim().split(/\s+/u);
    if (!tok || !label) flush();
    else tokens.push([tok, label]);
  }
  flush();
  return docs;
}

/** PEYMA (Persian news): its train and dev files. */
export async function readPeyma(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readBioSentences('peyma', join(DATA_DIR, 'peyma', `${split}.txt`), split);
}

/** ANERcorp (Arabic news): its train and dev files. */
export async function readAnercorp(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readBioSentences('anercorp', join(DATA_DIR, 'anercorp', `${split}.txt`), split);
}

/**
 * ARMAN (ArmanPersoNERCorpus, Persian), fold-1 train only: its first 4,608 sentences are train and the last 10% dev, as
 * the Persian NER model splits it (models/MODEL_CARD.md). Sentence ids are positions in the file, so both splits keep
 * them. Its FAC, PRO and EVENT names are dropped; its convention of countries acting as parties tagged ORG is kept.
 */
export async function readArman(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const all = readBioSentences('arman', join(DATA_DIR, 'arman-personer', 'train.txt'), 'train');
  const cut = ARMAN_TRAIN_SENTENCES;
  return (split === 'train' ? all.slice(0, cut) : all.slice(cut)).map((d) => ({ ...d, split }));
}

/** ARMAN fold-1 sentences trained on (the rest are dev). */
export const ARMAN_TRAIN_SENTENCES = 4608;

/** ParsTwiNER (Persian tweets): its train and dev files (its NAT, POG and EVE names dropped). */
export async function readParstwiner(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  return readBioSentences('parstwiner', join(DATA_DIR, 'parstwiner', `${split}.txt`), split);
}
