/**
 * Persian text written for training by this project's annotators (helper sessions), names marked in place
 * (annotations/written-ner-fa/sentences.jsonl; README there): `{"doc":"p1-001","s":"... [علی کریمی|PER] ..."}`, one
 * line per sentence. Read as CoNLL documents (tokens of our tokenizer, BIO tags), a training set like PEYMA's train
 * part; it has no dev part (it is written to teach, never a measure).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConllDocument } from '../src/nlp/ner/conll.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { findPackageRoot } from '../src/nlp/ner/index.js';
import { readMarks } from './written-batches.js';

/** Where the written Persian set lives. */
export function writtenNerPath(lang: 'fa' | 'ar'): string {
  return join(findPackageRoot(), 'annotations', `written-ner-${lang}`, 'sentences.jsonl');
}

/** One marked sentence as tokens and BIO tags (a token overlapping a name takes its tag; the first one B-). */
export function markedSentence(s: string): { tokens: string[]; tags: string[] } {
  const { text, names } = readMarks(s, ['PER', 'ORG', 'LOC']);
  const tokens: string[] = [];
  const tags: string[] = [];
  let open = -1;
  for (const t of tokenize(text, 0, text.length)) {
    const n = names.findIndex((x) => t.start < x.end && t.end > x.start);
    tokens.push(t.text);
    tags.push(n < 0 ? 'O' : `${n === open ? 'I' : 'B'}-${names[n]!.type}`);
    open = n;
  }
  return { tokens, tags };
}

/** The written documents of `lang` (none when the file is absent). */
export function readWrittenNer(lang: 'fa' | 'ar'): ConllDocument[] {
  const path = writtenNerPath(lang);
  if (!existsSync(path)) return [];
  const docs = new Map<string, ConllDocument>();
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const item = JSON.parse(line) as { doc: string; s: string };
    let doc = docs.get(item.doc);
    if (!doc) docs.set(item.doc, (doc = { sentences: [] }));
    try {
      const s = markedSentence(item.s);
      if (s.tokens.length > 0) doc.sentences.push(s);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
    }
  });
  return [...docs.values()];
}
