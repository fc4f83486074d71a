/**
 * The coreference dev documents, rebuilt from ../shared/data (never copied): re3d's public-domain sub-corpora
 * (US_State_Department, CENTCOM) and CoNLL-2003 dev Reuters documents, each with sentences and its named mentions
 * keyed by within-document resolution, so annotations in annotations/coref/ can point into them by offset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType, Span } from '../src/model/index.js';
import type { InputMention } from '../src/extract/types.js';
import { conllChunks, readConll } from '../src/nlp/ner/conll.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { resolveWithinDocument } from '../src/resolve/index.js';

/** One dev document as the resolver sees it. */
export interface CorefDocument {
  id: string;
  text: string;
  sentences: Span[];
  mentions: InputMention[];
}

/** Where the shared data sets live. */
export const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');

/** Keys mentions by within-document resolution, as the mentions stage does. */
function keyed(id: string, text: string, spans: Omit<InputMention, 'entityKey'>[]): InputMention[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const { clusters } = resolveWithinDocument(text, sorted);
  const keys = new Array<string>(sorted.length);
  for (const c of clusters) for (const i of c.mentionIndexes) keys[i] = `${id}#${c.type}:${c.canonical.toLowerCase()}`;
  return sorted.map((m, i) => ({ ...m, entityKey: keys[i] ?? `${id}#${m.type}:${m.text.toLowerCase()}` }));
}

const RE3D_TYPE: Record<string, EntityType> = { Person: 'PERSON', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };
// re3d also tags pronouns and descriptions ("he", "the regime", "rebels") as entities; the resolver's input is names only.
const NAME = /^(?:[Tt]he\s+)?[A-Z0-9]/;
const PRONOUN = /^(?:he|she|it|they|him|her|his|its|their|them|we|us|our|i|me|my)$/i;

/** re3d documents of the public-domain sources. */
export function re3dDocuments(): CorefDocument[] {
  const dir = join(DATA, 're3d', 'json');
  if (!existsSync(dir)) return [];
  const lines = (f: string): Record<string, unknown>[] => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const docs = lines('documents.jsonl').filter((d) => d.re3dSource === 'US_State_Department' || d.re3dSource === 'CENTCOM');
  const entities = lines('entities.jsonl');
  return docs.map((d) => {
    const id = String(d._id);
    const text = String(d.text);
    const seen = new Set<string>();
    const spans: Omit<InputMention, 'entityKey'>[] = [];
    for (const e of entities) {
      const type = RE3D_TYPE[String(e.type)];
      if (e.documentId !== id || !type) continue;
      const start = Number(e.begin);
      const end = Number(e.end);
      const value = text.slice(start, end);
      if (!NAME.test(value) || PRONOUN.test(value) || /^[Tt]he\s+[a-z]/.test(value) || seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      spans.push({ start, end, type, text: value });
    }
    return { id, text, sentences: splitSentences(text), mentions: keyed(id, text, flatten(spans)) };
  });
}

/** Keeps the longest of overlapping spans ("Iraqi President Fuad Masum" over "Iraqi"). */
function flatten<T extends Span>(spans: T[]): T[] {
  const kept: T[] = [];
  for (const s of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const CONLL_TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** CoNLL-2003 dev documents "conll-dev-<n>" (n from 1): tokens joined by spaces, sentences by newlines. */
export function conllDevDocuments(): CorefDocument[] {
  return conllDocuments('dev');
}

/** CoNLL-2003 documents of one split, "conll-<split>-<n>" (n from 1). */
export function conllDocuments(split: 'train' | 'dev'): CorefDocument[] {
  const file = join(DATA, 'conll2003', `${split}.txt`);
  if (!existsSync(file)) return [];
  return readConll(file).map((doc, n) => {
    const id = `conll-${split}-${n + 1}`;
    let text = '';
    const sentences: Span[] = [];
    const spans: Omit<InputMention, 'entityKey'>[] = [];
    for (const sentence of doc.sentences) {
      if (text) text += '\n';
      const sentenceStart = text.length;
      const starts: number[] = [];
      sentence.tokens.forEach((token, i) => {
        if (i > 0) text += ' ';
        starts.push(text.length);
        text += token;
      });
      for (const c of conllChunks(sentence.tags)) {
        const start = starts[c.start]!;
        const end = starts[c.end - 1]! + sentence.tokens[c.end - 1]!.length;
        spans.push({ start, end, type: CONLL_TYPE[c.type]!, text: text.slice(start, end) });
      }
      sentences.push({ start: sentenceStart, end: text.length });
    }
    return { id, text, sentences, mentions: keyed(id, text, spans) };
  });
}
