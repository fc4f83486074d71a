/** The shape every relation data set is read into: documents with sentences, gold mentions and labelled mention pairs. */
import type { RelationTypeId, Span } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';

/** Where the data sets live (research-use sets are read from here, never copied into the repository). */
export const DATA_DIR = process.env.CABLEGRAPH_DATA ?? '/work/shared/data';

/** One gold relation between two mention spans of one sentence, already in our vocabulary. */
export interface GoldRelation {
  source: Span;
  target: Span;
  /** Our types this gold label may be read as (re3d CommWith is met or contacted); empty means "ignore this pair". */
  types: RelationTypeId[];
  /** When true either direction is right (re3d CoLocated between two places). */
  eitherDirection?: boolean;
  /** The label as the data set writes it, for error listings. */
  label: string;
  /** The annotator marked it negated ("X denied meeting Y"): not an assertion. */
  negated?: boolean;
  /** The post, when the annotation names one. */
  role?: string;
}

/** A document of a relation data set. */
export interface LabelledDoc {
  /** Data set name: "news", "conll04", "re3d", "redocred". */
  set: string;
  id: string;
  split: 'train' | 'dev';
  text: string;
  sentences: Span[];
  /** Gold entity mentions; entityKey groups mentions of one entity (the data set's own entity id or name). */
  mentions: InputMention[];
  gold: GoldRelation[];
  /** The types this data set annotates: a pair without a gold label is known not to hold any of these. */
  scope: RelationTypeId[];
}

/** Joins tokens with single spaces and returns the text with each token's span. */
export function joinTokens(tokens: readonly string[], offset = 0): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  for (const t of tokens) {
    if (text.length > 0) text += ' ';
    spans.push({ start: offset + text.length, end: offset + text.length + t.length });
    text += t;
  }
  return { text, spans };
}

/** Reads a JSON-lines file. */
export async function readJsonl<T>(path: string): Promise<T[]> {
  const { readFileSync } = await import('node:fs');
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}
