/** Reading CoNLL-style NER files: 4-column CoNLL-2003 or 2-column `token TAG`, IOB1 or IOB2, with documents opened by a marker line (DOCUMENT_MARKER). */
import { readFileSync } from 'node:fs';

/** One sentence: its tokens and gold tags as written in the file. */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** The line that opens a document in CoNLL-2003 files (the only token of its line). */
export const DOCUMENT_MARKER = '-DOCSTART-';

/** One document: the sentences between two marker lines (a file without them is one document). */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/**
 * Parses CoNLL text; the tag is the last column, the token the first (tokens with spaces need TAB separation).
 * A file without any marker line (WikiANN, WNUT) holds unrelated sentences: each becomes its own document, so
 * document-level features never link two of them.
 */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sawDocstart = false;
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence = { tokens: [], tags: [] };
  const flushSentence = (): void => {
    if (sentence.tokens.length > 0) doc.sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flushSentence();
      continue;
    }
    const cols = line.includes('\t') ? line.split('\t') : line.split(' ');
    if (cols[0] === DOCUMENT_MARKER) {
      sawDocstart = true;
      flushSentence();
      if (doc.sentences.length > 0) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    sentence.tokens.push(cols[0]!);
    sentence.tags.push(cols.length > 1 ? cols[cols.length - 1]!.trim() : 'O');
  }
  flushSentence();
  if (doc.sentences.length > 0) docs.push(doc);
  return sawDocstart ? docs : docs.flatMap((d) => d.sentences.map((s) => ({ sentences: [s] })));
}

/** Reads and parses a CoNLL file. */
export function readConll(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/**
 * Tells whether tags are IOB1 (I- opens chunks, B- only between adjacent same-type chunks): true when some
 * I- tag follows O or a different type, which IOB2 never allows ("O I-PER" is IOB1).
 */
export function isIob1(docs: readonly ConllDocument[]): boolean {
  for (const d of docs) {
    for (const s of d.sentences) {
      let prev = 'O';
      for (const tag of s.tags) {
        if (tag.startsWith('I-') && (prev === 'O' || prev.slice(2) !== tag.slice(2))) return true;
        prev = tag;
      }
    }
  }
  return false;
}

/**
 * The name chunks of one sentence's tags as [start, end) token ranges with their type: a chunk opens at B-, or at I-
 * after O or another type (IOB1), and runs over the I- tags of its type ("B-PER I-PER O I-LOC" -> PER 0-2, LOC 3-4).
 */
export function conllChunks(tags: readonly string[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag.length < 3 || tag[1] !== '-' || (tag[0] !== 'B' && tag[0] !== 'I')) continue;
    const type = tag.slice(2);
    if (tag[0] === 'I' && i > 0 && tags[i - 1]!.slice(2) === type) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    out.push({ start: i, end: j, type });
  }
  return out;
}
