/**
 * Long documents in chunks: a stage reads at most STAGE_CHUNK characters of sentences at once, so what it holds
 * while working (tokens, tags, parses, coreference state) is bounded however long the document; its output is the
 * chunks' outputs together. Shorter documents are one chunk, read exactly as before.
 */
import type { Span } from '../../model/index.js';

/** Most characters of sentences a stage reads at once: far above an article or a report, well below a 50 MB blob. */
export const STAGE_CHUNK = 1_000_000;

/** Consecutive sentences grouped into chunks spanning at most `max` characters each (a longer sentence alone). */
export function sentenceChunks(sentences: readonly Span[], max: number = STAGE_CHUNK): Span[][] {
  const chunks: Span[][] = [];
  let current: Span[] = [];
  for (const s of sentences) {
    if (current.length > 0 && s.end - current[0]!.start > max) {
      chunks.push(current);
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The stretch of text a chunk covers: from its first sentence's start to its last sentence's end. */
export function chunkSpan(chunk: readonly Span[]): Span {
  return { start: chunk[0]!.start, end: chunk[chunk.length - 1]!.end };
}
