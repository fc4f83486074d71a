/** Character error rate for the OCR evaluation and benchmark. */
import { stripBidiMarks } from '../../src/ingest/ocr/tsv.js';

/** Levenshtein distance over UTF-16 code units (two rows). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

// Line breaks and paragraph gaps differ between the rendering and the reading; whitespace runs count as one space.
const fold = (s: string) => stripBidiMarks(s).replace(/\s+/g, ' ').trim();

/** Character error rate of `hyp` against `ref`: edit distance over the reference's length, whitespace folded. */
export function cer(ref: string, hyp: string): number {
  const r = fold(ref);
  return editDistance(r, fold(hyp)) / Math.max(1, r.length);
}
