/** Tag schemes (IOB1, IOB2, BILOU) and conversion between tag sequences and typed chunks. */
import type { EntityType } from '../../model/index.js';

/** A typed run of tokens [start, end) in a sentence. */
export interface Chunk {
  /** Index of the first token. */
  start: number;
  /** Index one past the last token. */
  end: number;
  /** Entity type as written in the tags ("PER", "Organisation", ...). */
  type: string;
}

/** The CoNLL types our model predicts, in the order used by the weight rows. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** The model's tag set: O, then B-/I-/L-/U- for each type (BILOU beats IOB2 by ~0.5 F1 for linear models). */
export const MODEL_TAGS: string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`])];

const splitCache = new Map<string, readonly [string, string]>();

/** Splits a tag into its prefix ('B', 'I', 'L', 'U', 'E', 'S' or 'O') and type ('' for O); results are shared, do not modify. */
export function splitTag(tag: string): readonly [string, string] {
  let parts = splitCache.get(tag);
  if (!parts) {
    parts = tag === 'O' || tag.length < 2 || tag[1] !== '-' ? ['O', ''] : [tag[0]!, tag.slice(2)];
    // Tag sets are small; the bound only guards against files with garbage in the tag column.
    if (splitCache.size < 10_000) splitCache.set(tag, parts);
  }
  return parts;
}

/**
 * Reads chunks from IOB1, IOB2 or BILOU/IOBES tags the way conlleval does: a chunk starts at B (or S/U),
 * at I after O, or at I whose type differs from the previous token's; it ends before O, B, S/U or a type change.
 */
export function tagsToChunks(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  let prevPrefix = 'O';
  let prevType = '';
  for (let i = 0; i < tags.length; i++) {
    const [prefix, type] = splitTag(tags[i]!);
    const ends = open !== null && (
      prefix === 'O' || prefix === 'B' || prefix === 'U' || prefix === 'S' || type !== prevType ||
      prevPrefix === 'L' || prevPrefix === 'E' || prevPrefix === 'U' || prevPrefix === 'S');
    if (ends && open) {
      open.end = i;
      chunks.push(open);
      open = null;
    }
    if (prefix !== 'O' && open === null) open = { start: i, end: i + 1, type };
    prevPrefix = prefix;
    prevType = type;
  }
  if (open) {
    open.end = tags.length;
    chunks.push(open);
  }
  return chunks;
}

/** Writes chunks as BILOU tags over `length` tokens. */
export function chunksToBilou(chunks: readonly Chunk[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const c of chunks) {
    if (c.end - c.start === 1) tags[c.start] = `U-${c.type}`;
    else {
      tags[c.start] = `B-${c.type}`;
      for (let i = c.start + 1; i < c.end - 1; i++) tags[i] = `I-${c.type}`;
      tags[c.end - 1] = `L-${c.type}`;
    }
  }
  return tags;
}

/** Writes chunks as IOB2 tags over `length` tokens. */
export function chunksToIob2(chunks: readonly Chunk[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const c of chunks) {
    tags[c.start] = `B-${c.type}`;
    for (let i = c.start + 1; i < c.end; i++) tags[i] = `I-${c.type}`;
  }
  return tags;
}

/** Tells whether a BILOU tag may follow another (used to forbid impossible transitions in decoding). */
export function allowedTransition(prev: string, next: string): boolean {
  const [pp, pt] = splitTag(prev);
  const [np, nt] = splitTag(next);
  const prevOpen = pp === 'B' || pp === 'I';
  if (prevOpen) return (np === 'I' || np === 'L') && nt === pt;
  return np === 'O' || np === 'B' || np === 'U';
}

const ENTITY_TYPE: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Chunks over each sentence's tokens as names with character offsets into `text` (the recognizers' output). */
export function chunksToSpans(
  text: string,
  tokens: readonly (readonly { start: number; end: number }[])[],
  chunks: readonly (readonly Chunk[])[],
): { start: number; end: number; type: EntityType; text: string }[] {
  const spans: { start: number; end: number; type: EntityType; text: string }[] = [];
  tokens.forEach((ts, i) => {
    for (const c of chunks[i]!) {
      const start = ts[c.start]!.start;
      const end = ts[c.end - 1]!.end;
      // A name broken over two lines reads whole: the reading view's soft hyphens are not part of it.
      const read = text.slice(start, end);
      spans.push({ start, end, type: ENTITY_TYPE[c.type] ?? 'MISC', text: read.includes('\u00ad') ? read.replace(/\u00ad/g, '') : read });
    }
  });
  return spans;
}
